/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Event channels between the guest and backends in domain 0
 * (domain_evtchn_backend.c): a guest port allocated unbound for domain 0
 * is bound by a host process through the control socket (CTL_OP_EVTCHN
 * with a guest port number), which gets the port's eventfd pair.
 */
#ifndef HYPERVISOR_DOMAIN_EVTCHN_BACKEND_H
#define HYPERVISOR_DOMAIN_EVTCHN_BACKEND_H

#include <stdint.h>

#include "hypervisor/domain.h"

/* Sets up d->evtchn_backend: no port bound. Returns 0 or -ENOMEM. */
int domain_evtchn_backend_init(struct domain *d)
	__attribute__((warn_unused_result));

/* Closes every port's eventfds; call after the vCPUs are gone. */
void domain_evtchn_backend_destroy(struct domain *d);

/*
 * Binds guest port @port, allocated unbound for domain 0, to a backend
 * and returns its eventfds, owned by the domain: "notify" (the guest's
 * sends; it starts with one event, as a Xen bind does) and "done" (a
 * write raises the port in the guest). Binding a bound port again returns
 * the same pair. Returns 0, -ENOENT if @port is no such port (out of
 * range, free, bound elsewhere, or unbound for another domain), -ENOSYS
 * without event channels, or -errno.
 */
int domain_evtchn_backend_fds(struct domain *d, uint32_t port, int *notify_efd,
			      int *done_efd)
	__attribute__((warn_unused_result));

/* hcall_ops members (hcall.h); @opaque is the struct domain. */
int domain_evtchn_backend_send(void *opaque, unsigned int port);
void domain_evtchn_backend_update(void *opaque, unsigned int port, int vcpu_id);

#endif /* HYPERVISOR_DOMAIN_EVTCHN_BACKEND_H */
