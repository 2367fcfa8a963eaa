/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The device-model test guest (32-bit), run with Debian's Xen QEMU as the
 * device model and no firmware. Everything it touches is emulated by QEMU
 * through our Xen libraries (dm-abi.md 5.1):
 * - PCI configuration space of every device on bus 0 (CF8/CFC);
 * - the IDE status registers of the disk (hda) and the CD-ROM (hdc);
 * - ATAPI IDENTIFY PACKET DEVICE on hdc, read with one `rep insw` into
 *   guest memory, and the IDE interrupt (ISA IRQ 15) it raises, seen in
 *   the slave PIC's request register;
 * - the std VGA: a 640x480x32 Bochs VBE mode whose first 64 KiB (25.6
 *   rows) it paints white through the banked window at 0xA0000, for the
 *   test's VNC client to see.
 * Then it says "dmcheck: vga drawn" and halts; the test destroys it.
 */
#include <stdint.h>

#include "guest.h"

#define PCI_ADDR 0xcf8
#define PCI_DATA 0xcfc
#define PCI_SLOTS 32

#define IDE1_BASE 0x1f0 /* primary: hda */
#define IDE2_BASE 0x170 /* secondary: hdc */
#define IDE2_CTL 0x376
#define ATA_REG_DRIVE 6
#define ATA_REG_STATUS 7 /* read: status (clears INTRQ); write: command */
#define ATA_ST_BSY 0x80
#define ATA_ST_DRDY 0x40
#define ATA_ST_DRQ 0x08
#define ATA_ST_ERR 0x01
#define ATA_CMD_IDENTIFY_PACKET 0xa1
#define ATA_SPIN_MAX 10000000u
#define IDE2_IRQ 15

#define PIC2_CMD 0xa0
#define PIC_OCW3_READ_IRR 0x0a

#define VBE_INDEX 0x1ce
#define VBE_DATA 0x1cf
#define VBE_XRES 1
#define VBE_YRES 2
#define VBE_BPP 3
#define VBE_ENABLE 4
#define VBE_BANK 5
#define VBE_ENABLED 0x01
#define VGA_INPUT_STATUS1 0x3da
#define VGA_ATTR_INDEX 0x3c0
#define VGA_ATTR_PAS 0x20
#define VGA_WINDOW 0xa0000u
#define VGA_WINDOW_SIZE 0x10000u

static uint16_t identify[256];

static uint32_t pci_read(unsigned int slot, unsigned int fn, unsigned int off)
{
	outl(PCI_ADDR, 0x80000000u | (slot << 11) | (fn << 8) | off);
	return inl(PCI_DATA);
}

/* @v as @n lowercase hex digits, no prefix. */
static void put_hex(uint32_t v, int n)
{
	static const char digits[] = "0123456789abcdef";

	while (n-- > 0)
		outb(GUEST_DEBUG_PORT, (uint8_t)digits[(v >> (4 * n)) & 0xf]);
}

/* "dmcheck: pci 00:03.0 1234:1111 class 030000" */
static void print_function(unsigned int slot, unsigned int fn, uint32_t id)
{
	guest_puts("dmcheck: pci 00:");
	put_hex(slot, 2);
	guest_puts(".");
	put_hex(fn, 1);
	guest_puts(" ");
	put_hex(id & 0xffff, 4);
	guest_puts(":");
	put_hex(id >> 16, 4);
	guest_puts(" class ");
	put_hex(pci_read(slot, fn, 8) >> 8, 6);
	guest_puts("\n");
}

static void scan_pci(void)
{
	unsigned int slot, fn, found = 0;
	uint32_t id;

	for (slot = 0; slot < PCI_SLOTS; slot++) {
		for (fn = 0; fn < 8; fn++) {
			id = pci_read(slot, fn, 0);
			if (id == 0xffffffffu)
				continue;
			print_function(slot, fn, id);
			found++;
		}
	}
	GCHECK(pci_read(0, 0, 0) == 0x12378086u, pci_read(0, 0, 0));
	GCHECK(pci_read(1, 0, 0) == 0x70008086u, pci_read(1, 0, 0));
	GCHECK(pci_read(1, 1, 0) == 0x70108086u, pci_read(1, 1, 0));
	GCHECK(found >= 6, found); /* + PIIX4 PM, VGA, NIC */
	guest_puts("dmcheck: pci scan done\n");
}

