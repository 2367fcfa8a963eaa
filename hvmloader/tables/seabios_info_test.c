/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests of the XenHVMSeaBIOS info table (seabios.h): the checks
 * SeaBIOS 1.16 makes (signature, length, checksum) pass, and the table
 * and E820 arrays it points at hold what was handed over.
 */
#include <errno.h>
#include <string.h>

#include "hvm_test.h"
#include "hvmloader/seabios.h"

#define LOW_GPA 0x10000u
#define LOW_SIZE 0x1000u

static uint8_t low_buf[LOW_SIZE];

static uint8_t sum(const void *p, size_t len)
{
	const uint8_t *b = p;
	uint8_t s = 0;

	while (len--)
		s = (uint8_t)(s + *b++);
	return s;
}

static void test_info_table(void)
{
	const struct e820_entry e820[2] = {{0, 0xa0000, 1},
					   {0x100000, 0x7f00000, 1}};
	struct seabios_handover h = {
		.nr_tables = 3,
		.tables = {0x10000, 0x10020, 0x10040},
		.nr_e820 = 2,
		.e820 = e820,
	};
	struct seabios_info info;
	struct arena low;
	const uint32_t *tables;
	const struct e820_entry *e;

	arena_init(&low, low_buf, LOW_GPA, LOW_SIZE);
	CHECK_EQ(0, seabios_info_build(&h, &info, &low));
	CHECK(!memcmp(info.signature, "XenHVMSeaBIOS", 14));
	CHECK_EQ(32, info.length);
	CHECK_EQ(0, sum(&info, info.length));
	CHECK_EQ(3, info.tables_nr);
	CHECK_EQ(2, info.e820_nr);
	tables = arena_ptr(&low, info.tables, 16);
	e = arena_ptr(&low, info.e820, 40);
	CHECK(tables && tables[1] == 0x10020);
	CHECK(e && e[1].addr == 0x100000 && e[1].size == 0x7f00000);
}

static void test_errors(void)
{
	const struct e820_entry e820[1] = {{0, 0xa0000, 1}};
	struct seabios_handover h = {
		.nr_tables = 5, .nr_e820 = 1, .e820 = e820};
	struct seabios_info info;
	struct arena low;

	arena_init(&low, low_buf, LOW_GPA, LOW_SIZE);
	CHECK_EQ(-EINVAL, seabios_info_build(&h, &info, &low));
	h.nr_tables = 1;
	h.nr_e820 = 0;
	CHECK_EQ(-EINVAL, seabios_info_build(&h, &info, &low));
	h.nr_e820 = 1;
	arena_init(&low, low_buf, LOW_GPA, 20);
	CHECK_EQ(-ENOSPC, seabios_info_build(&h, &info, &low));
}

int main(void)
{
	HVM_TEST(test_info_table);
	HVM_TEST(test_errors);
	return hvm_test_summary();
}
