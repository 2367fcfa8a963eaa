/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Xen guest time on KVM (domain_xen_time.c): the hcall_ops members for
 * the shared_info latch, Xen timers, runstate areas and the runstate
 * update flag; @opaque is the struct domain.
 */
#ifndef HYPERVISOR_DOMAIN_XEN_TIME_H
#define HYPERVISOR_DOMAIN_XEN_TIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hypervisor/domain.h"

/*
 * Checks that this VM's KVM runs Xen timers and runstate areas, and notes
 * whether it has the runstate update flag. Returns NULL if it does, else
 * why not (for the log).
 */
const char *domain_xen_time_probe(struct domain *d);

/*
 * Gives each vCPU its Xen vCPU id (its own id) in KVM. Call it before the
 * vCPUs run; needs KVM_XEN_HVM_CONFIG_EVTCHN_SEND.
 */
int domain_xen_time_set_vcpu_ids(struct domain *d)
	__attribute__((warn_unused_result));

int domain_xen_time_latch(void *opaque, bool longmode);
int domain_xen_time_timer_set(void *opaque, unsigned int vcpu_id,
			      unsigned int port, uint64_t expires_ns);
int domain_xen_time_register_runstate(void *opaque, unsigned int caller,
				      unsigned int vcpu_id, uint64_t gva,
				      size_t len);
int domain_xen_time_register_time_area(void *opaque, unsigned int caller,
				       unsigned int vcpu_id, uint64_t gva,
				       size_t len);
int domain_xen_time_update_flag(void *opaque, bool on);

#endif /* HYPERVISOR_DOMAIN_XEN_TIME_H */
