/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Xenstore path checks and helpers (docs/misc/xenstore.txt, paths).
 */
#include "xenstored/path.h"

#include <stdio.h>
#include <string.h>

/* ASCII only, whatever the locale says. */
static bool valid_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	       (ch >= '0' && ch <= '9') || ch == '-' || ch == '/' ||
	       ch == '_' || ch == '@';
}

static bool valid_chars(const char *s)
{
	for (; *s; s++) {
		if (!valid_char(*s))
			return false;
	}
	return true;
}

static bool valid_slashes(const char *s, size_t len)
{
	if (strstr(s, "//"))
		return false;
	return len == 1 || s[len - 1] != '/';
}

static int copy_path(const char *in, size_t len, char *out)
{
	if (len > XENSTORE_ABS_PATH_MAX)
		return -EINVAL;
	memcpy(out, in, len + 1);
	return 0;
}

int path_canonical(const char *in, uint32_t domid, bool allow_special,
		   char *out, size_t *prefix_len)
{
	size_t len = strlen(in);
	int n;

	*prefix_len = 0;
	if (!len || !valid_chars(in))
		return -EINVAL;
	if (in[0] == '@')
		return allow_special ? copy_path(in, len, out) : -EINVAL;
	if (!valid_slashes(in, len))
		return -EINVAL;
	if (in[0] == '/')
		return copy_path(in, len, out);
	if (len > XENSTORE_REL_PATH_MAX)
		return -EINVAL;
	n = snprintf(out, PATH_BUF_SIZE, "/local/domain/%u/",
		     (unsigned int)domid);
	if (n < 0 || (size_t)n + len > XENSTORE_ABS_PATH_MAX)
		return -EINVAL;
	memcpy(out + n, in, len + 1);
	*prefix_len = (size_t)n;
	return 0;
}

bool path_is_special(const char *path)
{
	return path[0] == '@';
}

bool path_is_below(const char *child, const char *parent)
{
	size_t plen = strlen(parent);

	if (!strcmp(parent, "/"))
		return child[0] == '/';
	if (strncmp(child, parent, plen))
		return false;
	return child[plen] == '/' || child[plen] == '\0';
}

int path_parent(const char *path, char *out)
{
	const char *slash = strrchr(path, '/');
	size_t len;

	if (!slash || !slash[1])
		return -EINVAL;
	len = (size_t)(slash - path);
	if (!len)
		len = 1; /* the parent is the root */
	memcpy(out, path, len);
	out[len] = '\0';
	return 0;
}

const char *path_basename(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

unsigned int path_depth(const char *path)
{
	unsigned int depth = 0;

	if (!strcmp(path, "/"))
		return 0;
	for (; *path; path++)
		depth += *path == '/';
	return depth;
}
