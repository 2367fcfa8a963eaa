/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for memory_op: XENMEM_memory_map in both layouts with small,
 * zero and huge nr_entries, hostile buffers, a domain without a map;
 * XENMEM_add_to_physmap for shared_info in both layouts, foreign domids,
 * other spaces and indexes; unknown sub-ops and continuation bits.
 */
#include "hcall_fake.h"

#include <string.h>

#include <xen/errno.h>
#include <xen/memory.h>

#include "hvm_test.h"

#define ARG 0x100
#define BUF 0x1000

static const struct hcall_e820_entry map[3] = {
	{0, 0x9f000, 1},
	{0xf0000, 0x10000, 2},
	{0x100000, 0x7f00000, 1},
};

static long mem(struct hcall_vcpu *v, uint64_t cmd, uint64_t arg)
{
	return hcall_fake_call(v, __HYPERVISOR_memory_op, cmd, arg, 0);
}

static void setup(struct hcall_fake *f, struct hcall_domain *d,
		  struct hcall_vcpu *v)
{
	hcall_fake_init(f, d, v);
	CHECK_EQ(0, hcall_domain_set_e820(d, map, 3));
}

/* Writes a native xen_memory_map at ARG. */
static void put_map64(struct hcall_fake *f, uint32_t nr, uint64_t buffer)
{
	memset(f->mem + ARG, 0xcc, 16); /* padding is left as garbage */
	memcpy(f->mem + ARG, &nr, 4);
	memcpy(f->mem + ARG + 8, &buffer, 8);
}

static uint32_t nr_at_arg(const struct hcall_fake *f)
{
	uint32_t nr;

	memcpy(&nr, f->mem + ARG, 4);
	return nr;
}

static void test_memory_map_64(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	setup(&f, &d, &v);
	memset(f.mem + BUF, 0xee, 128);
	put_map64(&f, 128, BUF);
	CHECK_EQ(0, mem(&v, XENMEM_memory_map, ARG));
	CHECK_EQ(3, nr_at_arg(&f));
	CHECK_EQ(0, memcmp(f.mem + BUF, map, sizeof(map)));
	CHECK_EQ(0xee, f.mem[BUF + sizeof(map)]);
	/* A smaller buffer gets a prefix. */
	memset(f.mem + BUF, 0xee, 128);
	put_map64(&f, 2, BUF);
	CHECK_EQ(0, mem(&v, XENMEM_memory_map, ARG));
	CHECK_EQ(2, nr_at_arg(&f));
	CHECK_EQ(0xee, f.mem[BUF + 2 * sizeof(map[0])]);
	put_map64(&f, 0, BUF);
	CHECK_EQ(0, mem(&v, XENMEM_memory_map, ARG));
	CHECK_EQ(0, nr_at_arg(&f));
	/* A huge count is capped by the map, not looped over. */
	put_map64(&f, UINT32_MAX, BUF);
	CHECK_EQ(0, mem(&v, XENMEM_memory_map, ARG));
	CHECK_EQ(3, nr_at_arg(&f));
}

static void test_memory_map_32(void)
{
	uint32_t compat[2] = {128, BUF};
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	setup(&f, &d, &v);
	v.longmode = false;
	memcpy(f.mem + ARG, compat, sizeof(compat));
	memset(f.mem + ARG + 8, 0xcc, 8); /* not part of the compat struct */
	CHECK_EQ(0, mem(&v, XENMEM_memory_map, 0xabcd000000000000ULL | ARG));
	CHECK_EQ(3, nr_at_arg(&f));
	CHECK_EQ(0, memcmp(f.mem + BUF, map, sizeof(map)));
	CHECK_EQ(0xcc, f.mem[ARG + 8]);
}

static void test_memory_map_hostile(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	setup(&f, &d, &v);
	put_map64(&f, 3, FAKE_MEM_SIZE - 20);
	CHECK_EQ(-XEN_EFAULT, mem(&v, XENMEM_memory_map, ARG));
	CHECK_EQ(3, nr_at_arg(&f)); /* count not written on failure */
	put_map64(&f, 3, UINT64_MAX - 20);
	CHECK_EQ(-XEN_EFAULT, mem(&v, XENMEM_memory_map, ARG));
	CHECK_EQ(-XEN_EFAULT, mem(&v, XENMEM_memory_map, UINT64_MAX - 3));
	CHECK_EQ(-XEN_EFAULT, mem(&v, XENMEM_memory_map, FAKE_MEM_SIZE));
	/* No map from the builder: Xen's -ENOSYS. */
	hcall_fake_init(&f, &d, &v);
	put_map64(&f, 3, BUF);
	CHECK_EQ(-XEN_ENOSYS, mem(&v, XENMEM_memory_map, ARG));
}

