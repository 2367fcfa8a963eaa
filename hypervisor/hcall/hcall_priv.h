/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Declarations shared by the hypercall families in hypervisor/hcall/: the
 * handler and sub-op types, the checked guest-memory accessors, logging of
 * unknown sub-ops, and the per-family entry points hcall.c's table uses.
 */
#ifndef HYPERVISOR_HCALL_PRIV_H
#define HYPERVISOR_HCALL_PRIV_H

#include "hypervisor/hcall.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * We implement the current interface, as Xen does. With the legacy default
 * of xen-compat.h, xen.h would renumber sched_op and event_channel_op to
 * their pre-3.1 "compat" hypercalls. CMake sets the version for hv_hcall.
 */
#if __XEN_INTERFACE_VERSION__ < 0x00040e00
#error "build hv_hcall with __XEN_INTERFACE_VERSION__=__XEN_LATEST_INTERFACE_VERSION__"
#endif

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

/* Guest page size: x86 4 KiB pages (SDM 3A 4.1). */
#define HCALL_PAGE_SHIFT 12
#define HCALL_PAGE_SIZE (1U << HCALL_PAGE_SHIFT)

/*
 * A hypercall or sub-op handler. @args holds the hypercall's arguments,
 * already truncated to 32 bits for 32-bit callers, and zero beyond the
 * entry's nargs. Returns a non-negative result or a negative host errno;
 * the dispatcher converts it for the guest.
 */
typedef long (*hcall_fn)(struct hcall_vcpu *v, const uint64_t *args);

struct hcall_desc {
	hcall_fn fn;
	unsigned int nargs;
};

/*
 * Clamps @idx to 0 when it is not below @size, without a branch the CPU
 * could speculate past (STYLE.md 8, "index_nospec"). Call it after the
 * bounds check, on the value used to index.
 */
static inline uint64_t hcall_index_nospec(uint64_t idx, uint64_t size)
{
	uint64_t mask;

	/* Hide the preceding bounds check from the optimiser. */
	__asm__ volatile("" : "+r"(idx));
	/* All-ones if idx < size (both < 2^63 here), else zero. */
	mask = ~(uint64_t)((int64_t)(idx | (size - 1 - idx)) >> 63);
	return idx & mask;
}

/*
 * Checked guest-memory access for @v: refuses ranges that wrap the guest's
 * address space (2^32 in 32-bit mode, 2^64 in long mode) and normalises
 * any failure of the domain's callback to -EFAULT. A zero length succeeds
 * without touching guest memory.
 */
int hcall_copy_from_guest(const struct hcall_vcpu *v, void *dst, uint64_t gva,
			  size_t len) __attribute__((warn_unused_result));
int hcall_copy_to_guest(const struct hcall_vcpu *v, uint64_t gva,
			const void *src, size_t len)
	__attribute__((warn_unused_result));

/*
 * True if [@gva, @gva + @len) is non-empty and fits in @v's address space
 * without wrapping: below 2^32 for 32-bit callers, 2^64 in long mode.
 */
bool hcall_guest_range_ok(const struct hcall_vcpu *v, uint64_t gva,
			  uint64_t len);

/* True if @domid names the calling domain (DOMID_SELF or its own id). */
bool hcall_domid_is_self(const struct hcall_vcpu *v, uint64_t domid);

/*
 * Runs sub-op @cmd of hypercall @nr from @table, or logs the unknown sub-op
 * once per domain and returns -ENOSYS.
 */
long hcall_subop(struct hcall_vcpu *v, unsigned int nr, const hcall_fn *table,
		 size_t table_size, uint64_t cmd, const uint64_t *args);

/* Logs, once per domain, hypercall @nr sub-op @cmd as unimplemented. */
void hcall_log_unknown_subop(struct hcall_vcpu *v, unsigned int nr,
			     uint64_t cmd);

/* XENFEAT_* bits of submap 0 that this code and @ops back. */
uint32_t xen_version_default_features(const struct hcall_ops *ops);

/* Hypercall entry points, one per family file. */
long xen_version_hcall(struct hcall_vcpu *v, const uint64_t *args);
long memory_op_hcall(struct hcall_vcpu *v, const uint64_t *args);
long hvm_op_hcall(struct hcall_vcpu *v, const uint64_t *args);
long vcpu_op_hcall(struct hcall_vcpu *v, const uint64_t *args);
long console_io_hcall(struct hcall_vcpu *v, const uint64_t *args);
long sched_op_hcall(struct hcall_vcpu *v, const uint64_t *args);
long event_channel_op_hcall(struct hcall_vcpu *v, const uint64_t *args);
long set_timer_op_hcall(struct hcall_vcpu *v, const uint64_t *args);
long vm_assist_hcall(struct hcall_vcpu *v, const uint64_t *args);
long grant_table_op_hcall(struct hcall_vcpu *v, const uint64_t *args);

/* vcpu_op's timer sub-ops (vcpu_timer.c), for vcpu_op.c's table. */
long vcpu_timer_set_singleshot(struct hcall_vcpu *v, const uint64_t *args);
long vcpu_timer_stop_singleshot(struct hcall_vcpu *v, const uint64_t *args);
long vcpu_timer_set_periodic(struct hcall_vcpu *v, const uint64_t *args);
long vcpu_timer_stop_periodic(struct hcall_vcpu *v, const uint64_t *args);

/*
 * VIRQ_TIMER of vCPU @vcpu_id is now bound to @port (0: closed). Called
 * by event_channel.c with evtchn_lock held; the host learns of it in
 * vcpu_timer_flush().
 */
void vcpu_timer_virq_bound(struct hcall_domain *d, unsigned int vcpu_id,
			   unsigned int port);

/*
 * Tells the host of every timer change made under evtchn_lock. Call it
 * without the lock held: the host may have to run code on another vCPU's
 * thread, which may itself be waiting for the lock.
 */
void vcpu_timer_flush(struct hcall_domain *d);

/* Sets up @d's grant table (grant_table.c) once d->ops is set. */
void grant_table_init(struct hcall_domain *d);

/*
 * XENMEM_add_to_physmap(XENMAPSPACE_grant_table): maps grant frame @idx at
 * guest frame @gpfn (grant_table.c). 0 or a negative errno.
 */
long grant_table_add_to_physmap(struct hcall_vcpu *v, uint64_t idx,
				uint64_t gpfn);

/* Sets up @d's port table (port 0 reserved) once d->ops is set. */
void event_channel_init(struct hcall_domain *d);

#endif /* HYPERVISOR_HCALL_PRIV_H */
