/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The vcpu_op hypercall (xen/vcpu.h): VCPUOP_register_vcpu_info moves a
 * vCPU's vcpu_info out of shared_info into a guest page, which Linux does
 * for every vCPU; VCPUOP_register_runstate_memory_area gives the host a
 * place to keep the vCPU's runstate (Linux's steal time; it BUG()s if
 * this fails once XENFEAT_hvm_safe_pvclock is offered);
 * VCPUOP_register_vcpu_time_memory_area a copy of its vcpu_time_info for
 * the guest's vDSO (Linux asks when the clock is TSC-stable); the timer
 * sub-ops
 * are in vcpu_timer.c. VCPUOP_up/down/is_up and the rest return -ENOSYS
 * (logged once): Linux brings HVM APs up by INIT/SIPI and uses them only
 * across a suspend.
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

/* struct vcpu_runstate_info: 48 bytes natively, 44 packed in i386. */
#define RUNSTATE_SIZE 48
#define RUNSTATE_COMPAT_SIZE 44
_Static_assert(sizeof(struct vcpu_runstate_info) == RUNSTATE_SIZE, "layout");
/* struct vcpu_time_info: 32 bytes under both ABIs. */
#define TIME_INFO_SIZE 32
_Static_assert(sizeof(struct vcpu_time_info) == TIME_INFO_SIZE, "layout");
/* Both requests are one 8-byte union: a handle, a pointer or a u64. */
_Static_assert(sizeof(struct vcpu_register_runstate_memory_area) == 8,
	       "layout");
_Static_assert(sizeof(struct vcpu_register_time_memory_area) == 8, "layout");

typedef int (*area_fn)(void *opaque, unsigned int caller, unsigned int vcpu_id,
		       uint64_t gva, size_t len);

/*
 * Places a per-vCPU area of @len bytes through @fn. The area is a guest
 * virtual address (a 32-bit handle for i386 callers), 0 to stop. Xen
 * accepts any vCPU of the domain here, not only the caller's own.
 */
static long register_area(struct hcall_vcpu *v, const uint64_t *args,
			  size_t len, area_fn fn)
{
	uint32_t vcpuid = (uint32_t)args[1];
	uint64_t addr, gva;
	int rc;

	if (vcpuid >= v->d->max_vcpus)
		return -ENOENT;
	rc = hcall_copy_from_guest(v, &addr, args[2], sizeof(addr));
	if (rc)
		return rc;
	gva = v->longmode ? addr : (uint32_t)addr;
	if (gva && !hcall_guest_range_ok(v, gva, len))
		return -EFAULT;
	if (!fn)
		return -ENOSYS;
	return fn(v->d->opaque, v->id, vcpuid, gva, len);
}

static long vcpu_register_runstate(struct hcall_vcpu *v, const uint64_t *args)
{
	return register_area(v, args,
			     v->longmode ? RUNSTATE_SIZE : RUNSTATE_COMPAT_SIZE,
			     v->d->ops->register_runstate);
}

static long vcpu_register_time_area(struct hcall_vcpu *v, const uint64_t *args)
{
	return register_area(v, args, TIME_INFO_SIZE,
			     v->d->ops->register_time_area);
}

static const hcall_fn vcpu_op_ops[] = {
	[VCPUOP_register_vcpu_time_memory_area] = vcpu_register_time_area,
	[VCPUOP_register_runstate_memory_area] = vcpu_register_runstate,
	[VCPUOP_set_periodic_timer] = vcpu_timer_set_periodic,
	[VCPUOP_stop_periodic_timer] = vcpu_timer_stop_periodic,
	[VCPUOP_set_singleshot_timer] = vcpu_timer_set_singleshot,
	[VCPUOP_stop_singleshot_timer] = vcpu_timer_stop_singleshot,
	[VCPUOP_register_vcpu_info] = vcpu_register_vcpu_info,
};

/* vcpu_op(cmd, vcpuid, arg); Xen takes cmd as a signed int. */
long vcpu_op_hcall(struct hcall_vcpu *v, const uint64_t *args)
{
	return hcall_subop(v, __HYPERVISOR_vcpu_op, vcpu_op_ops,
			   ARRAY_SIZE(vcpu_op_ops), (uint32_t)args[0], args);
}
