/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The domain's control socket (DESIGN.md "Control socket"): a thread that
 * accepts the toolstack and the device-model libraries on a Unix
 * SOCK_SEQPACKET socket and serves ctl_proto.h requests: query, pause,
 * unpause, destroy, and ioreq-server management with the memfd and
 * eventfds passed to the device model.
 */
#ifndef HYPERVISOR_DOMAIN_CTL_H
#define HYPERVISOR_DOMAIN_CTL_H

struct domain;
struct domain_ctl;

/* Listens on @path (mode 0600) and starts the serving thread. */
int domain_ctl_start(struct domain *d, const char *path,
		     struct domain_ctl **out)
	__attribute__((warn_unused_result));

/* Stops the thread, closes every connection and removes the socket. */
void domain_ctl_stop(struct domain_ctl *c);

#endif /* HYPERVISOR_DOMAIN_CTL_H */
