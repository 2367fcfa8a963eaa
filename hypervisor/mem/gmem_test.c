/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for guest memory: layouts for several RAM sizes (one
 * straddling the PCI hole), checked mapping at region edges and with
 * hostile addresses, and populate/relocate as QEMU drives them.
 */
#include "hypervisor/gmem.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "hvm_test.h"

#define MIB (1ULL << 20)
#define GIB (1ULL << 30)

static void test_layout_small_guest(void)
{
	struct gmem m;

	CHECK_EQ(0, gmem_layout(128 * MIB, &m));
	CHECK_EQ(128 * MIB, m.lowmem_end);
	CHECK_EQ(0, m.highmem_end);
	/* low RAM, RAM above VGA, firmware tables, special pages */
	CHECK_EQ(4, m.nr_regions);
	CHECK_EQ(GMEM_VGA_START, m.regions[0].size);
	CHECK_EQ(GMEM_VGA_END, m.regions[1].gpa);
	CHECK_EQ(128 * MIB - GMEM_VGA_END, m.regions[1].size);
	CHECK_EQ(GMEM_TABLES_START, m.regions[2].gpa);
	CHECK_EQ(GMEM_TABLES_SIZE, m.regions[2].size);
	CHECK_EQ(GMEM_SPECIAL, m.regions[2].kind);
	CHECK_EQ(GMEM_SPECIAL_START, m.regions[3].gpa);
	CHECK(m.file_size >= GMEM_SPECIAL_START + GMEM_SPECIAL_SIZE);
}

static void test_layout_sizes(void)
{
	struct gmem m;

	CHECK_EQ(0, gmem_layout(1 * GIB, &m));
	CHECK_EQ(1 * GIB, m.lowmem_end);
	CHECK_EQ(0, gmem_layout(3 * GIB + 512 * MIB, &m));
	CHECK_EQ(0xe0000000, m.lowmem_end);
	CHECK_EQ(0, m.highmem_end);
	/* 8 GiB straddles the hole: 3.75 GiB low, the rest above 4 GiB. */
	CHECK_EQ(0, gmem_layout(8 * GIB, &m));
	CHECK_EQ(GMEM_HOLE_START, m.lowmem_end);
	CHECK_EQ(GMEM_4G + 8 * GIB - GMEM_HOLE_START, m.highmem_end);
	CHECK_EQ(5, m.nr_regions);
	CHECK_EQ(m.highmem_end + GMEM_EXTRA_MAX, m.private_start);
	CHECK_EQ(m.private_start + GMEM_PRIVATE_PAGES * GMEM_PAGE_SIZE,
		 m.grant_start);
	CHECK_EQ(m.grant_start + GMEM_GRANT_PAGES * GMEM_PAGE_SIZE,
		 m.file_size);
}

static void test_layout_rejects_bad_sizes(void)
{
	struct gmem m;

	CHECK_EQ(-EINVAL, gmem_layout(0, &m));
	CHECK_EQ(-EINVAL, gmem_layout(1 * MIB, &m));
	CHECK_EQ(-EINVAL, gmem_layout(128 * MIB + 1, &m));
	CHECK_EQ(-EINVAL, gmem_layout(~0ULL & ~4095ULL, &m));
}

static void test_map_checks_every_byte(void)
{
	struct gmem *m = NULL;
	uint8_t buf[16] = {1, 2, 3}, back[16];
	void *p;

	CHECK_EQ(0, gmem_create(16 * MIB, &m));
	if (!m)
		return;
	CHECK_EQ(0, gmem_map(m, 0, 4096, &p));
	CHECK_EQ(-EFAULT, gmem_map(m, GMEM_VGA_START - 8, 16, &p));
	CHECK(p == NULL);
	CHECK_EQ(-EFAULT, gmem_map(m, GMEM_VGA_START, 1, &p));
	CHECK_EQ(-EFAULT, gmem_map(m, 16 * MIB - 8, 16, &p));
	CHECK_EQ(0, gmem_map(m, 16 * MIB - 16, 16, &p));
	CHECK_EQ(-EFAULT, gmem_map(m, ~0ULL - 4, 16, &p));
	CHECK_EQ(-EFAULT, gmem_map(m, 0x1000, ~0ULL, &p));
	CHECK_EQ(-EINVAL, gmem_map(m, 0x1000, 0, &p));
	CHECK_EQ(-EFAULT, gmem_map(m, GMEM_HOLE_START, 4, &p));
	CHECK_EQ(0, gmem_copy_to(m, 0x9f800, buf, sizeof(buf)));
	CHECK_EQ(0, gmem_copy_from(m, back, 0x9f800, sizeof(back)));
	CHECK(memcmp(buf, back, sizeof(buf)) == 0);
	CHECK_EQ(-EFAULT, gmem_copy_to(m, 0x9fff8, buf, sizeof(buf)));
	/* Whoever holds the fd (the device model) cannot shrink it. */
	CHECK(ftruncate(m->fd, 0) < 0);
	gmem_destroy(m);
}

