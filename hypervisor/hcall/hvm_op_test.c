/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for hvm_op get/set_param: readable and read-only parameters,
 * bad domids and indexes, garbage in pad, the callback vector forms, the
 * per-parameter checks, a failing domain hook, and unknown sub-ops.
 */
#include "hcall_fake.h"

#include <errno.h>
#include <string.h>

#include <xen/errno.h>
#include <xen/hvm/hvm_op.h>
#include <xen/hvm/params.h>

#include "hvm_test.h"

#define ARG 0x200

static long param(struct hcall_vcpu *v, unsigned int op, uint16_t domid,
		  uint32_t index, uint64_t value)
{
	struct hcall_fake *f = v->d->opaque;
	struct xen_hvm_param p = {
		.domid = domid,
		.pad = 0xa5a5, /* Linux leaves it uninitialised */
		.index = index,
		.value = value,
	};

	memcpy(f->mem + ARG, &p, sizeof(p));
	return hcall_fake_call(v, __HYPERVISOR_hvm_op, op, ARG, 0);
}

static uint64_t value_at_arg(const struct hcall_fake *f)
{
	uint64_t val;

	memcpy(&val, f->mem + ARG + 8, 8);
	return val;
}

static uint64_t stored(const struct hcall_domain *d, unsigned int index)
{
	uint64_t val = 0;

	CHECK_EQ(0, hcall_domain_get_param(d, index, &val));
	return val;
}

static void test_get_param(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	hcall_fake_init(&f, &d, &v);
	CHECK_EQ(0, hcall_domain_set_param(&d, HVM_PARAM_STORE_PFN, 0xfeffc));
	CHECK_EQ(0, hcall_domain_set_param(&d, HVM_PARAM_IDENT_PT, 0x1234));
	CHECK_EQ(0, param(&v, HVMOP_get_param, DOMID_SELF, HVM_PARAM_STORE_PFN,
			  0));
	CHECK_EQ(0xfeffc, value_at_arg(&f));
	CHECK_EQ(0xa5, f.mem[ARG + 2]); /* pad untouched */
	CHECK_EQ(0, param(&v, HVMOP_get_param, 7, HVM_PARAM_STORE_PFN, 0));
	/* Not on the guest's list. */
	CHECK_EQ(-XEN_EPERM,
		 param(&v, HVMOP_get_param, DOMID_SELF, HVM_PARAM_IDENT_PT, 0));
	CHECK_EQ(0, value_at_arg(&f));
	CHECK_EQ(-XEN_EPERM,
		 param(&v, HVMOP_get_param, 0, HVM_PARAM_STORE_PFN, 0));
	CHECK_EQ(-XEN_EPERM, param(&v, HVMOP_get_param, DOMID_SELF - 1,
				   HVM_PARAM_STORE_PFN, 0));
	CHECK_EQ(-XEN_EINVAL,
		 param(&v, HVMOP_get_param, DOMID_SELF, HVM_NR_PARAMS, 0));
	CHECK_EQ(-XEN_EINVAL,
		 param(&v, HVMOP_get_param, DOMID_SELF, UINT32_MAX, 0));
	CHECK_EQ(-XEN_EFAULT,
		 hcall_fake_call(&v, __HYPERVISOR_hvm_op, HVMOP_get_param,
				 FAKE_MEM_SIZE - 8, 0));
	CHECK_EQ(-XEN_EFAULT,
		 hcall_fake_call(&v, __HYPERVISOR_hvm_op, HVMOP_get_param,
				 UINT64_MAX - 8, 0));
}

static void test_set_read_only(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	hcall_fake_init(&f, &d, &v);
	CHECK_EQ(0, hcall_domain_set_param(&d, HVM_PARAM_STORE_PFN, 0xfeffc));
	CHECK_EQ(-XEN_EPERM, param(&v, HVMOP_set_param, DOMID_SELF,
				   HVM_PARAM_STORE_PFN, 0x1000));
	CHECK_EQ(-XEN_EPERM, param(&v, HVMOP_set_param, DOMID_SELF,
				   HVM_PARAM_STORE_EVTCHN, 3));
	CHECK_EQ(-XEN_EPERM, param(&v, HVMOP_set_param, DOMID_SELF,
				   HVM_PARAM_IOREQ_PFN, 3));
	CHECK_EQ(-XEN_EPERM,
		 param(&v, HVMOP_set_param, 1, HVM_PARAM_CALLBACK_IRQ, 0));
	CHECK_EQ(-XEN_EINVAL,
		 param(&v, HVMOP_set_param, DOMID_SELF, HVM_NR_PARAMS, 0));
	CHECK_EQ(0xfeffc, stored(&d, HVM_PARAM_STORE_PFN));
	CHECK_EQ(0, f.nr_param_set);
}

