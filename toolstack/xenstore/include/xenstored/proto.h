/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Request dispatch for the xenstore wire protocol (dm-abi.md 6.2): a table
 * indexed by message type with each handler and its flags (dom0 only,
 * runs inside a transaction). Unknown or unsupported types get ENOSYS,
 * dom0-only requests from guests EACCES, an unknown tx_id ENOENT. Every
 * request gets exactly one reply with its type, req_id and tx_id, or an
 * XS_ERROR reply whose payload is the errno name ("EINVAL\0") from
 * <xen/io/xs_wire.h>. Handlers return 0 once they queued their reply, or
 * a negative errno for the error reply.
 */
#ifndef XENSTORED_PROTO_H
#define XENSTORED_PROTO_H

#include <stddef.h>
#include <stdint.h>

#include "xenstored/conn.h"

struct txn;

struct proto_req {
	struct conn *c;
	struct xsd_sockmsg hdr;
	const char *data; /* hdr.len bytes, followed by a NUL we added */
	size_t len;
	struct txn *t; /* the request's transaction, or NULL */
};

typedef int (*proto_fn)(const struct proto_req *r);

/* Runs one complete request of @c; @data has @hdr->len bytes + a NUL. */
void proto_handle(struct conn *c, const struct xsd_sockmsg *hdr,
		  const char *data);

/* Queues the reply; -E2BIG (nothing queued) above XENSTORE_PAYLOAD_MAX. */
int proto_reply(const struct proto_req *r, const void *data, size_t len)
	__attribute__((warn_unused_result));

/* Queues the reply "OK\0". Returns 0. */
int proto_ack(const struct proto_req *r) __attribute__((warn_unused_result));

/*
 * The payload as one string if it is exactly one NUL-terminated string,
 * else NULL (callers answer EINVAL).
 */
const char *proto_onearg(const struct proto_req *r);

/*
 * Splits the payload into its NUL-terminated strings: stores up to @max
 * of them in @v and returns how many there are. Bytes after the last NUL
 * are not a string.
 */
unsigned int proto_strings(const struct proto_req *r, const char **v,
			   unsigned int max);

/* Parses a domid: plain decimal, at most 65535. 0 or -EINVAL. */
int proto_parse_domid(const char *s, uint32_t *out)
	__attribute__((warn_unused_result));

/* The protocol name of message @type ("READ"), or "UNKNOWN". */
const char *proto_type_name(uint32_t type);

/* The xs_wire.h name of the positive errno @err; "EINVAL" if it has none. */
const char *proto_errno_name(int err);

#endif /* XENSTORED_PROTO_H */
