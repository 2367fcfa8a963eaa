/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The event upcall test guest (32-bit, two vCPUs, interrupts on): with
 * HVM_PARAM_CALLBACK_IRQ set to a vector, every send on an unmasked IPI
 * port must interrupt its vCPU on that vector, as Linux's IPIs do. The
 * handler does what Linux's does (clear the upcall flag, the selector
 * and the port) and counts. The BSP sends to itself many times; then it
 * starts vCPU 1 (trampoline.S), which waits in HLT, and sends to it many
 * times: each send must wake it with one upcall. Last, vCPU 1 gets its
 * own vector on its local APIC (HVMOP_set_evtchn_upcall_vector, which
 * CPUID leaf 4 offers), the domain-wide one is turned off, and each send
 * must wake vCPU 1 on that vector.
 */
/* Xen's headers expect the fixed-width types to be declared first. */
#include <stdint.h>
#include <xen/xen.h>
#include <xen/arch-x86/cpuid.h>
#include <xen/errno.h>
#include <xen/event_channel.h>
#include <xen/memory.h>
#include <xen/vcpu.h>
#include <xen/hvm/hvm_op.h>
#include <xen/hvm/params.h>

#include "guest.h"
#include "hypercall.h"

#define PAGE_SHIFT 12
#define PAGE_SIZE (1u << PAGE_SHIFT)
#define CALLBACK_VECTOR 0xf3
#define PERCPU_VECTOR 0xf4
#define LAPIC_EOI 0xb0
#define SENDS 50
#define WAIT_SPINS (1u << 24)
#define LAPIC_BASE 0xfee00000u
#define LAPIC_ID 0x20
#define LAPIC_SVR 0xf0
#define LAPIC_SVR_ENABLE 0x1ff /* enabled, spurious vector 0xff */
#define LAPIC_ICR_LO 0x300
#define LAPIC_ICR_HI 0x310
#define ICR_BUSY (1u << 12)
#define ICR_INIT 0x4500
#define ICR_SIPI 0x4600

struct gdtr {
	uint16_t limit;
	uint32_t base;
} __attribute__((packed));

static uint64_t gdt[3] = {0, 0x00cf9a000000ffffull, 0x00cf92000000ffffull};
static uint64_t idt[256];
static union {
	struct shared_info s;
	uint8_t page[PAGE_SIZE];
} shinfo __attribute__((aligned(PAGE_SIZE)));
static struct vcpu_info vinfo[2] __attribute__((aligned(64)));
static volatile struct shared_info *const sh = &shinfo.s;
static volatile uint32_t upcalls[2], percpu_upcalls, stray, ap_ready, ap_stop;
static evtchn_port_t ipi[2];
extern const uint8_t smp_trampoline_start[], smp_trampoline_end[];
extern const uint8_t smp_trampoline_addr[];

void upcall_stub(void), stray_stub(void), percpu_stub(void);
void upcall_entry(void), stray_entry(void), percpu_entry(void);
__asm__(".text\n"
	"upcall_stub: pushal; cld; call upcall_entry; popal; iret\n"
	"percpu_stub: pushal; cld; call percpu_entry; popal; iret\n"
	"stray_stub: pushal; cld; call stray_entry; popal; iret\n"
	"load_tables: movl 4(%esp), %eax; lgdt (%eax); movl 8(%esp), %eax;"
	" lidt (%eax); ljmp $0x08, $1f\n"
	"1: movw $0x10, %ax; movw %ax, %ds; movw %ax, %es; movw %ax, %ss;"
	" ret\n");
void load_tables(const struct gdtr *g, const struct gdtr *i);

static uint32_t lapic_read(uint32_t reg)
{
	return *(volatile uint32_t *)(uintptr_t)(LAPIC_BASE + reg);
}

static void lapic_write(uint32_t reg, uint32_t v)
{
	*(volatile uint32_t *)(uintptr_t)(LAPIC_BASE + reg) = v;
}

/* What Linux's handler does with a 2-level upcall, on this vCPU. */
void upcall_entry(void)
{
	unsigned int cpu = (lapic_read(LAPIC_ID) >> 24) & 1;
	volatile struct vcpu_info *vi = &vinfo[cpu];

	vi->evtchn_upcall_pending = 0;
	vi->evtchn_pending_sel = 0;
	__atomic_and_fetch(&sh->evtchn_pending[ipi[cpu] / 32],
			   ~(1u << (ipi[cpu] % 32)), __ATOMIC_SEQ_CST);
	upcalls[cpu]++;
}

