/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The sched_op hypercall (xen/sched.h). SCHEDOP_yield returns at once: the
 * vCPU thread goes back into KVM_RUN and the host scheduler does the rest.
 * SCHEDOP_shutdown reports the reason to the domain through ops->shutdown,
 * which stops the domain's vCPUs; the 0 returned here reaches the guest
 * only if the domain is resumed (as after SHUTDOWN_suspend in Xen).
 * SCHEDOP_poll, which Linux's PV spinlocks wait in, is served by KVM
 * inside the kernel once event channels are on (domain_evtchn.c), so it
 * reaches us only on hosts without them: -ENOSYS, and Linux spins instead.
 * SCHEDOP_block and the rest return -ENOSYS.
 */
#include "hcall_priv.h"

#include <errno.h>

#include <xen/sched.h>

/* struct sched_shutdown is one unsigned int under both ABIs. */
_Static_assert(sizeof(struct sched_shutdown) == 4, "sched_shutdown layout");

static long sched_yield_op(struct hcall_vcpu *v, const uint64_t *args)
{
	(void)v;
	(void)args;
	return 0;
}

/*
 * Xen passes any reason on, truncated to 8 bits; we refuse reasons the
 * toolstack does not know (above SHUTDOWN_MAX) instead of guessing.
 */
static long sched_shutdown_op(struct hcall_vcpu *v, const uint64_t *args)
{
	const struct hcall_ops *ops = v->d->ops;
	struct sched_shutdown s;
	int rc;

	rc = hcall_copy_from_guest(v, &s, args[1], sizeof(s));
	if (rc)
		return rc;
	if (s.reason > SHUTDOWN_MAX)
		return -EINVAL;
	if (!ops->shutdown)
		return -ENOSYS;
	return ops->shutdown(v->d->opaque, v->id, s.reason);
}

static const hcall_fn sched_op_ops[] = {
	[SCHEDOP_yield] = sched_yield_op,
	[SCHEDOP_shutdown] = sched_shutdown_op,
};

/* sched_op(cmd, arg); Xen takes cmd as a signed int. */
long sched_op_hcall(struct hcall_vcpu *v, const uint64_t *args)
{
	return hcall_subop(v, __HYPERVISOR_sched_op, sched_op_ops,
			   ARRAY_SIZE(sched_op_ops), (uint32_t)args[0], args);
}
