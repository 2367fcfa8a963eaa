/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Enumeration of bus 0 and BAR sizing (pci.h). Sizing follows PCI 3.0
 * 6.2.5.1: with decode off, write all-ones, read back, restore; the size
 * is the lowest writable address bit. 64-bit memory BARs take two slots;
 * the expansion ROM BAR is sized with its enable bit clear.
 */
#include "hvmloader/pci.h"

#include "hvmloader/log.h"
#include "hvmloader/pci_cfg.h"

#define BAR_IO_SPACE 0x1u
#define BAR_MEM_TYPE_MASK 0x6u
#define BAR_MEM_TYPE_64 0x4u
#define BAR_MEM_PREFETCH 0x8u
#define BAR_IO_ADDR_MASK 0xfffcu
#define BAR_MEM_ADDR_MASK 0xfffffff0u
#define ROM_ADDR_MASK 0xfffff800u
#define FUNCS_PER_DEV 8
#define DEVS_PER_BUS 32

/* Writes @probe to @reg and returns what reads back; restores @reg. */
static uint32_t probe_reg(unsigned int devfn, unsigned int reg, uint32_t probe)
{
	uint32_t orig = pci_cfg_read(devfn, reg, 4);
	uint32_t val;

	pci_cfg_write(devfn, reg, 4, probe);
	val = pci_cfg_read(devfn, reg, 4);
	pci_cfg_write(devfn, reg, 4, orig);
	return val;
}

static uint64_t lowest_bit(uint64_t mask)
{
	return mask & (~mask + 1);
}

static void add_bar(struct pci_bus *bus, struct pci_func *f, unsigned int reg,
		    uint64_t size, uint8_t flags)
{
	struct pci_bar *b;

	if (!size)
		return;
	if (bus->nr_bars >= PCI_MAX_BARS) {
		bus->nr_bars_dropped++;
		return;
	}
	if (f->class == PCI_CLASS_VGA && bus->vga_devfn == f->devfn)
		flags |= PCI_BAR_VGA;
	b = &bus->bars[bus->nr_bars++];
	b->devfn = f->devfn;
	b->reg = (uint8_t)reg;
	b->size = size;
	b->flags = flags;
	b->placed = false;
	b->addr = 0;
	if (flags & PCI_BAR_IO)
		f->has_io = true;
	else
		f->has_mem = true;
}

/* Sizes the BAR at @reg; returns the number of slots it takes (1, 2). */
static unsigned int size_bar(struct pci_bus *bus, struct pci_func *f,
			     unsigned int reg)
{
	uint32_t orig = pci_cfg_read(f->devfn, reg, 4);
	uint32_t val = probe_reg(f->devfn, reg, 0xffffffffu);
	uint64_t mask;
	uint8_t flags = 0;

	if (orig & BAR_IO_SPACE) {
		add_bar(bus, f, reg, lowest_bit(val & BAR_IO_ADDR_MASK),
			PCI_BAR_IO);
		return 1;
	}
	mask = val & BAR_MEM_ADDR_MASK;
	if (orig & BAR_MEM_PREFETCH)
		flags |= PCI_BAR_PREFETCH;
	if ((orig & BAR_MEM_TYPE_MASK) == BAR_MEM_TYPE_64 &&
	    reg < PCI_CFG_BAR5) {
		flags |= PCI_BAR_MEM64;
		mask |= (uint64_t)probe_reg(f->devfn, reg + 4, 0xffffffffu)
			<< 32;
		add_bar(bus, f, reg, lowest_bit(mask), flags);
		return 2;
	}
	add_bar(bus, f, reg, lowest_bit(mask), flags);
	return 1;
}

static void size_bars(struct pci_bus *bus, struct pci_func *f)
{
	unsigned int reg = PCI_CFG_BAR0;
	uint32_t cmd = pci_cfg_read(f->devfn, PCI_CFG_COMMAND, 2);
	uint32_t rom;

	pci_cfg_write(f->devfn, PCI_CFG_COMMAND, 2,
		      cmd & ~(PCI_CMD_IO | PCI_CMD_MEM));
	while (reg <= PCI_CFG_BAR5)
		reg += 4 * size_bar(bus, f, reg);
	rom = probe_reg(f->devfn, PCI_CFG_ROM, ROM_ADDR_MASK);
	add_bar(bus, f, PCI_CFG_ROM, lowest_bit(rom & ROM_ADDR_MASK),
		PCI_BAR_ROM);
}

/* Records function @devfn; returns its header type byte. */
static uint8_t add_func(struct pci_bus *bus, unsigned int devfn, uint32_t id)
{
	struct pci_func *f = &bus->funcs[bus->nr_funcs++];
	uint8_t header = (uint8_t)pci_cfg_read(devfn, PCI_CFG_HEADER_TYPE, 1);

	f->devfn = (uint8_t)devfn;
	f->vendor = (uint16_t)id;
	f->device = (uint16_t)(id >> 16);
	f->class = (uint16_t)pci_cfg_read(devfn, PCI_CFG_CLASS, 2);
	f->pin = (uint8_t)pci_cfg_read(devfn, PCI_CFG_INTR_PIN, 1);
	if (f->pin > PCI_IRQ_NR_PINS)
		f->pin = 0;
	f->has_mem = f->has_io = false;
	f->mem_unplaced = f->io_unplaced = false;
	if (f->class == PCI_CLASS_VGA && bus->vga_devfn == PCI_NO_DEVFN)
		bus->vga_devfn = devfn;
	if ((header & PCI_HEADER_TYPE_MASK) == 0)
		size_bars(bus, f);
	else
		log_warn(
			"pci 00:%02x.%x: header type %u, its BARs are left alone",
			PCI_DEV(devfn), devfn & 7,
			(unsigned int)(header & PCI_HEADER_TYPE_MASK));
	return header;
}

void pci_scan(struct pci_bus *bus)
{
	unsigned int dev, fn;
	uint32_t id;
	uint8_t header;

	bus->nr_funcs = bus->nr_bars = bus->nr_bars_dropped = 0;
	bus->vga_devfn = PCI_NO_DEVFN;
	for (dev = 0; dev < DEVS_PER_BUS; dev++) {
		for (fn = 0; fn < FUNCS_PER_DEV; fn++) {
			id = pci_cfg_read(PCI_DEVFN(dev, fn), 0, 4);
			if ((id & 0xffff) == 0xffff || (id & 0xffff) == 0) {
				if (fn == 0)
					break;
				continue;
			}
			header = add_func(bus, PCI_DEVFN(dev, fn), id);
			if (fn == 0 && !(header & PCI_HEADER_MULTIFUNCTION))
				break;
		}
	}
	if (bus->nr_bars_dropped)
		log_warn("pci: %u BARs beyond the first %u are not assigned",
			 bus->nr_bars_dropped, PCI_MAX_BARS);
}

uint8_t pci_bus_dev_pins(const struct pci_bus *bus, unsigned int dev)
{
	uint8_t pins = 0;
	unsigned int i;

	for (i = 0; i < bus->nr_funcs; i++) {
		if (PCI_DEV(bus->funcs[i].devfn) == dev && bus->funcs[i].pin)
			pins |= (uint8_t)(1u << (bus->funcs[i].pin - 1));
	}
	return pins;
}
