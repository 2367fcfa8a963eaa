/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for the PM timer and PM1a event block with a fake clock:
 * the 3.579545 MHz rate, 32-bit wrap, TMR_STS on a bit-31 flip, status
 * write-1-to-clear, the SCI following STS & EN, the power and sleep
 * buttons, and bad accesses.
 */
#include "hypervisor/pmtimer.h"

#include <stddef.h>

#include "hvm_test.h"

#define SEC 1000000000ULL

struct fake {
	uint64_t ns;
	unsigned int sci_changes;
	bool sci;
};

static uint64_t fake_now(void *opaque)
{
	return ((struct fake *)opaque)->ns;
}

static void fake_sci(void *opaque, bool level)
{
	struct fake *f = opaque;

	f->sci = level;
	f->sci_changes++;
}

static struct hv_dev *make(struct fake *f)
{
	struct pmtimer_env env = {fake_now, fake_sci, f};
	struct hv_dev *d = NULL;

	f->ns = 5 * SEC; /* the counter starts at 0 whatever the clock says */
	CHECK_EQ(0, pmtimer_create(&env, &d));
	return d;
}

static uint64_t rd(struct hv_dev *d, uint64_t off, unsigned int size)
{
	uint64_t v = 0;

	CHECK_EQ(0, d->ops->read(d, off, size, &v));
	return v;
}

static void test_rate_and_wrap(void)
{
	struct fake f = {0};
	struct hv_dev *d = make(&f);

	if (!d)
		return;
	CHECK_EQ(0, rd(d, 8, 4));
	f.ns += SEC;
	CHECK_EQ(3579545, rd(d, 8, 4));
	/* 2^32 ticks take 1199.86 s: the 32-bit counter wraps. */
	f.ns += 1200 * SEC;
	CHECK_EQ((uint32_t)(1201 * 3579545ULL), rd(d, 8, 4));
	d->ops->destroy(d);
}

static void test_tmr_sts_and_sci(void)
{
	struct fake f = {0};
	struct hv_dev *d = make(&f);

	if (!d)
		return;
	CHECK_EQ(0, rd(d, 0, 2) & 1);
	f.ns += 600 * SEC; /* bit 31 flips after 599.93 s */
	CHECK_EQ(1, rd(d, 0, 2) & 1);
	CHECK(!f.sci);				/* not enabled: no SCI */
	CHECK_EQ(0, d->ops->write(d, 2, 2, 1)); /* TMR_EN */
	CHECK(f.sci);
	CHECK_EQ(0, d->ops->write(d, 0, 2, 1)); /* clear TMR_STS */
	CHECK_EQ(0, rd(d, 0, 2) & 1);
	CHECK(!f.sci);
	CHECK_EQ(2, f.sci_changes);
	d->ops->destroy(d);
}

static void test_status_write_one_to_clear(void)
{
	struct fake f = {0};
	struct hv_dev *d = make(&f);

	if (!d)
		return;
	f.ns += 600 * SEC;
	CHECK_EQ(1, rd(d, 0, 2) & 1);
	CHECK_EQ(0, d->ops->write(d, 0, 2, 0)); /* writing 0 keeps it */
	CHECK_EQ(1, rd(d, 0, 2) & 1);
	/* A dword write clears STS bits and sets EN; unknown bits stay 0. */
	CHECK_EQ(0, d->ops->write(d, 0, 4, 0xffff0001));
	CHECK_EQ(0, rd(d, 0, 2));
	CHECK_EQ(0x321, rd(d, 2, 2));
	d->ops->destroy(d);
}

static void test_power_button(void)
{
	struct fake f = {0};
	struct hv_dev *d = make(&f);

	if (!d)
		return;
	/* Pressed before the OS enabled it: status only, no SCI. */
	pmtimer_press(d, PMTIMER_POWER_BUTTON);
	CHECK_EQ(0x100, rd(d, 0, 2));
	CHECK(!f.sci);
	/* The OS enables PWRBTN_EN: the pending press raises the SCI. */
	CHECK_EQ(0, d->ops->write(d, 2, 2, 0x100));
	CHECK(f.sci);
	/* Its handler clears PWRBTN_STS: the SCI drops. */
	CHECK_EQ(0, d->ops->write(d, 0, 2, 0x100));
	CHECK_EQ(0, rd(d, 0, 2));
	CHECK(!f.sci);
	/* A second press with the event enabled raises it at once. */
	pmtimer_press(d, PMTIMER_POWER_BUTTON);
	CHECK(f.sci);
	/* The sleep button has its own bit, not enabled here. */
	CHECK_EQ(0, d->ops->write(d, 0, 2, 0x100));
	pmtimer_press(d, PMTIMER_SLEEP_BUTTON);
	CHECK_EQ(0x200, rd(d, 0, 2));
	CHECK(!f.sci);
	d->ops->destroy(d);
}

static void test_bad_accesses(void)
{
	struct fake f = {0};
	struct hv_dev *d = make(&f);
	uint64_t v = 0;

	if (!d)
		return;
	CHECK_EQ(0, d->ops->read(d, 8, 2, &v)); /* the timer is dword only */
	CHECK_EQ(~0ULL, v);
	CHECK_EQ(0, d->ops->read(d, 4, 4, &v)); /* the gap */
	CHECK_EQ(~0ULL, v);
	CHECK_EQ(0, d->ops->write(d, 8, 4, 0)); /* read-only timer */
	CHECK_EQ(0, d->ops->write(d, 1, 1, 0xff));
	CHECK_EQ(4, d->nr_ignored);
	CHECK_EQ(0, rd(d, 8, 4));
	d->ops->destroy(d);
}

int main(void)
{
	HVM_TEST(test_rate_and_wrap);
	HVM_TEST(test_tmr_sts_and_sci);
	HVM_TEST(test_status_write_one_to_clear);
	HVM_TEST(test_power_button);
	HVM_TEST(test_bad_accesses);
	return hvm_test_summary();
}
