/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Guest memory (see gmem.h). The memfd is sparse: only pages the guest or
 * the device model touch use host memory. Regions are kept in creation
 * order; lookups are linear over at most GMEM_MAX_REGIONS entries.
 */
#define _GNU_SOURCE
#include "hypervisor/gmem.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define MIN_RAM (2ULL << 20)
/* Large enough for any RAM size we accept (1 TiB) without overflow. */
#define MAX_RAM (1ULL << 40)
/* The guest-physical space regions may be placed in (dm-abi.md 4.4). */
#define MAX_GPA (1ULL << 40)

static bool page_aligned(uint64_t v)
{
	return (v & (GMEM_PAGE_SIZE - 1)) == 0;
}

/* True if [a, a + alen) and [b, b + blen) overlap (no overflow: sizes capped).
 */
static bool overlaps(uint64_t a, uint64_t alen, uint64_t b, uint64_t blen)
{
	return a < b + blen && b < a + alen;
}

static void add_region(struct gmem *m, uint64_t gpa, uint64_t size,
		       enum gmem_kind kind)
{
	struct gmem_region *r = &m->regions[m->nr_regions];

	r->gpa = r->home = gpa;
	r->size = size;
	r->kind = kind;
	r->slot = m->nr_regions;
	m->nr_regions++;
}

int gmem_layout(uint64_t ram_size, struct gmem *m)
{
	uint64_t top;

	if (ram_size < MIN_RAM || ram_size > MAX_RAM || !page_aligned(ram_size))
		return -EINVAL;
	m->ram_size = ram_size;
	m->nr_regions = 0;
	m->lowmem_end = ram_size < GMEM_HOLE_START ? ram_size : GMEM_HOLE_START;
	m->highmem_end = 0;
	if (ram_size > GMEM_HOLE_START)
		m->highmem_end = GMEM_4G + (ram_size - GMEM_HOLE_START);

	/* firmware.md 1.2: no RAM in the VGA window. */
	add_region(m, 0, GMEM_VGA_START, GMEM_RAM);
	add_region(m, GMEM_VGA_END, m->lowmem_end - GMEM_VGA_END, GMEM_RAM);
	if (m->highmem_end)
		add_region(m, GMEM_4G, m->highmem_end - GMEM_4G, GMEM_RAM);
	add_region(m, GMEM_TABLES_START, GMEM_TABLES_SIZE, GMEM_SPECIAL);
	add_region(m, GMEM_SPECIAL_START, GMEM_SPECIAL_SIZE, GMEM_SPECIAL);

	/* QEMU's extra blocks go right after its xen.ram block. */
	top = m->highmem_end ? m->highmem_end : m->lowmem_end;
	m->private_start = top + GMEM_EXTRA_MAX;
	if (m->private_start < GMEM_SPECIAL_START + GMEM_SPECIAL_SIZE)
		m->private_start = GMEM_SPECIAL_START + GMEM_SPECIAL_SIZE;
	m->grant_start = m->private_start + GMEM_PRIVATE_PAGES * GMEM_PAGE_SIZE;
	m->file_size = m->grant_start + GMEM_GRANT_PAGES * GMEM_PAGE_SIZE;
	return 0;
}

int gmem_create(uint64_t ram_size, struct gmem **out)
{
	struct gmem *m;
	int rc;

	*out = NULL;
	m = calloc(1, sizeof(*m));
	if (!m)
		return -ENOMEM;
	m->fd = -1;
	m->base = MAP_FAILED;
	rc = gmem_layout(ram_size, m);
	if (rc)
		goto err;
	m->fd = memfd_create("hvm-guest-memory",
			     MFD_CLOEXEC | MFD_ALLOW_SEALING);
	if (m->fd < 0 || ftruncate(m->fd, (off_t)m->file_size) < 0)
		goto err_errno;
	/*
	 * The device model gets this fd: sealed, it cannot shrink the file
	 * under us (every host access past the new end would be SIGBUS).
	 */
	if (fcntl(m->fd, F_ADD_SEALS,
		  F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL) < 0)
		goto err_errno;
	m->base = mmap(NULL, m->file_size, PROT_READ | PROT_WRITE,
		       MAP_SHARED | MAP_NORESERVE, m->fd, 0);
	if (m->base == MAP_FAILED)
		goto err_errno;
	*out = m;
	return 0;
err_errno:
	rc = -errno;
err:
	gmem_destroy(m);
	return rc;
}

void gmem_destroy(struct gmem *m)
{
	if (!m)
		return;
	if (m->base != MAP_FAILED && m->base)
		munmap(m->base, m->file_size);
	if (m->fd >= 0)
		close(m->fd);
	free(m);
}

const struct gmem_region *gmem_find(const struct gmem *m, uint64_t gpa)
{
	unsigned int i;

	for (i = 0; i < m->nr_regions; i++) {
		const struct gmem_region *r = &m->regions[i];

		if (gpa >= r->gpa && gpa - r->gpa < r->size)
			return r;
	}
	return NULL;
}

