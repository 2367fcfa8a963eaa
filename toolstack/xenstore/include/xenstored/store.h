/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The xenstore tree: nodes with a value (bytes), a permission list, a
 * generation count and children kept in creation order (as Xen lists
 * them). The store also counts the nodes each domain owns, for quotas.
 * Pure data structure: no permission checks, no watches, no paths beyond
 * lookup; callers (access.c) do those. Not thread-safe.
 *
 * Generation counts come from one counter per store and are never reused,
 * so a node that was removed and created again has a new one; 0 means "no
 * such node" to transactions. Tree depth is bounded by the path length
 * limit (at most XENSTORE_ABS_PATH_MAX / 2 levels), which bounds the
 * recursion of store_clone() and store_remove().
 */
#ifndef XENSTORED_STORE_H
#define XENSTORED_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "xenstored/perms.h"

struct store_node {
	char *name; /* last path component; "" for the root */
	struct store_node *parent;
	struct store_node **children;
	unsigned int nr_children;
	unsigned int cap_children;
	char *value; /* NULL when len is 0 */
	size_t len;
	struct perms perms;
	uint64_t gen;
};

struct store_owner {
	uint32_t domid;
	unsigned int nr;
};

struct store {
	struct store_node *root;
	unsigned int nr_nodes;
	uint64_t gen; /* last generation handed out */
	struct store_owner *owners;
	unsigned int nr_owners;
	unsigned int cap_owners;
};

/* Creates a store holding only "/" with permissions "n0". */
int store_create(struct store **out) __attribute__((warn_unused_result));

/* Frees the store and all nodes; accepts NULL. */
void store_destroy(struct store *st);

/* Deep copy, generation counts and owner counts included. */
int store_clone(const struct store *src, struct store **out)
	__attribute__((warn_unused_result));

/* The node at the canonical absolute @path, or NULL. */
struct store_node *store_lookup(const struct store *st, const char *path);

/*
 * The deepest existing node on the way to @path; *@rest points into @path
 * at the first component that does not exist ("" if @path exists).
 */
struct store_node *store_lookup_nearest(const struct store *st,
					const char *path, const char **rest);

/* The child of @n called @name (@len bytes, not NUL-terminated), or NULL. */
struct store_node *store_child(const struct store_node *n, const char *name,
			       size_t len);

/*
 * Appends a new child @name (@len bytes) with an empty value and a copy of
 * @perms to @parent. Returns 0 with the node in *@out, or -ENOMEM.
 */
int store_add_child(struct store *st, struct store_node *parent,
		    const char *name, size_t len, const struct perms *perms,
		    struct store_node **out)
	__attribute__((warn_unused_result));

/* Replaces the value of @n with a copy of @len bytes at @val. */
int store_set_value(struct store *st, struct store_node *n, const void *val,
		    size_t len) __attribute__((warn_unused_result));

/* Replaces the permissions of @n and moves it to the new owner's count. */
int store_set_perms(struct store *st, struct store_node *n,
		    const struct perms *perms)
	__attribute__((warn_unused_result));

/* Removes and frees @n and everything below it. @n must not be the root. */
void store_remove(struct store *st, struct store_node *n);

/* Number of nodes whose permission list names @domid as owner. */
unsigned int store_owner_count(const struct store *st, uint32_t domid);

#endif /* XENSTORED_STORE_H */
