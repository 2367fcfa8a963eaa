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

/*
 * Describes vCPU @vcpu_id's Xen timer into @buf ("Xen timer: VIRQ_TIMER
 * port 5, due in 3 ms", "... not armed", "no VIRQ_TIMER bound" or
 * "none"), for the log of a
 * domain that is destroyed: a guest that lost its timer event waits
 * halted with nothing due. Call it only while the vCPU does not run.
 */
void domain_xen_time_describe(struct domain *d, unsigned int vcpu_id, char *buf,
			      size_t len);

#endif /* HYPERVISOR_DOMAIN_XEN_TIME_H */
