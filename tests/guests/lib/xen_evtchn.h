/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What event-channel test guests share: the 2-level ABI's bit arrays in
 * shared_info (xen_ulong_t words: 32 or 64 bits, as the guest is built)
 * and the event_channel_op hypercall. Include after <xen/xen.h>.
 */
#ifndef TESTS_GUEST_XEN_EVTCHN_H
#define TESTS_GUEST_XEN_EVTCHN_H

#include <stdint.h>

#include "hypercall.h"

#define GUEST_EVTCHN_WORD_BITS (8 * sizeof(xen_ulong_t))

static inline int guest_evtchn_bit(const volatile xen_ulong_t *a,
				   unsigned int n)
{
	return (a[n / GUEST_EVTCHN_WORD_BITS] >> (n % GUEST_EVTCHN_WORD_BITS)) &
	       1;
}

static inline void guest_evtchn_set_bit(volatile xen_ulong_t *a, unsigned int n,
					int on)
{
	xen_ulong_t m = (xen_ulong_t)1 << (n % GUEST_EVTCHN_WORD_BITS);

	if (on)
		a[n / GUEST_EVTCHN_WORD_BITS] |= m;
	else
		a[n / GUEST_EVTCHN_WORD_BITS] &= ~m;
}

/* event_channel_op(@cmd, @arg). */
static inline long guest_evtchn_op(unsigned int cmd, void *arg)
{
	return guest_hypercall3(__HYPERVISOR_event_channel_op, cmd,
				(uintptr_t)arg, 0);
}

#endif /* TESTS_GUEST_XEN_EVTCHN_H */
