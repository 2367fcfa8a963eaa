/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Handlers that change the tree: WRITE, MKDIR, RM and SET_PERMS
 * (docs/misc/xenstore.txt). WRITE and MKDIR create missing ancestors; RM
 * of a missing node is fine if its parent exists; only the owner (or
 * dom0) sets permissions, and a guest may not give a node away.
 */
#include "xenstored/ops.h"

#include <errno.h>
#include <string.h>

#include "xenstored/access.h"
#include "xenstored/conn.h"
#include "xenstored/path.h"
#include "xenstored/perms.h"
#include "xenstored/store.h"
#include "xenstored/xenstored.h"

/* Most permission entries SET_PERMS can carry in one payload. */
#define MAX_PERM_ARGS (XENSTORE_PAYLOAD_MAX / 2)

static const struct xenstored_quota *quota(const struct proto_req *r)
{
	return &r->c->xs->quota;
}

/* Canonicalizes the first string of @r (which must be NUL-terminated). */
static int first_path(const struct proto_req *r, struct access *a, char *path)
{
	size_t prefix;

	access_init(a, r->c, r->t);
	return access_path(a, r->data, false, path, &prefix);
}

int ops_update_write(const struct proto_req *r)
{
	const char *nul = memchr(r->data, '\0', r->len);
	char path[PATH_BUF_SIZE];
	struct store_node *n;
	struct access a;
	size_t vlen;
	int rc;

	/* "path\0value": the value is raw bytes and may hold NULs. */
	if (!nul)
		return -EINVAL;
	vlen = r->len - (size_t)(nul + 1 - r->data);
	if (!r->c->privileged && vlen > quota(r)->max_value_len)
		return -ENOSPC;
	rc = first_path(r, &a, path);
	if (!rc)
		rc = access_get(&a, path, PERM_WRITE, &n);
	if (rc == -ENOENT)
		rc = access_create(&a, path, nul + 1, vlen, &n);
	else if (!rc)
		rc = access_set_value(&a, path, n, nul + 1, vlen);
	return rc ? rc : proto_ack(r);
}

int ops_update_mkdir(const struct proto_req *r)
{
	char path[PATH_BUF_SIZE];
	struct store_node *n;
	struct access a;
	int rc;

	if (!proto_onearg(r))
		return -EINVAL;
	rc = first_path(r, &a, path);
	if (!rc)
		rc = access_get(&a, path, PERM_WRITE, &n);
	/* An existing node keeps its value and fires nothing. */
	if (rc == -ENOENT)
		rc = access_create(&a, path, NULL, 0, &n);
	return rc ? rc : proto_ack(r);
}

/* RM of a missing node: fine if the parent exists (xenstore.txt RM). */
static int rm_missing(struct access *a, const char *path)
{
	char parent[PATH_BUF_SIZE];
	struct store_node *n;
	int rc;

	if (path_parent(path, parent))
		return -ENOENT;
	rc = access_get(a, parent, PERM_NONE, &n);
	return rc == -EACCES ? -ENOENT : rc;
}

int ops_update_rm(const struct proto_req *r)
{
	char path[PATH_BUF_SIZE];
	struct store_node *n;
	struct access a;
	int rc;

	if (!proto_onearg(r))
		return -EINVAL;
	rc = first_path(r, &a, path);
	if (rc)
		return rc;
	if (!strcmp(path, "/"))
		return -EINVAL;
	rc = access_get(&a, path, PERM_WRITE, &n);
	if (rc == -ENOENT)
		rc = rm_missing(&a, path);
	else if (!rc)
		rc = access_remove(&a, path, n);
	return rc ? rc : proto_ack(r);
}

static int parse_perms(const struct proto_req *r, struct perms *p)
{
	const char *v[MAX_PERM_ARGS + 1];
	unsigned int nr = proto_strings(r, v, MAX_PERM_ARGS + 1);

	/* The path and at least one entry. */
	if (nr < 2 || nr > MAX_PERM_ARGS + 1)
		return -EINVAL;
	if (!r->c->privileged && nr - 1 > quota(r)->max_perms)
		return -ENOSPC;
	return perms_parse(v + 1, nr - 1, p);
}

int ops_update_set_perms(const struct proto_req *r)
{
	char path[PATH_BUF_SIZE];
	struct perms p = {0};
	struct store_node *n;
	struct access a;
	int rc;

	rc = parse_perms(r, &p);
	if (!rc)
		rc = first_path(r, &a, path);
	if (!rc)
		rc = access_get(&a, path, PERM_WRITE | PERM_OWNER, &n);
	/* A guest may not hand its node to another domain (as Xen). */
	if (!rc && !r->c->privileged &&
	    perms_owner(&p) != perms_owner(&n->perms))
		rc = -EPERM;
	if (!rc)
		rc = access_set_perms(&a, path, n, &p);
	perms_free(&p);
	return rc ? rc : proto_ack(r);
}