static void test_callback_irq(void)
{
	uint64_t vec = (uint64_t)HVM_PARAM_CALLBACK_TYPE_VECTOR << 56;
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	hcall_fake_init(&f, &d, &v);
	CHECK_EQ(0, param(&v, HVMOP_set_param, DOMID_SELF,
			  HVM_PARAM_CALLBACK_IRQ, vec | 0xf3));
	CHECK_EQ(1, f.nr_vector);
	CHECK_EQ(0xf3, f.vector);
	CHECK_EQ(vec | 0xf3, stored(&d, HVM_PARAM_CALLBACK_IRQ));
	CHECK_EQ(0, f.nr_param_set); /* goes through set_callback_vector */
	CHECK_EQ(-XEN_EINVAL, param(&v, HVMOP_set_param, DOMID_SELF,
				    HVM_PARAM_CALLBACK_IRQ, vec | 0x0e));
	CHECK_EQ(-XEN_EINVAL, param(&v, HVMOP_set_param, DOMID_SELF,
				    HVM_PARAM_CALLBACK_IRQ, vec | 0x100f3));
	/* GSI 5 and PCI INTx routing are not wired. */
	CHECK_EQ(-XEN_EOPNOTSUPP, param(&v, HVMOP_set_param, DOMID_SELF,
					HVM_PARAM_CALLBACK_IRQ, 5));
	CHECK_EQ(-XEN_EOPNOTSUPP,
		 param(&v, HVMOP_set_param, DOMID_SELF, HVM_PARAM_CALLBACK_IRQ,
		       (1ULL << 56) | 0x18));
	CHECK_EQ(-XEN_EOPNOTSUPP, param(&v, HVMOP_set_param, DOMID_SELF,
					HVM_PARAM_CALLBACK_IRQ, UINT64_MAX));
	CHECK_EQ(1, f.nr_vector);
	CHECK_EQ(vec | 0xf3, stored(&d, HVM_PARAM_CALLBACK_IRQ));
	/* Zero turns the callback off. */
	CHECK_EQ(0, param(&v, HVMOP_set_param, DOMID_SELF,
			  HVM_PARAM_CALLBACK_IRQ, 0));
	CHECK_EQ(2, f.nr_vector);
	CHECK_EQ(0, f.vector);
	CHECK_EQ(0, param(&v, HVMOP_get_param, DOMID_SELF,
			  HVM_PARAM_CALLBACK_IRQ, 0));
	CHECK_EQ(0, value_at_arg(&f));
}

static long upcall_vector(struct hcall_vcpu *v, uint32_t vcpu, uint8_t vector)
{
	struct hcall_fake *f = v->d->opaque;
	struct xen_hvm_evtchn_upcall_vector u = {.vcpu = vcpu,
						 .vector = vector};

	memcpy(f->mem + ARG, &u, sizeof(u));
	return hcall_fake_call(v, __HYPERVISOR_hvm_op,
			       HVMOP_set_evtchn_upcall_vector, ARG, 0);
}

static void test_percpu_upcall_vector(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	hcall_fake_init(&f, &d, &v);
	/* GSI 1 is refused while no vCPU has its own vector. */
	CHECK_EQ(-XEN_EOPNOTSUPP, param(&v, HVMOP_set_param, DOMID_SELF,
					HVM_PARAM_CALLBACK_IRQ, 1));
	CHECK_EQ(-XEN_EINVAL, upcall_vector(&v, 0, 0x0f));
	CHECK_EQ(-XEN_ENOENT, upcall_vector(&v, 4, 0xf3));
	CHECK_EQ(-XEN_EFAULT, hcall_fake_call(&v, __HYPERVISOR_hvm_op,
					      HVMOP_set_evtchn_upcall_vector,
					      UINT64_MAX, 0));
	CHECK_EQ(0, f.vcpu_vector[0]);
	/* Linux's sequence: vCPU 0's vector, then GSI 1 for the toolstack. */
	CHECK_EQ(0, upcall_vector(&v, 0, 0xf3));
	CHECK_EQ(0xf3, f.vcpu_vector[0]);
	CHECK_EQ(0, param(&v, HVMOP_set_param, DOMID_SELF,
			  HVM_PARAM_CALLBACK_IRQ, 1));
	CHECK_EQ(1, stored(&d, HVM_PARAM_CALLBACK_IRQ));
	CHECK_EQ(0, f.nr_vector); /* no domain-wide vector */
	CHECK_EQ(0, upcall_vector(&v, 3, 0xf3));
	CHECK_EQ(0xf3, f.vcpu_vector[3]);
	/* Without event channels there are no upcalls to route. */
	hcall_domain_disable_evtchn(&d);
	CHECK_EQ(-XEN_ENOSYS, upcall_vector(&v, 1, 0xf3));
}

