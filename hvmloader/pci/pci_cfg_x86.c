/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * PCI configuration mechanism #1 (PCI 3.0 3.2.2.3.2): the address goes to
 * port 0xCF8, the data is at 0xCFC plus the low two offset bits. QEMU
 * serves both ports. Interrupts are off, so nothing races the address.
 */
#include "hvmloader/pci_cfg.h"

#include "hvmloader/io.h"

#define PCI_CFG_ADDR_PORT 0xcf8u
#define PCI_CFG_DATA_PORT 0xcfcu
#define PCI_CFG_ENABLE 0x80000000u

static uint16_t select_reg(unsigned int devfn, unsigned int reg)
{
	outl(PCI_CFG_ADDR_PORT,
	     PCI_CFG_ENABLE | ((devfn & 0xffu) << 8) | (reg & 0xfcu));
	return (uint16_t)(PCI_CFG_DATA_PORT + (reg & 3u));
}

uint32_t pci_cfg_read(unsigned int devfn, unsigned int reg, unsigned int size)
{
	uint16_t port = select_reg(devfn, reg);

	if (size == 1)
		return inb(port);
	if (size == 2)
		return inw(port);
	return inl(port);
}

void pci_cfg_write(unsigned int devfn, unsigned int reg, unsigned int size,
		   uint32_t val)
{
	uint16_t port = select_reg(devfn, reg);

	if (size == 1)
		outb(port, (uint8_t)val);
	else if (size == 2)
		outw(port, (uint16_t)val);
	else
		outl(port, val);
}
