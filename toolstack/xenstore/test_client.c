/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test helpers for hvm-xenstored (see test_client.h).
 */
#include "test_client.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "xenstored/conn.h"
#include "xenstored/sock_server.h"
#include "xenstored/xenstored.h"

#define HDR sizeof(struct xsd_sockmsg)

static const struct conn_transport test_transport = {.name = "test"};

struct xenstored *test_xs_new(void)
{
	struct xenstored *xs = NULL;

	CHECK_EQ(0, xenstored_create(NULL, &xs));
	return xs;
}

struct tc *tc_new(struct xenstored *xs, uint32_t domid)
{
	struct tc *t = calloc(1, sizeof(*t));

	CHECK(t != NULL);
	if (t)
		CHECK_EQ(0,
			 conn_create(xs, domid, &test_transport, NULL, &t->c));
	return t;
}

void tc_free(struct tc *t)
{
	if (!t)
		return;
	tc_clear_events(t);
	conn_destroy(t->c);
	free(t);
}

size_t tc_encode(const char *s, char *buf, size_t cap)
{
	size_t n = 0;

	for (; *s && n < cap; s++)
		buf[n++] = *s == '|' ? '\0' : *s;
	return n;
}

const char *tc_render(const struct test_msg *m, char *buf, size_t cap)
{
	size_t i, n = 0, len = m->hdr.len;

	if (m->hdr.type == XS_ERROR) {
		snprintf(buf, cap, "ERR %.*s", (int)(len ? len - 1 : 0),
			 m->data);
		return buf;
	}
	for (i = 0; i < len && n + 1 < cap; i++)
		buf[n++] = m->data[i] ? m->data[i] : '|';
	buf[n] = '\0';
	return buf;
}

unsigned int tc_take(struct tc *t, struct test_msg *out, unsigned int max)
{
	unsigned int nr = 0;
	const void *data;
	size_t len;

	while ((len = conn_out_peek(t->c, &data))) {
		/* Messages are queued whole; peek shows one at a time. */
		if (nr < max) {
			memcpy(&out[nr], data,
			       len < sizeof(out[nr]) ? len : sizeof(out[nr]));
			out[nr].data[out[nr].hdr.len] = '\0';
		}
		nr++;
		conn_out_advance(t->c, len);
	}
	return nr;
}

static void keep_event(struct tc *t, const struct test_msg *m)
{
	char buf[TC_STR_MAX];

	if (t->nr_events == TC_MAX_EVENTS) {
		hvm_test_fail(__FILE__, __LINE__, "more than %d unread events",
			      TC_MAX_EVENTS);
		return;
	}
	t->events[t->nr_events++] = strdup(tc_render(m, buf, sizeof(buf)));
}

/* Moves queued events to the event list; returns the non-events. */
static unsigned int collect(struct tc *t, struct test_msg *replies,
			    unsigned int max)
{
	static struct test_msg msgs[TC_MAX_EVENTS + 8];
	unsigned int i, nr, nr_replies = 0;

	nr = tc_take(t, msgs, TC_MAX_EVENTS + 8);
	CHECK(nr <= TC_MAX_EVENTS + 8);
	for (i = 0; i < nr && i < TC_MAX_EVENTS + 8; i++) {
		if (msgs[i].hdr.type == XS_WATCH_EVENT)
			keep_event(t, &msgs[i]);
		else if (nr_replies < max)
			replies[nr_replies++] = msgs[i];
		else
			nr_replies++;
	}
	return nr_replies;
}

const char *tc_call_raw(struct tc *t, uint32_t type, uint32_t tx_id,
			const void *data, size_t len)
{
	static struct test_msg reply;
	struct xsd_sockmsg hdr = {.type = type,
				  .req_id = 77,
				  .tx_id = tx_id,
				  .len = (uint32_t)len};
	unsigned int nr;

	conn_feed(t->c, &hdr, HDR);
	conn_feed(t->c, data, len);
	nr = collect(t, &reply, 1);
	if (nr != 1) {
		hvm_test_fail(__FILE__, __LINE__, "%u replies to one request",
			      nr);
		return "NO REPLY";
	}
	if ((reply.hdr.type != type && reply.hdr.type != XS_ERROR) ||
	    reply.hdr.req_id != 77 || reply.hdr.tx_id != tx_id)
		hvm_test_fail(
			__FILE__, __LINE__,
			"reply header type %u req %u tx %u to type %u tx %u",
			reply.hdr.type, reply.hdr.req_id, reply.hdr.tx_id, type,
			tx_id);
	return tc_render(&reply, t->last, sizeof(t->last));
}

