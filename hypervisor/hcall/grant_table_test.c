/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for the guest's grant table (grant_table.c): query_size before
 * and after frames are mapped; add_to_physmap(grant_table) placing the
 * block, growing the table, moving it, bad indexes and a refused place;
 * setup_table in both layouts (frame lists, unmapped frames, too many
 * frames, bad list addresses); set/get_version; foreign domains; a domain
 * without a grant table; sub-ops a guest may not make.
 */
#include "hcall_fake.h"

#include <errno.h>
#include <string.h>

#include <xen/errno.h>
#include <xen/grant_table.h>
#include <xen/memory.h>

#include "hvm_test.h"

#define ARG 0x100
#define LIST 0x1000
#define BASE 0xf1000ULL /* a gfn in the PCI hole, like a platform BAR */

static long gnt(struct hcall_vcpu *v, uint64_t cmd, uint64_t arg,
		uint64_t count)
{
	return hcall_fake_call(v, __HYPERVISOR_grant_table_op, cmd, arg, count);
}

/* add_to_physmap(grant_table, idx, gpfn) from a 64-bit vCPU. */
static long map_frame(struct hcall_fake *f, struct hcall_vcpu *v, uint64_t idx,
		      uint64_t gpfn)
{
	struct xen_add_to_physmap x = {
		.domid = DOMID_SELF,
		.space = XENMAPSPACE_grant_table,
		.idx = idx,
		.gpfn = gpfn,
	};

	memcpy(f->mem + ARG, &x, sizeof(x));
	return hcall_fake_call(v, __HYPERVISOR_memory_op, XENMEM_add_to_physmap,
			       ARG, 0);
}

static struct gnttab_query_size query(struct hcall_fake *f,
				      struct hcall_vcpu *v, uint16_t dom)
{
	struct gnttab_query_size q = {.dom = dom, .nr_frames = 0xdead};

	memcpy(f->mem + ARG, &q, sizeof(q));
	CHECK_EQ(0, gnt(v, GNTTABOP_query_size, ARG, 1));
	memcpy(&q, f->mem + ARG, sizeof(q));
	return q;
}

static void test_query_size(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;
	struct gnttab_query_size q;

	hcall_fake_init(&f, &d, &v);
	q = query(&f, &v, DOMID_SELF);
	CHECK_EQ(GNTST_okay, q.status);
	CHECK_EQ(HCALL_GNTTAB_INITIAL_FRAMES, q.nr_frames);
	CHECK_EQ(HCALL_GNTTAB_FRAMES, q.max_nr_frames);
	q = query(&f, &v, 7); /* the fake domain's own id */
	CHECK_EQ(GNTST_okay, q.status);
	q = query(&f, &v, 0);
	CHECK_EQ(GNTST_permission_denied, q.status);
	CHECK_EQ(0xdead, q.nr_frames); /* untouched */
	q = query(&f, &v, 3);
	CHECK_EQ(GNTST_bad_domain, q.status);
	/* Exactly one struct. */
	CHECK_EQ(-XEN_EINVAL, gnt(&v, GNTTABOP_query_size, ARG, 2));
	CHECK_EQ(-XEN_EINVAL, gnt(&v, GNTTABOP_query_size, ARG, 0));
	CHECK_EQ(-XEN_EFAULT,
		 gnt(&v, GNTTABOP_query_size, FAKE_MEM_SIZE - 8, 1));
}

