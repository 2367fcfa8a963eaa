/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Handlers that read the tree: READ, DIRECTORY, DIRECTORY_PART and
 * GET_PERMS (docs/misc/xenstore.txt). All need read access.
 */
#include "xenstored/ops.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xenstored/access.h"
#include "xenstored/path.h"
#include "xenstored/perms.h"
#include "xenstored/store.h"

/* Looks up the single path argument of @r with read access. */
static int get_readable(const struct proto_req *r, bool allow_special,
			struct store_node **out)
{
	const char *arg = proto_onearg(r);
	char path[PATH_BUF_SIZE];
	struct access a;
	size_t prefix;
	int rc;

	if (!arg)
		return -EINVAL;
	access_init(&a, r->c, r->t);
	rc = access_path(&a, arg, allow_special, path, &prefix);
	if (rc)
		return rc;
	/* "@name" paths have no node here: nothing to read. */
	if (path_is_special(path))
		return -ENOENT;
	return access_get(&a, path, PERM_READ, out);
}

int ops_query_read(const struct proto_req *r)
{
	struct store_node *n;
	int rc = get_readable(r, false, &n);

	return rc ? rc : proto_reply(r, n->value, n->len);
}

/* Total length of the children's names with their NULs. */
static size_t children_len(const struct store_node *n)
{
	size_t len = 0;
	unsigned int i;

	for (i = 0; i < n->nr_children; i++)
		len += strlen(n->children[i]->name) + 1;
	return len;
}

/* Writes the children's names, NUL-terminated, into @buf (big enough). */
static void children_fill(const struct store_node *n, char *buf)
{
	size_t len;
	unsigned int i;

	for (i = 0; i < n->nr_children; i++) {
		len = strlen(n->children[i]->name) + 1;
		memcpy(buf, n->children[i]->name, len);
		buf += len;
	}
}

int ops_query_directory(const struct proto_req *r)
{
	char buf[XENSTORE_PAYLOAD_MAX];
	struct store_node *n;
	size_t len;
	int rc = get_readable(r, false, &n);

	if (rc)
		return rc;
	len = children_len(n);
	/* Too long for one reply: the client falls back to DIRECTORY_PART. */
	if (len > sizeof(buf))
		return -E2BIG;
	children_fill(n, buf);
	return proto_reply(r, buf, len);
}

/*
 * DIRECTORY_PART: "<gen>\0" and the children list from byte @off, as many
 * whole names as fit; an empty string marks the end of the list.
 */
static int reply_part(const struct proto_req *r, const struct store_node *n,
		      const char *list, size_t total, unsigned long off)
{
	char buf[XENSTORE_PAYLOAD_MAX];
	size_t head, len = 0, name;
	int g;

	g = snprintf(buf, sizeof(buf), "%" PRIu64, n->gen);
	if (g < 0)
		return -EIO;
	head = (size_t)g + 1;
	if (off < total) {
		/* Whole names only, leaving room for the end marker. */
		while (off + len < total) {
			name = strnlen(list + off + len, total - off - len) + 1;
			if (head + len + name + 1 > sizeof(buf))
				break;
			len += name;
		}
		memcpy(buf + head, list + off, len);
	}
	if (off + len >= total)
		buf[head + len++] = '\0';
	return proto_reply(r, buf, head + len);
}

static int parse_offset(const char *s, unsigned long *out)
{
	char *end;

	if (*s < '0' || *s > '9')
		return -EINVAL;
	errno = 0;
	*out = strtoul(s, &end, 10);
	return errno || *end ? -EINVAL : 0;
}

int ops_query_directory_part(const struct proto_req *r)
{
	const char *v[2];
	char path[PATH_BUF_SIZE], *list;
	struct store_node *n;
	struct access a;
	unsigned long off;
	size_t prefix, total;
	int rc;

	if (proto_strings(r, v, 2) != 2 || parse_offset(v[1], &off))
		return -EINVAL;
	access_init(&a, r->c, r->t);
	rc = access_path(&a, v[0], false, path, &prefix);
	if (!rc)
		rc = access_get(&a, path, PERM_READ, &n);
	if (rc)
		return rc;
	total = children_len(n);
	list = malloc(total ? total : 1);
	if (!list)
		return -ENOMEM;
	children_fill(n, list);
	rc = reply_part(r, n, list, total, off);
	free(list);
	return rc;
}

int ops_query_get_perms(const struct proto_req *r)
{
	char buf[XENSTORE_PAYLOAD_MAX];
	struct store_node *n;
	size_t len;
	int rc = get_readable(r, true, &n);

	if (!rc)
		rc = perms_format(&n->perms, buf, sizeof(buf), &len);
	return rc ? rc : proto_reply(r, buf, len);
}
