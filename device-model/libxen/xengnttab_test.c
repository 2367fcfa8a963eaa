/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for libxengnttab against the fake hvm-domain, whose memfd
 * holds a guest grant table (one frame): maps of good, read-only,
 * foreign-domain, invalid, out-of-range and dangling grants; the in-use
 * bits set and cleared as Xen does (pins: a ref mapped twice stays in use
 * until the last unmap); a multi-ref map that fails half way leaves
 * nothing; grants held across a refresh of the regions are still
 * released; grant copies both ways with their statuses, and calls refused
 * whole, also after the memfd grew; close releases what a handle still holds; a
 * domain without its table placed yet.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <xengnttab.h>

#include "hvm_test.h"
#include "xenlib_fake.h"
#include "xenlib_priv.h"

#define DOMID 4
#define PAGE FAKE_PAGE
/* The grant frame: guest frame 0x100, memfd page 32. */
#define GRANT_OFF (32 * PAGE)
#define PERMIT GTF_permit_access

static struct fake_dom *f;

static void put_entry(uint32_t ref, uint16_t flags, uint16_t domid,
		      uint32_t frame)
{
	grant_entry_v1_t e = {.flags = flags, .domid = domid, .frame = frame};

	CHECK_EQ(sizeof(e), pwrite(fake_memfd(f), &e, sizeof(e),
				   (off_t)(GRANT_OFF + ref * sizeof(e))));
}

static uint16_t flags_of(uint32_t ref)
{
	grant_entry_v1_t e = {0};

	CHECK_EQ(sizeof(e), pread(fake_memfd(f), &e, sizeof(e),
				  (off_t)(GRANT_OFF + ref * sizeof(e))));
	return e.flags;
}

static void setup_entries(void)
{
	put_entry(8, PERMIT, 0, 3);		   /* RAM frame 3 */
	put_entry(9, PERMIT | GTF_readonly, 0, 4); /* read-only */
	put_entry(10, PERMIT, 5, 3);		   /* granted to domain 5 */
	put_entry(11, 0, 0, 3);			   /* invalid */
	put_entry(12, PERMIT, 0, 1000);		   /* no such frame */
	put_entry(13, GTF_accept_transfer, 0, 3);  /* not an access grant */
	put_entry(14, PERMIT | GTF_sub_page, 0, 3);
}

static void test_map_and_pins(void)
{
	xengnttab_handle *h = xengnttab_open(NULL, 0);
	uint8_t *rw, *ro;

	CHECK(h != NULL);
	setup_entries();
	rw = xengnttab_map_grant_ref(h, DOMID, 8, PROT_READ | PROT_WRITE);
	CHECK(rw != NULL);
	if (!rw)
		return;
	CHECK_EQ(PERMIT | GTF_reading | GTF_writing, flags_of(8));
	rw[17] = 0x5e; /* frame 3 is memfd page 3 */
	CHECK_EQ(0x5e, fake_memfd_byte(f, 3 * PAGE + 17));
	ro = xengnttab_map_grant_ref(h, DOMID, 8, PROT_READ);
	CHECK(ro != NULL);
	CHECK_EQ(0x5e, ro ? ro[17] : 0);
	/* The writer goes: reading stays while the reader holds it. */
	CHECK_EQ(0, xengnttab_unmap(h, rw, 1));
	CHECK_EQ(PERMIT | GTF_reading, flags_of(8));
	CHECK_EQ(0, xengnttab_unmap(h, ro, 1));
	CHECK_EQ(PERMIT, flags_of(8));
	/* Not ours, or not the whole area: refused. */
	errno = 0;
	CHECK_EQ(-1, xengnttab_unmap(h, rw, 1));
	CHECK_EQ(EINVAL, errno);
	CHECK_EQ(0, xengnttab_close(h));
}

static void test_map_refusals(void)
{
	xengnttab_handle *h = xengnttab_open(NULL, 0);
	uint32_t refs[3] = {8, 9, 10};
	void *p;

	setup_entries();
	errno = 0;
	CHECK(!xengnttab_map_grant_ref(h, DOMID, 9, PROT_READ | PROT_WRITE));
	CHECK_EQ(EPERM, errno);
	CHECK_EQ(PERMIT | GTF_readonly, flags_of(9));
	p = xengnttab_map_grant_ref(h, DOMID, 9, PROT_READ);
	CHECK(p != NULL);
	CHECK_EQ(PERMIT | GTF_readonly | GTF_reading, flags_of(9));
	CHECK_EQ(0, xengnttab_unmap(h, p, 1));
	CHECK(!xengnttab_map_grant_ref(h, DOMID, 10, PROT_READ));
	CHECK(!xengnttab_map_grant_ref(h, DOMID, 11, PROT_READ));
	CHECK(!xengnttab_map_grant_ref(h, DOMID, 13, PROT_READ));
	CHECK(!xengnttab_map_grant_ref(h, DOMID, 14, PROT_READ));
	/* Refused entries are left as the guest wrote them. */
	CHECK_EQ(PERMIT, flags_of(10));
	CHECK_EQ(0, flags_of(11));
	CHECK_EQ(GTF_accept_transfer, flags_of(13));
	CHECK_EQ(PERMIT | GTF_sub_page, flags_of(14));
	/* A frame in no region: not mapped, and not left marked. */
	CHECK(!xengnttab_map_grant_ref(h, DOMID, 12, PROT_READ));
	CHECK_EQ(PERMIT, flags_of(12));
	errno = 0;
	CHECK(!xengnttab_map_grant_ref(h, DOMID, 512, PROT_READ));
	CHECK_EQ(EINVAL, errno);
	CHECK(!xengnttab_map_grant_ref(h, DOMID, UINT32_MAX, PROT_READ));
	/* 8 and 9 were taken before 10 failed: both are released. */
	CHECK(!xengnttab_map_domain_grant_refs(h, 3, DOMID, refs, PROT_READ));
	CHECK_EQ(PERMIT, flags_of(8));
	CHECK_EQ(PERMIT | GTF_readonly, flags_of(9));
	CHECK(!xengnttab_map_domain_grant_refs(h, 0, DOMID, refs, PROT_READ));
	CHECK(!xengnttab_map_grant_ref(h, DOMID, 8, PROT_EXEC));
	CHECK(!xengnttab_map_grant_ref_notify(h, DOMID, 8, PROT_READ, 0, 1));
	CHECK_EQ(0, xengnttab_close(h));
}

