/* SPDX-License-Identifier: GPL-2.0-only */
/* Functions shared by the files of hypervisor/domain. */
#ifndef HYPERVISOR_DOMAIN_PRIV_H
#define HYPERVISOR_DOMAIN_PRIV_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "hypervisor/domain.h"

/* Loads the loader and modules and sets the BSP's start state. */
int domain_load(struct domain *d, const struct domain_config *cfg)
	__attribute__((warn_unused_result));

/* Creates d->hcall, the domain's Xen hypercall state (domain_hcall.c). */
int domain_hcall_init(struct domain *d) __attribute__((warn_unused_result));
void domain_hcall_destroy(struct domain *d);

/*
 * The guest's xenstore ring page and event channel, left in
 * HVM_PARAM_STORE_PFN/STORE_EVTCHN (domain_xenstore.c). A host without
 * Xen event channels gets a warning and no ring. Returns 0 or -errno.
 */
int domain_xenstore_init(struct domain *d) __attribute__((warn_unused_result));
/* The same for the PV console: HVM_PARAM_CONSOLE_PFN/CONSOLE_EVTCHN. */
int domain_pv_console_init(struct domain *d)
	__attribute__((warn_unused_result));

/* True if [@gpa, @gpa + @len) is guest RAM now (domain_hcall.c). */
bool domain_gpa_is_ram(struct domain *d, uint64_t gpa, uint64_t len);

#endif /* HYPERVISOR_DOMAIN_PRIV_H */
