/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Guest connections over xenstore rings (dm-abi.md 6): on XS_INTRODUCE
 * the daemon asks the domain's hvm-domain (RUN_DIR/DOMID/ctl) for the
 * ring page, maps that one page, and binds the ring's event channel
 * (CTL_OP_EVTCHN: the guest's kicks arrive on an eventfd, a write to the
 * other one raises the port in the guest). The eventfds join the socket
 * server's poll loop through its hooks. XS_RELEASE unmaps and unbinds.
 */
#ifndef XENSTORED_RING_DOMAIN_H
#define XENSTORED_RING_DOMAIN_H

#include <poll.h>

struct xenstored;
struct ring_domains;

/* Guest rings served at once; XS_INTRODUCE beyond gets ENOSPC. */
#define RING_DOMAINS_MAX 1024u

/*
 * Installs the domain hooks on @xs, finding each domain's control socket
 * under @run_dir. Returns 0 or -ENOMEM.
 */
int ring_domains_create(struct xenstored *xs, const char *run_dir,
			struct ring_domains **out)
	__attribute__((warn_unused_result));

/* Unmaps every ring, closes its eventfds and connection; accepts NULL. */
void ring_domains_destroy(struct ring_domains *rt);

/* The guests' eventfds to poll, at most @max; returns how many. */
unsigned int ring_domains_pollfds(void *rt, struct pollfd *p, unsigned int max);

/*
 * After each poll round: takes the kicks in @p (what pollfds gave), moves
 * requests and replies on every ring (other connections may have queued
 * watch events), kicks the guests whose rings moved, and closes the
 * connections of released or misbehaving domains.
 */
void ring_domains_serve(void *rt, const struct pollfd *p, unsigned int n);

#endif /* XENSTORED_RING_DOMAIN_H */
