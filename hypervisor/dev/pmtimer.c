/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ACPI PM1a event block and PM timer (pmtimer.h), per ACPI 6.5 4.8.3.1
 * (PM1 event grouping: status bits are write-1-to-clear) and 4.8.3.3 (the
 * 3.579545 MHz timer; we implement the 32-bit TMR_VAL_EXT form). TMR_STS
 * is set when bit 31 of the counter flips; it is computed when the guest
 * looks, so an enabled timer overflow raises the SCI at the next access
 * rather than at the instant of overflow (Left out: a host timer for
 * that; no OS we target enables TMR_EN). The power and sleep buttons set
 * their status bits through pmtimer_press() (the toolstack's shutdown).
 */
#include "hypervisor/pmtimer.h"

#include <errno.h>
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>

#define PM1_STS 0x0
#define PM1_EN 0x2
#define PM_TMR 0x8

#define PM1_TMR_STS (1u << 0)
#define PM1_GBL_STS (1u << 5)
#define PM1_PWRBTN_STS (1u << 8)
#define PM1_SLPBTN_STS (1u << 9)
/* The event bits Xen implements; others read 0 and cannot be set. */
#define PM1_EVENTS (PM1_TMR_STS | PM1_GBL_STS | PM1_PWRBTN_STS | PM1_SLPBTN_STS)

struct pmtimer {
	struct hv_dev dev;
	struct pmtimer_env env;
	pthread_mutex_t lock; /* vCPU threads access it concurrently */
	uint64_t start_ns;    /* clock value when the counter was 0 */
	uint32_t last;	      /* counter when TMR_STS was last updated */
	uint16_t sts;
	uint16_t en;
	bool sci;
};

static struct pmtimer *to_pm(struct hv_dev *dev)
{
	return (struct pmtimer *)((char *)dev - offsetof(struct pmtimer, dev));
}

static uint32_t counter(const struct pmtimer *s)
{
	uint64_t ns = s->env.now_ns(s->env.opaque) - s->start_ns;

	/* 128-bit product: ns * 3579545 passes 2^64 after 82 minutes. */
	return (uint32_t)((unsigned __int128)ns * PMTIMER_HZ / 1000000000u);
}

/* Lazily sets TMR_STS if bit 31 flipped, then updates the SCI line. */
static void update(struct pmtimer *s)
{
	uint32_t now = counter(s);
	bool level;

	if ((now ^ s->last) & 0x80000000u)
		s->sts |= PM1_TMR_STS;
	s->last = now;
	level = (s->sts & s->en & PM1_EVENTS) != 0;
	if (level != s->sci) {
		s->sci = level;
		s->env.set_sci(s->env.opaque, level);
	}
}

static int reg_read(struct pmtimer *s, uint64_t off, unsigned int size,
		    uint64_t *val)
{
	if (off == PM_TMR && size == 4) {
		*val = counter(s);
		return 0;
	}
	if ((off == PM1_STS || off == PM1_EN) && size == 2) {
		update(s);
		*val = off == PM1_STS ? s->sts : s->en;
		return 0;
	}
	if (off == PM1_STS && size == 4) { /* both halves at once */
		update(s);
		*val = s->sts | (uint32_t)s->en << 16;
		return 0;
	}
	return dev_ignore(&s->dev, "read", off, size);
}

static int pmtimer_read(struct hv_dev *dev, uint64_t off, unsigned int size,
			uint64_t *val)
{
	struct pmtimer *s = to_pm(dev);
	int rc;

	*val = ~0ULL;
	pthread_mutex_lock(&s->lock);
	rc = reg_read(s, off, size, val);
	pthread_mutex_unlock(&s->lock);
	return rc;
}

static int reg_write(struct pmtimer *s, uint64_t off, unsigned int size,
		     uint64_t val)
{
	if (off == PM1_STS && (size == 2 || size == 4)) {
		update(s);
		s->sts &= (uint16_t) ~(val & PM1_EVENTS); /* write 1 to clear */
		if (size == 4)
			s->en = (uint16_t)((val >> 16) & PM1_EVENTS);
	} else if (off == PM1_EN && size == 2) {
		s->en = (uint16_t)(val & PM1_EVENTS);
	} else {
		return dev_ignore(&s->dev, "write", off, size);
	}
	update(s);
	return 0;
}

static int pmtimer_write(struct hv_dev *dev, uint64_t off, unsigned int size,
			 uint64_t val)
{
	struct pmtimer *s = to_pm(dev);
	int rc;

	pthread_mutex_lock(&s->lock);
	rc = reg_write(s, off, size, val);
	pthread_mutex_unlock(&s->lock);
	return rc;
}

void pmtimer_press(struct hv_dev *dev, enum pmtimer_button button)
{
	struct pmtimer *s = to_pm(dev);

	pthread_mutex_lock(&s->lock);
	s->sts |= button == PMTIMER_SLEEP_BUTTON ? PM1_SLPBTN_STS
						 : PM1_PWRBTN_STS;
	update(s);
	pthread_mutex_unlock(&s->lock);
}

static void pmtimer_reset(struct hv_dev *dev)
{
	struct pmtimer *s = to_pm(dev);

	pthread_mutex_lock(&s->lock);
	s->start_ns = s->env.now_ns(s->env.opaque);
	s->last = 0;
	s->sts = s->en = 0;
	update(s);
	pthread_mutex_unlock(&s->lock);
}

static void pmtimer_destroy(struct hv_dev *dev)
{
	struct pmtimer *s = to_pm(dev);

	pthread_mutex_destroy(&s->lock);
	free(s);
}

uint32_t pmtimer_counter(struct hv_dev *dev)
{
	struct pmtimer *s = to_pm(dev);
	uint32_t v;

	pthread_mutex_lock(&s->lock);
	v = counter(s);
	pthread_mutex_unlock(&s->lock);
	return v;
}

static const struct hv_dev_ops pmtimer_ops = {
	.name = "pmtimer",
	.read = pmtimer_read,
	.write = pmtimer_write,
	.reset = pmtimer_reset,
	.destroy = pmtimer_destroy,
};

int pmtimer_create(const struct pmtimer_env *env, struct hv_dev **out)
{
	struct pmtimer *s;

	*out = NULL;
	if (!env->now_ns || !env->set_sci)
		return -EINVAL;
	s = calloc(1, sizeof(*s));
	if (!s)
		return -ENOMEM;
	s->dev.ops = &pmtimer_ops;
	s->env = *env;
	pthread_mutex_init(&s->lock, NULL);
	s->start_ns = env->now_ns(env->opaque);
	*out = &s->dev;
	return 0;
}
