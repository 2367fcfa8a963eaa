/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for the dispatcher: known and unknown hypercall numbers, the
 * once-per-domain log of unknown ones, the CPL check, 32-bit truncation,
 * the errno conversion, guest ranges that wrap the address space, and a
 * domain without services.
 */
#include "hypervisor/hcall.h"

#include <errno.h>
#include <string.h>

#include <xen/errno.h>
#include <xen/version.h>

#include "hcall_fake.h"
#include "hvm_test.h"

#define XEN_417 ((4 << 16) | 17)

static void test_known_and_unknown_numbers(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	hcall_fake_init(&f, &d, &v);
	CHECK_EQ(XEN_417, hcall_fake_call(&v, __HYPERVISOR_xen_version,
					  XENVER_version, 0, 0));
	/* An empty slot inside the table, one past it, and a huge one. */
	CHECK_EQ(-XEN_ENOSYS,
		 hcall_fake_call(&v, __HYPERVISOR_mmu_update, 0, 0, 0));
	CHECK_EQ(-XEN_ENOSYS,
		 hcall_fake_call(&v, __HYPERVISOR_hvm_op + 1, 0, 0, 0));
	CHECK_EQ(-XEN_ENOSYS, hcall_fake_call(&v, UINT64_MAX, 0, 0, 0));
	CHECK_EQ(-XEN_ENOSYS, hcall_fake_call(&v, 1ULL << 63, 0, 0, 0));
	CHECK_EQ(0, f.nr_copies);
}

static void test_unknown_logged_once_per_domain(void)
{
	struct hcall_fake_capture cap;
	struct hcall_fake f, f2;
	struct hcall_domain d, d2;
	struct hcall_vcpu v, v2;
	unsigned int i;

	hcall_fake_init(&f, &d, &v);
	hcall_fake_init(&f2, &d2, &v2);
	hcall_fake_capture_begin(&cap);
	for (i = 0; i < 5; i++) {
		hcall_fake_call(&v, __HYPERVISOR_xenpmu_op, 0, 0, 0);
		hcall_fake_call(&v, __HYPERVISOR_mmu_update, 0, 0, 0);
		/* Numbers from 64 up share one slot. */
		hcall_fake_call(&v, 64 + i * 1000, 0, 0, 0);
	}
	/* Another domain logs again. */
	hcall_fake_call(&v2, __HYPERVISOR_xenpmu_op, 0, 0, 0);
	CHECK_EQ(4, hcall_fake_capture_end(&cap, "unimplemented hypercall"));

	hcall_fake_capture_begin(&cap);
	for (i = 0; i < 3; i++) {
		CHECK_EQ(-XEN_ENOSYS,
			 hcall_fake_call(&v, __HYPERVISOR_xen_version,
					 XENVER_build_id + 1, 0, 0));
		/* Sub-ops from 63 up share one slot. */
		hcall_fake_call(&v, __HYPERVISOR_xen_version, 63 + i, 0, 0);
		hcall_fake_call(&v, __HYPERVISOR_xen_version, 1ULL << 31, 0, 0);
	}
	CHECK_EQ(2, hcall_fake_capture_end(&cap, "unimplemented sub-op"));
}

static void test_user_mode_is_refused(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	hcall_fake_init(&f, &d, &v);
	v.cpl = 3;
	CHECK_EQ(-XEN_EPERM, hcall_fake_call(&v, __HYPERVISOR_xen_version,
					     XENVER_extraversion, 0x100, 0));
	CHECK_EQ(-XEN_EPERM, hcall_fake_call(&v, 99, 0, 0, 0));
	CHECK_EQ(0, f.nr_copies);
	CHECK_EQ(0, f.mem[0x100]);
}

static void test_32bit_truncation(void)
{
	uint64_t hi = 0xdeadbeef00000000ULL;
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	hcall_fake_init(&f, &d, &v);
	/* Long mode sees the whole registers. */
	CHECK_EQ(-XEN_ENOSYS, hcall_fake_call(&v, hi | __HYPERVISOR_xen_version,
					      XENVER_version, 0, 0));
	CHECK_EQ(-XEN_EFAULT,
		 hcall_fake_call(&v, __HYPERVISOR_xen_version,
				 XENVER_extraversion, hi | 0x100, 0));
	/* A 32-bit caller's EAX/EBX/ECX: the upper halves do not exist. */
	v.longmode = false;
	CHECK_EQ(XEN_417, hcall_fake_call(&v, hi | __HYPERVISOR_xen_version,
					  hi | XENVER_version, 0, 0));
	CHECK_EQ(0, hcall_fake_call(&v, __HYPERVISOR_xen_version,
				    XENVER_extraversion, hi | 0x100, 0));
	CHECK_EQ(0, memcmp(f.mem + 0x100, "-hvm", 5));
}

