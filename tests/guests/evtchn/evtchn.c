/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The event channel test guest, built 32-bit (evtchn) and 64-bit
 * (evtchn64): the two shared_info layouts. With interrupts off, so that
 * it reads what an upcall would find instead of taking it, it:
 *   maps shared_info, registers vcpu_info and sets a callback vector, as
 *   Linux does when XENFEAT_hvm_callback_vector is offered;
 *   binds an IPI and sends on it: the port's pending bit, the selector
 *   bit and the upcall flag are set (the send is served inside KVM);
 *   does the same for vCPU 1 (run with two vCPUs): only vCPU 1's
 *   vcpu_info is marked;
 *   masks it, sends (pending, no upcall) and unmasks with EVTCHNOP_unmask
 *   (now the upcall), then closes it (pending cleared, sends refused);
 *   connects a loopback channel and sends across it;
 *   binds VIRQ_DEBUG once (twice is -EEXIST); sees the FIFO ABI refused;
 *   polls a pending port (SCHEDOP_poll returns at once).
 */
/* Xen's headers expect the fixed-width types to be declared first. */
#include <stdint.h>
#include <xen/xen.h>
#include <xen/errno.h>
#include <xen/event_channel.h>
#include <xen/features.h>
#include <xen/memory.h>
#include <xen/sched.h>
#include <xen/vcpu.h>
#include <xen/version.h>
#include <xen/hvm/hvm_op.h>
#include <xen/hvm/params.h>

#include "guest.h"
#include "hypercall.h"
#include "xen_callback.h"
#include "xen_evtchn.h"

#ifdef __x86_64__
#define GUEST_NAME "evtchn64"
#else
#define GUEST_NAME "evtchn"
#endif
#define PAGE_SHIFT 12
#define PAGE_SIZE (1u << PAGE_SHIFT)
#define CALLBACK_VECTOR 0xf3

static union {
	struct shared_info s;
	uint8_t page[PAGE_SIZE];
} shinfo __attribute__((aligned(PAGE_SIZE)));
static struct vcpu_info vinfo __attribute__((aligned(64)));
/* vCPU 1's, registered by vCPU 0 while vCPU 1 waits for its SIPI. */
static struct vcpu_info ap_vinfo __attribute__((aligned(64)));

static volatile struct shared_info *const sh = &shinfo.s;
static volatile struct vcpu_info *const vi = &vinfo;
static volatile struct vcpu_info *const ap_vi = &ap_vinfo;

static long port_op(unsigned int cmd, evtchn_port_t port)
{
	return guest_evtchn_op(cmd, &port);
}

/* Forgets every upcall: what the guest's handler does. */
static void clear_upcall(unsigned int port)
{
	guest_evtchn_set_bit(sh->evtchn_pending, port, 0);
	vi->evtchn_pending_sel = 0;
	vi->evtchn_upcall_pending = 0;
}

static int upcall_for(unsigned int port)
{
	return vi->evtchn_upcall_pending &&
	       ((vi->evtchn_pending_sel >> (port / GUEST_EVTCHN_WORD_BITS)) &
		1);
}

static void setup(void)
{
	unsigned int before = guest_failures;
	uint32_t features;

	features = guest_xen_callback_setup(&shinfo, &vinfo, CALLBACK_VECTOR);
	GCHECK(features & (1u << XENFEAT_hvm_callback_vector), features);
	guest_pass(before, "callback vector offered and set");
}

static evtchn_port_t check_ipi(void)
{
	struct evtchn_bind_ipi b = {.vcpu = 0};
	unsigned int before = guest_failures;
	long r;

	r = guest_evtchn_op(EVTCHNOP_bind_ipi, &b);
	GCHECK(r == 0, r);
	GCHECK(b.port > 0 && b.port < 1024, b.port);
	clear_upcall(b.port);
	guest_evtchn_set_bit(sh->evtchn_mask, b.port, 0);
	r = port_op(EVTCHNOP_send, b.port);
	GCHECK(r == 0, r);
	GCHECK(guest_evtchn_bit(sh->evtchn_pending, b.port),
	       sh->evtchn_pending[0]);
	GCHECK(upcall_for(b.port), vi->evtchn_pending_sel);
	guest_pass(before, "an IPI send raises the port and the upcall");
	return b.port;
}

/* An IPI bound to vCPU 1 notifies vCPU 1, and only it. */
static void check_ipi_other_vcpu(void)
{
	struct vcpu_register_vcpu_info info = {
		.mfn = (uintptr_t)&ap_vinfo >> PAGE_SHIFT,
		.offset = (uintptr_t)&ap_vinfo & (PAGE_SIZE - 1),
	};
	struct evtchn_bind_ipi b = {.vcpu = 1};
	unsigned int before = guest_failures;
	long r;

	r = guest_hypercall3(__HYPERVISOR_vcpu_op, VCPUOP_register_vcpu_info, 1,
			     (uintptr_t)&info);
	GCHECK(r == 0, r);
	r = guest_evtchn_op(EVTCHNOP_bind_ipi, &b);
	GCHECK(r == 0, r);
	clear_upcall(b.port);
	guest_evtchn_set_bit(sh->evtchn_mask, b.port, 0);
	r = port_op(EVTCHNOP_send, b.port);
	GCHECK(r == 0, r);
	GCHECK(guest_evtchn_bit(sh->evtchn_pending, b.port),
	       sh->evtchn_pending[0]);
	GCHECK(ap_vi->evtchn_upcall_pending, ap_vi->evtchn_pending_sel);
	GCHECK((ap_vi->evtchn_pending_sel >>
		(b.port / GUEST_EVTCHN_WORD_BITS)) &
		       1,
	       ap_vi->evtchn_pending_sel);
	GCHECK(!vi->evtchn_upcall_pending, vi->evtchn_pending_sel);
	/* And its unmask re-raises it there too. */
	guest_evtchn_set_bit(sh->evtchn_mask, b.port, 1);
	ap_vi->evtchn_pending_sel = 0;
	ap_vi->evtchn_upcall_pending = 0;
	r = port_op(EVTCHNOP_unmask, b.port);
	GCHECK(r == 0, r);
	GCHECK(ap_vi->evtchn_upcall_pending, ap_vi->evtchn_pending_sel);
	GCHECK(!vi->evtchn_upcall_pending, vi->evtchn_pending_sel);
	guest_pass(before, "an IPI for vCPU 1 notifies vCPU 1 only");
}

