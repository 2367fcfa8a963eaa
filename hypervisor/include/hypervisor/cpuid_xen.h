/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The Xen CPUID leaves of the Xen personality (xen/arch-x86/cpuid.h), at
 * base 0x40000000: the "XenVMMXenVMM" signature hvmloader, SeaBIOS and
 * Linux look for, the version, the hypercall-page MSR, the time leaf and
 * the HVM feature leaf. A pure function fills KVM CPUID entries that the
 * vCPU setup code appends to the rest before KVM_SET_CPUID2. KVM finds
 * Xen's leaves by this signature and fills the TSC sub-leaves itself.
 */
#ifndef HYPERVISOR_CPUID_XEN_H
#define HYPERVISOR_CPUID_XEN_H

#include <stdint.h>

#include <linux/kvm.h>
#include <xen/arch-x86/cpuid.h>

/*
 * Entries cpuid_xen_fill() writes: leaves 0, 1, 2, three sub-leaves of
 * leaf 3, and leaf 4.
 */
#define CPUID_XEN_NR_ENTRIES 7

/* The MSR leaf 2 names; KVM_XEN_HVM_CONFIG.msr must use the same. */
#define CPUID_XEN_HYPERCALL_MSR 0x40000000U

/* XEN_HVM_CPUID_* bits of leaf 4 that we can honestly set. */
#define CPUID_XEN_HVM_SUPPORTED                                                \
	(XEN_HVM_CPUID_VCPU_ID_PRESENT | XEN_HVM_CPUID_DOMID_PRESENT |         \
	 XEN_HVM_CPUID_UPCALL_VECTOR)

struct cpuid_xen_config {
	/* Xen's vCPU id (0-based), reported in leaf 4 EBX. */
	unsigned int vcpu_id;
	/* Reported in leaf 4 ECX if XEN_HVM_CPUID_DOMID_PRESENT is set. */
	uint16_t domid;
	/* Leaf 4 EAX: a subset of CPUID_XEN_HVM_SUPPORTED. */
	uint32_t hvm_features;
};

/*
 * Writes the Xen leaves for @cfg into @entries (room for @nr_entries) and
 * the number written into *@nr_out. Returns 0, -EINVAL if @cfg asks for a
 * feature outside CPUID_XEN_HVM_SUPPORTED, or -ENOSPC if @nr_entries is
 * below CPUID_XEN_NR_ENTRIES. Nothing is written on error.
 */
int cpuid_xen_fill(const struct cpuid_xen_config *cfg,
		   struct kvm_cpuid_entry2 *entries, unsigned int nr_entries,
		   unsigned int *nr_out) __attribute__((warn_unused_result));

#endif /* HYPERVISOR_CPUID_XEN_H */
