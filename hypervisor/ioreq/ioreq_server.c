/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The per-domain ioreq server table and the choice of server for an access
 * (see ioreq_server.h). Range bookkeeping follows the semantics of Xen
 * 4.17's XEN_DMOP_{map,unmap}_io_range_*_ioreq_server, selection follows
 * dm-abi.md 3.6. Shared pages, ports and the buffered-ring mode belong to
 * the caller.
 */
#include "hypervisor/ioreq_server.h"

#include <errno.h>
#include <stddef.h>

/* Configuration mechanism #1 address register (PCI Local Bus 3.0 3.2.2.3.2). */
#define CF8_ENABLE (1U << 31)
#define CF8_BDF_MASK 0x00ffff00U /* bus 23:16, device 15:11, function 10:8 */
#define CF8_BDF_SHIFT 8
#define CF8_REG_MASK 0x000000fcU /* dword register number, bits 7:2 */
/* AMD family 10h-16h: cf8 bits 27:24 are register bits 11:8 (BKDG, NB_CFG). */
#define CF8_EXT_REG_MASK 0x0f000000U
#define CF8_EXT_REG_SHIFT 16
/* 0xCFC-0xCFF select the byte within the dword. */
#define CFC_BYTE_MASK 3U

void ioreq_server_table_init(struct ioreq_server_table *t)
{
	unsigned int i, type;

	for (i = 0; i < IOREQ_SERVER_MAX; i++) {
		struct ioreq_server *s = &t->servers[i];

		s->in_use = false;
		s->enabled = false;
		s->id = (uint16_t)i;
		for (type = 0; type < IOREQ_SERVER_NR_RANGE_TYPES; type++)
			rangeset_init(&s->ranges[type], RANGESET_MAX_RANGES);
	}
}

static void server_reset(struct ioreq_server *s)
{
	unsigned int type;

	for (type = 0; type < IOREQ_SERVER_NR_RANGE_TYPES; type++)
		rangeset_destroy(&s->ranges[type]);
	s->in_use = false;
	s->enabled = false;
}

void ioreq_server_table_destroy(struct ioreq_server_table *t)
{
	unsigned int i;

	for (i = 0; i < IOREQ_SERVER_MAX; i++)
		server_reset(&t->servers[i]);
}

int ioreq_server_create(struct ioreq_server_table *t, uint16_t *id)
{
	unsigned int i;

	for (i = 0; i < IOREQ_SERVER_MAX; i++) {
		struct ioreq_server *s = &t->servers[i];

		if (s->in_use)
			continue;
		/* Xen creates servers disabled; QEMU enables it when ready. */
		s->in_use = true;
		s->enabled = false;
		*id = s->id;
		return 0;
	}
	return -ENOSPC;
}

struct ioreq_server *ioreq_server_get(struct ioreq_server_table *t, uint16_t id)
{
	/* @id comes from the device model: bound it before indexing. */
	if (id >= IOREQ_SERVER_MAX || !t->servers[id].in_use)
		return NULL;
	return &t->servers[id];
}

int ioreq_server_destroy(struct ioreq_server_table *t, uint16_t id)
{
	struct ioreq_server *s = ioreq_server_get(t, id);

	if (!s)
		return -ENOENT;
	server_reset(s);
	return 0;
}

int ioreq_server_set_enabled(struct ioreq_server_table *t, uint16_t id,
			     bool enabled)
{
	struct ioreq_server *s = ioreq_server_get(t, id);

	if (!s)
		return -ENOENT;
	s->enabled = enabled;
	return 0;
}

/* Checks a map/unmap request and finds the rangeset it applies to. */
static int range_lookup(struct ioreq_server_table *t, uint16_t id,
			uint32_t type, uint64_t start, uint64_t end,
			struct rangeset **out)
{
	struct ioreq_server *s = ioreq_server_get(t, id);

	if (!s)
		return -ENOENT;
	if (type >= IOREQ_SERVER_NR_RANGE_TYPES || start > end)
		return -EINVAL;
	*out = &s->ranges[type];
	return 0;
}

int ioreq_server_map_range(struct ioreq_server_table *t, uint16_t id,
			   uint32_t type, uint64_t start, uint64_t end)
{
	struct rangeset *r;
	int rc;

	rc = range_lookup(t, id, type, start, end, &r);
	if (rc)
		return rc;
	/* Xen refuses a claim that overlaps one the server already holds. */
	if (rangeset_overlaps(r, start, end))
		return -EEXIST;
	return rangeset_add(r, start, end);
}

