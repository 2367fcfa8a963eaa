/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Device-model memory requests (domain_mem.h). The memory lock orders
 * concurrent requests; KVM applies a memslot change atomically for vCPUs
 * (a moved slot is KVM_MR_MOVE: same size, new guest address).
 */
#include "hypervisor/domain_mem.h"

#include <errno.h>
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
