/* SPDX-License-Identifier: GPL-2.0-only */
/* Xen headers expect the fixed-width types to be declared first. */
#include <stdint.h>
#include <xen/xen.h>
#include <xen/features.h>
#include <xen/memory.h>
#include <xen/vcpu.h>
#include <xen/version.h>
#include <xen/hvm/hvm_op.h>
#include <xen/hvm/params.h>

#include "guest.h"
#include "hypercall.h"
#include "xen_callback.h"

#define PAGE_SHIFT 12
#define PAGE_SIZE (1u << PAGE_SHIFT)

uint32_t guest_xen_callback_setup(void *shinfo_page, void *vinfo,
				  uint8_t vector)
{
	struct xen_add_to_physmap xatp = {
		.domid = DOMID_SELF,
		.space = XENMAPSPACE_shared_info,
		.gpfn = (uintptr_t)shinfo_page >> PAGE_SHIFT,
	};
	struct vcpu_register_vcpu_info info = {
		.mfn = (uintptr_t)vinfo >> PAGE_SHIFT,
		.offset = (uintptr_t)vinfo & (PAGE_SIZE - 1),
	};
	struct xen_hvm_param cb = {
		.domid = DOMID_SELF,
		.index = HVM_PARAM_CALLBACK_IRQ,
		.value = ((uint64_t)HVM_PARAM_CALLBACK_TYPE_VECTOR << 56) |
			 vector,
	};
	struct xen_feature_info fi = {.submap_idx = 0};
	long r;

	r = guest_hypercall3(__HYPERVISOR_xen_version, XENVER_get_features,
			     (uintptr_t)&fi, 0);
	GCHECK(r == 0, r);
	r = guest_hypercall3(__HYPERVISOR_memory_op, XENMEM_add_to_physmap,
			     (uintptr_t)&xatp, 0);
	GCHECK(r == 0, r);
	r = guest_hypercall3(__HYPERVISOR_vcpu_op, VCPUOP_register_vcpu_info, 0,
			     (uintptr_t)&info);
	GCHECK(r == 0, r);
	r = guest_hypercall3(__HYPERVISOR_hvm_op, HVMOP_set_param,
			     (uintptr_t)&cb, 0);
	GCHECK(r == 0, r);
	return fi.submap;
}
