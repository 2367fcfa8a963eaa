/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for the Xen timer state machine (vcpu_timer.c) and the other
 * time sub-ops: a deadline set before VIRQ_TIMER is bound is handed to
 * the host with the port; later sets go straight to the host; closing the
 * port takes the timer back; set_timer_op in both ABIs; the periodic
 * timer; runstate and vDSO time areas; vm_assist; XENFEAT_hvm_safe_pvclock; and
 * bad vCPU ids, addresses and sub-ops.
 */
#include "hcall_fake.h"

#include <string.h>

#include <xen/errno.h>
#include <xen/event_channel.h>
#include <xen/features.h>
#include <xen/vcpu.h>
#include <xen/version.h>

#include "hvm_test.h"

#define ARG 0x400

static long vcpu_op(struct hcall_vcpu *v, unsigned int cmd, uint64_t vcpuid,
		    const void *arg, size_t len)
{
	struct hcall_fake *f = v->d->opaque;

	if (len)
		memcpy(f->mem + ARG, arg, len);
	return hcall_fake_call(v, __HYPERVISOR_vcpu_op, cmd, vcpuid, ARG);
}

static long singleshot(struct hcall_vcpu *v, uint64_t vcpuid, uint64_t ns)
{
	struct vcpu_set_singleshot_timer st = {.timeout_abs_ns = ns};

	return vcpu_op(v, VCPUOP_set_singleshot_timer, vcpuid, &st, sizeof(st));
}

static long bind_timer(struct hcall_vcpu *v, uint32_t vcpu)
{
	struct hcall_fake *f = v->d->opaque;
	struct evtchn_bind_virq b = {.virq = VIRQ_TIMER, .vcpu = vcpu};
	long rc;

	memcpy(f->mem + ARG, &b, sizeof(b));
	rc = hcall_fake_call(v, __HYPERVISOR_event_channel_op,
			     EVTCHNOP_bind_virq, ARG, 0);
	if (rc)
		return rc;
	memcpy(&b, f->mem + ARG, sizeof(b));
	return b.port;
}

static long close_port(struct hcall_vcpu *v, uint32_t port)
{
	struct evtchn_close c = {.port = port};
	struct hcall_fake *f = v->d->opaque;

	memcpy(f->mem + ARG, &c, sizeof(c));
	return hcall_fake_call(v, __HYPERVISOR_event_channel_op, EVTCHNOP_close,
			       ARG, 0);
}

/* A deadline set before the bind reaches the host with the port. */
static void test_bind_hands_over(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;
	long port;

	hcall_fake_init(&f, &d, &v);
	CHECK_EQ(0, singleshot(&v, 0, 5000000));
	CHECK_EQ(0, f.nr_timer_set); /* no port: nothing for the host */
	port = bind_timer(&v, 0);
	CHECK(port > 0);
	CHECK_EQ(1, f.nr_timer_set);
	CHECK_EQ(0, f.timer_vcpu);
	CHECK_EQ(port, f.timer_port);
	CHECK_EQ(5000000, f.timer_expires);
	/* Later sets and stops go to the host at once. */
	CHECK_EQ(0, singleshot(&v, 0, 7000000));
	CHECK_EQ(2, f.nr_timer_set);
	CHECK_EQ(7000000, f.timer_expires);
	CHECK_EQ(0, vcpu_op(&v, VCPUOP_stop_singleshot_timer, 0, NULL, 0));
	CHECK_EQ(3, f.nr_timer_set);
	CHECK_EQ(0, f.timer_expires);
	CHECK_EQ(port, f.timer_port);
	/* A deadline of 0 is in the past: it fires, it does not stop. */
	CHECK_EQ(0, singleshot(&v, 0, 0));
	CHECK(f.timer_expires != 0);
	/* Closing the port takes the timer from the host. */
	CHECK_EQ(0, close_port(&v, (uint32_t)port));
	CHECK_EQ(5, f.nr_timer_set);
	CHECK_EQ(0, f.timer_port);
	CHECK_EQ(0, f.timer_expires);
	CHECK_EQ(0, singleshot(&v, 0, 9000000));
	CHECK_EQ(5, f.nr_timer_set);
}