/*
 * populate and relocate calls make the library read the regions again;
 * grants held across that are still released in the guest's table.
 */
static void test_release_after_refresh(void)
{
	xengnttab_handle *h = xengnttab_open(NULL, 0);
	uint8_t *p;

	setup_entries();
	p = xengnttab_map_grant_ref(h, DOMID, 8, PROT_READ | PROT_WRITE);
	CHECK(p != NULL);
	CHECK_EQ(PERMIT | GTF_reading | GTF_writing, flags_of(8));
	xenlib_mem_invalidate(DOMID);
	CHECK_EQ(0, p ? xengnttab_unmap(h, p, 1) : -1);
	CHECK_EQ(PERMIT, flags_of(8));
	CHECK_EQ(0, xengnttab_close(h));
}

static void test_multi_map_and_close(void)
{
	xengnttab_handle *h = xengnttab_open(NULL, 0);
	uint32_t refs[2] = {9, 8};
	uint8_t *p;

	setup_entries();
	fake_memfd_put(f, 4 * PAGE, 0x44);
	p = xengnttab_map_domain_grant_refs(h, 2, DOMID, refs, PROT_READ);
	CHECK(p != NULL);
	CHECK_EQ(0x44, p ? p[0] : 0); /* ref 9: frame 4 first */
	CHECK_EQ(PERMIT | GTF_reading, flags_of(8));
	/* Closing with the area still mapped releases it. */
	CHECK_EQ(0, xengnttab_close(h));
	CHECK_EQ(PERMIT, flags_of(8));
	CHECK_EQ(PERMIT | GTF_readonly, flags_of(9));
}

static void test_copy(void)
{
	xengnttab_handle *h = xengnttab_open(NULL, 0);
	xengnttab_grant_copy_segment_t s[5];
	uint8_t buf[64], in[16];

	setup_entries();
	memset(in, 0x77, sizeof(in));
	memset(s, 0, sizeof(s));
	/* Guest to us: ref 9 (read-only is fine), offset 100. */
	s[0].source.foreign.ref = 9;
	s[0].source.foreign.offset = 100;
	s[0].source.foreign.domid = DOMID;
	s[0].dest.virt = buf;
	s[0].len = 16;
	s[0].flags = GNTCOPY_source_gref;
	/* Us to the guest: ref 8, at the end of the page. */
	s[1].source.virt = in;
	s[1].dest.foreign.ref = 8;
	s[1].dest.foreign.offset = PAGE - 16;
	s[1].dest.foreign.domid = DOMID;
	s[1].len = 16;
	s[1].flags = GNTCOPY_dest_gref;
	/* Into a read-only grant; past the page; a bad ref. */
	s[2] = s[1];
	s[2].dest.foreign.ref = 9;
	s[3] = s[1];
	s[3].dest.foreign.offset = PAGE - 8;
	s[4] = s[1];
	s[4].dest.foreign.ref = 4096;
	fake_memfd_put(f, 4 * PAGE + 100, 0x44);
	CHECK_EQ(0, xengnttab_grant_copy(h, 5, s));
	CHECK_EQ(GNTST_okay, s[0].status);
	CHECK_EQ(0x44, buf[0]);
	CHECK_EQ(GNTST_okay, s[1].status);
	CHECK_EQ(0x77, fake_memfd_byte(f, 3 * PAGE + PAGE - 1));
	CHECK_EQ(GNTST_general_error, s[2].status);
	CHECK_EQ(GNTST_bad_copy_arg, s[3].status);
	CHECK_EQ(GNTST_bad_gntref, s[4].status);
	/* Nothing stays marked after a copy (blkfront checks). */
	CHECK_EQ(PERMIT, flags_of(8));
	CHECK_EQ(PERMIT | GTF_readonly, flags_of(9));
	/* Both sides grants; a domain no hvm-domain serves. */
	s[0].flags = GNTCOPY_source_gref | GNTCOPY_dest_gref;
	s[2] = s[1];
	s[2].dest.foreign.domid = 77;
	CHECK_EQ(0, xengnttab_grant_copy(h, 3, s));
	CHECK_EQ(GNTST_general_error, s[0].status);
	CHECK_EQ(GNTST_okay, s[1].status);
	CHECK_EQ(GNTST_bad_domain, s[2].status);
	/* Neither side a grant, or unknown flags: the call fails, none runs. */
	s[1].status = 99;
	s[0].flags = 0;
	errno = 0;
	CHECK_EQ(-1, xengnttab_grant_copy(h, 2, s));
	CHECK_EQ(EINVAL, errno);
	s[0].flags = GNTCOPY_dest_gref | 4;
	CHECK_EQ(-1, xengnttab_grant_copy(h, 2, s));
	CHECK_EQ(99, s[1].status);
	/* QEMU's feature probe. */
	CHECK_EQ(0, xengnttab_grant_copy(h, 0, NULL));
	CHECK_EQ(0, xengnttab_close(h));
}