static void test_errno_conversion(void)
{
	CHECK_EQ(-XEN_EINVAL, hcall_xen_errno(-EINVAL));
	CHECK_EQ(-XEN_EFAULT, hcall_xen_errno(-EFAULT));
	CHECK_EQ(-XEN_ENOSYS, hcall_xen_errno(-ENOSYS));
	CHECK_EQ(-XEN_EPERM, hcall_xen_errno(-EPERM));
	CHECK_EQ(-XEN_EOPNOTSUPP, hcall_xen_errno(-EOPNOTSUPP));
	CHECK_EQ(-XEN_ENOENT, hcall_xen_errno(-ENOENT));
	/* Host-only codes never reach the guest as such. */
	CHECK_EQ(-XEN_EIO, hcall_xen_errno(-EINTR));
	CHECK_EQ(-XEN_EIO, hcall_xen_errno(-4095));
	CHECK_EQ(-XEN_EIO, hcall_xen_errno(-0x7fffffffL));
	CHECK_EQ(0, hcall_xen_errno(0));
	CHECK_EQ(4096, hcall_xen_errno(4096));
}

static void test_ranges_that_wrap(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	hcall_fake_init(&f, &d, &v);
	/* 16 bytes at 2^64 - 8 would wrap: refused before any copy. */
	CHECK_EQ(-XEN_EFAULT,
		 hcall_fake_call(&v, __HYPERVISOR_xen_version,
				 XENVER_extraversion, UINT64_MAX - 7, 0));
	CHECK_EQ(0, f.nr_copies);
	/* Ending exactly at 2^64 is a valid range; the fake has no RAM. */
	CHECK_EQ(-XEN_EFAULT,
		 hcall_fake_call(&v, __HYPERVISOR_xen_version,
				 XENVER_extraversion, UINT64_MAX - 15, 0));
	CHECK_EQ(1, f.nr_copies);
	/* The same below 4 GiB for a 32-bit caller. */
	v.longmode = false;
	CHECK_EQ(-XEN_EFAULT,
		 hcall_fake_call(&v, __HYPERVISOR_xen_version,
				 XENVER_extraversion, 0xfffffff8, 0));
	CHECK_EQ(1, f.nr_copies);
	/* Just past the fake's memory. */
	CHECK_EQ(-XEN_EFAULT,
		 hcall_fake_call(&v, __HYPERVISOR_xen_version,
				 XENVER_extraversion, FAKE_MEM_SIZE - 8, 0));
}

static void test_domain_without_services(void)
{
	struct hcall_domain d;
	struct hcall_vcpu v = {.d = &d, .longmode = true};

	hcall_domain_init(&d, 1, 1, NULL, NULL);
	CHECK_EQ(XEN_417, hcall_fake_call(&v, __HYPERVISOR_xen_version,
					  XENVER_version, 0, 0));
	CHECK_EQ(-XEN_EFAULT, hcall_fake_call(&v, __HYPERVISOR_xen_version,
					      XENVER_extraversion, 0x100, 0));
	CHECK_EQ(-XEN_EFAULT,
		 hcall_fake_call(&v, __HYPERVISOR_hvm_op, 1, 0x100, 0));
}

static void test_domain_setters(void)
{
	struct hcall_e820_entry map[HCALL_E820_MAX + 1];
	struct hcall_domain d;
	uint64_t val = 0;

	memset(map, 0, sizeof(map));
	hcall_domain_init(&d, 1, 1, NULL, NULL);
	CHECK_EQ(-EINVAL, hcall_domain_set_e820(&d, map, 0));
	CHECK_EQ(-EINVAL, hcall_domain_set_e820(&d, map, HCALL_E820_MAX + 1));
	CHECK_EQ(0, hcall_domain_set_e820(&d, map, HCALL_E820_MAX));
	CHECK_EQ(HCALL_E820_MAX, d.nr_e820);
	CHECK_EQ(-EINVAL, hcall_domain_set_param(&d, HVM_NR_PARAMS, 1));
	CHECK_EQ(-EINVAL, hcall_domain_get_param(&d, UINT32_MAX, &val));
	CHECK_EQ(0, hcall_domain_set_param(&d, HVM_PARAM_STORE_PFN, 0xfeffc));
	CHECK_EQ(0, hcall_domain_get_param(&d, HVM_PARAM_STORE_PFN, &val));
	CHECK_EQ(0xfeffc, val);
}

int main(void)
{
	HVM_TEST(test_known_and_unknown_numbers);
	HVM_TEST(test_unknown_logged_once_per_domain);
	HVM_TEST(test_user_mode_is_refused);
	HVM_TEST(test_32bit_truncation);
	HVM_TEST(test_errno_conversion);
	HVM_TEST(test_ranges_that_wrap);
	HVM_TEST(test_domain_without_services);
	HVM_TEST(test_domain_setters);
	return hvm_test_summary();
}