const char *tc_call(struct tc *t, uint32_t type, uint32_t tx_id,
		    const char *payload)
{
	char buf[XENSTORE_PAYLOAD_MAX + 64];
	size_t len = tc_encode(payload, buf, sizeof(buf));

	return tc_call_raw(t, type, tx_id, buf, len);
}

const char *tc_event(struct tc *t)
{
	static struct test_msg none;

	collect(t, &none, 0);
	if (!t->nr_events)
		return "";
	snprintf(t->ev, sizeof(t->ev), "%s", t->events[0]);
	free(t->events[0]);
	memmove(&t->events[0], &t->events[1],
		(--t->nr_events) * sizeof(t->events[0]));
	return t->ev;
}

unsigned int tc_clear_events(struct tc *t)
{
	static struct test_msg none;
	unsigned int nr;

	collect(t, &none, 0);
	nr = t->nr_events;
	while (t->nr_events)
		free(t->events[--t->nr_events]);
	return nr;
}

uint32_t tc_txn_start(struct tc *t)
{
	const char *r = tc_call(t, XS_TRANSACTION_START, 0, "|");
	unsigned long id = strtoul(r, NULL, 10);

	CHECK(id != 0);
	return (uint32_t)id;
}

static void *daemon_main(void *arg)
{
	struct test_daemon *d = arg;

	CHECK_EQ(0, sock_server_run(d->srv));
	return NULL;
}

void test_daemon_start(struct test_daemon *d)
{
	memset(d, 0, sizeof(*d));
	snprintf(d->dir, sizeof(d->dir), "/tmp/hvm-xs-test.XXXXXX");
	CHECK(mkdtemp(d->dir) != NULL);
	snprintf(d->path, sizeof(d->path), "%s/socket", d->dir);
	d->xs = test_xs_new();
	CHECK_EQ(0, sock_server_create(d->xs, d->path, &d->srv));
	CHECK_EQ(0, pthread_create(&d->thread, NULL, daemon_main, d));
}

void test_daemon_stop(struct test_daemon *d)
{
	sock_server_stop(d->srv);
	CHECK_EQ(0, pthread_join(d->thread, NULL));
	sock_server_destroy(d->srv);
	xenstored_destroy(d->xs);
	CHECK_EQ(0, rmdir(d->dir));
}

int sc_connect(const char *path)
{
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

	if (fd < 0)
		return -1;
	snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", path);
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa))) {
		close(fd);
		return -1;
	}
	return fd;
}

static int send_all(int fd, const void *data, size_t len)
{
	const char *p = data;
	ssize_t n;

	while (len) {
		n = send(fd, p, len, MSG_NOSIGNAL);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int sc_send_raw(int fd, uint32_t type, uint32_t tx_id, const void *data,
		size_t len)
{
	struct xsd_sockmsg hdr = {.type = type,
				  .req_id = 0,
				  .tx_id = tx_id,
				  .len = (uint32_t)len};
	int rc = send_all(fd, &hdr, HDR);

	return rc ? rc : send_all(fd, data, len);
}

static int recv_all(int fd, void *buf, size_t len, int timeout_ms)
{
	struct pollfd p = {.fd = fd, .events = POLLIN};
	char *q = buf;
	ssize_t n;

	while (len) {
		n = poll(&p, 1, timeout_ms);
		if (n == 0)
			return -ETIMEDOUT;
		if (n < 0)
			return -errno;
		n = recv(fd, q, len, 0);
		if (n == 0)
			return -ECONNRESET;
		if (n < 0)
			return -errno;
		q += n;
		len -= (size_t)n;
	}
	return 0;
}

int sc_recv(int fd, struct test_msg *m, int timeout_ms)
{
	int rc = recv_all(fd, &m->hdr, HDR, timeout_ms);

	if (!rc && m->hdr.len > XENSTORE_PAYLOAD_MAX)
		return -EPROTO;
	if (!rc)
		rc = recv_all(fd, m->data, m->hdr.len, timeout_ms);
	if (!rc)
		m->data[m->hdr.len] = '\0';
	return rc;
}

const char *sc_call(int fd, uint32_t type, uint32_t tx_id, const char *payload,
		    char *buf, size_t cap, unsigned int *events)
{
	char raw[XENSTORE_PAYLOAD_MAX + 64];
	static struct test_msg m;
	size_t len = tc_encode(payload, raw, sizeof(raw));
	int rc = sc_send_raw(fd, type, tx_id, raw, len);

	while (!rc) {
		rc = sc_recv(fd, &m, 5000);
		if (rc || m.hdr.type != XS_WATCH_EVENT)
			break;
		if (events)
			(*events)++;
	}
	if (rc == -ETIMEDOUT)
		return "TIMEOUT";
	if (rc)
		return "CLOSED";
	return tc_render(&m, buf, cap);
}
