/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What each control-socket op carries (private to hypervisor/ctl): payload
 * sizes, descriptor limits and the payload checks ctl_recv() and
 * ctl_send() apply.
 */
#ifndef HYPERVISOR_CTL_OPS_H
#define HYPERVISOR_CTL_OPS_H

#include <stddef.h>
#include <stdint.h>

typedef int (*ctl_check_req_fn)(const void *payload);
typedef int (*ctl_check_resp_fn)(const void *payload, unsigned int nr_fds);

struct op_desc {
	size_t req_size;
	size_t resp_size;
	unsigned int resp_max_fds;
	ctl_check_req_fn check_req;
	ctl_check_resp_fn check_resp;
};

/* The op's descriptor, or NULL for 0 and unknown ops. */
const struct op_desc *ctl_op_desc(uint16_t op);

#endif /* HYPERVISOR_CTL_OPS_H */
