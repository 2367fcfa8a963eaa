/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for the Xen CPUID leaves: the signature hvmloader scans for,
 * version, hypercall page and MSR, the time sub-leaves KVM fills, the HVM
 * feature leaf with and without the vCPU and domain ids, and bad input.
 */
#include "hypervisor/cpuid_xen.h"

#include <errno.h>
#include <string.h>

#include "hvm_test.h"

static const struct kvm_cpuid_entry2 *find(const struct kvm_cpuid_entry2 *e,
					   unsigned int n, uint32_t fn,
					   uint32_t index)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		if (e[i].function == fn && e[i].index == index)
			return &e[i];
	}
	return NULL;
}

static void test_leaves(void)
{
	struct cpuid_xen_config cfg = {
		.vcpu_id = 3,
		.domid = 7,
		.hvm_features = XEN_HVM_CPUID_VCPU_ID_PRESENT |
				XEN_HVM_CPUID_DOMID_PRESENT,
	};
	struct kvm_cpuid_entry2 e[CPUID_XEN_NR_ENTRIES + 2];
	const struct kvm_cpuid_entry2 *l;
	unsigned int n = 0, i;
	char sig[13] = "";

	memset(e, 0xa5, sizeof(e));
	CHECK_EQ(0, cpuid_xen_fill(&cfg, e, CPUID_XEN_NR_ENTRIES + 2, &n));
	CHECK_EQ(CPUID_XEN_NR_ENTRIES, n);
	CHECK_EQ(0xa5a5a5a5, e[CPUID_XEN_NR_ENTRIES].function); /* untouched */
	l = find(e, n, 0x40000000, 0);
	CHECK(l != NULL);
	if (!l)
		return;
	CHECK_EQ(0x40000004, l->eax);
	memcpy(sig, &l->ebx, 4);
	memcpy(sig + 4, &l->ecx, 4);
	memcpy(sig + 8, &l->edx, 4);
	CHECK_EQ(0, strcmp(sig, "XenVMMXenVMM"));
	l = find(e, n, 0x40000001, 0);
	CHECK(l && l->eax == ((4 << 16) | 17));
	l = find(e, n, 0x40000002, 0);
	CHECK(l && l->eax == 1 && l->ebx == 0x40000000 && l->ecx == 0);
	for (i = 0; i < 3; i++) {
		l = find(e, n, 0x40000003, i);
		CHECK(l && l->flags == KVM_CPUID_FLAG_SIGNIFCANT_INDEX);
		CHECK(l && !l->eax && !l->ebx && !l->ecx && !l->edx);
	}
	l = find(e, n, 0x40000004, 0);
	CHECK(l && l->eax == cfg.hvm_features);
	CHECK(l && l->ebx == 3 && l->ecx == 7 && l->edx == 0);
	for (i = 0; i < n; i++)
		CHECK_EQ(0,
			 e[i].padding[0] | e[i].padding[1] | e[i].padding[2]);
}

static void test_no_optional_features(void)
{
	struct cpuid_xen_config cfg = {.vcpu_id = 5, .domid = 9};
	struct kvm_cpuid_entry2 e[CPUID_XEN_NR_ENTRIES];
	const struct kvm_cpuid_entry2 *l;
	unsigned int n = 0;

	CHECK_EQ(0, cpuid_xen_fill(&cfg, e, CPUID_XEN_NR_ENTRIES, &n));
	l = find(e, n, 0x40000004, 0);
	CHECK(l && l->eax == 0 && l->ebx == 0 && l->ecx == 0);
}

static void test_bad_input(void)
{
	struct cpuid_xen_config cfg = {.vcpu_id = 0};
	struct kvm_cpuid_entry2 e[CPUID_XEN_NR_ENTRIES];
	unsigned int n = 42;

	memset(e, 0xa5, sizeof(e));
	CHECK_EQ(-ENOSPC,
		 cpuid_xen_fill(&cfg, e, CPUID_XEN_NR_ENTRIES - 1, &n));
	CHECK_EQ(-ENOSPC, cpuid_xen_fill(&cfg, e, 0, &n));
	cfg.hvm_features = XEN_HVM_CPUID_APIC_ACCESS_VIRT;
	CHECK_EQ(-EINVAL, cpuid_xen_fill(&cfg, e, CPUID_XEN_NR_ENTRIES, &n));
	cfg.hvm_features = XEN_HVM_CPUID_X2APIC_VIRT;
	CHECK_EQ(-EINVAL, cpuid_xen_fill(&cfg, e, CPUID_XEN_NR_ENTRIES, &n));
	cfg.hvm_features = 0x80000000;
	CHECK_EQ(-EINVAL, cpuid_xen_fill(&cfg, e, CPUID_XEN_NR_ENTRIES, &n));
	CHECK_EQ(42, n);
	CHECK_EQ(0xa5a5a5a5, e[0].function); /* nothing written */
}

int main(void)
{
	HVM_TEST(test_leaves);
	HVM_TEST(test_no_optional_features);
	HVM_TEST(test_bad_input);
	return hvm_test_summary();
}