static void test_checked_params(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	hcall_fake_init(&f, &d, &v);
	CHECK_EQ(0, param(&v, HVMOP_set_param, DOMID_SELF,
			  HVM_PARAM_ACPI_IOPORTS_LOCATION, 1));
	CHECK_EQ(1, f.nr_param_set);
	CHECK_EQ(HVM_PARAM_ACPI_IOPORTS_LOCATION, f.param_index);
	CHECK_EQ(1, stored(&d, HVM_PARAM_ACPI_IOPORTS_LOCATION));
	CHECK_EQ(-XEN_EINVAL, param(&v, HVMOP_set_param, DOMID_SELF,
				    HVM_PARAM_ACPI_IOPORTS_LOCATION, 2));
	CHECK_EQ(0,
		 param(&v, HVMOP_set_param, DOMID_SELF,
		       HVM_PARAM_VM86_TSS_SIZED, (384ULL << 32) | 0xfc100000));
	CHECK_EQ(-XEN_EINVAL, param(&v, HVMOP_set_param, DOMID_SELF,
				    HVM_PARAM_VM86_TSS_SIZED, 0xfc100000));
	CHECK_EQ(0, param(&v, HVMOP_set_param, DOMID_SELF,
			  HVM_PARAM_VM_GENERATION_ID_ADDR, 0xfc000100));
	CHECK_EQ(3, f.nr_param_set);
	/* The domain refuses: the old value stays. */
	f.param_set_rc = -EBUSY;
	CHECK_EQ(-XEN_EBUSY, param(&v, HVMOP_set_param, DOMID_SELF,
				   HVM_PARAM_ACPI_IOPORTS_LOCATION, 0));
	CHECK_EQ(1, stored(&d, HVM_PARAM_ACPI_IOPORTS_LOCATION));
}

static void test_32bit_and_unknown(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	hcall_fake_init(&f, &d, &v);
	CHECK_EQ(0, hcall_domain_set_param(&d, HVM_PARAM_STORE_EVTCHN, 3));
	v.longmode = false;
	CHECK_EQ(0, param(&v, HVMOP_get_param, DOMID_SELF,
			  HVM_PARAM_STORE_EVTCHN, 0));
	CHECK_EQ(3, value_at_arg(&f));
	CHECK_EQ(-XEN_ENOSYS, hcall_fake_call(&v, __HYPERVISOR_hvm_op,
					      HVMOP_pagetable_dying, ARG, 0));
	CHECK_EQ(-XEN_ENOSYS,
		 hcall_fake_call(&v, __HYPERVISOR_hvm_op, UINT64_MAX, ARG, 0));
}

/*
 * The shared_info layout is latched from the caller's mode whenever the
 * guest sets HVM_PARAM_CALLBACK_IRQ (Xen's hvm_latch_shinfo_size()), even
 * with a value that is then refused, and for no other parameter.
 */
static void test_latch_shinfo_mode(void)
{
	uint64_t vec = ((uint64_t)HVM_PARAM_CALLBACK_TYPE_VECTOR << 56) | 0xf3;
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	hcall_fake_init(&f, &d, &v);
	CHECK_EQ(0, param(&v, HVMOP_set_param, DOMID_SELF,
			  HVM_PARAM_CALLBACK_IRQ, vec));
	CHECK_EQ(1, f.nr_latch);
	CHECK(f.latched_longmode);
	v.longmode = false;
	CHECK_EQ(0, param(&v, HVMOP_set_param, DOMID_SELF,
			  HVM_PARAM_CALLBACK_IRQ, vec));
	CHECK_EQ(2, f.nr_latch);
	CHECK(!f.latched_longmode);
	/* A refused value (GSI routing) still latches, as in Xen. */
	v.longmode = true;
	CHECK(param(&v, HVMOP_set_param, DOMID_SELF, HVM_PARAM_CALLBACK_IRQ,
		    1) != 0);
	CHECK_EQ(3, f.nr_latch);
	CHECK(f.latched_longmode);
	/* Other parameters, reads and refused writes do not. */
	CHECK_EQ(0, param(&v, HVMOP_set_param, DOMID_SELF,
			  HVM_PARAM_ACPI_IOPORTS_LOCATION, 1));
	CHECK_EQ(0, param(&v, HVMOP_get_param, DOMID_SELF,
			  HVM_PARAM_CALLBACK_IRQ, 0));
	CHECK_EQ(-XEN_EPERM, param(&v, HVMOP_set_param, DOMID_SELF,
				   HVM_PARAM_STORE_PFN, 1));
	CHECK_EQ(-XEN_EPERM,
		 param(&v, HVMOP_set_param, 3, HVM_PARAM_CALLBACK_IRQ, 0));
	CHECK_EQ(3, f.nr_latch);
}

int main(void)
{
	HVM_TEST(test_get_param);
	HVM_TEST(test_set_read_only);
	HVM_TEST(test_callback_irq);
	HVM_TEST(test_percpu_upcall_vector);
	HVM_TEST(test_checked_params);
	HVM_TEST(test_32bit_and_unknown);
	HVM_TEST(test_latch_shinfo_mode);
	return hvm_test_summary();
}
