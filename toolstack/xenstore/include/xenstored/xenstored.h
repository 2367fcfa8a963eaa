/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The daemon's state, independent of any transport: the tree, the open
 * connections, the introduced domains and the quotas. Transports (the Unix
 * socket now, guest rings later) create connections with conn_create() and
 * move bytes; everything else happens in the protocol layer. One instance
 * is driven from one thread; several instances may coexist (tests do).
 */
#ifndef XENSTORED_XENSTORED_H
#define XENSTORED_XENSTORED_H

#include <stddef.h>
#include <stdint.h>

#include "xenstored/domtab.h"

struct conn;
struct store;

/*
 * Limits, following Xen's xenstored defaults where it has one. "Per
 * connection" limits apply to every connection, dom0 sockets included, so
 * no client can grow the daemon without bound; the others apply only to
 * unprivileged domains, as in Xen.
 */
struct xenstored_quota {
	unsigned int max_watches;      /* per connection; E2BIG beyond */
	unsigned int max_transactions; /* open per connection; ENOSPC beyond */
	unsigned int max_nodes;	       /* owned per domain; ENOSPC beyond */
	unsigned int max_value_len;    /* bytes per value; ENOSPC beyond */
	unsigned int max_perms;	       /* entries per node; ENOSPC beyond */
	unsigned int max_txn_nodes;    /* nodes one transaction touches */
	unsigned int max_txn_nodes_priv; /* the same for dom0 */
	unsigned int max_store_nodes;	 /* whole tree, everyone; ENOSPC */
	size_t max_out_bytes; /* queued output before a connection is closed */
};

/*
 * Hooks a guest-ring transport installs: introduce maps the ring page
 * @gfn of @domid, binds @port and creates the domain's connection;
 * release tears it down. Either may be NULL. Called from the protocol
 * layer after the request was validated.
 */
struct xenstored_domain_ops {
	int (*introduce)(void *priv, uint32_t domid, uint64_t gfn,
			 uint32_t port);
	void (*release)(void *priv, uint32_t domid);
};

struct xenstored {
	struct store *store;
	struct conn *conns; /* all connections, in creation order */
	struct conn *conns_tail;
	unsigned int nr_conns;
	unsigned int next_conn_id;
	struct domtab domains;
	struct xenstored_quota quota;
	const struct xenstored_domain_ops *dom_ops;
	void *dom_priv;
};

/* Fills @q with the defaults (128 watches, 10 transactions, ...). */
void xenstored_quota_defaults(struct xenstored_quota *q);

/*
 * Creates a daemon state with the initial tree ("/", "/tool",
 * "/tool/xenstored", all "n0") and quotas @q (NULL: defaults).
 * Returns 0 or -ENOMEM.
 */
int xenstored_create(const struct xenstored_quota *q, struct xenstored **out)
	__attribute__((warn_unused_result));

/* Destroys all remaining connections, then the state; accepts NULL. */
void xenstored_destroy(struct xenstored *xs);

/* Installs the domain transport hooks (see struct xenstored_domain_ops). */
void xenstored_set_domain_ops(struct xenstored *xs,
			      const struct xenstored_domain_ops *ops,
			      void *priv);

#endif /* XENSTORED_XENSTORED_H */
