/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libxenctrl.so.4.17: the 16 functions Debian's Xen QEMU imports
 * (dm-abi.md 2.2), not the rest of Xen's control library. Populating
 * memory and shutdown go to hvm-domain; S3 is not offered, so the ACPI
 * sleep-state parameter is accepted and ignored; the PCI passthrough calls
 * fail with ENOSYS, which makes a passthrough device fail to realize.
 */
#define _GNU_SOURCE
#include "xenlib_priv.h"

#include <stdlib.h>

#pragma GCC visibility push(default)
#include <xenctrl.h>
#pragma GCC visibility pop

struct xc_interface_core {
	unsigned int open_flags;
};

xc_interface *xc_interface_open(xentoollog_logger *logger,
				xentoollog_logger *dombuild_logger,
				unsigned open_flags)
{
	xc_interface *xch = calloc(1, sizeof(*xch));

	(void)logger;
	(void)dombuild_logger;
	if (!xch)
		return NULL;
	xch->open_flags = open_flags;
	return xch;
}

int xc_interface_close(xc_interface *xch)
{
	free(xch);
	return 0;
}

static int populate_run(uint32_t domid, uint64_t gfn, uint64_t nr)
{
	struct ctl_populate req = {.gfn = gfn, .nr_pages = nr};

	return xenlib_conn_call(domid, CTL_OP_POPULATE, &req, NULL, NULL, 0,
				NULL);
}

/*
 * One POPULATE per run of consecutive frames (QEMU sends one run per RAM
 * block). Runs already populated stay so if a later run fails: there is no
 * way to give memory back, and QEMU exits on this failure anyway.
 */
static int populate(uint32_t domid, unsigned long nr, const xen_pfn_t *gfns)
{
	unsigned long i = 0, n;
	int rc = 0;

	while (!rc && i < nr) {
		n = 1;
		while (i + n < nr && gfns[i + n] == gfns[i] + n)
			n++;
		rc = populate_run(domid, gfns[i], n);
		i += n;
	}
	xenlib_mem_invalidate(domid);
	return rc;
}

int xc_domain_populate_physmap_exact(xc_interface *xch, uint32_t domid,
				     unsigned long nr_extents,
				     unsigned int extent_order,
				     unsigned int mem_flags,
				     xen_pfn_t *extent_start)
{
	/* mem_flags (NUMA node, address width) do not apply to us. */
	(void)mem_flags;
	if (!xch || (nr_extents && !extent_start))
		return xenlib_ret(-EINVAL);
	if (extent_order != 0) {
		xenlib_log(
			XENLIB_LOG_WARN, domid,
			"populate with extent order %u refused: only 4 KiB extents are supported",
			extent_order);
		return xenlib_ret(-EINVAL);
	}
	return xenlib_ret(populate(domid, nr_extents, extent_start));
}

int xc_domain_shutdown(xc_interface *xch, uint32_t domid, int reason)
{
	struct ctl_shutdown req = {.reason = (uint32_t)reason};

	if (!xch || reason < 0)
		return xenlib_ret(-EINVAL);
	return xenlib_ret(xenlib_conn_call(domid, CTL_OP_SHUTDOWN, &req, NULL,
					   NULL, 0, NULL));
}

/*
 * HVM_PARAM_ACPI_S_STATE is the only parameter QEMU sets (3 on S3 entry,
 * 0 on wake-up). Our firmware offers no _S3, so a guest never gets there;
 * the call succeeds without effect, as dm-abi.md 2.2 allows.
 */
int xc_set_hvm_param(xc_interface *handle, uint32_t dom, int param,
		     unsigned long value)
{
	if (!handle)
		return xenlib_ret(-EINVAL);
	if (param == HVM_PARAM_ACPI_S_STATE) {
		xenlib_log(
			XENLIB_LOG_INFO, dom,
			"ACPI sleep state %lu requested; S3 is not supported, ignored",
			value);
		return 0;
	}
	return xenlib_ret(-ENOSYS);
}

