/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The private core shared by our Xen libraries (libxenctrl, libxendevicemodel,
 * libxenforeignmemory, libxenevtchn, libxengnttab, libxentoolcore), which
 * QEMU loads in place of Xen's. The core lives in its own shared object
 * (libhvm-xenlib.so.0) so that all six share one control connection per
 * domain and one view of the domain's memory regions.
 *
 * What it holds: the per-domain connection to hvm-domain's control socket
 * ($HVM_RUN_DIR/<domid>/ctl, HVM_RUN_DIR defaulting to /run/hvm), opened on
 * first use; the cache of the domain's memory regions and its memfd; the
 * optional debug log; and the conversion of our negative errno results to
 * the libraries' "-1 (or NULL) and errno" contract. It is not part of any
 * ABI: only our own libraries and their tests call it.
 */
#ifndef DEVICE_MODEL_XENLIB_PRIV_H
#define DEVICE_MODEL_XENLIB_PRIV_H

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <xen/xen.h>
#include <xen/grant_table.h>

#include "hypervisor/ctl_proto.h"

/* Marks what the core exports to the thin libraries (-fvisibility=hidden). */
#define XENLIB_API __attribute__((visibility("default")))

#define XENLIB_PAGE_SHIFT 12
#define XENLIB_PAGE_SIZE (1ULL << XENLIB_PAGE_SHIFT)

/* The domid to log for messages that concern no domain. */
#define XENLIB_NO_DOMID UINT32_MAX

enum xenlib_level {
	XENLIB_LOG_ERR,
	XENLIB_LOG_WARN,
	XENLIB_LOG_INFO,
	XENLIB_LOG_DEBUG,
};

/*
 * A domain's memory as MEM_INFO last described it: the regions (those that
 * failed our checks are zeroed) and the memfd behind them, or !valid with
 * memfd -1. Guarded by @lock.
 */
struct xenlib_mem_cache {
	pthread_mutex_t lock;
	bool valid;
	int memfd;
	uint64_t memfd_ino; /* which memfd: pins belong to one domain */
	struct ctl_mem_info info;
	/*
	 * The guest's grant table (its CTL_MEM_GRANT region mapped from
	 * the memfd, NULL until the guest places it) and the backends' use
	 * of each ref (xenlib_grant.c).
	 */
	struct grant_entry_v1 *grant_tab;
	uint32_t grant_nr;
	struct xenlib_grant_pin *pins;
	/*
	 * The whole memfd, mapped for grant copies (xenlib_grant_map.c):
	 * a memcpy per segment instead of a pread or pwrite. NULL until the
	 * first copy; mapped again if the memfd grew past it (only a test's
	 * fake grows it: hvm-domain seals its size). copy_failed: the memfd
	 * cannot be mapped (not sealed against shrinking, no address
	 * space), so copies use pread/pwrite without trying again.
	 */
	uint8_t *copy_map;
	size_t copy_size;
	bool copy_failed;
};

/*
 * Refs a guest's v1 grant table can have: hvm-domain's 64 frames
 * (GMEM_GRANT_PAGES) of 512 entries.
 */
#define XENLIB_GRANT_MAX_REFS (64 * 512)

/* How many uses of one ref backends hold, and how many of them write. */
struct xenlib_grant_pin {
	uint16_t readers;
	uint16_t writers;
};

/*
 * One domain's control connection. @lock serialises ctl calls (ctl_call()
 * is one call at a time); @client.sock is -1 while disconnected. Entries
 * live as long as the process. Lock order: mem.lock before lock.
 */
struct xenlib_conn {
	struct xenlib_conn *next;
	uint32_t domid;
	pthread_mutex_t lock;
	struct ctl_client client;
	struct xenlib_mem_cache mem;
};

/*
 * Appends one line to the file named by $HVM_XENLIB_LOG, if set (read once
 * per process); otherwise does nothing. Never writes to stdout or stderr
 * and keeps errno. Thread-safe.
 */
