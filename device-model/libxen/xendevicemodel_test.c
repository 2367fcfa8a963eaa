/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for libxendevicemodel against the fake hvm-domain: every
 * call's op and payload, the argument checks Xen's dm_op makes, errno
 * from the server, track_dirty_vram's bitmap and ENODATA rules, a domain
 * without a server (ENOENT, ECONNREFUSED), a server restart, and
 * concurrent callers sharing one connection.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xendevicemodel.h>

#include "hvm_test.h"
#include "xenlib_fake.h"
#include "xenlib_priv.h"

#define DOMID 7
#define THREADS 4
#define CALLS_PER_THREAD 200

static struct fake_dom *f;
static xendevicemodel_handle *dmod;

static void check_range(uint16_t op, uint16_t id, uint32_t type, uint64_t start,
			uint64_t end)
{
	struct ctl_ioreq_range r;

	fake_last(f, op, &r, sizeof(r));
	CHECK_EQ(id, r.id);
	CHECK_EQ(type, r.type);
	CHECK_EQ(start, r.start);
	CHECK_EQ(end, r.end);
}

static void test_ioreq_server_info(void)
{
	struct ctl_ioreq_create create;
	evtchn_port_t port = 0;
	xen_pfn_t gfn = 0;
	ioservid_t id = 0;

	CHECK_EQ(0, xendevicemodel_create_ioreq_server(dmod, DOMID, 2, &id));
	CHECK(id != 0);
	fake_last(f, CTL_OP_IOREQ_CREATE, &create, sizeof(create));
	CHECK_EQ(2, create.bufioreq);
	CHECK_EQ(0, xendevicemodel_get_ioreq_server_info(dmod, DOMID, id, NULL,
							 NULL, &port));
	CHECK_EQ(FAKE_BUF_PORT, port);
	CHECK_EQ(0, xendevicemodel_get_ioreq_server_info(dmod, DOMID, id, NULL,
							 NULL, NULL));
	errno = 0;
	CHECK_EQ(-1, xendevicemodel_get_ioreq_server_info(dmod, DOMID, id, &gfn,
							  NULL, &port));
	CHECK_EQ(EOPNOTSUPP, errno);
	CHECK_EQ(0, xendevicemodel_destroy_ioreq_server(dmod, DOMID, id));
}

static void test_ioreq_server_ranges(void)
{
	struct ctl_ioreq_state state;
	struct ctl_ioreq_id rid;
	ioservid_t id = 0;

	CHECK_EQ(0, xendevicemodel_create_ioreq_server(dmod, DOMID, 0, &id));
	CHECK_EQ(0, xendevicemodel_map_io_range_to_ioreq_server(
			    dmod, DOMID, id, 0, 0xcf8, 0xcfb));
	check_range(CTL_OP_IOREQ_MAP, id, XEN_DMOP_IO_RANGE_PORT, 0xcf8, 0xcfb);
	CHECK_EQ(0, xendevicemodel_map_io_range_to_ioreq_server(
			    dmod, DOMID, id, 1, 0xfee00000, 0xfeefffff));
	check_range(CTL_OP_IOREQ_MAP, id, XEN_DMOP_IO_RANGE_MEMORY, 0xfee00000,
		    0xfeefffff);
	CHECK_EQ(0, xendevicemodel_unmap_io_range_from_ioreq_server(
			    dmod, DOMID, id, 0, 0xcf8, 0xcfb));
	check_range(CTL_OP_IOREQ_UNMAP, id, XEN_DMOP_IO_RANGE_PORT, 0xcf8,
		    0xcfb);

	CHECK_EQ(0, xendevicemodel_set_ioreq_server_state(dmod, DOMID, id, 5));
	fake_last(f, CTL_OP_IOREQ_SET_STATE, &state, sizeof(state));
	CHECK_EQ(id, state.id);
	CHECK_EQ(1, state.enabled);
	CHECK_EQ(0, xendevicemodel_set_ioreq_server_state(dmod, DOMID, id, 0));
	fake_last(f, CTL_OP_IOREQ_SET_STATE, &state, sizeof(state));
	CHECK_EQ(0, state.enabled);

	CHECK_EQ(0, xendevicemodel_destroy_ioreq_server(dmod, DOMID, id));
	fake_last(f, CTL_OP_IOREQ_DESTROY, &rid, sizeof(rid));
	CHECK_EQ(id, rid.id);
	errno = 0;
	CHECK_EQ(-1, xendevicemodel_set_ioreq_server_state(dmod, DOMID, id, 1));
	CHECK_EQ(ENOENT, errno);
}

static void test_create_refusals(void)
{
	ioservid_t id = 0;

	errno = 0;
	CHECK_EQ(-1, xendevicemodel_create_ioreq_server(dmod, DOMID, 1, &id));
	CHECK_EQ(EOPNOTSUPP, errno);
	errno = 0;
	CHECK_EQ(-1, xendevicemodel_create_ioreq_server(dmod, DOMID, 3, &id));
	CHECK_EQ(EINVAL, errno);
}

