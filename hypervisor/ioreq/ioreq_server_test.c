/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for the ioreq server table: creation up to the limit and id
 * reuse, map/unmap argument checks with Xen's -EEXIST/-ENOENT rules, the
 * range cap, selection of port, MMIO (including rep accesses in both
 * directions and ones that wrap past 2^64) and PCI config accesses,
 * disabled servers and unclaimed accesses, and the CF8/CFC address
 * encoding of dm-abi.md 3.6 rule 5.
 */
#include "hypervisor/ioreq_server.h"

#include <errno.h>
#include <string.h>

#include "hvm_test.h"

#define PORT XEN_DMOP_IO_RANGE_PORT
#define MMIO XEN_DMOP_IO_RANGE_MEMORY
#define PCI XEN_DMOP_IO_RANGE_PCI

static struct ioreq make_req(uint8_t type, uint64_t addr, uint32_t size,
			     uint32_t count, bool df)
{
	struct ioreq p;

	memset(&p, 0, sizeof(p));
	p.type = type;
	p.addr = addr;
	p.size = size;
	p.count = count;
	p.df = df;
	p.dir = IOREQ_READ;
	return p;
}

static struct ioreq_server *select_one(struct ioreq_server_table *t,
				       uint8_t type, uint64_t addr,
				       uint32_t size)
{
	struct ioreq p = make_req(type, addr, size, 1, false);

	return ioreq_server_select(t, &p);
}

/* A table with one enabled server (id returned in @id). */
static void setup_one(struct ioreq_server_table *t, uint16_t *id)
{
	ioreq_server_table_init(t);
	CHECK_EQ(0, ioreq_server_create(t, id));
	CHECK_EQ(0, ioreq_server_set_enabled(t, *id, true));
}

static void test_create_destroy(void)
{
	struct ioreq_server_table t;
	uint16_t id;
	unsigned int i;

	ioreq_server_table_init(&t);
	for (i = 0; i < IOREQ_SERVER_MAX; i++) {
		CHECK_EQ(0, ioreq_server_create(&t, &id));
		CHECK_EQ(i, id);
		CHECK(ioreq_server_get(&t, id) != NULL);
		CHECK(!ioreq_server_get(&t, id)->enabled);
	}
	CHECK_EQ(-ENOSPC, ioreq_server_create(&t, &id));

	CHECK_EQ(0, ioreq_server_destroy(&t, 3));
	CHECK(ioreq_server_get(&t, 3) == NULL);
	CHECK_EQ(-ENOENT, ioreq_server_destroy(&t, 3));
	CHECK_EQ(-ENOENT, ioreq_server_destroy(&t, IOREQ_SERVER_MAX));
	CHECK_EQ(-ENOENT, ioreq_server_destroy(&t, 0xffff));
	CHECK_EQ(-ENOENT, ioreq_server_set_enabled(&t, 3, true));
	CHECK(ioreq_server_get(&t, 0xffff) == NULL);
	/* The freed id is the lowest free one and is reused. */
	CHECK_EQ(0, ioreq_server_create(&t, &id));
	CHECK_EQ(3, id);
	ioreq_server_table_destroy(&t);
	ioreq_server_table_destroy(&t);
	CHECK(ioreq_server_get(&t, 0) == NULL);
}

