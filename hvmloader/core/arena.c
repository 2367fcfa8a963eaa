/* SPDX-License-Identifier: GPL-2.0-only */
/* The table builders' bump allocator (arena.h). */
#include "hvmloader/arena.h"

#include <string.h>

void arena_init(struct arena *a, void *host, uint32_t gpa, uint32_t size)
{
	a->host = host;
	a->gpa = gpa;
	a->size = size;
	a->used = 0;
}

void *arena_alloc(struct arena *a, uint32_t size, uint32_t align, uint32_t *gpa)
{
	uint32_t start, pad;

	if (align == 0 || (align & (align - 1)))
		return NULL;
	/* Align the guest address; the host pointer follows it. */
	pad = (align - ((a->gpa + a->used) & (align - 1))) & (align - 1);
	if (pad > a->size - a->used || size > a->size - a->used - pad)
		return NULL;
	start = a->used + pad;
	a->used = start + size;
	memset(a->host + start, 0, size);
	if (gpa)
		*gpa = a->gpa + start;
	return a->host + start;
}

void *arena_ptr(const struct arena *a, uint32_t gpa, uint32_t len)
{
	uint32_t off;

	if (gpa < a->gpa)
		return NULL;
	off = gpa - a->gpa;
	if (len > a->size || off > a->size - len)
		return NULL;
	return a->host + off;
}

uint32_t arena_end(const struct arena *a)
{
	return a->gpa + a->used;
}
