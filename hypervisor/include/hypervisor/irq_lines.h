/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The levels of a domain's 16 ISA interrupt lines, combined from the two
 * kinds of sources the device model drives (dm-abi.md 5.3): ISA IRQ levels
 * (set_isa_irq_level) and PCI INTx pins (set_pci_intx_level) that reach an
 * ISA IRQ through the PIIX3 PIRQ link the guest routed them to
 * (set_pci_link_route).
 *
 * Routing decision (shared with hvmloader's MP table, MADT and _PRT): PCI
 * device d pin p (0..3 = INTA..INTD) drives link (d + p) & 3, as on Xen and
 * on QEMU's own PIIX3. A link routed to ISA IRQ n drives GSI n, which KVM's
 * routing feeds to PIC input n and IOAPIC pin n alike. So PIC and APIC
 * mode see the same IRQ numbers, and everything fits KVM's 24-pin IOAPIC
 * (Xen's GSIs 16-47 would not). A line is asserted while its ISA source or
 * any asserted link routed to it is; only changes reach the irqchip.
 * The device model's ISA levels and the hypervisor's own devices (the PM
 * timer's SCI) are separate sources, so QEMU deasserting IRQ 9 on a PIIX4
 * reset never drops an SCI the hypervisor raised.
 *
 * Not thread-safe: the caller serialises calls.
 */
#ifndef HYPERVISOR_IRQ_LINES_H
#define HYPERVISOR_IRQ_LINES_H

#include <stdbool.h>
#include <stdint.h>

#define IRQ_LINES_ISA 16
#define IRQ_LINES_PCI_DEVICES 32
#define IRQ_LINES_PCI_PINS 4
#define IRQ_LINES_LINKS 4

/* Sets ISA line @irq to @level on the irqchip; 0 or a negative errno. */
typedef int (*irq_lines_set_fn)(void *opaque, uint32_t irq, bool level);

enum irq_lines_source {
	IRQ_SRC_DM, /* the device model's ISA devices */
	IRQ_SRC_HV, /* devices the hypervisor emulates */
	IRQ_SRC_NR,
};

struct irq_lines {
	irq_lines_set_fn set;
	void *opaque;
	uint32_t isa_level[IRQ_SRC_NR];	     /* bit n: source drives IRQ n */
	uint8_t intx[IRQ_LINES_PCI_DEVICES]; /* bit p: device's INTx p */
	uint8_t link_count[IRQ_LINES_LINKS]; /* asserted pins on the link */
	uint8_t route[IRQ_LINES_LINKS];	     /* ISA IRQ, 0 = not routed */
	uint32_t line;			     /* bit n: level sent for IRQ n */
};

/* All lines low, no link routed. */
void irq_lines_init(struct irq_lines *l, irq_lines_set_fn set, void *opaque);

/* The link PCI device @device pin @intx drives. */
static inline unsigned int irq_lines_pci_link(unsigned int device,
					      unsigned int intx)
{
	return (device + intx) & (IRQ_LINES_LINKS - 1);
}

/*
 * Each returns 0, -EINVAL for an out-of-range argument (nothing changes),
 * or the irqchip's error. Repeating a level is harmless.
 */
int irq_lines_set_isa(struct irq_lines *l, enum irq_lines_source src,
		      uint32_t irq, bool level)
	__attribute__((warn_unused_result));
int irq_lines_set_pci_intx(struct irq_lines *l, uint32_t device, uint32_t intx,
			   bool level) __attribute__((warn_unused_result));
/* Routes @link to ISA IRQ @irq (1..15; 0 unroutes). */
int irq_lines_set_link(struct irq_lines *l, uint32_t link, uint32_t irq)
	__attribute__((warn_unused_result));

#endif /* HYPERVISOR_IRQ_LINES_H */