int gmem_map(struct gmem *m, uint64_t gpa, uint64_t len, void **host)
{
	const struct gmem_region *r;
	uint64_t off;

	*host = NULL;
	if (len == 0)
		return -EINVAL;
	r = gmem_find(m, gpa);
	if (!r)
		return -EFAULT;
	off = gpa - r->gpa;
	if (len > r->size - off) /* off < size, so no underflow */
		return -EFAULT;
	*host = m->base + r->home + off;
	return 0;
}

int gmem_copy_from(struct gmem *m, void *dst, uint64_t gpa, uint64_t len)
{
	void *p;
	int rc = gmem_map(m, gpa, len, &p);

	if (!rc)
		memcpy(dst, p, len);
	return rc;
}

int gmem_copy_to(struct gmem *m, uint64_t gpa, const void *src, uint64_t len)
{
	void *p;
	int rc = gmem_map(m, gpa, len, &p);

	if (!rc)
		memcpy(p, src, len);
	return rc;
}

/*
 * -EEXIST if [gpa, gpa + size) overlaps any region but @skip, where it is
 * seen or (@home too) where its memfd pages are: a block populated over a
 * relocated block's home would share its pages.
 */
static int check_free(const struct gmem *m, uint64_t gpa, uint64_t size,
		      const struct gmem_region *skip, bool home)
{
	unsigned int i;

	for (i = 0; i < m->nr_regions; i++) {
		const struct gmem_region *r = &m->regions[i];

		if (r == skip)
			continue;
		if (overlaps(gpa, size, r->gpa, r->size) ||
		    (home && overlaps(gpa, size, r->home, r->size)))
			return -EEXIST;
	}
	return 0;
}

int gmem_populate(struct gmem *m, uint64_t gfn, uint64_t nr_pages,
		  unsigned int *index)
{
	uint64_t top = m->highmem_end ? m->highmem_end : m->lowmem_end;
	uint64_t gpa, size;
	int rc;

	if (nr_pages == 0 || nr_pages > m->file_size / GMEM_PAGE_SIZE ||
	    gfn > m->file_size / GMEM_PAGE_SIZE)
		return -EINVAL;
	gpa = gfn * GMEM_PAGE_SIZE;
	size = nr_pages * GMEM_PAGE_SIZE;
	/* Above RAM, below the private pages: its memfd offset is its home. */
	if (gpa < top || gpa > m->private_start ||
	    size > m->private_start - gpa)
		return -EINVAL;
	if (m->nr_regions >= GMEM_MAX_REGIONS)
		return -ENOSPC;
	rc = check_free(m, gpa, size, NULL, true);
	if (rc)
		return rc;
	*index = m->nr_regions;
	add_region(m, gpa, size, GMEM_POPULATED);
	return 0;
}

int gmem_relocate(struct gmem *m, uint64_t src_gfn, uint64_t dst_gfn,
		  uint64_t nr_pages, unsigned int *index)
{
	struct gmem_region *r = NULL;
	uint64_t dst;
	unsigned int i;
	int rc;

	for (i = 0; i < m->nr_regions && !r; i++) {
		if (m->regions[i].kind == GMEM_POPULATED &&
		    m->regions[i].home == src_gfn * GMEM_PAGE_SIZE)
			r = &m->regions[i];
	}
	if (!r || src_gfn > m->file_size / GMEM_PAGE_SIZE)
		return -ENOENT;
	if (nr_pages != r->size / GMEM_PAGE_SIZE ||
	    dst_gfn > MAX_GPA / GMEM_PAGE_SIZE)
		return -EINVAL;
	dst = dst_gfn * GMEM_PAGE_SIZE;
	rc = check_free(m, dst, r->size, r, false);
	if (rc)
		return rc;
	r->gpa = dst;
	*index = (unsigned int)(r - m->regions);
	return 0;
}

int gmem_grant_place(struct gmem *m, uint64_t base_gfn, uint64_t nr_pages,
		     unsigned int *index, bool *moved)
{
	struct gmem_region *r = NULL;
	uint64_t gpa, size, top;
	unsigned int i;
	int rc;

	for (i = 0; i < m->nr_regions && !r; i++) {
		if (m->regions[i].kind == GMEM_GRANT)
			r = &m->regions[i];
	}
	if (nr_pages == 0 || nr_pages > GMEM_GRANT_PAGES ||
	    (r && r->size != nr_pages * GMEM_PAGE_SIZE) ||
	    base_gfn > (MAX_GPA / GMEM_PAGE_SIZE) - nr_pages)
		return -EINVAL;
	gpa = base_gfn * GMEM_PAGE_SIZE;
	size = nr_pages * GMEM_PAGE_SIZE;
	/* Where the device model populates its blocks (and moves them back). */
	top = m->highmem_end ? m->highmem_end : m->lowmem_end;
	if (overlaps(gpa, size, top, GMEM_EXTRA_MAX))
		return -EINVAL;
	rc = check_free(m, gpa, size, r, false);
	if (rc)
		return rc;
	*moved = r != NULL;
	if (!r) {
		if (m->nr_regions >= GMEM_MAX_REGIONS)
			return -ENOSPC;
		add_region(m, gpa, size, GMEM_GRANT);
		r = &m->regions[m->nr_regions - 1];
		r->home = m->grant_start;
	}
	r->gpa = gpa;
	*index = (unsigned int)(r - m->regions);
	return 0;
}
