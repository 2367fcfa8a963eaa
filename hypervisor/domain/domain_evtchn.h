/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Xen event channels on KVM (domain_evtchn.c): the hcall_ops members that
 * raise, unmask, clear and route ports; @opaque is the struct domain.
 */
#ifndef HYPERVISOR_DOMAIN_EVTCHN_H
#define HYPERVISOR_DOMAIN_EVTCHN_H

#include <stdbool.h>

#include "hypervisor/domain.h"

/* True if this VM's KVM can deliver event channels (EVTCHN_SEND). */
bool domain_evtchn_probe(struct domain *d);

int domain_evtchn_set_pending(void *opaque, unsigned int port,
			      unsigned int vcpu_id);
int domain_evtchn_unmask(void *opaque, unsigned int port, unsigned int vcpu_id);
int domain_evtchn_clear(void *opaque, unsigned int port);
int domain_evtchn_route(void *opaque, unsigned int send_port, unsigned int port,
			unsigned int vcpu_id);

#endif /* HYPERVISOR_DOMAIN_EVTCHN_H */
