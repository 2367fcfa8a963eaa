/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The memory_op hypercall (xen/memory.h), the part an HVM guest needs:
 * XENMEM_memory_map returns the E820 map the domain builder set, and
 * XENMEM_add_to_physmap with XENMAPSPACE_shared_info places the shared-info
 * page, and with XENMAPSPACE_grant_table a grant frame (grant_table.c).
 * Other spaces (gmfn, ...) and sub-ops (populate_physmap,
 * decrease_reservation, ...) return -ENOSYS until something backs them.
 *
 * 32-bit callers use Xen's compat layouts: guest handles, xen_ulong_t and
 * xen_pfn_t are 4 bytes there, so both structs below differ from the
 * native ones in xen/memory.h and are decoded separately.
 */
#include "hcall_priv.h"

#include <errno.h>
#include <stddef.h>
#include <string.h>

#include <xen/memory.h>

/* xen_memory_map as a 32-bit guest lays it out. */
struct compat_memory_map {
	uint32_t nr_entries;
	uint32_t buffer;
};
_Static_assert(sizeof(struct compat_memory_map) == 8, "compat layout");

/* xen_add_to_physmap as a 32-bit guest lays it out. */
struct compat_add_to_physmap {
	uint16_t domid;
	uint16_t size;
	uint32_t space;
	uint32_t idx;
	uint32_t gpfn;
};
_Static_assert(sizeof(struct compat_add_to_physmap) == 16, "compat layout");

/* Both layouts start with nr_entries, which is all we write back. */
_Static_assert(offsetof(struct xen_memory_map, nr_entries) == 0, "layout");

/* The decoded, layout-independent form of each argument struct. */
struct memory_map_args {
	uint32_t nr_entries;
	uint64_t buffer;
};

struct add_to_physmap_args {
	uint16_t domid;
	uint32_t space;
	uint64_t idx;
	uint64_t gpfn;
};

static int read_memory_map(struct hcall_vcpu *v, uint64_t arg,
			   struct memory_map_args *out)
{
	struct compat_memory_map c;
	struct xen_memory_map n;
	int rc;

	if (!v->longmode) {
		rc = hcall_copy_from_guest(v, &c, arg, sizeof(c));
		out->nr_entries = c.nr_entries;
		out->buffer = c.buffer;
		return rc;
	}
	_Static_assert(sizeof(n.buffer) == sizeof(out->buffer), "handle");
	rc = hcall_copy_from_guest(v, &n, arg, sizeof(n));
	out->nr_entries = n.nr_entries;
	memcpy(&out->buffer, &n.buffer, sizeof(out->buffer));
	return rc;
}

/*
 * Copies out at most the caller's nr_entries entries and writes the number
 * copied back to nr_entries. Returns 0, as Xen does: hvmloader treats any
 * other value as fatal. A domain without a map gets -ENOSYS, Xen's answer
 * for the same case.
 */
static long mem_memory_map(struct hcall_vcpu *v, const uint64_t *args)
{
	const struct hcall_domain *d = v->d;
	struct memory_map_args m;
	uint32_t nr;
	int rc;

	rc = read_memory_map(v, args[1], &m);
	if (rc)
		return rc;
	if (d->nr_e820 == 0)
		return -ENOSYS;
	nr = m.nr_entries < d->nr_e820 ? m.nr_entries : d->nr_e820;
	rc = hcall_copy_to_guest(v, m.buffer, d->e820, nr * sizeof(d->e820[0]));
	if (rc)
		return rc;
	return hcall_copy_to_guest(v, args[1], &nr, sizeof(nr));
}

static int read_add_to_physmap(struct hcall_vcpu *v, uint64_t arg,
			       struct add_to_physmap_args *out)
{
	struct compat_add_to_physmap c;
	struct xen_add_to_physmap n;
	int rc;

	if (!v->longmode) {
		rc = hcall_copy_from_guest(v, &c, arg, sizeof(c));
		*out = (struct add_to_physmap_args){
			.domid = c.domid,
			.space = c.space,
			.idx = c.idx,
			.gpfn = c.gpfn,
		};
		return rc;
	}
	rc = hcall_copy_from_guest(v, &n, arg, sizeof(n));
	*out = (struct add_to_physmap_args){
		.domid = n.domid,
		.space = n.space,
		.idx = n.idx,
		.gpfn = n.gpfn,
	};
	return rc;
}

/*
 * The size field only matters for XENMAPSPACE_gmfn_range, and guests
 * (Linux's xen_hvm_init_shared_info) leave it uninitialised otherwise, so
 * it is not checked. A foreign domid is refused with -EPERM as Xen's
 * default policy does for unprivileged callers.
 */
static long mem_add_to_physmap(struct hcall_vcpu *v, const uint64_t *args)
{
	const struct hcall_ops *ops = v->d->ops;
	struct add_to_physmap_args a;
	int rc;

	rc = read_add_to_physmap(v, args[1], &a);
	if (rc)
		return rc;
	if (!hcall_domid_is_self(v, a.domid))
		return -EPERM;
	if (a.space == XENMAPSPACE_grant_table)
		return grant_table_add_to_physmap(v, a.idx, a.gpfn);
	if (a.space != XENMAPSPACE_shared_info) {
		hcall_log_unknown_subop(v, __HYPERVISOR_memory_op,
					XENMEM_add_to_physmap);
		return -ENOSYS;
	}
	/* There is one shared-info page: index 0 (Xen: -EINVAL else). */
	if (a.idx != 0)
		return -EINVAL;
	if (!ops->map_shared_info)
		return -ENOSYS;
	return ops->map_shared_info(v->d->opaque, a.gpfn);
}

static const hcall_fn memory_op_ops[] = {
	[XENMEM_memory_map] = mem_memory_map,
	[XENMEM_add_to_physmap] = mem_add_to_physmap,
};

/*
 * memory_op(cmd, arg); cmd is an unsigned long (32 bits for i386). Its bits
 * above the low 6 carry a continuation's start extent (memory.h). Neither
 * sub-op here takes one, so such bits make cmd unknown, as in Xen, whose
 * x86 handler for these sub-ops compares the whole cmd.
 */
long memory_op_hcall(struct hcall_vcpu *v, const uint64_t *args)
{
	return hcall_subop(v, __HYPERVISOR_memory_op, memory_op_ops,
			   ARRAY_SIZE(memory_op_ops), args[0], args);
}
