/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests of the BAR allocator (pci_bar.h): the xenfv device set fits
 * with the VGA first, an overflowing set skips what does not fit or grows
 * the window when RAM allows, 64-bit BARs move above 4 GiB, and I/O BARs
 * stay in 0xC000-0xFFFF.
 */
#include <string.h>

#include "hvm_test.h"
#include "hvmloader/pci_bar.h"

#define MIB (1ULL << 20)
#define GIB (1ULL << 30)

static struct pci_bar bar(uint8_t devfn, uint8_t reg, uint64_t size,
			  uint8_t flags)
{
	struct pci_bar b = {
		.size = size, .devfn = devfn, .reg = reg, .flags = flags};

	return b;
}

static const struct pci_bar *find(const struct pci_bar *bars, unsigned int n,
				  uint8_t devfn, uint8_t reg)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		if (bars[i].devfn == devfn && bars[i].reg == reg)
			return &bars[i];
	}
	return NULL;
}

static uint64_t addr_of(const struct pci_bar *bars, unsigned int n,
			uint8_t devfn, uint8_t reg)
{
	const struct pci_bar *b = find(bars, n, devfn, reg);

	CHECK(b != NULL);
	if (!b)
		return 0;
	CHECK(b->placed);
	return b->addr;
}

static struct pci_bar_plan plan(uint32_t low_min, uint64_t high_base)
{
	struct pci_bar_plan p = {.low_min = low_min,
				 .high_base = high_base,
				 .high_limit = 1ULL << 39};

	return p;
}

static void test_xenfv_set(void)
{
	struct pci_bar b[] = {
		bar(0x09, 0x20, 16, PCI_BAR_IO),  /* PIIX IDE BMDMA */
		bar(0x10, 0x10, 256, PCI_BAR_IO), /* Xen platform */
		bar(0x10, 0x14, 16 * MIB, PCI_BAR_PREFETCH),
		bar(0x18, 0x10, 16 * MIB, PCI_BAR_PREFETCH | PCI_BAR_VGA),
		bar(0x18, 0x18, 4096, PCI_BAR_VGA),
		bar(0x18, 0x30, 64 * 1024, PCI_BAR_ROM | PCI_BAR_VGA),
		bar(0x20, 0x10, 128 * 1024, 0), /* e1000 */
		bar(0x20, 0x14, 64, PCI_BAR_IO),
		bar(0x20, 0x30, 256 * 1024, PCI_BAR_ROM),
	};
	unsigned int n = sizeof(b) / sizeof(b[0]);
	struct pci_bar_plan p = plan(0x18000000u, 1ULL << 32);

	pci_bar_assign(b, n, &p);
	CHECK_EQ(0, p.nr_skipped);
	CHECK_EQ(0xf0000000u, p.low_start);
	CHECK_EQ(0, p.high_start);
	CHECK_EQ(0, p.high_end);
	CHECK_EQ(0xf0000000u, addr_of(b, n, 0x18, 0x10)); /* VGA first */
	CHECK_EQ(0xf1000000u, addr_of(b, n, 0x10, 0x14));
	CHECK_EQ(0xf2000000u, addr_of(b, n, 0x20, 0x30));
	CHECK_EQ(0xf2040000u, addr_of(b, n, 0x20, 0x10));
	CHECK_EQ(0xf2060000u, addr_of(b, n, 0x18, 0x30));
	CHECK_EQ(0xf2070000u, addr_of(b, n, 0x18, 0x18));
	CHECK_EQ(0xc000, addr_of(b, n, 0x10, 0x10));
	CHECK_EQ(0xc100, addr_of(b, n, 0x20, 0x14));
	CHECK_EQ(0xc140, addr_of(b, n, 0x09, 0x20));
}

static void test_overflow_skips(void)
{
	struct pci_bar b[] = {
		bar(0x10, 0x10, 128 * MIB, 0),
		bar(0x18, 0x10, 128 * MIB, 0),
		bar(0x20, 0x10, 128 * MIB, 0),
		bar(0x28, 0x10, 4096, 0),
	};
	unsigned int n = sizeof(b) / sizeof(b[0]);
	/* 3.5 GiB guest: the window may not grow over RAM or DM pages. */
	struct pci_bar_plan p = plan(0xf0000000u, 1ULL << 32);

	pci_bar_assign(b, n, &p);
	CHECK_EQ(0xf0000000u, p.low_start);
	CHECK_EQ(2, p.nr_skipped);
	CHECK_EQ(0xf0000000u, addr_of(b, n, 0x10, 0x10));
	CHECK(!find(b, n, 0x18, 0x10)->placed);
	CHECK(!find(b, n, 0x20, 0x10)->placed);
	CHECK_EQ(0xf8000000u, addr_of(b, n, 0x28, 0x10));
}

