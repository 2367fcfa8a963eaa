/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Commit of a transaction (see txn.h). First every touched path is checked
 * against the real tree: same generation count, or still absent. Then the
 * changes are copied over: removals deepest path first, then creations
 * and updates shallowest first, so that parents exist before their
 * children. Watches fire as each change lands, as if the requests had run
 * at commit time. A transaction only grafts nodes whose real counterparts
 * it has seen unchanged, so changes by others elsewhere survive.
 */
#include "xenstored/txn.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xenstored/conn.h"
#include "hypervisor/log.h"
#include "xenstored/path.h"
#include "xenstored/store.h"
#include "xenstored/watch.h"
#include "xenstored/xenstored.h"

static int validate(const struct store *st, const struct txn *t)
{
	const struct store_node *n;
	unsigned int i;

	for (i = 0; i < t->nr_recs; i++) {
		n = store_lookup(st, t->recs[i].path);
		if ((n ? n->gen : 0) != t->recs[i].gen)
			return -EAGAIN;
	}
	return 0;
}

static int cmp_depth(const void *a, const void *b)
{
	const struct txn_rec *ra = *(const struct txn_rec *const *)a;
	const struct txn_rec *rb = *(const struct txn_rec *const *)b;
	unsigned int da = path_depth(ra->path), db = path_depth(rb->path);

	if (da != db)
		return da < db ? -1 : 1;
	/* Same depth: keep the order the transaction touched them in. */
	return ra < rb ? -1 : ra > rb;
}

static void fire(struct xenstored *xs, const char *path, enum watch_scope scope,
		 const struct store_node *n)
{
	struct watch_event ev = {
		.path = path,
		.scope = scope,
		.perms = &n->perms,
		.alt_perms = n->parent ? &n->parent->perms : NULL,
	};

	watch_fire(xs, &ev);
}

static void apply_removal(struct xenstored *xs, const struct txn_rec *r)
{
	struct store_node *mn = store_lookup(xs->store, r->path);

	/* Gone already when an ancestor was removed first. */
	if (!mn || !mn->parent)
		return;
	fire(xs, r->path, WATCH_SUBTREE, mn);
	store_remove(xs->store, mn);
}

/* Removes the children of @mn that the transaction removed from @tn. */
static void sync_children(struct xenstored *xs, const char *path,
			  struct store_node *mn, const struct store_node *tn)
{
	char child[PATH_BUF_SIZE];
	struct store_node *mc;
	unsigned int i = mn->nr_children;
	int n;

	while (i--) {
		mc = mn->children[i];
		if (store_child(tn, mc->name, strlen(mc->name)))
			continue;
		n = snprintf(child, sizeof(child), "%s/%s",
			     strcmp(path, "/") ? path : "", mc->name);
		if (n > 0 && (size_t)n < sizeof(child))
			fire(xs, child, WATCH_SUBTREE, mc);
		store_remove(xs->store, mc);
	}
}

static int create_node(struct store *st, const char *path,
		       const struct store_node *tn, struct store_node **out)
{
	char parent_path[PATH_BUF_SIZE];
	struct store_node *parent;
	const char *base = path_basename(path);

	if (path_parent(path, parent_path))
		return -EIO;
	parent = store_lookup(st, parent_path);
	if (!parent)
		return -EIO; /* validation guarantees it; never seen */
	return store_add_child(st, parent, base, strlen(base), &tn->perms, out);
}

static int apply_update(struct xenstored *xs, const struct txn_rec *r,
			const struct store_node *tn)
{
	struct store *st = xs->store;
	struct store_node *mn = store_lookup(st, r->path);
	int rc;

	if (!mn) {
		rc = create_node(st, r->path, tn, &mn);
		if (rc)
			return rc;
	}
	if (r->flags & TXN_CHANGED) {
		rc = store_set_value(st, mn, tn->value, tn->len);
		if (!rc && !perms_equal(&mn->perms, &tn->perms))
			rc = store_set_perms(st, mn, &tn->perms);
		if (rc)
			return rc;
	}
	sync_children(xs, r->path, mn, tn);
	if (r->flags & TXN_CHANGED)
		fire(xs, r->path, WATCH_NODE, mn);
	return 0;
}

static int apply(struct xenstored *xs, const struct txn *t)
{
	struct txn_rec **order;
	const struct store_node *tn;
	unsigned int i, nr = 0;
	int rc = 0;

	order = calloc(t->nr_recs ? t->nr_recs : 1, sizeof(*order));
	if (!order)
		return -ENOMEM;
	for (i = 0; i < t->nr_recs; i++) {
		if (t->recs[i].flags & (TXN_CHILDREN | TXN_CHANGED))
			order[nr++] = &t->recs[i];
	}
	qsort(order, nr, sizeof(*order), cmp_depth);
	for (i = nr; i--;) {
		if (!store_lookup(t->st, order[i]->path))
			apply_removal(xs, order[i]);
	}
	for (i = 0; i < nr && !rc; i++) {
		tn = store_lookup(t->st, order[i]->path);
		if (tn)
			rc = apply_update(xs, order[i], tn);
	}
	free(order);
	return rc;
}

int txn_commit(struct conn *c, struct txn *t)
{
	int rc = validate(c->xs->store, t);

	if (!rc) {
		rc = apply(c->xs, t);
		/* Only memory exhaustion gets here, after validation. */
		if (rc)
			log_dom_err(
				c->domid, "txn",
				"commit of transaction %u stopped halfway: %s; the tree holds part of it",
				t->id, strerror(-rc));
	}
	txn_abort(c, t);
	return rc;
}
