/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Xen's per-vCPU periodic timers (VCPUOP_set_periodic_timer), as a state
 * machine on a clock the caller reads: Xen 4.17's rule
 * (vcpu_periodic_timer_work_locked() in xen/common/sched/core.c) is that
 * a tick is due one period after the last one was sent; a tick found
 * overdue is sent at once and the next one is due a full period after
 * that, so ticks a stalled host missed are coalesced, never sent in a
 * burst. The last tick's time survives a change of period; it starts at
 * 0, as Xen's periodic_last_event does, so the first set_periodic_timer
 * of a vCPU ticks at once (on a clock past one period). Unlike Xen, which
 * stops a vCPU's periodic timer while it is descheduled (blocked in HLT
 * too) and sends one overdue tick when it runs again, the caller may tick
 * a halted vCPU: an extra wake-up that a guest written for Xen takes as a
 * timer event. Not locked: the caller serialises.
 */
#ifndef HYPERVISOR_PERIODIC_TIMERS_H
#define HYPERVISOR_PERIODIC_TIMERS_H

#include <stdint.h>

#define PERIODIC_TIMERS_MAX 64

/* No tick is due (periodic_timers_poll()'s answer when none runs). */
#define PERIODIC_TIMERS_NONE UINT64_MAX

struct periodic_timers {
	unsigned int nr;
	uint64_t period_ns[PERIODIC_TIMERS_MAX]; /* 0: stopped */
	uint64_t last_ns[PERIODIC_TIMERS_MAX];	 /* last tick sent */
};

/* @nr timers (capped at PERIODIC_TIMERS_MAX), all stopped. */
void periodic_timers_init(struct periodic_timers *t, unsigned int nr);

/*
 * Sets timer @i's period (0 stops it). Out-of-range @i is ignored; the
 * caller has checked it against the guest's vCPUs.
 */
void periodic_timers_set(struct periodic_timers *t, unsigned int i,
			 uint64_t period_ns);

/*
 * At @now_ns, calls @fire(@arg, i) for each timer with a tick due and
 * starts its next period. Returns when the next tick is due, or
 * PERIODIC_TIMERS_NONE if no timer runs.
 */
uint64_t periodic_timers_poll(struct periodic_timers *t, uint64_t now_ns,
			      void (*fire)(void *arg, unsigned int i),
			      void *arg);

#endif /* HYPERVISOR_PERIODIC_TIMERS_H */
