/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The Xen CPUID leaves every Xen ABI test guest checks (32- and 64-bit):
 * the "XenVMMXenVMM" signature, version 4.17 and the hypercall MSR.
 */
#include <stdint.h>

#include "guest.h"
#include "hypercall.h"

#define XEN_CPUID_BASE 0x40000000u

void guest_check_xen_cpuid(void)
{
	unsigned int before = guest_failures;
	uint32_t a, sig[3];

	cpuid(XEN_CPUID_BASE, &a, &sig[0], &sig[1], &sig[2]);
	GCHECK(guest_memcmp(sig, "XenVMMXenVMM", 12) == 0, sig[0]);
	GCHECK(a >= XEN_CPUID_BASE + 2, a);
	cpuid(XEN_CPUID_BASE + 1, &a, &sig[0], &sig[1], &sig[2]);
	GCHECK(a == ((4u << 16) | 17), a);
	cpuid(XEN_CPUID_BASE + 2, &a, &sig[0], &sig[1], &sig[2]);
	GCHECK(a == 1 && sig[0] == GUEST_HYPERCALL_MSR, sig[0]);
	guest_pass(before, "xen cpuid leaves");
}
