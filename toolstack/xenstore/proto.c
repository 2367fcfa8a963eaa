/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Request dispatch through a table indexed by message type, the reply
 * helpers and payload parsing shared by the handlers (see proto.h).
 */
#include "xenstored/proto.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "hypervisor/log.h"
#include "xenstored/ops.h"
#include "xenstored/txn.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#define OP_PRIV 1u /* dom0 only: EACCES for guests */
#define OP_TXN 2u  /* runs inside the transaction named by tx_id */

struct proto_op {
	const char *name;
	proto_fn fn; /* NULL: not a request we serve (ENOSYS) */
	unsigned int flags;
};

static const struct proto_op proto_ops[XS_TYPE_COUNT] = {
	[XS_CONTROL] = {"CONTROL", NULL, OP_PRIV},
	[XS_DIRECTORY] = {"DIRECTORY", ops_query_directory, OP_TXN},
	[XS_READ] = {"READ", ops_query_read, OP_TXN},
	[XS_GET_PERMS] = {"GET_PERMS", ops_query_get_perms, OP_TXN},
	[XS_WATCH] = {"WATCH", ops_watch_watch, 0},
	[XS_UNWATCH] = {"UNWATCH", ops_watch_unwatch, 0},
	[XS_TRANSACTION_START] = {"TRANSACTION_START", ops_txn_start, 0},
	[XS_TRANSACTION_END] = {"TRANSACTION_END", ops_txn_end, OP_TXN},
	[XS_INTRODUCE] = {"INTRODUCE", ops_domain_introduce, OP_PRIV},
	[XS_RELEASE] = {"RELEASE", ops_domain_release, OP_PRIV},
	[XS_GET_DOMAIN_PATH] = {"GET_DOMAIN_PATH", ops_domain_get_path, 0},
	[XS_WRITE] = {"WRITE", ops_update_write, OP_TXN},
	[XS_MKDIR] = {"MKDIR", ops_update_mkdir, OP_TXN},
	[XS_RM] = {"RM", ops_update_rm, OP_TXN},
	[XS_SET_PERMS] = {"SET_PERMS", ops_update_set_perms, OP_TXN},
	[XS_WATCH_EVENT] = {"WATCH_EVENT", NULL, 0},
	[XS_ERROR] = {"ERROR", NULL, 0},
	[XS_IS_DOMAIN_INTRODUCED] = {"IS_DOMAIN_INTRODUCED",
				     ops_domain_is_introduced, OP_PRIV},
	[XS_RESUME] = {"RESUME", ops_domain_resume, OP_PRIV},
	[XS_SET_TARGET] = {"SET_TARGET", NULL, OP_PRIV},
	[XS_RESET_WATCHES] = {"RESET_WATCHES", ops_watch_reset, 0},
	[XS_DIRECTORY_PART] = {"DIRECTORY_PART", ops_query_directory_part,
			       OP_TXN},
};

const char *proto_type_name(uint32_t type)
{
	if (type < ARRAY_SIZE(proto_ops) && proto_ops[type].name)
		return proto_ops[type].name;
	return "UNKNOWN";
}

const char *proto_errno_name(int err)
{
	unsigned int i;

	/* The names libxenstore knows; it maps any other to EINVAL too. */
	for (i = 0; i < ARRAY_SIZE(xsd_errors); i++) {
		if (xsd_errors[i].errnum == err)
			return xsd_errors[i].errstring;
	}
	return "EINVAL";
}

int proto_reply(const struct proto_req *r, const void *data, size_t len)
{
	if (len > XENSTORE_PAYLOAD_MAX)
		return -E2BIG;
	conn_queue(r->c, r->hdr.type, r->hdr.req_id, r->hdr.tx_id, data, len);
	return 0;
}

int proto_ack(const struct proto_req *r)
{
	return proto_reply(r, "OK", 3);
}

static void reply_error(const struct proto_req *r, int rc)
{
	const char *name = proto_errno_name(-rc);

	conn_queue(r->c, XS_ERROR, r->hdr.req_id, r->hdr.tx_id, name,
		   strlen(name) + 1);
}

const char *proto_onearg(const struct proto_req *r)
{
	/* Exactly one NUL, and it ends the payload. */
	if (!r->len || strlen(r->data) + 1 != r->len)
		return NULL;
	return r->data;
}

unsigned int proto_strings(const struct proto_req *r, const char **v,
			   unsigned int max)
{
	const char *p = r->data, *end = r->data + r->len, *nul;
	unsigned int nr = 0;

	while (p < end && (nul = memchr(p, '\0', (size_t)(end - p)))) {
		if (nr < max)
			v[nr] = p;
		nr++;
		p = nul + 1;
	}
	return nr;
}

int proto_parse_domid(const char *s, uint32_t *out)
{
	unsigned long v;
	char *end;

	if (*s < '0' || *s > '9')
		return -EINVAL;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || v > 65535)
		return -EINVAL;
	*out = (uint32_t)v;
	return 0;
}

/* Checks the op's flags; sets r->t for transactional requests. */
static int check_op(struct proto_req *r, const struct proto_op *op)
{
	if ((op->flags & OP_PRIV) && !r->c->privileged)
		return -EACCES;
	if ((op->flags & OP_TXN) && r->hdr.tx_id) {
		r->t = txn_find(r->c, r->hdr.tx_id);
		if (!r->t)
			return -ENOENT;
	}
	return 0;
}

void proto_handle(struct conn *c, const struct xsd_sockmsg *hdr,
		  const char *data)
{
	struct proto_req r = {
		.c = c, .hdr = *hdr, .data = data, .len = hdr->len, .t = NULL};
	const struct proto_op *op = NULL;
	int rc;

	if (hdr->type < ARRAY_SIZE(proto_ops) && proto_ops[hdr->type].fn)
		op = &proto_ops[hdr->type];
	rc = op ? check_op(&r, op) : -ENOSYS;
	if (!rc)
		rc = op->fn(&r);
	if (rc) {
		log_dom_debug(c->domid, "proto",
			      "connection %u: %s (type %u) failed: %s", c->id,
			      proto_type_name(hdr->type),
			      (unsigned int)hdr->type, proto_errno_name(-rc));
		reply_error(&r, rc);
	}
}
