/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for the periodic vCPU timers: the first set ticks at once,
 * a tick per period after that, overdue ticks coalesced, stop, restart
 * with the last tick remembered, saturation near the clock's end.
 */
#include "hypervisor/periodic_timers.h"

#include "hvm_test.h"

#define MS 1000000ULL

struct fired {
	unsigned int count[PERIODIC_TIMERS_MAX];
	unsigned int total;
};

static void count_fire(void *arg, unsigned int i)
{
	struct fired *f = arg;

	f->count[i]++;
	f->total++;
}

static uint64_t poll_at(struct periodic_timers *t, uint64_t now,
			struct fired *f)
{
	return periodic_timers_poll(t, now, count_fire, f);
}

static void test_ticks_per_period(void)
{
	struct periodic_timers t;
	struct fired f = {{0}, 0};
	uint64_t now;

	periodic_timers_init(&t, 2);
	CHECK_EQ(PERIODIC_TIMERS_NONE, poll_at(&t, 5 * MS, &f));
	CHECK_EQ(0, f.total);
	/* The first set ticks at once (no tick was ever sent). */
	periodic_timers_set(&t, 1, 10 * MS);
	CHECK_EQ(1000 * MS + 10 * MS, poll_at(&t, 1000 * MS, &f));
	CHECK_EQ(1, f.count[1]);
	/* Nothing before the period is over, one tick when it is. */
	CHECK_EQ(1010 * MS, poll_at(&t, 1009 * MS, &f));
	CHECK_EQ(1, f.count[1]);
	CHECK_EQ(1020 * MS, poll_at(&t, 1010 * MS, &f));
	CHECK_EQ(2, f.count[1]);
	/* A late poll sends one tick, and the next comes a period later. */
	CHECK_EQ(1100 * MS, poll_at(&t, 1090 * MS, &f));
	CHECK_EQ(3, f.count[1]);
	/* A second of polls every ms gives 100 ticks. */
	for (now = 1091 * MS; now <= 2090 * MS; now += MS)
		poll_at(&t, now, &f);
	CHECK_EQ(103, f.count[1]);
	CHECK_EQ(0, f.count[0]);
	CHECK_EQ(103, f.total);
}

static void test_stop_and_restart(void)
{
	struct periodic_timers t;
	struct fired f = {{0}, 0};

	periodic_timers_init(&t, 1);
	periodic_timers_set(&t, 0, 10 * MS);
	poll_at(&t, 100 * MS, &f);
	CHECK_EQ(1, f.total);
	periodic_timers_set(&t, 0, 0);
	CHECK_EQ(PERIODIC_TIMERS_NONE, poll_at(&t, 500 * MS, &f));
	CHECK_EQ(1, f.total);
	/* Restarted soon after the last tick: the rest of the period. */
	periodic_timers_set(&t, 0, 50 * MS);
	CHECK_EQ(150 * MS, poll_at(&t, 120 * MS, &f));
	CHECK_EQ(1, f.total);
	CHECK_EQ(200 * MS, poll_at(&t, 150 * MS, &f));
	CHECK_EQ(2, f.total);
	/* A shorter period already over ticks at once. */
	periodic_timers_set(&t, 0, 1 * MS);
	CHECK_EQ(161 * MS, poll_at(&t, 160 * MS, &f));
	CHECK_EQ(3, f.total);
}

static void test_bounds(void)
{
	struct periodic_timers t;
	struct fired f = {{0}, 0};
	uint64_t next;

	periodic_timers_init(&t, PERIODIC_TIMERS_MAX + 10);
	CHECK_EQ(PERIODIC_TIMERS_MAX, t.nr);
	/* Out of range: ignored. */
	periodic_timers_set(&t, PERIODIC_TIMERS_MAX, MS);
	CHECK_EQ(PERIODIC_TIMERS_NONE, poll_at(&t, MS, &f));
	/* The longest period Xen takes (2^62 ns) never wraps. */
	periodic_timers_set(&t, 3, UINT64_MAX >> 2);
	poll_at(&t, UINT64_MAX - 5, &f);
	CHECK_EQ(1, f.count[3]);
	next = poll_at(&t, UINT64_MAX - 4, &f);
	CHECK(next > UINT64_MAX - 4 && next != PERIODIC_TIMERS_NONE);
	CHECK_EQ(1, f.count[3]);
}

int main(void)
{
	HVM_TEST(test_ticks_per_period);
	HVM_TEST(test_stop_and_restart);
	HVM_TEST(test_bounds);
	return hvm_test_summary();
}
