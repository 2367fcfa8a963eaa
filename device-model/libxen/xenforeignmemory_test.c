/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for libxenforeignmemory against the fake hvm-domain: map2
 * with holes (err[] values, PROT_NONE pages, the memfd bytes behind each
 * frame), total failure without err[], refresh of the region cache on a
 * miss and after populate/relocate through our libraries, the legacy map
 * and unmap, and map_resource of an ioreq server's pages.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <xenctrl.h>
#include <xendevicemodel.h>
#include <xenforeignmemory.h>

#include "hvm_test.h"
#include "xenlib_fake.h"
#include "xenlib_priv.h"

#define DOMID 3
#define PAGE FAKE_PAGE

static struct fake_dom *f;
static xenforeignmemory_handle *fmem;

static void check_prot(const uint8_t *p, const char *want)
{
	char prot[5];

	fake_page_prot(p, prot);
	if (strcmp(prot, want))
		hvm_test_fail(__FILE__, __LINE__,
			      "page %p: expected %s, saw %s", (const void *)p,
			      want, prot);
}

/*
 * Regions: GFN 0-7 at memfd page 0, GFN 16-19 at memfd page 8. Frames
 * 0,1,2 (one run), 8 (hole), 16,17 (run), 3 (new run), 100 (hole).
 */
static void test_map2_holes(void)
{
	const xen_pfn_t arr[] = {0, 1, 2, 8, 16, 17, 3, 100};
	int err[8];
	uint8_t *p;
	unsigned int i;

	memset(err, 0x55, sizeof(err));
	fake_memfd_put(f, 1 * PAGE + 5, 0xa1);
	fake_memfd_put(f, 9 * PAGE + 7, 0xb2);
	p = xenforeignmemory_map2(fmem, DOMID, NULL, PROT_READ | PROT_WRITE, 0,
				  8, arr, err);
	CHECK(p != NULL);
	if (!p)
		return;
	for (i = 0; i < 8; i++)
		CHECK_EQ(arr[i] == 8 || arr[i] == 100 ? -EINVAL : 0, err[i]);
	CHECK_EQ(0xa1, p[1 * PAGE + 5]);
	CHECK_EQ(0xb2, p[5 * PAGE + 7]);
	p[6 * PAGE + 9] = 0xc3; /* frame 3: memfd page 3 */
	CHECK_EQ(0xc3, fake_memfd_byte(f, 3 * PAGE + 9));
	p[4 * PAGE] = 0xd4; /* frame 16: memfd page 8 */
	CHECK_EQ(0xd4, fake_memfd_byte(f, 8 * PAGE));
	check_prot(p, "rw-s");
	check_prot(p + 3 * PAGE, "---p");
	check_prot(p + 7 * PAGE, "---p");
	/* QEMU releases mappings with plain munmap. */
	CHECK_EQ(0, munmap(p, 8 * PAGE));
}

static void test_map_without_err(void)
{
	const xen_pfn_t good[] = {4, 5}, holes[] = {4, 9};
	uint8_t *p;

	p = xenforeignmemory_map(fmem, DOMID, PROT_READ, 2, good, NULL);
	CHECK(p != NULL);
	CHECK_EQ(0, xenforeignmemory_unmap(fmem, p, 2));
	errno = 0;
	p = xenforeignmemory_map(fmem, DOMID, PROT_READ, 2, holes, NULL);
	CHECK(p == NULL);
	CHECK_EQ(EINVAL, errno);
}

static void test_bad_args(void)
{
	const xen_pfn_t arr[] = {0};
	int err[1];

	errno = 0;
	CHECK(!xenforeignmemory_map2(fmem, DOMID, NULL, PROT_READ, 0, 0, arr,
				     err));
	CHECK_EQ(EINVAL, errno);
	errno = 0;
	CHECK(!xenforeignmemory_map2(fmem, DOMID, NULL, PROT_READ, MAP_PRIVATE,
				     1, arr, err));
	CHECK_EQ(EINVAL, errno);
	errno = 0;
	CHECK(!xenforeignmemory_map2(fmem, DOMID, NULL, PROT_READ, MAP_FIXED, 1,
				     arr, err));
	CHECK_EQ(EINVAL, errno);
	errno = 0;
	CHECK(!xenforeignmemory_map2(fmem, 77, NULL, PROT_READ, 0, 1, arr,
				     err));
	CHECK_EQ(ENOENT, errno);
}