static void test_add_to_physmap(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	hcall_fake_init(&f, &d, &v);
	/* Linux: frame 0 first, at the start of the platform BAR. */
	CHECK_EQ(0, map_frame(&f, &v, 0, BASE));
	CHECK_EQ(1, f.nr_grant_place);
	CHECK_EQ(BASE, f.grant_base);
	CHECK_EQ(HCALL_GNTTAB_FRAMES, f.grant_frames);
	CHECK_EQ(1, query(&f, &v, DOMID_SELF).nr_frames);
	/* gnttab_expand: the highest new frame first, then down. */
	CHECK_EQ(0, map_frame(&f, &v, 3, BASE + 3));
	CHECK_EQ(4, query(&f, &v, DOMID_SELF).nr_frames);
	CHECK_EQ(0, map_frame(&f, &v, 2, BASE + 2));
	CHECK_EQ(0, map_frame(&f, &v, 1, BASE + 1));
	CHECK_EQ(1, f.nr_grant_place); /* the block did not move */
	CHECK_EQ(4, query(&f, &v, DOMID_SELF).nr_frames);
	/* The last frame there is; one past it, or the v2 status bit. */
	CHECK_EQ(0, map_frame(&f, &v, HCALL_GNTTAB_FRAMES - 1,
			      BASE + HCALL_GNTTAB_FRAMES - 1));
	CHECK_EQ(HCALL_GNTTAB_FRAMES, query(&f, &v, DOMID_SELF).nr_frames);
	CHECK_EQ(-XEN_EINVAL, map_frame(&f, &v, HCALL_GNTTAB_FRAMES,
					BASE + HCALL_GNTTAB_FRAMES));
	CHECK_EQ(-XEN_EINVAL,
		 map_frame(&f, &v, XENMAPIDX_grant_table_status, BASE));
	CHECK_EQ(-XEN_EINVAL, map_frame(&f, &v, ~0ULL, BASE));
	/* A frame below its index cannot start a block. */
	CHECK_EQ(-XEN_EINVAL, map_frame(&f, &v, 5, 4));
	CHECK_EQ(1, f.nr_grant_place);
}

/* xl's max_grant_frames: a smaller table, and a smaller block. */
static void test_max_grant_frames(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	hcall_fake_init(&f, &d, &v);
	CHECK_EQ(-EINVAL, hcall_domain_set_grant_frames(&d, 0));
	CHECK_EQ(-EINVAL,
		 hcall_domain_set_grant_frames(&d, HCALL_GNTTAB_FRAMES + 1));
	CHECK_EQ(HCALL_GNTTAB_FRAMES, query(&f, &v, DOMID_SELF).max_nr_frames);
	CHECK_EQ(0, hcall_domain_set_grant_frames(&d, 4));
	CHECK_EQ(4, query(&f, &v, DOMID_SELF).max_nr_frames);
	CHECK_EQ(0, map_frame(&f, &v, 3, BASE + 3));
	CHECK_EQ(4, f.grant_frames);
	CHECK_EQ(-XEN_EINVAL, map_frame(&f, &v, 4, BASE + 4));
	CHECK_EQ(4, query(&f, &v, DOMID_SELF).nr_frames);
	/* A domain without a grant table has no maximum to set. */
	hcall_fake_init(&f, &d, &v);
	d.gnttab.max_frames = 0;
	CHECK_EQ(-ENOSYS, hcall_domain_set_grant_frames(&d, 4));
}

static void test_move_and_refuse(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;
	struct hcall_fake_capture c;

	hcall_fake_init(&f, &d, &v);
	CHECK_EQ(0, map_frame(&f, &v, 0, BASE));
	/* kexec: the new kernel maps frame 0 elsewhere; the block moves. */
	hcall_fake_capture_begin(&c);
	CHECK_EQ(0, map_frame(&f, &v, 0, BASE + 0x100));
	CHECK_EQ(0, map_frame(&f, &v, 1, BASE + 0x300));
	CHECK_EQ(1, hcall_fake_capture_end(&c, "move as one block"));
	CHECK_EQ(3, f.nr_grant_place);
	CHECK_EQ(BASE + 0x2ff, f.grant_base);
	/* The host refuses a place (RAM there): nothing changes. */
	f.grant_place_rc = -EINVAL;
	CHECK_EQ(-XEN_EINVAL, map_frame(&f, &v, 5, 0x100));
	CHECK_EQ(2, query(&f, &v, DOMID_SELF).nr_frames); /* not grown */
	f.grant_place_rc = 0;
	CHECK_EQ(0, map_frame(&f, &v, 1, BASE + 0x300));
	CHECK_EQ(4, f.nr_grant_place); /* the refused call counted */
	CHECK_EQ(BASE + 0x2ff, f.grant_base);
}

