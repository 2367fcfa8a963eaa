/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Watches: registration per connection and event matching (see watch.h).
 * Firing walks every watch of every connection; the quota on watches per
 * connection bounds that work.
 */
#include "xenstored/watch.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "xenstored/conn.h"
#include "xenstored/path.h"
#include "xenstored/perms.h"
#include "xenstored/xenstored.h"

static struct watch *watch_new(const char *path, const char *token,
			       size_t prefix_len)
{
	struct watch *w = calloc(1, sizeof(*w));

	if (!w)
		return NULL;
	w->path = strdup(path);
	w->token = strdup(token);
	if (!w->path || !w->token) {
		free(w->path);
		free(w->token);
		free(w);
		return NULL;
	}
	w->prefix_len = prefix_len;
	return w;
}

static void watch_free(struct watch *w)
{
	free(w->path);
	free(w->token);
	free(w);
}

int watch_add(struct conn *c, const char *path, const char *token,
	      size_t prefix_len)
{
	struct watch **tail = &c->watches;
	struct watch *w;

	for (w = c->watches; w; w = w->next) {
		if (!strcmp(w->path, path) && !strcmp(w->token, token))
			return -EEXIST;
		tail = &w->next;
	}
	if (c->nr_watches >= c->xs->quota.max_watches)
		return -E2BIG;
	w = watch_new(path, token, prefix_len);
	if (!w)
		return -ENOMEM;
	/* Appended: events go out in registration order. */
	*tail = w;
	c->nr_watches++;
	return 0;
}

int watch_remove(struct conn *c, const char *path, const char *token)
{
	struct watch **pp, *w;

	for (pp = &c->watches; (w = *pp); pp = &w->next) {
		if (!strcmp(w->path, path) && !strcmp(w->token, token)) {
			*pp = w->next;
			watch_free(w);
			c->nr_watches--;
			return 0;
		}
	}
	return -ENOENT;
}

void watch_remove_all(struct conn *c)
{
	struct watch *w;

	while ((w = c->watches)) {
		c->watches = w->next;
		watch_free(w);
	}
	c->nr_watches = 0;
}

const char *watch_report_path(const struct watch *w, const char *path)
{
	/* Relative watches see relative paths (xenstore.txt WATCH_EVENT). */
	if (w->prefix_len && strlen(path) > w->prefix_len &&
	    !strncmp(path, w->path, w->prefix_len))
		return path + w->prefix_len;
	return path;
}

/* The path to report to @w for @ev, or NULL if @w does not match. */
static const char *match(const struct watch *w, const struct watch_event *ev)
{
	if (path_is_special(ev->path) || path_is_special(w->path))
		return strcmp(ev->path, w->path) ? NULL : ev->path;
	if (path_is_below(ev->path, w->path))
		return watch_report_path(w, ev->path);
	/* A removed ancestor reports the watched path itself. */
	if (ev->scope == WATCH_SUBTREE && path_is_below(w->path, ev->path))
		return watch_report_path(w, w->path);
	return NULL;
}

/*
 * As Xen: a guest gets the event if it may read the node or its parent
 * (or the node before a permission change). Special events: dom0 only.
 */
static bool may_see(const struct conn *c, const struct watch_event *ev)
{
	if (c->privileged)
		return true;
	if (!ev->perms)
		return false;
	if (perms_for(ev->perms, c->domid, false) & PERM_READ)
		return true;
	return ev->alt_perms &&
	       (perms_for(ev->alt_perms, c->domid, false) & PERM_READ);
}

void watch_fire(struct xenstored *xs, const struct watch_event *ev)
{
	const struct watch *w;
	struct conn *c;
	const char *report;

	for (c = xs->conns; c; c = c->next) {
		if (c->dead || !c->watches || !may_see(c, ev))
			continue;
		for (w = c->watches; w; w = w->next) {
			report = match(w, ev);
			if (report)
				conn_queue_event(c, report, w->token);
		}
	}
}
