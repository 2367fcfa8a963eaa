/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * KVM_EXIT_XEN: with KVM_XEN_HVM_CONFIG_INTERCEPT_HCALL every hypercall
 * the guest makes (through the page KVM wrote, or a direct VMCALL/VMMCALL)
 * arrives here with its number and arguments; the result we store goes
 * into the guest's RAX when the vCPU resumes (KVM api.rst, KVM_EXIT_XEN).
 */
#include "vcpu_exit_priv.h"

#include <errno.h>
#include <linux/kvm.h>

#include "hypervisor/domain.h"
#include "hypervisor/hcall.h"
#include "hypervisor/vcpu.h"

int vcpu_exit_xen(struct vcpu *v)
{
	struct kvm_xen_exit *x = &v->run->xen;
	struct hcall_vcpu hv = {
		.d = v->d->hcall,
		.id = v->id,
		.longmode = x->u.hcall.longmode != 0,
		.cpl = (uint8_t)x->u.hcall.cpl,
	};

	uint64_t args[HCALL_MAX_ARGS];
	unsigned int i;

	if (x->type != KVM_EXIT_XEN_HCALL)
		return -EPROTO;
	/* __u64 and uint64_t differ in type (long long vs long). */
	for (i = 0; i < HCALL_MAX_ARGS; i++)
		args[i] = x->u.hcall.params[i];
	x->u.hcall.result =
		(uint64_t)hcall_dispatch(&hv, x->u.hcall.input, args);
	return 0;
}
