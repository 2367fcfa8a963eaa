/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Debug console, port 0xE9 (Bochs/Xen convention; firmware.md 4.1): byte
 * writes collect into a line buffer, emitted on '\n' or when full.
 * Non-printable bytes become '?', so guest output can never forge log
 * structure. Reads are not implemented (all-ones), as in Xen. Every vCPU
 * thread (and console_io) writes here, so the line buffer is locked. The
 * guest decides how much it writes, and every line lands in the domain's
 * log file: after a burst (a firmware boot prints a few hundred lines), at
 * most DEBUGCON_LINES_PER_SEC lines a second go through, and the log says
 * when lines are dropped and how many.
 */
#include "hypervisor/debugcon.h"

#include "hypervisor/clock_ms.h"
#include "hypervisor/log.h"
#include "hypervisor/ratelimit.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>

#define DEBUGCON_REG_DATA 0
#define DEBUGCON_LINE_MAX 256
#define DEBUGCON_LINES_BURST 2000
#define DEBUGCON_LINES_PER_SEC 20

struct debugcon {
	struct hv_dev dev;
	debugcon_line_fn emit;
	void *opaque;
	pthread_mutex_t lock; /* vCPU threads write concurrently */
	struct ratelimit limit;
	unsigned int len;
	char line[DEBUGCON_LINE_MAX + 1];
};

static struct debugcon *to_debugcon(struct hv_dev *dev)
{
	return (struct debugcon *)((char *)dev -
				   offsetof(struct debugcon, dev));
}

static void report_dropped(uint64_t dropped)
{
	log_warn("console",
		 "dropped %llu lines of the guest's debug console output",
		 (unsigned long long)dropped);
}

static void flush_line(struct debugcon *s)
{
	uint64_t dropped;

	s->line[s->len] = '\0';
	s->len = 0;
	if (!ratelimit_allow(&s->limit, clock_ms_now(), &dropped)) {
		if (s->limit.dropped == 1)
			log_warn(
				"console",
				"the guest writes more than %u lines a second "
				"to its debug console; dropping lines until it "
				"writes less",
				DEBUGCON_LINES_PER_SEC);
		return;
	}
	if (dropped)
		report_dropped(dropped);
	s->emit(s->opaque, s->line);
}

static int debugcon_read(struct hv_dev *dev, uint64_t off, unsigned int size,
			 uint64_t *val)
{
	*val = ~0ULL;
	return dev_ignore(dev, "read", off, size);
}

static int debugcon_write(struct hv_dev *dev, uint64_t off, unsigned int size,
			  uint64_t val)
{
	struct debugcon *s = to_debugcon(dev);
	char c = (char)(val & 0xff);

	if (size != 1 || off != DEBUGCON_REG_DATA)
		return dev_ignore(dev, "write", off, size);
	if (c == '\r')
		return 0;
	if (c == '\t')
		c = ' ';
	pthread_mutex_lock(&s->lock);
	if (c == '\n') {
		flush_line(s);
	} else {
		s->line[s->len++] = (c >= 0x20 && c < 0x7f) ? c : '?';
		if (s->len >= DEBUGCON_LINE_MAX)
			flush_line(s);
	}
	pthread_mutex_unlock(&s->lock);
	return 0;
}

static void debugcon_reset(struct hv_dev *dev)
{
	struct debugcon *s = to_debugcon(dev);

	pthread_mutex_lock(&s->lock);
	s->len = 0;
	pthread_mutex_unlock(&s->lock);
}

static void debugcon_destroy(struct hv_dev *dev)
{
	struct debugcon *s = to_debugcon(dev);

	if (s->len)
		flush_line(s);
	if (s->limit.dropped)
		report_dropped(s->limit.dropped);
	pthread_mutex_destroy(&s->lock);
	free(s);
}

static const struct hv_dev_ops debugcon_ops = {
	.name = "debugcon",
	.read = debugcon_read,
	.write = debugcon_write,
	.reset = debugcon_reset,
	.destroy = debugcon_destroy,
};

int debugcon_create(debugcon_line_fn emit, void *opaque, struct hv_dev **out)
{
	struct debugcon *s = calloc(1, sizeof(*s));

	*out = NULL;
	if (!s)
		return -ENOMEM;
	pthread_mutex_init(&s->lock, NULL);
	ratelimit_init(&s->limit, DEBUGCON_LINES_BURST, DEBUGCON_LINES_PER_SEC);
	s->dev.ops = &debugcon_ops;
	s->emit = emit;
	s->opaque = opaque;
	*out = &s->dev;
	return 0;
}
