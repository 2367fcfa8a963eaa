/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for building a vCPU's CPUID from a fake host list: KVM's
 * own leaves are replaced by Xen's, APIC IDs follow the vCPU id, pae=0
 * hides PAE and long mode, and a list without room fails cleanly.
 */
#include "vcpu_cpuid.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <linux/kvm.h>

#include "hypervisor/cpuid_xen.h"
#include "hvm_test.h"

#define CAP 16

static struct kvm_cpuid2 *fake_host(void)
{
	struct kvm_cpuid2 *c =
		calloc(1, sizeof(*c) + CAP * sizeof(c->entries[0]));

	c->nent = 5;
	c->entries[0].function = 0;
	c->entries[1].function = 1;
	c->entries[1].ebx = 0xff000800; /* APIC ID 0xff, CLFLUSH size 8 */
	c->entries[2].function = 0xb;
	c->entries[2].edx = 77;
	c->entries[3].function = 0x40000000; /* "KVMKVMKVM" */
	c->entries[3].ebx = 0x4b4d564b;
	c->entries[4].function = 0x40000001;
	return c;
}

static const struct kvm_cpuid_entry2 *find(const struct kvm_cpuid2 *c,
					   uint32_t fn)
{
	unsigned int i;

	for (i = 0; i < c->nent; i++) {
		if (c->entries[i].function == fn)
			return &c->entries[i];
	}
	return NULL;
}

static void test_xen_leaves_replace_kvm_leaves(void)
{
	struct kvm_cpuid2 *c = fake_host();
	const struct kvm_cpuid_entry2 *e;

	CHECK_EQ(0, vcpu_cpuid_build(c, CAP, 3, 7, CPUID_XEN_HVM_SUPPORTED));
	CHECK_EQ(3 + CPUID_XEN_NR_ENTRIES, c->nent);
	e = find(c, 0x40000000);
	CHECK(e != NULL);
	if (e)
		CHECK(memcmp(&e->ebx, "XenV", 4) == 0);
	e = find(c, 1);
	CHECK(e != NULL);
	if (e)
		CHECK_EQ(0x03000800, e->ebx);
	e = find(c, 0xb);
	CHECK(e != NULL);
	if (e)
		CHECK_EQ(3, e->edx);
	free(c);
}

static void test_hide_pae(void)
{
	struct kvm_cpuid2 *c = fake_host();

	c->entries[1].edx = 0xffffffff;
	c->entries[2].function = 0x80000001;
	c->entries[2].edx = 0xffffffff;
	vcpu_cpuid_hide_pae(c);
	CHECK_EQ(0xffffffbfu, c->entries[1].edx);
	CHECK_EQ(0xdfffffbfu, c->entries[2].edx);
	CHECK_EQ(0x4b4d564b, c->entries[3].ebx); /* other leaves untouched */
	free(c);
}

static void test_no_room_fails(void)
{
	struct kvm_cpuid2 *c = fake_host();

	CHECK_EQ(-ENOSPC, vcpu_cpuid_build(c, 5, 0, 0, 0));
	c->nent = 5;
	CHECK_EQ(-EINVAL, vcpu_cpuid_build(c, 4, 0, 0, 0));
	free(c);
}

int main(void)
{
	HVM_TEST(test_xen_leaves_replace_kvm_leaves);
	HVM_TEST(test_hide_pae);
	HVM_TEST(test_no_room_fails);
	return hvm_test_summary();
}
