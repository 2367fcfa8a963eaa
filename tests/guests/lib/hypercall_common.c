/* SPDX-License-Identifier: GPL-2.0-only */
/* The ABI-independent part of the guests' hypercall helpers. */
#include <stdint.h>
#include <xen/xen.h>
#include <xen/sched.h>

#include "guest.h"
#include "hypercall.h"

uint8_t guest_hypercall_page[4096] __attribute__((aligned(4096)));

void guest_hypercall_init(void)
{
	wrmsr(GUEST_HYPERCALL_MSR, (uintptr_t)guest_hypercall_page);
}

void guest_shutdown(unsigned int reason)
{
	struct sched_shutdown sd = {.reason = reason};

	guest_hypercall3(__HYPERVISOR_sched_op, SCHEDOP_shutdown,
			 (unsigned long)(uintptr_t)&sd, 0);
	guest_puts("FAIL still running after SCHEDOP_shutdown\n");
}

void guest_finish(const char *name)
{
	guest_puts(name);
	guest_puts(guest_failures ? ": FAILED\n" : ": all checks passed\n");
	guest_shutdown(guest_failures ? SHUTDOWN_crash : SHUTDOWN_poweroff);
}