static void test_add_to_physmap(void)
{
	struct xen_add_to_physmap x = {
		.domid = DOMID_SELF,
		.size = 0xbeef, /* uninitialised in Linux: ignored */
		.space = XENMAPSPACE_shared_info,
		.idx = 0,
		.gpfn = 0xfeff1,
	};
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	setup(&f, &d, &v);
	memcpy(f.mem + ARG, &x, sizeof(x));
	CHECK_EQ(0, mem(&v, XENMEM_add_to_physmap, ARG));
	CHECK_EQ(1, f.nr_shared_info);
	CHECK_EQ(0xfeff1, f.shared_info_gfn);
	x.domid = 7; /* the fake's own id */
	x.gpfn = 1ULL << 40;
	memcpy(f.mem + ARG, &x, sizeof(x));
	CHECK_EQ(0, mem(&v, XENMEM_add_to_physmap, ARG));
	CHECK_EQ(1ULL << 40, f.shared_info_gfn);
	x.domid = 0;
	memcpy(f.mem + ARG, &x, sizeof(x));
	CHECK_EQ(-XEN_EPERM, mem(&v, XENMEM_add_to_physmap, ARG));
	x.domid = DOMID_SELF;
	x.idx = 1;
	memcpy(f.mem + ARG, &x, sizeof(x));
	CHECK_EQ(-XEN_EINVAL, mem(&v, XENMEM_add_to_physmap, ARG));
	x.idx = 0;
	x.space = XENMAPSPACE_gmfn;
	memcpy(f.mem + ARG, &x, sizeof(x));
	CHECK_EQ(-XEN_ENOSYS, mem(&v, XENMEM_add_to_physmap, ARG));
	x.space = 0xffffffff;
	memcpy(f.mem + ARG, &x, sizeof(x));
	CHECK_EQ(-XEN_ENOSYS, mem(&v, XENMEM_add_to_physmap, ARG));
	CHECK_EQ(2, f.nr_shared_info);
	CHECK_EQ(-XEN_EFAULT,
		 mem(&v, XENMEM_add_to_physmap, FAKE_MEM_SIZE - 8));
}

static void test_add_to_physmap_32(void)
{
	/* domid, size, space, idx, gpfn: 16 bytes under the i386 ABI. */
	uint8_t c[16] = {0xf0, 0x7f, 0xef, 0xbe, 0,    0,    0,	   0,
			 0,    0,    0,	   0,	 0xf1, 0xef, 0x0f, 0};
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	setup(&f, &d, &v);
	v.longmode = false;
	memcpy(f.mem + ARG, c, sizeof(c));
	memset(f.mem + ARG + 16, 0xff, 8);
	CHECK_EQ(0, mem(&v, XENMEM_add_to_physmap, ARG));
	CHECK_EQ(0xfeff1, f.shared_info_gfn);
}

static void test_unknown_sub_ops(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	setup(&f, &d, &v);
	put_map64(&f, 3, BUF);
	CHECK_EQ(-XEN_ENOSYS, mem(&v, XENMEM_populate_physmap, ARG));
	CHECK_EQ(-XEN_ENOSYS, mem(&v, 63, ARG));
	CHECK_EQ(-XEN_ENOSYS, mem(&v, UINT64_MAX, ARG));
	/* Continuation bits above the low 6 of cmd. */
	CHECK_EQ(-XEN_ENOSYS, mem(&v, XENMEM_memory_map | (1 << 6), ARG));
	CHECK_EQ(0, f.nr_copies);
}

int main(void)
{
	HVM_TEST(test_memory_map_64);
	HVM_TEST(test_memory_map_32);
	HVM_TEST(test_memory_map_hostile);
	HVM_TEST(test_add_to_physmap);
	HVM_TEST(test_add_to_physmap_32);
	HVM_TEST(test_unknown_sub_ops);
	return hvm_test_summary();
}
