/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Sorted, merged range sets (see rangeset.h). The ranges live in one array
 * sorted by start; lookups are binary searches, and every update replaces
 * one run of entries with at most two new ones, so add and remove share a
 * single code path that checks the cap before touching anything.
 */
#include "hypervisor/rangeset.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* First allocation; the array then doubles, up to the set's cap. */
#define RANGESET_MIN_ALLOC 8

void rangeset_init(struct rangeset *r, unsigned int max_ranges)
{
	if (max_ranges == 0 || max_ranges > RANGESET_MAX_RANGES)
		max_ranges = RANGESET_MAX_RANGES;
	r->ranges = NULL;
	r->nr = 0;
	r->alloc = 0;
	r->max = max_ranges;
}

void rangeset_destroy(struct rangeset *r)
{
	free(r->ranges);
	r->ranges = NULL;
	r->nr = 0;
	r->alloc = 0;
}

/* Index of the first range whose start is above @addr, or r->nr. */
static unsigned int first_start_above(const struct rangeset *r, uint64_t addr)
{
	unsigned int lo = 0, hi = r->nr;

	while (lo < hi) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (r->ranges[mid].start > addr)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* Index of the first range whose end is at or above @addr, or r->nr. */
static unsigned int first_end_from(const struct rangeset *r, uint64_t addr)
{
	unsigned int lo = 0, hi = r->nr;

	while (lo < hi) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (r->ranges[mid].end >= addr)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* Makes room for @need ranges; the caller has checked @need <= r->max. */
static int reserve(struct rangeset *r, unsigned int need)
{
	struct rangeset_range *p;
	unsigned int alloc = r->alloc ? r->alloc : RANGESET_MIN_ALLOC;

	if (need <= r->alloc)
		return 0;
	while (alloc < need)
		alloc *= 2;
	if (alloc > r->max)
		alloc = r->max;
	p = realloc(r->ranges, (size_t)alloc * sizeof(*p));
	if (!p)
		return -ENOMEM;
	r->ranges = p;
	r->alloc = alloc;
	return 0;
}

/*
 * Replaces ranges [lo, hi) with the @n ranges in @with. The cap is checked
 * and storage reserved first, so the set is unchanged on error.
 */
static int replace(struct rangeset *r, unsigned int lo, unsigned int hi,
		   const struct rangeset_range *with, unsigned int n)
{
	unsigned int nr = r->nr - (hi - lo) + n;
	int rc;

	if (nr > r->max)
		return -ENOSPC;
	rc = reserve(r, nr);
	if (rc)
		return rc;
	if (hi < r->nr)
		memmove(&r->ranges[lo + n], &r->ranges[hi],
			(size_t)(r->nr - hi) * sizeof(*r->ranges));
	if (n)
		memcpy(&r->ranges[lo], with, (size_t)n * sizeof(*with));
	r->nr = nr;
	return 0;
}

int rangeset_add(struct rangeset *r, uint64_t start, uint64_t end)
{
	struct rangeset_range merged = {.start = start, .end = end};
	unsigned int lo, hi;

	if (start > end)
		return -EINVAL;

	/*
	 * Ranges [lo, hi) overlap or touch [start, end]: their end reaches
	 * start - 1 and their start is at most end + 1. Both bounds are
	 * written so that start 0 and end 2^64-1 cannot wrap.
	 */
	lo = first_end_from(r, start ? start - 1 : 0);
	hi = end == UINT64_MAX ? r->nr : first_start_above(r, end + 1);
	if (lo < hi) {
		if (r->ranges[lo].start < merged.start)
			merged.start = r->ranges[lo].start;
		if (r->ranges[hi - 1].end > merged.end)
			merged.end = r->ranges[hi - 1].end;
	}
	return replace(r, lo, hi, &merged, 1);
}

int rangeset_remove(struct rangeset *r, uint64_t start, uint64_t end)
{
	struct rangeset_range keep[2];
	unsigned int lo, hi, n = 0;

	if (start > end)
		return -EINVAL;

	/* Ranges [lo, hi) share at least one address with [start, end]. */
	lo = first_end_from(r, start);
	hi = first_start_above(r, end);
	if (lo >= hi)
		return 0;

	/* Keep the parts of the outermost ranges that stick out. */
	if (r->ranges[lo].start < start) {
		keep[n].start = r->ranges[lo].start;
		keep[n++].end = start - 1;
	}
	if (r->ranges[hi - 1].end > end) {
		keep[n].start = end + 1;
		keep[n++].end = r->ranges[hi - 1].end;
	}
	return replace(r, lo, hi, keep, n);
}

bool rangeset_contains_range(const struct rangeset *r, uint64_t start,
			     uint64_t end)
{
	unsigned int i;

	if (start > end)
		return false;
	/* Only the last range starting at or below @start can hold it. */
	i = first_start_above(r, start);
	return i > 0 && r->ranges[i - 1].end >= end;
}

bool rangeset_contains(const struct rangeset *r, uint64_t addr, uint64_t size)
{
	/* An access that wraps past 2^64 is inside no range. */
	if (size == 0 || size - 1 > UINT64_MAX - addr)
		return false;
	return rangeset_contains_range(r, addr, addr + (size - 1));
}

bool rangeset_overlaps(const struct rangeset *r, uint64_t start, uint64_t end)
{
	unsigned int i;

	if (start > end)
		return false;
	/* The last range starting at or below @end is the only candidate. */
	i = first_start_above(r, end);
	return i > 0 && r->ranges[i - 1].end >= start;
}

unsigned int rangeset_count(const struct rangeset *r)
{
	return r->nr;
}