static void test_pcidev(void)
{
	unsigned int before;
	ioservid_t id = 0;

	CHECK_EQ(0, xendevicemodel_create_ioreq_server(dmod, DOMID, 2, &id));
	CHECK_EQ(0, xendevicemodel_map_pcidev_to_ioreq_server(dmod, DOMID, id,
							      0, 0, 3, 1));
	check_range(CTL_OP_IOREQ_MAP, id, XEN_DMOP_IO_RANGE_PCI,
		    XEN_DMOP_PCI_SBDF(0, 0, 3, 1),
		    XEN_DMOP_PCI_SBDF(0, 0, 3, 1));
	CHECK_EQ(0x19, XEN_DMOP_PCI_SBDF(0, 0, 3, 1));
	CHECK_EQ(0, xendevicemodel_unmap_pcidev_from_ioreq_server(
			    dmod, DOMID, id, 0, 0, 3, 1));
	check_range(CTL_OP_IOREQ_UNMAP, id, XEN_DMOP_IO_RANGE_PCI, 0x19, 0x19);

	before = fake_count(f, CTL_OP_IOREQ_MAP);
	errno = 0;
	CHECK_EQ(-1, xendevicemodel_map_pcidev_to_ioreq_server(dmod, DOMID, id,
							       0, 0, 32, 0));
	CHECK_EQ(EINVAL, errno);
	errno = 0;
	CHECK_EQ(-1, xendevicemodel_map_pcidev_to_ioreq_server(dmod, DOMID, id,
							       0, 0, 3, 8));
	CHECK_EQ(EINVAL, errno);
	CHECK_EQ(before, fake_count(f, CTL_OP_IOREQ_MAP));
	CHECK_EQ(0, xendevicemodel_destroy_ioreq_server(dmod, DOMID, id));
}

static void test_irqs(void)
{
	struct ctl_pci_intx intx;
	struct ctl_pci_link link;
	struct ctl_isa_irq isa;
	struct ctl_msi msi;

	CHECK_EQ(0, xendevicemodel_set_isa_irq_level(dmod, DOMID, 12, 1));
	fake_last(f, CTL_OP_SET_ISA_IRQ, &isa, sizeof(isa));
	CHECK_EQ(12, isa.irq);
	CHECK_EQ(1, isa.level);
	CHECK_EQ(0,
		 xendevicemodel_set_pci_intx_level(dmod, DOMID, 0, 0, 4, 2, 1));
	fake_last(f, CTL_OP_SET_PCI_INTX, &intx, sizeof(intx));
	CHECK_EQ(0, intx.bus);
	CHECK_EQ(4, intx.device);
	CHECK_EQ(2, intx.intx);
	CHECK_EQ(1, intx.level);
	CHECK_EQ(0, xendevicemodel_set_pci_link_route(dmod, DOMID, 3, 11));
	fake_last(f, CTL_OP_SET_PCI_LINK, &link, sizeof(link));
	CHECK_EQ(3, link.link);
	CHECK_EQ(11, link.irq);
	CHECK_EQ(0, xendevicemodel_inject_msi(dmod, DOMID, 0xfee01000, 0x4031));
	fake_last(f, CTL_OP_INJECT_MSI, &msi, sizeof(msi));
	CHECK_EQ(0xfee01000, msi.addr);
	CHECK_EQ(0x4031, msi.data);
}

static void test_irq_refusals(void)
{
	unsigned int isa = fake_count(f, CTL_OP_SET_ISA_IRQ);
	unsigned int intx = fake_count(f, CTL_OP_SET_PCI_INTX);
	unsigned int link = fake_count(f, CTL_OP_SET_PCI_LINK);

	CHECK_EQ(-1, xendevicemodel_set_isa_irq_level(dmod, DOMID, 16, 0));
	CHECK_EQ(EINVAL, errno);
	CHECK_EQ(-1, xendevicemodel_set_isa_irq_level(dmod, DOMID, 3, 2));
	CHECK_EQ(-1,
		 xendevicemodel_set_pci_intx_level(dmod, DOMID, 1, 0, 4, 0, 1));
	CHECK_EQ(EINVAL, errno);
	CHECK_EQ(-1,
		 xendevicemodel_set_pci_intx_level(dmod, DOMID, 0, 1, 4, 0, 1));
	CHECK_EQ(-1, xendevicemodel_set_pci_intx_level(dmod, DOMID, 0, 0, 32, 0,
						       1));
	CHECK_EQ(-1,
		 xendevicemodel_set_pci_intx_level(dmod, DOMID, 0, 0, 4, 4, 1));
	CHECK_EQ(-1, xendevicemodel_set_pci_link_route(dmod, DOMID, 4, 5));
	CHECK_EQ(-1, xendevicemodel_set_pci_link_route(dmod, DOMID, 0, 16));
	CHECK_EQ(EINVAL, errno);
	CHECK_EQ(isa, fake_count(f, CTL_OP_SET_ISA_IRQ));
	CHECK_EQ(intx, fake_count(f, CTL_OP_SET_PCI_INTX));
	CHECK_EQ(link, fake_count(f, CTL_OP_SET_PCI_LINK));
}

