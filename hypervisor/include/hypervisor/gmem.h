/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Guest memory of one domain: a single sparse memfd whose file offset is
 * the guest-physical address (a 1:1 p2m), mapped once into this process,
 * and a table of the regions that are really guest memory (RAM below the
 * VGA hole, RAM up to the PCI hole, RAM above 4 GiB, the ioreq and special
 * pages, and pages the device model populates). Every host pointer to guest
 * memory comes from gmem_map()/gmem_copy_*(), which check that the whole
 * range lies in one region. Layout: ../shared/design/firmware.md 1.2.
 *
 * Not thread-safe: callers that may run while the device model changes
 * regions (hypercall copies on vCPU threads, populate and relocate on the
 * control thread) hold the domain's mem_lock, shared or exclusive.
 */
#ifndef HYPERVISOR_GMEM_H
#define HYPERVISOR_GMEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define GMEM_PAGE_SIZE 4096ULL
#define GMEM_4G (1ULL << 32)
/* Start of the PCI hole below 4 GiB (HVM_BELOW_4G_RAM_END). */
#define GMEM_HOLE_START 0xf0000000ULL
/* The VGA window 0xA0000-0xBFFFF is never RAM: QEMU emulates it. */
#define GMEM_VGA_START 0xa0000ULL
#define GMEM_VGA_END 0xc0000ULL
/*
 * Where hvmloader builds the ACPI and other firmware tables (firmware.md
 * E820: NVS and reserved from 0xFC000000): backed, never listed as RAM.
 */
#define GMEM_TABLES_START 0xfc000000ULL
#define GMEM_TABLES_SIZE (2ULL << 20)
/* Xen's ioreq-server pages (8) and special pages (8), PFN 0xFEFF0. */
#define GMEM_SPECIAL_START 0xfeff0000ULL
#define GMEM_SPECIAL_SIZE (16 * GMEM_PAGE_SIZE)
/*
 * The guest's xenstore ring: Xen's special page 4 (SPECIALPAGE_XENSTORE,
 * PFN 0xFEFF8 + 4), where libxl's domain builder puts it.
 */
#define GMEM_XENSTORE_PFN ((GMEM_SPECIAL_START >> 12) + 8 + 4)
/* The PV console's ring: special page 7 (SPECIALPAGE_CONSOLE), 0xFEFFF. */
#define GMEM_CONSOLE_PFN ((GMEM_SPECIAL_START >> 12) + 8 + 7)
/* Room for pages the device model populates above RAM (VRAM, ROMs). */
#define GMEM_EXTRA_MAX (256ULL << 20)
/*
 * Per-vCPU bounce pages for rep string port I/O sent with data_is_ptr:
 * the last GMEM_BOUNCE_PAGES pages of low RAM, reserved in the memory map
 * the guest gets. They must be RAM in QEMU's view too (its xen.ram block
 * covers low RAM), or QEMU drops the data it writes there.
 */
#define GMEM_BOUNCE_PAGES 8

/*
 * Pages at the end of the memfd that no memslot maps: the guest cannot
 * touch them, the device model maps them by offset (ioreq pages: Xen too
 * takes enabled servers' pages out of the guest's p2m).
 */
#define GMEM_PRIVATE_PAGES 16
/*
 * The guest's grant-table frames, after the private pages: no memslot
 * maps them until the guest places them (gmem_grant_place()). Xen's
 * default max_grant_frames.
 */
#define GMEM_GRANT_PAGES 64
/* Most regions one domain can have (RAM, special, populated blocks). */
#define GMEM_MAX_REGIONS 32

enum gmem_kind {
	GMEM_RAM,	/* guest RAM, in the E820 map */
	GMEM_SPECIAL,	/* ioreq and special pages, reserved */
	GMEM_POPULATED, /* device-model pages: VRAM, option ROMs */
	GMEM_GRANT,	/* grant-table frames, where the guest placed them */
};

struct gmem_region {
	uint64_t gpa; /* where the guest sees it now */
	uint64_t size;
	uint64_t home; /* its memfd offset (= gpa at creation) */
	enum gmem_kind kind;
	unsigned int slot; /* KVM memslot number */
	bool log_dirty;	   /* KVM dirty logging on (framebuffer tracking) */
};

