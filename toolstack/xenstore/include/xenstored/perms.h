/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Xenstore node permissions (docs/misc/xenstore.txt, "SET_PERMS"): a list
 * of entries "<letter><domid>" with the letter n (none), r (read), w
 * (write) or b (both). The first entry names the owner and gives the
 * access of every domain not listed later; later entries override it for
 * one domain each. The owner and privileged connections (dom0) may do
 * anything. Parsing, formatting and the access check; no I/O.
 */
#ifndef XENSTORED_PERMS_H
#define XENSTORED_PERMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PERM_NONE 0u
#define PERM_READ 1u
#define PERM_WRITE 2u
#define PERM_BOTH (PERM_READ | PERM_WRITE)
/* Never stored: perms_for() adds it for the owner and for dom0. */
#define PERM_OWNER 4u

/* Domain ids in permission strings are 16-bit, as in Xen's domid_t. */
#define PERMS_DOMID_MAX 65535u
/* Longest formatted entry: a letter, five digits and the NUL. */
#define PERMS_ENTRY_MAX 7u

struct perm_entry {
	uint32_t domid;
	unsigned int mode; /* PERM_NONE .. PERM_BOTH */
};

/* A list of at least one entry once set; entry 0 is the owner. */
struct perms {
	unsigned int nr;
	struct perm_entry *e;
};

/*
 * Parses the @nr strings @v ("r5", "n0", ...) into *@out, which must be
 * empty (zeroed or freed). Returns 0, -EINVAL for an empty list or a
 * malformed entry (unknown letter, domid not plain decimal or above
 * PERMS_DOMID_MAX), or -ENOMEM.
 */
int perms_parse(const char *const *v, unsigned int nr, struct perms *out)
	__attribute__((warn_unused_result));

/* Sets *@p, which must be empty, to the single entry @mode @domid. */
int perms_init_one(struct perms *p, unsigned int mode, uint32_t domid)
	__attribute__((warn_unused_result));

/* Makes *@dst, which must be empty, a copy of @src. 0 or -ENOMEM. */
int perms_copy(struct perms *dst, const struct perms *src)
	__attribute__((warn_unused_result));

/* Frees the list and leaves *@p empty; accepts an empty list. */
void perms_free(struct perms *p);

bool perms_equal(const struct perms *a, const struct perms *b);

/* The owner: the domid of entry 0. @p must not be empty. */
uint32_t perms_owner(const struct perms *p);

/*
 * The access @domid has: PERM_READ | PERM_WRITE | PERM_OWNER for the
 * owner or a @privileged caller, else the mode of the entry naming @domid,
 * else the mode of entry 0.
 */
unsigned int perms_for(const struct perms *p, uint32_t domid, bool privileged);

/*
 * Writes the entries as NUL-terminated strings into @buf of @cap bytes and
 * their total length (NULs included) to *@len. 0 or -E2BIG.
 */
int perms_format(const struct perms *p, char *buf, size_t cap, size_t *len)
	__attribute__((warn_unused_result));

#endif /* XENSTORED_PERMS_H */
