/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The interrupt test guest (32-bit): interrupts the test device model
 * (tests/tools/ioreq-test-server) raises over the control socket reach
 * the guest through KVM's irqchip, in PIC and in IOAPIC mode. Each step
 * is one write to port 0x50C, which the server answers by changing a line:
 *   1: route PIRQ link 0 to IRQ 11, assert PCI device 4 INTA (link 0)
 *   2: deassert it              3: assert ISA IRQ 4     4: deassert it
 *   5: assert device 4 INTA     6: deassert it
 * The handlers deassert before their EOI, as a driver acks its device.
 * PIC mode needs the LAPIC's LINT0 in virtual-wire (ExtINT) mode, as
 * hvmloader leaves it (firmware.md 8); IOAPIC mode programs pin 11.
 */
#include <stdint.h>

#include "guest.h"
#include "hypercall.h"

#define STEP_PORT 0x50c
#define PCI_IRQ 11
#define ISA_IRQ 4
#define PIC_BASE 0x20 /* master vectors 0x20-0x27, slave 0x28-0x2f */
#define APIC_VECTOR 0x40
#define SPURIOUS_VECTOR 0xff

#define PIC1_CMD 0x20
#define PIC1_DATA 0x21
#define PIC2_CMD 0xa0
#define PIC2_DATA 0xa1
#define PIC_ELCR2 0x4d1
#define PIC_EOI 0x20

#define LAPIC_BASE 0xfee00000u
#define LAPIC_EOI 0xb0
#define LAPIC_SVR 0xf0
#define LAPIC_LVT0 0x350
#define LVT_EXTINT 0x700
#define IOAPIC_BASE 0xfec00000u
#define IOAPIC_WIN 0x10
#define IOAPIC_REDTBL(pin) (0x10 + 2 * (pin))
#define REDTBL_LEVEL (1u << 15)
#define REDTBL_MASKED (1u << 16)

#define WAIT_TSC (1ull << 33)

struct gdtr {
	uint16_t limit;
	uint32_t base;
} __attribute__((packed));

static uint64_t gdt[3] = {0, 0x00cf9a000000ffffull, 0x00cf92000000ffffull};
static uint64_t idt[256];
static volatile uint32_t seen_pci_pic, seen_isa_pic, seen_pci_apic, spurious;

void irq_load_tables(const struct gdtr *gdtr, const struct gdtr *idtr);
void irq_stub_pci_pic(void), irq_stub_isa_pic(void);
void irq_stub_pci_apic(void), irq_stub_spurious(void);
void irq_on_pci_pic(void), irq_on_isa_pic(void);
void irq_on_pci_apic(void), irq_on_spurious(void);

static void mmio_write(uint32_t addr, uint32_t v)
{
	*(volatile uint32_t *)(uintptr_t)addr = v;
}

static void set_gate(unsigned int vector, void (*fn)(void))
{
	uint32_t off = (uint32_t)(uintptr_t)fn;

	/* 32-bit interrupt gate, present, ring 0, selector 0x08. */
	idt[vector] = (off & 0xffff) | (0x08u << 16) |
		      ((uint64_t)(0x8e00 | (off & 0xffff0000u)) << 32);
}

void irq_on_pci_pic(void)
{
	seen_pci_pic++;
	outb(STEP_PORT, 2);
	outb(PIC2_CMD, PIC_EOI);
	outb(PIC1_CMD, PIC_EOI);
}

void irq_on_isa_pic(void)
{
	seen_isa_pic++;
	outb(STEP_PORT, 4);
	outb(PIC1_CMD, PIC_EOI);
}

void irq_on_pci_apic(void)
{
	seen_pci_apic++;
	outb(STEP_PORT, 6);
	mmio_write(LAPIC_BASE + LAPIC_EOI, 0);
}

void irq_on_spurious(void)
{
	spurious++;
}

