/* SPDX-License-Identifier: GPL-2.0-only */
/* Unit tests of the unplug mask filter (xen_unplug.c). */
#include "hypervisor/xen_unplug.h"

#include "hvm_test.h"

static void test_masks(void)
{
	/* Linux with blkfront and netfront: disks and NICs. */
	CHECK_EQ(XEN_UNPLUG_ALL_DISKS, xen_unplug_filter(0x10, 2, 0x3));
	CHECK_EQ(XEN_UNPLUG_ALL_DISKS, xen_unplug_filter(0x10, 2, 0x1));
	CHECK_EQ(0, xen_unplug_filter(0x10, 2, XEN_UNPLUG_ALL_NICS));
	CHECK_EQ(XEN_UNPLUG_AUX_DISKS | XEN_UNPLUG_NVME_DISKS,
		 xen_unplug_filter(0x10, 2, 0xe));
	/* Bits the protocol does not define pass as they are. */
	CHECK_EQ(0xfffd, xen_unplug_filter(0x10, 2, 0xffff));
}

static void test_other_accesses(void)
{
	/* The driver version (4 bytes), the product number at 0x12. */
	CHECK_EQ(0x3, xen_unplug_filter(0x10, 4, 0x3));
	CHECK_EQ(0x3, xen_unplug_filter(0x12, 2, 0x3));
	CHECK_EQ(0x2, xen_unplug_filter(0x10, 1, 0x2));
	CHECK_EQ(0x2, xen_unplug_filter(0x11, 2, 0x2));
	CHECK_EQ(0x3, xen_unplug_filter(0x1f0, 2, 0x3));
}

int main(void)
{
	HVM_TEST(test_masks);
	HVM_TEST(test_other_accesses);
	return hvm_test_summary();
}
