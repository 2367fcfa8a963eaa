/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test helpers for hvm-xenstored: an in-process client that feeds
 * requests to a connection and collects what it queues, and a daemon
 * thread with a real socket plus a blocking socket client with timeouts.
 *
 * Payloads and replies are written in xenstore.txt notation: '|' stands
 * for a NUL byte. tc_call(t, XS_WRITE, 0, "/a|v") sends "/a\0v" and
 * returns "OK|"; an error reply comes back as "ERR ENOENT". Test-only.
 */
#ifndef XENSTORED_TEST_CLIENT_H
#define XENSTORED_TEST_CLIENT_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <xen/io/xs_wire.h>

#include "hvm_test.h"

#define TC_MAX_EVENTS 256
#define TC_STR_MAX (2 * XENSTORE_PAYLOAD_MAX + 32)

#define CHECK_STREQ(expected, seen)                                            \
	do {                                                                   \
		const char *e_ = (expected), *s_ = (seen);                     \
		if (strcmp(e_, s_))                                            \
			hvm_test_fail(__FILE__, __LINE__,                      \
				      "%s: expected \"%s\", saw \"%s\"",       \
				      #seen, e_, s_);                          \
	} while (0)

struct xenstored;
struct conn;

struct test_msg {
	struct xsd_sockmsg hdr;
	char data[XENSTORE_PAYLOAD_MAX + 1];
};

struct tc {
	struct conn *c;
	char *events[TC_MAX_EVENTS]; /* "path|token|", oldest first */
	unsigned int nr_events;
	char last[TC_STR_MAX]; /* tc_call()'s result */
	char ev[TC_STR_MAX];   /* tc_event()'s result */
};

/* A fresh daemon state with default quotas (the test fails if not). */
struct xenstored *test_xs_new(void);

/* An in-process client of @xs acting as domain @domid. */
struct tc *tc_new(struct xenstored *xs, uint32_t domid);
void tc_free(struct tc *t);

/* Converts '|' notation to bytes in @buf; returns the length. */
size_t tc_encode(const char *s, char *buf, size_t cap);

/* Renders payload bytes in '|' notation ("ERR <name>" for XS_ERROR). */
const char *tc_render(const struct test_msg *m, char *buf, size_t cap);

/*
 * Sends one request and returns its rendered reply (valid until the next
 * call). Fails the test unless exactly one reply with the request's type
 * or XS_ERROR and matching req_id / tx_id came back; events queued before
 * or after it are kept for tc_event().
 */
const char *tc_call(struct tc *t, uint32_t type, uint32_t tx_id,
		    const char *payload);

/* Like tc_call() with a raw payload of @len bytes. */
const char *tc_call_raw(struct tc *t, uint32_t type, uint32_t tx_id,
			const void *data, size_t len);

/* The oldest unread event as "path|token|", or "" if none. */
const char *tc_event(struct tc *t);

/* Drops all unread events; returns how many there were. */
unsigned int tc_clear_events(struct tc *t);

/* Starts a transaction and returns its id (the test fails if it cannot). */
uint32_t tc_txn_start(struct tc *t);

/* Moves every message queued on the connection into @out (up to @max). */
unsigned int tc_take(struct tc *t, struct test_msg *out, unsigned int max);

/* A daemon serving @xs on a temporary socket from its own thread. */
struct test_daemon {
	struct xenstored *xs;
	struct sock_server *srv;
	pthread_t thread;
	char dir[64];
	char path[128];
};

/* Starts it (the test fails if it cannot); stop it with test_daemon_stop. */
void test_daemon_start(struct test_daemon *d);
void test_daemon_stop(struct test_daemon *d);

/* A blocking socket client; -1 on failure. */
int sc_connect(const char *path);

/* Sends a header + raw payload; 0 or -errno. */
int sc_send_raw(int fd, uint32_t type, uint32_t tx_id, const void *data,
		size_t len);

/*
 * Receives one message within @timeout_ms: 0, -ETIMEDOUT, -ECONNRESET on
 * end of stream, or another -errno.
 */
int sc_recv(int fd, struct test_msg *m, int timeout_ms);

/*
 * Sends a request in '|' notation and returns the rendered reply, skipping
 * (and counting in *@events if not NULL) watch events. Timeouts and
 * closed connections come back as "TIMEOUT" / "CLOSED".
 */
const char *sc_call(int fd, uint32_t type, uint32_t tx_id, const char *payload,
		    char *buf, size_t cap, unsigned int *events);

#endif /* XENSTORED_TEST_CLIENT_H */