int ioreq_server_unmap_range(struct ioreq_server_table *t, uint16_t id,
			     uint32_t type, uint64_t start, uint64_t end)
{
	struct rangeset *r;
	int rc;

	rc = range_lookup(t, id, type, start, end, &r);
	if (rc)
		return rc;
	/* Xen only releases what is wholly claimed. */
	if (!rangeset_contains_range(r, start, end))
		return -ENOENT;
	return rangeset_remove(r, start, end);
}

/*
 * First and last byte a COPY request touches, over all count elements
 * (dm-abi.md 3.6 rule 4). False if the span is empty or wraps past 2^64.
 */
static bool mmio_span(const struct ioreq *p, uint64_t *first, uint64_t *last)
{
	uint64_t size = p->size;
	uint64_t reps; /* (count - 1) * size: both below 2^32, cannot wrap */

	if (p->count == 0 || size == 0)
		return false;
	reps = (uint64_t)(p->count - 1) * size;
	if (p->df) {
		if (reps > p->addr || size - 1 > UINT64_MAX - p->addr)
			return false;
		*first = p->addr - reps;
		*last = p->addr + (size - 1);
		return true;
	}
	if (reps > UINT64_MAX - p->addr ||
	    size - 1 > UINT64_MAX - p->addr - reps)
		return false;
	*first = p->addr;
	*last = p->addr + reps + (size - 1);
	return true;
}

static bool server_claims(const struct ioreq_server *s, const struct ioreq *p,
			  uint64_t first, uint64_t last)
{
	const struct rangeset *r;
	uint64_t sbdf;

	switch (p->type) {
	case IOREQ_TYPE_PIO:
		/* Rep ins/outs hit the same port: count does not matter. */
		r = &s->ranges[XEN_DMOP_IO_RANGE_PORT];
		return rangeset_contains(r, p->addr, p->size);
	case IOREQ_TYPE_COPY:
		r = &s->ranges[XEN_DMOP_IO_RANGE_MEMORY];
		return rangeset_contains_range(r, first, last);
	case IOREQ_TYPE_PCI_CONFIG:
		sbdf = p->addr >> 32;
		r = &s->ranges[XEN_DMOP_IO_RANGE_PCI];
		return rangeset_contains_range(r, sbdf, sbdf);
	default:
		return false;
	}
}

struct ioreq_server *ioreq_server_select(struct ioreq_server_table *t,
					 const struct ioreq *p)
{
	uint64_t first = 0, last = 0;
	unsigned int i;

	if (p->type == IOREQ_TYPE_COPY && !mmio_span(p, &first, &last))
		return NULL;

	/* Xen walks its servers from the highest id down; keep that order. */
	for (i = IOREQ_SERVER_MAX; i-- > 0;) {
		struct ioreq_server *s = &t->servers[i];

		if (s->in_use && s->enabled && server_claims(s, p, first, last))
			return s;
	}
	return NULL;
}

int ioreq_server_pci_cfg_addr(uint32_t cf8, uint16_t port, bool amd_ext_reg,
			      uint64_t *addr)
{
	uint64_t sbdf;
	uint32_t reg;

	if (port < IOREQ_SERVER_PCI_CFC ||
	    port > IOREQ_SERVER_PCI_CFC + CFC_BYTE_MASK)
		return -EINVAL;
	/* Enable bit clear: 0xCFC-0xCFF are plain ports (3.6 rule 5). */
	if (!(cf8 & CF8_ENABLE))
		return -ENOENT;

	/* cf8 bits 23:8 are XEN_DMOP_PCI_SBDF's bus/devfn; segment is 0. */
	sbdf = (cf8 & CF8_BDF_MASK) >> CF8_BDF_SHIFT;
	reg = (cf8 & CF8_REG_MASK) |
	      ((port - IOREQ_SERVER_PCI_CFC) & CFC_BYTE_MASK);
	if (amd_ext_reg)
		reg |= (cf8 & CF8_EXT_REG_MASK) >> CF8_EXT_REG_SHIFT;
	*addr = (sbdf << 32) | reg;
	return 0;
}