/* Writes a native setup_table at ARG. */
static void put_setup64(struct hcall_fake *f, uint16_t dom, uint32_t nr,
			uint64_t list)
{
	struct gnttab_setup_table s = {.dom = dom, .nr_frames = nr};

	memset(f->mem + ARG, 0xcc, sizeof(s));
	set_xen_guest_handle(s.frame_list, (xen_pfn_t *)(uintptr_t)list);
	s.status = 0x55;
	memcpy(f->mem + ARG, &s, sizeof(s));
}

static int16_t status_at_arg(const struct hcall_fake *f)
{
	int16_t st;

	memcpy(&st, f->mem + ARG + 8, sizeof(st));
	return st;
}

static void test_setup_table_64(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;
	uint64_t pfn[3];

	hcall_fake_init(&f, &d, &v);
	/* Before any frame is mapped: INVALID_M2P_ENTRY, and it grows. */
	put_setup64(&f, DOMID_SELF, 2, LIST);
	CHECK_EQ(0, gnt(&v, GNTTABOP_setup_table, ARG, 1));
	CHECK_EQ(GNTST_okay, status_at_arg(&f));
	memcpy(pfn, f.mem + LIST, 16);
	CHECK_EQ(~0ULL, pfn[0]);
	CHECK_EQ(~0ULL, pfn[1]);
	CHECK_EQ(2, query(&f, &v, DOMID_SELF).nr_frames);
	CHECK_EQ(0, map_frame(&f, &v, 0, BASE));
	put_setup64(&f, DOMID_SELF, 3, LIST);
	CHECK_EQ(0, gnt(&v, GNTTABOP_setup_table, ARG, 1));
	CHECK_EQ(GNTST_okay, status_at_arg(&f));
	memcpy(pfn, f.mem + LIST, 24);
	CHECK_EQ(BASE, pfn[0]);
	CHECK_EQ(BASE + 2, pfn[2]);
	CHECK_EQ(3, query(&f, &v, DOMID_SELF).nr_frames);
	/* More than the maximum: general_error, nothing grows. */
	put_setup64(&f, DOMID_SELF, HCALL_GNTTAB_FRAMES + 1, LIST);
	CHECK_EQ(0, gnt(&v, GNTTABOP_setup_table, ARG, 1));
	CHECK_EQ(GNTST_general_error, status_at_arg(&f));
	CHECK_EQ(3, query(&f, &v, DOMID_SELF).nr_frames);
	/* Another domain's table. */
	put_setup64(&f, 0, 1, LIST);
	CHECK_EQ(0, gnt(&v, GNTTABOP_setup_table, ARG, 1));
	CHECK_EQ(GNTST_permission_denied, status_at_arg(&f));
	put_setup64(&f, 9, 1, LIST);
	CHECK_EQ(0, gnt(&v, GNTTABOP_setup_table, ARG, 1));
	CHECK_EQ(GNTST_bad_domain, status_at_arg(&f));
	/* A list that wraps the address space; one that ends in a hole. */
	put_setup64(&f, DOMID_SELF, 2, ~0ULL - 8);
	CHECK_EQ(0, gnt(&v, GNTTABOP_setup_table, ARG, 1));
	CHECK_EQ(GNTST_bad_virt_addr, status_at_arg(&f));
	put_setup64(&f, DOMID_SELF, 2, FAKE_MEM_SIZE - 8);
	CHECK_EQ(0, gnt(&v, GNTTABOP_setup_table, ARG, 1));
	CHECK_EQ(GNTST_bad_virt_addr, status_at_arg(&f));
	CHECK_EQ(-XEN_EINVAL, gnt(&v, GNTTABOP_setup_table, ARG, 0));
	CHECK_EQ(-XEN_EFAULT,
		 gnt(&v, GNTTABOP_setup_table, FAKE_MEM_SIZE - 4, 1));
}

