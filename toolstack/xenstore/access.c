/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Checked access to the tree for one connection (see access.h). Inside a
 * transaction every path touched is recorded before it changes, and
 * watches wait for the commit; outside, changes fire watches at once.
 */
#include "xenstored/access.h"

#include <errno.h>
#include <string.h>

#include "xenstored/conn.h"
#include "xenstored/path.h"
#include "xenstored/perms.h"
#include "xenstored/store.h"
#include "xenstored/txn.h"
#include "xenstored/watch.h"
#include "xenstored/xenstored.h"

void access_init(struct access *a, struct conn *c, struct txn *t)
{
	a->c = c;
	a->t = t;
	a->st = t ? t->st : c->xs->store;
}

int access_path(const struct access *a, const char *in, bool allow_special,
		char *out, size_t *prefix_len)
{
	return path_canonical(in, a->c->domid, allow_special, out, prefix_len);
}

static unsigned int perm_of(const struct access *a, const struct store_node *n)
{
	return perms_for(&n->perms, a->c->domid, a->c->privileged);
}

static int note(struct access *a, const char *path, const struct store_node *n,
		unsigned int flags)
{
	if (!a->t)
		return 0;
	return txn_note(a->t, path, n ? n->gen : 0, flags);
}

static void fire(struct access *a, const char *path, enum watch_scope scope,
		 const struct store_node *n, const struct perms *alt)
{
	struct watch_event ev = {.path = path,
				 .scope = scope,
				 .perms = &n->perms,
				 .alt_perms = alt};

	if (!a->t)
		watch_fire(a->c->xs, &ev);
}

int access_get(struct access *a, const char *path, unsigned int want,
	       struct store_node **out)
{
	const char *rest;
	struct store_node *n = store_lookup_nearest(a->st, path, &rest);
	bool found = !*rest;
	int rc;

	rc = note(a, path, found ? n : NULL, TXN_READ);
	if (rc)
		return rc;
	if (found) {
		if ((perm_of(a, n) & want) != want)
			return -EACCES;
		*out = n;
		return 0;
	}
	/* Do not tell whether a node exists where the caller may not look. */
	return (perm_of(a, n) & want) == want ? -ENOENT : -EACCES;
}

static unsigned int count_missing(const char *rest)
{
	unsigned int nr = 1;

	for (; *rest; rest++)
		nr += *rest == '/';
	return nr;
}

static int check_create_quota(const struct access *a, unsigned int missing)
{
	const struct xenstored_quota *q = &a->c->xs->quota;

	if (a->st->nr_nodes + missing > q->max_store_nodes)
		return -ENOSPC;
	if (!a->c->privileged &&
	    store_owner_count(a->st, a->c->domid) + missing > q->max_nodes)
		return -ENOSPC;
	return 0;
}

/*
 * Records the path of @nearest (the prefix of @path before @rest) and of
 * every node to create, before anything changes.
 */
static int note_creation(struct access *a, const char *path, const char *rest,
			 const struct store_node *nearest)
{
	char buf[PATH_BUF_SIZE];
	size_t len = (size_t)(rest - path);
	const char *p;
	int rc;

	if (!a->t)
		return 0;
	memcpy(buf, path, len);
	buf[len > 1 ? len - 1 : 1] = '\0'; /* drop the slash, keep "/" */
	rc = note(a, buf, nearest, TXN_CHILDREN);
	for (p = rest; !rc && *p; p++) {
		if (*p != '/')
			continue;
		memcpy(buf, path, (size_t)(p - path));
		buf[p - path] = '\0';
		rc = note(a, buf, NULL, TXN_CHILDREN);
	}
	return rc ? rc : note(a, path, NULL, TXN_CHANGED);
}

/* Creates the components of @rest below @n; *@first gets the first one. */
static int create_chain(struct access *a, struct store_node *n,
			const char *rest, struct store_node **first,
			struct store_node **last)
{
	struct perms p = {0};
	const char *end;
	int rc = 0;

	*first = NULL;
	while (!rc && *rest) {
		end = strchr(rest, '/');
		if (!end)
			end = rest + strlen(rest);
		/* Inherit the parent's list; guests own what they create. */
		rc = perms_copy(&p, &n->perms);
		if (rc)
			break;
		if (!a->c->privileged)
			p.e[0].domid = a->c->domid;
		rc = store_add_child(a->st, n, rest, (size_t)(end - rest), &p,
				     &n);
		perms_free(&p);
		if (!rc && !*first)
			*first = n;
		rest = *end ? end + 1 : end;
	}
	*last = n;
	return rc;
}

int access_create(struct access *a, const char *path, const void *val,
		  size_t len, struct store_node **out)
{
	const char *rest;
	struct store_node *nearest, *first, *n;
	int rc;

	nearest = store_lookup_nearest(a->st, path, &rest);
	if (!*rest)
		return -EEXIST; /* callers check first; keep it safe */
	rc = check_create_quota(a, count_missing(rest));
	if (!rc)
		rc = note_creation(a, path, rest, nearest);
	if (rc)
		return rc;
	rc = create_chain(a, nearest, rest, &first, &n);
	if (!rc)
		rc = store_set_value(a->st, n, val, len);
	if (rc) {
		/* Leave no half-made chain behind. */
		if (first)
			store_remove(a->st, first);
		return rc;
	}
	fire(a, path, WATCH_NODE, n, &n->parent->perms);
	*out = n;
	return 0;
}

int access_set_value(struct access *a, const char *path, struct store_node *n,
		     const void *val, size_t len)
{
	int rc = note(a, path, n, TXN_CHANGED);

	if (!rc)
		rc = store_set_value(a->st, n, val, len);
	if (rc)
		return rc;
	fire(a, path, WATCH_NODE, n, n->parent ? &n->parent->perms : NULL);
	return 0;
}

int access_set_perms(struct access *a, const char *path, struct store_node *n,
		     const struct perms *p)
{
	struct perms old = {0};
	int rc = note(a, path, n, TXN_CHANGED);

	if (!rc)
		rc = perms_copy(&old, &n->perms);
	if (!rc)
		rc = store_set_perms(a->st, n, p);
	if (!rc) {
		/* Watchers who just lost access still hear of it (Xen). */
		fire(a, path, WATCH_NODE, n, &old);
	}
	perms_free(&old);
	return rc;
}

int access_remove(struct access *a, const char *path, struct store_node *n)
{
	char parent_path[PATH_BUF_SIZE];
	int rc;

	if (!n->parent || path_parent(path, parent_path))
		return -EINVAL;
	rc = note(a, path, n, TXN_CHANGED);
	if (!rc)
		rc = note(a, parent_path, n->parent, TXN_CHILDREN);
	if (rc)
		return rc;
	/* Fire first, while the node's permissions still exist. */
	fire(a, path, WATCH_SUBTREE, n, &n->parent->perms);
	store_remove(a->st, n);
	return 0;
}
