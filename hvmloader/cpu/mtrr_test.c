/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests of the MTRR values (mtrr.h): fixed ranges, the default type,
 * and the uncached variable ranges over the PCI windows, which must be
 * aligned powers of two covering exactly the requested ranges.
 */
#include <string.h>

#include "hvm_test.h"
#include "hvmloader/mtrr.h"

static const struct mtrr_caps kvm_caps = {
	.present = true,
	.fixed = true,
	.wc = true,
	.vcnt = 8,
	.phys_bits = 40,
};

/* Checks that the variable ranges cover exactly [start, end). */
static void check_cover(const struct mtrr_state *s, uint64_t start,
			uint64_t end, unsigned int bits)
{
	uint64_t addr_mask = ((1ULL << bits) - 1) & ~0xfffULL, next = start;
	unsigned int i;

	for (i = 0; i < s->nr_var; i++) {
		uint64_t base = s->var_base[i] & ~0xfffULL;
		uint64_t mask = s->var_mask[i] & addr_mask;
		uint64_t size = (~mask & addr_mask) + 0x1000;

		CHECK_EQ(0, s->var_base[i] & 0xff); /* uncached */
		CHECK(s->var_mask[i] & (1u << 11));
		CHECK_EQ(0, base & (size - 1));
		if (base != next)
			continue; /* another range's block */
		next = base + size;
	}
	CHECK_EQ(end, next);
}

static void test_low_window(void)
{
	struct mtrr_range uc[2] = {{0xf0000000u, 0xfc000000u}, {0, 0}};
	struct mtrr_state s;

	CHECK_EQ(0, mtrr_compute(&kvm_caps, uc, 2, &s));
	CHECK_EQ(2, s.nr_var); /* 128 MiB + 64 MiB */
	check_cover(&s, 0xf0000000u, 0xfc000000u, 40);
	CHECK_EQ(0xc06, s.def_type);
	CHECK(s.fixed_enabled);
	CHECK_EQ(0x0606060606060606ULL, s.fixed[0]);
	CHECK_EQ(0x0101010101010101ULL, s.fixed[2]); /* VGA: WC */
	CHECK_EQ(0x0606060606060606ULL, s.fixed[10]);
}

static void test_high_window(void)
{
	struct mtrr_range uc[2] = {{0xe0000000u, 0xfc000000u},
				   {0x280000000ULL, 0x30c000000ULL}};
	struct mtrr_state s;

	CHECK_EQ(0, mtrr_compute(&kvm_caps, uc, 2, &s));
	check_cover(&s, 0xe0000000u, 0xfc000000u, 40);
	check_cover(&s, 0x280000000ULL, 0x30c000000ULL, 40);
	CHECK_EQ(0xffffff0000ULL & s.var_mask[0], s.var_mask[0] & ~0x800ULL);
}

static void test_out_of_mtrrs(void)
{
	struct mtrr_caps caps = kvm_caps;
	struct mtrr_range uc[1] = {{0xf0001000u, 0xfc000000u}};
	struct mtrr_state s;

	caps.vcnt = 2;
	CHECK(mtrr_compute(&caps, uc, 1, &s) > 0);
	CHECK_EQ(2, s.nr_var);
}

static void test_no_fixed_no_wc(void)
{
	struct mtrr_caps caps = kvm_caps;
	struct mtrr_state s;

	caps.wc = false;
	CHECK_EQ(0, mtrr_compute(&caps, NULL, 0, &s));
	CHECK_EQ(0, s.fixed[2]); /* VGA: uncached */
	caps.fixed = false;
	CHECK_EQ(0, mtrr_compute(&caps, NULL, 0, &s));
	CHECK(!s.fixed_enabled);
	CHECK_EQ(0x806, s.def_type);
	CHECK_EQ(0, s.nr_var);
}

int main(void)
{
	HVM_TEST(test_low_window);
	HVM_TEST(test_high_window);
	HVM_TEST(test_out_of_mtrrs);
	HVM_TEST(test_no_fixed_no_wc);
	return hvm_test_summary();
}
