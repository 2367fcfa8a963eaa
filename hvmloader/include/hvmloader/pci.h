/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * PCI setup (firmware.md 2.6): enumerate bus 0, size every BAR, route the
 * PIRQ links, place the BARs (pci_bar.h), then program addresses, INTx
 * lines, command registers and the few chipset functions that need it
 * (PIIX4 power management, PIIX IDE legacy decode). ROM BARs get an
 * address with their enable bit clear, as SeaBIOS expects.
 */
#ifndef HVMLOADER_PCI_H
#define HVMLOADER_PCI_H

#include <stdbool.h>
#include <stdint.h>

#include "hvmloader/pci_bar.h"
#include "hvmloader/pci_irq.h"

#define PCI_MAX_FUNCS 256
#define PCI_MAX_BARS 512
#define PCI_NO_DEVFN 0xffffu

#define PCI_CLASS_IDE 0x0101u
#define PCI_CLASS_VGA 0x0300u

/* PIIX4 power management function (00:01.3) and its I/O block. */
#define PCI_PIIX4_PMBA 0x40u
#define PCI_PIIX4_PMREGMISC 0x80u
#define PCI_PIIX4_SMBUS_HSTCFG 0xd2u
#define PCI_PM_IO_BASE 0xb000u
/* ISA IRQ of the ACPI SCI (PIIX4, QEMU). */
#define PCI_SCI_IRQ 9u

struct pci_func {
	uint16_t vendor;
	uint16_t device;
	uint16_t class;
	uint8_t devfn;
	uint8_t pin; /* 0: none, 1..4: INTA..INTD */
	bool has_mem;
	bool has_io;
	bool mem_unplaced; /* a memory BAR could not be placed */
	bool io_unplaced;
};

struct pci_bus {
	unsigned int nr_funcs;
	struct pci_func funcs[PCI_MAX_FUNCS];
	unsigned int nr_bars;
	struct pci_bar bars[PCI_MAX_BARS];
	unsigned int nr_bars_dropped; /* beyond PCI_MAX_BARS */
	unsigned int vga_devfn;	      /* primary VGA or PCI_NO_DEVFN */
};

/* Enumerates bus 0 and sizes BARs; memory and I/O decode end up off. */
void pci_scan(struct pci_bus *bus);

/*
 * Routes the links, places the BARs with @plan (pci_bar.h) and programs
 * every function. Afterwards every BAR that was placed decodes.
 */
void pci_setup(struct pci_bus *bus, struct pci_bar_plan *plan);

/* Bit p set in the result: some function of device @dev uses pin p. */
uint8_t pci_bus_dev_pins(const struct pci_bus *bus, unsigned int dev);

#endif /* HVMLOADER_PCI_H */
