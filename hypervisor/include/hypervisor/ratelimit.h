/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A token bucket for events a guest can trigger at will, such as lines on
 * its debug console: a burst, then a steady rate, and a count of what was
 * dropped so the log can say so. Not locked: the caller serialises.
 */
#ifndef HYPERVISOR_RATELIMIT_H
#define HYPERVISOR_RATELIMIT_H

#include <stdbool.h>
#include <stdint.h>

struct ratelimit {
	unsigned int burst;    /* events allowed at once */
	unsigned int per_sec;  /* events allowed per second after that */
	uint64_t milli_tokens; /* tokens x 1000, at most burst x 1000 */
	uint64_t last_ms;      /* when the bucket was last refilled */
	uint64_t dropped;      /* events refused since the last allowed one */
	bool started;
};

/* A full bucket of @burst events, refilled at @per_sec events a second. */
void ratelimit_init(struct ratelimit *r, unsigned int burst,
		    unsigned int per_sec);

/*
 * One event at @now_ms (a monotonic clock): true if it may go through.
 * When it may and events were refused before it, *@dropped_before says how
 * many (else 0), and the count starts again.
 */
bool ratelimit_allow(struct ratelimit *r, uint64_t now_ms,
		     uint64_t *dropped_before);

#endif /* HYPERVISOR_RATELIMIT_H */
