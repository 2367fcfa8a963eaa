/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The SMP test guest (32-bit), run with two vCPUs. The BSP checks that its
 * APIC ID (CPUID leaf 1 and the local APIC's ID register) is 0 and that
 * hvm_info_table reports 2 vCPUs, copies the real-mode trampoline
 * (trampoline.S) below 1 MiB and starts APIC ID 1 with INIT, SIPI, SIPI
 * through the in-kernel local APIC (SDM 3A 10.6.1, ICR; 8.4.4.1, the
 * INIT-SIPI-SIPI sequence). The AP prints "smp: AP <id> up" and sets a
 * flag; the BSP waits for it, bounded by the TSC and a spin count, and
 * powers off. Before the SIPI the BSP registers the AP's vcpu_info, as
 * Linux does while the AP still waits in the hypervisor for its SIPI. Only the
 * AP prints while the BSP waits: the debug port collects one line for the whole
 * domain.
 */
/* Xen's headers expect the fixed-width types to be declared first. */
#include <stdint.h>
#include <xen/xen.h>
#include <xen/sched.h>
#include <xen/vcpu.h>
#include <xen/hvm/hvm_info_table.h>

#include "guest.h"
#include "hypercall.h"

#define HVM_INFO_ADDR 0x9f800u
#define NR_VCPUS 2
#define AP_APIC_ID 1

#define LAPIC_BASE 0xfee00000u
#define LAPIC_ID 0x20
#define LAPIC_SVR 0xf0
#define LAPIC_ICR_LO 0x300
#define LAPIC_ICR_HI 0x310
#define LAPIC_SVR_ENABLE 0x100
#define LAPIC_SPURIOUS_VECTOR 0xff
#define ICR_DEST_SHIFT 24
#define ICR_BUSY (1u << 12)
#define ICR_INIT 0x4500 /* INIT, level assert */
#define ICR_SIPI 0x4600 /* start-up, level assert; low byte: vector */
#define ICR_BUSY_SPINS 100000u

#define AP_FLAG_UP 0x100u /* | the AP's APIC ID */
#define AP_WAIT_TSC (1ull << 35)
#define AP_WAIT_MAX_SPINS (1u << 30)

extern const uint8_t smp_trampoline_start[], smp_trampoline_end[];
extern const uint8_t smp_trampoline_addr[]; /* an absolute symbol */

static uint32_t ap_flag;
static struct vcpu_info ap_vinfo __attribute__((aligned(64)));

static uint32_t lapic_read(uint32_t reg)
{
	return *(volatile uint32_t *)(uintptr_t)(LAPIC_BASE + reg);
}

static void lapic_write(uint32_t reg, uint32_t v)
{
	*(volatile uint32_t *)(uintptr_t)(LAPIC_BASE + reg) = v;
}

static uint32_t cpuid_apic_id(void)
{
	uint32_t a, b, c, d;

	cpuid(1, &a, &b, &c, &d);
	return b >> 24;
}

/* Called by trampoline.S on the AP, in 32-bit protected mode. */
void smp_ap_main(void);
void smp_ap_main(void)
{
	uint32_t id = cpuid_apic_id();

	guest_puts("smp: AP ");
	if (id < 10)
		outb(GUEST_DEBUG_PORT, (uint8_t)('0' + id));
	else
		guest_puthex(id);
	guest_puts(" up\n");
	__atomic_store_n(&ap_flag, AP_FLAG_UP | id, __ATOMIC_RELEASE);
}

static void check_bsp(void)
{
	const struct hvm_info_table *t = (const void *)HVM_INFO_ADDR;
	unsigned int before = guest_failures;

	GCHECK(cpuid_apic_id() == 0, cpuid_apic_id());
	GCHECK(lapic_read(LAPIC_ID) >> 24 == 0, lapic_read(LAPIC_ID));
	GCHECK(t->nr_vcpus == NR_VCPUS, t->nr_vcpus);
	guest_pass(before, "BSP has APIC ID 0, hvm_info_table has 2 vCPUs");
}

static void copy_trampoline(void)
{
	volatile uint8_t *dst = (volatile uint8_t *)smp_trampoline_addr;
	const uint8_t *src = smp_trampoline_start;

	while (src < smp_trampoline_end)
		*dst++ = *src++;
}

static void send_ipi(uint32_t apic_id, uint32_t icr)
{
	unsigned int spins;

	lapic_write(LAPIC_ICR_HI, apic_id << ICR_DEST_SHIFT);
	lapic_write(LAPIC_ICR_LO, icr);
	for (spins = 0; spins < ICR_BUSY_SPINS; spins++) {
		if (!(lapic_read(LAPIC_ICR_LO) & ICR_BUSY))
			return;
	}
	GCHECK(0, lapic_read(LAPIC_ICR_LO)); /* delivery never finished */
}

static uint32_t wait_for_ap(void)
{
	uint64_t start = rdtsc();
	uint32_t spins, flag = 0;

	for (spins = 0; spins < AP_WAIT_MAX_SPINS; spins++) {
		flag = __atomic_load_n(&ap_flag, __ATOMIC_ACQUIRE);
		if (flag || rdtsc() - start >= AP_WAIT_TSC)
			break;
		__asm__ volatile("pause");
	}
	return flag;
}

/* Must not wait for the AP, which sits in KVM_RUN until its SIPI. */
static void register_ap_vcpu_info(void)
{
	struct vcpu_register_vcpu_info info = {
		.mfn = (uintptr_t)&ap_vinfo >> 12,
		.offset = (uintptr_t)&ap_vinfo & 0xfff,
	};
	unsigned int before = guest_failures;
	long r;

	r = guest_hypercall3(__HYPERVISOR_vcpu_op, VCPUOP_register_vcpu_info,
			     AP_APIC_ID, (uintptr_t)&info);
	GCHECK(r == 0, r);
	guest_pass(before, "BSP registered the waiting AP's vcpu_info");
}

static void start_ap(void)
{
	uint32_t vector = (uintptr_t)smp_trampoline_addr >> 12;
	unsigned int before = guest_failures;
	uint32_t flag;

	copy_trampoline();
	lapic_write(LAPIC_SVR, LAPIC_SVR_ENABLE | LAPIC_SPURIOUS_VECTOR);
	send_ipi(AP_APIC_ID, ICR_INIT);
	send_ipi(AP_APIC_ID, ICR_SIPI | vector);
	send_ipi(AP_APIC_ID, ICR_SIPI | vector);
	flag = wait_for_ap();
	GCHECK(flag == (AP_FLAG_UP | AP_APIC_ID), flag);
	guest_pass(before, "AP 1 started by INIT-SIPI-SIPI");
}

void guest_main(void *start_info);
void guest_main(void *start_info)
{
	(void)start_info;
	guest_hypercall_init();
	guest_puts("smp: started\n");
	check_bsp();
	register_ap_vcpu_info();
	start_ap();
	guest_finish("smp");
}