/*
 * Copies go through one mapping of the whole memfd: after the memfd grew
 * (the device model populated pages past its end), a copy to a frame in
 * the new part maps it again, and both old and new frames still work.
 */
static void test_copy_after_growth(void)
{
	const uint64_t old_end = FAKE_MEM_PAGES * PAGE;
	xengnttab_handle *h = xengnttab_open(NULL, 0);
	xengnttab_grant_copy_segment_t s[2];
	uint8_t in[8], out[8];
	struct xenlib_conn *c;

	memset(in, 0x5a, sizeof(in));
	memset(s, 0, sizeof(s));
	/* A copy first, so that the mapping covers the old size. */
	s[0].source.foreign.ref = 8;
	s[0].source.foreign.domid = DOMID;
	s[0].dest.virt = out;
	s[0].len = sizeof(out);
	s[0].flags = GNTCOPY_source_gref;
	CHECK_EQ(0, xengnttab_grant_copy(h, 1, s));
	CHECK_EQ(GNTST_okay, s[0].status);
	memset(s, 0, sizeof(s));
	CHECK_EQ(0, ftruncate(fake_memfd(f), (off_t)(old_end + 4 * PAGE)));
	fake_add_region(f, 0x200 * PAGE, 4 * PAGE, old_end);
	xenlib_mem_invalidate(DOMID);
	put_entry(15, PERMIT, 0, 0x201); /* memfd page old_end + 1 */
	s[0].source.virt = in;
	s[0].dest.foreign.ref = 15;
	s[0].dest.foreign.offset = 40;
	s[0].dest.foreign.domid = DOMID;
	s[0].len = sizeof(in);
	s[0].flags = GNTCOPY_dest_gref;
	/* And back from a frame of the old part (ref 8, frame 3). */
	s[1].source.foreign.ref = 8;
	s[1].source.foreign.domid = DOMID;
	s[1].dest.virt = out;
	s[1].len = sizeof(out);
	s[1].flags = GNTCOPY_source_gref;
	fake_memfd_put(f, 3 * PAGE, 0x31);
	CHECK_EQ(0, xengnttab_grant_copy(h, 2, s));
	CHECK_EQ(GNTST_okay, s[0].status);
	CHECK_EQ(GNTST_okay, s[1].status);
	CHECK_EQ(0x5a, fake_memfd_byte(f, old_end + PAGE + 40));
	CHECK_EQ(0x5a, fake_memfd_byte(f, old_end + PAGE + 47));
	CHECK_EQ(0, fake_memfd_byte(f, old_end + PAGE + 48));
	CHECK_EQ(0x31, out[0]);
	CHECK_EQ(PERMIT, flags_of(15));
	/* The copies went through the mapping, now as large as the memfd. */
	CHECK_EQ(0, xenlib_conn_get(DOMID, &c));
	CHECK(c->mem.copy_map != NULL && !c->mem.copy_failed);
	CHECK_EQ(old_end + 4 * PAGE, c->mem.copy_size);
	CHECK_EQ(0, xengnttab_close(h));
}

int main(void)
{
	xengnttab_handle *h;

	fake_rundir_init();
	f = fake_start(DOMID);
	if (f) {
		fake_add_region(f, 0, 16 * PAGE, 0);
		/* Before the guest placed its frames: nothing to map. */
		h = xengnttab_open(NULL, 0);
		CHECK(!xengnttab_map_grant_ref(h, DOMID, 8, PROT_READ));
		CHECK_EQ(0, xengnttab_close(h));
		fake_add_grant_region(f, 0x100 * PAGE, PAGE, GRANT_OFF);
		HVM_TEST(test_map_and_pins);
		HVM_TEST(test_map_refusals);
		HVM_TEST(test_release_after_refresh);
		HVM_TEST(test_multi_map_and_close);
		HVM_TEST(test_copy);
		HVM_TEST(test_copy_after_growth);
	}
	xenlib_conn_reset_all();
	fake_stop(f);
	fake_rundir_cleanup();
	return hvm_test_summary();
}
