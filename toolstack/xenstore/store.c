/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The xenstore tree (see store.h): nodes, children in creation order,
 * generation counts and per-owner node counts.
 */
#include "xenstored/store.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static struct store_node *node_new(const char *name, size_t len,
				   const struct perms *perms)
{
	struct store_node *n = calloc(1, sizeof(*n));

	if (!n)
		return NULL;
	n->name = malloc(len + 1);
	if (!n->name || perms_copy(&n->perms, perms)) {
		free(n->name);
		free(n);
		return NULL;
	}
	memcpy(n->name, name, len);
	n->name[len] = '\0';
	return n;
}

/* Recursion depth is bounded by the path length limit (store.h). */
static void node_free_tree(struct store_node *n)
{
	unsigned int i;

	if (!n)
		return;
	for (i = 0; i < n->nr_children; i++)
		node_free_tree(n->children[i]);
	free(n->children);
	free(n->value);
	free(n->name);
	perms_free(&n->perms);
	free(n);
}

static struct store_owner *owner_find(const struct store *st, uint32_t domid)
{
	unsigned int i;

	for (i = 0; i < st->nr_owners; i++) {
		if (st->owners[i].domid == domid)
			return &st->owners[i];
	}
	return NULL;
}

static int owner_inc(struct store *st, uint32_t domid)
{
	struct store_owner *o = owner_find(st, domid);
	struct store_owner *grown;
	unsigned int cap;

	if (o) {
		o->nr++;
		return 0;
	}
	if (st->nr_owners == st->cap_owners) {
		cap = st->cap_owners ? st->cap_owners * 2 : 8;
		grown = realloc(st->owners, cap * sizeof(*grown));
		if (!grown)
			return -ENOMEM;
		st->owners = grown;
		st->cap_owners = cap;
	}
	st->owners[st->nr_owners].domid = domid;
	st->owners[st->nr_owners].nr = 1;
	st->nr_owners++;
	return 0;
}

static void owner_dec(struct store *st, uint32_t domid)
{
	struct store_owner *o = owner_find(st, domid);

	if (o && o->nr)
		o->nr--;
}

unsigned int store_owner_count(const struct store *st, uint32_t domid)
{
	const struct store_owner *o = owner_find(st, domid);

	return o ? o->nr : 0;
}

int store_create(struct store **out)
{
	struct store *st = calloc(1, sizeof(*st));
	struct perms root_perms = {0};
	int rc = -ENOMEM;

	if (!st)
		return -ENOMEM;
	if (perms_init_one(&root_perms, PERM_NONE, 0))
		goto err;
	st->root = node_new("", 0, &root_perms);
	perms_free(&root_perms);
	if (!st->root || owner_inc(st, 0))
		goto err;
	st->root->gen = ++st->gen;
	st->nr_nodes = 1;
	*out = st;
	return 0;
err:
	store_destroy(st);
	return rc;
}

void store_destroy(struct store *st)
{
	if (!st)
		return;
	node_free_tree(st->root);
	free(st->owners);
	free(st);
}

static int copy_value(struct store_node *dst, const struct store_node *src)
{
	if (!src->len)
		return 0;
	dst->value = malloc(src->len);
	if (!dst->value)
		return -ENOMEM;
	memcpy(dst->value, src->value, src->len);
	dst->len = src->len;
	return 0;
}

static struct store_node *clone_tree(const struct store_node *src,
				     struct store_node *parent)
{
	struct store_node *n;
	unsigned int i;

	n = node_new(src->name, strlen(src->name), &src->perms);
	if (!n)
		return NULL;
	n->parent = parent;
	n->gen = src->gen;
	if (copy_value(n, src))
		goto err;
	if (src->nr_children) {
		n->children = calloc(src->nr_children, sizeof(*n->children));
		if (!n->children)
			goto err;
		n->cap_children = src->nr_children;
	}
	for (i = 0; i < src->nr_children; i++) {
		n->children[i] = clone_tree(src->children[i], n);
		if (!n->children[i])
			goto err;
		n->nr_children++;
	}
	return n;
err:
	node_free_tree(n);
	return NULL;
}