static void test_populate_and_relocate(void)
{
	uint64_t vram_gfn = (64 * MIB) / GMEM_PAGE_SIZE, bar_gfn = 0xf0000;
	struct gmem *m = NULL;
	unsigned int idx, idx2;
	uint8_t v = 0x5a, seen = 0;
	void *p;

	CHECK_EQ(0, gmem_create(64 * MIB, &m));
	if (!m)
		return;
	CHECK_EQ(-EINVAL, gmem_populate(m, 0x100, 16, &idx)); /* inside RAM */
	CHECK_EQ(-EINVAL, gmem_populate(m, vram_gfn, 0, &idx));
	CHECK_EQ(-EINVAL, gmem_populate(m, ~0ULL, 1, &idx));
	/* The private pages at the end of the file are never guest memory. */
	CHECK_EQ(-EINVAL,
		 gmem_populate(m, m->private_start / GMEM_PAGE_SIZE, 1, &idx));
	CHECK_EQ(-EINVAL,
		 gmem_populate(m, m->private_start / GMEM_PAGE_SIZE - 1, 2,
			       &idx));
	CHECK_EQ(-EINVAL, gmem_populate(m, vram_gfn, ~0ULL / 2, &idx));
	CHECK_EQ(0, gmem_populate(m, vram_gfn, 4096, &idx));
	CHECK_EQ(-EEXIST, gmem_populate(m, vram_gfn + 10, 1, &idx2));
	CHECK_EQ(0, gmem_copy_to(m, vram_gfn * GMEM_PAGE_SIZE, &v, 1));

	/* QEMU maps the framebuffer BAR: the same pages appear there. */
	CHECK_EQ(0, gmem_relocate(m, vram_gfn, bar_gfn, 4096, &idx2));
	CHECK_EQ(idx, idx2);
	CHECK_EQ(0, gmem_copy_from(m, &seen, bar_gfn * GMEM_PAGE_SIZE, 1));
	CHECK_EQ(0x5a, seen);
	CHECK_EQ(-EFAULT, gmem_map(m, vram_gfn * GMEM_PAGE_SIZE, 1, &p));
	/* Moved again with the original source, as QEMU does. */
	CHECK_EQ(0, gmem_relocate(m, vram_gfn, 0xe0000, 4096, &idx2));
	CHECK_EQ(-EFAULT, gmem_map(m, bar_gfn * GMEM_PAGE_SIZE, 1, &p));
	CHECK_EQ(0, gmem_copy_from(m, &seen, 0xe0000ULL * GMEM_PAGE_SIZE, 1));
	CHECK_EQ(0x5a, seen);

	/* The old place's memfd pages still belong to the moved block. */
	CHECK_EQ(-EEXIST, gmem_populate(m, vram_gfn, 16, &idx2));
	CHECK_EQ(-ENOENT, gmem_relocate(m, 0x1234, bar_gfn, 4096, &idx2));
	CHECK_EQ(-EINVAL, gmem_relocate(m, vram_gfn, bar_gfn, 1, &idx2));
	CHECK_EQ(-EINVAL, gmem_relocate(m, vram_gfn, bar_gfn,
					4096 + (1ULL << 52), &idx2));
	CHECK_EQ(-EEXIST, gmem_relocate(m, vram_gfn, 0, 4096, &idx2));
	gmem_destroy(m);
}

