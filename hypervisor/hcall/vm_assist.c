/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The vm_assist hypercall (xen.h, VMASST_*). Of its types Xen 4.17 offers
 * an HVM guest only VMASST_TYPE_runstate_update_flag: the hypervisor sets
 * XEN_RUNSTATE_UPDATE in state_entry_time while it rewrites a runstate
 * area, so that another vCPU can read it consistently (Linux's steal
 * time). Every other type is refused with -EINVAL, as Xen refuses a type
 * outside its valid mask, and so is this one where the host cannot do it.
 */
#include "hcall_priv.h"

#include <errno.h>

long vm_assist_hcall(struct hcall_vcpu *v, const uint64_t *args)
{
	const struct hcall_ops *ops = v->d->ops;
	uint32_t cmd = (uint32_t)args[0];
	uint32_t type = (uint32_t)args[1];

	if (type != VMASST_TYPE_runstate_update_flag ||
	    !ops->runstate_update_flag)
		return -EINVAL;
	if (cmd != VMASST_CMD_enable && cmd != VMASST_CMD_disable)
		return -ENOSYS;
	return ops->runstate_update_flag(v->d->opaque,
					 cmd == VMASST_CMD_enable);
}
