/* SPDX-License-Identifier: GPL-2.0-only */
/* The KVM VM behind a domain (private to hypervisor/domain). */
#ifndef HYPERVISOR_VM_KVM_H
#define HYPERVISOR_VM_KVM_H

#include <stdbool.h>
#include <stdint.h>

struct domain;

/*
 * Creates d->vm_fd with the in-kernel irqchip (LAPIC, PIC, IOAPIC) and PIT,
 * the Xen HVM personality (hypercall MSR 0x40000000, hypercalls delivered
 * to user space), and one memslot per guest memory region.
 */
int vm_kvm_create(struct domain *d) __attribute__((warn_unused_result));

/* (Re)installs the memslot of guest memory region @index. */
int vm_kvm_set_memslot(struct domain *d, unsigned int index)
	__attribute__((warn_unused_result));

/*
 * Copies and clears region @index's dirty log (its memslot must have dirty
 * logging on) into @bitmap: one bit per page, in 64-bit words.
 */
int vm_kvm_get_dirty_log(struct domain *d, unsigned int index, uint64_t *bitmap)
	__attribute__((warn_unused_result));

/* Number of ISA interrupt lines (IRQ 0-15). */
#define VM_KVM_ISA_IRQS 16

/*
 * Sets ISA IRQ @irq (0..15) to @level. ISA IRQ n is GSI n, except that
 * IRQ 0 reaches IOAPIC pin 2 (the routing set at creation; the firmware's
 * MADT carries the matching override). Returns 0, -EINVAL or -errno.
 */
int vm_kvm_set_isa_irq(struct domain *d, uint32_t irq, bool level)
	__attribute__((warn_unused_result));

/*
 * Routes beyond the PC's ISA and IOAPIC lines, at GSIs from
 * VM_KVM_FIRST_EXTRA_GSI (Xen event channels that an irqfd raises).
 */
#define VM_KVM_FIRST_EXTRA_GSI 64
#define VM_KVM_MAX_EXTRA_ROUTES 1024

struct kvm_irq_routing_entry;

/*
 * Sets the VM's interrupt routing: the PC lines, as at creation, and the
 * @nr_extra (at most VM_KVM_MAX_EXTRA_ROUTES) entries of @extra. Returns
 * 0, -E2BIG, -ENOMEM or KVM's -errno; the caller logs.
 */
int vm_kvm_set_routing(struct domain *d,
		       const struct kvm_irq_routing_entry *extra,
		       unsigned int nr_extra)
	__attribute__((warn_unused_result));

/*
 * Delivers an MSI write of @data to @addr, which must lie in the LAPIC
 * window 0xFEExxxxx (Intel SDM 3A 11.11.1). Returns 0, -EINVAL or -errno.
 */
int vm_kvm_signal_msi(struct domain *d, uint64_t addr, uint32_t data)
	__attribute__((warn_unused_result));

#endif /* HYPERVISOR_VM_KVM_H */