static void test_map_arguments(void)
{
	struct ioreq_server_table t;
	uint16_t id;

	setup_one(&t, &id);
	CHECK_EQ(-ENOENT, ioreq_server_map_range(&t, id + 1, PORT, 1, 2));
	CHECK_EQ(-EINVAL, ioreq_server_map_range(&t, id, PCI + 1, 1, 2));
	CHECK_EQ(-EINVAL, ioreq_server_map_range(&t, id, 0xffffffff, 1, 2));
	CHECK_EQ(-EINVAL, ioreq_server_map_range(&t, id, PORT, 2, 1));
	CHECK_EQ(0, ioreq_server_map_range(&t, id, PORT, 0x3f8, 0x3ff));
	/* Xen refuses overlapping claims, even partial ones. */
	CHECK_EQ(-EEXIST, ioreq_server_map_range(&t, id, PORT, 0x3f8, 0x3ff));
	CHECK_EQ(-EEXIST, ioreq_server_map_range(&t, id, PORT, 0x3f0, 0x3f8));
	/* The same numbers in another range type are independent. */
	CHECK_EQ(0, ioreq_server_map_range(&t, id, MMIO, 0x3f8, 0x3ff));

	CHECK_EQ(-EINVAL, ioreq_server_unmap_range(&t, id, PORT, 0x3ff, 0x3f8));
	CHECK_EQ(-EINVAL, ioreq_server_unmap_range(&t, id, 3, 0x3f8, 0x3ff));
	CHECK_EQ(-ENOENT, ioreq_server_unmap_range(&t, 7, PORT, 0x3f8, 0x3ff));
	/* Only wholly claimed ranges can be released. */
	CHECK_EQ(-ENOENT, ioreq_server_unmap_range(&t, id, PORT, 0x3f0, 0x3f8));
	CHECK_EQ(0, ioreq_server_unmap_range(&t, id, PORT, 0x3fa, 0x3fb));
	CHECK(select_one(&t, IOREQ_TYPE_PIO, 0x3f8, 2) != NULL);
	CHECK(select_one(&t, IOREQ_TYPE_PIO, 0x3fa, 1) == NULL);
	CHECK(select_one(&t, IOREQ_TYPE_PIO, 0x3fc, 4) != NULL);
	ioreq_server_table_destroy(&t);
}

static void test_range_cap(void)
{
	struct ioreq_server_table t;
	uint16_t id;
	unsigned int i;

	setup_one(&t, &id);
	for (i = 0; i < RANGESET_MAX_RANGES; i++)
		CHECK_EQ(0, ioreq_server_map_range(&t, id, MMIO, i * 0x2000ULL,
						   i * 0x2000ULL + 0xfff));
	CHECK_EQ(-ENOSPC,
		 ioreq_server_map_range(&t, id, MMIO, 0x10000000, 0x10000fff));
	/* A split that needs one more range hits the cap too. */
	CHECK_EQ(-ENOSPC, ioreq_server_unmap_range(&t, id, MMIO, 0x10, 0x10));
	CHECK(select_one(&t, IOREQ_TYPE_COPY, 0x10, 4) != NULL);
	ioreq_server_table_destroy(&t);
}

static void test_select_pio(void)
{
	struct ioreq_server_table t;
	struct ioreq p;
	uint16_t id;

	ioreq_server_table_init(&t);
	CHECK_EQ(0, ioreq_server_create(&t, &id));
	CHECK_EQ(0, ioreq_server_map_range(&t, id, PORT, 0x3f8, 0x3ff));
	/* Created disabled: nothing is forwarded yet. */
	CHECK(select_one(&t, IOREQ_TYPE_PIO, 0x3f8, 1) == NULL);
	CHECK_EQ(0, ioreq_server_set_enabled(&t, id, true));
	CHECK(select_one(&t, IOREQ_TYPE_PIO, 0x3f8, 1) ==
	      ioreq_server_get(&t, id));
	CHECK(select_one(&t, IOREQ_TYPE_PIO, 0x3fc, 4) != NULL);
	CHECK(select_one(&t, IOREQ_TYPE_PIO, 0x3fe, 4) == NULL);
	CHECK(select_one(&t, IOREQ_TYPE_PIO, 0x3f7, 2) == NULL);
	CHECK(select_one(&t, IOREQ_TYPE_PIO, 0x80, 1) == NULL);
	/* Rep in/out hit one port: count does not widen the access. */
	p = make_req(IOREQ_TYPE_PIO, 0x3f8, 1, 1000, false);
	CHECK(ioreq_server_select(&t, &p) != NULL);
	/* A port range never matches MMIO or PCI accesses. */
	CHECK(select_one(&t, IOREQ_TYPE_COPY, 0x3f8, 1) == NULL);
	/* Types that are not routed by range match nothing. */
	CHECK(select_one(&t, IOREQ_TYPE_TIMEOFFSET, 0x3f8, 1) == NULL);
	CHECK(select_one(&t, IOREQ_TYPE_INVALIDATE, 0x3f8, 1) == NULL);
	/* Disabling (QMP stop) stops forwarding (dm-abi.md 3.6 rule 7). */
	CHECK_EQ(0, ioreq_server_set_enabled(&t, id, false));
	CHECK(select_one(&t, IOREQ_TYPE_PIO, 0x3f8, 1) == NULL);
	ioreq_server_table_destroy(&t);
}

