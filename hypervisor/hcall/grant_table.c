/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The guest's own grant table (xen/grant_table.h), version 1: the sub-ops
 * Xen 4.17 lets an HVM guest make on its table (hvm_grant_table_op():
 * query_size, setup_table, set_version, get_version) and the placing of
 * its frames with XENMEM_add_to_physmap(XENMAPSPACE_grant_table).
 *
 * The frames are the domain's, not guest RAM: the host keeps them (the
 * device model reads the entries there) and maps them where the guest
 * asks. They move as one block, frame i at base + i, which is how Linux
 * (platform-pci.c: the frames at the start of the platform device's MMIO
 * BAR) and the Windows PV drivers lay them out; Xen would move a single
 * frame and leave the others where they were. A guest that maps a frame
 * elsewhere gets the block moved, and the log says so once.
 *
 * Only version 1 is offered, as Xen with max_grant_version=1 does:
 * set_version(2) is -ENOSYS, and Linux then stays on v1 (it asks for v2
 * only with memory above 16 TiB). Mapping, copying and swapping grants
 * from the guest itself (map_grant_ref, unmap_grant_ref, copy,
 * swap_grant_ref: a domain using another's grants) answer -ENOSYS, logged
 * once: no domain of ours grants pages to a guest yet.
 */
#include "hcall_priv.h"

#include <errno.h>
#include <string.h>

#include <xen/grant_table.h>
#include <xen/memory.h>

#include "hypervisor/log.h"

/* xen_pfn_t of a frame that is not mapped (Xen's INVALID_M2P_ENTRY). */
#define GNTTAB_INVALID_PFN (~0ULL)

/* The structs as a 32-bit guest lays them out (compat). */
struct compat_gnttab_setup_table {
	uint16_t dom;
	uint32_t nr_frames;
	int16_t status;
	uint32_t frame_list;
};
_Static_assert(sizeof(struct compat_gnttab_setup_table) == 16, "compat");
_Static_assert(sizeof(struct gnttab_setup_table) == 24, "native layout");
_Static_assert(offsetof(struct gnttab_setup_table, status) ==
		       offsetof(struct compat_gnttab_setup_table, status),
	       "status at the same offset in both layouts");
/* query_size, set_version and get_version are the same in both. */
_Static_assert(sizeof(struct gnttab_query_size) == 16, "one layout");
_Static_assert(sizeof(struct gnttab_get_version) == 8, "one layout");

void grant_table_init(struct hcall_domain *d)
{
	struct hcall_gnttab *g = &d->gnttab;

	pthread_mutex_init(&g->lock, NULL);
	g->max_frames = d->ops->grant_frames_place ? HCALL_GNTTAB_FRAMES : 0;
	g->nr_frames = g->max_frames ? HCALL_GNTTAB_INITIAL_FRAMES : 0;
}

int hcall_domain_set_grant_frames(struct hcall_domain *d, unsigned int max)
{
	if (d->gnttab.max_frames == 0)
		return -ENOSYS;
	if (max == 0 || max > HCALL_GNTTAB_FRAMES)
		return -EINVAL;
	d->gnttab.max_frames = max;
	return 0;
}

/*
 * The status for a grant-table sub-op naming domain @dom: our own table,
 * or Xen's answer for a domain we may not look at (the control domain,
 * XSM's default policy) or one that does not exist.
 */
static int16_t dom_status(const struct hcall_vcpu *v, uint16_t dom)
{
	if (hcall_domid_is_self(v, dom))
		return GNTST_okay;
	return dom == 0 ? GNTST_permission_denied : GNTST_bad_domain;
}

static long gnt_query_size(struct hcall_vcpu *v, const uint64_t *args)
{
	struct hcall_gnttab *g = &v->d->gnttab;
	struct gnttab_query_size q;
	int rc;

	if (args[2] != 1)
		return -EINVAL;
	rc = hcall_copy_from_guest(v, &q, args[1], sizeof(q));
	if (rc)
		return rc;
	q.status = dom_status(v, q.dom);
	if (q.status == GNTST_okay) {
		pthread_mutex_lock(&g->lock);
		q.nr_frames = g->nr_frames;
		q.max_nr_frames = g->max_frames;
		pthread_mutex_unlock(&g->lock);
	}
	return hcall_copy_to_guest(v, args[1], &q, sizeof(q));
}

/* Reads either layout of setup_table into the native one. */
static int read_setup(struct hcall_vcpu *v, uint64_t arg,
		      struct gnttab_setup_table *s, uint64_t *list)
{
	struct compat_gnttab_setup_table c;
	int rc;

	if (v->longmode) {
		rc = hcall_copy_from_guest(v, s, arg, sizeof(*s));
		memcpy(list, &s->frame_list, sizeof(*list));
		return rc;
	}
	rc = hcall_copy_from_guest(v, &c, arg, sizeof(c));
	s->dom = c.dom;
	s->nr_frames = c.nr_frames;
	*list = c.frame_list;
	return rc;
}

/*
 * Grows the table to @nr_frames (Xen: setup_table and add_to_physmap grow
 * it; it never shrinks) and lists where each frame is mapped, or
 * INVALID_M2P_ENTRY while it is not, truncated for 32-bit callers as
 * Xen's compat layer does.
 */
static long gnt_setup_table(struct hcall_vcpu *v, const uint64_t *args)
{
	struct hcall_gnttab *g = &v->d->gnttab;
	struct gnttab_setup_table s;
	size_t pfn_size = v->longmode ? 8 : 4;
	uint64_t list, i, pfn;
	int16_t status;
	int rc;

	if (args[2] != 1)
		return -EINVAL;
	rc = read_setup(v, args[1], &s, &list);
	if (rc)
		return rc;
	/*
	 * Xen checks the list's address only per entry for an HVM guest:
	 * a bad one is GNTST_bad_virt_addr, not -EFAULT.
	 */
	status = dom_status(v, s.dom);
	if (status == GNTST_okay) {
		pthread_mutex_lock(&g->lock);
		if (s.nr_frames > g->max_frames) {
			status = GNTST_general_error;
		} else {
			if (s.nr_frames > g->nr_frames)
				g->nr_frames = s.nr_frames;
			for (i = 0; i < s.nr_frames; i++) {
				pfn = g->mapped ? g->base_gfn + i
						: GNTTAB_INVALID_PFN;
				if (hcall_copy_to_guest(v, list + i * pfn_size,
							&pfn, pfn_size))
					status = GNTST_bad_virt_addr;
			}
		}
		pthread_mutex_unlock(&g->lock);
	}
	return hcall_copy_to_guest(
		v, args[1] + offsetof(struct gnttab_setup_table, status),
		&status, sizeof(status));
}

/*
 * Reads the one argument of set_version or get_version: Xen ignores their
 * count but refuses a negative one.
 */
static int read_version_arg(struct hcall_vcpu *v, const uint64_t *args,
			    void *buf, size_t len)
{
	if ((int32_t)args[2] < 0)
		return -EINVAL;
	return hcall_copy_from_guest(v, buf, args[1], len);
}

/* Version 1 only; the version in force is written back either way. */
static long gnt_set_version(struct hcall_vcpu *v, const uint64_t *args)
{
	struct gnttab_set_version s;
	long ret = 0;
	int rc;

	rc = read_version_arg(v, args, &s, sizeof(s));
	if (rc)
		return rc;
	if (s.version != 1 && s.version != 2)
		ret = -EINVAL;
	else if (s.version == 2)
		ret = -ENOSYS;
	s.version = 1;
	rc = hcall_copy_to_guest(v, args[1], &s, sizeof(s));
	return rc ? rc : ret;
}

static long gnt_get_version(struct hcall_vcpu *v, const uint64_t *args)
{
	struct gnttab_get_version s;
	int rc;

	rc = read_version_arg(v, args, &s, sizeof(s));
	if (rc)
		return rc;
	if (!hcall_domid_is_self(v, s.dom))
		return s.dom == 0 ? -EPERM : -ESRCH;
	s.version = 1;
	return hcall_copy_to_guest(v, args[1], &s, sizeof(s));
}

static const hcall_fn grant_table_ops[] = {
	[GNTTABOP_setup_table] = gnt_setup_table,
	[GNTTABOP_query_size] = gnt_query_size,
	[GNTTABOP_set_version] = gnt_set_version,
	[GNTTABOP_get_version] = gnt_get_version,
};

/*
 * grant_table_op(cmd, uop, count). setup_table and query_size take exactly
 * one struct (count 1), set/get_version ignore count unless it is negative
 * (-EINVAL, as Xen). Bits above cmd's low 12 (a continuation) make the
 * sub-op unknown: -ENOSYS, as Xen's HVM filter answers any cmd it does not
 * list.
 */
long grant_table_op_hcall(struct hcall_vcpu *v, const uint64_t *args)
{
	if (v->d->gnttab.max_frames == 0)
		return -ENOSYS;
	return hcall_subop(v, __HYPERVISOR_grant_table_op, grant_table_ops,
			   ARRAY_SIZE(grant_table_ops), args[0], args);
}

long grant_table_add_to_physmap(struct hcall_vcpu *v, uint64_t idx,
				uint64_t gpfn)
{
	struct hcall_domain *d = v->d;
	struct hcall_gnttab *g = &d->gnttab;
	uint64_t base;
	int rc = 0;

	if (g->max_frames == 0)
		return -ENOSYS;
	/* The status-frame bit is for v2 tables; on v1 Xen finds no frame. */
	if (idx >= g->max_frames || gpfn < idx)
		return -EINVAL;
	base = gpfn - idx;
	pthread_mutex_lock(&g->lock);
	if (!g->mapped || g->base_gfn != base) {
		if (g->mapped && !g->moved_logged) {
			g->moved_logged = true;
			log_info(
				"hcall",
				"the guest mapped grant frame %llu at gfn 0x%llx, apart from the others at 0x%llx: its grant frames move as one block (frame i at gfn 0x%llx + i)",
				(unsigned long long)idx,
				(unsigned long long)gpfn,
				(unsigned long long)(g->base_gfn + idx),
				(unsigned long long)base);
		}
		rc = d->ops->grant_frames_place(d->opaque, base, g->max_frames);
		if (!rc) {
			g->base_gfn = base;
			g->mapped = true;
		}
	}
	if (!rc && idx + 1 > g->nr_frames)
		g->nr_frames = (uint32_t)idx + 1;
	pthread_mutex_unlock(&g->lock);
	return rc;
}