static void test_shutdown_and_memory(void)
{
	struct ctl_shutdown sd;
	struct ctl_relocate rl;
	unsigned int vcpus = 0;

	CHECK_EQ(0, xendevicemodel_shutdown(dmod, DOMID, 1));
	fake_last(f, CTL_OP_SHUTDOWN, &sd, sizeof(sd));
	CHECK_EQ(1, sd.reason);
	/* The fake has no block at 0x1f000 yet: its ENOENT comes back. */
	errno = 0;
	CHECK_EQ(-1, xendevicemodel_relocate_memory(dmod, DOMID, 0x1000,
						    0x1f000, 0xf0000));
	CHECK_EQ(ENOENT, errno);
	fake_last(f, CTL_OP_RELOCATE, &rl, sizeof(rl));
	CHECK_EQ(0x1f000, rl.src_gfn);
	CHECK_EQ(0xf0000, rl.dst_gfn);
	CHECK_EQ(0x1000, rl.nr_pages);
	CHECK_EQ(0, xendevicemodel_pin_memory_cacheattr(dmod, DOMID, 0xf0000,
							0xf0fff, 6));
	CHECK_EQ(-1, xendevicemodel_pin_memory_cacheattr(dmod, DOMID, 2, 1, 6));
	CHECK_EQ(0, xendevicemodel_set_mem_type(dmod, DOMID, HVMMEM_ram_ro,
						0xc0, 0x40));
	CHECK_EQ(0, xendevicemodel_set_mem_type(dmod, DOMID, HVMMEM_ram_rw,
						0xc0, 0x40));
	CHECK_EQ(-1, xendevicemodel_set_mem_type(dmod, DOMID, HVMMEM_mmio_dm,
						 0xc0, 0x40));
	errno = 0;
	CHECK_EQ(-1, xendevicemodel_modified_memory(dmod, DOMID, 0x100, 1));
	CHECK_EQ(ENOSYS, errno);
	CHECK_EQ(0, xendevicemodel_nr_vcpus(dmod, DOMID, &vcpus));
	CHECK_EQ(FAKE_NR_VCPUS, vcpus);
	CHECK_EQ(-1,
		 xendevicemodel_inject_event(dmod, DOMID, 0, 14, 3, 0, 0, 0));
	CHECK_EQ(-1, xendevicemodel_map_mem_type_to_ioreq_server(dmod, DOMID, 1,
								 4, 0));
}

static void test_dirty_vram(void)
{
	unsigned long bm[3];
	struct ctl_dirty_req req;
	unsigned int before;

	memset(bm, 0xff, sizeof(bm));
	CHECK_EQ(0, xendevicemodel_track_dirty_vram(dmod, DOMID, 0xf0000, 100,
						    bm));
	fake_last(f, CTL_OP_DIRTY_VRAM, &req, sizeof(req));
	CHECK_EQ(0xf0000, req.first_pfn);
	CHECK_EQ(100, req.nr);
	CHECK_EQ(0x9249249249249249UL, bm[0]);
	/* Bits 64..99 of every third page; 100..127 cleared. */
	CHECK_EQ(0x0000000924924924UL, bm[1]);
	CHECK_EQ(~0UL, bm[2]);

	CHECK_EQ(0, xendevicemodel_track_dirty_vram(dmod, DOMID, 0, 0, NULL));
	fake_last(f, CTL_OP_DIRTY_VRAM, &req, sizeof(req));
	CHECK_EQ(0, req.nr);

	before = fake_count(f, CTL_OP_DIRTY_VRAM);
	errno = 0;
	CHECK_EQ(-1, xendevicemodel_track_dirty_vram(
			     dmod, DOMID, 0, CTL_DIRTY_MAX_PAGES + 1, bm));
	CHECK_EQ(ENODATA, errno);
	CHECK_EQ(-1, xendevicemodel_track_dirty_vram(dmod, DOMID, 0, 1, NULL));
	CHECK_EQ(EINVAL, errno);
	CHECK_EQ(before, fake_count(f, CTL_OP_DIRTY_VRAM));

	fake_set_rc(f, CTL_OP_DIRTY_VRAM, -ENODATA);
	CHECK_EQ(-1, xendevicemodel_track_dirty_vram(dmod, DOMID, 0, 64, bm));
	CHECK_EQ(ENODATA, errno);
	/* A hypervisor without the op must still get QEMU to redraw. */
	fake_set_rc(f, CTL_OP_DIRTY_VRAM, -EOPNOTSUPP);
	errno = 0;
	CHECK_EQ(-1, xendevicemodel_track_dirty_vram(dmod, DOMID, 0, 64, bm));
	CHECK_EQ(ENODATA, errno);
	fake_set_rc(f, CTL_OP_DIRTY_VRAM, 0);
}

