/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * PCI configuration space of bus 0. Inside hvmloader this is mechanism #1
 * through ports 0xCF8/0xCFC (pci_cfg_x86.c); unit tests link a fake bus.
 */
#ifndef HVMLOADER_PCI_CFG_H
#define HVMLOADER_PCI_CFG_H

#include <stdint.h>

#define PCI_CFG_VENDOR_ID 0x00
#define PCI_CFG_DEVICE_ID 0x02
#define PCI_CFG_COMMAND 0x04
#define PCI_CFG_CLASS 0x0a
#define PCI_CFG_HEADER_TYPE 0x0e
#define PCI_CFG_BAR0 0x10
#define PCI_CFG_BAR5 0x24
#define PCI_CFG_ROM 0x30
#define PCI_CFG_INTR_LINE 0x3c
#define PCI_CFG_INTR_PIN 0x3d

#define PCI_CMD_IO 0x1u
#define PCI_CMD_MEM 0x2u
#define PCI_CMD_MASTER 0x4u
#define PCI_HEADER_MULTIFUNCTION 0x80u
#define PCI_HEADER_TYPE_MASK 0x7fu

#define PCI_DEVFN(dev, fn) ((unsigned int)(((dev) << 3) | (fn)))
#define PCI_DEV(devfn) ((unsigned int)((devfn) >> 3))

/*
 * Reads or writes @size (1, 2 or 4) bytes at offset @reg, which is
 * naturally aligned, of bus 0 function @devfn.
 */
uint32_t pci_cfg_read(unsigned int devfn, unsigned int reg, unsigned int size);
void pci_cfg_write(unsigned int devfn, unsigned int reg, unsigned int size,
		   uint32_t val);

#endif /* HVMLOADER_PCI_CFG_H */