/* Another vCPU's VIRQ_TIMER, bound from vCPU 0 as Linux does for APs. */
static void test_bind_for_ap(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;
	long port;

	hcall_fake_init(&f, &d, &v);
	port = bind_timer(&v, 3);
	CHECK(port > 0);
	CHECK_EQ(1, f.nr_timer_set);
	CHECK_EQ(3, f.timer_vcpu);
	CHECK_EQ(port, f.timer_port);
	CHECK_EQ(0, f.timer_expires);
	CHECK_EQ(-XEN_EEXIST, bind_timer(&v, 3));
	CHECK_EQ(-XEN_ENOENT, bind_timer(&v, 4));
	CHECK_EQ(1, f.nr_timer_set);
	/* The evtchn reset of a kexec closes it too. */
	struct evtchn_reset r = {.dom = DOMID_SELF};
	memcpy(f.mem + ARG, &r, sizeof(r));
	CHECK_EQ(0, hcall_fake_call(&v, __HYPERVISOR_event_channel_op,
				    EVTCHNOP_reset, ARG, 0));
	CHECK_EQ(2, f.nr_timer_set);
	CHECK_EQ(3, f.timer_vcpu);
	CHECK_EQ(0, f.timer_port);
}

/* Timer sub-ops act on the caller's own vCPU only, as in Xen. */
static void test_bad_vcpus(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	hcall_fake_init(&f, &d, &v);
	CHECK_EQ(-XEN_EINVAL, singleshot(&v, 1, 1000));
	CHECK_EQ(-XEN_ENOENT, singleshot(&v, 4, 1000));
	CHECK_EQ(-XEN_ENOENT, singleshot(&v, UINT32_MAX, 1000));
	CHECK_EQ(-XEN_EINVAL,
		 vcpu_op(&v, VCPUOP_stop_singleshot_timer, 2, NULL, 0));
	CHECK_EQ(-XEN_ENOENT,
		 vcpu_op(&v, VCPUOP_stop_singleshot_timer, 9, NULL, 0));
	CHECK_EQ(-XEN_EFAULT, hcall_fake_call(&v, __HYPERVISOR_vcpu_op,
					      VCPUOP_set_singleshot_timer, 0,
					      FAKE_MEM_SIZE));
	CHECK_EQ(0, f.nr_timer_set);
	/* vcpuid is an unsigned int: the high half is ignored. */
	CHECK_EQ(0, singleshot(&v, 1ULL << 32, 1000));
}

static void test_set_timer_op(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;
	long port;

	hcall_fake_init(&f, &d, &v);
	port = bind_timer(&v, 0);
	CHECK(port > 0);
	CHECK_EQ(0, hcall_fake_call(&v, __HYPERVISOR_set_timer_op,
				    0x123456789aULL, 0, 0));
	CHECK_EQ(0x123456789aULL, f.timer_expires);
	/* i386: low half in EBX, high half in ECX. */
	v.longmode = false;
	CHECK_EQ(0, hcall_fake_call(&v, __HYPERVISOR_set_timer_op, 0x3456789a,
				    0x12, 0));
	CHECK_EQ(0x123456789aULL, f.timer_expires);
	CHECK_EQ(0, hcall_fake_call(&v, __HYPERVISOR_set_timer_op, 0, 0, 0));
	CHECK_EQ(0, f.timer_expires);
}

static long periodic(struct hcall_vcpu *v, uint64_t vcpuid, uint64_t ns)
{
	struct vcpu_set_periodic_timer p = {.period_ns = ns};

	return vcpu_op(v, VCPUOP_set_periodic_timer, vcpuid, &p, sizeof(p));
}

/* Set and stopped for any vCPU of the domain, within Xen's bounds. */
static void test_periodic(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	hcall_fake_init(&f, &d, &v);
	CHECK_EQ(0, periodic(&v, 0, 10000000));
	CHECK_EQ(1, f.nr_periodic_set);
	CHECK_EQ(0, f.periodic_vcpu);
	CHECK_EQ(10000000, f.periodic_ns);
	/* Another vCPU's, in the 32-bit ABI too (one uint64_t). */
	v.longmode = false;
	CHECK_EQ(0, periodic(&v, 3, 1000000));
	CHECK_EQ(3, f.periodic_vcpu);
	CHECK_EQ(1000000, f.periodic_ns);
	v.longmode = true;
	CHECK_EQ(0, vcpu_op(&v, VCPUOP_stop_periodic_timer, 3, NULL, 0));
	CHECK_EQ(3, f.nr_periodic_set);
	CHECK_EQ(0, f.periodic_ns);
	/* The largest period Xen takes, then the bounds. */
	CHECK_EQ(0, periodic(&v, 0, UINT64_MAX >> 2));
	CHECK_EQ(UINT64_MAX >> 2, f.periodic_ns);
	CHECK_EQ(4, f.nr_periodic_set);
	CHECK_EQ(-XEN_EINVAL, periodic(&v, 0, 999999));
	CHECK_EQ(-XEN_EINVAL, periodic(&v, 0, 0));
	CHECK_EQ(-XEN_EINVAL, periodic(&v, 0, (UINT64_MAX >> 2) + 1));
	CHECK_EQ(-XEN_EINVAL, periodic(&v, 0, UINT64_MAX));
	CHECK_EQ(-XEN_ENOENT, periodic(&v, 4, 10000000));
	CHECK_EQ(-XEN_ENOENT, periodic(&v, UINT32_MAX, 10000000));
	CHECK_EQ(-XEN_ENOENT,
		 vcpu_op(&v, VCPUOP_stop_periodic_timer, 4, NULL, 0));
	CHECK_EQ(-XEN_EFAULT,
		 hcall_fake_call(&v, __HYPERVISOR_vcpu_op,
				 VCPUOP_set_periodic_timer, 0, FAKE_MEM_SIZE));
	CHECK_EQ(4, f.nr_periodic_set);
}

