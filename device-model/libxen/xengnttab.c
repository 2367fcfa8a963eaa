/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libxengnttab.so.1 (dm-abi.md 2.6): grant tables are only reached when a
 * guest's PV frontend talks to a QEMU PV backend, and guests have no grant
 * tables here yet. So handles open, the zero-length grant_copy probe
 * succeeds (QEMU's feature check), and every real grant operation fails
 * cleanly with ENOSYS. The grant-sharing half (xengntshr_*) and dma-buf
 * calls exist only so that the library has upstream's symbols and nodes.
 */
#define _GNU_SOURCE
#include "xenlib_priv.h"

#include <stdlib.h>

#pragma GCC visibility push(default)
#include <xengnttab.h>
#pragma GCC visibility pop

struct xengntdev_handle {
	unsigned int open_flags;
};

static struct xengntdev_handle *handle_new(unsigned int open_flags)
{
	struct xengntdev_handle *h = calloc(1, sizeof(*h));

	if (h)
		h->open_flags = open_flags;
	return h;
}

xengnttab_handle *xengnttab_open(struct xentoollog_logger *logger,
				 unsigned open_flags)
{
	(void)logger;
	return handle_new(open_flags);
}

int xengnttab_close(xengnttab_handle *xgt)
{
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
	(void)segs;
	if (!xgt)
		return xenlib_ret(-EINVAL);
	return count ? xenlib_ret(-ENOSYS) : 0;
}

void *xengnttab_map_grant_ref(xengnttab_handle *xgt, uint32_t domid,
			      uint32_t ref, int prot)
{
	(void)xgt, (void)domid, (void)ref, (void)prot;
	return xenlib_ret_ptr(-ENOSYS, NULL);
}

void *xengnttab_map_grant_refs(xengnttab_handle *xgt, uint32_t count,
			       uint32_t *domids, uint32_t *refs, int prot)
{
	(void)xgt, (void)count, (void)domids, (void)refs, (void)prot;
	return xenlib_ret_ptr(-ENOSYS, NULL);
}

void *xengnttab_map_domain_grant_refs(xengnttab_handle *xgt, uint32_t count,
				      uint32_t domid, uint32_t *refs, int prot)
{
	(void)xgt, (void)count, (void)domid, (void)refs, (void)prot;
	return xenlib_ret_ptr(-ENOSYS, NULL);
}

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
	(void)xgt, (void)start_address, (void)count;
	return xenlib_ret(-ENOSYS);
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
