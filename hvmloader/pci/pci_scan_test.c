/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests of PCI enumeration, BAR sizing and programming (pci.h) on a
 * fake bus 0 shaped like QEMU's xenfv machine: host bridge, PIIX3 (ISA,
 * IDE, PIIX4 PM), a standard VGA and a NIC with a 64-bit BAR.
 */
#include <string.h>

#include "hvm_test.h"
#include "hvmloader/pci.h"
#include "hvmloader/pci_cfg.h"

#define MIB (1ULL << 20)
#define NR_REGS 7 /* BAR0..5 and ROM */

struct fake_fn {
	uint8_t cfg[256];
	uint32_t mask[NR_REGS]; /* writable address bits; 0: none */
};

static struct fake_fn bus[256];
static bool present[256];
static unsigned int irq_setup_calls;

/* The link setup touches ports; here it only counts. */
void pci_irq_setup(void)
{
	irq_setup_calls++;
}

static int reg_index(unsigned int reg)
{
	if (reg >= PCI_CFG_BAR0 && reg <= PCI_CFG_BAR5 + 3)
		return (int)(reg - PCI_CFG_BAR0) / 4;
	if (reg >= PCI_CFG_ROM && reg < PCI_CFG_ROM + 4)
		return 6;
	return -1;
}

uint32_t pci_cfg_read(unsigned int devfn, unsigned int reg, unsigned int size)
{
	uint32_t v = 0;

	if (devfn > 255 || !present[devfn])
		return size == 4 ? 0xffffffffu : (1u << (size * 8)) - 1;
	memcpy(&v, &bus[devfn].cfg[reg], size);
	return v;
}

void pci_cfg_write(unsigned int devfn, unsigned int reg, unsigned int size,
		   uint32_t val)
{
	struct fake_fn *f = &bus[devfn & 0xff];
	int i = reg_index(reg);
	uint32_t old;

	if (!present[devfn & 0xff])
		return;
	if (i >= 0 && size == 4) {
		memcpy(&old, &f->cfg[reg], 4);
		/* Read-only low bits keep the BAR's type. */
		val = (val & f->mask[i]) | (old & ~f->mask[i]);
	}
	memcpy(&f->cfg[reg], &val, size);
}

static struct fake_fn *add_fn(unsigned int devfn, uint16_t vendor,
			      uint16_t device, uint16_t class, uint8_t header)
{
	struct fake_fn *f = &bus[devfn];

	memset(f, 0, sizeof(*f));
	present[devfn] = true;
	memcpy(&f->cfg[0], &vendor, 2);
	memcpy(&f->cfg[2], &device, 2);
	memcpy(&f->cfg[PCI_CFG_CLASS], &class, 2);
	f->cfg[PCI_CFG_HEADER_TYPE] = header;
	return f;
}

/* A BAR at index @i of @size with the type bits @type. */
static void add_bar(struct fake_fn *f, unsigned int i, uint64_t size,
		    uint32_t type)
{
	uint32_t init = type;

	f->mask[i] = (uint32_t) ~(size - 1) & (type & 1 ? 0xfffcu : ~0xfu);
	memcpy(&f->cfg[PCI_CFG_BAR0 + 4 * i], &init, 4);
}

static void build_bus(void)
{
	struct fake_fn *f;

	memset(bus, 0, sizeof(bus));
	memset(present, 0, sizeof(present));
	add_fn(0x00, 0x8086, 0x1237, 0x0600, 0);
	add_fn(0x08, 0x8086, 0x7000, 0x0601, 0x80);
	f = add_fn(0x09, 0x8086, 0x7010, 0x0101, 0);
	add_bar(f, 4, 16, 1);
	f = add_fn(0x0b, 0x8086, 0x7113, 0x0680, 0);
	f->cfg[PCI_CFG_INTR_PIN] = 1;
	f = add_fn(0x10, 0x1234, 0x1111, 0x0300, 0);
	add_bar(f, 0, 16 * MIB, 0x8);
	add_bar(f, 2, 4096, 0);
	f->mask[6] = 0xffff0000u | 1u;
	f = add_fn(0x18, 0x8086, 0x100e, 0x0200, 0);
	f->cfg[PCI_CFG_INTR_PIN] = 1;
	add_bar(f, 0, MIB, 0x4); /* 64-bit */
	f->mask[1] = 0xffffffffu;
	add_bar(f, 2, 32, 1);
	f->mask[6] = 0xfffc0000u | 1u;
	/* Function 1 of a single-function device is never looked at. */
	add_fn(0x20, 0x1af4, 0x1000, 0x0200, 0);
	add_fn(0x21, 0x1af4, 0x1000, 0x0200, 0);
}

