/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for vcpu_op register_vcpu_info: the good case, vcpu_info that
 * would cross a page or be misaligned (per ABI), huge frames, vCPU ids
 * beyond the domain, a domain without the service, and other sub-ops.
 */
#include "hcall_fake.h"

#include <string.h>

#include <xen/errno.h>
#include <xen/vcpu.h>

#include "hvm_test.h"

#define ARG 0x300

static long reg(struct hcall_vcpu *v, uint64_t vcpuid, uint64_t mfn,
		uint32_t offset)
{
	struct hcall_fake *f = v->d->opaque;
	struct vcpu_register_vcpu_info info = {
		.mfn = mfn,
		.offset = offset,
		.rsvd = 0xdeadbeef, /* Linux leaves it uninitialised */
	};

	memcpy(f->mem + ARG, &info, sizeof(info));
	return hcall_fake_call(v, __HYPERVISOR_vcpu_op,
			       VCPUOP_register_vcpu_info, vcpuid, ARG);
}

static void test_register(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	hcall_fake_init(&f, &d, &v);
	CHECK_EQ(0, reg(&v, 1, 0x123, 0x40));
	CHECK_EQ(1, f.nr_vcpu_info);
	CHECK_EQ(1, f.vcpu_info_vcpu);
	CHECK_EQ(0x123040, f.vcpu_info_gpa);
	/* The last slot that fits, and the largest frame number. */
	CHECK_EQ(0, reg(&v, 3, (1ULL << 52) - 1, 4096 - 64));
	CHECK_EQ(0xffffffffffffffc0ULL, f.vcpu_info_gpa);
	/* vcpuid is an unsigned int in Xen. */
	CHECK_EQ(0, reg(&v, (1ULL << 32) | 2, 0x10, 0));
	CHECK_EQ(2, f.vcpu_info_vcpu);
}

static void test_bad_placement(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	hcall_fake_init(&f, &d, &v);
	CHECK_EQ(-XEN_EINVAL, reg(&v, 0, 0x123, 4096 - 56)); /* crosses */
	CHECK_EQ(-XEN_EINVAL, reg(&v, 0, 0x123, 4096 - 63));
	CHECK_EQ(-XEN_EINVAL, reg(&v, 0, 0x123, 4096));
	CHECK_EQ(-XEN_EINVAL, reg(&v, 0, 0x123, UINT32_MAX));
	CHECK_EQ(-XEN_EINVAL, reg(&v, 0, 0x123, 4)); /* 8-aligned natively */
	CHECK_EQ(-XEN_EINVAL, reg(&v, 0, 1ULL << 52, 0));
	CHECK_EQ(-XEN_EINVAL, reg(&v, 0, UINT64_MAX, 0));
	CHECK_EQ(0, f.nr_vcpu_info);
	/* The i386 ABI aligns vcpu_info to 4. */
	v.longmode = false;
	CHECK_EQ(0, reg(&v, 0, 0x123, 4));
	CHECK_EQ(-XEN_EINVAL, reg(&v, 0, 0x123, 2));
	CHECK_EQ(-XEN_EINVAL, reg(&v, 0, 0x123, 4096 - 60));
	CHECK_EQ(1, f.nr_vcpu_info);
}

static void test_bad_vcpu_and_args(void)
{
	struct hcall_ops ops = hcall_fake_ops;
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	hcall_fake_init(&f, &d, &v);
	CHECK_EQ(-XEN_ENOENT, reg(&v, 4, 0x123, 0));
	CHECK_EQ(-XEN_ENOENT, reg(&v, UINT32_MAX, 0x123, 0));
	CHECK_EQ(-XEN_EFAULT,
		 hcall_fake_call(&v, __HYPERVISOR_vcpu_op,
				 VCPUOP_register_vcpu_info, 0, UINT64_MAX - 4));
	CHECK_EQ(-XEN_ENOSYS,
		 hcall_fake_call(&v, __HYPERVISOR_vcpu_op, VCPUOP_up, 0, ARG));
	CHECK_EQ(-XEN_ENOSYS,
		 hcall_fake_call(&v, __HYPERVISOR_vcpu_op, UINT32_MAX, 0, ARG));
	ops.register_vcpu_info = NULL;
	hcall_domain_init(&d, 7, 4, &ops, &f);
	CHECK_EQ(-XEN_ENOSYS, reg(&v, 0, 0x123, 0));
	CHECK_EQ(0, f.nr_vcpu_info);
}

int main(void)
{
	HVM_TEST(test_register);
	HVM_TEST(test_bad_placement);
	HVM_TEST(test_bad_vcpu_and_args);
	return hvm_test_summary();
}
