/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * One client connection, independent of its transport: framing of the
 * xenstore wire protocol (struct xsd_sockmsg header + payload, at most
 * XENSTORE_PAYLOAD_MAX bytes), the queue of replies and watch events, and
 * the connection's watches and transactions. The domid decides what the
 * connection may do: 0 is privileged (dom0 sockets), others are guests.
 *
 * A transport reads into the buffer conn_in_space() offers and reports
 * the bytes with conn_in_commit(), which runs each request once complete;
 * it sends what conn_out_peek() shows and reports it with
 * conn_out_advance(). Requests never block. A connection that breaks the
 * protocol (oversized message) or lets output pile up is marked dead with
 * a logged reason; its transport then closes it with conn_destroy().
 */
#ifndef XENSTORED_CONN_H
#define XENSTORED_CONN_H

#include <errno.h> /* before xs_wire.h: enables its xsd_errors */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <xen/io/xs_wire.h>

struct xenstored;
struct watch;
struct txn;

/* Output above this many bytes stops reading requests (backpressure). */
#define CONN_OUT_SOFT_MAX (64u * 1024u)

struct conn_transport {
	const char *name; /* for logs: "socket", "ring", "test" */
	/* Optional: output was queued (e.g. kick an event channel). */
	void (*notify)(void *priv);
};

struct conn_msg {
	struct conn_msg *next;
	size_t len; /* header + payload */
	unsigned char data[];
};

struct conn {
	struct conn *prev, *next; /* in xenstored.conns */
	struct xenstored *xs;
	unsigned int id;
	uint32_t domid;
	bool privileged;
	bool dead;
	const struct conn_transport *tp;
	void *tp_priv;

	struct xsd_sockmsg in_hdr;
	size_t in_hdr_have; /* header bytes received */
	char *in_buf;	    /* XENSTORE_PAYLOAD_MAX + 1 bytes */
	size_t in_have;	    /* payload bytes received */

	struct conn_msg *out_head, *out_tail;
	size_t out_off;	  /* bytes of out_head already sent */
	size_t out_bytes; /* queued bytes, sent ones excluded */

	struct watch *watches;
	unsigned int nr_watches;
	struct txn *txns;
	unsigned int nr_txns;
	uint32_t next_txn_id;
};

/*
 * Creates a connection for @domid on transport @tp (its @priv is passed to
 * the hooks) and adds it to @xs. Returns 0 or -ENOMEM.
 */
int conn_create(struct xenstored *xs, uint32_t domid,
		const struct conn_transport *tp, void *priv, struct conn **out)
	__attribute__((warn_unused_result));

/*
 * Ends the connection's transactions, removes its watches and queued
 * output, unlinks and frees it. Accepts NULL. Never call it from inside
 * request processing; mark the connection dead instead.
 */
void conn_destroy(struct conn *c);

/*
 * The buffer for the next input bytes and how many the current message
 * still needs (header first, then payload). 0 once the connection is dead.
 */
size_t conn_in_space(struct conn *c, void **buf);

/*
 * @n bytes (at most what conn_in_space() offered) were written to its
 * buffer. Checks a completed header and runs a completed request.
 */
void conn_in_commit(struct conn *c, size_t n);

/*
 * Copies up to @len bytes from @data through conn_in_space() /
 * conn_in_commit() and returns how many were taken (fewer only when the
 * connection died). For in-process callers and tests.
 */
size_t conn_feed(struct conn *c, const void *data, size_t len);

/* True while the connection is alive and its output is below the soft cap. */
bool conn_wants_input(const struct conn *c);

bool conn_has_output(const struct conn *c);

/* The unsent bytes of the first queued message; 0 if none. */
size_t conn_out_peek(const struct conn *c, const void **data);

/* @n bytes of what conn_out_peek() showed were sent. */
void conn_out_advance(struct conn *c, size_t n);

/*
 * Queues a message with header @type / @req_id / @tx_id and @len (at most
 * XENSTORE_PAYLOAD_MAX) payload bytes. Never fails from the caller's view:
 * if it cannot queue (no memory, output above quota.max_out_bytes) it
 * marks the connection dead, because the peer would lose sync otherwise.
 */
void conn_queue(struct conn *c, uint32_t type, uint32_t req_id, uint32_t tx_id,
		const void *data, size_t len);

/* Queues a WATCH_EVENT "@path\0@token\0"; drops it if it would not fit. */
void conn_queue_event(struct conn *c, const char *path, const char *token);

/* Marks @c dead and logs why, once. */
void conn_kill(struct conn *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif /* XENSTORED_CONN_H */
