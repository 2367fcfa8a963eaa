/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * PCI interrupt routing: the one decision the hypervisor, this loader's
 * tables (DSDT _PRT and link devices, MADT, MP table, $PIR) and the PCI
 * interrupt line registers all follow.
 *
 * PCI device d pin p (0..3 = INTA..INTD) drives PIIX3 PIRQ link
 * (d + p) & 3, as on Xen and on QEMU's PIIX3. hvmloader routes link A to
 * ISA IRQ 5, B to 10, C to 11 and D to 5 (round robin over the PCI IRQ
 * mask 5, 10, 11) by writing PIIX3 config bytes 0x60-0x63; QEMU relays
 * each write to the hypervisor as set_pci_link_route. The hypervisor then
 * asserts ISA IRQ n while any pin on a link routed to n is asserted, and
 * ISA IRQ n is GSI n: PIC input n and IOAPIC pin n (KVM's GSI routing).
 * So a PCI interrupt has the same number in PIC and in APIC mode, and only
 * IOAPIC pins 0-15 are used, which fits KVM's 24-pin IOAPIC. Xen's own
 * GSIs 16-47 are not used.
 *
 * The DSDT's _PRT therefore names the link devices LNKA..LNKD in both
 * modes; their _CRS reads and _SRS writes the same PIIX3 registers, so an
 * OS that re-routes a link moves the interrupt in both the PIC and the
 * IOAPIC view. The link IRQs are level-triggered and active low: hvmloader
 * sets them level in the ELCR, and the MADT and MP table carry interrupt
 * source overrides (level, active low) for IRQs 5, 10 and 11.
 */
#ifndef HVMLOADER_PCI_IRQ_H
#define HVMLOADER_PCI_IRQ_H

#include <stdbool.h>
#include <stdint.h>

#define PCI_IRQ_NR_LINKS 4
#define PCI_IRQ_NR_PINS 4
#define PCI_IRQ_NR_DEVICES 32
/* ISA IRQs given to PCI links: 5, 10, 11 (Xen's PCI_ISA_IRQ_MASK). */
#define PCI_IRQ_ISA_MASK 0x0c20u
/* PIIX3 (00:01.0) PIRQ route control registers, one byte per link. */
#define PCI_IRQ_PIIX3_DEVFN 0x08u
#define PCI_IRQ_PIIX3_PIRQ_REG 0x60u
/* A PIRQ register with this bit set is not routed. */
#define PCI_IRQ_PIRQ_DISABLE 0x80u
/* Edge/level control registers: one bit per IRQ, 1 = level. */
#define PCI_IRQ_ELCR1_PORT 0x4d0u
#define PCI_IRQ_ELCR2_PORT 0x4d1u
/* MADT/MP interrupt flags for the link IRQs: level, active low. */
#define PCI_IRQ_FLAGS_LEVEL_LOW 0x000fu

/* The link PCI device @dev pin @pin (0 = INTA) drives. */
static inline unsigned int pci_irq_link(unsigned int dev, unsigned int pin)
{
	return (dev + pin) & (PCI_IRQ_NR_LINKS - 1);
}

/*
 * The ISA IRQ hvmloader routes @link to: the link-th set bit of
 * PCI_IRQ_ISA_MASK, wrapping around (A 5, B 10, C 11, D 5).
 */
static inline unsigned int pci_irq_link_isa_irq(unsigned int link)
{
	unsigned int irq = 0, n = 0, seen = 0;

	for (;;) {
		if (PCI_IRQ_ISA_MASK & (1u << irq)) {
			if (seen == link)
				return irq;
			seen++;
		}
		irq = (irq + 1) & 15;
		if (++n > 16 * PCI_IRQ_NR_LINKS)
			return 0; /* unreachable with a non-empty mask */
	}
}

/* The ISA IRQ (= GSI) of device @dev pin @pin under hvmloader's routing. */
static inline unsigned int pci_irq_of(unsigned int dev, unsigned int pin)
{
	return pci_irq_link_isa_irq(pci_irq_link(dev, pin));
}

/* True if @irq is one of the PCI link IRQs. */
static inline bool pci_irq_is_link_irq(unsigned int irq)
{
	return irq < 16 && (PCI_IRQ_ISA_MASK & (1u << irq));
}

/*
 * Routes the four links on the PIIX3 and sets the link IRQs level in the
 * ELCR (firmware only; port and PCI configuration access).
 */
void pci_irq_setup(void);

#endif /* HVMLOADER_PCI_IRQ_H */
