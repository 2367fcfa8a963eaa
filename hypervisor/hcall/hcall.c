/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The hypercall dispatcher (see hcall.h): the table of implemented Xen
 * hypercalls, the privilege check, 32-bit argument truncation, the host to
 * Xen errno conversion, the checked guest-memory accessors every family
 * uses, and the once-per-domain logging of unknown hypercalls and sub-ops.
 */
#include "hypervisor/hcall.h"

#include <errno.h>
#include <string.h>

#include <xen/errno.h>
#include <xen/features.h>

#include "hcall_priv.h"
#include "hypervisor/log.h"

static const struct hcall_desc hcall_table[] = {
	[__HYPERVISOR_memory_op] = {.fn = memory_op_hcall, .nargs = 2},
	[__HYPERVISOR_xen_version] = {.fn = xen_version_hcall, .nargs = 2},
	[__HYPERVISOR_console_io] = {.fn = console_io_hcall, .nargs = 3},
	[__HYPERVISOR_vcpu_op] = {.fn = vcpu_op_hcall, .nargs = 3},
	[__HYPERVISOR_sched_op] = {.fn = sched_op_hcall, .nargs = 2},
	[__HYPERVISOR_hvm_op] = {.fn = hvm_op_hcall, .nargs = 2},
	[__HYPERVISOR_event_channel_op] = {.fn = event_channel_op_hcall,
					   .nargs = 2},
	[__HYPERVISOR_set_timer_op] = {.fn = set_timer_op_hcall, .nargs = 2},
	[__HYPERVISOR_vm_assist] = {.fn = vm_assist_hcall, .nargs = 2},
	[__HYPERVISOR_grant_table_op] = {.fn = grant_table_op_hcall,
					 .nargs = 3},
};

/* Used when the domain passes no ops: every service is absent. */
static const struct hcall_ops hcall_no_ops;

struct errno_pair {
	int host;
	int xen;
};

/*
 * Host errno to Xen errno, built from xen/errno.h's own list so every
 * name Xen defines is covered. On Linux/x86 the numbers happen to agree;
 * the table keeps us correct without relying on that.
 */
static const struct errno_pair errno_map[] = {
#define XEN_ERRNO(name, value) {name, XEN_##name},
#include <xen/errno.h>
};

long hcall_xen_errno(long rc)
{
	unsigned int i;

	if (rc >= 0)
		return rc;
	for (i = 0; i < ARRAY_SIZE(errno_map); i++) {
		if (-rc == errno_map[i].host)
			return -errno_map[i].xen;
	}
	return -XEN_EIO;
}

void hcall_domain_init(struct hcall_domain *d, uint16_t domid,
		       unsigned int max_vcpus, const struct hcall_ops *ops,
		       void *opaque)
{
	memset(d, 0, sizeof(*d));
	d->ops = ops ? ops : &hcall_no_ops;
	d->opaque = opaque;
	d->domid = domid;
	d->max_vcpus =
		max_vcpus < HCALL_MAX_VCPUS ? max_vcpus : HCALL_MAX_VCPUS;
	d->xen_major = HCALL_XEN_MAJOR;
	d->xen_minor = HCALL_XEN_MINOR;
	d->features = xen_version_default_features(d->ops);
	event_channel_init(d);
	grant_table_init(d);
}

void hcall_domain_disable_evtchn(struct hcall_domain *d)
{
	d->evtchn_enabled = false;
	d->features &= ~(1U << XENFEAT_hvm_callback_vector);
	/* Xen timers raise VIRQ_TIMER, an event channel. */
	hcall_domain_disable_pv_time(d);
}

void hcall_domain_disable_pv_time(struct hcall_domain *d)
{
	d->features &= ~(1U << XENFEAT_hvm_safe_pvclock);
}

int hcall_domain_set_e820(struct hcall_domain *d,
			  const struct hcall_e820_entry *map, unsigned int nr)
{
	if (nr == 0 || nr > ARRAY_SIZE(d->e820))
		return -EINVAL;
	memcpy(d->e820, map, nr * sizeof(*map));
	d->nr_e820 = nr;
	return 0;
}

int hcall_domain_set_param(struct hcall_domain *d, unsigned int index,
			   uint64_t value)
{
	if (index >= ARRAY_SIZE(d->params))
		return -EINVAL;
	__atomic_store_n(&d->params[index], value, __ATOMIC_RELAXED);
	return 0;
}

