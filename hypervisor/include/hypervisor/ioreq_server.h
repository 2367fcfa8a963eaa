/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A domain's ioreq servers: the device models (normally one QEMU) that
 * registered port, MMIO and PCI-device ranges through
 * XEN_DMOP_map_io_range_to_ioreq_server, and the selection of the server
 * that handles a given access (dm-abi.md 3.6, Xen's ioreq_server_select).
 * Also builds the IOREQ_TYPE_PCI_CONFIG address for a CF8/CFC access.
 *
 * Pure bookkeeping: no shared pages, event channels or locking here. The
 * owner serialises all calls on one table (the dm_op path and the vCPU exit
 * path take the same domain lock).
 */
#ifndef HYPERVISOR_IOREQ_SERVER_H
#define HYPERVISOR_IOREQ_SERVER_H

#include <stdbool.h>
#include <stdint.h>

#include <xen/hvm/dm_op.h>
#include <xen/hvm/ioreq.h>

#include "hypervisor/rangeset.h"

/* Servers per domain; Xen allows 8 as well (MAX_NR_IOREQ_SERVERS). */
#define IOREQ_SERVER_MAX 8

/* Range types, indexed by the XEN_DMOP_IO_RANGE_* value. */
#define IOREQ_SERVER_NR_RANGE_TYPES (XEN_DMOP_IO_RANGE_PCI + 1)

/* Configuration mechanism #1 ports (PCI Local Bus 3.0 3.2.2.3.2). */
#define IOREQ_SERVER_PCI_CF8 0xcf8
#define IOREQ_SERVER_PCI_CFC 0xcfc

struct ioreq_server {
	bool in_use;
	bool enabled;
	uint16_t id; /* ioservid_t, the index in the table */
	/* Claimed ranges, indexed by XEN_DMOP_IO_RANGE_*. */
	struct rangeset ranges[IOREQ_SERVER_NR_RANGE_TYPES];
};

struct ioreq_server_table {
	struct ioreq_server servers[IOREQ_SERVER_MAX];
};

/* Makes @t a table with no servers. Allocates nothing. */
void ioreq_server_table_init(struct ioreq_server_table *t);

/* Destroys every server in @t. Idempotent. */
void ioreq_server_table_destroy(struct ioreq_server_table *t);

/*
 * Creates a disabled server with no ranges and returns its id in @id (the
 * lowest free one). The buffered-ring mode QEMU asks for is the caller's
 * business (see ioreq_bufring.h). Returns 0, or -ENOSPC when all
 * IOREQ_SERVER_MAX servers exist.
 */
int ioreq_server_create(struct ioreq_server_table *t, uint16_t *id)
	__attribute__((warn_unused_result));

/* Destroys server @id and its ranges. Returns 0 or -ENOENT. */
int ioreq_server_destroy(struct ioreq_server_table *t, uint16_t id)
	__attribute__((warn_unused_result));

/*
 * Looks up server @id. Returns it, or NULL if no such server exists. The
 * pointer is valid until the server is destroyed.
 */
struct ioreq_server *ioreq_server_get(struct ioreq_server_table *t,
				      uint16_t id);

/*
 * Enables or disables server @id; only enabled servers are selected
 * (dm-abi.md 3.6 rule 7). Returns 0 or -ENOENT.
 */
int ioreq_server_set_enabled(struct ioreq_server_table *t, uint16_t id,
			     bool enabled) __attribute__((warn_unused_result));

/*
 * Claims [@start, @end] of @type (XEN_DMOP_IO_RANGE_PORT, _MEMORY or _PCI;
 * PCI ranges are SBDF values as XEN_DMOP_PCI_SBDF encodes them) for server
 * @id. Returns 0, -ENOENT for an unknown server, -EINVAL for a bad type or
 * @start > @end, -EEXIST if the range overlaps one this server already
 * claimed (as Xen), -ENOSPC at the cap of RANGESET_MAX_RANGES, or -ENOMEM.
 */
int ioreq_server_map_range(struct ioreq_server_table *t, uint16_t id,
			   uint32_t type, uint64_t start, uint64_t end)
	__attribute__((warn_unused_result));

/*
 * Releases [@start, @end] of @type from server @id. Returns 0, -ENOENT for
 * an unknown server or a range that is not wholly claimed (as Xen),
 * -EINVAL for a bad type or @start > @end, -ENOSPC if the split would
 * exceed the cap, or -ENOMEM.
 */
int ioreq_server_unmap_range(struct ioreq_server_table *t, uint16_t id,
			     uint32_t type, uint64_t start, uint64_t end)
	__attribute__((warn_unused_result));

/*
 * Returns the enabled server that claimed the access @p is about to make,
 * or NULL if none did (the caller then answers reads with all-ones and
 * drops writes, dm-abi.md 3.6 rule 6). Uses p->type, addr, size, count and
 * df:
 * - IOREQ_TYPE_PIO: [addr, addr + size - 1] inside one port range;
 * - IOREQ_TYPE_COPY: every byte of the count elements, walking down when
 *   df is set, inside one MMIO range;
 * - IOREQ_TYPE_PCI_CONFIG: the SBDF in addr bits 63:32 is claimed.
 * Other types and accesses that wrap past 2^64 match nothing. Like Xen,
 * servers are tried from the highest id down.
 */
struct ioreq_server *ioreq_server_select(struct ioreq_server_table *t,
					 const struct ioreq *p);

/*
 * Builds the IOREQ_TYPE_PCI_CONFIG address for an access to @port
 * (0xCFC-0xCFF) while @cf8 is the value last written to 0xCF8 as a dword:
 * SBDF (segment 0, bus 23:16, device 15:11, function 10:8) in bits 63:32,
 * register (cf8 bits 7:2 plus the byte offset port - 0xCFC) in bits 31:0
 * (dm-abi.md 3.6 rule 5). With @amd_ext_reg, cf8 bits 27:24 also become
 * register bits 11:8, the AMD family 10h-16h extension (NB_CFG bit 46)
 * that Xen honours; pass false unless the guest has that enabled.
 * Returns 0 and stores the address in @addr, -ENOENT if @cf8 bit 31 is
 * clear (the access is plain port I/O), or -EINVAL if @port is not a data
 * port.
 */
int ioreq_server_pci_cfg_addr(uint32_t cf8, uint16_t port, bool amd_ext_reg,
			      uint64_t *addr)
	__attribute__((warn_unused_result));

#endif /* HYPERVISOR_IOREQ_SERVER_H */
