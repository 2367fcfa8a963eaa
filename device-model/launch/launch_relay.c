/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * QEMU's output, cut into lines for the log: each line becomes one log
 * line, so nothing QEMU prints can forge or split a log line (control
 * characters are masked, long lines cut into bounded pieces).
 */
#include "launch_priv.h"

#include <string.h>

void launch_relay_init(struct launch_relay *r, launch_line_fn *emit,
		       void *opaque)
{
	memset(r, 0, sizeof(*r));
	r->emit = emit;
	r->opaque = opaque;
}

static void relay_emit(struct launch_relay *r)
{
	size_t i;

	if (r->len && r->buf[r->len - 1] == '\r')
		r->len--;
	for (i = 0; i < r->len; i++)
		if ((unsigned char)r->buf[i] < 0x20 || r->buf[i] == 0x7f)
			r->buf[i] = '?';
	r->buf[r->len] = '\0';
	r->emit(r->opaque, r->buf);
	r->len = 0;
}

void launch_relay_feed(struct launch_relay *r, const char *data, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (data[i] == '\n') {
			relay_emit(r);
			continue;
		}
		r->buf[r->len++] = data[i];
		if (r->len == LAUNCH_LINE_MAX)
			relay_emit(r);
	}
}

void launch_relay_flush(struct launch_relay *r)
{
	if (r->len)
		relay_emit(r);
}
