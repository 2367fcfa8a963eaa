/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The table of introduced domains: a small array, searched linearly (one
 * entry per running guest).
 */
#include "xenstored/domtab.h"

#include <errno.h>
#include <stdlib.h>

static struct domtab_entry *find(const struct domtab *t, uint32_t domid)
{
	unsigned int i;

	for (i = 0; i < t->nr; i++) {
		if (t->e[i].domid == domid)
			return &t->e[i];
	}
	return NULL;
}

static int grow(struct domtab *t)
{
	struct domtab_entry *grown;
	unsigned int cap;

	if (t->nr < t->cap)
		return 0;
	cap = t->cap ? t->cap * 2 : 8;
	grown = realloc(t->e, cap * sizeof(*grown));
	if (!grown)
		return -ENOMEM;
	t->e = grown;
	t->cap = cap;
	return 0;
}

int domtab_introduce(struct domtab *t, uint32_t domid, uint64_t gfn,
		     uint32_t port, bool *is_new)
{
	struct domtab_entry *e;

	if (domid == 0 || domid >= DOMTAB_DOMID_LIMIT)
		return -EINVAL;
	e = find(t, domid);
	*is_new = !e;
	if (!e) {
		if (grow(t))
			return -ENOMEM;
		e = &t->e[t->nr++];
		e->domid = domid;
	}
	e->gfn = gfn;
	e->port = port;
	return 0;
}

int domtab_release(struct domtab *t, uint32_t domid)
{
	struct domtab_entry *e = find(t, domid);

	if (!e)
		return -ENOENT;
	*e = t->e[--t->nr];
	return 0;
}

bool domtab_is_introduced(const struct domtab *t, uint32_t domid)
{
	return domid == 0 || find(t, domid);
}

void domtab_destroy(struct domtab *t)
{
	free(t->e);
	t->e = NULL;
	t->nr = t->cap = 0;
}
