/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The grant-table test guest, built 32-bit (gnttab) and 64-bit (gnttab64):
 * the two layouts of setup_table and add_to_physmap. As Linux's
 * platform-pci.c does, it:
 *   asks query_size (1 frame, at most as many as hvm-domain's
 *   --max-grant-frames: it prints the maximum), keeps version 1
 *   (set_version(2) is refused, get_version says 1);
 *   lists its frames with setup_table before any is mapped (invalid);
 *   is refused a grant frame over its own RAM;
 *   maps frame 0 in the PCI hole, then frames 2 and 1 (highest first, as
 *   gnttab_expand), and sees setup_table list them there and query_size
 *   count 3; is refused the frame past the maximum and the v2 status bit;
 *   remaps frame 0 elsewhere, as a kexec'd kernel would: the block moves.
 * The 32-bit guest runs without paging, so it also writes an entry into
 * frame 0 and finds it again through the new place after the move: the
 * frames are memory the host keeps, not RAM of the guest's.
 */
/* Xen's headers expect the fixed-width types to be declared first. */
#include <stdint.h>
#include <xen/xen.h>
#include <xen/errno.h>
#include <xen/grant_table.h>
#include <xen/memory.h>

#include "guest.h"
#include "hypercall.h"

#ifdef __x86_64__
#define GUEST_NAME "gnttab64"
#else
#define GUEST_NAME "gnttab"
#endif
#define PAGE_SHIFT 12
/* In the PCI hole, where the platform device's MMIO BAR would be. */
#define GRANT_GFN 0xf1000UL
#define MOVED_GFN 0xf2000UL
/* The most frames query_size says the table may have (at least 3). */
static uint32_t max_frames;

static long gnttab_op(unsigned int cmd, void *arg, unsigned int count)
{
	return guest_hypercall3(__HYPERVISOR_grant_table_op, cmd,
				(uintptr_t)arg, count);
}

static long map_frame(unsigned long idx, unsigned long gfn)
{
	struct xen_add_to_physmap x = {
		.domid = DOMID_SELF,
		.space = XENMAPSPACE_grant_table,
		.idx = idx,
		.gpfn = gfn,
	};

	return guest_hypercall3(__HYPERVISOR_memory_op, XENMEM_add_to_physmap,
				(uintptr_t)&x, 0);
}

static struct gnttab_query_size query(void)
{
	struct gnttab_query_size q = {.dom = DOMID_SELF};
	long r = gnttab_op(GNTTABOP_query_size, &q, 1);

	GCHECK(r == 0, r);
	GCHECK(q.status == GNTST_okay, q.status);
	return q;
}

/* setup_table for @nr frames into @list; returns its status. */
static int16_t setup(uint32_t nr, xen_pfn_t *list)
{
	struct gnttab_setup_table s = {.dom = DOMID_SELF, .nr_frames = nr};
	long r;

	set_xen_guest_handle(s.frame_list, list);
	r = gnttab_op(GNTTABOP_setup_table, &s, 1);
	GCHECK(r == 0, r);
	return s.status;
}

static void check_size_and_version(void)
{
	struct gnttab_set_version sv = {.version = 2};
	struct gnttab_get_version gv = {.dom = DOMID_SELF};
	struct gnttab_query_size q;
	unsigned int before = guest_failures;
	long r;

	q = query();
	GCHECK(q.nr_frames == 1, q.nr_frames);
	max_frames = q.max_nr_frames;
	GCHECK(max_frames >= 3 && max_frames <= 64, max_frames);
	guest_puts(GUEST_NAME ": at most ");
	guest_putdec(max_frames);
	guest_puts(" grant frames\n");
	r = gnttab_op(GNTTABOP_set_version, &sv, 1);
	GCHECK(r == -XEN_ENOSYS, r);
	GCHECK(sv.version == 1, sv.version);
	sv.version = 1;
	r = gnttab_op(GNTTABOP_set_version, &sv, 1);
	GCHECK(r == 0, r);
	r = gnttab_op(GNTTABOP_get_version, &gv, 1);
	GCHECK(r == 0, r);
	GCHECK(gv.version == 1, gv.version);
	guest_pass(before, "1 frame, version 1");
}

static void check_unmapped(void)
{
	xen_pfn_t list[2] = {0, 0};
	unsigned int before = guest_failures;
	long r;

	GCHECK(setup(1, list) == GNTST_okay, 0);
	GCHECK(list[0] == (xen_pfn_t)~0UL, (uint32_t)list[0]);
	GCHECK(list[1] == 0, (uint32_t)list[1]);
	/* Page 0x200 is the guest's RAM: refused, not replaced. */
	r = map_frame(0, 0x200);
	GCHECK(r == -XEN_EINVAL, r);
	guest_pass(before, "no frame mapped yet, none over RAM");
}

static void check_mapped(void)
{
	xen_pfn_t list[3] = {0, 0, 0};
	unsigned int before = guest_failures;
	long r;

	r = map_frame(0, GRANT_GFN);
	GCHECK(r == 0, r);
	r = map_frame(2, GRANT_GFN + 2);
	GCHECK(r == 0, r);
	r = map_frame(1, GRANT_GFN + 1);
	GCHECK(r == 0, r);
	GCHECK(query().nr_frames == 3, query().nr_frames);
	GCHECK(setup(3, list) == GNTST_okay, 0);
	GCHECK(list[0] == GRANT_GFN, (uint32_t)list[0]);
	GCHECK(list[2] == GRANT_GFN + 2, (uint32_t)list[2]);
	r = map_frame(max_frames, GRANT_GFN + max_frames);
	GCHECK(r == -XEN_EINVAL, r);
	r = map_frame(XENMAPIDX_grant_table_status, GRANT_GFN);
	GCHECK(r == -XEN_EINVAL, r);
	GCHECK(setup(max_frames + 1, list) == GNTST_general_error, 0);
	guest_pass(before, "frames 0, 2, 1 mapped and listed");
}

static void check_moved(void)
{
	xen_pfn_t list[1] = {0};
	unsigned int before = guest_failures;
	long r;
#ifndef __x86_64__
	/* Without paging, guest-physical is linear. */
	volatile grant_entry_v1_t *e =
		(volatile grant_entry_v1_t *)(GRANT_GFN << PAGE_SHIFT);
	volatile grant_entry_v1_t *moved =
		(volatile grant_entry_v1_t *)(MOVED_GFN << PAGE_SHIFT);

	e[8].domid = 0;
	e[8].frame = 0x1234;
	e[8].flags = GTF_permit_access | GTF_readonly;
	GCHECK(e[8].frame == 0x1234, e[8].frame);
#endif
	r = map_frame(0, MOVED_GFN);
	GCHECK(r == 0, r);
	GCHECK(setup(1, list) == GNTST_okay, 0);
	GCHECK(list[0] == MOVED_GFN, (uint32_t)list[0]);
	GCHECK(query().nr_frames == 3, query().nr_frames);
#ifndef __x86_64__
	GCHECK(moved[8].frame == 0x1234, moved[8].frame);
	GCHECK(moved[8].flags == (GTF_permit_access | GTF_readonly),
	       moved[8].flags);
#endif
	guest_pass(before, "frame 0 remapped: the block moved");
}

void guest_main(void *start_info);
void guest_main(void *start_info)
{
	(void)start_info;
	guest_hypercall_init();
	guest_puts(GUEST_NAME ": started\n");
	check_size_and_version();
	check_unmapped();
	check_mapped();
	check_moved();
	guest_finish(GUEST_NAME);
}