static void test_setup_table_32(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;
	/* dom, pad, nr_frames, status, pad, frame_list: the i386 layout. */
	uint8_t c[16] = {0xf0, 0x7f, 0, 0, 2, 0,    0, 0,
			 0x55, 0,    0, 0, 0, 0x10, 0, 0};
	uint32_t pfn[2];

	hcall_fake_init(&f, &d, &v);
	CHECK_EQ(0, map_frame(&f, &v, 0, BASE));
	v.longmode = false;
	memcpy(f.mem + ARG, c, sizeof(c));
	memset(f.mem + LIST, 0xaa, 16);
	CHECK_EQ(0, gnt(&v, GNTTABOP_setup_table, ARG, 1));
	CHECK_EQ(GNTST_okay, status_at_arg(&f));
	memcpy(pfn, f.mem + LIST, 8);
	CHECK_EQ(BASE, pfn[0]);
	CHECK_EQ(BASE + 1, pfn[1]);
	CHECK_EQ(0xaa, f.mem[LIST + 8]); /* 4-byte entries only */
}

static void test_versions(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;
	struct gnttab_set_version s;
	struct gnttab_get_version g = {.dom = DOMID_SELF};

	hcall_fake_init(&f, &d, &v);
	s.version = 1;
	memcpy(f.mem + ARG, &s, sizeof(s));
	CHECK_EQ(0, gnt(&v, GNTTABOP_set_version, ARG, 1));
	/* v2 is not offered (max_grant_version=1); 1 is written back. */
	s.version = 2;
	memcpy(f.mem + ARG, &s, sizeof(s));
	CHECK_EQ(-XEN_ENOSYS, gnt(&v, GNTTABOP_set_version, ARG, 1));
	memcpy(&s, f.mem + ARG, sizeof(s));
	CHECK_EQ(1, s.version);
	s.version = 3;
	memcpy(f.mem + ARG, &s, sizeof(s));
	CHECK_EQ(-XEN_EINVAL, gnt(&v, GNTTABOP_set_version, ARG, 1));
	CHECK_EQ(-XEN_EINVAL, gnt(&v, GNTTABOP_set_version, ARG, 0x80000000));
	CHECK_EQ(-XEN_EFAULT,
		 gnt(&v, GNTTABOP_set_version, FAKE_MEM_SIZE - 2, 1));
	memcpy(f.mem + ARG, &g, sizeof(g));
	CHECK_EQ(0, gnt(&v, GNTTABOP_get_version, ARG, 1));
	memcpy(&g, f.mem + ARG, sizeof(g));
	CHECK_EQ(1, g.version);
	g.dom = 0;
	memcpy(f.mem + ARG, &g, sizeof(g));
	CHECK_EQ(-XEN_EPERM, gnt(&v, GNTTABOP_get_version, ARG, 1));
	g.dom = 4;
	memcpy(f.mem + ARG, &g, sizeof(g));
	CHECK_EQ(-XEN_ESRCH, gnt(&v, GNTTABOP_get_version, ARG, 1));
}

static void test_refused(void)
{
	struct hcall_ops no_place = hcall_fake_ops;
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	hcall_fake_init(&f, &d, &v);
	/* Grants of other domains, status frames, continuation bits. */
	CHECK_EQ(-XEN_ENOSYS, gnt(&v, GNTTABOP_map_grant_ref, ARG, 1));
	CHECK_EQ(-XEN_ENOSYS, gnt(&v, GNTTABOP_copy, ARG, 1));
	CHECK_EQ(-XEN_ENOSYS, gnt(&v, GNTTABOP_get_status_frames, ARG, 1));
	CHECK_EQ(-XEN_ENOSYS,
		 gnt(&v, GNTTABOP_query_size | (1ULL << 12), ARG, 1));
	CHECK_EQ(-XEN_ENOSYS, gnt(&v, ~0ULL, ARG, 1));
	/* A domain whose host cannot place frames has no grant table. */
	no_place.grant_frames_place = NULL;
	hcall_domain_init(&d, 7, 1, &no_place, &f);
	CHECK_EQ(-XEN_ENOSYS, gnt(&v, GNTTABOP_query_size, ARG, 1));
	CHECK_EQ(-XEN_ENOSYS, map_frame(&f, &v, 0, BASE));
}

int main(void)
{
	HVM_TEST(test_query_size);
	HVM_TEST(test_add_to_physmap);
	HVM_TEST(test_max_grant_frames);
	HVM_TEST(test_move_and_refuse);
	HVM_TEST(test_setup_table_64);
	HVM_TEST(test_setup_table_32);
	HVM_TEST(test_versions);
	HVM_TEST(test_refused);
	return hvm_test_summary();
}
