/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The control socket's op table: payload sizes, descriptor limits and the
 * checks of every payload (padding zero, strings terminated, descriptor
 * counts consistent). The peer is untrusted: nothing here assumes the
 * payload buffer is aligned.
 */
#include "ctl_ops.h"

#include <errno.h>
#include <stdbool.h>
#include <string.h>

#include "hypervisor/ctl_proto.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static bool all_zero(const void *p, size_t len)
{
	const uint8_t *b = p;
	size_t i;

	for (i = 0; i < len; i++) {
		if (b[i])
			return false;
	}
	return true;
}

/* Payloads are copied out first: the caller's buffer may be unaligned. */
static int check_ioreq_create(const void *payload)
{
	struct ctl_ioreq_create c;

	memcpy(&c, payload, sizeof(c));
	return all_zero(c.pad, sizeof(c.pad)) ? 0 : -EPROTO;
}

static int check_ioreq_id(const void *payload)
{
	struct ctl_ioreq_id id;

	memcpy(&id, payload, sizeof(id));
	return all_zero(id.pad, sizeof(id.pad)) ? 0 : -EPROTO;
}

static int check_ioreq_range(const void *payload)
{
	struct ctl_ioreq_range r;

	memcpy(&r, payload, sizeof(r));
	return r.pad == 0 ? 0 : -EPROTO;
}

static int check_ioreq_state(const void *payload)
{
	struct ctl_ioreq_state st;

	memcpy(&st, payload, sizeof(st));
	return all_zero(st.pad, sizeof(st.pad)) ? 0 : -EPROTO;
}

static int check_ioreq_id_resp(const void *payload, unsigned int nr_fds)
{
	(void)nr_fds;
	return check_ioreq_id(payload);
}

static int check_domain_info(const void *payload, unsigned int nr_fds)
{
	const char *detail = (const char *)payload +
			     offsetof(struct ctl_domain_info, detail);

	(void)nr_fds;
	/* Read in place: a char array has no alignment to respect. */
	return memchr(detail, '\0', CTL_DETAIL_LEN) ? 0 : -EPROTO;
}

/* The descriptor list's layout is derived from nr_vcpus, so they agree. */
static int check_ioreq_info(const void *payload, unsigned int nr_fds)
{
	struct ctl_ioreq_info info;

	memcpy(&info, payload, sizeof(info));
	if (info.nr_vcpus == 0 || info.nr_vcpus > CTL_MAX_VCPUS)
		return -EPROTO;
	return nr_fds == CTL_IOREQ_INFO_NR_FDS(info.nr_vcpus) ? 0 : -EPROTO;
}

/* The last @pad_len bytes of a @size-byte payload must be zero. */
static int check_tail_pad(const void *payload, size_t size, size_t pad_len)
{
	return all_zero((const uint8_t *)payload + size - pad_len, pad_len)
		       ? 0
		       : -EPROTO;
}

static int check_isa_irq(const void *payload)
{
	return check_tail_pad(payload, sizeof(struct ctl_isa_irq), 3);
}

static int check_msi(const void *payload)
{
	return check_tail_pad(payload, sizeof(struct ctl_msi), 4);
}

static int check_shutdown(const void *payload)
{
	return check_tail_pad(payload, sizeof(struct ctl_shutdown), 4);
}

static int check_vcpu_id(const void *payload)
{
	return check_tail_pad(payload, sizeof(struct ctl_vcpu_id), 4);
}

static int check_vcpu_regs(const void *payload, unsigned int nr_fds)
{
	(void)nr_fds;
	return check_tail_pad(payload, sizeof(struct ctl_vcpu_regs), 4);
}

static int check_pci_intx(const void *payload)
{
	return check_tail_pad(payload, sizeof(struct ctl_pci_intx), 4);
}

static int check_pci_link(const void *payload)
{
	return check_tail_pad(payload, sizeof(struct ctl_pci_link), 6);
}

static int check_mem_info(const void *payload, unsigned int nr_fds)
{
	struct ctl_mem_info info;
	uint32_t i;

	memcpy(&info, payload, sizeof(info));
	if (nr_fds != 1 || info.nr_regions > CTL_MEM_MAX_REGIONS || info.pad)
		return -EPROTO;
	for (i = 0; i < CTL_MEM_MAX_REGIONS; i++) {
		const struct ctl_mem_region *r = &info.r[i];

		if (r->pad ||
		    (i >= info.nr_regions && !all_zero(r, sizeof(*r))))
			return -EPROTO;
	}
	return 0;
}

static int check_evtchn(const void *payload)
{
	return check_tail_pad(payload, sizeof(struct ctl_evtchn), 4);
}

static int check_evtchn_resp(const void *payload, unsigned int nr_fds)
{
	return nr_fds == 2 ? check_evtchn(payload) : -EPROTO;
}

/* A request carries no value; a response one. */
static int check_param(const void *payload)
{
	struct ctl_param q;

	memcpy(&q, payload, sizeof(q));
	return q.pad == 0 && q.value == 0 ? 0 : -EPROTO;
}