static uint32_t cfg32(unsigned int devfn, unsigned int reg)
{
	uint32_t v;

	memcpy(&v, &bus[devfn].cfg[reg], 4);
	return v;
}

static uint16_t cfg16(unsigned int devfn, unsigned int reg)
{
	return (uint16_t)cfg32(devfn, reg);
}

static void test_scan(void)
{
	static struct pci_bus b;
	unsigned int i, vga = 0, mem64 = 0, roms = 0;

	build_bus();
	pci_scan(&b);
	CHECK_EQ(7, b.nr_funcs);
	CHECK_EQ(0x10, b.vga_devfn);
	CHECK_EQ(7, b.nr_bars);
	for (i = 0; i < b.nr_bars; i++) {
		vga += !!(b.bars[i].flags & PCI_BAR_VGA);
		mem64 += !!(b.bars[i].flags & PCI_BAR_MEM64);
		roms += !!(b.bars[i].flags & PCI_BAR_ROM);
		if (b.bars[i].devfn == 0x18 && b.bars[i].reg == 0x10)
			CHECK_EQ(MIB, b.bars[i].size);
		if (b.bars[i].devfn == 0x18 && b.bars[i].reg == 0x30)
			CHECK_EQ(256 * 1024, b.bars[i].size);
	}
	CHECK_EQ(3, vga);
	CHECK_EQ(1, mem64);
	CHECK_EQ(2, roms);
	CHECK_EQ(0x1, pci_bus_dev_pins(&b, 1)); /* PM: INTA */
	CHECK_EQ(0x1, pci_bus_dev_pins(&b, 3));
	CHECK_EQ(0, pci_bus_dev_pins(&b, 2));
	/* Decode is off after sizing. */
	CHECK_EQ(0, cfg16(0x10, PCI_CFG_COMMAND) & 3);
}

static void test_setup(void)
{
	static struct pci_bus b;
	struct pci_bar_plan p = {.low_min = 0x18000000u,
				 .high_base = 1ULL << 32,
				 .high_limit = 1ULL << 36};

	build_bus();
	irq_setup_calls = 0;
	pci_scan(&b);
	pci_setup(&b, &p);
	CHECK_EQ(1, irq_setup_calls);
	CHECK_EQ(0, p.nr_skipped);
	CHECK_EQ(0xf0000008u, cfg32(0x10, 0x10)); /* VGA framebuffer */
	CHECK_EQ(0xf1000004u, cfg32(0x18, 0x10)); /* 64-bit, low dword */
	CHECK_EQ(0, cfg32(0x18, 0x14));
	CHECK_EQ(0xf1100000u, cfg32(0x18, 0x30)); /* ROM, enable clear */
	CHECK_EQ(0xf1140000u, cfg32(0x10, 0x30));
	CHECK_EQ(0xf1150000u, cfg32(0x10, 0x18));
	CHECK_EQ(7, cfg16(0x10, PCI_CFG_COMMAND) & 7); /* VGA: I/O forced */
	CHECK_EQ(7, cfg16(0x18, PCI_CFG_COMMAND) & 7);
	CHECK_EQ(5, cfg16(0x09, PCI_CFG_COMMAND) & 7); /* IDE: I/O only */
	CHECK_EQ(pci_irq_of(3, 0), bus[0x18].cfg[PCI_CFG_INTR_LINE]);
	/* PIIX4 PM: PM block at 0xB000, enabled, SCI on IRQ 9. */
	CHECK_EQ(0xb001, cfg32(0x0b, 0x40));
	CHECK_EQ(1, bus[0x0b].cfg[0x80]);
	CHECK_EQ(9, bus[0x0b].cfg[PCI_CFG_INTR_LINE]);
	/* PIIX IDE legacy decode. */
	CHECK_EQ(0x8000, cfg16(0x09, 0x40));
	CHECK_EQ(0x8000, cfg16(0x09, 0x42));
	CHECK_EQ(0xc001, cfg32(0x18, 0x18));
	CHECK_EQ(0xc021, cfg32(0x09, 0x20));
}

int main(void)
{
	HVM_TEST(test_scan);
	HVM_TEST(test_setup);
	return hvm_test_summary();
}
