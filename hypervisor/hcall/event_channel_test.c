/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for event_channel_op: IPI and VIRQ bindings and their sends,
 * masking, close and port reuse, status, loopback interdomain channels,
 * channels to a backend in domain 0,
 * bind_vcpu, port exhaustion, the refused FIFO ABI, hostile arguments
 * (ports, vCPUs, VIRQs, domains, addresses), a host that cannot raise
 * events, and a domain without event channels.
 */
#include "hcall_fake.h"

#include <errno.h>
#include <string.h>

#include <xen/errno.h>
#include <xen/event_channel.h>
#include <xen/features.h>

#include "hvm_test.h"

#define ARG 0x800

static long evtchn_op(struct hcall_vcpu *v, unsigned int cmd, const void *arg,
		      size_t len)
{
	struct hcall_fake *f = v->d->opaque;

	memcpy(f->mem + ARG, arg, len);
	return hcall_fake_call(v, __HYPERVISOR_event_channel_op, cmd, ARG, 0);
}

/* Binds an IPI for @vcpu; returns the port or the negative error. */
static long bind_ipi(struct hcall_vcpu *v, uint32_t vcpu)
{
	struct hcall_fake *f = v->d->opaque;
	struct evtchn_bind_ipi b = {.vcpu = vcpu};
	long rc = evtchn_op(v, EVTCHNOP_bind_ipi, &b, sizeof(b));

	if (rc)
		return rc;
	memcpy(&b, f->mem + ARG, sizeof(b));
	return b.port;
}

static long bind_virq(struct hcall_vcpu *v, uint32_t virq, uint32_t vcpu)
{
	struct hcall_fake *f = v->d->opaque;
	struct evtchn_bind_virq b = {.virq = virq, .vcpu = vcpu};
	long rc = evtchn_op(v, EVTCHNOP_bind_virq, &b, sizeof(b));

	if (rc)
		return rc;
	memcpy(&b, f->mem + ARG, sizeof(b));
	return b.port;
}

static long alloc_unbound(struct hcall_vcpu *v, domid_t remote)
{
	struct hcall_fake *f = v->d->opaque;
	struct evtchn_alloc_unbound a = {.dom = DOMID_SELF,
					 .remote_dom = remote};
	long rc = evtchn_op(v, EVTCHNOP_alloc_unbound, &a, sizeof(a));

	if (rc)
		return rc;
	memcpy(&a, f->mem + ARG, sizeof(a));
	return a.port;
}

static long port_op(struct hcall_vcpu *v, unsigned int cmd, uint32_t port)
{
	return evtchn_op(v, cmd, &port, sizeof(port));
}

static struct evtchn_status status(struct hcall_vcpu *v, uint32_t port)
{
	struct hcall_fake *f = v->d->opaque;
	struct evtchn_status s = {.dom = DOMID_SELF, .port = port};

	memset(&s.u, 0xff, sizeof(s.u));
	CHECK_EQ(0, evtchn_op(v, EVTCHNOP_status, &s, sizeof(s)));
	memcpy(&s, f->mem + ARG, sizeof(s));
	return s;
}

static void test_ipi(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;
	long p;

	hcall_fake_init(&f, &d, &v);
	CHECK(d.features & (1U << XENFEAT_hvm_callback_vector));
	p = bind_ipi(&v, 1);
	CHECK_EQ(1, p);
	/* The host delivers the guest's sends on it to itself, on vCPU 1. */
	CHECK_EQ(1, f.route_port[1]);
	CHECK_EQ(1, f.route_vcpu[1]);
	CHECK_EQ(0, port_op(&v, EVTCHNOP_send, (uint32_t)p));
	CHECK(hcall_fake_bit(f.evtchn_pending, 1));
	CHECK_EQ(1, f.nr_upcalls);
	CHECK_EQ(1, f.upcall_vcpu);
	/* Already pending: no second upcall. */
	CHECK_EQ(0, port_op(&v, EVTCHNOP_send, (uint32_t)p));
	CHECK_EQ(1, f.nr_upcalls);
	CHECK_EQ(EVTCHNSTAT_ipi, status(&v, 1).status);
	CHECK_EQ(1, status(&v, 1).vcpu);
	/* An IPI belongs to its vCPU. */
	struct evtchn_bind_vcpu bv = {.port = 1, .vcpu = 2};
	CHECK_EQ(-XEN_EINVAL,
		 evtchn_op(&v, EVTCHNOP_bind_vcpu, &bv, sizeof(bv)));
	CHECK_EQ(-XEN_ENOENT, bind_ipi(&v, 4));
	CHECK_EQ(-XEN_ENOENT, bind_ipi(&v, UINT32_MAX));
	/* A 32-bit caller uses the same layouts. */
	v.longmode = false;
	CHECK_EQ(2, bind_ipi(&v, 0));
}