/* Without a host periodic timer: set refused, stop succeeds. */
static void test_periodic_without_host(void)
{
	struct hcall_ops ops = hcall_fake_ops;
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	hcall_fake_init(&f, &d, &v);
	ops.periodic_set = NULL;
	d.ops = &ops;
	CHECK_EQ(-XEN_ENOSYS, periodic(&v, 0, 10000000));
	CHECK_EQ(0, vcpu_op(&v, VCPUOP_stop_periodic_timer, 0, NULL, 0));
	CHECK_EQ(0, f.nr_periodic_set);
}

/* A tick reaches the port VIRQ_TIMER is bound to now, if any. */
static void test_send_virq_timer(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;
	long port;

	hcall_fake_init(&f, &d, &v);
	CHECK(!hcall_domain_send_virq_timer(&d, 1));
	CHECK_EQ(0, f.nr_upcalls);
	port = bind_timer(&v, 1);
	CHECK(port > 0);
	CHECK(hcall_domain_send_virq_timer(&d, 1));
	CHECK(hcall_fake_bit(f.evtchn_pending, (unsigned int)port));
	CHECK_EQ(1, f.nr_upcalls);
	CHECK_EQ(1, f.upcall_vcpu);
	/* Not to another vCPU, nor one the domain lacks. */
	CHECK(!hcall_domain_send_virq_timer(&d, 0));
	CHECK(!hcall_domain_send_virq_timer(&d, 4));
	CHECK(!hcall_domain_send_virq_timer(&d, UINT32_MAX));
	CHECK_EQ(1, f.nr_upcalls);
	/* Closed: ticks find no port. */
	CHECK_EQ(0, close_port(&v, (uint32_t)port));
	CHECK(!hcall_domain_send_virq_timer(&d, 1));
	CHECK_EQ(1, f.nr_upcalls);
}

static long runstate(struct hcall_vcpu *v, uint64_t vcpuid, uint64_t gva)
{
	struct vcpu_register_runstate_memory_area a = {.addr.p = gva};

	return vcpu_op(v, VCPUOP_register_runstate_memory_area, vcpuid, &a,
		       sizeof(a));
}

static void test_runstate(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	hcall_fake_init(&f, &d, &v);
	CHECK_EQ(0, runstate(&v, 2, 0xffff888000123440ULL));
	CHECK_EQ(1, f.nr_runstate);
	CHECK_EQ(0, f.runstate_caller);
	CHECK_EQ(2, f.runstate_vcpu);
	CHECK_EQ(0xffff888000123440ULL, f.runstate_gva);
	CHECK_EQ(48, f.runstate_len);
	CHECK_EQ(0, runstate(&v, 0, 0)); /* stop */
	CHECK_EQ(0, f.runstate_gva);
	CHECK_EQ(-XEN_ENOENT, runstate(&v, 4, 0x1000));
	CHECK_EQ(-XEN_EFAULT, runstate(&v, 0, UINT64_MAX - 16));
	CHECK_EQ(2, f.nr_runstate);
	/* i386: a 32-bit handle, 44 bytes; the high half is not looked at. */
	v.longmode = false;
	CHECK_EQ(0, runstate(&v, 1, 0xdead0000c1234560ULL));
	CHECK_EQ(0xc1234560ULL, f.runstate_gva);
	CHECK_EQ(44, f.runstate_len);
	CHECK_EQ(-XEN_EFAULT, runstate(&v, 1, 0xfffffff0));
	CHECK_EQ(3, f.nr_runstate);
}