int hcall_domain_get_param(const struct hcall_domain *d, unsigned int index,
			   uint64_t *value)
{
	if (index >= ARRAY_SIZE(d->params))
		return -EINVAL;
	*value = __atomic_load_n(&d->params[index], __ATOMIC_RELAXED);
	return 0;
}

/* Sets bit @bit in @word; true if this call set it (first time). */
static bool test_and_set(uint64_t *word, unsigned int bit)
{
	uint64_t m = 1ULL << bit;

	return !(__atomic_fetch_or(word, m, __ATOMIC_RELAXED) & m);
}

static void log_unknown(struct hcall_vcpu *v, uint64_t nr)
{
	unsigned int slot = nr < HCALL_NR_HYPERCALLS ? nr : HCALL_NR_HYPERCALLS;

	if (!test_and_set(&v->d->unknown_logged[slot / 64], slot % 64))
		return;
	log_warn(
		"hcall",
		"v%u: unimplemented hypercall %llu, returning -ENOSYS (logged once per domain)",
		v->id, (unsigned long long)nr);
}

void hcall_log_unknown_subop(struct hcall_vcpu *v, unsigned int nr,
			     uint64_t cmd)
{
	unsigned int bit = cmd < 63 ? cmd : 63;

	if (nr >= HCALL_NR_HYPERCALLS ||
	    !test_and_set(&v->d->unknown_subop_logged[nr], bit))
		return;
	log_warn(
		"hcall",
		"v%u: unimplemented sub-op %llu of hypercall %u, returning -ENOSYS (logged once per domain)",
		v->id, (unsigned long long)cmd, nr);
}

long hcall_subop(struct hcall_vcpu *v, unsigned int nr, const hcall_fn *table,
		 size_t table_size, uint64_t cmd, const uint64_t *args)
{
	if (cmd >= table_size || !table[cmd]) {
		hcall_log_unknown_subop(v, nr, cmd);
		return -ENOSYS;
	}
	return table[hcall_index_nospec(cmd, table_size)](v, args);
}

bool hcall_domid_is_self(const struct hcall_vcpu *v, uint64_t domid)
{
	return domid == DOMID_SELF || domid == v->d->domid;
}

bool hcall_guest_range_ok(const struct hcall_vcpu *v, uint64_t gva,
			  uint64_t len)
{
	uint64_t last = v->longmode ? UINT64_MAX : UINT32_MAX;

	return len > 0 && gva <= last && len - 1 <= last - gva;
}

int hcall_copy_from_guest(const struct hcall_vcpu *v, void *dst, uint64_t gva,
			  size_t len)
{
	const struct hcall_ops *ops = v->d->ops;

	if (len == 0)
		return 0;
	if (!hcall_guest_range_ok(v, gva, len) || !ops->copy_from_guest)
		return -EFAULT;
	if (ops->copy_from_guest(v->d->opaque, v->id, dst, gva, len))
		return -EFAULT;
	return 0;
}

int hcall_copy_to_guest(const struct hcall_vcpu *v, uint64_t gva,
			const void *src, size_t len)
{
	const struct hcall_ops *ops = v->d->ops;

	if (len == 0)
		return 0;
	if (!hcall_guest_range_ok(v, gva, len) || !ops->copy_to_guest)
		return -EFAULT;
	if (ops->copy_to_guest(v->d->opaque, v->id, gva, src, len))
		return -EFAULT;
	return 0;
}

long hcall_dispatch(struct hcall_vcpu *v, uint64_t nr,
		    const uint64_t args[HCALL_MAX_ARGS])
{
	uint64_t mask = v->longmode ? UINT64_MAX : UINT32_MAX;
	uint64_t a[HCALL_MAX_ARGS] = {0};
	const struct hcall_desc *desc;
	unsigned int i;

	/*
	 * Xen answers every hypercall from guest user mode with -EPERM
	 * before looking at the number; the kernel decides what user space
	 * may do (KVM passes such calls to us, it does not filter them).
	 */
	if (v->cpl != 0)
		return -XEN_EPERM;
	/* A 32-bit caller passes the number in EAX, arguments in EBX.. */
	nr &= mask;
	if (nr >= ARRAY_SIZE(hcall_table) || !hcall_table[nr].fn) {
		log_unknown(v, nr);
		return -XEN_ENOSYS;
	}
	desc = &hcall_table[hcall_index_nospec(nr, ARRAY_SIZE(hcall_table))];
	/* Unused argument registers are never seen by the handler. */
	for (i = 0; i < desc->nargs && i < HCALL_MAX_ARGS; i++)
		a[i] = args[i] & mask;
	return hcall_xen_errno(desc->fn(v, a));
}