static void test_mask_unmask(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;
	long p;

	hcall_fake_init(&f, &d, &v);
	p = bind_ipi(&v, 2);
	hcall_fake_set_bit(f.evtchn_mask, (unsigned int)p, true);
	CHECK_EQ(0, port_op(&v, EVTCHNOP_send, (uint32_t)p));
	CHECK(hcall_fake_bit(f.evtchn_pending, (unsigned int)p));
	CHECK_EQ(0, f.nr_upcalls);
	CHECK_EQ(0, port_op(&v, EVTCHNOP_unmask, (uint32_t)p));
	CHECK(!hcall_fake_bit(f.evtchn_mask, (unsigned int)p));
	CHECK_EQ(1, f.nr_upcalls);
	CHECK_EQ(2, f.upcall_vcpu);
	CHECK_EQ(0, port_op(&v, EVTCHNOP_unmask, (uint32_t)p));
	CHECK_EQ(1, f.nr_upcalls);
	CHECK_EQ(-XEN_EINVAL, port_op(&v, EVTCHNOP_unmask, HCALL_EVTCHN_PORTS));
}

static void test_virq(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;
	struct evtchn_status s;
	struct evtchn_bind_vcpu bv;
	long p0, p1, g;

	hcall_fake_init(&f, &d, &v);
	p0 = bind_virq(&v, VIRQ_DEBUG, 0);
	p1 = bind_virq(&v, VIRQ_DEBUG, 1);
	CHECK(p0 > 0 && p1 > 0 && p0 != p1);
	CHECK_EQ(-XEN_EEXIST, bind_virq(&v, VIRQ_DEBUG, 1));
	CHECK_EQ(-XEN_EINVAL, bind_virq(&v, NR_VIRQS, 0));
	CHECK_EQ(-XEN_EINVAL, bind_virq(&v, UINT32_MAX, 0));
	CHECK_EQ(-XEN_ENOENT, bind_virq(&v, VIRQ_TIMER, 4));
	/* Global VIRQs bind on vCPU 0 only, and may move later. */
	CHECK_EQ(-XEN_EINVAL, bind_virq(&v, VIRQ_ARGO, 1));
	g = bind_virq(&v, VIRQ_ARGO, 0);
	CHECK(g > 0);
	bv = (struct evtchn_bind_vcpu){.port = (uint32_t)g, .vcpu = 3};
	CHECK_EQ(0, evtchn_op(&v, EVTCHNOP_bind_vcpu, &bv, sizeof(bv)));
	CHECK_EQ(3, status(&v, (uint32_t)g).vcpu);
	bv.port = (uint32_t)p1;
	CHECK_EQ(-XEN_EINVAL,
		 evtchn_op(&v, EVTCHNOP_bind_vcpu, &bv, sizeof(bv)));
	s = status(&v, (uint32_t)p1);
	CHECK_EQ(EVTCHNSTAT_virq, s.status);
	CHECK_EQ(VIRQ_DEBUG, s.u.virq);
	CHECK_EQ(1, s.vcpu);
	/* The guest cannot send on a VIRQ, and nothing routes it. */
	CHECK_EQ(-XEN_EINVAL, port_op(&v, EVTCHNOP_send, (uint32_t)p0));
	CHECK_EQ(0, f.route_port[p0]);
	CHECK_EQ(0, f.nr_upcalls);
}

