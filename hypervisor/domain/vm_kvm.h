/* SPDX-License-Identifier: GPL-2.0-only */
/* The KVM VM behind a domain (private to hypervisor/domain). */
#ifndef HYPERVISOR_VM_KVM_H
#define HYPERVISOR_VM_KVM_H

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

#endif /* HYPERVISOR_VM_KVM_H */
