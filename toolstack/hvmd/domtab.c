/* SPDX-License-Identifier: GPL-2.0-only */
/* hvmd's domain table and domid allocator (domtab.h). */
#include "domtab.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char *const state_names[] = {
	[DOMTAB_BUILDING] = "building", [DOMTAB_RUNNING] = "running",
	[DOMTAB_PAUSED] = "paused",	[DOMTAB_SHUTDOWN] = "shutdown",
	[DOMTAB_CRASHED] = "crashed",	[DOMTAB_DYING] = "dying",
};

/* xl list's columns: r b p s c d (running, blocked, paused, ...). */
static const char *const state_flags[] = {
	[DOMTAB_BUILDING] = "--p---", [DOMTAB_RUNNING] = "r-----",
	[DOMTAB_PAUSED] = "--p---",   [DOMTAB_SHUTDOWN] = "---s--",
	[DOMTAB_CRASHED] = "----c-",  [DOMTAB_DYING] = "-----d",
};

void domtab_init(struct domtab *t)
{
	unsigned int i;

	memset(t, 0, sizeof(*t));
	for (i = 0; i < DOMTAB_MAX; i++) {
		t->doms[i].log_fd = -1;
		domain_config_init(&t->doms[i].cfg);
	}
	t->next_domid = 1;
}

void domtab_free(struct domtab *t)
{
	unsigned int i;

	for (i = 0; i < DOMTAB_MAX; i++)
		if (t->doms[i].used)
			domtab_remove(&t->doms[i]);
}

static struct domtab_dom *free_slot(struct domtab *t)
{
	unsigned int i;

	for (i = 0; i < DOMTAB_MAX; i++)
		if (!t->doms[i].used)
			return &t->doms[i];
	return NULL;
}

static uint32_t alloc_domid(struct domtab *t)
{
	unsigned int tries;

	for (tries = 0; tries < DOMTAB_MAX_DOMID; tries++) {
		uint32_t id = t->next_domid;

		t->next_domid = id >= DOMTAB_MAX_DOMID ? 1 : id + 1;
		if (!domtab_by_domid(t, id))
			return id;
	}
	return 0;
}

static struct domtab_dom *take(struct domtab_dom *d, uint32_t domid)
{
	memset(d, 0, sizeof(*d));
	d->used = true;
	d->domid = domid;
	d->log_fd = -1;
	d->state = DOMTAB_BUILDING;
	domain_config_init(&d->cfg);
	return d;
}

struct domtab_dom *domtab_add(struct domtab *t, const char *name, int *rc)
{
	struct domtab_dom *d;

	if (domtab_by_name(t, name)) {
		*rc = -EEXIST;
		return NULL;
	}
	d = free_slot(t);
	if (!d) {
		*rc = -ENOSPC;
		return NULL;
	}
	*rc = 0;
	return take(d, alloc_domid(t));
}

struct domtab_dom *domtab_add_at(struct domtab *t, uint32_t domid, int *rc)
{
	struct domtab_dom *d;

	if (domid == 0 || domid > DOMTAB_MAX_DOMID) {
		*rc = -EINVAL;
		return NULL;
	}
	if (domtab_by_domid(t, domid)) {
		*rc = -EEXIST;
		return NULL;
	}
	d = free_slot(t);
	if (!d) {
		*rc = -ENOSPC;
		return NULL;
	}
	if (domid >= t->next_domid)
		t->next_domid = domid >= DOMTAB_MAX_DOMID ? 1 : domid + 1;
	*rc = 0;
	return take(d, domid);
}

void domtab_remove(struct domtab_dom *d)
{
	domain_config_free(&d->cfg);
	d->used = false;
	d->domid = 0;
}

struct domtab_dom *domtab_by_name(struct domtab *t, const char *name)
{
	unsigned int i;

	for (i = 0; i < DOMTAB_MAX; i++) {
		struct domtab_dom *d = &t->doms[i];

		if (d->used && d->cfg.name && !strcmp(d->cfg.name, name))
			return d;
	}
	return NULL;
}

struct domtab_dom *domtab_by_domid(struct domtab *t, uint32_t domid)
{
	unsigned int i;

	for (i = 0; i < DOMTAB_MAX; i++)
		if (t->doms[i].used && t->doms[i].domid == domid)
			return &t->doms[i];
	return NULL;
}

struct domtab_dom *domtab_lookup(struct domtab *t, const char *ref)
{
	struct domtab_dom *d = domtab_by_name(t, ref);
	unsigned long v;
	char *end;

	if (d || !ref[0] || ref[0] < '0' || ref[0] > '9')
		return d;
	errno = 0;
	v = strtoul(ref, &end, 10);
	if (errno || *end || v == 0 || v > DOMTAB_MAX_DOMID)
		return NULL;
	return domtab_by_domid(t, (uint32_t)v);
}

int domtab_renumber(struct domtab *t, struct domtab_dom *d)
{
	uint32_t old = d->domid, id;

	d->domid = 0;
	id = alloc_domid(t);
	if (!id) {
		d->domid = old;
		return -ENOSPC;
	}
	d->domid = id;
	return 0;
}

const char *domtab_state_name(enum domtab_state s)
{
	return (unsigned int)s < sizeof(state_names) / sizeof(state_names[0])
		       ? state_names[s]
		       : "unknown";
}

const char *domtab_state_flags(enum domtab_state s)
{
	return (unsigned int)s < sizeof(state_flags) / sizeof(state_flags[0])
		       ? state_flags[s]
		       : "------";
}

int domtab_state_parse(const char *s, enum domtab_state *out)
{
	unsigned int i;

	for (i = 0; i < sizeof(state_names) / sizeof(state_names[0]); i++) {
		if (!strcmp(s, state_names[i])) {
			*out = (enum domtab_state)i;
			return 0;
		}
	}
	return -EINVAL;
}
