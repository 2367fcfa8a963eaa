/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The Xen interface hvmloader uses (firmware.md 2.2): detection through
 * the CPUID leaves at 0x40000000 + n * 0x100, the hypercall page at
 * PLATFORM_HYPERCALL_PAGE, and a few hypercalls: xen_version (version,
 * extra version, domain handle), hvm_op set_param and sched_op shutdown.
 * Firmware only.
 */
#ifndef HVMLOADER_XEN_H
#define HVMLOADER_XEN_H

#include <stdint.h>

#define XEN_EXTRA_STR_LEN 16
#define XEN_DOMAIN_HANDLE_LEN 16

/*
 * Fills the hypercall page with RET, so that a hypercall before
 * xen_setup() returns without effect.
 */
void xen_early_init(void);

/*
 * Finds the Xen CPUID leaves and installs the hypercall page. Returns 0,
 * or -ENODEV if the leaves are missing or too few.
 */
int xen_setup(void) __attribute__((warn_unused_result));

/* XENVER_version: major << 16 | minor. */
uint32_t xen_version(void);

/* XENVER_extraversion into @buf (NUL-terminated); 0 or a Xen errno. */
int xen_extraversion(char buf[XEN_EXTRA_STR_LEN + 1]);

/* XENVER_guest_handle: the domain's 16-byte handle; 0 or a Xen errno. */
int xen_guest_handle(uint8_t handle[XEN_DOMAIN_HANDLE_LEN]);

/* HVMOP_set_param for this domain; 0 or a negative Xen errno. */
int xen_set_param(uint32_t index, uint64_t value);

/* SCHEDOP_shutdown with @reason (SHUTDOWN_*); returns only on failure. */
void xen_shutdown(unsigned int reason);

#endif /* HVMLOADER_XEN_H */
