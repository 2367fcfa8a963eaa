/* SPDX-License-Identifier: GPL-2.0-only */
/* Shared by the control-socket server and its request handlers. */
#ifndef HYPERVISOR_DOMAIN_CTL_PRIV_H
#define HYPERVISOR_DOMAIN_CTL_PRIV_H

#include <stdint.h>

#include "hypervisor/ctl_proto.h"

struct domain;

/* Room for any request or response payload. */
union ctl_payload {
	struct ctl_domain_info info;
	struct ctl_ioreq_create create;
	struct ctl_ioreq_id id;
	struct ctl_ioreq_info ioreq_info;
	struct ctl_ioreq_range range;
	struct ctl_ioreq_state state;
	struct ctl_vcpu_regs regs;
	struct ctl_mem_info mem_info;
	struct ctl_dirty_req dirty_req;
	struct ctl_dirty_bitmap dirty;
};

/* The memfd, then notify and done eventfds for every port. */
#define CTL_REPLY_MAX_FDS (1 + 2 * (CTL_MAX_VCPUS + 1))

/*
 * Runs request @op with payload @req (already validated by ctl_recv) and
 * fills @resp and up to CTL_REPLY_MAX_FDS fds (borrowed: the caller sends
 * them and does not close them). Returns 0 or a negative errno.
 */
int domain_ctl_dispatch(struct domain *d, uint16_t op, const void *req,
			void *resp, int *fds, unsigned int *nr_fds);

#endif /* HYPERVISOR_DOMAIN_CTL_PRIV_H */
