/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libxendevicemodel.so.1, part 1: handles and the ioreq server calls
 * (dm-abi.md 2.3, 3), each one control-socket op of the named domain. The
 * interrupt, memory and shutdown calls are in xendevicemodel_ops.c.
 *
 * Only the modern resource path exists: get_ioreq_server_info cannot
 * return the legacy ioreq GFNs (the pages are not guest memory here) and
 * fails with EOPNOTSUPP if asked for them.
 */
#define _GNU_SOURCE
#include "xenlib_priv.h"

#include <stdlib.h>

#pragma GCC visibility push(default)
#include <xendevicemodel.h>
#pragma GCC visibility pop

/* Xen's dm_op limits on a PCI function's address (PCI 3.0 3.2.2.3.2). */
#define PCI_MAX_DEVICE 0x1f
#define PCI_MAX_FUNCTION 0x7

struct xendevicemodel_handle {
	unsigned int open_flags;
};

xendevicemodel_handle *xendevicemodel_open(struct xentoollog_logger *logger,
					   unsigned int open_flags)
{
	xendevicemodel_handle *dmod = calloc(1, sizeof(*dmod));

	(void)logger;
	if (!dmod)
		return NULL;
	dmod->open_flags = open_flags;
	return dmod;
}

int xendevicemodel_close(xendevicemodel_handle *dmod)
{
	free(dmod);
	return 0;
}

/* A request without reply payload or descriptors. */
static int call(domid_t domid, uint16_t op, const void *req)
{
	return xenlib_ret(
		xenlib_conn_call(domid, op, req, NULL, NULL, 0, NULL));
}

int xendevicemodel_create_ioreq_server(xendevicemodel_handle *dmod,
				       domid_t domid, int handle_bufioreq,
				       ioservid_t *id)
{
	struct ctl_ioreq_create req = {.bufioreq = (uint8_t)handle_bufioreq};
	struct ctl_ioreq_id resp;
	int rc;

	if (!dmod || !id || handle_bufioreq < HVM_IOREQSRV_BUFIOREQ_OFF ||
	    handle_bufioreq > HVM_IOREQSRV_BUFIOREQ_ATOMIC)
		return xenlib_ret(-EINVAL);
	rc = xenlib_conn_call(domid, CTL_OP_IOREQ_CREATE, &req, &resp, NULL, 0,
			      NULL);
	if (rc)
		return xenlib_ret(rc);
	*id = resp.id;
	return 0;
}

int xendevicemodel_get_ioreq_server_info(xendevicemodel_handle *dmod,
					 domid_t domid, ioservid_t id,
					 xen_pfn_t *ioreq_gfn,
					 xen_pfn_t *bufioreq_gfn,
					 evtchn_port_t *bufioreq_port)
{
	struct ctl_ioreq_info info;
	int rc;

	if (!dmod)
		return xenlib_ret(-EINVAL);
	if (ioreq_gfn || bufioreq_gfn) {
		xenlib_log(
			XENLIB_LOG_WARN, domid,
			"ioreq server %u: legacy page GFNs requested; only xenforeignmemory_map_resource is supported",
			id);
		return xenlib_ret(-EOPNOTSUPP);
	}
	rc = xenlib_conn_ioreq_info(domid, id, &info, NULL);
	if (rc)
		return xenlib_ret(rc);
	if (bufioreq_port)
		*bufioreq_port = info.buf_port;
	return 0;
}

static int range(domid_t domid, uint16_t op, ioservid_t id, uint32_t type,
		 uint64_t start, uint64_t end)
{
	struct ctl_ioreq_range req = {
		.id = id, .type = type, .start = start, .end = end};

	return call(domid, op, &req);
}

int xendevicemodel_map_io_range_to_ioreq_server(xendevicemodel_handle *dmod,
						domid_t domid, ioservid_t id,
						int is_mmio, uint64_t start,
						uint64_t end)
{
	if (!dmod)
		return xenlib_ret(-EINVAL);
	return range(domid, CTL_OP_IOREQ_MAP, id,
		     is_mmio ? XEN_DMOP_IO_RANGE_MEMORY
			     : XEN_DMOP_IO_RANGE_PORT,
		     start, end);
}

