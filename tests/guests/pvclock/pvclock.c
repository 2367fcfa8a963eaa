/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The PV time test guest (32-bit): maps shared_info with
 * memory_op(add_to_physmap, XENMAPSPACE_shared_info) and checks the wall
 * clock KVM writes there, registers its vcpu_info with
 * vcpu_op(register_vcpu_info), then reads the vcpu_time_info in it twice
 * with a busy wait in between, following the version protocol of
 * xen/xen.h (retry while the version is odd or changed). Both snapshots
 * must carry a non-zero tsc_to_system_mul, and the system time computed
 * from them must advance. Each snapshot is printed so a failure shows what
 * KVM wrote. Event channels and the upcall vector are not used.
 */
/* Xen's headers expect the fixed-width types to be declared first. */
#include <stdint.h>
#include <xen/xen.h>
#include <xen/memory.h>
#include <xen/sched.h>
#include <xen/vcpu.h>

#include "guest.h"
#include "hypercall.h"
#include "pv_time.h"

#define PAGE_SHIFT 12
#define PAGE_SIZE (1u << PAGE_SHIFT)
#define DELAY_TSC (1ull << 24)
#define DELAY_MAX_SPINS (1u << 26)

static union {
	struct shared_info s;
	uint8_t page[PAGE_SIZE];
} shinfo __attribute__((aligned(PAGE_SIZE)));
static struct vcpu_info vinfo __attribute__((aligned(PAGE_SIZE)));

static void map_shared_info(void)
{
	struct xen_add_to_physmap xatp = {
		.domid = DOMID_SELF,
		.space = XENMAPSPACE_shared_info,
		.idx = 0,
		.gpfn = (uintptr_t)&shinfo >> PAGE_SHIFT,
	};
	const volatile struct shared_info *s = &shinfo.s;
	unsigned int before = guest_failures;
	long r;

	r = guest_hypercall3(__HYPERVISOR_memory_op, XENMEM_add_to_physmap,
			     (uintptr_t)&xatp, 0);
	GCHECK(r == 0, r);
	/* KVM writes the wall clock when shared_info is mapped. */
	GCHECK(s->wc_version != 0 && !(s->wc_version & 1), s->wc_version);
	GCHECK(s->wc_sec != 0, s->wc_sec);
	guest_pass(before, "shared_info mapped, wall clock set");
}

static void register_vcpu_info(void)
{
	struct vcpu_register_vcpu_info info = {
		.mfn = (uintptr_t)&vinfo >> PAGE_SHIFT,
		.offset = (uintptr_t)&vinfo & (PAGE_SIZE - 1),
	};
	long r;

	r = guest_hypercall3(__HYPERVISOR_vcpu_op, VCPUOP_register_vcpu_info, 0,
			     (uintptr_t)&info);
	GCHECK(r == 0, r);
	if (r == 0)
		guest_puts("PASS vcpu_info registered\n");
}

static void pv_time_print(const char *name, const struct pv_time *p)
{
	guest_puts("pvclock: ");
	guest_puts(name);
	guest_puts(": version ");
	guest_puthex(p->version);
	guest_puts(" tsc_timestamp ");
	guest_puthex64(p->tsc_timestamp);
	guest_puts(" system_time ");
	guest_puthex64(p->system_time);
	guest_puts(" mul ");
	guest_puthex(p->mul);
	guest_puts(" shift ");
	guest_puthex((uint32_t)(int32_t)p->shift);
	guest_puts(" flags ");
	guest_puthex(p->flags);
	guest_puts(" now ");
	guest_puthex64(pv_time_ns(p));
	guest_puts(" ns\n");
}

static int snapshot(const char *name, struct pv_time *p)
{
	int ok = pv_time_read(&vinfo.time, p) == 0;

	GCHECK(ok, vinfo.time.version);
	if (!ok)
		return -1;
	pv_time_print(name, p);
	GCHECK(p->version != 0, p->version);
	GCHECK(p->mul != 0, p->mul);
	return 0;
}

/* Bounded by a spin count too, in case the TSC does not move. */
static void delay(void)
{
	uint64_t start = rdtsc();
	volatile uint32_t spins;

	for (spins = 0; spins < DELAY_MAX_SPINS; spins++) {
		if (rdtsc() - start >= DELAY_TSC)
			break;
	}
}

/*
 * KVM rewrites the snapshot fields only on a clock update (registration,
 * migration to another host CPU, ...), not periodically: with a stable TSC
 * the raw system_time may stay the same. What must advance is the time a
 * guest computes from the snapshot and the TSC, as Xen guests do.
 */
static void check_pv_time(void)
{
	struct pv_time a, b;
	unsigned int before = guest_failures;

	if (snapshot("first", &a))
		return;
	delay();
	if (snapshot("second", &b))
		return;
	GCHECK(pv_time_ns(&b) > pv_time_ns(&a),
	       (uint32_t)(pv_time_ns(&b) - pv_time_ns(&a)));
	guest_pass(before, "pv system time advances");
}

void guest_main(void *start_info);
void guest_main(void *start_info)
{
	(void)start_info;
	guest_puts("pvclock: started\n");
	guest_hypercall_init();
	map_shared_info();
	register_vcpu_info();
	check_pv_time();
	guest_finish("pvclock");
}
