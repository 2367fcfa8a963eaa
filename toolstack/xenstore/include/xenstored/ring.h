/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Moving xenstore messages between a guest's ring page (struct
 * xenstore_domain_interface, <xen/io/xs_wire.h>) and its connection. The
 * page is shared with a hostile guest: each index is read once per call,
 * a producer more than a ring ahead of its consumer is a protocol
 * violation, and the guest's bytes are copied out before conn.c parses
 * them. No I/O and no event channels here (ring_domain.c has those), so
 * the unit tests and the fuzz target drive it on a plain page.
 */
#ifndef XENSTORED_RING_H
#define XENSTORED_RING_H

#include <stdbool.h>

struct conn;
struct xenstore_domain_interface;

/*
 * Copies the guest's requests from the request ring into @c (as many as
 * it takes in) and advances req_cons. *@moved says whether any byte was
 * consumed (the guest may wait for room: kick it). Returns 0, or -EPROTO
 * if the guest's indexes are inconsistent; the caller kills @c then.
 */
int ring_pull(struct xenstore_domain_interface *intf, struct conn *c,
	      bool *moved) __attribute__((warn_unused_result));

/*
 * Copies @c's queued replies and watch events into the response ring, as
 * much as fits, and advances rsp_prod. *@moved says whether any byte was
 * produced (kick the guest). Returns 0 or -EPROTO as ring_pull().
 */
int ring_push(struct xenstore_domain_interface *intf, struct conn *c,
	      bool *moved) __attribute__((warn_unused_result));

#endif /* XENSTORED_RING_H */
