/* SPDX-License-Identifier: GPL-2.0-only */
/* Unit tests for the token bucket: burst, steady rate, drop counts. */
#include "hypervisor/ratelimit.h"

#include <stddef.h>

#include "hvm_test.h"

/* Events allowed out of @n offered at @now_ms. */
static unsigned int offer(struct ratelimit *r, uint64_t now_ms, unsigned int n,
			  uint64_t *last_dropped)
{
	unsigned int ok = 0, i;
	uint64_t dropped;

	for (i = 0; i < n; i++) {
		if (ratelimit_allow(r, now_ms, &dropped)) {
			ok++;
			if (last_dropped)
				*last_dropped = dropped;
		}
	}
	return ok;
}

static void test_burst_then_rate(void)
{
	struct ratelimit r;
	uint64_t dropped = 99;

	ratelimit_init(&r, 100, 10);
	CHECK_EQ(100, offer(&r, 5000, 150, &dropped));
	CHECK_EQ(0, dropped);
	CHECK_EQ(50, r.dropped);
	/* 10 a second: one more after 100 ms, which reports the 50. */
	CHECK_EQ(1, offer(&r, 5100, 1, &dropped));
	CHECK_EQ(50, dropped);
	/* Two more after 200 ms more, none after 50 ms more. */
	CHECK_EQ(2, offer(&r, 5300, 10, &dropped));
	CHECK_EQ(0, dropped);
	CHECK_EQ(8, r.dropped);
	CHECK_EQ(0, offer(&r, 5350, 5, NULL));
	CHECK_EQ(13, r.dropped);
	/* A long pause refills the burst, no more. */
	CHECK_EQ(100, offer(&r, 5000 + 3600 * 1000, 200, NULL));
}

static void test_clock_steps_back(void)
{
	struct ratelimit r;

	ratelimit_init(&r, 3, 1000);
	CHECK_EQ(3, offer(&r, 1000, 5, NULL));
	CHECK_EQ(0, offer(&r, 10, 5, NULL));
	CHECK_EQ(0, offer(&r, 1000, 5, NULL));
	CHECK_EQ(1, offer(&r, 1001, 5, NULL));
}

static void test_extremes(void)
{
	struct ratelimit r;

	/* No refill at all. */
	ratelimit_init(&r, 2, 0);
	CHECK_EQ(2, offer(&r, 0, 5, NULL));
	CHECK_EQ(0, offer(&r, UINT64_MAX, 5, NULL));
	/* The largest settings and clock values do not overflow. */
	ratelimit_init(&r, UINT32_MAX, UINT32_MAX);
	CHECK_EQ(10, offer(&r, 1, 10, NULL));
	CHECK_EQ(10, offer(&r, UINT64_MAX, 10, NULL));
	CHECK(r.milli_tokens <= (uint64_t)UINT32_MAX * 1000);
	/* An empty bucket refuses everything. */
	ratelimit_init(&r, 0, 0);
	CHECK_EQ(0, offer(&r, 7, 3, NULL));
	CHECK_EQ(3, r.dropped);
}

int main(void)
{
	HVM_TEST(test_burst_then_rate);
	HVM_TEST(test_clock_steps_back);
	HVM_TEST(test_extremes);
	return hvm_test_summary();
}
