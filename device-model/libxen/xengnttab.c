/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libxengnttab.so.1 (dm-abi.md 2.6): QEMU's PV backends map and copy the
 * guest's grants through the core (xenlib_grant*.c), which reads the
 * guest's grant table from its memfd and marks each grant in use as Xen
 * does. A handle remembers what it mapped, so that unmap releases exactly
 * those grants, and close unmaps and releases whatever is left (gntdev
 * would keep such pages mapped until munmap; QEMU unmaps every area before
 * it closes a handle). The grant-sharing half (xengntshr_*: this process
 * granting its own pages) and the dma-buf calls fail with ENOSYS: QEMU's
 * backends do not use them.
 */
#define _GNU_SOURCE
#include "xenlib_priv.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#pragma GCC visibility push(default)
#include <xengnttab.h>
#pragma GCC visibility pop

/* One area this handle mapped: its grants, to release on unmap. */
struct gnt_area {
	struct gnt_area *next;
	void *addr;
	uint32_t count;
	int prot;
	uint32_t *domids;
	uint32_t *refs;
};

struct xengntdev_handle {
	unsigned int open_flags;
	pthread_mutex_t lock;
	struct gnt_area *areas;
};

static struct xengntdev_handle *handle_new(unsigned int open_flags)
{
	struct xengntdev_handle *h = calloc(1, sizeof(*h));

	if (h) {
		h->open_flags = open_flags;
		pthread_mutex_init(&h->lock, NULL);
	}
	return h;
}

static void area_free(struct gnt_area *a)
{
	free(a->domids);
	free(a->refs);
	free(a);
}

xengnttab_handle *xengnttab_open(struct xentoollog_logger *logger,
				 unsigned open_flags)
{
	(void)logger;
	return handle_new(open_flags);
}

int xengnttab_close(xengnttab_handle *xgt)
{
	struct gnt_area *a;

	if (!xgt)
		return 0;
	while ((a = xgt->areas)) {
		xgt->areas = a->next;
		(void)xenlib_grant_unmap(a->addr, a->count, a->domids, a->refs,
					 a->prot);
		area_free(a);
	}
	pthread_mutex_destroy(&xgt->lock);
	free(xgt);
	return 0;
}

int xengnttab_fd(xengnttab_handle *xgt)
{
	(void)xgt;
	return xenlib_ret(-ENOSYS);
}

int xengnttab_set_max_grants(xengnttab_handle *xgt, uint32_t nr_grants)
{
	(void)nr_grants;
	return xgt ? 0 : xenlib_ret(-EINVAL);
}

int xengnttab_grant_copy(xengnttab_handle *xgt, uint32_t count,
			 xengnttab_grant_copy_segment_t *segs)
{
	if (!xgt)
		return xenlib_ret(-EINVAL);
	return xenlib_ret(xenlib_grant_copy(count, segs));
}

/* Maps @count grants and records the area in @xgt. */
static void *map_area(xengnttab_handle *xgt, uint32_t count,
		      const uint32_t *domids, const uint32_t *refs, int prot)
{
	struct gnt_area *a;
	void *addr = NULL;
	int rc;

	if (!xgt || !count || count > XENLIB_GRANT_MAX_REFS)
		return xenlib_ret_ptr(-EINVAL, NULL);
	a = calloc(1, sizeof(*a));
	if (a) {
		a->domids = calloc(count, sizeof(*a->domids));
		a->refs = calloc(count, sizeof(*a->refs));
	}
	if (!a || !a->domids || !a->refs) {
		if (a)
			area_free(a);
		return xenlib_ret_ptr(-ENOMEM, NULL);
	}
	memcpy(a->domids, domids, count * sizeof(*domids));
	memcpy(a->refs, refs, count * sizeof(*refs));
	rc = xenlib_grant_map(count, a->domids, a->refs, prot, &addr);
	if (rc) {
		area_free(a);
		return xenlib_ret_ptr(rc, NULL);
	}
	a->addr = addr;
	a->count = count;
	a->prot = prot;
	pthread_mutex_lock(&xgt->lock);
	a->next = xgt->areas;
	xgt->areas = a;
	pthread_mutex_unlock(&xgt->lock);
	return addr;
}

void *xengnttab_map_grant_ref(xengnttab_handle *xgt, uint32_t domid,
			      uint32_t ref, int prot)
{
	return map_area(xgt, 1, &domid, &ref, prot);
}

void *xengnttab_map_grant_refs(xengnttab_handle *xgt, uint32_t count,
			       uint32_t *domids, uint32_t *refs, int prot)
{
	if (!domids || !refs)
		return xenlib_ret_ptr(-EINVAL, NULL);
	return map_area(xgt, count, domids, refs, prot);
}

