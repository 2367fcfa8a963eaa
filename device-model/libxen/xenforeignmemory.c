/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libxenforeignmemory.so.1 (dm-abi.md 2.4, 4.2): guest frames are mapped
 * from the domain's memfd (xenlib_mem.c), and the one resource QEMU maps,
 * an ioreq server's two pages (frame 0 the buffered ring, frame 1 the
 * per-vCPU slots), is the memfd range IOREQ_INFO names. Other resource
 * types (grant tables, vmtrace buffers) do not exist here: EOPNOTSUPP, as
 * Xen answers for a type it does not know.
 */
#define _GNU_SOURCE
#include "xenlib_priv.h"

#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#pragma GCC visibility push(default)
#include <xenforeignmemory.h>
#pragma GCC visibility pop

#include <xen/memory.h>

/* An ioreq server's resource: the buffered ring page and the slots page. */
#define IOREQ_RESOURCE_FRAMES 2

struct xenforeignmemory_handle {
	unsigned int open_flags;
};

struct xenforeignmemory_resource_handle {
	void *addr;
	size_t len;
};

xenforeignmemory_handle *xenforeignmemory_open(struct xentoollog_logger *logger,
					       unsigned open_flags)
{
	xenforeignmemory_handle *fmem = calloc(1, sizeof(*fmem));

	(void)logger;
	if (!fmem)
		return NULL;
	fmem->open_flags = open_flags;
	return fmem;
}

int xenforeignmemory_close(xenforeignmemory_handle *fmem)
{
	free(fmem);
	return 0;
}

void *xenforeignmemory_map2(xenforeignmemory_handle *fmem, uint32_t dom,
			    void *addr, int prot, int flags, size_t pages,
			    const xen_pfn_t arr[], int err[])
{
	void *p = NULL;
	int rc = -EINVAL;

	if (fmem)
		rc = xenlib_mem_map(dom, addr, prot, flags, pages, arr, err,
				    &p);
	return xenlib_ret_ptr(rc, p);
}

void *xenforeignmemory_map(xenforeignmemory_handle *fmem, uint32_t dom,
			   int prot, size_t pages, const xen_pfn_t arr[],
			   int err[])
{
	return xenforeignmemory_map2(fmem, dom, NULL, prot, 0, pages, arr, err);
}

int xenforeignmemory_unmap(xenforeignmemory_handle *fmem, void *addr,
			   size_t pages)
{
	if (!fmem || pages > SIZE_MAX / XENLIB_PAGE_SIZE)
		return xenlib_ret(-EINVAL);
	if (munmap(addr, pages * XENLIB_PAGE_SIZE) < 0)
		return -1;
	return 0;
}

/* See xendevicemodel_restrict(). */
int xenforeignmemory_restrict(xenforeignmemory_handle *fmem, domid_t domid)
{
	(void)fmem, (void)domid;
	return xenlib_ret(-EOPNOTSUPP);
}

static int check_resource(unsigned int type, unsigned int id,
			  unsigned long frame, unsigned long nr_frames)
{
	if (type != XENMEM_resource_ioreq_server)
		return -EOPNOTSUPP;
	if (id > UINT16_MAX || !nr_frames || frame >= IOREQ_RESOURCE_FRAMES ||
	    nr_frames > IOREQ_RESOURCE_FRAMES - frame)
		return -EINVAL;
	return 0;
}

/* Maps the frames; *paddr is the placement hint (fixed with MAP_FIXED). */
static int map_ioreq_pages(domid_t domid, unsigned int id, unsigned long frame,
			   size_t len, void **paddr, int prot, int flags)
{
	struct ctl_ioreq_info info;
	int memfd = -1, rc;
	void *p;

	rc = xenlib_conn_ioreq_info(domid, (uint16_t)id, &info, &memfd);
	if (rc)
		return rc;
	p = mmap(*paddr, len, prot, MAP_SHARED | (flags & MAP_FIXED), memfd,
		 (off_t)(info.pages_offset + frame * XENLIB_PAGE_SIZE));
	rc = p == MAP_FAILED ? -errno : 0;
	close(memfd);
	if (!rc)
		*paddr = p;
	return rc;
}

/*
 * The pages are shared with hvm-domain, so they are always mapped
 * MAP_SHARED; other flags than MAP_SHARED, MAP_PRIVATE and MAP_FIXED are
 * refused like upstream does.
 */
xenforeignmemory_resource_handle *
xenforeignmemory_map_resource(xenforeignmemory_handle *fmem, domid_t domid,
			      unsigned int type, unsigned int id,
			      unsigned long frame, unsigned long nr_frames,
			      void **paddr, int prot, int flags)
{
	xenforeignmemory_resource_handle *res;
	size_t len = nr_frames * XENLIB_PAGE_SIZE;
	int rc;

	if (!fmem || !paddr ||
	    (flags & ~(MAP_SHARED | MAP_PRIVATE | MAP_FIXED)))
		return xenlib_ret_ptr(-EINVAL, NULL);
	rc = check_resource(type, id, frame, nr_frames);
	if (rc)
		return xenlib_ret_ptr(rc, NULL);
	res = calloc(1, sizeof(*res));
	if (!res)
		return xenlib_ret_ptr(-ENOMEM, NULL);
	rc = map_ioreq_pages(domid, id, frame, len, paddr, prot, flags);
	if (rc) {
		free(res);
		xenlib_log(XENLIB_LOG_ERR, domid,
			   "cannot map ioreq server %u pages: errno %d", id,
			   -rc);
		return xenlib_ret_ptr(rc, NULL);
	}
	res->addr = *paddr;
	res->len = len;
	return res;
}

int xenforeignmemory_unmap_resource(xenforeignmemory_handle *fmem,
				    xenforeignmemory_resource_handle *fres)
{
	int rc = 0;

	(void)fmem;
	if (!fres)
		return 0;
	if (munmap(fres->addr, fres->len) < 0)
		rc = -errno;
	free(fres);
	return xenlib_ret(rc);
}

int xenforeignmemory_resource_size(xenforeignmemory_handle *fmem, domid_t domid,
				   unsigned int type, unsigned int id,
				   size_t *size)
{
	struct ctl_ioreq_info info;
	int rc;

	if (!fmem || !size)
		return xenlib_ret(-EINVAL);
	rc = check_resource(type, id, 0, IOREQ_RESOURCE_FRAMES);
	if (!rc)
		rc = xenlib_conn_ioreq_info(domid, (uint16_t)id, &info, NULL);
	if (rc)
		return xenlib_ret(rc);
	*size = IOREQ_RESOURCE_FRAMES * XENLIB_PAGE_SIZE;
	return 0;
}
