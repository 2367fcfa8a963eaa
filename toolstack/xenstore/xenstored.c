/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The daemon state: creation with the initial tree and quotas, and
 * teardown. See xenstored.h.
 */
#include "xenstored/xenstored.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "xenstored/conn.h"
#include "xenstored/store.h"

/* Xen's defaults where it has one (xenstored --help, Xen 4.17). */
#define QUOTA_WATCHES 128
#define QUOTA_TRANSACTIONS 10
#define QUOTA_NODES 1000
#define QUOTA_VALUE_LEN 2048
#define QUOTA_PERMS 5
#define QUOTA_TXN_NODES 1024
/* Ours: bounds on what dom0 clients can make the daemon hold. */
#define QUOTA_TXN_NODES_PRIV 65536
#define QUOTA_STORE_NODES 1000000
#define QUOTA_OUT_BYTES (4u * 1024u * 1024u)

void xenstored_quota_defaults(struct xenstored_quota *q)
{
	memset(q, 0, sizeof(*q));
	q->max_watches = QUOTA_WATCHES;
	q->max_transactions = QUOTA_TRANSACTIONS;
	q->max_nodes = QUOTA_NODES;
	q->max_value_len = QUOTA_VALUE_LEN;
	q->max_perms = QUOTA_PERMS;
	q->max_txn_nodes = QUOTA_TXN_NODES;
	q->max_txn_nodes_priv = QUOTA_TXN_NODES_PRIV;
	q->max_store_nodes = QUOTA_STORE_NODES;
	q->max_out_bytes = QUOTA_OUT_BYTES;
}

/* The nodes Xen's xenstored starts with; all "n0" like the root. */
static int add_initial_nodes(struct store *st)
{
	struct store_node *tool, *xsd;
	int rc;

	rc = store_add_child(st, st->root, "tool", 4, &st->root->perms, &tool);
	if (rc)
		return rc;
	return store_add_child(st, tool, "xenstored", 9, &st->root->perms,
			       &xsd);
}

int xenstored_create(const struct xenstored_quota *q, struct xenstored **out)
{
	struct xenstored *xs = calloc(1, sizeof(*xs));
	int rc;

	if (!xs)
		return -ENOMEM;
	if (q)
		xs->quota = *q;
	else
		xenstored_quota_defaults(&xs->quota);
	rc = store_create(&xs->store);
	if (!rc)
		rc = add_initial_nodes(xs->store);
	if (rc) {
		xenstored_destroy(xs);
		return rc;
	}
	*out = xs;
	return 0;
}

void xenstored_destroy(struct xenstored *xs)
{
	if (!xs)
		return;
	while (xs->conns)
		conn_destroy(xs->conns);
	store_destroy(xs->store);
	domtab_destroy(&xs->domains);
	free(xs);
}

void xenstored_set_domain_ops(struct xenstored *xs,
			      const struct xenstored_domain_ops *ops,
			      void *priv)
{
	xs->dom_ops = ops;
	xs->dom_priv = priv;
}
