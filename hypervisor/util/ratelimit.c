/* SPDX-License-Identifier: GPL-2.0-only */
/* Token bucket for guest-triggered events (ratelimit.h). */
#include "hypervisor/ratelimit.h"

#define MILLI 1000u

void ratelimit_init(struct ratelimit *r, unsigned int burst,
		    unsigned int per_sec)
{
	r->burst = burst;
	r->per_sec = per_sec;
	r->milli_tokens = (uint64_t)burst * MILLI;
	r->last_ms = 0;
	r->dropped = 0;
	r->started = false;
}

static void refill(struct ratelimit *r, uint64_t now_ms)
{
	uint64_t cap = (uint64_t)r->burst * MILLI, need, elapsed;

	if (!r->started) {
		r->started = true;
		r->last_ms = now_ms;
		return;
	}
	/* A clock that steps back refills nothing. */
	if (now_ms <= r->last_ms)
		return;
	elapsed = now_ms - r->last_ms;
	r->last_ms = now_ms;
	if (!r->per_sec || r->milli_tokens >= cap)
		return;
	/*
	 * per_sec tokens a second are per_sec milli-tokens a millisecond;
	 * compare before multiplying so that nothing overflows.
	 */
	need = cap - r->milli_tokens;
	if (elapsed > need / r->per_sec)
		r->milli_tokens = cap;
	else
		r->milli_tokens += elapsed * r->per_sec;
}

bool ratelimit_allow(struct ratelimit *r, uint64_t now_ms,
		     uint64_t *dropped_before)
{
	refill(r, now_ms);
	if (r->milli_tokens < MILLI) {
		r->dropped++;
		return false;
	}
	r->milli_tokens -= MILLI;
	*dropped_before = r->dropped;
	r->dropped = 0;
	return true;
}