static void test_grant_place(void)
{
	uint64_t bar_gfn = 0xf1000, vram_gfn = (64 * MIB) / GMEM_PAGE_SIZE;
	struct gmem *m = NULL;
	unsigned int idx, idx2, nr;
	bool moved = true;
	uint8_t v = 0xa5, seen = 0;

	CHECK_EQ(0, gmem_create(64 * MIB, &m));
	if (!m)
		return;
	nr = m->nr_regions;
	/* Over RAM, the special pages, past 1 TiB; bad sizes. */
	CHECK_EQ(-EEXIST, gmem_grant_place(m, 0x100, 64, &idx, &moved));
	CHECK_EQ(-EEXIST,
		 gmem_grant_place(m, GMEM_SPECIAL_START / GMEM_PAGE_SIZE, 64,
				  &idx, &moved));
	CHECK_EQ(-EINVAL,
		 gmem_grant_place(m, (1ULL << 28) - 63, 64, &idx, &moved));
	CHECK_EQ(-EINVAL, gmem_grant_place(m, ~0ULL, 64, &idx, &moved));
	CHECK_EQ(-EINVAL, gmem_grant_place(m, bar_gfn, 0, &idx, &moved));
	CHECK_EQ(-EINVAL, gmem_grant_place(m, bar_gfn, GMEM_GRANT_PAGES + 1,
					   &idx, &moved));
	CHECK_EQ(nr, m->nr_regions);
	/* The first place adds the region; its pages are the grant pages. */
	CHECK_EQ(0, gmem_grant_place(m, bar_gfn, 64, &idx, &moved));
	CHECK(!moved);
	CHECK_EQ(nr, idx);
	CHECK_EQ(m->grant_start, m->regions[idx].home);
	CHECK_EQ(0, gmem_copy_to(m, (bar_gfn + 63) * GMEM_PAGE_SIZE, &v, 1));
	CHECK_EQ(0xa5, m->base[m->grant_start + 63 * GMEM_PAGE_SIZE]);
	/* A move keeps them; the old place is a hole again. */
	CHECK_EQ(0, gmem_grant_place(m, bar_gfn + 0x100, 64, &idx2, &moved));
	CHECK(moved);
	CHECK_EQ(idx, idx2);
	CHECK_EQ(0, gmem_copy_from(m, &seen,
				   (bar_gfn + 0x100 + 63) * GMEM_PAGE_SIZE, 1));
	CHECK_EQ(0xa5, seen);
	CHECK(gmem_find(m, bar_gfn * GMEM_PAGE_SIZE) == NULL);
	/* Onto itself, half-overlapping its own place: fine. */
	CHECK_EQ(0, gmem_grant_place(m, bar_gfn + 0x120, 64, &idx2, &moved));
	/* Its size is fixed once placed. */
	CHECK_EQ(-EINVAL, gmem_grant_place(m, bar_gfn, 32, &idx2, &moved));
	/* Device-model blocks and grant frames keep out of each other. */
	CHECK_EQ(0, gmem_populate(m, vram_gfn, 16, &idx2));
	CHECK_EQ(-EEXIST,
		 gmem_relocate(m, vram_gfn, bar_gfn + 0x130, 16, &idx2));
	CHECK_EQ(0, gmem_relocate(m, vram_gfn, bar_gfn + 0x200, 16, &idx2));
	CHECK_EQ(-EEXIST,
		 gmem_grant_place(m, bar_gfn + 0x1f0, 64, &idx2, &moved));
	/* Nor where the device model populates, even where it has not. */
	CHECK_EQ(-EINVAL, gmem_grant_place(m, vram_gfn, 64, &idx2, &moved));
	CHECK_EQ(-EINVAL,
		 gmem_grant_place(m, vram_gfn + 0x1000, 64, &idx2, &moved));
	gmem_destroy(m);
}

static void test_region_table_is_bounded(void)
{
	uint64_t gfn = (16 * MIB) / GMEM_PAGE_SIZE;
	struct gmem *m = NULL;
	unsigned int idx, i, ok = 0;

	CHECK_EQ(0, gmem_create(16 * MIB, &m));
	if (!m)
		return;
	for (i = 0; i < 2 * GMEM_MAX_REGIONS; i++)
		ok += gmem_populate(m, gfn + i, 1, &idx) == 0;
	CHECK_EQ(GMEM_MAX_REGIONS - 4, ok); /* 4 regions exist from the start */
	CHECK_EQ(-ENOSPC, gmem_populate(m, gfn + 100, 1, &idx));
	gmem_destroy(m);
}

int main(void)
{
	HVM_TEST(test_layout_small_guest);
	HVM_TEST(test_layout_sizes);
	HVM_TEST(test_layout_rejects_bad_sizes);
	HVM_TEST(test_map_checks_every_byte);
	HVM_TEST(test_populate_and_relocate);
	HVM_TEST(test_grant_place);
	HVM_TEST(test_region_table_is_bounded);
	return hvm_test_summary();
}