int xendevicemodel_unmap_io_range_from_ioreq_server(xendevicemodel_handle *dmod,
						    domid_t domid,
						    ioservid_t id, int is_mmio,
						    uint64_t start,
						    uint64_t end)
{
	if (!dmod)
		return xenlib_ret(-EINVAL);
	return range(domid, CTL_OP_IOREQ_UNMAP, id,
		     is_mmio ? XEN_DMOP_IO_RANGE_MEMORY
			     : XEN_DMOP_IO_RANGE_PORT,
		     start, end);
}

/* A PCI function is the one-element range [sbdf, sbdf]. */
static int pcidev(xendevicemodel_handle *dmod, domid_t domid, uint16_t op,
		  ioservid_t id, uint16_t segment, uint8_t bus, uint8_t device,
		  uint8_t function)
{
	uint64_t sbdf;

	/* XEN_DMOP_PCI_SBDF() masks: refuse what it would silently alias. */
	if (!dmod || device > PCI_MAX_DEVICE || function > PCI_MAX_FUNCTION)
		return xenlib_ret(-EINVAL);
	sbdf = XEN_DMOP_PCI_SBDF(segment, bus, device, function);
	return range(domid, op, id, XEN_DMOP_IO_RANGE_PCI, sbdf, sbdf);
}

int xendevicemodel_map_pcidev_to_ioreq_server(xendevicemodel_handle *dmod,
					      domid_t domid, ioservid_t id,
					      uint16_t segment, uint8_t bus,
					      uint8_t device, uint8_t function)
{
	return pcidev(dmod, domid, CTL_OP_IOREQ_MAP, id, segment, bus, device,
		      function);
}

int xendevicemodel_unmap_pcidev_from_ioreq_server(xendevicemodel_handle *dmod,
						  domid_t domid, ioservid_t id,
						  uint16_t segment, uint8_t bus,
						  uint8_t device,
						  uint8_t function)
{
	return pcidev(dmod, domid, CTL_OP_IOREQ_UNMAP, id, segment, bus, device,
		      function);
}

int xendevicemodel_destroy_ioreq_server(xendevicemodel_handle *dmod,
					domid_t domid, ioservid_t id)
{
	struct ctl_ioreq_id req = {.id = id};

	if (!dmod)
		return xenlib_ret(-EINVAL);
	return call(domid, CTL_OP_IOREQ_DESTROY, &req);
}

int xendevicemodel_set_ioreq_server_state(xendevicemodel_handle *dmod,
					  domid_t domid, ioservid_t id,
					  int enabled)
{
	struct ctl_ioreq_state req = {.id = id, .enabled = enabled != 0};

	if (!dmod)
		return xenlib_ret(-EINVAL);
	return call(domid, CTL_OP_IOREQ_SET_STATE, &req);
}

/* Claiming p2m types for a server needs Xen's p2m: not supported. */
int xendevicemodel_map_mem_type_to_ioreq_server(xendevicemodel_handle *dmod,
						domid_t domid, ioservid_t id,
						uint16_t type, uint32_t flags)
{
	(void)dmod, (void)domid, (void)id, (void)type, (void)flags;
	return xenlib_ret(-EOPNOTSUPP);
}

int xendevicemodel_nr_vcpus(xendevicemodel_handle *dmod, domid_t domid,
			    unsigned int *vcpus)
{
	struct ctl_domain_info info;
	int rc;

	if (!dmod || !vcpus)
		return xenlib_ret(-EINVAL);
	rc = xenlib_conn_call(domid, CTL_OP_QUERY, NULL, &info, NULL, 0, NULL);
	if (rc)
		return xenlib_ret(rc);
	*vcpus = info.nr_vcpus;
	return 0;
}

/*
 * Restricting a handle to one domain needs kernel support we do not have
 * (the control socket's file mode is the access check): say so.
 */
int xendevicemodel_restrict(xendevicemodel_handle *dmod, domid_t domid)
{
	(void)dmod, (void)domid;
	return xenlib_ret(-EOPNOTSUPP);
}
