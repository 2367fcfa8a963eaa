/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Transactions. TRANSACTION_START takes a private copy of the tree; the
 * requests of the transaction run on that copy and record every path they
 * read or change with its generation count at first touch (0: absent).
 * TRANSACTION_END commits only if none of those paths changed in the real
 * tree meanwhile, else it fails with EAGAIN: the refinement of "any
 * intervening write fails" that docs/misc/xenstore.txt plans. A commit
 * copies the changed nodes into the real tree (txn_commit.c) and fires
 * their watches then, never earlier.
 */
#ifndef XENSTORED_TXN_H
#define XENSTORED_TXN_H

#include <stdint.h>

struct conn;
struct store;

/* What a transaction did to a path; flags combine. */
#define TXN_READ 1u	/* looked at: must be unchanged at commit */
#define TXN_CHILDREN 2u /* children added or removed */
#define TXN_CHANGED 4u	/* created, removed, value or permissions set */

struct txn_rec {
	char *path;
	uint64_t gen; /* generation at first touch; 0: did not exist */
	unsigned int flags;
};

struct txn {
	struct txn *next; /* in the connection's list */
	uint32_t id;
	struct store *st; /* the private copy */
	struct txn_rec *recs;
	unsigned int nr_recs;
	unsigned int cap_recs;
	unsigned int max_recs; /* quota; ENOSPC beyond */
	uint32_t *index;       /* hash of recs: index + 1, 0 = empty slot */
	unsigned int index_size;
};

/*
 * Starts a transaction on @c and returns its id (never 0) in *@id.
 * Returns 0, -ENOSPC at quota.max_transactions, or -ENOMEM.
 */
int txn_start(struct conn *c, uint32_t *id) __attribute__((warn_unused_result));

/* The open transaction @id of @c, or NULL. */
struct txn *txn_find(const struct conn *c, uint32_t id);

/*
 * Records that the transaction touched @path, whose generation in the
 * private copy is @gen (0: absent), with @flags. The first generation
 * recorded for a path is kept; flags accumulate. Returns 0, -ENOSPC past
 * the transaction's node quota, or -ENOMEM.
 */
int txn_note(struct txn *t, const char *path, uint64_t gen, unsigned int flags)
	__attribute__((warn_unused_result));

/*
 * Commits @t into the real tree and fires its watches, or fails with
 * -EAGAIN if a path it touched has changed. @t is ended either way.
 */
int txn_commit(struct conn *c, struct txn *t)
	__attribute__((warn_unused_result));

/* Ends @t without committing. */
void txn_abort(struct conn *c, struct txn *t);

/* Ends all transactions of @c. */
void txn_abort_all(struct conn *c);

#endif /* XENSTORED_TXN_H */