static void test_overflow_grows(void)
{
	struct pci_bar b[] = {
		bar(0x10, 0x10, 128 * MIB, 0),
		bar(0x18, 0x10, 128 * MIB, 0),
		bar(0x20, 0x10, 128 * MIB, 0),
	};
	unsigned int n = sizeof(b) / sizeof(b[0]);
	struct pci_bar_plan p = plan(0x18000000u, 1ULL << 32);

	pci_bar_assign(b, n, &p);
	CHECK_EQ(0xe0000000u, p.low_start);
	CHECK_EQ(0, p.nr_skipped);
	CHECK_EQ(0xe0000000u, addr_of(b, n, 0x10, 0x10));
	CHECK_EQ(0xe8000000u, addr_of(b, n, 0x18, 0x10));
	CHECK_EQ(0xf0000000u, addr_of(b, n, 0x20, 0x10));
}

static void test_64bit_high(void)
{
	struct pci_bar b[] = {
		bar(0x10, 0x10, 2 * GIB, PCI_BAR_MEM64 | PCI_BAR_PREFETCH),
		bar(0x18, 0x10, 128 * MIB, 0),
		bar(0x20, 0x10, 64 * MIB, PCI_BAR_MEM64),
		bar(0x28, 0x10, 64 * MIB, PCI_BAR_MEM64),
		bar(0x30, 0x10, 64 * MIB, PCI_BAR_MEM64),
		bar(0x38, 0x10, 64 * MIB, PCI_BAR_MEM64),
	};
	unsigned int n = sizeof(b) / sizeof(b[0]), high = 0, i;
	/* 8 GiB guest: RAM ends at 0x210000000, DM pages after it. */
	struct pci_bar_plan p = plan(0xf0000000u, 0x220000000ULL);

	pci_bar_assign(b, n, &p);
	CHECK_EQ(0, p.nr_skipped);
	CHECK_EQ(0xf0000000u, p.low_start);
	CHECK_EQ(0x280000000ULL, addr_of(b, n, 0x10, 0x10));
	CHECK_EQ(0xf0000000u, addr_of(b, n, 0x18, 0x10));
	for (i = 0; i < n; i++) {
		CHECK(b[i].placed);
		if (b[i].addr >= (1ULL << 32)) {
			high++;
			CHECK_EQ(0, b[i].addr % b[i].size);
		} else {
			CHECK(b[i].addr + b[i].size <= 0xfc000000u);
		}
	}
	CHECK_EQ(4, high); /* the 2 GiB BAR and three 64 MiB BARs */
	CHECK_EQ(0x280000000ULL, p.high_start);
	CHECK_EQ(0x280000000ULL + 2 * GIB + 3 * 64 * MIB, p.high_end);
}

static void test_no_high_window(void)
{
	struct pci_bar b[] = {
		bar(0x10, 0x10, 4 * GIB, PCI_BAR_MEM64),
		bar(0x18, 0x10, 64 * MIB, PCI_BAR_MEM64),
	};
	unsigned int n = sizeof(b) / sizeof(b[0]);
	struct pci_bar_plan p = plan(0xf0000000u, 1ULL << 32);

	p.high_limit = 1ULL << 32; /* 32 physical address bits */
	pci_bar_assign(b, n, &p);
	CHECK_EQ(1, p.nr_skipped);
	CHECK(!find(b, n, 0x10, 0x10)->placed);
	CHECK_EQ(0xf0000000u, addr_of(b, n, 0x18, 0x10));
}

static void test_io_overflow(void)
{
	struct pci_bar b[17];
	unsigned int i, placed = 0;
	struct pci_bar_plan p = plan(0xf0000000u, 1ULL << 32);

	for (i = 0; i < 17; i++)
		b[i] = bar((uint8_t)(i << 3), 0x10, 1024, PCI_BAR_IO);
	pci_bar_assign(b, 17, &p);
	CHECK_EQ(1, p.nr_skipped);
	for (i = 0; i < 17; i++) {
		if (!b[i].placed)
			continue;
		placed++;
		CHECK(b[i].addr >= 0xc000 && b[i].addr + 1024 <= 0x10000);
	}
	CHECK_EQ(16, placed);
}

int main(void)
{
	HVM_TEST(test_xenfv_set);
	HVM_TEST(test_overflow_skips);
	HVM_TEST(test_overflow_grows);
	HVM_TEST(test_64bit_high);
	HVM_TEST(test_no_high_window);
	HVM_TEST(test_io_overflow);
	return hvm_test_summary();
}
