/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests of the E820 map (e820.h, firmware.md 2.15) for 128 MiB,
 * 1 GiB, 3.5 GiB and 8 GiB guests, with the tables at 0xFC000000 and in
 * low RAM, without ACPI, and for inconsistent input; and of the table
 * placement (tables_mem.h).
 */
#include <errno.h>
#include <string.h>

#include "hvm_test.h"
#include "hvmloader/e820.h"
#include "hvmloader/tables_mem.h"

#define MIB (1ULL << 20)
#define GIB (1ULL << 30)
#define G4 (1ULL << 32)
#define ACPI_END 0xfc00b000u

struct range {
	uint64_t start, end;
	uint32_t type;
};

static void check_map(const struct e820_config *c, const struct range *want,
		      int n)
{
	struct e820_entry e[E820_MAX_ENTRIES];
	int i, got = e820_build(c, e);

	CHECK_EQ(n, got);
	for (i = 0; i < n && i < got; i++) {
		CHECK_EQ(want[i].start, e[i].addr);
		CHECK_EQ(want[i].end - want[i].start, e[i].size);
		CHECK_EQ(want[i].type, e[i].type);
		/* Sorted and not overlapping. */
		if (i)
			CHECK(e[i - 1].addr + e[i - 1].size <= e[i].addr);
	}
}

static struct e820_config cfg(uint64_t ram)
{
	struct e820_config c = {
		.low_ram_end =
			(uint32_t)(ram < 0xf0000000u ? ram : 0xf0000000u),
		.high_ram_end = ram > 0xf0000000u ? G4 + ram - 0xf0000000u : 0,
		.bios_start = 0xc0000,
		.nvs_start = 0xfc000000u,
		.nvs_end = ACPI_END,
	};

	return c;
}

static void test_128m(void)
{
	const struct range want[] = {
		{0, 0xa0000, E820_RAM},
		{0xc0000, 0x100000, E820_RESERVED},
		{0x100000, 128 * MIB, E820_RAM},
		{0xfc000000u, ACPI_END, E820_NVS},
		{ACPI_END, G4, E820_RESERVED},
	};
	struct e820_config c = cfg(128 * MIB);

	check_map(&c, want, 5);
}

/* hvm-domain's bounce pages (32 KiB) right above low RAM stay reserved. */
static void test_hypervisor_pages(void)
{
	const struct range want[] = {
		{0, 0xa0000, E820_RAM},
		{0xc0000, 0x100000, E820_RESERVED},
		{0x100000, 128 * MIB - 0x8000, E820_RAM},
		{128 * MIB - 0x8000, 128 * MIB, E820_RESERVED},
		{0xfc000000u, ACPI_END, E820_NVS},
		{ACPI_END, G4, E820_RESERVED},
	};
	struct e820_entry e[E820_MAX_ENTRIES];
	struct e820_config c = cfg(128 * MIB - 0x8000);

	c.hv_rsv_end = 128 * MIB;
	check_map(&c, want, 6);
	c.hv_rsv_end = 0x100000; /* below low RAM's end */
	CHECK_EQ(-EINVAL, e820_build(&c, e));
	c.hv_rsv_end = 0xfd000000u; /* into the reserved top */
	CHECK_EQ(-EINVAL, e820_build(&c, e));
}

static void test_1g(void)
{
	const struct range want[] = {
		{0, 0xa0000, E820_RAM},
		{0xc0000, 0x100000, E820_RESERVED},
		{0x100000, GIB, E820_RAM},
		{0xfc000000u, ACPI_END, E820_NVS},
		{ACPI_END, G4, E820_RESERVED},
	};
	struct e820_config c = cfg(GIB);

	check_map(&c, want, 5);
}

static void test_3584m(void)
{
	const struct range want[] = {
		{0, 0xa0000, E820_RAM},
		{0xc0000, 0x100000, E820_RESERVED},
		{0x100000, 0xe0000000u, E820_RAM},
		{0xfc000000u, ACPI_END, E820_NVS},
		{ACPI_END, G4, E820_RESERVED},
	};
	struct e820_config c = cfg(3584 * MIB);

	check_map(&c, want, 5);
}

