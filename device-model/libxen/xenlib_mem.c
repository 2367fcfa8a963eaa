/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Guest memory for xenforeignmemory_map2() (dm-abi.md 4.2): the domain's
 * regions from CTL_OP_MEM_INFO (guest-physical [gpa, gpa + size) is memfd
 * bytes [offset, offset + size)), cached per domain and refreshed when a
 * frame is not found, since populate and relocate calls change them. A
 * mapping is one PROT_NONE reservation with MAP_FIXED shared mappings of
 * the memfd over it, so QEMU can release it with a plain munmap().
 */
#define _GNU_SOURCE
#include "xenlib_priv.h"

#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define PAGE XENLIB_PAGE_SIZE

/* One map2 call's arguments and progress. */
struct map_job {
	uint32_t domid;
	uint8_t *base;
	int prot;
	size_t pages;
	const xen_pfn_t *arr;
	int *err;
	bool refreshed;
};

void xenlib_mem_forget(struct xenlib_mem_cache *m)
{
	pthread_mutex_lock(&m->lock);
	/* The grant table stays mapped: backends still hold grants in it. */
	if (m->memfd >= 0)
		close(m->memfd);
	m->memfd = -1;
	m->valid = false;
	pthread_mutex_unlock(&m->lock);
}

void xenlib_mem_invalidate(uint32_t domid)
{
	struct xenlib_conn *c;

	if (xenlib_conn_get(domid, &c))
		return;
	xenlib_mem_forget(&c->mem);
}

/* A region we can map: page-aligned, non-empty, inside the memfd. */
static bool region_is_usable(const struct ctl_mem_region *r, uint64_t fsize)
{
	if (!r->size || ((r->gpa | r->size | r->offset) & (PAGE - 1)))
		return false;
	if (r->gpa > UINT64_MAX - r->size)
		return false;
	return r->size <= fsize && r->offset <= fsize - r->size;
}

/* Replaces the cache with a fresh MEM_INFO. Caller holds m->lock. */
static int mem_refresh(uint32_t domid, struct xenlib_mem_cache *m)
{
	struct ctl_mem_info info;
	unsigned int nr = 0, i;
	struct stat st;
	bool new_memfd;
	int fd = -1, rc;

	rc = xenlib_conn_call(domid, CTL_OP_MEM_INFO, NULL, &info, &fd, 1, &nr);
	if (rc)
		return rc;
	if (fstat(fd, &st) < 0) {
		rc = -errno;
		close(fd);
		return rc;
	}
	for (i = 0; i < info.nr_regions; i++) {
		if (region_is_usable(&info.r[i], (uint64_t)st.st_size))
			continue;
		xenlib_log(
			XENLIB_LOG_WARN, domid,
			"ignoring memory region %u (gpa 0x%llx size 0x%llx offset 0x%llx): unaligned or outside the memfd",
			i, (unsigned long long)info.r[i].gpa,
			(unsigned long long)info.r[i].size,
			(unsigned long long)info.r[i].offset);
		info.r[i].size = 0;
	}
	/* Another memfd (the domain was rebuilt): its grants are new too. */
	new_memfd = m->memfd_ino != (uint64_t)st.st_ino;
	if (m->memfd >= 0)
		close(m->memfd);
	m->info = info;
	m->memfd = fd;
	m->memfd_ino = (uint64_t)st.st_ino;
	m->valid = true;
	rc = xenlib_grant_attach(domid, m, new_memfd);
	if (rc)
		xenlib_log(
			XENLIB_LOG_WARN, domid,
			"the guest's grant table is unusable (errno %d): its grants fail with GNTST_bad_gntref",
			-rc);
	return 0;
}

/*
 * The memfd offset of @gfn and how many pages from there its region still
 * covers, or -ENOENT.
 */
static int mem_lookup(const struct xenlib_mem_cache *m, uint64_t gfn,
		      uint64_t *off, uint64_t *left)
{
	const struct ctl_mem_region *r;
	uint64_t gpa, delta;
	unsigned int i;

	if (!m->valid || gfn > UINT64_MAX >> XENLIB_PAGE_SHIFT)
		return -ENOENT;
	gpa = gfn << XENLIB_PAGE_SHIFT;
	for (i = 0; i < m->info.nr_regions; i++) {
		r = &m->info.r[i];
		if (!r->size || gpa < r->gpa || gpa - r->gpa >= r->size)
			continue;
		delta = gpa - r->gpa;
		*off = r->offset + delta;
		*left = (r->size - delta) >> XENLIB_PAGE_SHIFT;
		return 0;
	}
	return -ENOENT;
}

