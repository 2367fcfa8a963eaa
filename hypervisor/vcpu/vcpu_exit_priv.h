/* SPDX-License-Identifier: GPL-2.0-only */
/* Exit handlers that live outside vcpu_exit.c. */
#ifndef HYPERVISOR_VCPU_EXIT_PRIV_H
#define HYPERVISOR_VCPU_EXIT_PRIV_H

struct vcpu;

/* KVM_EXIT_XEN: a guest hypercall (vcpu_hcall.c). */
int vcpu_exit_xen(struct vcpu *v);

#endif /* HYPERVISOR_VCPU_EXIT_PRIV_H */