static void test_8g(void)
{
	const struct range want[] = {
		{0, 0xa0000, E820_RAM},
		{0xc0000, 0x100000, E820_RESERVED},
		{0x100000, 0xf0000000u, E820_RAM},
		{0xfc000000u, ACPI_END, E820_NVS},
		{ACPI_END, G4, E820_RESERVED},
		{G4, G4 + 8 * GIB - 0xf0000000u, E820_RAM},
	};
	struct e820_config c = cfg(8 * GIB);

	check_map(&c, want, 6);
	CHECK_EQ(0x210000000ULL, want[5].end);
}

static void test_no_acpi(void)
{
	const struct range want[] = {
		{0, 0xa0000, E820_RAM},
		{0xe0000, 0x100000, E820_RESERVED},
		{0x100000, GIB, E820_RAM},
		{0xfc000000u, G4, E820_RESERVED},
	};
	struct e820_config c = cfg(GIB);

	c.bios_start = 0xe0000; /* a 128 KiB image */
	c.nvs_end = c.nvs_start;
	check_map(&c, want, 4);
}

static void test_tables_in_low_ram(void)
{
	const struct range want[] = {
		{0, 0xa0000, E820_RAM},
		{0xc0000, 0x100000, E820_RESERVED},
		{0x100000, 126 * MIB, E820_RAM},
		{126 * MIB, 126 * MIB + 0xb000, E820_NVS},
		{126 * MIB + 0xb000, 128 * MIB, E820_RESERVED},
		{0xfc000000u, G4, E820_RESERVED},
	};
	struct e820_config c = cfg(128 * MIB);
	struct tables_mem tm;

	CHECK_EQ(0, tables_mem_choose(false, 128 * MIB, 2 * MIB, &tm));
	CHECK(tm.in_low_ram);
	CHECK_EQ(126 * MIB, tm.acpi_start);
	CHECK_EQ(127 * MIB, tm.rsv_start);
	c.nvs_start = tm.acpi_start;
	c.nvs_end = tm.acpi_start + 0xb000;
	check_map(&c, want, 6);
}

static void test_tables_mem(void)
{
	struct tables_mem tm;

	CHECK_EQ(0, tables_mem_choose(true, 128 * MIB, 2 * MIB, &tm));
	CHECK(!tm.in_low_ram);
	CHECK_EQ(0xfc000000u, tm.acpi_start);
	CHECK_EQ(0xfc100000u, tm.rsv_start);
	CHECK_EQ(MIB, tm.rsv_size);
	/* Not enough low RAM above what the loader still uses. */
	CHECK_EQ(-ENOSPC, tables_mem_choose(false, 4 * MIB, 3 * MIB, &tm));
	CHECK_EQ(-ENOSPC, tables_mem_choose(false, MIB, 0, &tm));
}

static void test_bad_config(void)
{
	struct e820_entry e[E820_MAX_ENTRIES];
	struct e820_config c = cfg(GIB);

	c.nvs_end = c.nvs_start - 1;
	CHECK_EQ(-EINVAL, e820_build(&c, e));
	c = cfg(GIB);
	c.bios_start = 0xa0000; /* inside the VGA window */
	CHECK_EQ(-EINVAL, e820_build(&c, e));
	c = cfg(GIB);
	c.high_ram_end = G4; /* empty high RAM must be 0 */
	CHECK_EQ(-EINVAL, e820_build(&c, e));
	c = cfg(GIB);
	c.nvs_start = 0x80000000u; /* neither in RAM nor reserved */
	c.nvs_end = 0x80001000u;
	CHECK_EQ(-EINVAL, e820_build(&c, e));
	c = cfg(GIB);
	c.low_ram_end = 0xfd000000u;
	CHECK_EQ(-EINVAL, e820_build(&c, e));
}

int main(void)
{
	HVM_TEST(test_128m);
	HVM_TEST(test_hypervisor_pages);
	HVM_TEST(test_1g);
	HVM_TEST(test_3584m);
	HVM_TEST(test_8g);
	HVM_TEST(test_no_acpi);
	HVM_TEST(test_tables_in_low_ram);
	HVM_TEST(test_tables_mem);
	HVM_TEST(test_bad_config);
	return hvm_test_summary();
}
