/* SPDX-License-Identifier: GPL-2.0-only */
/* Milliseconds on the monotonic clock, for timeouts and durations. */
#ifndef HYPERVISOR_CLOCK_MS_H
#define HYPERVISOR_CLOCK_MS_H

#include <stdint.h>
#include <time.h>

static inline uint64_t clock_ms_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

#endif /* HYPERVISOR_CLOCK_MS_H */
