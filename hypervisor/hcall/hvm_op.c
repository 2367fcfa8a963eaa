/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The hvm_op hypercall (xen/hvm/hvm_op.h): HVMOP_get_param and
 * HVMOP_set_param on the calling domain's HVM parameters (xen/hvm/params.h).
 * The guest may read and write only the parameters firmware.md 2.4 and a
 * Linux HVM guest use, following Xen 4.17's guest access lists; the
 * toolstack sets the others (hcall_domain_set_param).
 * HVMOP_set_evtchn_upcall_vector gives one vCPU its own upcall vector, on
 * its local APIC; Linux 6.x prefers it to the domain-wide callback vector
 * when CPUID leaf 4 offers it, as under Xen 4.17. Other sub-ops
 * (pagetable_dying, get_time, ...) return -ENOSYS; Linux probes
 * pagetable_dying and copes.
 *
 * struct xen_hvm_param has the same layout for 32- and 64-bit callers: the
 * u64 value sits at offset 8 under both ABIs.
 */
#include "hcall_priv.h"

#include <errno.h>
#include <stddef.h>

#include <xen/hvm/hvm_op.h>
#include <xen/hvm/params.h>

_Static_assert(sizeof(struct xen_hvm_param) == 16, "xen_hvm_param layout");
_Static_assert(offsetof(struct xen_hvm_param, value) == 8, "value offset");

/* The first vector that is not an exception (SDM 3A 6.2). */
#define HVM_OP_MIN_VECTOR 0x10
/* HVM_PARAM_CALLBACK_IRQ: type in bits 63:56, vector in 7:0 (params.h). */
#define HVM_OP_CALLBACK_TYPE_SHIFT 56
#define HVM_OP_CALLBACK_VECTOR_MASK 0xffULL
/* Size of the 32-bit TSS Xen's VM86_TSS_SIZED area must hold (SDM 3A 7.2.1). */
#define HVM_OP_TSS32_SIZE 104

typedef int (*param_check_fn)(struct hcall_vcpu *v, uint64_t value);

struct param_desc {
	bool guest_read;
	bool guest_write;
	/* Validates and applies a guest write; NULL: ops->param_set only. */
	param_check_fn set;
};

static int set_callback_irq(struct hcall_vcpu *v, uint64_t value);
static int set_ioports_location(struct hcall_vcpu *v, uint64_t value);
static int set_vm86_tss_sized(struct hcall_vcpu *v, uint64_t value);

/*
 * Guest access per parameter. Unlisted ones are refused with -EPERM, as
 * Xen refuses parameters outside its lists. Xen also lets the guest write
 * STORE_EVTCHN and CONSOLE_EVTCHN; nothing we run needs that, so here they
 * are read-only: the toolstack owns them.
 */
static const struct param_desc param_descs[HVM_NR_PARAMS] = {
	[HVM_PARAM_CALLBACK_IRQ] = {true, true, set_callback_irq},
	[HVM_PARAM_STORE_PFN] = {true, false, NULL},
	[HVM_PARAM_STORE_EVTCHN] = {true, false, NULL},
	[HVM_PARAM_CONSOLE_PFN] = {true, false, NULL},
	[HVM_PARAM_CONSOLE_EVTCHN] = {true, false, NULL},
	[HVM_PARAM_VM86_TSS] = {true, true, NULL},
	[HVM_PARAM_VM86_TSS_SIZED] = {true, true, set_vm86_tss_sized},
	[HVM_PARAM_ACPI_IOPORTS_LOCATION] = {true, true, set_ioports_location},
	[HVM_PARAM_VM_GENERATION_ID_ADDR] = {true, true, NULL},
};

/*
 * Only the vector type is backed: KVM injects upcalls on a vector. Zero
 * (type GSI, GSI 0) is the documented "no callback". GSI and PCI INTx
 * routing need the platform device's interrupt line, which we do not wire,
 * and are refused, unless the guest already has per-vCPU upcall vectors:
 * Linux then writes GSI 1 only so that toolstacks see it as enlightened,
 * and Xen too sends its events to the per-vCPU vectors. The value is kept.
 */
static int set_callback_irq(struct hcall_vcpu *v, uint64_t value)
{
	const struct hcall_ops *ops = v->d->ops;
	uint64_t type = value >> HVM_OP_CALLBACK_TYPE_SHIFT;
	uint64_t vector = value & HVM_OP_CALLBACK_VECTOR_MASK;

	if (!ops->set_callback_vector)
		return -ENOSYS;
	if (value == 0)
		return ops->set_callback_vector(v->d->opaque, 0);
	if (type != HVM_PARAM_CALLBACK_TYPE_VECTOR)
		return __atomic_load_n(&v->d->percpu_upcall, __ATOMIC_ACQUIRE)
			       ? 0
			       : -EOPNOTSUPP;
	/* Bits 55:8 are reserved for the vector type. */
	if ((value & ~HVM_PARAM_CALLBACK_IRQ_TYPE_MASK) != vector)
		return -EINVAL;
	if (vector < HVM_OP_MIN_VECTOR)
		return -EINVAL;
	return ops->set_callback_vector(v->d->opaque, (uint8_t)vector);
}

