/* SPDX-License-Identifier: GPL-2.0-only */
/* Xen system time from a vcpu_time_info (pv_time.h). */
#include "pv_time.h"

#include "guest.h"

#define READ_TRIES 1000

static inline void barrier(void)
{
	__asm__ volatile("" : : : "memory");
}

int pv_time_read(const volatile struct vcpu_time_info *t, struct pv_time *p)
{
	unsigned int tries;
	uint32_t v;

	for (tries = 0; tries < READ_TRIES; tries++) {
		v = t->version;
		barrier();
		if (v & 1)
			continue;
		p->tsc_timestamp = t->tsc_timestamp;
		p->system_time = t->system_time;
		p->mul = t->tsc_to_system_mul;
		p->shift = t->tsc_shift;
		p->flags = t->flags;
		p->tsc = rdtsc();
		barrier();
		if (t->version == v) {
			p->version = v;
			return 0;
		}
	}
	return -1;
}

/* system_time + (((tsc - tsc_timestamp) << shift) * mul) >> 32. */
uint64_t pv_time_ns(const struct pv_time *p)
{
	uint64_t delta = p->tsc - p->tsc_timestamp;

	if (p->shift < 0)
		delta >>= -p->shift;
	else
		delta <<= p->shift;
	/* The 96-bit product, shifted, from two 64-bit ones. */
	return p->system_time + (delta >> 32) * p->mul +
	       (((delta & 0xffffffffu) * p->mul) >> 32);
}

uint64_t pv_time_now(const volatile struct vcpu_time_info *t)
{
	struct pv_time p;

	return pv_time_read(t, &p) ? 0 : pv_time_ns(&p);
}