static void test_close_and_reuse(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;
	long p;

	hcall_fake_init(&f, &d, &v);
	CHECK_EQ(-XEN_EINVAL, port_op(&v, EVTCHNOP_close, 0));
	CHECK_EQ(-XEN_EINVAL, port_op(&v, EVTCHNOP_close, 1));
	CHECK_EQ(-XEN_EINVAL, port_op(&v, EVTCHNOP_close, HCALL_EVTCHN_PORTS));
	CHECK_EQ(-XEN_EINVAL, port_op(&v, EVTCHNOP_close, UINT32_MAX));
	CHECK_EQ(-XEN_EINVAL, port_op(&v, EVTCHNOP_send, 0));
	CHECK_EQ(-XEN_EINVAL, port_op(&v, EVTCHNOP_send, UINT32_MAX));
	p = bind_ipi(&v, 0);
	CHECK_EQ(0, port_op(&v, EVTCHNOP_send, (uint32_t)p));
	CHECK_EQ(0, port_op(&v, EVTCHNOP_close, (uint32_t)p));
	/* Closing drops the route and the pending bit. */
	CHECK_EQ(0, f.route_port[p]);
	CHECK(!hcall_fake_bit(f.evtchn_pending, (unsigned int)p));
	CHECK_EQ(EVTCHNSTAT_closed, status(&v, (uint32_t)p).status);
	CHECK_EQ(-XEN_EINVAL, port_op(&v, EVTCHNOP_send, (uint32_t)p));
	CHECK_EQ(-XEN_EINVAL, port_op(&v, EVTCHNOP_close, (uint32_t)p));
	CHECK_EQ(p, bind_ipi(&v, 1));
	CHECK_EQ(EVTCHNSTAT_closed, status(&v, 0).status);
}

static void test_loopback(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;
	struct evtchn_bind_interdomain bi;
	struct evtchn_bind_vcpu bv;
	struct evtchn_status s;
	long a, b;

	hcall_fake_init(&f, &d, &v);
	a = alloc_unbound(&v, DOMID_SELF);
	CHECK(a > 0);
	s = status(&v, (uint32_t)a);
	CHECK_EQ(EVTCHNSTAT_unbound, s.status);
	CHECK_EQ(7, s.u.unbound.dom);
	/* Unbound: the send goes nowhere and succeeds. */
	CHECK_EQ(0, port_op(&v, EVTCHNOP_send, (uint32_t)a));
	CHECK(!hcall_fake_bit(f.evtchn_pending, (unsigned int)a));
	bi = (struct evtchn_bind_interdomain){.remote_dom = DOMID_SELF,
					      .remote_port = (uint32_t)a};
	CHECK_EQ(0, evtchn_op(&v, EVTCHNOP_bind_interdomain, &bi, sizeof(bi)));
	memcpy(&bi, f.mem + ARG, sizeof(bi));
	b = bi.local_port;
	CHECK(b > 0 && b != a);
	/* As in Xen, the new end is raised once when it connects. */
	CHECK(hcall_fake_bit(f.evtchn_pending, (unsigned int)b));
	hcall_fake_set_bit(f.evtchn_pending, (unsigned int)b, false);
	CHECK_EQ((unsigned int)b, f.route_port[a]);
	CHECK_EQ((unsigned int)a, f.route_port[b]);
	CHECK_EQ(0, port_op(&v, EVTCHNOP_send, (uint32_t)b));
	CHECK(hcall_fake_bit(f.evtchn_pending, (unsigned int)a));
	s = status(&v, (uint32_t)b);
	CHECK_EQ(EVTCHNSTAT_interdomain, s.status);
	CHECK_EQ((uint32_t)a, s.u.interdomain.port);
	/* Moving b's notifications re-routes sends on a. */
	bv = (struct evtchn_bind_vcpu){.port = (uint32_t)b, .vcpu = 2};
	CHECK_EQ(0, evtchn_op(&v, EVTCHNOP_bind_vcpu, &bv, sizeof(bv)));
	CHECK_EQ(2, f.route_vcpu[a]);
	/* A bound port cannot be bound twice. */
	bi.remote_port = (uint32_t)a;
	CHECK_EQ(-XEN_EINVAL,
		 evtchn_op(&v, EVTCHNOP_bind_interdomain, &bi, sizeof(bi)));
	/* Closing one end leaves the other unbound and unrouted. */
	CHECK_EQ(0, port_op(&v, EVTCHNOP_close, (uint32_t)b));
	CHECK_EQ(EVTCHNSTAT_unbound, status(&v, (uint32_t)a).status);
	CHECK_EQ(0, f.route_port[a]);
	/* Other domains do not exist for this one. */
	bi.remote_dom = 3;
	CHECK_EQ(-XEN_ESRCH,
		 evtchn_op(&v, EVTCHNOP_bind_interdomain, &bi, sizeof(bi)));
	/* A port waiting for another domain cannot be bound from here. */
	bi.remote_dom = DOMID_SELF;
	bi.remote_port = (uint32_t)alloc_unbound(&v, 0);
	CHECK_EQ(-XEN_EINVAL,
		 evtchn_op(&v, EVTCHNOP_bind_interdomain, &bi, sizeof(bi)));
	bi.remote_port = UINT32_MAX;
	CHECK_EQ(-XEN_EINVAL,
		 evtchn_op(&v, EVTCHNOP_bind_interdomain, &bi, sizeof(bi)));
}

