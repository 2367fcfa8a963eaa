/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The Xen timer test guest (32-bit, one vCPU, interrupts off: it watches
 * its VIRQ_TIMER port's pending bit in shared_info instead of taking the
 * upcall). On the Xen clock from its vcpu_info it checks:
 *   bad periodic periods (below 1 ms, above 2^62 ns) and vCPU ids get
 *   Xen's -EINVAL and -ENOENT;
 *   a single-shot timer raises VIRQ_TIMER at its deadline, not before
 *   (within 1 ms);
 *   a 10 ms periodic timer ticks at once and then once per period: over
 *   one second of Xen time, at most 101 ticks and at least half of them
 *   (ticks the host delays are coalesced, as in Xen);
 *   once stopped, it sends nothing more.
 * Each measurement is printed, so a failure shows what the guest saw.
 */
/* Xen's headers expect the fixed-width types to be declared first. */
#include <stdint.h>
#include <xen/xen.h>
#include <xen/errno.h>
#include <xen/event_channel.h>
#include <xen/features.h>
#include <xen/memory.h>
#include <xen/vcpu.h>
#include <xen/version.h>
#include <xen/hvm/hvm_op.h>
#include <xen/hvm/params.h>

#include "guest.h"
#include "hypercall.h"
#include "xen_callback.h"
#include "pv_time.h"

#define PAGE_SHIFT 12
#define PAGE_SIZE (1u << PAGE_SHIFT)
#define CALLBACK_VECTOR 0xf3
#define WORD_BITS (8 * sizeof(xen_ulong_t))
#define MS 1000000ull
#define PERIOD_NS (10 * MS)
#define WINDOW_NS (1000 * MS)
#define MAX_TICKS (WINDOW_NS / PERIOD_NS + 1)
/* How early a single-shot timer may fire (see check_singleshot()). */
#define EARLY_NS (1 * MS)

static union {
	struct shared_info s;
	uint8_t page[PAGE_SIZE];
} shinfo __attribute__((aligned(PAGE_SIZE)));
static struct vcpu_info vinfo __attribute__((aligned(64)));

static volatile struct shared_info *const sh = &shinfo.s;
static volatile struct vcpu_info *const vi = &vinfo;

static uint64_t now(void)
{
	return pv_time_now(&vi->time);
}

static int port_pending(unsigned int port)
{
	return (sh->evtchn_pending[port / WORD_BITS] >> (port % WORD_BITS)) & 1;
}

/* Forgets the event, as the guest's handler would. */
static void clear_port(unsigned int port)
{
	sh->evtchn_pending[port / WORD_BITS] &=
		~((xen_ulong_t)1 << (port % WORD_BITS));
	vi->evtchn_pending_sel = 0;
	vi->evtchn_upcall_pending = 0;
}

static void print_ns(const char *what, uint64_t ns)
{
	guest_puts("xentimer: ");
	guest_puts(what);
	guest_puts(" ");
	guest_puthex64(ns);
	guest_puts(" ns\n");
}

static long vcpu_op(unsigned int cmd, unsigned int vcpu, void *arg)
{
	return guest_hypercall3(__HYPERVISOR_vcpu_op, cmd, vcpu,
				(uintptr_t)arg);
}

static long set_periodic(unsigned int vcpu, uint64_t period_ns)
{
	struct vcpu_set_periodic_timer p = {.period_ns = period_ns};

	return vcpu_op(VCPUOP_set_periodic_timer, vcpu, &p);
}

static void setup(void)
{
	unsigned int before = guest_failures;
	uint32_t features;

	features = guest_xen_callback_setup(&shinfo, &vinfo, CALLBACK_VECTOR);
	GCHECK(features & (1u << XENFEAT_hvm_safe_pvclock), features);
	GCHECK(now() != 0, 0);
	guest_pass(before, "Xen clock and safe_pvclock offered");
}

static evtchn_port_t bind_timer(void)
{
	struct evtchn_bind_virq b = {.virq = VIRQ_TIMER, .vcpu = 0};
	unsigned int before = guest_failures;
	long r;

	r = guest_hypercall3(__HYPERVISOR_event_channel_op, EVTCHNOP_bind_virq,
			     (uintptr_t)&b, 0);
	GCHECK(r == 0, r);
	GCHECK(b.port != 0, b.port);
	guest_pass(before, "VIRQ_TIMER bound");
	return b.port;
}

