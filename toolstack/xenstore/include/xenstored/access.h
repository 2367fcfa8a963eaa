/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Checked access to the tree on behalf of one connection, inside or
 * outside a transaction: permission checks with Xen's error rules,
 * creation of missing ancestors, node quotas, transaction bookkeeping, and
 * watch events for changes outside transactions. The request handlers in
 * ops_*.c use only these functions to touch nodes.
 *
 * Error rules (as Xen): a missing node is -ENOENT if the caller has the
 * wanted access to its nearest existing ancestor, else -EACCES, so
 * callers learn nothing about nodes they may not see. Creating a node
 * needs write access to the nearest existing ancestor.
 */
#ifndef XENSTORED_ACCESS_H
#define XENSTORED_ACCESS_H

#include <stdbool.h>
#include <stddef.h>

struct conn;
struct perms;
struct store;
struct store_node;
struct txn;

struct access {
	struct conn *c;
	struct store *st; /* the real tree, or the transaction's copy */
	struct txn *t;	  /* NULL outside a transaction */
};

/* Prepares access for @c, inside @t if not NULL. */
void access_init(struct access *a, struct conn *c, struct txn *t);

/* path_canonical() for the connection's domain. */
int access_path(const struct access *a, const char *in, bool allow_special,
		char *out, size_t *prefix_len)
	__attribute__((warn_unused_result));

/*
 * Looks up the canonical @path and checks that the caller has all of
 * @want (PERM_* bits). Returns 0 with the node in *@out, -ENOENT, -EACCES,
 * or -ENOSPC when a transaction's node quota is used up.
 */
int access_get(struct access *a, const char *path, unsigned int want,
	       struct store_node **out) __attribute__((warn_unused_result));

/*
 * Creates the missing @path (after access_get() said -ENOENT for
 * PERM_WRITE) and its missing ancestors with empty values and the
 * parent's permissions (owned by the caller if unprivileged), and gives
 * it the value @val / @len. Returns 0, -ENOSPC (node quotas) or -ENOMEM;
 * on failure nothing was created.
 */
int access_create(struct access *a, const char *path, const void *val,
		  size_t len, struct store_node **out)
	__attribute__((warn_unused_result));

/* Sets the value of the existing node @n at @path. */
int access_set_value(struct access *a, const char *path, struct store_node *n,
		     const void *val, size_t len)
	__attribute__((warn_unused_result));

/* Sets the permissions of the existing node @n at @path. */
int access_set_perms(struct access *a, const char *path, struct store_node *n,
		     const struct perms *p) __attribute__((warn_unused_result));

/* Removes the existing node @n at @path (not "/") and its subtree. */
int access_remove(struct access *a, const char *path, struct store_node *n)
	__attribute__((warn_unused_result));

#endif /* XENSTORED_ACCESS_H */
