/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libxengnttab's mapping and copying (xenlib_priv.h), over the checks of
 * xenlib_grant.c: a granted frame is mapped from the guest's memfd, as
 * xenforeignmemory maps frames, and a copy reads or writes the memfd at
 * the frame's offset, so no grant is ever mapped for a copy. A failed map
 * leaves nothing mapped and no grant marked; a copy segment that fails
 * says why in its status, as Xen's gnttab_copy() does.
 */
#define _GNU_SOURCE
#include "xenlib_priv.h"

#include <string.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xengnttab.h>

#define PAGE XENLIB_PAGE_SIZE

/* GNTST_* of a failed acquire, as an errno for map's caller. */
static int status_errno(int16_t st)
{
	return st == GNTST_bad_gntref ? -EINVAL : -EPERM;
}

/* Releases the first @n grants of a map (their domains' locks taken). */
static void release_refs(uint32_t n, const uint32_t *domids,
			 const uint32_t *refs, bool writable)
{
	struct xenlib_conn *c;
	uint32_t i;

	for (i = 0; i < n; i++) {
		if (xenlib_conn_get(domids[i], &c))
			continue;
		pthread_mutex_lock(&c->mem.lock);
		xenlib_grant_release(&c->mem, refs[i], writable);
		pthread_mutex_unlock(&c->mem.lock);
	}
}

/* Acquires grant @ref of @domid and maps its frame at @at. */
static int map_one(uint32_t domid, uint32_t ref, bool writable, int prot,
		   void *at)
{
	struct xenlib_conn *c;
	uint64_t frame = 0, off = 0;
	int16_t st;
	void *p;
	int rc;

	rc = xenlib_conn_get(domid, &c);
	if (rc)
		return rc;
	pthread_mutex_lock(&c->mem.lock);
	/* The table appears when the guest places it: look again. */
	if (!c->mem.grant_tab)
		(void)xenlib_mem_refresh(domid, &c->mem);
	st = xenlib_grant_acquire(&c->mem, ref, writable, &frame);
	rc = st == GNTST_okay ? 0 : status_errno(st);
	if (!rc) {
		rc = xenlib_mem_frame(domid, &c->mem, frame, &off);
		if (!rc) {
			p = mmap(at, PAGE, prot, MAP_SHARED | MAP_FIXED,
				 c->mem.memfd, (off_t)off);
			if (p == MAP_FAILED)
				rc = -errno;
		}
		if (rc) /* Xen: GNTST_bad_page; the grant is not held */
			xenlib_grant_release(&c->mem, ref, writable);
	}
	pthread_mutex_unlock(&c->mem.lock);
	if (rc)
		xenlib_log(XENLIB_LOG_INFO, domid,
			   "grant ref %u not mapped: %s (status %d)", ref,
			   strerror(-rc), st);
	return rc;
}

