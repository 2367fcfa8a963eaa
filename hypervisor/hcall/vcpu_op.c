/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The vcpu_op hypercall (xen/vcpu.h). Only VCPUOP_register_vcpu_info is
 * implemented: it moves a vCPU's vcpu_info out of shared_info into a guest
 * page, which Linux does for every vCPU. Timers, runstate areas and the
 * rest return -ENOSYS for now.
 *
 * struct vcpu_register_vcpu_info (u64 mfn, u32 offset, u32 rsvd) has the
 * same layout for 32- and 64-bit callers, and so does struct vcpu_info
 * (64 bytes), but its alignment is 8 natively and 4 in the i386 ABI.
 */
#include "hcall_priv.h"

#include <errno.h>
#include <stdalign.h>

#include <xen/vcpu.h>
#include <xen/foreign/x86_32.h>

_Static_assert(sizeof(struct vcpu_register_vcpu_info) == 16, "layout");
_Static_assert(sizeof(struct vcpu_info) == sizeof(struct vcpu_info_x86_32),
	       "vcpu_info differs between 32- and 64-bit guests");

/* i386 aligns 64-bit members to 4, so the struct's alignment is 4. */
#define VCPU_OP_COMPAT_ALIGN 4

/*
 * The vcpu_info must lie in one page and be aligned, as Xen 4.17 and KVM
 * (one cached mapping per vcpu_info) require. mfn is a guest frame for
 * HVM. rsvd is not checked: Linux's xen_vcpu_setup() leaves it
 * uninitialised on the stack, and Xen ignores it.
 */
static long vcpu_register_vcpu_info(struct hcall_vcpu *v, const uint64_t *args)
{
	const struct hcall_ops *ops = v->d->ops;
	struct vcpu_register_vcpu_info info;
	uint32_t vcpuid = (uint32_t)args[1];
	size_t align;
	int rc;

	/* Xen's domain_vcpu(): -ENOENT for a vCPU the domain lacks. */
	if (vcpuid >= v->d->max_vcpus)
		return -ENOENT;
	rc = hcall_copy_from_guest(v, &info, args[2], sizeof(info));
	if (rc)
		return rc;
	align = v->longmode ? alignof(struct vcpu_info) : VCPU_OP_COMPAT_ALIGN;
	if (info.offset > HCALL_PAGE_SIZE - sizeof(struct vcpu_info) ||
	    info.offset % align)
		return -EINVAL;
	if (info.mfn > (UINT64_MAX >> HCALL_PAGE_SHIFT))
		return -EINVAL;
	if (!ops->register_vcpu_info)
		return -ENOSYS;
	return ops->register_vcpu_info(v->d->opaque, vcpuid,
				       (info.mfn << HCALL_PAGE_SHIFT) +
					       info.offset);
}

static const hcall_fn vcpu_op_ops[] = {
	[VCPUOP_register_vcpu_info] = vcpu_register_vcpu_info,
};

/* vcpu_op(cmd, vcpuid, arg); Xen takes cmd as a signed int. */
long vcpu_op_hcall(struct hcall_vcpu *v, const uint64_t *args)
{
	return hcall_subop(v, __HYPERVISOR_vcpu_op, vcpu_op_ops,
			   ARRAY_SIZE(vcpu_op_ops), (uint32_t)args[0], args);
}