/*
 * Like Xen's rangesets, adjacent claims merge: 0xCF8, 0xCF9 and
 * 0xCFA-0xCFB mapped one by one make a dword access to 0xCF8 match.
 */
static void test_select_adjacent_claims_merge(void)
{
	struct ioreq_server_table t;
	uint16_t id;

	setup_one(&t, &id);
	CHECK_EQ(0, ioreq_server_map_range(&t, id, PORT, 0xcf8, 0xcf8));
	CHECK_EQ(0, ioreq_server_map_range(&t, id, PORT, 0xcf9, 0xcf9));
	CHECK_EQ(0, ioreq_server_map_range(&t, id, PORT, 0xcfa, 0xcfb));
	CHECK(select_one(&t, IOREQ_TYPE_PIO, 0xcf8, 4) != NULL);
	CHECK_EQ(0, ioreq_server_unmap_range(&t, id, PORT, 0xcf9, 0xcf9));
	CHECK(select_one(&t, IOREQ_TYPE_PIO, 0xcf8, 4) == NULL);
	CHECK(select_one(&t, IOREQ_TYPE_PIO, 0xcfa, 2) != NULL);
	ioreq_server_table_destroy(&t);
}

static void test_select_mmio(void)
{
	struct ioreq_server_table t;
	struct ioreq p;
	uint16_t id;

	setup_one(&t, &id);
	CHECK_EQ(0,
		 ioreq_server_map_range(&t, id, MMIO, 0xf0000000, 0xf0000fff));
	CHECK(select_one(&t, IOREQ_TYPE_COPY, 0xf0000ff8, 8) != NULL);
	CHECK(select_one(&t, IOREQ_TYPE_COPY, 0xf0000ffc, 8) == NULL);
	CHECK(select_one(&t, IOREQ_TYPE_COPY, 0xeffffffc, 8) == NULL);
	CHECK(select_one(&t, IOREQ_TYPE_COPY, 0xf0000000, 0) == NULL);

	/* Rep forward: the last byte is addr + count * size - 1. */
	p = make_req(IOREQ_TYPE_COPY, 0xf0000000, 4, 1024, false);
	CHECK(ioreq_server_select(&t, &p) != NULL);
	p.count = 1025;
	CHECK(ioreq_server_select(&t, &p) == NULL);
	/* Rep backward (df): the first byte is addr - (count - 1) * size. */
	p = make_req(IOREQ_TYPE_COPY, 0xf0000ffc, 4, 1024, true);
	CHECK(ioreq_server_select(&t, &p) != NULL);
	p.count = 1025;
	CHECK(ioreq_server_select(&t, &p) == NULL);
	p.count = 0;
	CHECK(ioreq_server_select(&t, &p) == NULL);
	ioreq_server_table_destroy(&t);
}

static void test_select_mmio_overflow(void)
{
	struct ioreq_server_table t;
	struct ioreq p;
	uint16_t id;

	setup_one(&t, &id);
	CHECK_EQ(0, ioreq_server_map_range(&t, id, MMIO, 0xffffffffffffff00ULL,
					   UINT64_MAX));
	CHECK_EQ(0, ioreq_server_map_range(&t, id, MMIO, 0, 0xff));
	CHECK(select_one(&t, IOREQ_TYPE_COPY, UINT64_MAX - 7, 8) != NULL);
	/* Crossing 2^64 must not wrap into the range at 0. */
	CHECK(select_one(&t, IOREQ_TYPE_COPY, UINT64_MAX - 3, 8) == NULL);
	p = make_req(IOREQ_TYPE_COPY, 0xffffffffffffff00ULL, 8, 33, false);
	CHECK(ioreq_server_select(&t, &p) == NULL);
	p.count = 32;
	CHECK(ioreq_server_select(&t, &p) != NULL);
	/* Backwards below 0 must not wrap into the range at the top. */
	p = make_req(IOREQ_TYPE_COPY, 0x8, 8, 3, true);
	CHECK(ioreq_server_select(&t, &p) == NULL);
	p.count = 2;
	CHECK(ioreq_server_select(&t, &p) != NULL);
	p = make_req(IOREQ_TYPE_COPY, 0x10, 0xffffffff, 0xffffffff, false);
	CHECK(ioreq_server_select(&t, &p) == NULL);
	ioreq_server_table_destroy(&t);
}