struct gmem {
	int fd;
	uint8_t *base; /* host mapping of the whole file */
	uint64_t file_size;
	uint64_t ram_size;
	uint64_t lowmem_end;	/* first byte past RAM below 4 GiB */
	uint64_t highmem_end;	/* first byte past RAM above 4 GiB, or 0 */
	uint64_t private_start; /* memfd offset of the private pages */
	uint64_t grant_start;	/* memfd offset of the grant frames */
	unsigned int nr_regions;
	struct gmem_region regions[GMEM_MAX_REGIONS];
};

/* Guest-physical address of the first bounce page (top of low RAM). */
static inline uint64_t gmem_bounce_start(const struct gmem *m)
{
	return m->lowmem_end - GMEM_BOUNCE_PAGES * GMEM_PAGE_SIZE;
}

/*
 * Computes the layout for @ram_size bytes of RAM (page multiple, at least
 * 2 MiB) without allocating anything: fills lowmem_end, highmem_end,
 * file_size and the RAM and special regions. Returns 0 or -EINVAL.
 */
int gmem_layout(uint64_t ram_size, struct gmem *m)
	__attribute__((warn_unused_result));

/* Lays out, creates and maps the memfd. Returns 0 or a negative errno. */
int gmem_create(uint64_t ram_size, struct gmem **out)
	__attribute__((warn_unused_result));

/* Unmaps and closes; accepts NULL. */
void gmem_destroy(struct gmem *m);

/*
 * Returns in @host a pointer to guest-physical [@gpa, @gpa + @len), or
 * -EFAULT unless the whole range lies inside one region. @len 0 is
 * -EINVAL.
 */
int gmem_map(struct gmem *m, uint64_t gpa, uint64_t len, void **host)
	__attribute__((warn_unused_result));

/* Checked copies between guest-physical memory and a host buffer. */
int gmem_copy_from(struct gmem *m, void *dst, uint64_t gpa, uint64_t len)
	__attribute__((warn_unused_result));
int gmem_copy_to(struct gmem *m, uint64_t gpa, const void *src, uint64_t len)
	__attribute__((warn_unused_result));

/*
 * Adds a device-model region of @nr_pages at @gfn (QEMU's
 * populate_physmap_exact). It must lie above RAM, inside the file, and not
 * overlap another region: -EINVAL, -ENOSPC or -EEXIST otherwise. On
 * success *@index is its region index (for the KVM memslot).
 */
int gmem_populate(struct gmem *m, uint64_t gfn, uint64_t nr_pages,
		  unsigned int *index) __attribute__((warn_unused_result));

/*
 * Moves the populated region whose home is @src_gfn (wherever it is now,
 * so a repeated call works, dm-abi.md 4.4) to @dst_gfn, for @nr_pages
 * equal to its size. Returns 0 with *@index set, or -ENOENT, -EINVAL,
 * -EEXIST (the destination overlaps another region).
 */
int gmem_relocate(struct gmem *m, uint64_t src_gfn, uint64_t dst_gfn,
		  uint64_t nr_pages, unsigned int *index)
	__attribute__((warn_unused_result));

/*
 * Places the grant frames (@nr_pages, at most GMEM_GRANT_PAGES) at
 * @base_gfn, frame i at @base_gfn + i: adds their region the first time,
 * moves it after (its memfd pages stay). Returns 0 with *@index set and
 * *@moved true for a move; -EINVAL for a bad size, a range beyond the
 * guest-physical space (40 bits) or in the device model's populate window
 * above RAM, -EEXIST if it overlaps another region,
 * -ENOSPC if no region is left.
 */
int gmem_grant_place(struct gmem *m, uint64_t base_gfn, uint64_t nr_pages,
		     unsigned int *index, bool *moved)
	__attribute__((warn_unused_result));

/* The region containing @gpa, or NULL. */
const struct gmem_region *gmem_find(const struct gmem *m, uint64_t gpa);

#endif /* HYPERVISOR_GMEM_H */
