/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The xen_version hypercall (xen/version.h): version, extra version, build
 * strings, capabilities, features, page size and the domain handle, as an
 * unprivileged HVM guest sees them under Xen 4.17. As in Xen's default
 * policy, XENVER_commandline and XENVER_build_id are refused with -EPERM to
 * unprivileged guests; we never have privileged ones.
 *
 * Features (XENVER_get_features, submap 0) are only those we back:
 *   XENFEAT_writable_page_tables, XENFEAT_auto_translated_physmap: true of
 *     every HVM guest (it owns its page tables and sees guest frames);
 *   XENFEAT_hvm_callback_vector: when the domain delivers event channels
 *     (event_channel.c) and upcalls on a vector (HVM_PARAM_CALLBACK_IRQ).
 *     Linux 6.x needs it to run SMP: without it, it still routes its IPIs
 *     to event channels it never binds, and the first IPI oopses.
 *   XENFEAT_hvm_safe_pvclock: when the domain also backs Xen timers
 *     (VIRQ_TIMER, VCPUOP_set_singleshot_timer) and runstate areas. With
 *     it Linux uses the Xen clocksource (the pvclock in its vcpu_info)
 *     and Xen timers instead of the HPET and the LAPIC timer, and it
 *     BUG()s if it cannot register a runstate area. The domain withdraws
 *     it when the host cannot (hcall_domain_disable_pv_time()).
 */
#include "hcall_priv.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <xen/version.h>

/* Printed after "4.17" by hvmloader, SeaBIOS and Linux: say who we are. */
#define XEN_VERSION_EXTRA "-hvm"
#define XEN_VERSION_CAPS "hvm-3.0-x86_64 hvm-3.0-x86_32 hvm-3.0-x86_32p"
#define XEN_VERSION_CHANGESET "unavailable"

uint32_t xen_version_default_features(const struct hcall_ops *ops)
{
	uint32_t f = (1U << XENFEAT_writable_page_tables) |
		     (1U << XENFEAT_auto_translated_physmap);

	if (ops->evtchn_set_pending && ops->set_callback_vector)
		f |= 1U << XENFEAT_hvm_callback_vector;
	if ((f & (1U << XENFEAT_hvm_callback_vector)) && ops->timer_set &&
	    ops->register_runstate)
		f |= 1U << XENFEAT_hvm_safe_pvclock;
	return f;
}

/* Copies @s NUL-padded into a guest char array of @size bytes. */
static long put_string(struct hcall_vcpu *v, uint64_t arg, const char *s,
		       size_t size)
{
	char buf[sizeof(xen_capabilities_info_t)];

	if (size > sizeof(buf))
		return -EINVAL;
	memset(buf, 0, sizeof(buf));
	snprintf(buf, size, "%s", s);
	return hcall_copy_to_guest(v, arg, buf, size);
}

static long ver_version(struct hcall_vcpu *v, const uint64_t *args)
{
	(void)args;
	return (long)((v->d->xen_major << 16) | (v->d->xen_minor & 0xffff));
}

static long ver_extraversion(struct hcall_vcpu *v, const uint64_t *args)
{
	return put_string(v, args[1], XEN_VERSION_EXTRA,
			  sizeof(xen_extraversion_t));
}

static long ver_compile_info(struct hcall_vcpu *v, const uint64_t *args)
{
	struct xen_compile_info ci;

	/* Char arrays only: the same layout for 32- and 64-bit callers. */
	memset(&ci, 0, sizeof(ci));
	snprintf(ci.compiler, sizeof(ci.compiler), "unknown");
	snprintf(ci.compile_by, sizeof(ci.compile_by), "hvm");
	return hcall_copy_to_guest(v, args[1], &ci, sizeof(ci));
}

static long ver_capabilities(struct hcall_vcpu *v, const uint64_t *args)
{
	return put_string(v, args[1], XEN_VERSION_CAPS,
			  sizeof(xen_capabilities_info_t));
}

static long ver_changeset(struct hcall_vcpu *v, const uint64_t *args)
{
	return put_string(v, args[1], XEN_VERSION_CHANGESET,
			  sizeof(xen_changeset_info_t));
}

/*
 * virt_start is the PV hypervisor hole; HVM guests have none and Xen
 * reports 0. The field is an xen_ulong_t: 4 bytes for 32-bit callers.
 */
static long ver_platform_parameters(struct hcall_vcpu *v, const uint64_t *args)
{
	struct xen_platform_parameters pp = {.virt_start = 0};
	uint32_t compat_virt_start = 0;

	if (!v->longmode)
		return hcall_copy_to_guest(v, args[1], &compat_virt_start,
					   sizeof(compat_virt_start));
	return hcall_copy_to_guest(v, args[1], &pp, sizeof(pp));
}

/* struct xen_feature_info is two 32-bit fields in both ABIs. */
static long ver_get_features(struct hcall_vcpu *v, const uint64_t *args)
{
	struct xen_feature_info fi;
	long rc;

	_Static_assert(sizeof(fi) == 8, "xen_feature_info layout");
	rc = hcall_copy_from_guest(v, &fi, args[1], sizeof(fi));
	if (rc)
		return rc;
	if (fi.submap_idx >= XENFEAT_NR_SUBMAPS)
		return -EINVAL;
	fi.submap = v->d->features;
	return hcall_copy_to_guest(v, args[1], &fi, sizeof(fi));
}

static long ver_pagesize(struct hcall_vcpu *v, const uint64_t *args)
{
	(void)v;
	(void)args;
	return HCALL_PAGE_SIZE;
}

static long ver_guest_handle(struct hcall_vcpu *v, const uint64_t *args)
{
	return hcall_copy_to_guest(v, args[1], v->d->handle,
				   sizeof(xen_domain_handle_t));
}

/* Xen's default XSM policy keeps these from unprivileged guests. */
static long ver_denied(struct hcall_vcpu *v, const uint64_t *args)
{
	(void)v;
	(void)args;
	return -EPERM;
}

static const hcall_fn xen_version_ops[] = {
	[XENVER_version] = ver_version,
	[XENVER_extraversion] = ver_extraversion,
	[XENVER_compile_info] = ver_compile_info,
	[XENVER_capabilities] = ver_capabilities,
	[XENVER_changeset] = ver_changeset,
	[XENVER_platform_parameters] = ver_platform_parameters,
	[XENVER_get_features] = ver_get_features,
	[XENVER_pagesize] = ver_pagesize,
	[XENVER_guest_handle] = ver_guest_handle,
	[XENVER_commandline] = ver_denied,
	[XENVER_build_id] = ver_denied,
};

/* xen_version(cmd, arg): Xen takes cmd as a signed int. */
long xen_version_hcall(struct hcall_vcpu *v, const uint64_t *args)
{
	return hcall_subop(v, __HYPERVISOR_xen_version, xen_version_ops,
			   ARRAY_SIZE(xen_version_ops), (uint32_t)args[0],
			   args);
}
