/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * PCI programming after the scan (pci.h): link routing, BAR placement,
 * then per function its BARs, INTx line, command register and chipset
 * settings (firmware.md 2.6).
 */
#include "hvmloader/pci.h"

#include <stddef.h>

#include "hvmloader/log.h"
#include "hvmloader/pci_cfg.h"
#include "hvmloader/platform.h"

#define PCI_VENDOR_INTEL 0x8086u
#define PCI_DEVICE_PIIX3_ISA 0x7000u
#define PCI_DEVICE_PIIX4_PM 0x7113u
#define PCI_ANY 0xffffu
/* PIIX IDE timing registers; bit 15 enables the legacy channel decode. */
#define PIIX_IDE_TIM_PRI 0x40u
#define PIIX_IDE_TIM_SEC 0x42u
#define PIIX_IDE_DECODE_EN 0x8000u
/* PMBA bit 0 marks an I/O space address; PMREGMISC bit 0 enables it. */
#define PIIX4_PMBA_IO 0x1u
#define PIIX4_PMIOSE 0x1u

typedef void (*pci_quirk_fn)(const struct pci_func *f);

struct pci_quirk {
	uint16_t vendor;
	uint16_t device; /* PCI_ANY: any */
	uint16_t class;	 /* PCI_ANY: any */
	pci_quirk_fn fn;
};

/* PIIX4 datasheet 3.3: PM I/O block at 0xB000, SMBus host off, SCI 9. */
static void piix4_pm_setup(const struct pci_func *f)
{
	pci_cfg_write(f->devfn, PCI_PIIX4_SMBUS_HSTCFG, 1, 0);
	pci_cfg_write(f->devfn, PCI_PIIX4_PMBA, 4,
		      PCI_PM_IO_BASE | PIIX4_PMBA_IO);
	pci_cfg_write(f->devfn, PCI_PIIX4_PMREGMISC, 1, PIIX4_PMIOSE);
	pci_cfg_write(f->devfn, PCI_CFG_INTR_LINE, 1, PCI_SCI_IRQ);
}

/* PIIX3 IDE: decode the legacy 0x1F0/0x170 channels. */
static void piix_ide_setup(const struct pci_func *f)
{
	pci_cfg_write(f->devfn, PIIX_IDE_TIM_PRI, 2, PIIX_IDE_DECODE_EN);
	pci_cfg_write(f->devfn, PIIX_IDE_TIM_SEC, 2, PIIX_IDE_DECODE_EN);
}

static const struct pci_quirk pci_quirks[] = {
	{PCI_VENDOR_INTEL, PCI_DEVICE_PIIX4_PM, PCI_ANY, piix4_pm_setup},
	{PCI_VENDOR_INTEL, PCI_ANY, PCI_CLASS_IDE, piix_ide_setup},
};

static void apply_quirks(const struct pci_func *f)
{
	unsigned int i;

	for (i = 0; i < sizeof(pci_quirks) / sizeof(pci_quirks[0]); i++) {
		const struct pci_quirk *q = &pci_quirks[i];

		if (q->vendor == f->vendor &&
		    (q->device == PCI_ANY || q->device == f->device) &&
		    (q->class == PCI_ANY || q->class == f->class))
			q->fn(f);
	}
}

static struct pci_func *find_func(struct pci_bus *bus, unsigned int devfn)
{
	unsigned int i;

	for (i = 0; i < bus->nr_funcs; i++) {
		if (bus->funcs[i].devfn == devfn)
			return &bus->funcs[i];
	}
	return NULL;
}

/* Writes a placed BAR; a ROM BAR keeps its enable bit (bit 0) clear. */
static void write_bar(const struct pci_bar *b)
{
	pci_cfg_write(b->devfn, b->reg, 4, (uint32_t)b->addr);
	if (b->flags & PCI_BAR_MEM64)
		pci_cfg_write(b->devfn, b->reg + 4u, 4,
			      (uint32_t)(b->addr >> 32));
	log_info("pci 00:%02x.%x: bar 0x%02x %s size 0x%llx at 0x%llx",
		 PCI_DEV(b->devfn), b->devfn & 7u, b->reg,
		 (b->flags & PCI_BAR_IO) ? "io" : "mem",
		 (unsigned long long)b->size, (unsigned long long)b->addr);
}

static void program_bars(struct pci_bus *bus)
{
	struct pci_func *f;
	unsigned int i;

	for (i = 0; i < bus->nr_bars; i++) {
		const struct pci_bar *b = &bus->bars[i];

		f = find_func(bus, b->devfn);
		if (b->placed) {
			write_bar(b);
			continue;
		}
		log_err("pci 00:%02x.%x: no room for bar 0x%02x (size 0x%llx); its decode stays off",
			PCI_DEV(b->devfn), b->devfn & 7u, b->reg,
			(unsigned long long)b->size);
		if (f && (b->flags & PCI_BAR_IO))
			f->io_unplaced = true;
		else if (f)
			f->mem_unplaced = true;
	}
}

/* INTx line, command register and chipset quirks of one function. */
static void program_func(const struct pci_bus *bus, const struct pci_func *f)
{
	uint32_t cmd = pci_cfg_read(f->devfn, PCI_CFG_COMMAND, 2);

	if (f->pin)
		pci_cfg_write(f->devfn, PCI_CFG_INTR_LINE, 1,
			      pci_irq_of(PCI_DEV(f->devfn), f->pin - 1u));
	cmd |= PCI_CMD_MASTER;
	if (f->has_mem && !f->mem_unplaced)
		cmd |= PCI_CMD_MEM;
	if (f->has_io && !f->io_unplaced)
		cmd |= PCI_CMD_IO;
	/* SeaBIOS runs the VGA ROM only with both decodes on (3.4 step 8). */
	if (f->devfn == bus->vga_devfn)
		cmd |= PCI_CMD_IO;
	pci_cfg_write(f->devfn, PCI_CFG_COMMAND, 2, cmd);
	apply_quirks(f);
}

static void check_isa_bridge(struct pci_bus *bus)
{
	const struct pci_func *f = find_func(bus, PCI_IRQ_PIIX3_DEVFN);

	if (!f || f->vendor != PCI_VENDOR_INTEL ||
	    f->device != PCI_DEVICE_PIIX3_ISA)
		log_err("pci 00:01.0 is not the PIIX3 ISA bridge 8086:7000: PCI interrupts will not be routed; start QEMU with the xenfv or pc machine");
}

void pci_setup(struct pci_bus *bus, struct pci_bar_plan *plan)
{
	unsigned int i;

	check_isa_bridge(bus);
	pci_irq_setup();
	pci_bar_assign(bus->bars, bus->nr_bars, plan);
	program_bars(bus);
	for (i = 0; i < bus->nr_funcs; i++)
		program_func(bus, &bus->funcs[i]);
	log_info("pci: low window 0x%08x-0x%08x, %u BARs, %u without room",
		 plan->low_start, PLATFORM_PCI_MEM_END, bus->nr_bars,
		 plan->nr_skipped);
}
