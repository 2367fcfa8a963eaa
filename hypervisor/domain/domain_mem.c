/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Device-model memory requests (domain_mem.h). The memory lock orders
 * concurrent requests; KVM applies a memslot change atomically for vCPUs
 * (a moved slot is KVM_MR_MOVE: same size, new guest address).
 */
#include "hypervisor/domain_mem.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "hypervisor/domain.h"
#include "hypervisor/log.h"
#include "vm_kvm.h"

int domain_mem_populate(struct domain *d, uint64_t gfn, uint64_t nr_pages)
{
	unsigned int index;
	int rc;

	pthread_rwlock_wrlock(&d->mem_lock);
	rc = gmem_populate(d->mem, gfn, nr_pages, &index);
	if (!rc) {
		rc = vm_kvm_set_memslot(d, index);
		if (rc) /* keep gmem and KVM in step */
			d->mem->nr_regions--;
		else
			domain_mem_slot_changed(d, index, false);
	}
	pthread_rwlock_unlock(&d->mem_lock);
	if (rc)
		log_warn(
			"mem",
			"device model could not populate %llu pages at gfn 0x%llx: %s",
			(unsigned long long)nr_pages, (unsigned long long)gfn,
			strerror(-rc));
	return rc;
}

/* Where the block populated at @home_gfn is now, or ~0 if none. */
static uint64_t current_gpa(const struct gmem *m, uint64_t home_gfn)
{
	unsigned int i;

	for (i = 0; i < m->nr_regions; i++) {
		if (m->regions[i].kind == GMEM_POPULATED &&
		    m->regions[i].home / GMEM_PAGE_SIZE == home_gfn)
			return m->regions[i].gpa;
	}
	return ~0ULL;
}

int domain_mem_relocate(struct domain *d, uint64_t src_gfn, uint64_t dst_gfn,
			uint64_t nr_pages)
{
	unsigned int index;
	uint64_t old_gpa;
	int rc;

	pthread_rwlock_wrlock(&d->mem_lock);
	old_gpa = current_gpa(d->mem, src_gfn);
	rc = gmem_relocate(d->mem, src_gfn, dst_gfn, nr_pages, &index);
	if (!rc) {
		rc = vm_kvm_set_memslot(d, index);
		if (rc) /* KVM kept the old place: so does gmem */
			d->mem->regions[index].gpa = old_gpa;
		else
			domain_mem_slot_changed(d, index, true);
	}
	pthread_rwlock_unlock(&d->mem_lock);
	if (rc)
		log_warn(
			"mem",
			"device model could not move %llu pages from gfn 0x%llx to 0x%llx: %s",
			(unsigned long long)nr_pages,
			(unsigned long long)src_gfn,
			(unsigned long long)dst_gfn, strerror(-rc));
	else
		log_info("mem", "moved %llu pages from gfn 0x%llx to 0x%llx",
			 (unsigned long long)nr_pages,
			 (unsigned long long)src_gfn,
			 (unsigned long long)dst_gfn);
	return rc;
}

int domain_mem_grant_place(struct domain *d, uint64_t base_gfn,
			   unsigned int nr_frames)
{
	struct gmem_region *r;
	unsigned int index;
	uint64_t old_gpa = 0;
	bool moved = false;
	int rc;

	pthread_rwlock_wrlock(&d->mem_lock);
	for (index = 0; index < d->mem->nr_regions; index++)
		if (d->mem->regions[index].kind == GMEM_GRANT)
			old_gpa = d->mem->regions[index].gpa;
	rc = gmem_grant_place(d->mem, base_gfn, nr_frames, &index, &moved);
	if (!rc) {
		r = &d->mem->regions[index];
		/* gmem has the new place; KVM learns it now. */
		rc = vm_kvm_set_memslot(d, index);
		if (rc && moved) { /* KVM kept the old place */
			r->gpa = old_gpa;
		} else if (rc) {
			d->mem->nr_regions--;
		} else {
			domain_mem_slot_changed(d, index, moved);
		}
	}
	pthread_rwlock_unlock(&d->mem_lock);
	if (rc == -EEXIST || rc == -EINVAL) {
		/*
		 * Xen would free RAM pages there; we refuse, once in the log
		 * (the guest may retry as often as it likes).
		 */
		if (!__atomic_exchange_n(&d->grant_refusal_logged, true,
					 __ATOMIC_RELAXED))
			log_warn(
				"mem",
				"the guest asked for its %u grant frames at gfn 0x%llx, over RAM or another region (or beyond 1 TiB): refused with -EINVAL; only a hole, such as the Xen platform device's MMIO BAR, can hold them",
				nr_frames, (unsigned long long)base_gfn);
		return -EINVAL;
	}
	if (rc) {
		log_warn("mem", "cannot map the grant frames at gfn 0x%llx: %s",
			 (unsigned long long)base_gfn, strerror(-rc));
	} else if (!moved || !__atomic_exchange_n(&d->grant_move_logged, true,
						  __ATOMIC_RELAXED)) {
		/* The first place and the first move; a guest may move them
		 * as often as it likes. */
		log_info("mem", "grant frames %s gfn 0x%llx (%u frames)",
			 moved ? "moved to" : "mapped at",
			 (unsigned long long)base_gfn, nr_frames);
	} else {
		log_debug("mem", "grant frames moved to gfn 0x%llx",
			  (unsigned long long)base_gfn);
	}
	return rc;
}

