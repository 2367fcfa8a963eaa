/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Xen periodic vCPU timers (VCPUOP_set_periodic_timer) run by hvm-domain
 * (domain_periodic.c): KVM's in-kernel Xen timer is single-shot only.
 */
#ifndef HYPERVISOR_DOMAIN_PERIODIC_H
#define HYPERVISOR_DOMAIN_PERIODIC_H

#include <stdint.h>

#include "hypervisor/domain.h"

struct domain_periodic;

/* Nothing runs until a guest sets a timer. NULL if out of memory. */
struct domain_periodic *domain_periodic_create(struct domain *d);

/* Stops the timer thread, if it ever started, and frees @p. */
void domain_periodic_destroy(struct domain_periodic *p);

/* hcall_ops.periodic_set; @opaque is the struct domain. */
int domain_periodic_set(void *opaque, unsigned int vcpu_id, uint64_t period_ns);

/* vCPU @vcpu_id's periodic timer period in ns (0: none), for the log. */
uint64_t domain_periodic_period(struct domain *d, unsigned int vcpu_id);

#endif /* HYPERVISOR_DOMAIN_PERIODIC_H */
