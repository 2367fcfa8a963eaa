/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A domain's interrupt lines (domain_irq.h): one lock around the line
 * combiner, whose changes go to KVM's irqchip as KVM_IRQ_LINE on GSI =
 * ISA IRQ (vm_kvm.c installs the matching routing). Route changes are
 * logged: they are rare and say how the guest set up its interrupts.
 */
#include "hypervisor/domain_irq.h"

#include <errno.h>
#include <string.h>

#include "hypervisor/domain.h"
#include "hypervisor/log.h"
#include "vm_kvm.h"

static int set_line(void *opaque, uint32_t irq, bool level)
{
	return vm_kvm_set_isa_irq(opaque, irq, level);
}

void domain_irq_init(struct domain *d)
{
	pthread_mutex_init(&d->irq_lock, NULL);
	irq_lines_init(&d->irq, set_line, d);
}

int domain_irq_isa(struct domain *d, enum irq_lines_source src, uint32_t irq,
		   bool level)
{
	int rc;

	pthread_mutex_lock(&d->irq_lock);
	rc = irq_lines_set_isa(&d->irq, src, irq, level);
	pthread_mutex_unlock(&d->irq_lock);
	return rc;
}

int domain_irq_pci_intx(struct domain *d, uint32_t bus, uint32_t device,
			uint32_t intx, bool level)
{
	int rc;

	if (bus != 0)
		return -EINVAL;
	pthread_mutex_lock(&d->irq_lock);
	rc = irq_lines_set_pci_intx(&d->irq, device, intx, level);
	pthread_mutex_unlock(&d->irq_lock);
	return rc;
}

int domain_irq_link(struct domain *d, uint32_t link, uint32_t irq)
{
	bool same;
	int rc;

	pthread_mutex_lock(&d->irq_lock);
	/* The guest writes the PIRQ registers at will: log changes only. */
	same = link < IRQ_LINES_LINKS && d->irq.route[link] == irq;
	rc = irq_lines_set_link(&d->irq, link, irq);
	pthread_mutex_unlock(&d->irq_lock);
	if (rc)
		log_warn("irq", "cannot route PCI link %u to IRQ %u: %s", link,
			 irq, strerror(-rc));
	else if (same)
		return 0;
	else if (irq)
		log_info("irq", "PCI link %u routed to IRQ %u", link, irq);
	else
		log_info("irq", "PCI link %u disabled", link);
	return rc;
}