/* 0: PM blocks at 0x1F40 (old), 1: at 0xB000 (firmware.md 4.1). */
static int set_ioports_location(struct hcall_vcpu *v, uint64_t value)
{
	(void)v;
	return value > 1 ? -EINVAL : 0;
}

/* Size in bits 63:32, address in 31:0 (params.h). */
static int set_vm86_tss_sized(struct hcall_vcpu *v, uint64_t value)
{
	(void)v;
	return (value >> 32) < HVM_OP_TSS32_SIZE ? -EINVAL : 0;
}

/* Copies the argument in and checks domid and index; 0 or -errno. */
static int read_param(struct hcall_vcpu *v, uint64_t arg,
		      struct xen_hvm_param *p)
{
	int rc;

	rc = hcall_copy_from_guest(v, p, arg, sizeof(*p));
	if (rc)
		return rc;
	/*
	 * pad is not checked: Linux's hvm_get_parameter() leaves it
	 * uninitialised on the stack, and Xen ignores it.
	 */
	if (!hcall_domid_is_self(v, p->domid))
		return -EPERM;
	if (p->index >= HVM_NR_PARAMS)
		return -EINVAL;
	p->index = hcall_index_nospec(p->index, HVM_NR_PARAMS);
	return 0;
}

static long hvm_get_param(struct hcall_vcpu *v, const uint64_t *args)
{
	struct xen_hvm_param p;
	uint64_t value;
	int rc;

	rc = read_param(v, args[1], &p);
	if (rc)
		return rc;
	if (!param_descs[p.index].guest_read)
		return -EPERM;
	value = __atomic_load_n(&v->d->params[p.index], __ATOMIC_RELAXED);
	return hcall_copy_to_guest(
		v, args[1] + offsetof(struct xen_hvm_param, value), &value,
		sizeof(value));
}

static long hvm_set_param(struct hcall_vcpu *v, const uint64_t *args)
{
	const struct hcall_ops *ops = v->d->ops;
	const struct param_desc *desc;
	struct xen_hvm_param p;
	int rc;

	rc = read_param(v, args[1], &p);
	if (rc)
		return rc;
	desc = &param_descs[p.index];
	if (!desc->guest_write)
		return -EPERM;
	/*
	 * Xen latches the shared_info layout here, from the caller's mode,
	 * whatever the value (hvm_latch_shinfo_size()): this is among the
	 * first things a PV-aware kernel does, and again after a kexec. A
	 * 64-bit Linux 6.12 never writes the hypercall MSR, where KVM would
	 * latch it, so without this its events land in hvmloader's 32-bit
	 * layout.
	 */
	if (p.index == HVM_PARAM_CALLBACK_IRQ && ops->latch_shinfo_mode) {
		rc = ops->latch_shinfo_mode(v->d->opaque, v->longmode);
		if (rc)
			return rc;
	}
	if (desc->set)
		rc = desc->set(v, p.value);
	if (!rc && p.index != HVM_PARAM_CALLBACK_IRQ && ops->param_set)
		rc = ops->param_set(v->d->opaque, p.index, p.value);
	if (rc)
		return rc;
	__atomic_store_n(&v->d->params[p.index], p.value, __ATOMIC_RELAXED);
	return 0;
}

/* struct xen_hvm_evtchn_upcall_vector: u32 vcpu, u8 vector, both ABIs. */
static long hvm_set_evtchn_upcall_vector(struct hcall_vcpu *v,
					 const uint64_t *args)
{
	const struct hcall_ops *ops = v->d->ops;
	struct xen_hvm_evtchn_upcall_vector u;
	int rc;

	_Static_assert(sizeof(u) == 8, "xen_hvm_evtchn_upcall_vector layout");
	if (!v->d->evtchn_enabled || !ops->set_vcpu_upcall_vector)
		return -ENOSYS;
	rc = hcall_copy_from_guest(v, &u, args[1], sizeof(u));
	if (rc)
		return rc;
	if (u.vector < HVM_OP_MIN_VECTOR)
		return -EINVAL;
	if (u.vcpu >= v->d->max_vcpus)
		return -ENOENT;
	rc = ops->set_vcpu_upcall_vector(v->d->opaque, u.vcpu, u.vector);
	if (rc)
		return rc;
	__atomic_store_n(&v->d->percpu_upcall, true, __ATOMIC_RELEASE);
	return 0;
}

static const hcall_fn hvm_op_ops[] = {
	[HVMOP_set_param] = hvm_set_param,
	[HVMOP_get_param] = hvm_get_param,
	[HVMOP_set_evtchn_upcall_vector] = hvm_set_evtchn_upcall_vector,
};

/* hvm_op(op, arg); op is an unsigned long in Xen. */
long hvm_op_hcall(struct hcall_vcpu *v, const uint64_t *args)
{
	return hcall_subop(v, __HYPERVISOR_hvm_op, hvm_op_ops,
			   ARRAY_SIZE(hvm_op_ops), args[0], args);
}