/* Polls the alternate status (which leaves INTRQ alone) until not busy. */
static uint8_t ide2_wait(void)
{
	uint32_t spins;
	uint8_t st = ATA_ST_BSY;

	for (spins = 0; spins < ATA_SPIN_MAX && (st & ATA_ST_BSY); spins++)
		st = inb(IDE2_CTL);
	return st;
}

static int pic2_irr_has(unsigned int irq)
{
	outb(PIC2_CMD, PIC_OCW3_READ_IRR);
	return (inb(PIC2_CMD) >> (irq - 8)) & 1;
}

static void check_ide(void)
{
	uint8_t st = inb(IDE1_BASE + ATA_REG_STATUS);
	char model[9];
	unsigned int i;

	GCHECK((st & (ATA_ST_BSY | ATA_ST_DRDY)) == ATA_ST_DRDY, st);
	guest_puts("dmcheck: hda status ");
	put_hex(st, 2);
	guest_puts("\n");
	outb(IDE2_CTL, 0); /* nIEN = 0: the drive interrupts */
	outb(IDE2_BASE + ATA_REG_DRIVE, 0xa0);
	ide2_wait();
	outb(IDE2_BASE + ATA_REG_STATUS, ATA_CMD_IDENTIFY_PACKET);
	st = ide2_wait();
	GCHECK((st & (ATA_ST_DRQ | ATA_ST_ERR)) == ATA_ST_DRQ, st);
	GCHECK(pic2_irr_has(IDE2_IRQ), IDE2_IRQ);
	guest_puts(pic2_irr_has(IDE2_IRQ) ? "dmcheck: irq 15 raised\n"
					  : "dmcheck: irq 15 not raised\n");
	insw(IDE2_BASE, identify, 256);
	(void)inb(IDE2_BASE + ATA_REG_STATUS); /* acknowledge */
	/* Model: words 27-46, each word's bytes swapped (ATA8-ACS 7.17). */
	for (i = 0; i < 4; i++) {
		model[2 * i] = (char)(identify[27 + i] >> 8);
		model[2 * i + 1] = (char)(identify[27 + i] & 0xff);
	}
	model[8] = '\0';
	guest_puts("dmcheck: hdc model ");
	guest_puts(model);
	guest_puts("\n");
	GCHECK(model[0] == 'Q' && model[1] == 'E' && model[2] == 'M',
	       identify[27]);
}

static void vbe_write(uint16_t index, uint16_t value)
{
	outw(VBE_INDEX, index);
	outw(VBE_DATA, value);
}

static void draw_vga(void)
{
	volatile uint32_t *fb = (volatile uint32_t *)VGA_WINDOW;
	uint32_t i;

	vbe_write(VBE_ENABLE, 0);
	vbe_write(VBE_XRES, 640);
	vbe_write(VBE_YRES, 480);
	vbe_write(VBE_BPP, 32);
	vbe_write(VBE_ENABLE, VBE_ENABLED);
	vbe_write(VBE_BANK, 0);
	/* Unblank: palette address source on (as bochs-drm and SeaBIOS do). */
	(void)inb(VGA_INPUT_STATUS1); /* resets the attribute flip-flop */
	outb(VGA_ATTR_INDEX, VGA_ATTR_PAS);
	for (i = 0; i < VGA_WINDOW_SIZE / 4; i++)
		fb[i] = 0x00ffffffu;
	/* Read back through QEMU: the first, a middle and the last pixel. */
	GCHECK(fb[100] == 0x00ffffffu, fb[100]);
	GCHECK(fb[0x1400] == 0x00ffffffu, fb[0x1400]);
	GCHECK(fb[VGA_WINDOW_SIZE / 4 - 1] == 0x00ffffffu,
	       fb[VGA_WINDOW_SIZE / 4 - 1]);
	guest_puts("dmcheck: vga drawn\n");
}

void guest_main(void *start_info);
void guest_main(void *start_info)
{
	(void)start_info;
	guest_puts("dmcheck: started\n");
	scan_pci();
	check_ide();
	draw_vga();
	guest_puts(guest_failures ? "dmcheck: FAILED\n"
				  : "dmcheck: all checks passed\n");
}
