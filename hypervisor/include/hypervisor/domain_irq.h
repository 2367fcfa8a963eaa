/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A domain's interrupt lines as the device model and the hypervisor's own
 * devices drive them: ISA levels, PCI INTx and PIIX3 PIRQ link routes,
 * combined by irq_lines.h into KVM_IRQ_LINE calls. Safe from any thread.
 */
#ifndef HYPERVISOR_DOMAIN_IRQ_H
#define HYPERVISOR_DOMAIN_IRQ_H

#include <stdbool.h>
#include <stdint.h>

#include "hypervisor/irq_lines.h"

struct domain;

/* Sets up the lines, all low; the KVM VM must exist before any change. */
void domain_irq_init(struct domain *d);

/* Each returns 0, -EINVAL for a bad argument, or the irqchip's error. */
int domain_irq_isa(struct domain *d, enum irq_lines_source src, uint32_t irq,
		   bool level) __attribute__((warn_unused_result));
/* PCI bus @bus (only 0 exists), device 0..31, @intx 0..3 = INTA..INTD. */
int domain_irq_pci_intx(struct domain *d, uint32_t bus, uint32_t device,
			uint32_t intx, bool level)
	__attribute__((warn_unused_result));
/* PIIX3 PIRQ link 0..3 to ISA IRQ 1..15, or 0 for none. */
int domain_irq_link(struct domain *d, uint32_t link, uint32_t irq)
	__attribute__((warn_unused_result));

#endif /* HYPERVISOR_DOMAIN_IRQ_H */
