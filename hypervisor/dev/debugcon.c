/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Debug console, port 0xE9 (Bochs/Xen convention; firmware.md 4.1): byte
 * writes collect into a line buffer, emitted on '\n' or when full.
 * Non-printable bytes become '?', so guest output can never forge log
 * structure. Reads are not implemented (all-ones), as in Xen. Every vCPU
 * thread (and console_io) writes here, so the line buffer is locked. Left
 * out: rate limiting beyond the line cap (TODO(#3): log_guest_* limits).
 */
#include "hypervisor/debugcon.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>

#define DEBUGCON_REG_DATA 0
#define DEBUGCON_LINE_MAX 256

struct debugcon {
	struct hv_dev dev;
	debugcon_line_fn emit;
	void *opaque;
	pthread_mutex_t lock; /* vCPU threads write concurrently */
	unsigned int len;
	char line[DEBUGCON_LINE_MAX + 1];
};

static struct debugcon *to_debugcon(struct hv_dev *dev)
{
	return (struct debugcon *)((char *)dev -
				   offsetof(struct debugcon, dev));
}

static void flush_line(struct debugcon *s)
{
	s->line[s->len] = '\0';
	s->emit(s->opaque, s->line);
	s->len = 0;
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
	s->dev.ops = &debugcon_ops;
	s->emit = emit;
	s->opaque = opaque;
	*out = &s->dev;
	return 0;
}