static void test_backend(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;
	struct evtchn_bind_interdomain bi;
	struct evtchn_bind_vcpu bv;
	struct evtchn_status s;
	long a, self, other;

	hcall_fake_init(&f, &d, &v);
	a = alloc_unbound(&v, 0);
	self = alloc_unbound(&v, DOMID_SELF);
	other = alloc_unbound(&v, 3);
	CHECK(a > 0 && self > 0 && other > 0);
	/* Only a port left unbound for that backend can be bound. */
	CHECK_EQ(-EINVAL, hcall_domain_evtchn_bind_backend(&d, self, 0));
	CHECK_EQ(-EINVAL, hcall_domain_evtchn_bind_backend(&d, other, 0));
	CHECK_EQ(-EINVAL, hcall_domain_evtchn_bind_backend(&d, a, 3));
	CHECK_EQ(-EINVAL, hcall_domain_evtchn_bind_backend(&d, 0, 0));
	CHECK_EQ(-EINVAL, hcall_domain_evtchn_bind_backend(&d, 500, 0));
	CHECK_EQ(-EINVAL,
		 hcall_domain_evtchn_bind_backend(&d, HCALL_EVTCHN_PORTS, 0));
	CHECK_EQ(-EINVAL, hcall_domain_evtchn_bind_backend(&d, UINT32_MAX, 0));
	CHECK_EQ(0, f.nr_backend_updates);

	CHECK_EQ(0, hcall_domain_evtchn_bind_backend(&d, a, 0));
	CHECK_EQ(0, f.backend_vcpu[a]);
	s = status(&v, (uint32_t)a);
	CHECK_EQ(EVTCHNSTAT_interdomain, s.status);
	CHECK_EQ(0, s.u.interdomain.dom);
	/* The guest's sends go to the backend, not to a port of its own. */
	CHECK_EQ(0, port_op(&v, EVTCHNOP_send, (uint32_t)a));
	CHECK_EQ(1, f.backend_sends[a]);
	CHECK_EQ(0, f.route_port[a]);
	CHECK_EQ(0, f.nr_upcalls);
	/* The guest cannot loop it back to itself now. */
	bi = (struct evtchn_bind_interdomain){.remote_dom = DOMID_SELF,
					      .remote_port = (uint32_t)a};
	CHECK_EQ(-XEN_EINVAL,
		 evtchn_op(&v, EVTCHNOP_bind_interdomain, &bi, sizeof(bi)));
	/* Its notifications move with bind_vcpu. */
	bv = (struct evtchn_bind_vcpu){.port = (uint32_t)a, .vcpu = 2};
	CHECK_EQ(0, evtchn_op(&v, EVTCHNOP_bind_vcpu, &bv, sizeof(bv)));
	CHECK_EQ(2, f.backend_vcpu[a]);
	/* A backend that restarts binds it again, on the same vCPU. */
	CHECK_EQ(0, hcall_domain_evtchn_bind_backend(&d, a, 0));
	CHECK_EQ(2, f.backend_vcpu[a]);
	/* A host failure to notify is not the guest's error. */
	f.backend_send_rc = -EBADF;
	CHECK_EQ(0, port_op(&v, EVTCHNOP_send, (uint32_t)a));
	f.backend_send_rc = 0;
	/* Closing unbinds it from the backend, and it cannot be rebound. */
	CHECK_EQ(0, port_op(&v, EVTCHNOP_close, (uint32_t)a));
	CHECK_EQ(-1, f.backend_vcpu[a]);
	CHECK_EQ(-EINVAL, hcall_domain_evtchn_bind_backend(&d, a, 0));
	/* A port reused for an IPI is no backend's. */
	CHECK_EQ(a, bind_ipi(&v, 0));
	CHECK_EQ(0, port_op(&v, EVTCHNOP_send, (uint32_t)a));
	CHECK_EQ(1, f.backend_sends[a]);
	CHECK_EQ(-EINVAL, hcall_domain_evtchn_bind_backend(&d, a, 0));
	/* EVTCHNOP_reset unbinds every backend port. */
	a = alloc_unbound(&v, 0);
	CHECK_EQ(0, hcall_domain_evtchn_bind_backend(&d, a, 0));
	struct evtchn_reset r = {.dom = DOMID_SELF};
	CHECK_EQ(0, evtchn_op(&v, EVTCHNOP_reset, &r, sizeof(r)));
	CHECK_EQ(-1, f.backend_vcpu[a]);
}

