/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Xen hypercalls for the test guests: the hypercall page (filled by the
 * hypervisor when its address is written to MSR 0x40000000), one call
 * entry with three arguments, and shutdown. hypercall32.c and
 * hypercall64.c implement it for each register ABI.
 */
#ifndef TESTS_GUEST_HYPERCALL_H
#define TESTS_GUEST_HYPERCALL_H

#define GUEST_HYPERCALL_MSR 0x40000000u
#define GUEST_HYPERCALL_STUB 32 /* bytes per hypercall number */

/* Asks the hypervisor to fill the hypercall page. */
void guest_hypercall_init(void);

/* Calls hypercall @nr; returns the guest's RAX/EAX (negative Xen errno). */
long guest_hypercall3(unsigned int nr, unsigned long a1, unsigned long a2,
		      unsigned long a3);

/* SCHEDOP_shutdown with SHUTDOWN_* @reason; reports if it returns. */
void guest_shutdown(unsigned int reason);

/*
 * Prints "<name>: all checks passed" and powers off, or "<name>: FAILED"
 * and shuts down with SHUTDOWN_crash if any check failed.
 */
void guest_finish(const char *name);

/* Checks the Xen CPUID leaves; prints "PASS xen cpuid leaves". */
void guest_check_xen_cpuid(void);

#endif /* TESTS_GUEST_HYPERCALL_H */