static void test_server_errno(void)
{
	fake_set_rc(f, CTL_OP_SET_ISA_IRQ, -EBUSY);
	errno = 0;
	CHECK_EQ(-1, xendevicemodel_set_isa_irq_level(dmod, DOMID, 1, 0));
	CHECK_EQ(EBUSY, errno);
	fake_set_rc(f, CTL_OP_SET_ISA_IRQ, 0);
	CHECK_EQ(0, xendevicemodel_set_isa_irq_level(dmod, DOMID, 1, 0));
}

/* No socket: ENOENT; a socket nobody serves: ECONNREFUSED. */
static void test_no_server(void)
{
	char dir[128], path[160];
	int l;

	errno = 0;
	CHECK_EQ(-1, xendevicemodel_set_isa_irq_level(dmod, 99, 1, 0));
	CHECK_EQ(ENOENT, errno);
	snprintf(dir, sizeof(dir), "%s/98", fake_rundir());
	snprintf(path, sizeof(path), "%s/ctl", dir);
	CHECK_EQ(0, mkdir(dir, 0700));
	l = ctl_listen(path);
	CHECK(l >= 0);
	close(l);
	errno = 0;
	CHECK_EQ(-1, xendevicemodel_set_isa_irq_level(dmod, 98, 1, 0));
	CHECK_EQ(ECONNREFUSED, errno);
	CHECK_EQ(0, unlink(path));
	CHECK_EQ(0, rmdir(dir));
}

/* A lost hvm-domain fails one call; a new one is found by the next. */
static void test_server_restart(void)
{
	struct fake_dom *g = fake_start(DOMID + 1);

	CHECK_EQ(0, xendevicemodel_set_isa_irq_level(dmod, DOMID + 1, 1, 1));
	fake_stop(g);
	errno = 0;
	CHECK_EQ(-1, xendevicemodel_set_isa_irq_level(dmod, DOMID + 1, 1, 0));
	CHECK(errno == ECONNRESET || errno == EPIPE || errno == ENOENT);
	g = fake_start(DOMID + 1);
	CHECK_EQ(0, xendevicemodel_set_isa_irq_level(dmod, DOMID + 1, 1, 0));
	CHECK_EQ(1, fake_count(g, CTL_OP_SET_ISA_IRQ));
	fake_stop(g);
}

static void *irq_thread(void *arg)
{
	unsigned int i, *fails = arg;

	for (i = 0; i < CALLS_PER_THREAD; i++) {
		if (xendevicemodel_set_isa_irq_level(dmod, DOMID, i % 16,
						     i & 1))
			(*fails)++;
	}
	return NULL;
}

static void test_concurrent_callers(void)
{
	unsigned int fails[THREADS] = {0}, i, before;
	pthread_t t[THREADS];

	before = fake_count(f, CTL_OP_SET_ISA_IRQ);
	for (i = 0; i < THREADS; i++)
		CHECK_EQ(0, pthread_create(&t[i], NULL, irq_thread, &fails[i]));
	for (i = 0; i < THREADS; i++) {
		pthread_join(t[i], NULL);
		CHECK_EQ(0, fails[i]);
	}
	CHECK_EQ(before + THREADS * CALLS_PER_THREAD,
		 fake_count(f, CTL_OP_SET_ISA_IRQ));
}

int main(void)
{
	fake_rundir_init();
	f = fake_start(DOMID);
	dmod = xendevicemodel_open(NULL, 0);
	CHECK(dmod != NULL);
	if (f && dmod) {
		HVM_TEST(test_ioreq_server_info);
		HVM_TEST(test_ioreq_server_ranges);
		HVM_TEST(test_create_refusals);
		HVM_TEST(test_pcidev);
		HVM_TEST(test_irqs);
		HVM_TEST(test_irq_refusals);
		HVM_TEST(test_shutdown_and_memory);
		HVM_TEST(test_dirty_vram);
		HVM_TEST(test_server_errno);
		HVM_TEST(test_no_server);
		HVM_TEST(test_server_restart);
		HVM_TEST(test_concurrent_callers);
	}
	CHECK_EQ(0, xendevicemodel_close(dmod));
	xenlib_conn_reset_all();
	fake_stop(f);
	fake_rundir_cleanup();
	return hvm_test_summary();
}
