/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Xen system time as a guest reads it from a vcpu_time_info (xen/xen.h):
 * a consistent snapshot under the version protocol, and the time in ns it
 * gives with the TSC read inside that snapshot.
 */
#ifndef TESTS_GUEST_PV_TIME_H
#define TESTS_GUEST_PV_TIME_H

#include <stdint.h>
#include <xen/xen.h>

struct pv_time {
	uint32_t version;
	uint64_t tsc_timestamp;
	uint64_t system_time;
	uint32_t mul;
	int8_t shift;
	uint8_t flags;
	uint64_t tsc; /* read inside the consistent snapshot */
};

/* One consistent snapshot of @t, or -1 if it never settled. */
int pv_time_read(const volatile struct vcpu_time_info *t, struct pv_time *p);

/* The Xen system time @p gives, in ns. */
uint64_t pv_time_ns(const struct pv_time *p);

/* Xen system time now from @t, or 0 if the snapshot never settled. */
uint64_t pv_time_now(const volatile struct vcpu_time_info *t);

#endif /* TESTS_GUEST_PV_TIME_H */
