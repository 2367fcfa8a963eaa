/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Watches (docs/misc/xenstore.txt, "WATCH"): each connection keeps a list
 * of (path, token). A change to a node fires every watch on that node or
 * above it, reporting the changed path; removing a subtree also fires the
 * watches below it, reporting their own paths. "@name" watches fire only
 * for that special event. A watch registered with a relative path gets
 * relative paths in its events. Events are queued as WATCH_EVENT messages
 * on the watching connection; a guest sees only events on nodes it (or
 * the parent) may read, and special events go to dom0 only.
 */
#ifndef XENSTORED_WATCH_H
#define XENSTORED_WATCH_H

#include <stddef.h>

struct conn;
struct perms;
struct xenstored;

struct watch {
	struct watch *next;
	char *path;	   /* canonical absolute path or "@name" */
	char *token;	   /* opaque to us */
	size_t prefix_len; /* stripped from reported paths; 0 if absolute */
};

enum watch_scope {
	WATCH_NODE,    /* write, mkdir, set-perms: watches at or above */
	WATCH_SUBTREE, /* removal: also the watches below */
};

struct watch_event {
	const char *path; /* canonical absolute path or "@name" */
	enum watch_scope scope;
	const struct perms *perms;     /* of the node; NULL for "@name" */
	const struct perms *alt_perms; /* parent's or old ones; may be NULL */
};

/*
 * Adds watch @path / @token to @c; @prefix_len as from path_canonical().
 * Returns 0, -EEXIST for a duplicate, -E2BIG when the connection has
 * quota.max_watches already, or -ENOMEM.
 */
int watch_add(struct conn *c, const char *path, const char *token,
	      size_t prefix_len) __attribute__((warn_unused_result));

/* Removes watch @path / @token of @c. 0 or -ENOENT. */
int watch_remove(struct conn *c, const char *path, const char *token)
	__attribute__((warn_unused_result));

/* Removes all watches of @c. */
void watch_remove_all(struct conn *c);

/* The path to report to watch @w for a change at @path. */
const char *watch_report_path(const struct watch *w, const char *path);

/* Queues an event on every live connection with a matching watch. */
void watch_fire(struct xenstored *xs, const struct watch_event *ev);

#endif /* XENSTORED_WATCH_H */