XENLIB_API void xenlib_log(enum xenlib_level level, uint32_t domid,
			   const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The connection entry of @domid, created (disconnected) on first use. */
XENLIB_API int xenlib_conn_get(uint32_t domid, struct xenlib_conn **out)
	__attribute__((warn_unused_result));

/*
 * One control-socket round trip to @domid's hvm-domain (see ctl_call()):
 * connects first if needed, and drops the connection after a transport
 * error so that the next call reconnects. Returns the server's rc or a
 * negative errno: -ENOENT or -ECONNREFUSED if no hvm-domain serves the
 * socket, -ENAMETOOLONG if its path is too long. Thread-safe; blocks.
 */
XENLIB_API int xenlib_conn_call(uint32_t domid, uint16_t op, const void *req,
				void *resp, int *fds, unsigned int fds_max,
				unsigned int *nr_fds)
	__attribute__((warn_unused_result));

/*
 * IOREQ_INFO for server @id of @domid: fills @info and, if @memfd is not
 * NULL, hands over the guest-memory memfd; every other descriptor of the
 * reply is closed. -EPROTO if the pages are not page-aligned.
 */
XENLIB_API int xenlib_conn_ioreq_info(uint32_t domid, uint16_t id,
				      struct ctl_ioreq_info *info, int *memfd)
	__attribute__((warn_unused_result));

/*
 * Closes every connection and forgets every memory cache (the entries stay).
 * For tests that restart their fake hvm-domain; not for concurrent use.
 */
XENLIB_API void xenlib_conn_reset_all(void);

/*
 * xenforeignmemory_map2(): maps @pages guest frames @arr of @domid into one
 * contiguous area (at @addr if @flags has MAP_FIXED, the only flag taken)
 * with @prot. Runs of consecutive frames become MAP_SHARED mappings of the
 * domain's memfd; a frame in no region stays PROT_NONE with err[i] =
 * -EINVAL, or fails the whole call if @err is NULL. The region cache is
 * refreshed (once per call) when a frame is not found. The caller releases
 * the area with munmap(). Returns 0 and the area in @out, or a negative
 * errno (nothing stays mapped).
 */
XENLIB_API int xenlib_mem_map(uint32_t domid, void *addr, int prot, int flags,
			      size_t pages, const xen_pfn_t *arr, int *err,
			      void **out) __attribute__((warn_unused_result));

/* Forgets @domid's memory regions: after populate and relocate calls. */
XENLIB_API void xenlib_mem_invalidate(uint32_t domid);

/* Forgets the regions in @m and closes its memfd; takes m->lock. */
XENLIB_API void xenlib_mem_forget(struct xenlib_mem_cache *m);

/*
 * The grant table in @m (xenlib_grant.c; the caller holds m->lock).
 * xenlib_grant_attach() maps the table MEM_INFO lists, if any and not
 * mapped yet, after a refresh (@new_memfd: another domain's memfd, whose
 * table and pins replace the old ones); xenlib_grant_forget() unmaps the
 * table and the copy mapping and drops the pins. xenlib_grant_acquire() checks
 * and marks ref @ref for a use by our backends (writable or not), returns
 * a GNTST_* status and on GNTST_okay the guest frame granted;
 * xenlib_grant_release() ends one such use.
 */
int xenlib_grant_attach(uint32_t domid, struct xenlib_mem_cache *m,
			bool new_memfd);
void xenlib_grant_forget(struct xenlib_mem_cache *m);
int16_t xenlib_grant_acquire(struct xenlib_mem_cache *m, uint32_t ref,
			     bool writable, uint64_t *frame);
void xenlib_grant_release(struct xenlib_mem_cache *m, uint32_t ref,
			  bool writable);

/* Reads MEM_INFO into @m again; the caller holds m->lock. */
int xenlib_mem_refresh(uint32_t domid, struct xenlib_mem_cache *m);

/*
 * The memfd offset of guest frame @gfn of @domid, refreshing @m once on a
 * miss; the caller holds m->lock. 0, -ENOENT (no such frame) or -errno.
 */
int xenlib_mem_frame(uint32_t domid, struct xenlib_mem_cache *m, uint64_t gfn,
		     uint64_t *off);

/*
 * libxengnttab's work (xenlib_grant_map.c): maps @count grants @refs of
 * the domains @domids (one domid each) into one area with @prot, or
 * unmaps such an area; copies grant segments. Negative errno on failure;
 * a copy sets each segment's status and returns 0.
 */
XENLIB_API int xenlib_grant_map(uint32_t count, const uint32_t *domids,
				const uint32_t *refs, int prot, void **out)
	__attribute__((warn_unused_result));
XENLIB_API int xenlib_grant_unmap(void *addr, uint32_t count,
				  const uint32_t *domids, const uint32_t *refs,
				  int prot);
struct xengnttab_grant_copy_segment;
XENLIB_API int xenlib_grant_copy(uint32_t count,
				 struct xengnttab_grant_copy_segment *segs);

/*
 * The one place where our results become the Xen libraries' contract:
 * a negative errno becomes -1 with errno set, anything else is returned.
 */
static inline int xenlib_ret(int rc)
{
	if (rc < 0) {
		errno = -rc;
		return -1;
	}
	return rc;
}

/* As xenlib_ret() for functions returning a pointer: NULL with errno. */
static inline void *xenlib_ret_ptr(int rc, void *p)
{
	if (rc < 0) {
		errno = -rc;
		return NULL;
	}
	return p;
}

#endif /* DEVICE_MODEL_XENLIB_PRIV_H */
