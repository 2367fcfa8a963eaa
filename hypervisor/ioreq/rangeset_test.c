/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for range sets: merging of overlapping and adjacent ranges,
 * trimming and splitting on removal, containment of whole accesses
 * including ones that wrap past 2^64, the per-set cap (with the set left
 * unchanged on -ENOSPC) and bad arguments.
 */
#include "hypervisor/rangeset.h"

#include <errno.h>

#include "hvm_test.h"

#define TOP UINT64_MAX

/* Checks that range @i of @r is exactly [@start, @end]. */
#define CHECK_RANGE(r, i, s, e)                                                \
	do {                                                                   \
		CHECK((i) < (r)->nr);                                          \
		if ((i) < (r)->nr) {                                           \
			CHECK_EQ((s), (r)->ranges[i].start);                   \
			CHECK_EQ((e), (r)->ranges[i].end);                     \
		}                                                              \
	} while (0)

static void test_add_and_contains(void)
{
	struct rangeset r;

	rangeset_init(&r, 0);
	CHECK_EQ(RANGESET_MAX_RANGES, r.max);
	CHECK(!rangeset_contains(&r, 0x3f8, 1));
	CHECK_EQ(0, rangeset_add(&r, 0x3f8, 0x3ff));
	CHECK_EQ(0, rangeset_add(&r, 0x60, 0x60));
	CHECK_EQ(2, rangeset_count(&r));
	CHECK_RANGE(&r, 0, 0x60, 0x60);
	CHECK_RANGE(&r, 1, 0x3f8, 0x3ff);

	CHECK(rangeset_contains(&r, 0x3f8, 8));
	CHECK(rangeset_contains(&r, 0x3ff, 1));
	CHECK(!rangeset_contains(&r, 0x3ff, 2));
	CHECK(!rangeset_contains(&r, 0x3f7, 2));
	CHECK(!rangeset_contains(&r, 0x3f8, 0));
	CHECK(rangeset_contains(&r, 0x60, 1));
	CHECK(!rangeset_contains(&r, 0x60, 4));
	CHECK(!rangeset_contains(&r, 0x61, 1));
	CHECK(rangeset_contains_range(&r, 0x3f9, 0x3fa));
	CHECK(!rangeset_contains_range(&r, 0x3fa, 0x3f9));
	CHECK(!rangeset_contains_range(&r, 0x60, 0x3f8));
	rangeset_destroy(&r);
}

static void test_merge(void)
{
	struct rangeset r;

	rangeset_init(&r, 0);
	/* Adjacent on either side merges. */
	CHECK_EQ(0, rangeset_add(&r, 10, 19));
	CHECK_EQ(0, rangeset_add(&r, 20, 29));
	CHECK_EQ(0, rangeset_add(&r, 0, 9));
	CHECK_EQ(1, rangeset_count(&r));
	CHECK_RANGE(&r, 0, 0, 29);
	/* A gap of one address does not merge. */
	CHECK_EQ(0, rangeset_add(&r, 31, 40));
	CHECK_EQ(0, rangeset_add(&r, 50, 60));
	CHECK_EQ(0, rangeset_add(&r, 70, 80));
	CHECK_EQ(4, rangeset_count(&r));
	/* One add bridging three ranges and overlapping two of them. */
	CHECK_EQ(0, rangeset_add(&r, 35, 75));
	CHECK_EQ(2, rangeset_count(&r));
	CHECK_RANGE(&r, 0, 0, 29);
	CHECK_RANGE(&r, 1, 31, 80);
	/* Filling the hole joins everything; a covered add changes nothing. */
	CHECK_EQ(0, rangeset_add(&r, 30, 30));
	CHECK_EQ(0, rangeset_add(&r, 5, 6));
	CHECK_EQ(1, rangeset_count(&r));
	CHECK_RANGE(&r, 0, 0, 80);
	CHECK(rangeset_contains(&r, 0, 81));
	rangeset_destroy(&r);
}

static void test_remove_and_split(void)
{
	struct rangeset r;

	rangeset_init(&r, 0);
	CHECK_EQ(0, rangeset_add(&r, 100, 199));
	/* Removing the middle splits. */
	CHECK_EQ(0, rangeset_remove(&r, 140, 159));
	CHECK_EQ(2, rangeset_count(&r));
	CHECK_RANGE(&r, 0, 100, 139);
	CHECK_RANGE(&r, 1, 160, 199);
	CHECK(!rangeset_contains(&r, 139, 2));
	/* Trimming both edges at once, across the gap. */
	CHECK_EQ(0, rangeset_remove(&r, 130, 169));
	CHECK_RANGE(&r, 0, 100, 129);
	CHECK_RANGE(&r, 1, 170, 199);
	/* Removing what is not there succeeds and changes nothing. */
	CHECK_EQ(0, rangeset_remove(&r, 0, 99));
	CHECK_EQ(0, rangeset_remove(&r, 200, TOP));
	CHECK_EQ(2, rangeset_count(&r));
	/* Removing exactly one range, then everything. */
	CHECK_EQ(0, rangeset_remove(&r, 100, 129));
	CHECK_EQ(1, rangeset_count(&r));
	CHECK_RANGE(&r, 0, 170, 199);
	CHECK_EQ(0, rangeset_remove(&r, 0, TOP));
	CHECK_EQ(0, rangeset_count(&r));
	CHECK(!rangeset_contains(&r, 170, 1));
	rangeset_destroy(&r);
}

