/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for xen_version: every sub-op's value and the exact number of
 * guest bytes it writes, 32- and 64-bit layouts of platform_parameters,
 * the feature submap and its index check, refused and unknown sub-ops.
 */
#include "hcall_fake.h"

#include <string.h>

#include <xen/errno.h>
#include <xen/version.h>

#include "hvm_test.h"

#define BUF 0x1000

static long ver(struct hcall_vcpu *v, uint64_t cmd, uint64_t arg)
{
	return hcall_fake_call(v, __HYPERVISOR_xen_version, cmd, arg, 0);
}

/* True if @len bytes at BUF + @off all equal @byte. */
static bool all(const struct hcall_fake *f, size_t off, size_t len,
		uint8_t byte)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (f->mem[BUF + off + i] != byte)
			return false;
	}
	return true;
}

static void test_strings(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	hcall_fake_init(&f, &d, &v);
	CHECK_EQ((4 << 16) | 17, ver(&v, XENVER_version, 0));
	memset(f.mem + BUF, 0xff, 2048);
	CHECK_EQ(0, ver(&v, XENVER_extraversion, BUF));
	CHECK_EQ(0, strcmp((char *)f.mem + BUF, "-hvm"));
	CHECK(all(&f, 5, 11, 0));     /* NUL-padded to 16 bytes */
	CHECK(all(&f, 16, 16, 0xff)); /* and not one byte more */
	memset(f.mem + BUF, 0xff, 2048);
	CHECK_EQ(0, ver(&v, XENVER_capabilities, BUF));
	CHECK_STR_CONTAINS((char *)f.mem + BUF, "hvm-3.0-x86_64");
	CHECK(all(&f, 1000, 24, 0));
	CHECK(all(&f, 1024, 16, 0xff));
	memset(f.mem + BUF, 0xff, 2048);
	CHECK_EQ(0, ver(&v, XENVER_changeset, BUF));
	CHECK(all(&f, 60, 4, 0));
	CHECK(all(&f, 64, 4, 0xff));
	memset(f.mem + BUF, 0xff, 2048);
	CHECK_EQ(0, ver(&v, XENVER_compile_info, BUF));
	CHECK(all(&f, sizeof(struct xen_compile_info) - 4, 4, 0));
	CHECK(all(&f, sizeof(struct xen_compile_info), 4, 0xff));
}

static void test_platform_parameters_layouts(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	hcall_fake_init(&f, &d, &v);
	memset(f.mem + BUF, 0xff, 16);
	CHECK_EQ(0, ver(&v, XENVER_platform_parameters, BUF));
	CHECK(all(&f, 0, 8, 0));
	CHECK(all(&f, 8, 8, 0xff));
	v.longmode = false; /* xen_ulong_t is 4 bytes for i386 */
	memset(f.mem + BUF, 0xff, 16);
	CHECK_EQ(0, ver(&v, XENVER_platform_parameters, BUF));
	CHECK(all(&f, 0, 4, 0));
	CHECK(all(&f, 4, 12, 0xff));
}

static void test_features(void)
{
	struct xen_feature_info fi = {.submap_idx = 0, .submap = 0xdead};
	struct hcall_ops no_vector = hcall_fake_ops;
	uint32_t want = (1U << XENFEAT_writable_page_tables) |
			(1U << XENFEAT_auto_translated_physmap);
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	hcall_fake_init(&f, &d, &v);
	memcpy(f.mem + BUF, &fi, sizeof(fi));
	CHECK_EQ(0, ver(&v, XENVER_get_features, BUF));
	memcpy(&fi, f.mem + BUF, sizeof(fi));
	/* Event channels and upcalls: the callback vector; Xen timers. */
	CHECK_EQ(want | (1U << XENFEAT_hvm_callback_vector) |
			 (1U << XENFEAT_hvm_safe_pvclock),
		 fi.submap);
	fi.submap_idx = 1;
	memcpy(f.mem + BUF, &fi, sizeof(fi));
	CHECK_EQ(-XEN_EINVAL, ver(&v, XENVER_get_features, BUF));
	fi.submap_idx = UINT32_MAX;
	memcpy(f.mem + BUF, &fi, sizeof(fi));
	CHECK_EQ(-XEN_EINVAL, ver(&v, XENVER_get_features, BUF));
	CHECK_EQ(-XEN_EFAULT, ver(&v, XENVER_get_features, FAKE_MEM_SIZE - 4));
	/* Neither without the callback vector service. */
	no_vector.set_callback_vector = NULL;
	hcall_domain_init(&d, 7, 1, &no_vector, &f);
	fi.submap_idx = 0;
	memcpy(f.mem + BUF, &fi, sizeof(fi));
	CHECK_EQ(0, ver(&v, XENVER_get_features, BUF));
	memcpy(&fi, f.mem + BUF, sizeof(fi));
	CHECK_EQ(want, fi.submap);
}

static void test_pagesize_handle_and_refusals(void)
{
	static const uint8_t uuid[16] = {1, 2,	3,  4,	5,  6,	7,  8,
					 9, 10, 11, 12, 13, 14, 15, 16};
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	hcall_fake_init(&f, &d, &v);
	CHECK_EQ(4096, ver(&v, XENVER_pagesize, 0));
	memcpy(d.handle, uuid, sizeof(uuid));
	CHECK_EQ(0, ver(&v, XENVER_guest_handle, BUF));
	CHECK_EQ(0, memcmp(f.mem + BUF, uuid, sizeof(uuid)));
	CHECK_EQ(-XEN_EPERM, ver(&v, XENVER_commandline, BUF));
	CHECK_EQ(-XEN_EPERM, ver(&v, XENVER_build_id, BUF));
	CHECK_EQ(-XEN_ENOSYS, ver(&v, XENVER_build_id + 1, BUF));
	CHECK_EQ(-XEN_ENOSYS, ver(&v, 0xffffffff, BUF));
	/* cmd is an int: a 64-bit caller's upper half is ignored. */
	CHECK_EQ((4 << 16) | 17, ver(&v, 0x100000000ULL | XENVER_version, 0));
}

int main(void)
{
	HVM_TEST(test_strings);
	HVM_TEST(test_platform_parameters_layouts);
	HVM_TEST(test_features);
	HVM_TEST(test_pagesize_handle_and_refusals);
	return hvm_test_summary();
}
