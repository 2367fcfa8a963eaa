/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The Xen CPUID leaves (see cpuid_xen.h), following xen/arch-x86/cpuid.h
 * and firmware.md 2.2:
 *   leaf 0: EAX = the last leaf (base + 4), EBX:ECX:EDX = "XenVMMXenVMM";
 *   leaf 1: EAX = version 4.17 as major << 16 | minor;
 *   leaf 2: EAX = 1 hypercall page, EBX = the hypercall MSR, ECX = no PV
 *           features (MMU_PT_UPDATE_PRESERVE_AD is a PV feature);
 *   leaf 3: time, sub-leaves 0..2, all zero: sub-leaf 0 EAX = 0 is TSC mode
 *           "default"; KVM writes the TSC scaling into sub-leaves 1 and 2
 *           when its Xen pvclock is on, if those sub-leaves exist;
 *   leaf 4: HVM features: only what is true for us, chosen by the caller.
 *           APIC/x2APIC access virtualisation depends on host hardware and
 *           is not claimed. XEN_HVM_CPUID_UPCALL_VECTOR (per-vCPU upcall
 *           vectors, HVMOP_set_evtchn_upcall_vector) is, where the domain
 *           has event channels.
 * Leaf 5 (PV parameters) is omitted, so the last leaf is base + 4.
 */
#include "hypervisor/cpuid_xen.h"

#include <errno.h>
#include <string.h>

#include "hypervisor/hcall.h"

#define CPUID_XEN_LAST_LEAF 4
#define CPUID_XEN_TIME_LEAF 3
#define CPUID_XEN_TIME_SUBLEAVES 3

static struct kvm_cpuid_entry2 *put(struct kvm_cpuid_entry2 *e,
				    unsigned int leaf)
{
	memset(e, 0, sizeof(*e));
	e->function = XEN_CPUID_LEAF(leaf);
	return e;
}

static unsigned int fill_time_leaf(struct kvm_cpuid_entry2 *entries)
{
	struct kvm_cpuid_entry2 *e;
	unsigned int i;

	for (i = 0; i < CPUID_XEN_TIME_SUBLEAVES; i++) {
		e = put(&entries[i], CPUID_XEN_TIME_LEAF);
		e->index = i;
		e->flags = KVM_CPUID_FLAG_SIGNIFCANT_INDEX;
	}
	return CPUID_XEN_TIME_SUBLEAVES;
}

int cpuid_xen_fill(const struct cpuid_xen_config *cfg,
		   struct kvm_cpuid_entry2 *entries, unsigned int nr_entries,
		   unsigned int *nr_out)
{
	struct kvm_cpuid_entry2 *e;
	unsigned int n = 0;

	if (cfg->hvm_features & ~CPUID_XEN_HVM_SUPPORTED)
		return -EINVAL;
	if (nr_entries < CPUID_XEN_NR_ENTRIES)
		return -ENOSPC;
	e = put(&entries[n++], 0);
	e->eax = XEN_CPUID_LEAF(CPUID_XEN_LAST_LEAF);
	e->ebx = XEN_CPUID_SIGNATURE_EBX;
	e->ecx = XEN_CPUID_SIGNATURE_ECX;
	e->edx = XEN_CPUID_SIGNATURE_EDX;
	e = put(&entries[n++], 1);
	e->eax = (HCALL_XEN_MAJOR << 16) | HCALL_XEN_MINOR;
	e = put(&entries[n++], 2);
	e->eax = 1;
	e->ebx = CPUID_XEN_HYPERCALL_MSR;
	n += fill_time_leaf(&entries[n]);
	e = put(&entries[n++], CPUID_XEN_LAST_LEAF);
	e->eax = cfg->hvm_features;
	if (cfg->hvm_features & XEN_HVM_CPUID_VCPU_ID_PRESENT)
		e->ebx = cfg->vcpu_id;
	if (cfg->hvm_features & XEN_HVM_CPUID_DOMID_PRESENT)
		e->ecx = cfg->domid;
	*nr_out = n;
	return 0;
}
