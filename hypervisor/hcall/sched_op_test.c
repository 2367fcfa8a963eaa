/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for sched_op: yield, shutdown with each valid reason and with
 * out-of-range ones, a bad argument address, a domain without the
 * shutdown service, and sub-ops that need event channels.
 */
#include "hcall_fake.h"

#include <string.h>

#include <xen/errno.h>
#include <xen/sched.h>

#include "hvm_test.h"

#define ARG 0x400

static long shut(struct hcall_vcpu *v, uint32_t reason)
{
	struct hcall_fake *f = v->d->opaque;

	memcpy(f->mem + ARG, &reason, sizeof(reason));
	return hcall_fake_call(v, __HYPERVISOR_sched_op, SCHEDOP_shutdown, ARG,
			       0);
}

static void test_yield_and_shutdown(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;
	unsigned int r;

	hcall_fake_init(&f, &d, &v);
	CHECK_EQ(0, hcall_fake_call(&v, __HYPERVISOR_sched_op, SCHEDOP_yield, 0,
				    0));
	for (r = SHUTDOWN_poweroff; r <= SHUTDOWN_MAX; r++) {
		CHECK_EQ(0, shut(&v, r));
		CHECK_EQ(r, f.shutdown_reason);
	}
	CHECK_EQ(SHUTDOWN_MAX + 1, f.nr_shutdown);
}

static void test_bad_shutdowns(void)
{
	struct hcall_ops ops = hcall_fake_ops;
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	hcall_fake_init(&f, &d, &v);
	CHECK_EQ(-XEN_EINVAL, shut(&v, SHUTDOWN_MAX + 1));
	CHECK_EQ(-XEN_EINVAL, shut(&v, UINT32_MAX));
	CHECK_EQ(-XEN_EFAULT, hcall_fake_call(&v, __HYPERVISOR_sched_op,
					      SCHEDOP_shutdown, UINT64_MAX, 0));
	CHECK_EQ(0, f.nr_shutdown);
	ops.shutdown = NULL;
	hcall_domain_init(&d, 7, 1, &ops, &f);
	CHECK_EQ(-XEN_ENOSYS, shut(&v, SHUTDOWN_crash));
	CHECK_EQ(0, f.nr_shutdown);
}

static void test_unimplemented(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	hcall_fake_init(&f, &d, &v);
	CHECK_EQ(-XEN_ENOSYS, hcall_fake_call(&v, __HYPERVISOR_sched_op,
					      SCHEDOP_poll, ARG, 0));
	CHECK_EQ(-XEN_ENOSYS, hcall_fake_call(&v, __HYPERVISOR_sched_op,
					      SCHEDOP_block, 0, 0));
	CHECK_EQ(-XEN_ENOSYS, hcall_fake_call(&v, __HYPERVISOR_sched_op_compat,
					      SCHEDOP_yield, 0, 0));
}

int main(void)
{
	HVM_TEST(test_yield_and_shutdown);
	HVM_TEST(test_bad_shutdowns);
	HVM_TEST(test_unimplemented);
	return hvm_test_summary();
}