/* The xenstore port, as the domain builder allocates it. */
static void test_toolstack_alloc(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;
	struct evtchn_status s;
	unsigned int i;
	long p;

	hcall_fake_init(&f, &d, &v);
	p = hcall_domain_evtchn_alloc_unbound(&d, 0);
	CHECK_EQ(1, p);
	s = status(&v, (uint32_t)p);
	CHECK_EQ(EVTCHNSTAT_unbound, s.status);
	CHECK_EQ(0, s.u.unbound.dom);
	/* The guest cannot take it over; its backend binds it. */
	struct evtchn_bind_interdomain bi = {.remote_dom = DOMID_SELF,
					     .remote_port = (uint32_t)p};
	CHECK_EQ(-XEN_EINVAL,
		 evtchn_op(&v, EVTCHNOP_bind_interdomain, &bi, sizeof(bi)));
	CHECK_EQ(0, hcall_domain_evtchn_bind_backend(&d, (unsigned int)p, 0));
	CHECK_EQ(2, hcall_domain_evtchn_alloc_unbound(&d, 0));
	for (i = 3; i < HCALL_EVTCHN_PORTS; i++)
		CHECK_EQ(i, bind_ipi(&v, 0));
	CHECK_EQ(-ENOSPC, hcall_domain_evtchn_alloc_unbound(&d, 0));
	hcall_domain_disable_evtchn(&d);
	CHECK_EQ(-ENOSYS, hcall_domain_evtchn_alloc_unbound(&d, 0));
}

static void test_exhaustion_and_reset(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;
	struct evtchn_reset r = {.dom = DOMID_SELF};
	unsigned int i;

	hcall_fake_init(&f, &d, &v);
	for (i = 1; i < HCALL_EVTCHN_PORTS; i++)
		CHECK_EQ(i, bind_ipi(&v, i % 4));
	CHECK_EQ(-XEN_ENOSPC, bind_ipi(&v, 0));
	CHECK_EQ(-XEN_ENOSPC, alloc_unbound(&v, DOMID_SELF));
	CHECK_EQ(0, evtchn_op(&v, EVTCHNOP_reset, &r, sizeof(r)));
	CHECK_EQ(0, f.route_port[HCALL_EVTCHN_PORTS - 1]);
	CHECK_EQ(1, bind_ipi(&v, 0));
	r.dom = 3;
	CHECK_EQ(-XEN_ESRCH, evtchn_op(&v, EVTCHNOP_reset, &r, sizeof(r)));
}

