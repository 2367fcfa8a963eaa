/* SPDX-License-Identifier: GPL-2.0-only */
/* CPUID of a vCPU (private to hypervisor/vcpu). */
#ifndef HYPERVISOR_VCPU_CPUID_H
#define HYPERVISOR_VCPU_CPUID_H

#include <stdint.h>

struct kvm_cpuid2;
struct vcpu;

/*
 * Turns the host's supported CPUID list @c (with room for @cap entries) into
 * vCPU @vcpu_id's: drops KVM's own hypervisor leaves (0x40000000 and up:
 * the Xen leaves must be the first hypervisor signature guests find), sets
 * the initial APIC ID (leaf 1 EBX[31:24]) and x2APIC ID (leaves 0xB, 0x1F
 * EDX) to @vcpu_id, since APIC ID = vCPU id everywhere (firmware.md 8.3),
 * and appends the Xen leaves with leaf 4 features @hvm_features (a subset
 * of CPUID_XEN_HVM_SUPPORTED). Returns 0, -ENOSPC or -EINVAL.
 */
int vcpu_cpuid_build(struct kvm_cpuid2 *c, unsigned int cap,
		     unsigned int vcpu_id, uint16_t domid,
		     uint32_t hvm_features) __attribute__((warn_unused_result));

/*
 * xl's pae=0: hides PAE (leaf 1 EDX bit 6, and its copy in leaf
 * 0x80000001 EDX on AMD) and, as Xen's feature dependencies do, long mode
 * (leaf 0x80000001 EDX bit 29), which needs it.
 */
void vcpu_cpuid_hide_pae(struct kvm_cpuid2 *c);

/* Builds and sets v's CPUID (KVM_SET_CPUID2), without PAE if d->no_pae. */
int vcpu_cpuid_set(struct vcpu *v) __attribute__((warn_unused_result));

#endif /* HYPERVISOR_VCPU_CPUID_H */
