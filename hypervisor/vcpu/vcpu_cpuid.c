/* SPDX-License-Identifier: GPL-2.0-only */
/* A vCPU's CPUID: the host's supported leaves plus Xen's (vcpu_cpuid.h). */
#include "vcpu_cpuid.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <linux/kvm.h>

#include "hypervisor/cpuid_xen.h"
#include "hypervisor/domain.h"
#include "hypervisor/log.h"
#include "hypervisor/vcpu.h"
#include "hypervisor/vcpu_regs.h"

#define HV_LEAF_FIRST 0x40000000u
#define HV_LEAF_LAST 0x4fffffffu
#define LEAF_FEATURES 0x1u
#define LEAF_TOPOLOGY 0xbu
#define LEAF_TOPOLOGY_V2 0x1fu
#define APIC_ID_SHIFT 24

static void set_apic_id(struct kvm_cpuid_entry2 *e, unsigned int vcpu_id)
{
	if (e->function == LEAF_FEATURES) {
		e->ebx &= ~(0xffu << APIC_ID_SHIFT);
		e->ebx |= (vcpu_id & 0xffu) << APIC_ID_SHIFT;
	} else if (e->function == LEAF_TOPOLOGY ||
		   e->function == LEAF_TOPOLOGY_V2) {
		e->edx = vcpu_id;
	}
}

int vcpu_cpuid_build(struct kvm_cpuid2 *c, unsigned int cap,
		     unsigned int vcpu_id, uint16_t domid,
		     uint32_t hvm_features)
{
	struct cpuid_xen_config xc = {
		.vcpu_id = vcpu_id,
		.domid = domid,
		.hvm_features = hvm_features,
	};
	unsigned int i, n = 0, added;

	if (c->nent > cap)
		return -EINVAL;
	for (i = 0; i < c->nent; i++) {
		struct kvm_cpuid_entry2 e = c->entries[i];

		if (e.function >= HV_LEAF_FIRST && e.function <= HV_LEAF_LAST)
			continue;
		set_apic_id(&e, vcpu_id);
		c->entries[n++] = e;
	}
	c->nent = n;
	if (cpuid_xen_fill(&xc, c->entries + n, cap - n, &added))
		return -ENOSPC;
	c->nent = n + added;
	return 0;
}

#define LEAF_EXT_FEATURES 0x80000001u
#define EDX_PAE (1u << 6)
#define EDX_LM (1u << 29)

void vcpu_cpuid_hide_pae(struct kvm_cpuid2 *c)
{
	unsigned int i;

	for (i = 0; i < c->nent; i++) {
		if (c->entries[i].function == LEAF_FEATURES)
			c->entries[i].edx &= ~EDX_PAE;
		else if (c->entries[i].function == LEAF_EXT_FEATURES)
			c->entries[i].edx &= ~(EDX_LM | EDX_PAE);
	}
}

int vcpu_cpuid_set(struct vcpu *v)
{
	struct kvm_cpuid2 *c = NULL;
	uint32_t features;
	unsigned int cap;
	int rc;

	rc = vcpu_regs_host_cpuid(v->d->kvm_fd, CPUID_XEN_NR_ENTRIES, &c);
	if (rc)
		goto out;
	cap = c->nent + CPUID_XEN_NR_ENTRIES;
	/* Per-vCPU upcall vectors come with event channels. */
	features = CPUID_XEN_HVM_SUPPORTED;
	if (!v->d->xen_evtchn)
		features &= ~XEN_HVM_CPUID_UPCALL_VECTOR;
	rc = vcpu_cpuid_build(c, cap, v->id, (uint16_t)v->d->domid, features);
	if (!rc && v->d->no_pae)
		vcpu_cpuid_hide_pae(c);
	if (!rc && ioctl(v->fd, KVM_SET_CPUID2, c) < 0)
		rc = -errno;
out:
	if (rc)
		log_err("vcpu", "cannot set the CPUID of vCPU %u: %s", v->id,
			strerror(-rc));
	free(c);
	return rc;
}