/* A per-vCPU vector comes through the local APIC: EOI it, as Linux does. */
void percpu_entry(void)
{
	percpu_upcalls++;
	upcall_entry();
	lapic_write(LAPIC_EOI, 0);
}

void stray_entry(void)
{
	stray++;
}

static void set_gate(unsigned int vector, void (*fn)(void))
{
	uint32_t off = (uint32_t)(uintptr_t)fn;

	idt[vector] = (off & 0xffff) | (0x08u << 16) |
		      ((uint64_t)(0x8e00 | (off & 0xffff0000u)) << 32);
}

static long bind_ipi(uint32_t vcpu, evtchn_port_t *port)
{
	struct evtchn_bind_ipi b = {.vcpu = vcpu};
	long r = guest_hypercall3(__HYPERVISOR_event_channel_op,
				  EVTCHNOP_bind_ipi, (uintptr_t)&b, 0);

	*port = b.port;
	__atomic_and_fetch(&sh->evtchn_mask[b.port / 32],
			   ~(1u << (b.port % 32)), __ATOMIC_SEQ_CST);
	return r;
}

static long register_vcpu_info(uint32_t vcpu)
{
	struct vcpu_register_vcpu_info info = {
		.mfn = (uintptr_t)&vinfo[vcpu] >> PAGE_SHIFT,
		.offset = (uintptr_t)&vinfo[vcpu] & (PAGE_SIZE - 1),
	};

	return guest_hypercall3(__HYPERVISOR_vcpu_op, VCPUOP_register_vcpu_info,
				vcpu, (uintptr_t)&info);
}

static void setup(void)
{
	struct gdtr g = {sizeof(gdt) - 1, (uint32_t)(uintptr_t)gdt};
	struct gdtr i = {sizeof(idt) - 1, (uint32_t)(uintptr_t)idt};
	struct xen_add_to_physmap xatp = {
		.domid = DOMID_SELF,
		.space = XENMAPSPACE_shared_info,
		.gpfn = (uintptr_t)&shinfo >> PAGE_SHIFT,
	};
	struct xen_hvm_param cb = {
		.domid = DOMID_SELF,
		.index = HVM_PARAM_CALLBACK_IRQ,
		.value = ((uint64_t)HVM_PARAM_CALLBACK_TYPE_VECTOR << 56) |
			 CALLBACK_VECTOR,
	};
	unsigned int before = guest_failures, v;
	long r;

	for (v = 0; v < 256; v++)
		set_gate(v, stray_stub);
	set_gate(CALLBACK_VECTOR, upcall_stub);
	set_gate(PERCPU_VECTOR, percpu_stub);
	load_tables(&g, &i);
	r = guest_hypercall3(__HYPERVISOR_memory_op, XENMEM_add_to_physmap,
			     (uintptr_t)&xatp, 0);
	GCHECK(r == 0, r);
	r = register_vcpu_info(0);
	GCHECK(r == 0, r);
	r = register_vcpu_info(1);
	GCHECK(r == 0, r);
	r = guest_hypercall3(__HYPERVISOR_hvm_op, HVMOP_set_param,
			     (uintptr_t)&cb, 0);
	GCHECK(r == 0, r);
	r = bind_ipi(0, &ipi[0]);
	GCHECK(r == 0, r);
	r = bind_ipi(1, &ipi[1]);
	GCHECK(r == 0, r);
	guest_pass(before, "upcall vector set, IPIs bound");
}

/* Sends @SENDS times to @cpu, each time waiting for its upcall. */
static unsigned int send_and_wait(unsigned int cpu)
{
	evtchn_port_t port = ipi[cpu];
	unsigned int n, spins;
	long r;

	for (n = 1; n <= SENDS; n++) {
		r = guest_hypercall3(__HYPERVISOR_event_channel_op,
				     EVTCHNOP_send, (uintptr_t)&port, 0);
		GCHECK(r == 0, r);
		for (spins = 0; spins < WAIT_SPINS && upcalls[cpu] < n; spins++)
			__asm__ volatile("pause");
		if (upcalls[cpu] < n)
			break;
	}
	return upcalls[cpu];
}

