/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Guest writes to the VGA window, gathered by KVM without an exit
 * (domain_coalesced.c).
 */
#ifndef HYPERVISOR_DOMAIN_COALESCED_H
#define HYPERVISOR_DOMAIN_COALESCED_H

#include "hypervisor/domain.h"

struct vcpu;

/*
 * Has KVM gather the guest's writes to the VGA window (0xA0000-0xBFFFF)
 * in its coalesced MMIO ring. Call it once the vCPUs exist. A host
 * without the capability keeps every such write an exit (logged); only a
 * host failure after the capability is there fails.
 */
int domain_coalesced_init(struct domain *d) __attribute__((warn_unused_result));
void domain_coalesced_destroy(struct domain *d);

/*
 * Hands the gathered writes, oldest first, to the device model, as the
 * exit of each would have: on the buffered ioreq ring, or (the ring full)
 * as requests of vCPU @v, which waits for each. Call it before any other
 * request goes to the device model, so that none overtakes an earlier
 * write. Without a vCPU (@v NULL) it stops at a write the ring cannot
 * take, leaving it and the later ones for the next call. A vCPU that
 * flushes holds the others' exits while it waits for the device model
 * (only when the ring is full or the server has none). Returns 0,
 * -ECANCELED if the domain is stopping, or -EPROTO if the device model
 * broke the protocol (the caller crashes the domain).
 */
int domain_coalesced_flush(struct domain *d, struct vcpu *v)
	__attribute__((warn_unused_result));

#endif /* HYPERVISOR_DOMAIN_COALESCED_H */