static void test_time_area(void)
{
	struct vcpu_register_time_memory_area a = {.addr.p = 0x7000};
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	hcall_fake_init(&f, &d, &v);
	CHECK_EQ(0, vcpu_op(&v, VCPUOP_register_vcpu_time_memory_area, 1, &a,
			    sizeof(a)));
	CHECK_EQ(1, f.nr_time_area);
	CHECK_EQ(1, f.time_area_vcpu);
	CHECK_EQ(0x7000, f.time_area_gva);
	CHECK_EQ(-XEN_ENOENT, vcpu_op(&v, VCPUOP_register_vcpu_time_memory_area,
				      4, &a, sizeof(a)));
	a.addr.p = UINT64_MAX - 8;
	CHECK_EQ(-XEN_EFAULT, vcpu_op(&v, VCPUOP_register_vcpu_time_memory_area,
				      0, &a, sizeof(a)));
	CHECK_EQ(1, f.nr_time_area);
}

static void test_vm_assist(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	hcall_fake_init(&f, &d, &v);
	CHECK_EQ(0,
		 hcall_fake_call(&v, __HYPERVISOR_vm_assist, VMASST_CMD_enable,
				 VMASST_TYPE_runstate_update_flag, 0));
	CHECK_EQ(1, f.nr_update_flag);
	CHECK(f.update_flag);
	CHECK_EQ(0,
		 hcall_fake_call(&v, __HYPERVISOR_vm_assist, VMASST_CMD_disable,
				 VMASST_TYPE_runstate_update_flag, 0));
	CHECK(!f.update_flag);
	/* PV-only types, unknown types and commands. */
	CHECK_EQ(-XEN_EINVAL,
		 hcall_fake_call(&v, __HYPERVISOR_vm_assist, VMASST_CMD_enable,
				 VMASST_TYPE_4gb_segments, 0));
	CHECK_EQ(-XEN_EINVAL, hcall_fake_call(&v, __HYPERVISOR_vm_assist,
					      VMASST_CMD_enable, 64, 0));
	CHECK_EQ(-XEN_ENOSYS,
		 hcall_fake_call(&v, __HYPERVISOR_vm_assist, 7,
				 VMASST_TYPE_runstate_update_flag, 0));
	CHECK_EQ(2, f.nr_update_flag);
}

static uint32_t features(struct hcall_vcpu *v)
{
	struct hcall_fake *f = v->d->opaque;
	struct xen_feature_info fi = {.submap_idx = 0};

	memcpy(f->mem + ARG, &fi, sizeof(fi));
	CHECK_EQ(0, hcall_fake_call(v, __HYPERVISOR_xen_version,
				    XENVER_get_features, ARG, 0));
	memcpy(&fi, f->mem + ARG, sizeof(fi));
	return fi.submap;
}

/* Offered only with timers, runstate areas and event channels. */
static void test_safe_pvclock_feature(void)
{
	struct hcall_ops ops = hcall_fake_ops;
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	hcall_fake_init(&f, &d, &v);
	CHECK(features(&v) & (1U << XENFEAT_hvm_safe_pvclock));
	hcall_domain_disable_pv_time(&d);
	CHECK(!(features(&v) & (1U << XENFEAT_hvm_safe_pvclock)));
	CHECK(features(&v) & (1U << XENFEAT_hvm_callback_vector));
	hcall_fake_init(&f, &d, &v);
	hcall_domain_disable_evtchn(&d);
	CHECK(!(features(&v) & (1U << XENFEAT_hvm_safe_pvclock)));
	ops.register_runstate = NULL;
	hcall_domain_init(&d, 7, 4, &ops, &f);
	CHECK(!(features(&v) & (1U << XENFEAT_hvm_safe_pvclock)));
	ops = hcall_fake_ops;
	ops.timer_set = NULL;
	hcall_domain_init(&d, 7, 4, &ops, &f);
	CHECK(!(features(&v) & (1U << XENFEAT_hvm_safe_pvclock)));
}

int main(void)
{
	HVM_TEST(test_bind_hands_over);
	HVM_TEST(test_bind_for_ap);
	HVM_TEST(test_bad_vcpus);
	HVM_TEST(test_set_timer_op);
	HVM_TEST(test_periodic);
	HVM_TEST(test_periodic_without_host);
	HVM_TEST(test_send_virq_timer);
	HVM_TEST(test_runstate);
	HVM_TEST(test_time_area);
	HVM_TEST(test_vm_assist);
	HVM_TEST(test_safe_pvclock_feature);
	return hvm_test_summary();
}