static void check_self(void)
{
	unsigned int before = guest_failures, n;

	__asm__ volatile("sti");
	n = send_and_wait(0);
	__asm__ volatile("cli");
	GCHECK(n == SENDS, n);
	GCHECK(stray == 0, stray);
	guest_pass(before, "every IPI send interrupts on the callback vector");
}

/* Called by trampoline.S on vCPU 1: wait for upcalls in HLT. */
void smp_ap_main(void);
void smp_ap_main(void)
{
	struct gdtr g = {sizeof(gdt) - 1, (uint32_t)(uintptr_t)gdt};
	struct gdtr i = {sizeof(idt) - 1, (uint32_t)(uintptr_t)idt};

	load_tables(&g, &i);
	lapic_write(LAPIC_SVR, LAPIC_SVR_ENABLE);
	__atomic_store_n(&ap_ready, 1, __ATOMIC_RELEASE);
	while (!__atomic_load_n(&ap_stop, __ATOMIC_ACQUIRE))
		__asm__ volatile("sti; hlt; cli");
}

static void send_init_sipi(uint32_t icr)
{
	unsigned int spins;

	lapic_write(LAPIC_ICR_HI, 1u << 24);
	lapic_write(LAPIC_ICR_LO, icr);
	for (spins = 0; spins < WAIT_SPINS; spins++) {
		if (!(lapic_read(LAPIC_ICR_LO) & ICR_BUSY))
			return;
	}
}

static void check_halted_ap(void)
{
	volatile uint8_t *dst = (volatile uint8_t *)smp_trampoline_addr;
	const uint8_t *src = smp_trampoline_start;
	uint32_t vector = (uintptr_t)smp_trampoline_addr >> 12;
	unsigned int before = guest_failures, spins, n;

	while (src < smp_trampoline_end)
		*dst++ = *src++;
	lapic_write(LAPIC_SVR, LAPIC_SVR_ENABLE);
	send_init_sipi(ICR_INIT);
	send_init_sipi(ICR_SIPI | vector);
	send_init_sipi(ICR_SIPI | vector);
	for (spins = 0; spins < WAIT_SPINS * 4 && !ap_ready; spins++)
		__asm__ volatile("pause");
	GCHECK(ap_ready, ap_ready);
	n = send_and_wait(1);
	GCHECK(n == SENDS, n);
	GCHECK(stray == 0, stray);
	guest_pass(before, "every IPI send wakes the halted vCPU 1");
}

static void check_percpu_vector(void)
{
	struct xen_hvm_evtchn_upcall_vector u = {.vcpu = 1,
						 .vector = PERCPU_VECTOR};
	struct xen_hvm_param off = {.domid = DOMID_SELF,
				    .index = HVM_PARAM_CALLBACK_IRQ};
	unsigned int before = guest_failures, leaf4_eax, b, c, d;
	evtchn_port_t port = ipi[1];
	long r;

	cpuid(0x40000004, &leaf4_eax, &b, &c, &d);
	GCHECK(leaf4_eax & XEN_HVM_CPUID_UPCALL_VECTOR, leaf4_eax);
	r = guest_hypercall3(__HYPERVISOR_hvm_op,
			     HVMOP_set_evtchn_upcall_vector, (uintptr_t)&u, 0);
	GCHECK(r == 0, r);
	r = guest_hypercall3(__HYPERVISOR_hvm_op, HVMOP_set_param,
			     (uintptr_t)&off, 0);
	GCHECK(r == 0, r);
	upcalls[1] = 0;
	GCHECK(send_and_wait(1) == SENDS, upcalls[1]);
	GCHECK(percpu_upcalls == SENDS, percpu_upcalls);
	GCHECK(stray == 0, stray);
	__atomic_store_n(&ap_stop, 1, __ATOMIC_RELEASE);
	(void)guest_hypercall3(__HYPERVISOR_event_channel_op, EVTCHNOP_send,
			       (uintptr_t)&port, 0);
	guest_pass(before, "vCPU 1's own vector wakes it on every send");
}

void guest_main(void *start_info);
void guest_main(void *start_info)
{
	(void)start_info;
	guest_hypercall_init();
	guest_puts("upcall: started\n");
	setup();
	check_self();
	check_halted_ap();
	check_percpu_vector();
	guest_finish("upcall");
}
