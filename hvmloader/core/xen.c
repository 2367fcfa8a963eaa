/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Xen detection and hypercalls (xen.h). A 32-bit caller calls stub n of
 * the hypercall page at offset 32 * n with the arguments in EBX, ECX, EDX
 * and gets the result in EAX; pointers are guest-physical with paging off.
 */
#include "hvmloader/xen.h"

#include <errno.h>
#include <string.h>
#include <stdint.h>
#include <xen/xen.h>
#include <xen/version.h>
#include <xen/sched.h>
#include <xen/hvm/hvm_op.h>

#include "hvmloader/io.h"
#include "hvmloader/log.h"
#include "hvmloader/platform.h"

#define XEN_CPUID_FIRST 0x40000000u
#define XEN_CPUID_LAST 0x40010000u
#define XEN_CPUID_STEP 0x100u
#define XEN_STUB_SIZE 32
#define X86_RET 0xc3

static const char xen_signature[12] = "XenVMMXenVMM";
static uint32_t xen_base;

static long hypercall(unsigned int nr, uint32_t a1, uint32_t a2)
{
	uintptr_t stub = PLATFORM_HYPERCALL_PAGE + nr * XEN_STUB_SIZE;
	long r;

	__asm__ volatile("call *%[stub]"
			 : "=a"(r), "+b"(a1), "+c"(a2)
			 : [stub] "r"(stub)
			 : "memory", "edx", "esi", "edi");
	return r;
}

void xen_early_init(void)
{
	memset((void *)(uintptr_t)PLATFORM_HYPERCALL_PAGE, X86_RET,
	       PLATFORM_PAGE_SIZE);
}

static uint32_t find_leaves(void)
{
	struct cpuid_regs r;
	char sig[12];
	uint32_t base;

	for (base = XEN_CPUID_FIRST; base < XEN_CPUID_LAST;
	     base += XEN_CPUID_STEP) {
		r = cpuid(base);
		memcpy(sig, &r.ebx, 4);
		memcpy(sig + 4, &r.ecx, 4);
		memcpy(sig + 8, &r.edx, 4);
		if (!memcmp(sig, xen_signature, sizeof(sig)) &&
		    r.eax - base >= 2)
			return base;
	}
	return 0;
}

int xen_setup(void)
{
	struct cpuid_regs r;
	uint32_t i;

	xen_base = find_leaves();
	if (!xen_base)
		return -ENODEV;
	/* Leaf 2: EAX pages, EBX the MSR; page i at (addr | i). */
	r = cpuid(xen_base + 2);
	if (r.eax < 1)
		return -ENODEV;
	for (i = 0; i < r.eax && i < 1; i++)
		wrmsr(r.ebx, PLATFORM_HYPERCALL_PAGE + (i << 12) + i);
	log_info("xen: leaves at 0x%08x, hypercall page at 0x%08x", xen_base,
		 PLATFORM_HYPERCALL_PAGE);
	return 0;
}

uint32_t xen_version(void)
{
	return (uint32_t)hypercall(__HYPERVISOR_xen_version, XENVER_version, 0);
}

int xen_extraversion(char buf[XEN_EXTRA_STR_LEN + 1])
{
	xen_extraversion_t ev;
	long rc;

	memset(ev, 0, sizeof(ev));
	rc = hypercall(__HYPERVISOR_xen_version, XENVER_extraversion,
		       (uint32_t)(uintptr_t)ev);
	memcpy(buf, ev, XEN_EXTRA_STR_LEN);
	buf[XEN_EXTRA_STR_LEN] = '\0';
	return (int)rc;
}

int xen_guest_handle(uint8_t handle[XEN_DOMAIN_HANDLE_LEN])
{
	return (int)hypercall(__HYPERVISOR_xen_version, XENVER_guest_handle,
			      (uint32_t)(uintptr_t)handle);
}

int xen_set_param(uint32_t index, uint64_t value)
{
	struct xen_hvm_param p = {
		.domid = DOMID_SELF,
		.index = index,
		.value = value,
	};

	return (int)hypercall(__HYPERVISOR_hvm_op, HVMOP_set_param,
			      (uint32_t)(uintptr_t)&p);
}

void xen_shutdown(unsigned int reason)
{
	struct sched_shutdown sd = {.reason = reason};

	hypercall(__HYPERVISOR_sched_op, SCHEDOP_shutdown,
		  (uint32_t)(uintptr_t)&sd);
}
