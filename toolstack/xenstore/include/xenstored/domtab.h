/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The table of introduced domains (INTRODUCE / RELEASE /
 * IS_DOMAIN_INTRODUCED): domid, ring page frame and event channel port as
 * the toolstack gave them. Only bookkeeping; mapping rings is the job of a
 * domain transport (struct xenstored_domain_ops).
 */
#ifndef XENSTORED_DOMTAB_H
#define XENSTORED_DOMTAB_H

#include <stdbool.h>
#include <stdint.h>

/* Xen's DOMID_FIRST_RESERVED (xen.h): ordinary domains are below it. */
#define DOMTAB_DOMID_LIMIT 0x7ff0u

struct domtab_entry {
	uint32_t domid;
	uint64_t gfn;
	uint32_t port;
};

struct domtab {
	struct domtab_entry *e;
	unsigned int nr;
	unsigned int cap;
};

/*
 * Records @domid (1 .. DOMTAB_DOMID_LIMIT - 1) as introduced, or updates
 * its ring details. *@is_new says whether it was not introduced before.
 * Returns 0, -EINVAL for a bad domid or -ENOMEM.
 */
int domtab_introduce(struct domtab *t, uint32_t domid, uint64_t gfn,
		     uint32_t port, bool *is_new)
	__attribute__((warn_unused_result));

/* Forgets @domid. Returns 0 or -ENOENT if it was not introduced. */
int domtab_release(struct domtab *t, uint32_t domid)
	__attribute__((warn_unused_result));

/* Dom0 always counts as introduced. */
bool domtab_is_introduced(const struct domtab *t, uint32_t domid);

/* Frees the table and leaves it empty; idempotent. */
void domtab_destroy(struct domtab *t);

#endif /* XENSTORED_DOMTAB_H */
