/* SPDX-License-Identifier: GPL-2.0-only */
/* Xen's periodic vCPU timers as a state machine (periodic_timers.h). */
#include "hypervisor/periodic_timers.h"

#include <string.h>

void periodic_timers_init(struct periodic_timers *t, unsigned int nr)
{
	memset(t, 0, sizeof(*t));
	t->nr = nr < PERIODIC_TIMERS_MAX ? nr : PERIODIC_TIMERS_MAX;
}

void periodic_timers_set(struct periodic_timers *t, unsigned int i,
			 uint64_t period_ns)
{
	if (i < t->nr)
		t->period_ns[i] = period_ns;
}

/* last + period, saturated: a guest may ask for a period of 2^62 ns. */
static uint64_t next_tick(const struct periodic_timers *t, unsigned int i)
{
	uint64_t last = t->last_ns[i], period = t->period_ns[i];

	return last > UINT64_MAX - period ? UINT64_MAX - 1 : last + period;
}

uint64_t periodic_timers_poll(struct periodic_timers *t, uint64_t now_ns,
			      void (*fire)(void *arg, unsigned int i),
			      void *arg)
{
	uint64_t next = PERIODIC_TIMERS_NONE, due;
	unsigned int i;

	for (i = 0; i < t->nr; i++) {
		if (!t->period_ns[i])
			continue;
		due = next_tick(t, i);
		if (now_ns >= due) {
			fire(arg, i);
			t->last_ns[i] = now_ns;
			due = next_tick(t, i);
		}
		if (due < next)
			next = due;
	}
	return next;
}
