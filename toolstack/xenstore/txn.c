/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Transactions: start, lookup, the record of touched paths, abort. The
 * commit is in txn_commit.c. Records are found through a small
 * open-addressing hash so large transactions stay linear.
 */
#include "xenstored/txn.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "xenstored/conn.h"
#include "hypervisor/log.h"
#include "xenstored/store.h"
#include "xenstored/xenstored.h"

static uint32_t hash_path(const char *s)
{
	uint32_t h = 2166136261u; /* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static uint32_t alloc_id(struct conn *c)
{
	uint32_t id;

	/* Skip 0 (no transaction) and ids still open after a wrap. */
	do {
		id = c->next_txn_id++;
	} while (!id || txn_find(c, id));
	return id;
}

int txn_start(struct conn *c, uint32_t *id)
{
	const struct xenstored_quota *q = &c->xs->quota;
	struct txn *t;

	if (c->nr_txns >= q->max_transactions)
		return -ENOSPC;
	t = calloc(1, sizeof(*t));
	if (!t)
		return -ENOMEM;
	if (store_clone(c->xs->store, &t->st)) {
		free(t);
		return -ENOMEM;
	}
	t->max_recs = c->privileged ? q->max_txn_nodes_priv : q->max_txn_nodes;
	t->id = alloc_id(c);
	t->next = c->txns;
	c->txns = t;
	c->nr_txns++;
	*id = t->id;
	return 0;
}

struct txn *txn_find(const struct conn *c, uint32_t id)
{
	struct txn *t;

	for (t = c->txns; t; t = t->next) {
		if (t->id == id)
			return t;
	}
	return NULL;
}

/* The slot of @path in the index: its record's, or the empty one. */
static uint32_t *index_slot(const struct txn *t, const char *path)
{
	uint32_t mask = t->index_size - 1;
	uint32_t i = hash_path(path) & mask;

	while (t->index[i] && strcmp(t->recs[t->index[i] - 1].path, path))
		i = (i + 1) & mask;
	return &t->index[i];
}

static int grow(struct txn *t)
{
	unsigned int cap = t->cap_recs ? t->cap_recs * 2 : 16;
	struct txn_rec *recs;
	uint32_t *index;
	unsigned int i;

	/* Keep the index at most half full; on failure nothing changes. */
	index = calloc((size_t)cap * 2, sizeof(*index));
	if (!index)
		return -ENOMEM;
	recs = realloc(t->recs, cap * sizeof(*recs));
	if (!recs) {
		free(index);
		return -ENOMEM;
	}
	t->recs = recs;
	t->cap_recs = cap;
	free(t->index);
	t->index = index;
	t->index_size = cap * 2;
	for (i = 0; i < t->nr_recs; i++)
		*index_slot(t, t->recs[i].path) = i + 1;
	return 0;
}

int txn_note(struct txn *t, const char *path, uint64_t gen, unsigned int flags)
{
	struct txn_rec *r;
	uint32_t *slot;

	if (t->index_size) {
		slot = index_slot(t, path);
		if (*slot) {
			t->recs[*slot - 1].flags |= flags;
			return 0;
		}
	}
	if (t->nr_recs >= t->max_recs)
		return -ENOSPC;
	if (t->nr_recs == t->cap_recs && grow(t))
		return -ENOMEM;
	r = &t->recs[t->nr_recs];
	r->path = strdup(path);
	if (!r->path)
		return -ENOMEM;
	r->gen = gen;
	r->flags = flags;
	t->nr_recs++;
	*index_slot(t, path) = t->nr_recs;
	return 0;
}

static void txn_free(struct txn *t)
{
	unsigned int i;

	for (i = 0; i < t->nr_recs; i++)
		free(t->recs[i].path);
	free(t->recs);
	free(t->index);
	store_destroy(t->st);
	free(t);
}

void txn_abort(struct conn *c, struct txn *t)
{
	struct txn **pp;

	for (pp = &c->txns; *pp; pp = &(*pp)->next) {
		if (*pp == t) {
			*pp = t->next;
			c->nr_txns--;
			break;
		}
	}
	txn_free(t);
}

void txn_abort_all(struct conn *c)
{
	while (c->txns)
		txn_abort(c, c->txns);
}
