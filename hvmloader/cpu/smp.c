/* SPDX-License-Identifier: GPL-2.0-only */
/* AP bring-up and parking (smp.h). */
#include "hvmloader/smp.h"

#include <string.h>

#include "hvmloader/apic.h"
#include "hvmloader/io.h"
#include "hvmloader/log.h"
#include "hvmloader/platform.h"

#define AP_UP 0x80000000u /* | APIC ID from the AP's CPUID */
#define AP_WAIT_TSC (1ULL << 34)
#define AP_WAIT_SPINS (1u << 28)
#define SIPI_VECTOR (PLATFORM_AP_TRAMPOLINE >> 12)
#define CPUID_APIC_ID_SHIFT 24

extern const uint8_t smp_trampoline_start[], smp_trampoline_end[];

/* What the AP being started needs; one AP runs at a time. */
static const struct mtrr_caps *ap_caps;
static const struct mtrr_state *ap_mtrr;
static volatile uint32_t ap_flag;

void smp_ap_main(void)
{
	uint32_t id = cpuid(1).ebx >> CPUID_APIC_ID_SHIFT;

	mtrr_apply(ap_caps, ap_mtrr);
	__atomic_store_n(&ap_flag, AP_UP | id, __ATOMIC_RELEASE);
}

static uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

static bool wait_ap(void)
{
	uint64_t start = rdtsc();
	unsigned int i;

	for (i = 0; i < AP_WAIT_SPINS; i++) {
		if (__atomic_load_n(&ap_flag, __ATOMIC_ACQUIRE))
			return true;
		if (rdtsc() - start > AP_WAIT_TSC)
			break;
		cpu_relax();
	}
	return false;
}

static bool start_ap(unsigned int id)
{
	uint32_t flag;
	bool up;

	__atomic_store_n(&ap_flag, 0, __ATOMIC_RELEASE);
	apic_send_ipi((uint8_t)id, APIC_ICR_INIT | APIC_ICR_LEVEL_ASSERT);
	apic_send_ipi((uint8_t)id, APIC_ICR_STARTUP | SIPI_VECTOR);
	apic_send_ipi((uint8_t)id, APIC_ICR_STARTUP | SIPI_VECTOR);
	up = wait_ap();
	/* Park it: INIT leaves the AP waiting for a start-up IPI. */
	apic_send_ipi((uint8_t)id, APIC_ICR_INIT | APIC_ICR_LEVEL_ASSERT);
	flag = __atomic_load_n(&ap_flag, __ATOMIC_ACQUIRE);
	if (!up)
		log_err("smp: vCPU %u did not start; the OS may not be able to use it",
			id);
	else if ((flag & ~AP_UP) != id)
		log_err("smp: vCPU %u reports APIC ID %u in CPUID; the tables say %u",
			id, flag & ~AP_UP, id);
	return up;
}

unsigned int smp_start_aps(unsigned int nr_vcpus, const uint8_t online[16],
			   const struct mtrr_caps *caps,
			   const struct mtrr_state *mtrr)
{
	unsigned int i, failed = 0;

	ap_caps = caps;
	ap_mtrr = mtrr;
	memcpy((void *)(uintptr_t)PLATFORM_AP_TRAMPOLINE, smp_trampoline_start,
	       (size_t)(smp_trampoline_end - smp_trampoline_start));
	for (i = 1; i < nr_vcpus; i++) {
		if (!((online[i / 8] >> (i % 8)) & 1))
			continue;
		if (!start_ap(i))
			failed++;
	}
	log_info("smp: %u of %u APs started and parked", nr_vcpus - 1 - failed,
		 nr_vcpus - 1);
	return failed;
}
