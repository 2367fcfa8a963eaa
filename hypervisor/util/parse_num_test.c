/* SPDX-License-Identifier: GPL-2.0-only */
/* Unit tests for strict number parsing: bases, bounds and junk. */
#include "hypervisor/parse_num.h"

#include <errno.h>
#include <stddef.h>

#include "hvm_test.h"

static void test_accepts(void)
{
	uint64_t v = 0;

	CHECK_EQ(0, parse_num_u64("256", 10, 1024, &v));
	CHECK_EQ(256, v);
	CHECK_EQ(0, parse_num_u64("0x4c4d", 0, 0xffffffff, &v));
	CHECK_EQ(0x4c4d, v);
	CHECK_EQ(0, parse_num_u64("18446744073709551615", 10, ~0ULL, &v));
	CHECK_EQ(~0ULL, v);
	CHECK_EQ(0, parse_num_u64("0", 10, 0, &v));
	CHECK_EQ(0, v);
}

static void test_refuses(void)
{
	uint64_t v = 7;

	CHECK_EQ(-EINVAL, parse_num_u64("", 10, 100, &v));
	CHECK_EQ(-EINVAL, parse_num_u64("-1", 10, ~0ULL, &v));
	CHECK_EQ(-EINVAL, parse_num_u64(" 5", 10, 100, &v));
	CHECK_EQ(-EINVAL, parse_num_u64("+5", 10, 100, &v));
	CHECK_EQ(-EINVAL, parse_num_u64("5x", 10, 100, &v));
	CHECK_EQ(-EINVAL, parse_num_u64("101", 10, 100, &v));
	CHECK_EQ(-EINVAL, parse_num_u64("0x10", 10, 100, &v));
	CHECK_EQ(-EINVAL, parse_num_u64("18446744073709551616", 10, ~0ULL, &v));
	CHECK_EQ(-EINVAL, parse_num_u64(NULL, 10, 100, &v));
	CHECK_EQ(7, v); /* untouched on error */
}

int main(void)
{
	HVM_TEST(test_accepts);
	HVM_TEST(test_refuses);
	return hvm_test_summary();
}