/* A region that appears later is found by refreshing once on the miss. */
static void test_refresh_on_miss(void)
{
	const xen_pfn_t arr[] = {0x40, 0x41};
	unsigned int before = fake_count(f, CTL_OP_MEM_INFO);
	int err[2] = {1, 1};
	uint8_t *p;

	fake_add_region(f, 0x40 * PAGE, 2 * PAGE, 20 * PAGE);
	fake_memfd_put(f, 21 * PAGE, 0xe5);
	p = xenforeignmemory_map2(fmem, DOMID, NULL, PROT_READ, 0, 2, arr, err);
	CHECK(p != NULL);
	CHECK_EQ(0, err[0]);
	CHECK_EQ(0, err[1]);
	CHECK_EQ(before + 1, fake_count(f, CTL_OP_MEM_INFO));
	if (p) {
		CHECK_EQ(0xe5, p[PAGE]);
		munmap(p, 2 * PAGE);
	}
	/* Now cached: no further MEM_INFO. */
	p = xenforeignmemory_map2(fmem, DOMID, NULL, PROT_READ, 0, 2, arr, err);
	CHECK(p != NULL);
	CHECK_EQ(before + 1, fake_count(f, CTL_OP_MEM_INFO));
	if (p)
		munmap(p, 2 * PAGE);
}

/*
 * VRAM as QEMU does it: populate, map (locked), relocate to the BAR; the
 * BAR's frames then map the same pages, and the old frames are gone.
 */
static void test_populate_relocate(void)
{
	xc_interface *xch = xc_interface_open(NULL, NULL, 0);
	xendevicemodel_handle *dmod = xendevicemodel_open(NULL, 0);
	xen_pfn_t gfns[4] = {0x1000, 0x1001, 0x1002, 0x1003};
	const xen_pfn_t bar[] = {0xf0000, 0xf0003}, home[] = {0x1001};
	int err[2] = {1, 1};
	uint8_t *vram, *p;

	CHECK_EQ(0,
		 xc_domain_populate_physmap_exact(xch, DOMID, 4, 0, 0, gfns));
	vram = xenforeignmemory_map2(fmem, DOMID, NULL, PROT_READ | PROT_WRITE,
				     0, 4, gfns, NULL);
	CHECK(vram != NULL);
	CHECK_EQ(0, xendevicemodel_relocate_memory(dmod, DOMID, 4, 0x1000,
						   0xf0000));
	p = xenforeignmemory_map2(fmem, DOMID, NULL, PROT_READ, 0, 2, bar, err);
	CHECK(p != NULL);
	CHECK_EQ(0, err[0]);
	CHECK_EQ(0, err[1]);
	if (vram && p) {
		vram[3 * PAGE + 1] = 0x77;
		CHECK_EQ(0x77, p[PAGE + 1]);
	}
	errno = 0;
	CHECK(!xenforeignmemory_map(fmem, DOMID, PROT_READ, 1, home, NULL));
	CHECK_EQ(EINVAL, errno);
	if (p)
		munmap(p, 2 * PAGE);
	if (vram)
		munmap(vram, 4 * PAGE);
	xendevicemodel_close(dmod);
	xc_interface_close(xch);
}