int xenlib_grant_map(uint32_t count, const uint32_t *domids,
		     const uint32_t *refs, int prot, void **out)
{
	bool writable = prot & PROT_WRITE;
	uint8_t *base;
	uint32_t i;
	int rc = 0;

	*out = NULL;
	if (!count || !domids || !refs || count > XENLIB_GRANT_MAX_REFS ||
	    (prot & ~(PROT_READ | PROT_WRITE)))
		return -EINVAL;
	base = mmap(NULL, count * PAGE, PROT_NONE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (base == MAP_FAILED)
		return -errno;
	for (i = 0; i < count && !rc; i++)
		rc = map_one(domids[i], refs[i], writable, prot,
			     base + (size_t)i * PAGE);
	if (rc) {
		/* The one that failed holds nothing; the others go back. */
		release_refs(i - 1, domids, refs, writable);
		munmap(base, count * PAGE);
		return rc;
	}
	*out = base;
	return 0;
}

int xenlib_grant_unmap(void *addr, uint32_t count, const uint32_t *domids,
		       const uint32_t *refs, int prot)
{
	if (munmap(addr, count * PAGE) < 0)
		return -errno;
	release_refs(count, domids, refs, prot & PROT_WRITE);
	return 0;
}

/*
 * One side of a copy segment: a grant (acquired: reading, or writing for
 * the destination) or our own buffer. Returns a GNTST_* status and, for a
 * grant, the memfd and offset of the granted bytes.
 */
static int16_t seg_acquire(uint32_t domid, uint32_t ref, uint16_t offset,
			   uint16_t len, bool dest, struct xenlib_conn **cp,
			   int *fd, uint64_t *off)
{
	struct xenlib_conn *c;
	uint64_t frame = 0, foff = 0;
	int16_t st;
	int rc;

	if ((uint32_t)offset + len > PAGE)
		return GNTST_bad_copy_arg;
	if (xenlib_conn_get(domid, &c))
		return GNTST_bad_domain;
	pthread_mutex_lock(&c->mem.lock);
	if (!c->mem.grant_tab) {
		rc = xenlib_mem_refresh(domid, &c->mem);
		if (rc == -ENOENT || rc == -ECONNREFUSED) {
			/* No hvm-domain serves that domid. */
			pthread_mutex_unlock(&c->mem.lock);
			return GNTST_bad_domain;
		}
	}
	st = xenlib_grant_acquire(&c->mem, ref, dest, &frame);
	if (st == GNTST_okay &&
	    xenlib_mem_frame(domid, &c->mem, frame, &foff)) {
		xenlib_grant_release(&c->mem, ref, dest);
		st = GNTST_bad_page;
	}
	if (st == GNTST_okay) {
		*cp = c;
		*fd = c->mem.memfd;
		*off = foff + offset;
		/* Held until seg_release(): the memfd stays open. */
		return st;
	}
	pthread_mutex_unlock(&c->mem.lock);
	return st;
}

static void seg_release(struct xenlib_conn *c, uint32_t ref, bool dest)
{
	xenlib_grant_release(&c->mem, ref, dest);
	pthread_mutex_unlock(&c->mem.lock);
}

/*
 * @len bytes at @off of the memfd, through the copy mapping of the whole
 * memfd (made on first use, again if the memfd grew past it), or NULL if
 * it cannot be mapped: the caller then uses pread/pwrite. Caller holds
 * m->lock, after xenlib_mem_frame() placed @off in a region of this
 * memfd (a rebuilt domain's new memfd drops the mapping first:
 * xenlib_grant_forget()). Only a memfd sealed against shrinking is
 * mapped: a file that shrank under the mapping would fault QEMU.
 */
static uint8_t *copy_window(struct xenlib_mem_cache *m, uint64_t off,
			    uint64_t len)
{
	struct stat st;
	int seals;
	void *p;

	if (m->copy_map && off + len <= m->copy_size)
		return m->copy_map + off;
	if (m->copy_map)
		munmap(m->copy_map, m->copy_size);
	m->copy_map = NULL;
	m->copy_size = 0;
	if (m->copy_failed || m->memfd < 0 || fstat(m->memfd, &st) < 0 ||
	    (uint64_t)st.st_size < off + len)
		return NULL;
	seals = fcntl(m->memfd, F_GET_SEALS);
	if (seals < 0 || !(seals & F_SEAL_SHRINK) ||
	    (uint64_t)st.st_size > SIZE_MAX) {
		m->copy_failed = true;
		return NULL;
	}
	p = mmap(NULL, (size_t)st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED,
		 m->memfd, 0);
	if (p == MAP_FAILED) {
		m->copy_failed = true;
		return NULL;
	}
	m->copy_map = p;
	m->copy_size = (size_t)st.st_size;
	return m->copy_map + off;
}

static int16_t copy_one(xengnttab_grant_copy_segment_t *s)
{
	bool src_gref = s->flags & GNTCOPY_source_gref;
	bool dst_gref = s->flags & GNTCOPY_dest_gref;
	struct xenlib_conn *c;
	uint64_t off = 0;
	uint8_t *win;
	ssize_t n;
	int16_t st;
	int fd = -1;

	/* Our backends copy between a guest and themselves, never across. */
	if (src_gref && dst_gref)
		return GNTST_general_error;
	if (src_gref) {
		st = seg_acquire(s->source.foreign.domid, s->source.foreign.ref,
				 s->source.foreign.offset, s->len, false, &c,
				 &fd, &off);
		if (st != GNTST_okay)
			return st;
		win = copy_window(&c->mem, off, s->len);
		if (win)
			memcpy(s->dest.virt, win, s->len);
		n = win ? s->len : pread(fd, s->dest.virt, s->len, (off_t)off);
		seg_release(c, s->source.foreign.ref, false);
	} else {
		st = seg_acquire(s->dest.foreign.domid, s->dest.foreign.ref,
				 s->dest.foreign.offset, s->len, true, &c, &fd,
				 &off);
		if (st != GNTST_okay)
			return st;
		win = copy_window(&c->mem, off, s->len);
		if (win)
			memcpy(win, s->source.virt, s->len);
		n = win ? s->len
			: pwrite(fd, s->source.virt, s->len, (off_t)off);
		seg_release(c, s->dest.foreign.ref, true);
	}
	return n == s->len ? GNTST_okay : GNTST_general_error;
}

int xenlib_grant_copy(uint32_t count, struct xengnttab_grant_copy_segment *segs)
{
	uint32_t i;

	if (count && !segs)
		return -EINVAL;
	/* A segment without a grant, or with unknown flags: none is run. */
	for (i = 0; i < count; i++) {
		if (!(segs[i].flags &
		      (GNTCOPY_source_gref | GNTCOPY_dest_gref)) ||
		    (segs[i].flags &
		     ~(GNTCOPY_source_gref | GNTCOPY_dest_gref)))
			return -EINVAL;
	}
	for (i = 0; i < count; i++)
		segs[i].status = copy_one(&segs[i]);
	return 0;
}