void *xengnttab_map_domain_grant_refs(xengnttab_handle *xgt, uint32_t count,
				      uint32_t domid, uint32_t *refs, int prot)
{
	uint32_t *domids;
	uint32_t i;
	void *p;

	if (!refs || !count || count > XENLIB_GRANT_MAX_REFS)
		return xenlib_ret_ptr(-EINVAL, NULL);
	domids = calloc(count, sizeof(*domids));
	if (!domids)
		return xenlib_ret_ptr(-ENOMEM, NULL);
	for (i = 0; i < count; i++)
		domids[i] = domid;
	p = map_area(xgt, count, domids, refs, prot);
	free(domids);
	return p;
}

/*
 * The notify variant asks the kernel to clear a byte or send an event
 * when the mapping goes away (gntdev's unmap notify); QEMU's backends
 * never ask for it, and silently dropping the notification would leave a
 * frontend waiting: refused.
 */
void *xengnttab_map_grant_ref_notify(xengnttab_handle *xgt, uint32_t domid,
				     uint32_t ref, int prot,
				     uint32_t notify_offset,
				     evtchn_port_t notify_port)
{
	(void)xgt, (void)domid, (void)ref, (void)prot, (void)notify_offset;
	(void)notify_port;
	return xenlib_ret_ptr(-ENOSYS, NULL);
}

int xengnttab_unmap(xengnttab_handle *xgt, void *start_address, uint32_t count)
{
	struct gnt_area **pp, *a = NULL;
	int rc;

	if (!xgt)
		return xenlib_ret(-EINVAL);
	pthread_mutex_lock(&xgt->lock);
	for (pp = &xgt->areas; *pp; pp = &(*pp)->next) {
		if ((*pp)->addr == start_address && (*pp)->count == count) {
			a = *pp;
			*pp = a->next;
			break;
		}
	}
	pthread_mutex_unlock(&xgt->lock);
	/* Only whole areas this handle mapped, as gntdev's unmap. */
	if (!a)
		return xenlib_ret(-EINVAL);
	rc = xenlib_grant_unmap(a->addr, a->count, a->domids, a->refs, a->prot);
	area_free(a);
	return xenlib_ret(rc);
}

int xengnttab_dmabuf_exp_from_refs(xengnttab_handle *xgt, uint32_t domid,
				   uint32_t flags, uint32_t count,
				   const uint32_t *refs, uint32_t *fd)
{
	(void)xgt, (void)domid, (void)flags, (void)count, (void)refs, (void)fd;
	return xenlib_ret(-ENOSYS);
}

int xengnttab_dmabuf_exp_wait_released(xengnttab_handle *xgt, uint32_t fd,
				       uint32_t wait_to_ms)
{
	(void)xgt, (void)fd, (void)wait_to_ms;
	return xenlib_ret(-ENOSYS);
}

int xengnttab_dmabuf_imp_to_refs(xengnttab_handle *xgt, uint32_t domid,
				 uint32_t fd, uint32_t count, uint32_t *refs)
{
	(void)xgt, (void)domid, (void)fd, (void)count, (void)refs;
	return xenlib_ret(-ENOSYS);
}

int xengnttab_dmabuf_imp_release(xengnttab_handle *xgt, uint32_t fd)
{
	(void)xgt, (void)fd;
	return xenlib_ret(-ENOSYS);
}

xengntshr_handle *xengntshr_open(struct xentoollog_logger *logger,
				 unsigned open_flags)
{
	(void)logger;
	return handle_new(open_flags);
}

int xengntshr_close(xengntshr_handle *xgs)
{
	free(xgs);
	return 0;
}

int xengntshr_fd(xengntshr_handle *xgs)
{
	(void)xgs;
	return xenlib_ret(-ENOSYS);
}

void *xengntshr_share_pages(xengntshr_handle *xgs, uint32_t domid, int count,
			    uint32_t *refs, int writable)
{
	(void)xgs, (void)domid, (void)count, (void)refs, (void)writable;
	return xenlib_ret_ptr(-ENOSYS, NULL);
}

void *xengntshr_share_page_notify(xengntshr_handle *xgs, uint32_t domid,
				  uint32_t *ref, int writable,
				  uint32_t notify_offset,
				  evtchn_port_t notify_port)
{
	(void)xgs, (void)domid, (void)ref, (void)writable, (void)notify_offset;
	(void)notify_port;
	return xenlib_ret_ptr(-ENOSYS, NULL);
}

int xengntshr_unshare(xengntshr_handle *xgs, void *start_address,
		      uint32_t count)
{
	(void)xgs, (void)start_address, (void)count;
	return xenlib_ret(-ENOSYS);
}