static void test_refused(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;
	struct evtchn_alloc_unbound a = {.dom = 3, .remote_dom = DOMID_SELF};
	struct evtchn_status s = {.dom = 3, .port = 1};
	struct evtchn_init_control ic = {0};

	hcall_fake_init(&f, &d, &v);
	CHECK_EQ(-XEN_EPERM,
		 evtchn_op(&v, EVTCHNOP_alloc_unbound, &a, sizeof(a)));
	CHECK_EQ(-XEN_ESRCH, evtchn_op(&v, EVTCHNOP_status, &s, sizeof(s)));
	s.dom = DOMID_SELF;
	s.port = HCALL_EVTCHN_PORTS;
	CHECK_EQ(-XEN_EINVAL, evtchn_op(&v, EVTCHNOP_status, &s, sizeof(s)));
	/* FIFO is refused, so Linux falls back to the 2-level ABI. */
	CHECK_EQ(-XEN_ENOSYS,
		 evtchn_op(&v, EVTCHNOP_init_control, &ic, sizeof(ic)));
	CHECK_EQ(-XEN_ENOSYS, port_op(&v, EVTCHNOP_expand_array, 0));
	CHECK_EQ(-XEN_ENOSYS, port_op(&v, EVTCHNOP_bind_pirq, 0));
	CHECK_EQ(-XEN_ENOSYS, port_op(&v, 99, 0));
	CHECK_EQ(-XEN_ENOSYS, port_op(&v, UINT32_MAX, 0));
	CHECK_EQ(-XEN_EFAULT,
		 hcall_fake_call(&v, __HYPERVISOR_event_channel_op,
				 EVTCHNOP_bind_ipi, UINT64_MAX, 0));
	CHECK_EQ(-XEN_EFAULT, hcall_fake_call(&v, __HYPERVISOR_event_channel_op,
					      EVTCHNOP_send, FAKE_MEM_SIZE, 0));
}

static void test_host_failure(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;
	struct hcall_fake_capture c;
	long p;

	hcall_fake_init(&f, &d, &v);
	p = bind_ipi(&v, 0);
	f.set_pending_rc = -EINVAL;
	hcall_fake_capture_begin(&c);
	/* Xen's sends do not fail for delivery reasons; the log says it. */
	CHECK_EQ(0, port_op(&v, EVTCHNOP_send, (uint32_t)p));
	CHECK_EQ(0, port_op(&v, EVTCHNOP_send, (uint32_t)p));
	CHECK_EQ(1, hcall_fake_capture_end(&c, "cannot raise event channel"));
}

static void test_without_event_channels(void)
{
	struct hcall_ops ops = hcall_fake_ops;
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	hcall_fake_init(&f, &d, &v);
	hcall_domain_disable_evtchn(&d);
	CHECK(!(d.features & (1U << XENFEAT_hvm_callback_vector)));
	CHECK_EQ(-XEN_ENOSYS, bind_ipi(&v, 0));
	ops.evtchn_set_pending = NULL;
	hcall_domain_init(&d, 7, 4, &ops, &f);
	CHECK(!(d.features & (1U << XENFEAT_hvm_callback_vector)));
	CHECK_EQ(-XEN_ENOSYS, bind_ipi(&v, 0));
}

int main(void)
{
	HVM_TEST(test_ipi);
	HVM_TEST(test_mask_unmask);
	HVM_TEST(test_virq);
	HVM_TEST(test_close_and_reuse);
	HVM_TEST(test_loopback);
	HVM_TEST(test_backend);
	HVM_TEST(test_toolstack_alloc);
	HVM_TEST(test_exhaustion_and_reset);
	HVM_TEST(test_refused);
	HVM_TEST(test_host_failure);
	HVM_TEST(test_without_event_channels);
	return hvm_test_summary();
}
