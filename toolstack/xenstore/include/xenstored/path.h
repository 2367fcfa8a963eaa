/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Xenstore path syntax (docs/misc/xenstore.txt): absolute paths start
 * with '/', "@name" paths name special watch events, and relative paths
 * are taken under /local/domain/<domid> of the caller. Allowed characters
 * are ASCII letters, digits and "-/_@"; no empty path, no doubled slash, no
 * trailing slash except the root. Limits from <xen/io/xs_wire.h>:
 * XENSTORE_ABS_PATH_MAX for an absolute result, XENSTORE_REL_PATH_MAX for
 * a relative input. Pure string functions.
 */
#ifndef XENSTORED_PATH_H
#define XENSTORED_PATH_H

#include <errno.h> /* before xs_wire.h: enables its xsd_errors */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <xen/io/xs_wire.h>

/* Room for any canonical path and its NUL. */
#define PATH_BUF_SIZE (XENSTORE_ABS_PATH_MAX + 1)

/*
 * Checks @in and writes its absolute form to @out (PATH_BUF_SIZE bytes).
 * A relative @in is put under /local/domain/@domid and *@prefix_len gets
 * the length of "/local/domain/<domid>/", so out + *prefix_len is @in
 * again; otherwise *@prefix_len is 0. "@name" paths are accepted only with
 * @allow_special. Returns 0 or -EINVAL.
 */
int path_canonical(const char *in, uint32_t domid, bool allow_special,
		   char *out, size_t *prefix_len)
	__attribute__((warn_unused_result));

/* True if @path names a special watch event ("@..."). */
bool path_is_special(const char *path);

/*
 * True if the absolute @child is @parent or lies below it; every absolute
 * path lies below "/". Both must be canonical.
 */
bool path_is_below(const char *child, const char *parent);

/*
 * Writes the parent of the canonical absolute @path to @out
 * (PATH_BUF_SIZE bytes). Returns 0, or -EINVAL for "/", which has none.
 */
int path_parent(const char *path, char *out)
	__attribute__((warn_unused_result));

/* The last component of a canonical absolute @path other than "/". */
const char *path_basename(const char *path);

/* Number of components: 0 for "/", 1 for "/a", 2 for "/a/b". */
unsigned int path_depth(const char *path);

#endif /* XENSTORED_PATH_H */