/*
 * Looks frame @i up, refreshing the cache once per call on a miss. Returns
 * 0 (with *@found) or the refresh's negative errno.
 */
static int find_frame(struct map_job *j, struct xenlib_mem_cache *m, size_t i,
		      uint64_t *off, uint64_t *left, bool *found)
{
	int rc;

	*found = !mem_lookup(m, j->arr[i], off, left);
	if (*found || j->refreshed)
		return 0;
	j->refreshed = true;
	rc = mem_refresh(j->domid, m);
	if (rc)
		return rc;
	*found = !mem_lookup(m, j->arr[i], off, left);
	return 0;
}

int xenlib_mem_refresh(uint32_t domid, struct xenlib_mem_cache *m)
{
	return mem_refresh(domid, m);
}

int xenlib_mem_frame(uint32_t domid, struct xenlib_mem_cache *m, uint64_t gfn,
		     uint64_t *off)
{
	uint64_t left;
	int rc;

	if (!mem_lookup(m, gfn, off, &left))
		return 0;
	rc = mem_refresh(domid, m);
	if (rc)
		return rc;
	return mem_lookup(m, gfn, off, &left);
}

/* How many frames from @i are consecutive and inside the same region. */
static size_t run_length(const struct map_job *j, size_t i, uint64_t left)
{
	size_t n = 1;

	while (i + n < j->pages && n < left && j->arr[i + n] == j->arr[i] + n)
		n++;
	return n;
}

static int map_run(struct map_job *j, int memfd, size_t i, size_t n,
		   uint64_t off)
{
	void *want = j->base + i * PAGE;
	void *p;
	int rc;

	p = mmap(want, n * PAGE, j->prot, MAP_SHARED | MAP_FIXED, memfd,
		 (off_t)off);
	if (p != MAP_FAILED)
		return 0;
	rc = -errno;
	/* A failed MAP_FIXED may leave a hole: put the reservation back. */
	(void)mmap(want, n * PAGE, PROT_NONE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1,
		   0);
	return rc;
}

/* Records @rc for frames [i, i + n); without err[] it fails the call. */
static int set_err(struct map_job *j, size_t i, size_t n, int rc)
{
	size_t k;

	if (!j->err)
		return rc;
	for (k = 0; k < n; k++)
		j->err[i + k] = rc;
	return 0;
}

/* Caller holds m->lock. */
static int map_frames(struct map_job *j, struct xenlib_mem_cache *m)
{
	uint64_t off = 0, left = 0;
	size_t i = 0, n;
	bool found;
	int rc;

	while (i < j->pages) {
		n = 1;
		rc = find_frame(j, m, i, &off, &left, &found);
		if (!rc && !found) {
			rc = set_err(j, i, n, -EINVAL);
		} else if (!rc) {
			n = run_length(j, i, left);
			rc = set_err(j, i, n, map_run(j, m->memfd, i, n, off));
		}
		if (rc)
			return rc;
		i += n;
	}
	return 0;
}

static int check_args(void *addr, int flags, size_t pages, const xen_pfn_t *arr)
{
	if (!pages || !arr || (flags & ~MAP_FIXED))
		return -EINVAL;
	if ((flags & MAP_FIXED) && !addr)
		return -EINVAL;
	return pages > SIZE_MAX / PAGE ? -ENOMEM : 0;
}

int xenlib_mem_map(uint32_t domid, void *addr, int prot, int flags,
		   size_t pages, const xen_pfn_t *arr, int *err, void **out)
{
	struct map_job j = {.domid = domid,
			    .prot = prot,
			    .pages = pages,
			    .arr = arr,
			    .err = err};
	struct xenlib_conn *c;
	void *base;
	int rc;

	*out = NULL;
	rc = check_args(addr, flags, pages, arr);
	if (!rc)
		rc = xenlib_conn_get(domid, &c);
	if (rc)
		return rc;
	base = mmap(addr, pages * PAGE, PROT_NONE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE |
			    (flags & MAP_FIXED),
		    -1, 0);
	if (base == MAP_FAILED)
		return -errno;
	j.base = base;
	pthread_mutex_lock(&c->mem.lock);
	rc = map_frames(&j, &c->mem);
	pthread_mutex_unlock(&c->mem.lock);
	if (rc) {
		munmap(base, pages * PAGE);
		xenlib_log(XENLIB_LOG_INFO, domid,
			   "map of %zu frames from gfn 0x%llx failed: errno %d",
			   pages, (unsigned long long)arr[0], -rc);
		return rc;
	}
	*out = base;
	return 0;
}
