/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The backend event-channel test guest, built 32-bit (evtbackend) and
 * 64-bit (evtbackend64), run with two vCPUs next to hvm-evtchn-peer, which
 * plays a backend in domain 0 through hvm-domain's control socket. As a
 * PV frontend does, it allocates a port unbound for domain 0 and prints
 * it ("evtbackend: port N for domain 0"), waits until the backend has
 * bound it (EVTCHNOP_status says interdomain, domain 0), then for each of
 * ROUNDS rounds sends on it and waits for the backend's answer: the
 * port's pending bit and the upcall flag of vCPU 0, then its selector bit. It
 * then moves the port to vCPU 1 (EVTCHNOP_bind_vcpu; vCPU 1 never runs,
 * vCPU 0 registers its vcpu_info) and sees the next answer marked there
 * only. Interrupts stay off: it reads what an upcall would
 * find. Waits are bounded by the TSC, 20-30 s each.
 */
/* Xen's headers expect the fixed-width types to be declared first. */
#include <stdint.h>
#include <xen/xen.h>
#include <xen/errno.h>
#include <xen/event_channel.h>
#include <xen/vcpu.h>

#include "guest.h"
#include "hypercall.h"
#include "xen_callback.h"
#include "xen_evtchn.h"

#ifdef __x86_64__
#define GUEST_NAME "evtbackend64"
#else
#define GUEST_NAME "evtbackend"
#endif
#define PAGE_SIZE 4096
#define CALLBACK_VECTOR 0xf3
#define ROUNDS 3
/* TSC ticks per wait: 20-30 s at the 2-3 GHz of usual hosts. */
#define WAIT_TICKS 60000000000ULL

static union {
	struct shared_info s;
	uint8_t page[PAGE_SIZE];
} shinfo __attribute__((aligned(PAGE_SIZE)));
static struct vcpu_info vinfo __attribute__((aligned(64)));
static struct vcpu_info ap_vinfo __attribute__((aligned(64)));

static volatile struct shared_info *const sh = &shinfo.s;
static volatile struct vcpu_info *const vi = &vinfo;

static void clear_upcall(volatile struct vcpu_info *v, unsigned int port)
{
	guest_evtchn_set_bit(sh->evtchn_pending, port, 0);
	v->evtchn_pending_sel = 0;
	v->evtchn_upcall_pending = 0;
}

/*
 * Waits for @port's pending bit and @v's upcall flag; 1 if both came.
 * KVM may set the flag a little later: an event that comes while the
 * vCPU runs reaches its vcpu_info when KVM next enters the vCPU.
 */
static int wait_pending(unsigned int port, volatile struct vcpu_info *v)
{
	uint64_t end = rdtsc() + WAIT_TICKS;

	while (!guest_evtchn_bit(sh->evtchn_pending, port) ||
	       !v->evtchn_upcall_pending)
		if (rdtsc() > end)
			return 0;
	return 1;
}

static evtchn_port_t alloc_for_dom0(void)
{
	struct evtchn_alloc_unbound a = {.dom = DOMID_SELF, .remote_dom = 0};
	struct evtchn_status s = {.dom = DOMID_SELF};
	unsigned int before = guest_failures;
	long r;

	r = guest_evtchn_op(EVTCHNOP_alloc_unbound, &a);
	GCHECK(r == 0, r);
	s.port = a.port;
	r = guest_evtchn_op(EVTCHNOP_status, &s);
	GCHECK(r == 0, r);
	GCHECK(s.status == EVTCHNSTAT_unbound, s.status);
	GCHECK(s.u.unbound.dom == 0, s.u.unbound.dom);
	/* Unbound: a send goes nowhere. */
	r = guest_evtchn_op(EVTCHNOP_send, &a.port);
	GCHECK(r == 0, r);
	guest_puts(GUEST_NAME ": port ");
	guest_putdec(a.port);
	guest_puts(" for domain 0\n");
	guest_pass(before, "a port allocated unbound for domain 0");
	return a.port;
}

static void wait_bound(evtchn_port_t port)
{
	struct evtchn_status s = {.dom = DOMID_SELF, .port = port};
	unsigned int before = guest_failures;
	uint64_t end = rdtsc() + WAIT_TICKS;
	long r;

	do {
		r = guest_evtchn_op(EVTCHNOP_status, &s);
		GCHECK(r == 0, r);
	} while (r == 0 && s.status == EVTCHNSTAT_unbound && rdtsc() < end);
	GCHECK(s.status == EVTCHNSTAT_interdomain, s.status);
	GCHECK(s.u.interdomain.dom == 0, s.u.interdomain.dom);
	guest_pass(before, "the backend bound it: interdomain, domain 0");
}

static void ping_pong(evtchn_port_t port)
{
	unsigned int before = guest_failures, i;
	long r;

	for (i = 0; i < ROUNDS; i++) {
		clear_upcall(vi, port);
		r = guest_evtchn_op(EVTCHNOP_send, &port);
		GCHECK(r == 0, r);
		GCHECK(wait_pending(port, vi), i);
		GCHECK((vi->evtchn_pending_sel >>
			(port / GUEST_EVTCHN_WORD_BITS)) &
			       1,
		       vi->evtchn_pending_sel);
	}
	guest_pass(before,
		   "each send reaches the backend, its answer raises the port");
}

static void moved_to_vcpu1(evtchn_port_t port)
{
	struct vcpu_register_vcpu_info info = {
		.mfn = (uintptr_t)&ap_vinfo / PAGE_SIZE,
		.offset = (uintptr_t)&ap_vinfo % PAGE_SIZE,
	};
	struct evtchn_bind_vcpu b = {.port = port, .vcpu = 1};
	volatile struct vcpu_info *v1 = &ap_vinfo;
	unsigned int before = guest_failures;
	long r;

	r = guest_hypercall3(__HYPERVISOR_vcpu_op, VCPUOP_register_vcpu_info, 1,
			     (uintptr_t)&info);
	GCHECK(r == 0, r);
	r = guest_evtchn_op(EVTCHNOP_bind_vcpu, &b);
	GCHECK(r == 0, r);
	clear_upcall(vi, port);
	clear_upcall(v1, port);
	r = guest_evtchn_op(EVTCHNOP_send, &port);
	GCHECK(r == 0, r);
	GCHECK(wait_pending(port, v1), 0);
	GCHECK(!vi->evtchn_upcall_pending, vi->evtchn_pending_sel);
	guest_pass(before, "moved to vCPU 1, the answer marks vCPU 1 only");
}

void guest_main(void *start_info);
void guest_main(void *start_info)
{
	unsigned int before;
	evtchn_port_t port;

	(void)start_info;
	guest_hypercall_init();
	guest_puts(GUEST_NAME ": started\n");
	before = guest_failures;
	guest_xen_callback_setup(&shinfo, &vinfo, CALLBACK_VECTOR);
	guest_pass(before, "callback vector set");
	port = alloc_for_dom0();
	wait_bound(port);
	ping_pong(port);
	moved_to_vcpu1(port);
	guest_finish(GUEST_NAME);
}