static int check_param_resp(const void *payload, unsigned int nr_fds)
{
	struct ctl_param q;

	(void)nr_fds;
	memcpy(&q, payload, sizeof(q));
	return q.pad == 0 ? 0 : -EPROTO;
}

static int check_dirty_req(const void *payload)
{
	struct ctl_dirty_req r;

	memcpy(&r, payload, sizeof(r));
	return r.pad == 0 && r.nr <= CTL_DIRTY_MAX_PAGES ? 0 : -EPROTO;
}

/*
 * PAUSE, UNPAUSE, DESTROY and POWER_BUTTON carry nothing either way:
 * all-zero slots.
 */
static const struct op_desc op_table[CTL_OP_NR] = {
	[CTL_OP_QUERY] = {.resp_size = sizeof(struct ctl_domain_info),
			  .check_resp = check_domain_info},
	[CTL_OP_IOREQ_CREATE] = {.req_size = sizeof(struct ctl_ioreq_create),
				 .resp_size = sizeof(struct ctl_ioreq_id),
				 .check_req = check_ioreq_create,
				 .check_resp = check_ioreq_id_resp},
	[CTL_OP_IOREQ_INFO] = {.req_size = sizeof(struct ctl_ioreq_id),
			       .resp_size = sizeof(struct ctl_ioreq_info),
			       .resp_max_fds = CTL_MAX_FDS,
			       .check_req = check_ioreq_id,
			       .check_resp = check_ioreq_info},
	[CTL_OP_IOREQ_MAP] = {.req_size = sizeof(struct ctl_ioreq_range),
			      .check_req = check_ioreq_range},
	[CTL_OP_IOREQ_UNMAP] = {.req_size = sizeof(struct ctl_ioreq_range),
				.check_req = check_ioreq_range},
	[CTL_OP_IOREQ_SET_STATE] = {.req_size = sizeof(struct ctl_ioreq_state),
				    .check_req = check_ioreq_state},
	[CTL_OP_IOREQ_DESTROY] = {.req_size = sizeof(struct ctl_ioreq_id),
				  .check_req = check_ioreq_id},
	[CTL_OP_SET_ISA_IRQ] = {.req_size = sizeof(struct ctl_isa_irq),
				.check_req = check_isa_irq},
	[CTL_OP_INJECT_MSI] = {.req_size = sizeof(struct ctl_msi),
			       .check_req = check_msi},
	[CTL_OP_SHUTDOWN] = {.req_size = sizeof(struct ctl_shutdown),
			     .check_req = check_shutdown},
	[CTL_OP_POPULATE] = {.req_size = sizeof(struct ctl_populate)},
	[CTL_OP_RELOCATE] = {.req_size = sizeof(struct ctl_relocate)},
	[CTL_OP_VCPU_REGS] = {.req_size = sizeof(struct ctl_vcpu_id),
			      .resp_size = sizeof(struct ctl_vcpu_regs),
			      .check_req = check_vcpu_id,
			      .check_resp = check_vcpu_regs},
	[CTL_OP_SET_PCI_INTX] = {.req_size = sizeof(struct ctl_pci_intx),
				 .check_req = check_pci_intx},
	[CTL_OP_SET_PCI_LINK] = {.req_size = sizeof(struct ctl_pci_link),
				 .check_req = check_pci_link},
	[CTL_OP_MEM_INFO] = {.resp_size = sizeof(struct ctl_mem_info),
			     .resp_max_fds = 1,
			     .check_resp = check_mem_info},
	[CTL_OP_EVTCHN] = {.req_size = sizeof(struct ctl_evtchn),
			   .resp_size = sizeof(struct ctl_evtchn),
			   .resp_max_fds = 2,
			   .check_req = check_evtchn,
			   .check_resp = check_evtchn_resp},
	[CTL_OP_DIRTY_VRAM] = {.req_size = sizeof(struct ctl_dirty_req),
			       .resp_size = sizeof(struct ctl_dirty_bitmap),
			       .check_req = check_dirty_req},
	[CTL_OP_GET_PARAM] = {.req_size = sizeof(struct ctl_param),
			      .resp_size = sizeof(struct ctl_param),
			      .check_req = check_param,
			      .check_resp = check_param_resp},
};

/* Slot 0 is no op: ops start at 1 so a zeroed header is never valid. */
const struct op_desc *ctl_op_desc(uint16_t op)
{
	if (op == 0 || op >= ARRAY_SIZE(op_table))
		return NULL;
	return &op_table[op];
}

size_t ctl_payload_size(uint16_t op, bool response)
{
	const struct op_desc *d = ctl_op_desc(op);

	if (!d)
		return SIZE_MAX;
	return response ? d->resp_size : d->req_size;
}

unsigned int ctl_max_fds(uint16_t op, bool response)
{
	const struct op_desc *d = ctl_op_desc(op);

	return d && response ? d->resp_max_fds : 0;
}