/* Only reached in QEMU's legacy default-server fallback, which we refuse. */
int xc_get_hvm_param(xc_interface *handle, uint32_t dom, int param,
		     unsigned long *value)
{
	(void)dom;
	if (!handle || !value)
		return xenlib_ret(-EINVAL);
	if (param == HVM_PARAM_ACPI_S_STATE) {
		*value = 0;
		return 0;
	}
	return xenlib_ret(-ENOSYS);
}

/* PCI passthrough (dm-abi.md 2.2): not supported, fail cleanly. */
int xc_domain_bind_pt_pci_irq(xc_interface *xch, uint32_t domid,
			      uint8_t machine_irq, uint8_t bus, uint8_t device,
			      uint8_t intx)
{
	(void)xch, (void)domid, (void)machine_irq, (void)bus, (void)device;
	(void)intx;
	return xenlib_ret(-ENOSYS);
}

int xc_domain_unbind_pt_irq(xc_interface *xch, uint32_t domid,
			    uint8_t machine_irq, uint8_t irq_type, uint8_t bus,
			    uint8_t device, uint8_t intx, uint8_t isa_irq)
{
	(void)xch, (void)domid, (void)machine_irq, (void)irq_type, (void)bus;
	(void)device, (void)intx, (void)isa_irq;
	return xenlib_ret(-ENOSYS);
}

int xc_domain_update_msi_irq(xc_interface *xch, uint32_t domid, uint32_t gvec,
			     uint32_t pirq, uint32_t gflags, uint64_t gtable)
{
	(void)xch, (void)domid, (void)gvec, (void)pirq, (void)gflags;
	(void)gtable;
	return xenlib_ret(-ENOSYS);
}

int xc_domain_unbind_msi_irq(xc_interface *xch, uint32_t domid, uint32_t gvec,
			     uint32_t pirq, uint32_t gflags)
{
	(void)xch, (void)domid, (void)gvec, (void)pirq, (void)gflags;
	return xenlib_ret(-ENOSYS);
}

int xc_physdev_map_pirq(xc_interface *xch, uint32_t domid, int index, int *pirq)
{
	(void)xch, (void)domid, (void)index, (void)pirq;
	return xenlib_ret(-ENOSYS);
}

int xc_physdev_map_pirq_msi(xc_interface *xch, uint32_t domid, int index,
			    int *pirq, int devfn, int bus, int entry_nr,
			    uint64_t table_base)
{
	(void)xch, (void)domid, (void)index, (void)pirq, (void)devfn;
	(void)bus, (void)entry_nr, (void)table_base;
	return xenlib_ret(-ENOSYS);
}

int xc_physdev_unmap_pirq(xc_interface *xch, uint32_t domid, int pirq)
{
	(void)xch, (void)domid, (void)pirq;
	return xenlib_ret(-ENOSYS);
}

int xc_domain_memory_mapping(xc_interface *xch, uint32_t domid,
			     unsigned long first_gfn, unsigned long first_mfn,
			     unsigned long nr_mfns, uint32_t add_mapping)
{
	(void)xch, (void)domid, (void)first_gfn, (void)first_mfn;
	(void)nr_mfns, (void)add_mapping;
	return xenlib_ret(-ENOSYS);
}

int xc_domain_ioport_mapping(xc_interface *xch, uint32_t domid,
			     uint32_t first_gport, uint32_t first_mport,
			     uint32_t nr_ports, uint32_t add_mapping)
{
	(void)xch, (void)domid, (void)first_gport, (void)first_mport;
	(void)nr_ports, (void)add_mapping;
	return xenlib_ret(-ENOSYS);
}

int xc_domain_iomem_permission(xc_interface *xch, uint32_t domid,
			       unsigned long first_mfn, unsigned long nr_mfns,
			       uint8_t allow_access)
{
	(void)xch, (void)domid, (void)first_mfn, (void)nr_mfns;
	(void)allow_access;
	return xenlib_ret(-ENOSYS);
}
