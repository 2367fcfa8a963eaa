/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ISA interrupt line levels from ISA sources and PCI PIRQ links
 * (irq_lines.h). Every entry point updates its source, then recomputes the
 * lines it may have touched and sends only the ones that changed.
 */
#include "hypervisor/irq_lines.h"

#include <errno.h>
#include <string.h>

void irq_lines_init(struct irq_lines *l, irq_lines_set_fn set, void *opaque)
{
	memset(l, 0, sizeof(*l));
	l->set = set;
	l->opaque = opaque;
}

static bool wanted_level(const struct irq_lines *l, uint32_t irq)
{
	unsigned int link;

	if ((l->isa_level[IRQ_SRC_DM] | l->isa_level[IRQ_SRC_HV]) & (1u << irq))
		return true;
	for (link = 0; link < IRQ_LINES_LINKS; link++) {
		if (l->route[link] == irq && l->link_count[link])
			return true;
	}
	return false;
}

/* Sends line @irq if its level changed. */
static int sync_line(struct irq_lines *l, uint32_t irq)
{
	bool want = wanted_level(l, irq);
	bool have = (l->line >> irq) & 1;
	int rc;

	if (want == have)
		return 0;
	rc = l->set(l->opaque, irq, want);
	if (rc)
		return rc;
	l->line ^= 1u << irq;
	return 0;
}

int irq_lines_set_isa(struct irq_lines *l, enum irq_lines_source src,
		      uint32_t irq, bool level)
{
	if (irq >= IRQ_LINES_ISA || (unsigned int)src >= IRQ_SRC_NR)
		return -EINVAL;
	if (level)
		l->isa_level[src] |= 1u << irq;
	else
		l->isa_level[src] &= ~(1u << irq);
	return sync_line(l, irq);
}

int irq_lines_set_pci_intx(struct irq_lines *l, uint32_t device, uint32_t intx,
			   bool level)
{
	unsigned int link;
	uint8_t bit;

	if (device >= IRQ_LINES_PCI_DEVICES || intx >= IRQ_LINES_PCI_PINS)
		return -EINVAL;
	bit = (uint8_t)(1u << intx);
	if (!!(l->intx[device] & bit) == level)
		return 0; /* a repeated level changes no count */
	link = irq_lines_pci_link(device, intx);
	if (level) {
		l->intx[device] |= bit;
		l->link_count[link]++;
	} else {
		l->intx[device] &= (uint8_t)~bit;
		l->link_count[link]--;
	}
	return l->route[link] ? sync_line(l, l->route[link]) : 0;
}

int irq_lines_set_link(struct irq_lines *l, uint32_t link, uint32_t irq)
{
	uint8_t old;
	int rc;

	/* GSI 2 (the cascade) routes nowhere: harmless, as on Xen. */
	if (link >= IRQ_LINES_LINKS || irq >= IRQ_LINES_ISA)
		return -EINVAL;
	old = l->route[link];
	l->route[link] = (uint8_t)irq;
	/* Move an asserted link's level from the old line to the new one. */
	rc = old ? sync_line(l, old) : 0;
	if (!rc && irq)
		rc = sync_line(l, irq);
	return rc;
}