int store_clone(const struct store *src, struct store **out)
{
	struct store *st = calloc(1, sizeof(*st));

	if (!st)
		return -ENOMEM;
	st->root = clone_tree(src->root, NULL);
	if (src->nr_owners)
		st->owners = calloc(src->nr_owners, sizeof(*st->owners));
	if (!st->root || (src->nr_owners && !st->owners)) {
		store_destroy(st);
		return -ENOMEM;
	}
	if (src->nr_owners)
		memcpy(st->owners, src->owners,
		       src->nr_owners * sizeof(*st->owners));
	st->nr_owners = st->cap_owners = src->nr_owners;
	st->nr_nodes = src->nr_nodes;
	st->gen = src->gen;
	*out = st;
	return 0;
}

struct store_node *store_child(const struct store_node *n, const char *name,
			       size_t len)
{
	unsigned int i;

	for (i = 0; i < n->nr_children; i++) {
		const char *cn = n->children[i]->name;

		if (!strncmp(cn, name, len) && cn[len] == '\0')
			return n->children[i];
	}
	return NULL;
}

struct store_node *store_lookup_nearest(const struct store *st,
					const char *path, const char **rest)
{
	struct store_node *n = st->root, *child;
	const char *p = path + 1, *end;

	while (*p) {
		end = strchr(p, '/');
		if (!end)
			end = p + strlen(p);
		child = store_child(n, p, (size_t)(end - p));
		if (!child)
			break;
		n = child;
		p = *end ? end + 1 : end;
	}
	*rest = p;
	return n;
}

struct store_node *store_lookup(const struct store *st, const char *path)
{
	const char *rest;
	struct store_node *n;

	if (path[0] != '/')
		return NULL;
	n = store_lookup_nearest(st, path, &rest);
	return *rest ? NULL : n;
}

static int grow_children(struct store_node *parent)
{
	struct store_node **grown;
	unsigned int cap;

	if (parent->nr_children < parent->cap_children)
		return 0;
	cap = parent->cap_children ? parent->cap_children * 2 : 4;
	grown = realloc(parent->children, cap * sizeof(*grown));
	if (!grown)
		return -ENOMEM;
	parent->children = grown;
	parent->cap_children = cap;
	return 0;
}

int store_add_child(struct store *st, struct store_node *parent,
		    const char *name, size_t len, const struct perms *perms,
		    struct store_node **out)
{
	struct store_node *n;

	if (grow_children(parent))
		return -ENOMEM;
	n = node_new(name, len, perms);
	if (!n)
		return -ENOMEM;
	if (owner_inc(st, perms_owner(perms))) {
		node_free_tree(n);
		return -ENOMEM;
	}
	n->parent = parent;
	n->gen = ++st->gen;
	parent->children[parent->nr_children++] = n;
	parent->gen = ++st->gen;
	st->nr_nodes++;
	*out = n;
	return 0;
}

int store_set_value(struct store *st, struct store_node *n, const void *val,
		    size_t len)
{
	char *copy = NULL;

	if (len) {
		copy = malloc(len);
		if (!copy)
			return -ENOMEM;
		memcpy(copy, val, len);
	}
	free(n->value);
	n->value = copy;
	n->len = len;
	n->gen = ++st->gen;
	return 0;
}

int store_set_perms(struct store *st, struct store_node *n,
		    const struct perms *perms)
{
	struct perms copy = {0};

	if (perms_copy(&copy, perms))
		return -ENOMEM;
	if (owner_inc(st, perms_owner(perms))) {
		perms_free(&copy);
		return -ENOMEM;
	}
	owner_dec(st, perms_owner(&n->perms));
	perms_free(&n->perms);
	n->perms = copy;
	n->gen = ++st->gen;
	return 0;
}

/* Uncounts the subtree; recursion bounded as in node_free_tree(). */
static void uncount_tree(struct store *st, const struct store_node *n)
{
	unsigned int i;

	for (i = 0; i < n->nr_children; i++)
		uncount_tree(st, n->children[i]);
	owner_dec(st, perms_owner(&n->perms));
	st->nr_nodes--;
}

void store_remove(struct store *st, struct store_node *n)
{
	struct store_node *parent = n->parent;
	unsigned int i;

	if (!parent)
		return; /* the root stays */
	for (i = 0; i < parent->nr_children; i++) {
		if (parent->children[i] == n)
			break;
	}
	if (i < parent->nr_children) {
		memmove(&parent->children[i], &parent->children[i + 1],
			(parent->nr_children - i - 1) *
				sizeof(parent->children[0]));
		parent->nr_children--;
	}
	parent->gen = ++st->gen;
	uncount_tree(st, n);
	node_free_tree(n);
}