static void check_mask(evtchn_port_t port)
{
	unsigned int before = guest_failures;
	long r;

	clear_upcall(port);
	guest_evtchn_set_bit(sh->evtchn_mask, port, 1);
	r = port_op(EVTCHNOP_send, port);
	GCHECK(r == 0, r);
	GCHECK(guest_evtchn_bit(sh->evtchn_pending, port),
	       sh->evtchn_pending[0]);
	GCHECK(!vi->evtchn_upcall_pending, vi->evtchn_upcall_pending);
	r = port_op(EVTCHNOP_unmask, port);
	GCHECK(r == 0, r);
	GCHECK(!guest_evtchn_bit(sh->evtchn_mask, port), sh->evtchn_mask[0]);
	GCHECK(guest_evtchn_bit(sh->evtchn_pending, port),
	       sh->evtchn_pending[0]);
	GCHECK(upcall_for(port), vi->evtchn_pending_sel);
	guest_pass(before, "a masked port raises the upcall when unmasked");
}

static void check_poll(evtchn_port_t port)
{
	struct sched_poll p = {.nr_ports = 1, .timeout = 0};
	unsigned int before = guest_failures;
	long r;

	set_xen_guest_handle(p.ports, &port);
	r = guest_hypercall3(__HYPERVISOR_sched_op, SCHEDOP_poll, (uintptr_t)&p,
			     0);
	GCHECK(r == 0, r);
	guest_pass(before, "polling a pending port returns at once");
}

static void check_close(evtchn_port_t port)
{
	unsigned int before = guest_failures;
	long r;

	r = port_op(EVTCHNOP_close, port);
	GCHECK(r == 0, r);
	GCHECK(!guest_evtchn_bit(sh->evtchn_pending, port),
	       sh->evtchn_pending[0]);
	r = port_op(EVTCHNOP_send, port);
	GCHECK(r == -XEN_EINVAL, r);
	r = port_op(EVTCHNOP_close, port);
	GCHECK(r == -XEN_EINVAL, r);
	guest_pass(before, "a closed port is cleared and refuses sends");
}

static void check_loopback(void)
{
	struct evtchn_alloc_unbound a = {.dom = DOMID_SELF,
					 .remote_dom = DOMID_SELF};
	struct evtchn_bind_interdomain b = {.remote_dom = DOMID_SELF};
	unsigned int before = guest_failures;
	long r;

	r = guest_evtchn_op(EVTCHNOP_alloc_unbound, &a);
	GCHECK(r == 0, r);
	b.remote_port = a.port;
	r = guest_evtchn_op(EVTCHNOP_bind_interdomain, &b);
	GCHECK(r == 0, r);
	GCHECK(b.local_port != a.port, b.local_port);
	clear_upcall(b.local_port);
	clear_upcall(a.port);
	guest_evtchn_set_bit(sh->evtchn_mask, a.port, 0);
	r = port_op(EVTCHNOP_send, b.local_port);
	GCHECK(r == 0, r);
	GCHECK(guest_evtchn_bit(sh->evtchn_pending, a.port),
	       sh->evtchn_pending[0]);
	GCHECK(!guest_evtchn_bit(sh->evtchn_pending, b.local_port),
	       sh->evtchn_pending[0]);
	GCHECK(upcall_for(a.port), vi->evtchn_pending_sel);
	guest_pass(before, "a loopback channel delivers to its other end");
}

static void check_virq_and_fifo(void)
{
	struct evtchn_bind_virq v = {.virq = VIRQ_DEBUG, .vcpu = 0};
	struct evtchn_init_control ic = {.vcpu = 0};
	unsigned int before = guest_failures;
	long r;

	r = guest_evtchn_op(EVTCHNOP_bind_virq, &v);
	GCHECK(r == 0, r);
	r = guest_evtchn_op(EVTCHNOP_bind_virq, &v);
	GCHECK(r == -XEN_EEXIST, r);
	r = guest_evtchn_op(EVTCHNOP_init_control, &ic);
	GCHECK(r == -XEN_ENOSYS, r);
	guest_pass(before, "VIRQ_DEBUG binds once, FIFO is refused");
}

void guest_main(void *start_info);
void guest_main(void *start_info)
{
	evtchn_port_t ipi;

	(void)start_info;
	guest_hypercall_init();
	guest_puts(GUEST_NAME ": started\n");
	setup();
	ipi = check_ipi();
	check_mask(ipi);
	check_poll(ipi);
	check_ipi_other_vcpu();
	check_close(ipi);
	check_loopback();
	check_virq_and_fifo();
	guest_finish(GUEST_NAME);
}