static void test_map_resource(void)
{
	xendevicemodel_handle *dmod = xendevicemodel_open(NULL, 0);
	xenforeignmemory_resource_handle *res;
	uint8_t *addr = NULL;
	ioservid_t id = 0;
	size_t size = 0;

	CHECK_EQ(0, xendevicemodel_create_ioreq_server(dmod, DOMID, 2, &id));
	res = xenforeignmemory_map_resource(fmem, DOMID, 0, id, 0, 2,
					    (void **)&addr,
					    PROT_READ | PROT_WRITE, 0);
	CHECK(res != NULL);
	CHECK(addr != NULL);
	if (res && addr) {
		addr[4] = 0x11;		/* buffered ring, write_pointer */
		addr[PAGE + 24] = 0x22; /* vCPU 0's slot, vp_eport */
		CHECK_EQ(0x11, fake_memfd_byte(f, FAKE_IOREQ_PAGE * PAGE + 4));
		CHECK_EQ(0x22,
			 fake_memfd_byte(f, (FAKE_IOREQ_PAGE + 1) * PAGE + 24));
	}
	CHECK_EQ(0, xenforeignmemory_unmap_resource(fmem, res));
	CHECK_EQ(0, xenforeignmemory_unmap_resource(fmem, NULL));
	CHECK_EQ(0, xenforeignmemory_resource_size(fmem, DOMID, 0, id, &size));
	CHECK_EQ(2 * PAGE, size);

	/* Frame 1 alone is the slots page. */
	addr = NULL;
	res = xenforeignmemory_map_resource(fmem, DOMID, 0, id, 1, 1,
					    (void **)&addr, PROT_READ, 0);
	CHECK(res != NULL);
	if (res && addr)
		CHECK_EQ(0x22, addr[24]);
	CHECK_EQ(0, xenforeignmemory_unmap_resource(fmem, res));
	CHECK_EQ(0, xendevicemodel_destroy_ioreq_server(dmod, DOMID, id));
	xendevicemodel_close(dmod);
}

static void test_map_resource_refusals(void)
{
	void *addr = NULL;

	errno = 0;
	CHECK(!xenforeignmemory_map_resource(fmem, DOMID, 1, 0, 0, 1, &addr,
					     PROT_READ, 0));
	CHECK_EQ(EOPNOTSUPP, errno);
	errno = 0;
	CHECK(!xenforeignmemory_map_resource(fmem, DOMID, 0, 1, 0, 3, &addr,
					     PROT_READ, 0));
	CHECK_EQ(EINVAL, errno);
	errno = 0;
	CHECK(!xenforeignmemory_map_resource(fmem, DOMID, 0, 1, 2, 1, &addr,
					     PROT_READ, 0));
	CHECK_EQ(EINVAL, errno);
	errno = 0;
	CHECK(!xenforeignmemory_map_resource(fmem, DOMID, 0, 1, 0, 2, &addr,
					     PROT_READ, MAP_ANONYMOUS));
	CHECK_EQ(EINVAL, errno);
	/* Server 6 was never created: the fake's ENOENT, not a fallback. */
	errno = 0;
	CHECK(!xenforeignmemory_map_resource(fmem, DOMID, 0, 6, 0, 2, &addr,
					     PROT_READ, 0));
	CHECK_EQ(ENOENT, errno);
	CHECK(addr == NULL);
}

int main(void)
{
	fake_rundir_init();
	f = fake_start(DOMID);
	fmem = xenforeignmemory_open(NULL, 0);
	CHECK(fmem != NULL);
	if (f && fmem) {
		fake_add_region(f, 0, 8 * PAGE, 0);
		fake_add_region(f, 16 * PAGE, 4 * PAGE, 8 * PAGE);
		HVM_TEST(test_map2_holes);
		HVM_TEST(test_map_without_err);
		HVM_TEST(test_bad_args);
		HVM_TEST(test_refresh_on_miss);
		HVM_TEST(test_populate_relocate);
		HVM_TEST(test_map_resource);
		HVM_TEST(test_map_resource_refusals);
	}
	CHECK_EQ(0, xenforeignmemory_close(fmem));
	xenlib_conn_reset_all();
	fake_stop(f);
	fake_rundir_cleanup();
	return hvm_test_summary();
}
