/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * MADT (ACPI 6.5 5.2.12): the local APICs (APIC ID = vCPU index, as the
 * hypervisor sets them up under KVM, enabled per the hvm_info online
 * bitmap), one IOAPIC with GSI base 0, interrupt source overrides for
 * ISA IRQ 0 (the PIT is wired to IOAPIC pin 2) and for the PCI link IRQs
 * (level, active low; pci_irq.h), and LINT1 as NMI on every processor.
 */
#include "acpi_priv.h"

#include <errno.h>

#include "hvmloader/pci_irq.h"
#include "hvmloader/platform.h"

#define MADT_REVISION 3
#define MADT_ALL_PROCESSORS 0xffu
#define MADT_LINT1 1
#define ISA_IRQS 16
#define PIT_IRQ 0
#define PIT_GSI 2

static bool vcpu_online(const struct acpi_config *cfg, unsigned int i)
{
	return (cfg->vcpu_online[i / 8] >> (i % 8)) & 1;
}

static unsigned int nr_overrides(void)
{
	unsigned int irq, n = 1; /* the PIT's */

	for (irq = 0; irq < ISA_IRQS; irq++)
		n += pci_irq_is_link_irq(irq);
	return n;
}

static uint8_t *put_iso(uint8_t *p, uint8_t irq, uint32_t gsi, uint16_t flags)
{
	struct acpi_madt_iso *iso = (struct acpi_madt_iso *)p;

	iso->type = ACPI_MADT_ISO;
	iso->length = sizeof(*iso);
	iso->bus = 0; /* ISA */
	iso->source = irq;
	iso->gsi = gsi;
	iso->flags = flags;
	return p + sizeof(*iso);
}

static uint8_t *put_ioapic(uint8_t *p, const struct acpi_config *cfg)
{
	struct acpi_madt_ioapic *io = (struct acpi_madt_ioapic *)p;
	uint8_t irq;

	io->type = ACPI_MADT_IOAPIC;
	io->length = sizeof(*io);
	io->ioapic_id = cfg->ioapic_id;
	io->address = PLATFORM_IOAPIC_BASE;
	io->gsi_base = 0;
	p += sizeof(*io);
	/* Flags 0: conforming to the bus (ISA: edge, active high). */
	p = put_iso(p, PIT_IRQ, PIT_GSI, 0);
	for (irq = 0; irq < ISA_IRQS; irq++) {
		if (pci_irq_is_link_irq(irq))
			p = put_iso(p, irq, irq, PCI_IRQ_FLAGS_LEVEL_LOW);
	}
	return p;
}

static uint8_t *put_lapics(uint8_t *p, const struct acpi_config *cfg)
{
	struct acpi_madt_lapic *l;
	struct acpi_madt_lapic_nmi *nmi;
	unsigned int i;

	for (i = 0; i < cfg->nr_vcpus; i++) {
		l = (struct acpi_madt_lapic *)p;
		l->type = ACPI_MADT_LAPIC;
		l->length = sizeof(*l);
		l->acpi_processor_id = (uint8_t)i;
		l->apic_id = (uint8_t)i;
		l->flags = vcpu_online(cfg, i) ? ACPI_MADT_LAPIC_ENABLED : 0;
		p += sizeof(*l);
	}
	nmi = (struct acpi_madt_lapic_nmi *)p;
	nmi->type = ACPI_MADT_LAPIC_NMI;
	nmi->length = sizeof(*nmi);
	nmi->acpi_processor_id = MADT_ALL_PROCESSORS;
	nmi->flags = 0;
	nmi->lint = MADT_LINT1;
	return p + sizeof(*nmi);
}

int acpi_build_madt(const struct acpi_config *cfg, struct arena *a,
		    uint32_t *gpa)
{
	uint32_t len = sizeof(struct acpi_madt) +
		       sizeof(struct acpi_madt_ioapic) +
		       nr_overrides() * sizeof(struct acpi_madt_iso) +
		       cfg->nr_vcpus * sizeof(struct acpi_madt_lapic) +
		       sizeof(struct acpi_madt_lapic_nmi);
	struct acpi_madt *m;
	uint8_t *p, *end;

	m = arena_alloc(a, len, ACPI_TABLE_ALIGN, gpa);
	if (!m)
		return -ENOSPC;
	acpi_header_init(&m->header, "APIC", len, MADT_REVISION);
	m->lapic_address = PLATFORM_LAPIC_BASE;
	m->flags = ACPI_MADT_PCAT_COMPAT;
	/* Processor entries first: some OSes take the first as the BSP. */
	p = put_lapics((uint8_t *)(m + 1), cfg);
	end = put_ioapic(p, cfg);
	if (end != (uint8_t *)m + len)
		return -EINVAL;
	acpi_header_seal(&m->header);
	return 0;
}
