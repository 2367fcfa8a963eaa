/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * WATCH, UNWATCH and RESET_WATCHES (docs/misc/xenstore.txt). A new watch
 * fires once straight after its OK, with the path as registered. tx_id
 * is ignored, as the specification says.
 */
#include "xenstored/ops.h"

#include <errno.h>

#include "xenstored/access.h"
#include "xenstored/conn.h"
#include "hypervisor/log.h"
#include "xenstored/path.h"
#include "xenstored/txn.h"
#include "xenstored/watch.h"

/*
 * Parses "path\0token\0": more strings are allowed (xenstore.txt reserves
 * a trailing one) and ignored.
 */
static int watch_args(const struct proto_req *r, char *path, size_t *prefix_len,
		      const char **token)
{
	const char *v[2];
	struct access a;

	if (proto_strings(r, v, 2) < 2)
		return -EINVAL;
	*token = v[1];
	access_init(&a, r->c, NULL);
	return access_path(&a, v[0], true, path, prefix_len);
}

int ops_watch_watch(const struct proto_req *r)
{
	char path[PATH_BUF_SIZE];
	const struct watch *w;
	const char *token;
	size_t prefix;
	int rc;

	rc = watch_args(r, path, &prefix, &token);
	if (!rc)
		rc = watch_add(r->c, path, token, prefix);
	if (rc == -E2BIG)
		log_dom_debug(r->c->domid, "watch",
			      "connection %u is at its watch quota", r->c->id);
	if (rc)
		return rc;
	rc = proto_ack(r);
	if (rc)
		return rc;
	/* The watch was appended: it is the last one. */
	for (w = r->c->watches; w->next; w = w->next)
		;
	conn_queue_event(r->c, watch_report_path(w, path), token);
	return 0;
}

int ops_watch_unwatch(const struct proto_req *r)
{
	char path[PATH_BUF_SIZE];
	const char *token;
	size_t prefix;
	int rc;

	rc = watch_args(r, path, &prefix, &token);
	if (!rc)
		rc = watch_remove(r->c, path, token);
	return rc ? rc : proto_ack(r);
}

int ops_watch_reset(const struct proto_req *r)
{
	/* xenstore.txt: all watches and transactions of the caller. */
	watch_remove_all(r->c);
	txn_abort_all(r->c);
	return proto_ack(r);
}
