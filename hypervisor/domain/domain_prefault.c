/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Maps guest memory into KVM's nested page tables ahead of the guest
 * (KVM_PRE_FAULT_MEMORY, Linux 6.10+, api.rst 4.143), the way Xen builds a
 * domain's p2m before it runs. Without it every first touch of a guest
 * page is a nested page fault, thousands a second while a guest clears or
 * decompresses memory, each an exit; under nested virtualisation each
 * also widens the window for the emulator's event-injection faults.
 *
 * Each region is mapped once after its memslot appears or moves. A moved
 * slot is mapped again only where KVM drops that slot's mappings alone
 * (vm_kvm.c, SLOT_ZAP_ALL); elsewhere mapping ahead stops at the first
 * move, because KVM_PRE_FAULT_MEMORY would spin on the dropped root.
 */
#include "hypervisor/domain_mem.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <linux/kvm.h>

#include "hypervisor/clock_ms.h"
#include "hypervisor/domain.h"
#include "hypervisor/gmem.h"
#include "hypervisor/log.h"
#include "hypervisor/vcpu.h"

/* Linux 6.10 UAPI; Debian 12's headers (6.1) predate it. */
#ifndef KVM_PRE_FAULT_MEMORY
struct kvm_pre_fault_memory {
	__u64 gpa;
	__u64 size;
	__u64 flags;
	__u64 padding[5];
};
#define KVM_PRE_FAULT_MEMORY _IOWR(KVMIO, 0xd5, struct kvm_pre_fault_memory)
#endif

_Static_assert(GMEM_MAX_REGIONS <= 32, "a bit per region in prefault_todo");

/*
 * Mapping is done in steps before each KVM_RUN so the guest starts at once
 * and runs between them: a nested test host maps about 8 ms per MiB.
 */
#define PREFAULT_STEP (8ULL << 20)

void domain_mem_prefault_setup(struct domain *d)
{
	const char *e = getenv("HVM_PREFAULT");

	if (!e || strcmp(e, "0") != 0)
		return;
	d->prefault_off = true;
	log_warn(
		"mem",
		"HVM_PREFAULT=0 in the environment: guest memory is not mapped ahead, the guest faults its pages in as it touches them (an experiment's switch; unset it for normal use)");
}

void domain_mem_slot_changed(struct domain *d, unsigned int index, bool moved)
{
	if (moved && !d->zap_slot_only && !d->prefault_off) {
		d->prefault_off = true;
		log_info(
			"mem",
			"a memory slot moved and this kernel then drops all of KVM's mappings (SLOT_ZAP_ALL, before Linux 6.12): no more mapping ahead, the guest faults its pages in as it touches them");
	}
	/* Restart the region being worked on if it is this one. */
	if ((__atomic_load_n(&d->prefault_todo, __ATOMIC_ACQUIRE) &
	     ((1u << index) - 1)) == 0)
		d->prefault_offset = 0;
	__atomic_or_fetch(&d->prefault_todo, 1u << index, __ATOMIC_RELEASE);
}

/* Maps one range; 0, -EINTR (a kick: try again later) or -errno. */
static int prefault_range(int vcpu_fd, uint64_t gpa, uint64_t size)
{
	struct kvm_pre_fault_memory r = {.gpa = gpa, .size = size};

	/* KVM shrinks the range as it goes and may stop early. */
	while (r.size) {
		if (ioctl(vcpu_fd, KVM_PRE_FAULT_MEMORY, &r) < 0 &&
		    errno != EAGAIN)
			return -errno;
	}
	return 0;
}

static void report(struct domain *d, int rc)
{
	if (rc == -ENOTTY || rc == -EOPNOTSUPP || rc == -EINVAL) {
		d->prefault_off = true;
		log_info(
			"mem",
			"this kernel cannot map guest memory ahead (KVM_PRE_FAULT_MEMORY: %s); the guest faults its pages in as it touches them",
			strerror(-rc));
	} else if (rc) {
		log_warn(
			"mem",
			"mapping guest memory ahead stopped after %llu KiB: %s; the guest faults the rest in as it touches it",
			(unsigned long long)(d->prefault_bytes >> 10),
			strerror(-rc));
	} else if (d->prefault_bytes) {
		log_info(
			"mem",
			"mapped %llu KiB of guest memory ahead, in %llu ms between guest runs",
			(unsigned long long)(d->prefault_bytes >> 10),
			(unsigned long long)d->prefault_ms);
	}
	d->prefault_bytes = 0;
	d->prefault_ms = 0;
}

/* The first region to map (lowest index with work), or nr_regions. */
static unsigned int next_region(const struct domain *d, uint32_t todo)
{
	unsigned int i;

	for (i = 0; i < d->mem->nr_regions; i++)
		if (todo & (1u << i))
			return i;
	return d->mem->nr_regions;
}

void domain_mem_prefault(struct vcpu *v)
{
	struct domain *d = v->d;
	const struct gmem_region *r;
	uint64_t t0, len;
	uint32_t todo;
	unsigned int i;
	int rc = 0;

	/* One vCPU is enough: the nested page tables are the VM's. */
	if (v->id != 0 || !__atomic_load_n(&d->prefault_todo, __ATOMIC_ACQUIRE))
		return;
	t0 = clock_ms_now();
	/* Read-locked: no slot moves while KVM maps. */
	pthread_rwlock_rdlock(&d->mem_lock);
	todo = __atomic_load_n(&d->prefault_todo, __ATOMIC_ACQUIRE);
	i = next_region(d, todo);
	if (i == d->mem->nr_regions || d->prefault_off) {
		__atomic_and_fetch(&d->prefault_todo, 0, __ATOMIC_RELEASE);
		goto out;
	}
	r = &d->mem->regions[i];
	/*
	 * A dirty-logged slot (the framebuffer being tracked) is left to the
	 * guest: mapping it ahead would mark every page dirty.
	 */
	len = r->log_dirty || d->prefault_offset >= r->size
		      ? 0
		      : r->size - d->prefault_offset;
	if (len > PREFAULT_STEP)
		len = PREFAULT_STEP;
	if (len)
		rc = prefault_range(v->fd, r->gpa + d->prefault_offset, len);
	if (rc == -EINTR)
		goto out; /* kicked: the same step next time */
	d->prefault_ms += clock_ms_now() - t0;
	if (!rc) {
		d->prefault_bytes += len;
		d->prefault_offset += len;
		if (len && d->prefault_offset < r->size)
			goto out;
	}
	/* This region is done, or mapping ahead failed: stop on it. */
	d->prefault_offset = 0;
	todo = rc ? todo : 1u << i;
	if (!(__atomic_and_fetch(&d->prefault_todo, ~todo, __ATOMIC_RELEASE)) ||
	    rc)
		report(d, rc);
out:
	pthread_rwlock_unlock(&d->mem_lock);
}