static void check_bad_input(void)
{
	unsigned int before = guest_failures;
	long r;

	r = set_periodic(0, MS - 1);
	GCHECK(r == -XEN_EINVAL, r);
	r = set_periodic(0, 0);
	GCHECK(r == -XEN_EINVAL, r);
	r = set_periodic(0, (~0ull >> 2) + 1);
	GCHECK(r == -XEN_EINVAL, r);
	r = set_periodic(1, PERIOD_NS);
	GCHECK(r == -XEN_ENOENT, r);
	r = set_periodic(0xffffffffu, PERIOD_NS);
	GCHECK(r == -XEN_ENOENT, r);
	r = vcpu_op(VCPUOP_stop_periodic_timer, 7, 0);
	GCHECK(r == -XEN_ENOENT, r);
	guest_pass(before, "bad periodic timers refused");
}

/* Spins until @port is pending or Xen time reaches @until; 0 on time. */
static uint64_t wait_port(unsigned int port, uint64_t until)
{
	uint64_t t;

	do {
		t = now();
		if (port_pending(port))
			return t;
	} while (t < until);
	return 0;
}

static void check_singleshot(unsigned int port)
{
	struct vcpu_set_singleshot_timer st;
	unsigned int before = guest_failures;
	uint64_t start, fired;
	long r;

	clear_port(port);
	start = now();
	st.timeout_abs_ns = start + 20 * MS;
	st.flags = 0;
	r = vcpu_op(VCPUOP_set_singleshot_timer, 0, &st);
	GCHECK(r == 0, r);
	fired = wait_port(port, start + 5000 * MS);
	GCHECK(fired != 0, 0);
	if (fired)
		print_ns("single-shot timer due in 20 ms fired after",
			 fired - start);
	/*
	 * Xen fires a timer up to its timer_slop (50 us) early, and KVM
	 * turns the deadline into one on the host's clock: seen here up to
	 * 18 us before the deadline as the guest's pvclock tells it.
	 */
	GCHECK(fired + EARLY_NS >= st.timeout_abs_ns,
	       (uint32_t)(fired - start));
	clear_port(port);
	guest_pass(before, "single-shot timer fires at its deadline");
}

static void check_periodic(unsigned int port)
{
	unsigned int before = guest_failures;
	uint64_t start, first, t, end;
	unsigned int ticks = 0;
	long r;

	clear_port(port);
	start = now();
	r = set_periodic(0, PERIOD_NS);
	GCHECK(r == 0, r);
	/* The first tick comes at once. */
	first = wait_port(port, start + 5000 * MS);
	GCHECK(first != 0, 0);
	if (!first)
		return;
	print_ns("first periodic tick after", first - start);
	clear_port(port);
	ticks = 1;
	end = first + WINDOW_NS;
	while ((t = now()) < end) {
		if (port_pending(port)) {
			clear_port(port);
			ticks++;
		}
	}
	guest_puts("xentimer: periodic ticks in 1 s of Xen time: ");
	guest_puthex(ticks);
	guest_puts("\n");
	GCHECK(ticks <= MAX_TICKS, ticks);
	GCHECK(ticks >= MAX_TICKS / 2, ticks);
	guest_pass(before, "10 ms periodic timer ticks once per period");
}

static void check_stop(unsigned int port)
{
	unsigned int before = guest_failures;
	uint64_t t;
	long r;

	r = vcpu_op(VCPUOP_stop_periodic_timer, 0, 0);
	GCHECK(r == 0, r);
	/* A tick already on its way may still land. */
	t = now() + 20 * MS;
	while (now() < t)
		;
	clear_port(port);
	t = wait_port(port, now() + 200 * MS);
	GCHECK(t == 0, 1);
	guest_pass(before, "stopped periodic timer sends nothing");
}

void guest_main(void *start_info);
void guest_main(void *start_info)
{
	unsigned int port;

	(void)start_info;
	guest_puts("xentimer: started\n");
	guest_hypercall_init();
	setup();
	port = bind_timer();
	check_bad_input();
	check_singleshot(port);
	check_periodic(port);
	check_stop(port);
	guest_finish("xentimer");
}
