/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A set of inclusive [start, end] ranges over the whole 64-bit space, kept
 * sorted, disjoint and merged (two ranges that touch become one). Used for
 * the port, MMIO and PCI claims of ioreq servers (dm-abi.md 3.6). Storage
 * grows on demand but never beyond the per-set cap given at init, so a
 * device model cannot make the hypervisor allocate without bound.
 *
 * Not thread-safe: the owner serialises all calls on one set.
 */
#ifndef HYPERVISOR_RANGESET_H
#define HYPERVISOR_RANGESET_H

#include <stdbool.h>
#include <stdint.h>

/* Hard cap on ranges per set, the same limit Xen puts on an ioreq server. */
#define RANGESET_MAX_RANGES 256

struct rangeset_range {
	uint64_t start;
	uint64_t end; /* inclusive */
};

struct rangeset {
	struct rangeset_range *ranges; /* sorted by start, disjoint */
	unsigned int nr;	       /* ranges in use */
	unsigned int alloc;	       /* ranges allocated */
	unsigned int max;	       /* cap, at most RANGESET_MAX_RANGES */
};

/*
 * Makes @r an empty set that may hold up to @max_ranges ranges; 0 or a
 * value above RANGESET_MAX_RANGES means RANGESET_MAX_RANGES. Allocates
 * nothing, so it cannot fail.
 */
void rangeset_init(struct rangeset *r, unsigned int max_ranges);

/* Frees the storage and leaves @r empty. Idempotent; @r may be all-zero. */
void rangeset_destroy(struct rangeset *r);

/*
 * Adds [@start, @end], merging it with every range it overlaps or touches.
 * Returns 0, -EINVAL if @start > @end, -ENOSPC if the set would exceed its
 * cap, or -ENOMEM. On error the set is unchanged.
 */
int rangeset_add(struct rangeset *r, uint64_t start, uint64_t end)
	__attribute__((warn_unused_result));

/*
 * Removes [@start, @end] from the set, trimming or splitting ranges it
 * covers in part; removing addresses not in the set is not an error.
 * Returns 0, -EINVAL if @start > @end, -ENOSPC if a split would exceed the
 * cap, or -ENOMEM. On error the set is unchanged.
 */
int rangeset_remove(struct rangeset *r, uint64_t start, uint64_t end)
	__attribute__((warn_unused_result));

/*
 * True if the access [@addr, @addr + @size - 1] lies entirely inside one
 * range. False for @size 0 and for accesses that wrap past 2^64.
 */
bool rangeset_contains(const struct rangeset *r, uint64_t addr, uint64_t size);

/* True if [@start, @end] lies inside one range; false if @start > @end. */
bool rangeset_contains_range(const struct rangeset *r, uint64_t start,
			     uint64_t end);

/* True if any address of [@start, @end] is in the set. */
bool rangeset_overlaps(const struct rangeset *r, uint64_t start, uint64_t end);

/* Number of disjoint ranges currently held. */
unsigned int rangeset_count(const struct rangeset *r);

#endif /* HYPERVISOR_RANGESET_H */
