/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Grants of a guest to its backends (xenlib_priv.h, the grant part): the
 * guest's v1 grant table is the CTL_MEM_GRANT region of its memfd, mapped
 * here once per memfd; a backend's use of a grant is checked and marked in
 * the entry as Xen's map_grant_ref() and gnttab_copy() do (Xen 4.17,
 * common/grant_table.c):
 *   - the entry must permit access (type permit_access, no sub-page) to
 *     the backend's domain, 0, as libxl writes backend-id; otherwise
 *     GNTST_general_error, and GNTST_bad_gntref for a ref past the table;
 *   - a writable use of a read-only entry is GNTST_general_error;
 *   - GTF_reading (and GTF_writing for a writable use) are set with a
 *     compare-and-swap on the entry's flags and domid, retried a few times
 *     if the guest changes it meanwhile, and cleared when the last use
 *     ends (a pin count per ref, as Xen's active entries keep).
 * The guest sees those bits and cannot revoke the grant while they are
 * set, as on Xen. Everything runs under the domain's mem.lock.
 */
#define _GNU_SOURCE
#include "xenlib_priv.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <xen/grant_table.h>

/* The domain our backends act as (libxl's backend-id for QEMU's). */
#define BACKEND_DOMID 0
/* Xen's retries of the compare-and-swap before it gives up. */
#define CMPXCHG_TRIES 5

_Static_assert(sizeof(grant_entry_v1_t) == 8, "v1 entry layout");

void xenlib_grant_forget(struct xenlib_mem_cache *m)
{
	if (m->grant_tab)
		munmap((void *)m->grant_tab,
		       (size_t)m->grant_nr * sizeof(grant_entry_v1_t));
	m->grant_tab = NULL;
	m->grant_nr = 0;
	free(m->pins);
	m->pins = NULL;
	if (m->copy_map)
		munmap(m->copy_map, m->copy_size);
	m->copy_map = NULL;
	m->copy_size = 0;
	m->copy_failed = false;
}

/*
 * The table stays mapped for as long as the memfd is the same one (its
 * pages never move in the memfd, wherever the guest places them), so a
 * release always finds the entry whose bits its acquire set. A new memfd
 * is another domain: its table and pins start afresh.
 */
int xenlib_grant_attach(uint32_t domid, struct xenlib_mem_cache *m,
			bool new_memfd)
{
	const struct ctl_mem_region *r = NULL;
	unsigned int i;
	void *p;

	if (new_memfd)
		xenlib_grant_forget(m);
	if (m->grant_tab)
		return 0;
	for (i = 0; i < m->info.nr_regions && !r; i++) {
		if (m->info.r[i].kind == CTL_MEM_GRANT && m->info.r[i].size)
			r = &m->info.r[i];
	}
	if (!r)
		return 0; /* the guest has not placed its frames yet */
	if (r->size >
	    (uint64_t)XENLIB_GRANT_MAX_REFS * sizeof(grant_entry_v1_t))
		return -EPROTO;
	if (!m->pins) {
		m->pins = calloc(XENLIB_GRANT_MAX_REFS, sizeof(*m->pins));
		if (!m->pins)
			return -ENOMEM;
	}
	p = mmap(NULL, r->size, PROT_READ | PROT_WRITE, MAP_SHARED, m->memfd,
		 (off_t)r->offset);
	if (p == MAP_FAILED) {
		xenlib_log(XENLIB_LOG_WARN, domid,
			   "cannot map the guest's grant table: errno %d",
			   errno);
		return -errno;
	}
	m->grant_tab = p;
	m->grant_nr = (uint32_t)(r->size / sizeof(grant_entry_v1_t));
	return 0;
}

/* The entry's flags and domid as one word (Xen reads them together). */
static uint32_t *entry_word(struct xenlib_mem_cache *m, uint32_t ref)
{
	return (uint32_t *)(void *)&m->grant_tab[ref];
}

int16_t xenlib_grant_acquire(struct xenlib_mem_cache *m, uint32_t ref,
			     bool writable, uint64_t *frame)
{
	uint32_t *w, old, new, flags;
	unsigned int tries;

	if (!m->grant_tab || ref >= m->grant_nr)
		return GNTST_bad_gntref;
	w = entry_word(m, ref);
	old = __atomic_load_n(w, __ATOMIC_ACQUIRE);
	for (tries = 0;; tries++) {
		flags = old & 0xffff;
		if ((flags & (GTF_type_mask | GTF_sub_page)) !=
			    GTF_permit_access ||
		    (old >> 16) != BACKEND_DOMID)
			return GNTST_general_error;
		if (writable && (flags & GTF_readonly))
			return GNTST_general_error;
		new = old | GTF_reading | (writable ? GTF_writing : 0);
		if (__atomic_compare_exchange_n(w, &old, new, false,
						__ATOMIC_ACQ_REL,
						__ATOMIC_ACQUIRE))
			break;
		if (tries + 1 == CMPXCHG_TRIES)
			return GNTST_general_error;
	}
	/* The frame is read once the entry is marked in use, as in Xen. */
	*frame = __atomic_load_n(&m->grant_tab[ref].frame, __ATOMIC_ACQUIRE);
	m->pins[ref].readers++;
	if (writable)
		m->pins[ref].writers++;
	return GNTST_okay;
}

void xenlib_grant_release(struct xenlib_mem_cache *m, uint32_t ref,
			  bool writable)
{
	struct xenlib_grant_pin *p;
	uint16_t clear = 0;

	if (!m->pins || ref >= XENLIB_GRANT_MAX_REFS)
		return;
	p = &m->pins[ref];
	if (!p->readers)
		return;
	if (writable && p->writers && --p->writers == 0)
		clear |= GTF_writing;
	if (--p->readers == 0)
		clear |= GTF_reading;
	if (clear && m->grant_tab && ref < m->grant_nr)
		__atomic_fetch_and(&m->grant_tab[ref].flags, (uint16_t)~clear,
				   __ATOMIC_RELEASE);
}
