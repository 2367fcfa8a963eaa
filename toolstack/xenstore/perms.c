/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Xenstore permission lists: parsing "<letter><domid>" strings,
 * formatting them back, and deciding what a domain may do with a node.
 */
#include "xenstored/perms.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Indexed by mode: PERM_NONE, PERM_READ, PERM_WRITE, PERM_BOTH. */
static const char perm_letters[] = {'n', 'r', 'w', 'b'};

static int parse_domid(const char *s, uint32_t *out)
{
	unsigned long v;
	char *end;

	/* Plain decimal only: no sign, space or empty string. */
	if (*s < '0' || *s > '9')
		return -EINVAL;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || v > PERMS_DOMID_MAX)
		return -EINVAL;
	*out = (uint32_t)v;
	return 0;
}

static int parse_entry(const char *s, struct perm_entry *e)
{
	const char *letter;

	if (!*s)
		return -EINVAL;
	letter = memchr(perm_letters, *s, sizeof(perm_letters));
	if (!letter)
		return -EINVAL;
	e->mode = (unsigned int)(letter - perm_letters);
	return parse_domid(s + 1, &e->domid);
}

int perms_parse(const char *const *v, unsigned int nr, struct perms *out)
{
	struct perm_entry *e;
	unsigned int i;
	int rc;

	if (!nr)
		return -EINVAL;
	e = calloc(nr, sizeof(*e));
	if (!e)
		return -ENOMEM;
	for (i = 0; i < nr; i++) {
		rc = parse_entry(v[i], &e[i]);
		if (rc) {
			free(e);
			return rc;
		}
	}
	out->e = e;
	out->nr = nr;
	return 0;
}

int perms_init_one(struct perms *p, unsigned int mode, uint32_t domid)
{
	p->e = calloc(1, sizeof(*p->e));
	if (!p->e)
		return -ENOMEM;
	p->e[0].domid = domid;
	p->e[0].mode = mode & PERM_BOTH;
	p->nr = 1;
	return 0;
}

int perms_copy(struct perms *dst, const struct perms *src)
{
	dst->e = calloc(src->nr, sizeof(*dst->e));
	if (!dst->e)
		return -ENOMEM;
	memcpy(dst->e, src->e, src->nr * sizeof(*dst->e));
	dst->nr = src->nr;
	return 0;
}

void perms_free(struct perms *p)
{
	free(p->e);
	p->e = NULL;
	p->nr = 0;
}

bool perms_equal(const struct perms *a, const struct perms *b)
{
	unsigned int i;

	if (a->nr != b->nr)
		return false;
	for (i = 0; i < a->nr; i++) {
		if (a->e[i].domid != b->e[i].domid ||
		    a->e[i].mode != b->e[i].mode)
			return false;
	}
	return true;
}

uint32_t perms_owner(const struct perms *p)
{
	return p->e[0].domid;
}

unsigned int perms_for(const struct perms *p, uint32_t domid, bool privileged)
{
	unsigned int i;

	if (privileged || p->e[0].domid == domid)
		return PERM_BOTH | PERM_OWNER;
	for (i = 1; i < p->nr; i++) {
		if (p->e[i].domid == domid)
			return p->e[i].mode;
	}
	return p->e[0].mode;
}

int perms_format(const struct perms *p, char *buf, size_t cap, size_t *len)
{
	size_t off = 0;
	unsigned int i;
	int n;

	for (i = 0; i < p->nr; i++) {
		n = snprintf(buf + off, cap - off, "%c%u",
			     perm_letters[p->e[i].mode & PERM_BOTH],
			     (unsigned int)p->e[i].domid);
		/* The NUL snprintf wrote is the separator. */
		if (n < 0 || (size_t)n >= cap - off)
			return -E2BIG;
		off += (size_t)n + 1;
	}
	*len = off;
	return 0;
}
