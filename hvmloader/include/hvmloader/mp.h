/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The Intel MultiProcessor Specification 1.4 tables (firmware.md 2.11,
 * chapter 4 of the specification): one processor entry per vCPU (APIC ID = vCPU
 * index), a PCI bus (ID 0) and an ISA bus (ID 1), the IOAPIC, ISA IRQs 0-15 on
 * IOAPIC pins (IRQ 0 on pin 2; link IRQs level, active low), one entry per PCI
 * device pin in use (on the pin of its link's IRQ, pci_irq.h), and the
 * local interrupts of virtual wire mode: ExtINT on LINT0, NMI on LINT1.
 * The floating pointer says "virtual wire", no IMCR.
 */
#ifndef HVMLOADER_MP_H
#define HVMLOADER_MP_H

#include <stdint.h>

#include "hvmloader/arena.h"
#include "hvmloader/pci_irq.h"

struct mp_config {
	unsigned int nr_vcpus;
	uint8_t vcpu_online[16]; /* hvm_info_table bitmap */
	uint8_t lapic_version;
	uint32_t cpu_signature; /* CPUID 1 EAX */
	uint32_t cpu_features;	/* CPUID 1 EDX */
	uint8_t ioapic_id;
	uint8_t ioapic_version;
	/* Bit p of dev_pins[d]: PCI device d uses pin p (0 = INTA). */
	uint8_t dev_pins[PCI_IRQ_NR_DEVICES];
};

/*
 * Builds the configuration table in @table and the floating pointer in
 * @low (below 1 MiB). Returns 0 with the floating pointer's address in
 * *@fp, -ENOSPC if an arena is too small, -EINVAL for a bad @cfg.
 */
int mp_build(const struct mp_config *cfg, struct arena *table,
	     struct arena *low, uint32_t *fp)
	__attribute__((warn_unused_result));

#endif /* HVMLOADER_MP_H */