static void test_select_pci_and_priority(void)
{
	struct ioreq_server_table t;
	uint32_t nic = XEN_DMOP_PCI_SBDF(0, 0, 3, 0);
	uint64_t addr;
	uint16_t a, b;

	setup_one(&t, &a);
	CHECK_EQ(0, ioreq_server_create(&t, &b));
	CHECK_EQ(0, ioreq_server_set_enabled(&t, b, true));
	CHECK_EQ(0, ioreq_server_map_range(&t, a, PCI, nic, nic));
	CHECK_EQ(0, ioreq_server_pci_cfg_addr(0x80001804, 0xcfe, false, &addr));
	CHECK(select_one(&t, IOREQ_TYPE_PCI_CONFIG, addr, 2) ==
	      ioreq_server_get(&t, a));
	/* Unclaimed BDFs (function 1 of the same slot) go nowhere. */
	CHECK_EQ(0, ioreq_server_pci_cfg_addr(0x80001904, 0xcfc, false, &addr));
	CHECK(select_one(&t, IOREQ_TYPE_PCI_CONFIG, addr, 4) == NULL);
	/* The SBDF is not a port: a PIO to the same number does not match. */
	CHECK(select_one(&t, IOREQ_TYPE_PIO, nic, 1) == NULL);

	/* Both claim it: like Xen, the higher id wins while enabled. */
	CHECK_EQ(0, ioreq_server_map_range(&t, b, PCI, nic, nic));
	CHECK_EQ(0, ioreq_server_pci_cfg_addr(0x80001800, 0xcfc, false, &addr));
	CHECK(select_one(&t, IOREQ_TYPE_PCI_CONFIG, addr, 4) ==
	      ioreq_server_get(&t, b));
	CHECK_EQ(0, ioreq_server_set_enabled(&t, b, false));
	CHECK(select_one(&t, IOREQ_TYPE_PCI_CONFIG, addr, 4) ==
	      ioreq_server_get(&t, a));
	ioreq_server_table_destroy(&t);
}

static void test_pci_cfg_addr(void)
{
	uint64_t addr = 0x1234;

	/* Bus 0x12, device 0x1f, function 7, register 0xfc, byte 3. */
	CHECK_EQ(0, ioreq_server_pci_cfg_addr(0x8012fffc, 0xcff, false, &addr));
	CHECK_EQ(((uint64_t)XEN_DMOP_PCI_SBDF(0, 0x12, 0x1f, 7) << 32) | 0xff,
		 addr);
	/* Bits 1:0 of cf8 are not register bits; the port supplies them. */
	CHECK_EQ(0, ioreq_server_pci_cfg_addr(0x80000003, 0xcfd, false, &addr));
	CHECK_EQ(1, addr);
	/* Reserved bits 30:24 count only with AMD extended decoding. */
	CHECK_EQ(0, ioreq_server_pci_cfg_addr(0xfe000010, 0xcfc, false, &addr));
	CHECK_EQ(0x10, addr);
	CHECK_EQ(0, ioreq_server_pci_cfg_addr(0x8a011810, 0xcfe, true, &addr));
	CHECK_EQ(((uint64_t)XEN_DMOP_PCI_SBDF(0, 1, 3, 0) << 32) | 0xa12, addr);

	addr = 0x1234;
	CHECK_EQ(-ENOENT,
		 ioreq_server_pci_cfg_addr(0x7fffffff, 0xcfc, false, &addr));
	CHECK_EQ(-EINVAL,
		 ioreq_server_pci_cfg_addr(0x80000000, 0xcf8, false, &addr));
	CHECK_EQ(-EINVAL,
		 ioreq_server_pci_cfg_addr(0x80000000, 0xd00, false, &addr));
	CHECK_EQ(0x1234, addr);
}

int main(void)
{
	HVM_TEST(test_create_destroy);
	HVM_TEST(test_map_arguments);
	HVM_TEST(test_range_cap);
	HVM_TEST(test_select_pio);
	HVM_TEST(test_select_adjacent_claims_merge);
	HVM_TEST(test_select_mmio);
	HVM_TEST(test_select_mmio_overflow);
	HVM_TEST(test_select_pci_and_priority);
	HVM_TEST(test_pci_cfg_addr);
	return hvm_test_summary();
}
