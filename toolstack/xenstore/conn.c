/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Client connections: wire framing, the output queue, and connection
 * lifetime (see conn.h). Transport-neutral: no file descriptors here.
 */
#include "xenstored/conn.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hypervisor/log.h"
#include "xenstored/proto.h"
#include "xenstored/txn.h"
#include "xenstored/watch.h"
#include "xenstored/xenstored.h"

#define HDR_SIZE sizeof(struct xsd_sockmsg)

static void link_conn(struct xenstored *xs, struct conn *c)
{
	c->prev = xs->conns_tail;
	if (xs->conns_tail)
		xs->conns_tail->next = c;
	else
		xs->conns = c;
	xs->conns_tail = c;
	xs->nr_conns++;
}

static void unlink_conn(struct xenstored *xs, struct conn *c)
{
	if (c->prev)
		c->prev->next = c->next;
	else
		xs->conns = c->next;
	if (c->next)
		c->next->prev = c->prev;
	else
		xs->conns_tail = c->prev;
	xs->nr_conns--;
}

int conn_create(struct xenstored *xs, uint32_t domid,
		const struct conn_transport *tp, void *priv, struct conn **out)
{
	struct conn *c = calloc(1, sizeof(*c));

	if (!c)
		return -ENOMEM;
	/* One spare byte: a NUL after the payload keeps parsing in bounds. */
	c->in_buf = malloc(XENSTORE_PAYLOAD_MAX + 1);
	if (!c->in_buf) {
		free(c);
		return -ENOMEM;
	}
	c->xs = xs;
	c->id = ++xs->next_conn_id;
	c->domid = domid;
	c->privileged = domid == 0;
	c->tp = tp;
	c->tp_priv = priv;
	c->next_txn_id = 1;
	link_conn(xs, c);
	log_dom_info(domid, "conn", "connection %u opened on %s", c->id,
		     tp ? tp->name : "-");
	*out = c;
	return 0;
}

static void free_output(struct conn *c)
{
	struct conn_msg *m;

	while ((m = c->out_head)) {
		c->out_head = m->next;
		free(m);
	}
	c->out_tail = NULL;
	c->out_off = c->out_bytes = 0;
}

void conn_destroy(struct conn *c)
{
	if (!c)
		return;
	txn_abort_all(c);
	watch_remove_all(c);
	free_output(c);
	unlink_conn(c->xs, c);
	log_dom_info(c->domid, "conn", "connection %u closed", c->id);
	free(c->in_buf);
	free(c);
}

void conn_kill(struct conn *c, const char *fmt, ...)
{
	char why[256];
	va_list ap;

	if (c->dead)
		return;
	c->dead = true;
	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	log_dom_warn(c->domid, "conn", "closing connection %u: %s", c->id, why);
}

size_t conn_in_space(struct conn *c, void **buf)
{
	if (c->dead)
		return 0;
	if (c->in_hdr_have < HDR_SIZE) {
		*buf = (char *)&c->in_hdr + c->in_hdr_have;
		return HDR_SIZE - c->in_hdr_have;
	}
	*buf = c->in_buf + c->in_have;
	return c->in_hdr.len - c->in_have;
}

static void run_request(struct conn *c)
{
	struct xsd_sockmsg hdr = c->in_hdr;

	c->in_buf[hdr.len] = '\0';
	c->in_hdr_have = 0;
	c->in_have = 0;
	proto_handle(c, &hdr, c->in_buf);
}

void conn_in_commit(struct conn *c, size_t n)
{
	if (c->dead || !n)
		return;
	if (c->in_hdr_have < HDR_SIZE) {
		c->in_hdr_have += n;
		if (c->in_hdr_have < HDR_SIZE)
			return;
		/* xenstore.txt: an oversized message kills the connection. */
		if (c->in_hdr.len > XENSTORE_PAYLOAD_MAX) {
			conn_kill(c, "message of %u bytes exceeds %u",
				  c->in_hdr.len, XENSTORE_PAYLOAD_MAX);
			return;
		}
	} else {
		c->in_have += n;
	}
	if (c->in_have == c->in_hdr.len)
		run_request(c);
}

size_t conn_feed(struct conn *c, const void *data, size_t len)
{
	const char *p = data;
	size_t done = 0, space, n;
	void *buf;

	while (done < len) {
		space = conn_in_space(c, &buf);
		if (!space)
			break;
		n = space < len - done ? space : len - done;
		memcpy(buf, p + done, n);
		done += n;
		conn_in_commit(c, n);
	}
	return done;
}

bool conn_wants_input(const struct conn *c)
{
	return !c->dead && c->out_bytes < CONN_OUT_SOFT_MAX;
}

bool conn_has_output(const struct conn *c)
{
	return c->out_head != NULL;
}

size_t conn_out_peek(const struct conn *c, const void **data)
{
	if (!c->out_head)
		return 0;
	*data = c->out_head->data + c->out_off;
	return c->out_head->len - c->out_off;
}

void conn_out_advance(struct conn *c, size_t n)
{
	struct conn_msg *m;

	while (n && (m = c->out_head)) {
		size_t left = m->len - c->out_off;
		size_t step = n < left ? n : left;

		c->out_off += step;
		c->out_bytes -= step;
		n -= step;
		if (c->out_off < m->len)
			break;
		c->out_head = m->next;
		if (!c->out_head)
			c->out_tail = NULL;
		c->out_off = 0;
		free(m);
	}
}

static void append_msg(struct conn *c, struct conn_msg *m)
{
	m->next = NULL;
	if (c->out_tail)
		c->out_tail->next = m;
	else
		c->out_head = m;
	c->out_tail = m;
	c->out_bytes += m->len;
	if (c->tp && c->tp->notify)
		c->tp->notify(c->tp_priv);
}

void conn_queue(struct conn *c, uint32_t type, uint32_t req_id, uint32_t tx_id,
		const void *data, size_t len)
{
	struct xsd_sockmsg hdr = {.type = type,
				  .req_id = req_id,
				  .tx_id = tx_id,
				  .len = (uint32_t)len};
	struct conn_msg *m;

	if (c->dead)
		return;
	if (len > XENSTORE_PAYLOAD_MAX) {
		conn_kill(c, "internal error: reply of %zu bytes", len);
		return;
	}
	if (c->out_bytes + HDR_SIZE + len > c->xs->quota.max_out_bytes) {
		conn_kill(c, "%zu bytes of replies and events not read",
			  c->out_bytes);
		return;
	}
	m = malloc(sizeof(*m) + HDR_SIZE + len);
	if (!m) {
		conn_kill(c, "out of memory for a reply");
		return;
	}
	m->len = HDR_SIZE + len;
	memcpy(m->data, &hdr, HDR_SIZE);
	if (len)
		memcpy(m->data + HDR_SIZE, data, len);
	append_msg(c, m);
}

void conn_queue_event(struct conn *c, const char *path, const char *token)
{
	size_t plen = strlen(path) + 1, tlen = strlen(token) + 1;
	char buf[XENSTORE_PAYLOAD_MAX];

	/* As Xen: an event that cannot be sent in one message is dropped. */
	if (plen + tlen > sizeof(buf)) {
		log_dom_debug(c->domid, "watch",
			      "event too long for connection %u", c->id);
		return;
	}
	memcpy(buf, path, plen);
	memcpy(buf + plen, token, tlen);
	conn_queue(c, XS_WATCH_EVENT, 0, 0, buf, plen + tlen);
}
