/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * TRANSACTION_START and TRANSACTION_END (docs/misc/xenstore.txt). START
 * must carry tx_id 0 (EBUSY otherwise, as Xen) and answers the new id in
 * decimal; END "T" commits (EAGAIN on conflict), "F" discards.
 */
#include "xenstored/ops.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "xenstored/conn.h"
#include "hypervisor/log.h"
#include "xenstored/txn.h"

int ops_txn_start(const struct proto_req *r)
{
	char buf[16];
	uint32_t id;
	int rc, n;

	if (r->hdr.tx_id)
		return -EBUSY;
	rc = txn_start(r->c, &id);
	if (rc)
		return rc;
	n = snprintf(buf, sizeof(buf), "%u", (unsigned int)id);
	log_dom_debug(r->c->domid, "txn",
		      "connection %u started transaction %u", r->c->id,
		      (unsigned int)id);
	return proto_reply(r, buf, (size_t)n + 1);
}

int ops_txn_end(const struct proto_req *r)
{
	const char *arg = proto_onearg(r);
	bool commit;
	int rc = 0;

	if (!r->t)
		return -ENOENT; /* tx_id 0 names no transaction */
	if (!arg || (strcmp(arg, "T") && strcmp(arg, "F")))
		return -EINVAL;
	commit = !strcmp(arg, "T");
	if (commit)
		rc = txn_commit(r->c, r->t);
	else
		txn_abort(r->c, r->t);
	log_dom_debug(r->c->domid, "txn", "connection %u %s transaction %u: %d",
		      r->c->id, commit ? "committed" : "aborted",
		      (unsigned int)r->hdr.tx_id, rc);
	return rc ? rc : proto_ack(r);
}