/* MEM_INFO lists every region: none can be cut off. */
_Static_assert(GMEM_MAX_REGIONS <= CTL_MEM_MAX_REGIONS,
	       "MEM_INFO has room for every guest memory region");

static const uint32_t kind_to_ctl[] = {
	[GMEM_RAM] = CTL_MEM_RAM,
	[GMEM_SPECIAL] = CTL_MEM_SPECIAL,
	[GMEM_POPULATED] = CTL_MEM_POPULATED,
	[GMEM_GRANT] = CTL_MEM_GRANT,
};

void domain_mem_describe(struct domain *d, struct ctl_mem_info *out)
{
	const struct gmem *m = d->mem;
	unsigned int i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < m->nr_regions && i < CTL_MEM_MAX_REGIONS; i++) {
		out->r[i].gpa = m->regions[i].gpa;
		out->r[i].size = m->regions[i].size;
		out->r[i].offset = m->regions[i].home;
		out->r[i].kind = kind_to_ctl[m->regions[i].kind];
	}
	out->nr_regions = i;
}

/* The populated region that holds [first_pfn, +nr) where the guest sees it. */
static int find_vram(const struct gmem *m, uint64_t first_pfn, uint32_t nr)
{
	uint64_t start = first_pfn * GMEM_PAGE_SIZE;
	uint64_t len = (uint64_t)nr * GMEM_PAGE_SIZE;
	unsigned int i;

	if (first_pfn > UINT64_MAX / GMEM_PAGE_SIZE - nr)
		return -1;
	for (i = 0; i < m->nr_regions; i++) {
		const struct gmem_region *r = &m->regions[i];

		if (r->kind == GMEM_POPULATED && start >= r->gpa &&
		    start - r->gpa <= r->size &&
		    len <= r->size - (start - r->gpa))
			return (int)i;
	}
	return -1;
}

/* Turns dirty logging of region @index on or off, and tracking with it. */
static int set_logging(struct domain *d, int index, bool on)
{
	struct gmem_region *r = &d->mem->regions[index];
	int rc;

	if (r->log_dirty == on)
		return 0;
	r->log_dirty = on;
	rc = vm_kvm_set_memslot(d, (unsigned int)index);
	if (rc)
		r->log_dirty = !on;
	return rc;
}

static void stop_tracking(struct domain *d)
{
	unsigned int i;

	for (i = 0; i < d->mem->nr_regions; i++) {
		if (d->mem->regions[i].log_dirty &&
		    set_logging(d, (int)i, false))
			log_warn("mem", "cannot turn dirty logging off");
	}
	d->vram_dirty.on = false;
}

/* Copies the dirty bits of [first_pfn, +nr) out of region @index's log. */
static int read_log(struct domain *d, int index, uint64_t first_pfn,
		    uint32_t nr, uint64_t *bits)
{
	const struct gmem_region *r = &d->mem->regions[index];
	uint64_t pages = r->size / GMEM_PAGE_SIZE;
	uint64_t skip = first_pfn - r->gpa / GMEM_PAGE_SIZE;
	uint64_t *log = calloc((pages + 63) / 64, sizeof(uint64_t));
	uint32_t i;
	int rc;

	if (!log)
		return -ENOMEM;
	rc = vm_kvm_get_dirty_log(d, (unsigned int)index, log);
	for (i = 0; !rc && i < nr; i++) {
		uint64_t b = skip + i;

		if (log[b / 64] & (1ULL << (b % 64)))
			bits[i / 64] |= 1ULL << (i % 64);
	}
	free(log);
	return rc;
}

int domain_mem_dirty_vram(struct domain *d, uint64_t first_pfn, uint32_t nr,
			  uint64_t *bits)
{
	int index, rc = 0;
	uint32_t i;

	if (nr > CTL_DIRTY_MAX_PAGES)
		return -EINVAL;
	memset(bits, 0, (size_t)(nr + 63) / 64 * sizeof(uint64_t));
	pthread_rwlock_wrlock(&d->mem_lock);
	index = nr ? find_vram(d->mem, first_pfn, nr) : -1;
	if (index < 0) {
		stop_tracking(d);
		rc = nr ? -ENODATA : 0;
	} else if (d->vram_dirty.on && d->vram_dirty.first_pfn == first_pfn &&
		   d->vram_dirty.nr == nr && d->mem->regions[index].log_dirty) {
		rc = read_log(d, index, first_pfn, nr, bits);
	} else {
		/* A new range: everything counts as dirty once. */
		stop_tracking(d);
		rc = set_logging(d, index, true);
		d->vram_dirty.on = !rc;
		d->vram_dirty.first_pfn = first_pfn;
		d->vram_dirty.nr = nr;
		for (i = 0; !rc && i < nr; i++)
			bits[i / 64] |= 1ULL << (i % 64);
	}
	pthread_rwlock_unlock(&d->mem_lock);
	return rc;
}