static void test_bad_arguments(void)
{
	struct rangeset r;

	rangeset_init(&r, 0);
	CHECK_EQ(-EINVAL, rangeset_add(&r, 2, 1));
	CHECK_EQ(-EINVAL, rangeset_remove(&r, TOP, 0));
	CHECK_EQ(0, rangeset_count(&r));
	CHECK(!rangeset_overlaps(&r, 5, 4));
	rangeset_destroy(&r);
}

static void test_top_of_address_space(void)
{
	struct rangeset r;

	rangeset_init(&r, 0);
	CHECK_EQ(0, rangeset_add(&r, 0xffffffffffffff00ULL, TOP));
	CHECK(rangeset_contains(&r, 0xffffffffffffff00ULL, 0x100));
	CHECK(rangeset_contains(&r, TOP, 1));
	/* Accesses crossing 2^64 must not wrap around to look small. */
	CHECK(!rangeset_contains(&r, 0xffffffffffffff01ULL, 0x100));
	CHECK(!rangeset_contains(&r, TOP, 2));
	CHECK(!rangeset_contains(&r, 0xffffffffffffff00ULL, TOP));
	CHECK(!rangeset_contains(&r, 1, TOP));

	/* Adjacency at both ends of the space, and a full-space range. */
	CHECK_EQ(0, rangeset_add(&r, 0, 0));
	CHECK_EQ(0, rangeset_add(&r, 1, 0xfffffffffffffeffULL));
	CHECK_EQ(1, rangeset_count(&r));
	CHECK_RANGE(&r, 0, 0, TOP);
	CHECK(rangeset_contains(&r, 0, TOP));
	CHECK_EQ(0, rangeset_remove(&r, 1, TOP - 1));
	CHECK_EQ(2, rangeset_count(&r));
	CHECK_RANGE(&r, 0, 0, 0);
	CHECK_RANGE(&r, 1, TOP, TOP);
	CHECK(rangeset_overlaps(&r, TOP, TOP));
	CHECK(!rangeset_overlaps(&r, 1, TOP - 1));
	rangeset_destroy(&r);
}

static void test_overlaps(void)
{
	struct rangeset r;

	rangeset_init(&r, 0);
	CHECK_EQ(0, rangeset_add(&r, 10, 19));
	CHECK_EQ(0, rangeset_add(&r, 30, 39));
	CHECK(rangeset_overlaps(&r, 0, 10));
	CHECK(rangeset_overlaps(&r, 19, 29));
	CHECK(rangeset_overlaps(&r, 0, TOP));
	CHECK(!rangeset_overlaps(&r, 20, 29));
	CHECK(!rangeset_overlaps(&r, 0, 9));
	CHECK(!rangeset_overlaps(&r, 40, TOP));
	rangeset_destroy(&r);
}

static void test_cap(void)
{
	struct rangeset r;
	unsigned int i;

	rangeset_init(&r, 4);
	for (i = 0; i < 4; i++)
		CHECK_EQ(0, rangeset_add(&r, i * 10, i * 10 + 1));
	CHECK_EQ(-ENOSPC, rangeset_add(&r, 100, 101));
	CHECK_EQ(4, rangeset_count(&r));
	CHECK(!rangeset_contains(&r, 100, 1));
	/* A split at the cap fails and leaves the set as it was. */
	CHECK_EQ(0, rangeset_add(&r, 30, 39));
	CHECK_EQ(-ENOSPC, rangeset_remove(&r, 33, 34));
	CHECK_EQ(4, rangeset_count(&r));
	CHECK_RANGE(&r, 3, 30, 39);
	/* Merging and trimming at the cap still work. */
	CHECK_EQ(0, rangeset_add(&r, 2, 9));
	CHECK_EQ(3, rangeset_count(&r));
	CHECK_EQ(0, rangeset_remove(&r, 30, 34));
	CHECK_RANGE(&r, 2, 35, 39);
	rangeset_destroy(&r);

	/* The default and largest cap: RANGESET_MAX_RANGES. */
	rangeset_init(&r, RANGESET_MAX_RANGES + 1000);
	for (i = 0; i < RANGESET_MAX_RANGES; i++)
		CHECK_EQ(0, rangeset_add(&r, (uint64_t)i * 4, (uint64_t)i * 4));
	CHECK_EQ(RANGESET_MAX_RANGES, rangeset_count(&r));
	CHECK_EQ(-ENOSPC, rangeset_add(&r, TOP, TOP));
	CHECK(rangeset_contains(&r, 4 * (RANGESET_MAX_RANGES - 1), 1));
	CHECK(!rangeset_contains(&r, 1, 1));
	rangeset_destroy(&r);
}

static void test_destroy_is_idempotent(void)
{
	struct rangeset r = {0};

	rangeset_destroy(&r);
	/* A zeroed, never-initialised set has a cap of 0. */
	CHECK_EQ(-ENOSPC, rangeset_add(&r, 1, 2));
	rangeset_init(&r, 0);
	CHECK_EQ(0, rangeset_add(&r, 1, 2));
	rangeset_destroy(&r);
	rangeset_destroy(&r);
	CHECK_EQ(0, rangeset_count(&r));
	CHECK(!rangeset_contains(&r, 1, 1));
	/* The set is reusable after destroy. */
	CHECK_EQ(0, rangeset_add(&r, 5, 6));
	CHECK(rangeset_contains(&r, 5, 2));
	rangeset_destroy(&r);
}

int main(void)
{
	HVM_TEST(test_add_and_contains);
	HVM_TEST(test_merge);
	HVM_TEST(test_remove_and_split);
	HVM_TEST(test_bad_arguments);
	HVM_TEST(test_top_of_address_space);
	HVM_TEST(test_overlaps);
	HVM_TEST(test_cap);
	HVM_TEST(test_destroy_is_idempotent);
	return hvm_test_summary();
}
