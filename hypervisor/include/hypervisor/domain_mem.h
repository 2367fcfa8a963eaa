/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Guest memory changes the device model asks for (dm-abi.md 4.3, 4.4):
 * populating its extra RAM blocks (VRAM, option ROMs) above guest RAM, and
 * relocating a populated block (the framebuffer) to where the guest mapped
 * its BAR, repeatedly. Each keeps the KVM memslot in step with gmem.
 */
#ifndef HYPERVISOR_DOMAIN_MEM_H
#define HYPERVISOR_DOMAIN_MEM_H

#include <stdint.h>

#include "hypervisor/ctl_proto.h"

struct domain;
struct vcpu;

/*
 * Records that the memslot of region @index was added (@moved false) or
 * moved, so KVM has no mappings for it; the caller holds d->mem_lock for
 * writing, or no vCPU runs yet.
 */
void domain_mem_slot_changed(struct domain *d, unsigned int index, bool moved);

/*
 * On vCPU 0's thread, before KVM_RUN: maps the memory of regions KVM has
 * not mapped yet into its nested page tables. Logs what it did, or once
 * why it cannot.
 */
void domain_mem_prefault(struct vcpu *v);

/*
 * Mapping ahead is on unless hvm-domain's environment has HVM_PREFAULT=0,
 * a switch for the test substrate's experiments (tests/stress/README.md);
 * turning it off is logged. Called once, before any vCPU runs.
 */
void domain_mem_prefault_setup(struct domain *d);

/*
 * The guest's grant frames at [@base_gfn, + @nr_frames) (hcall_ops'
 * grant_frames_place): gmem_grant_place() plus a memslot, added or moved.
 * 0, -EINVAL where the range is not a free hole (logged once), -errno.
 */
int domain_mem_grant_place(struct domain *d, uint64_t base_gfn,
			   unsigned int nr_frames)
	__attribute__((warn_unused_result));

/* gmem_populate() plus a memslot. 0, -EINVAL, -ENOSPC, -EEXIST, -errno. */
int domain_mem_populate(struct domain *d, uint64_t gfn, uint64_t nr_pages)
	__attribute__((warn_unused_result));

/* gmem_relocate() plus moving the memslot. 0 or a negative errno. */
int domain_mem_relocate(struct domain *d, uint64_t src_gfn, uint64_t dst_gfn,
			uint64_t nr_pages) __attribute__((warn_unused_result));

/* Fills @out with the regions; the caller holds d->mem_lock. */
void domain_mem_describe(struct domain *d, struct ctl_mem_info *out);

/*
 * Framebuffer dirty tracking (dm-abi.md 4.5) with KVM's dirty log: sets
 * bit i of @bits (@nr bits, in 64-bit words) if page @first_pfn + i was
 * written since the last call for the same range; a new range starts
 * tracking and reports every page. @nr 0 stops tracking. Returns 0,
 * -ENODATA if the range is not inside one populated block where the guest
 * sees it, or another negative errno.
 */
int domain_mem_dirty_vram(struct domain *d, uint64_t first_pfn, uint32_t nr,
			  uint64_t *bits) __attribute__((warn_unused_result));

#endif /* HYPERVISOR_DOMAIN_MEM_H */
