/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Programs the routing pci_irq.h decides: each PIIX3 PIRQ route register
 * (PIIX datasheet 2.2.8, PIRQRC[A:D]) gets its link's ISA IRQ, and the link
 * IRQs become level-triggered in the 8259 edge/level control registers.
 */
#include "hvmloader/pci_irq.h"

#include "hvmloader/io.h"
#include "hvmloader/log.h"
#include "hvmloader/pci_cfg.h"

void pci_irq_setup(void)
{
	unsigned int link, irq;
	uint16_t elcr = 0;

	for (link = 0; link < PCI_IRQ_NR_LINKS; link++) {
		irq = pci_irq_link_isa_irq(link);
		pci_cfg_write(PCI_IRQ_PIIX3_DEVFN,
			      PCI_IRQ_PIIX3_PIRQ_REG + link, 1, irq);
		elcr |= (uint16_t)(1u << irq);
		log_info("pci: link %c routed to IRQ %u", 'A' + link, irq);
	}
	/* Merge with what is set already (e.g. the SCI's level bit). */
	outb(PCI_IRQ_ELCR1_PORT,
	     (uint8_t)(inb(PCI_IRQ_ELCR1_PORT) | (elcr & 0xffu)));
	outb(PCI_IRQ_ELCR2_PORT,
	     (uint8_t)(inb(PCI_IRQ_ELCR2_PORT) | (elcr >> 8)));
}