static void setup_tables(void)
{
	struct gdtr g = {sizeof(gdt) - 1, (uint32_t)(uintptr_t)gdt};
	struct gdtr i = {sizeof(idt) - 1, (uint32_t)(uintptr_t)idt};
	unsigned int v;

	for (v = 0; v < 256; v++)
		set_gate(v, irq_stub_spurious);
	set_gate(PIC_BASE + PCI_IRQ, irq_stub_pci_pic);
	set_gate(PIC_BASE + ISA_IRQ, irq_stub_isa_pic);
	set_gate(APIC_VECTOR, irq_stub_pci_apic);
	irq_load_tables(&g, &i);
}

/* 8259 pair at vectors 0x20/0x28, IRQ 11 level-triggered (ELCR). */
static void setup_pic(void)
{
	outb(PIC1_CMD, 0x11);
	outb(PIC1_DATA, PIC_BASE);
	outb(PIC1_DATA, 0x04);
	outb(PIC1_DATA, 0x01);
	outb(PIC2_CMD, 0x11);
	outb(PIC2_DATA, PIC_BASE + 8);
	outb(PIC2_DATA, 0x02);
	outb(PIC2_DATA, 0x01);
	outb(PIC_ELCR2, 1u << (PCI_IRQ - 8));
	outb(PIC1_DATA, (uint8_t) ~((1u << 2) | (1u << ISA_IRQ)));
	outb(PIC2_DATA, (uint8_t) ~(1u << (PCI_IRQ - 8)));
	mmio_write(LAPIC_BASE + LAPIC_SVR, 0x100 | SPURIOUS_VECTOR);
	mmio_write(LAPIC_BASE + LAPIC_LVT0, LVT_EXTINT);
}

/* Waits with interrupts on until *@counter reaches @want (TSC-bounded). */
static void wait_for(volatile uint32_t *counter, uint32_t want)
{
	uint64_t start = rdtsc();

	__asm__ volatile("sti");
	while (*counter < want && rdtsc() - start < WAIT_TSC)
		__asm__ volatile("pause");
	/* A level line left asserted would fire again: give it time. */
	start = rdtsc();
	while (rdtsc() - start < WAIT_TSC / 64)
		__asm__ volatile("pause");
	__asm__ volatile("cli");
}

static void check_pic(void)
{
	unsigned int before = guest_failures;

	outb(STEP_PORT, 1);
	wait_for(&seen_pci_pic, 1);
	GCHECK(seen_pci_pic == 1, seen_pci_pic);
	guest_pass(before, "PCI INTA through PIRQ link 0 as PIC IRQ 11");
	before = guest_failures;
	outb(STEP_PORT, 3);
	wait_for(&seen_isa_pic, 1);
	GCHECK(seen_isa_pic == 1, seen_isa_pic);
	guest_pass(before, "ISA IRQ 4 through the PIC");
}

static void check_ioapic(void)
{
	unsigned int before = guest_failures;

	outb(PIC1_DATA, 0xff); /* PIC out of the way: APIC mode */
	outb(PIC2_DATA, 0xff);
	mmio_write(IOAPIC_BASE, IOAPIC_REDTBL(PCI_IRQ) + 1);
	mmio_write(IOAPIC_BASE + IOAPIC_WIN, 0); /* destination APIC ID 0 */
	mmio_write(IOAPIC_BASE, IOAPIC_REDTBL(PCI_IRQ));
	mmio_write(IOAPIC_BASE + IOAPIC_WIN, APIC_VECTOR | REDTBL_LEVEL);
	outb(STEP_PORT, 5);
	wait_for(&seen_pci_apic, 1);
	GCHECK(seen_pci_apic == 1, seen_pci_apic);
	GCHECK(seen_pci_pic == 1, seen_pci_pic); /* masked PIC stayed quiet */
	guest_pass(before, "PCI INTA as IOAPIC pin 11");
}

void guest_main(void *start_info);
void guest_main(void *start_info)
{
	(void)start_info;
	guest_hypercall_init();
	guest_puts("irq: started\n");
	setup_tables();
	setup_pic();
	check_pic();
	check_ioapic();
	GCHECK(spurious == 0, spurious);
	guest_finish("irq");
}
