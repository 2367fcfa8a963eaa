/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Answer lines to one hvmctl request (hvmd_proto.h): data, msg, and the
 * final ok or error. A client that went away is not an error for hvmd.
 */
#include <stdarg.h>
#include <stdio.h>

#include "hvmd/hvmd_proto.h"
#include "hvmd_priv.h"

static void send_fields(struct hvmd_reply *r, const char *const *f,
			unsigned int nr)
{
	if (r->fd < 0)
		return;
	if (hvmd_proto_send(r->fd, f, nr) < 0)
		r->fd = -1;
}

void hvmd_reply_data(struct hvmd_reply *r, const char *const *f,
		     unsigned int nr)
{
	const char *all[HVMD_PROTO_MAX_FIELDS];
	unsigned int i;

	if (nr + 1 > HVMD_PROTO_MAX_FIELDS)
		nr = HVMD_PROTO_MAX_FIELDS - 1;
	all[0] = "data";
	for (i = 0; i < nr; i++)
		all[i + 1] = f[i];
	send_fields(r, all, nr + 1);
}

void hvmd_reply_msg(struct hvmd_reply *r, const char *fmt, ...)
{
	char text[1024], clean[1024];
	const char *f[2] = {"msg", clean};
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	hvmd_proto_sanitise(clean, sizeof(clean), text);
	send_fields(r, f, 2);
}

void hvmd_reply_ok(struct hvmd_reply *r)
{
	const char *f[1] = {"ok"};

	if (r->done)
		return;
	r->done = true;
	send_fields(r, f, 1);
}

void hvmd_reply_err(struct hvmd_reply *r, int code, const char *fmt, ...)
{
	char text[1024], clean[1024], num[16];
	const char *f[3] = {"error", num, clean};
	va_list ap;

	if (r->done)
		return;
	r->done = true;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	hvmd_proto_sanitise(clean, sizeof(clean), text);
	snprintf(num, sizeof(num), "%d", code);
	send_fields(r, f, 3);
}
