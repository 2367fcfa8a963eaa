/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Hypervisor side of the synchronous ioreq slot protocol (see ioreq_slot.h,
 * dm-abi.md 3.3). The slot lives in a page the device model writes too, so
 * its state is read once per step, checked against the legal transitions
 * NONE -> READY (ours) -> INPROCESS -> IORESP_READY (QEMU's) -> NONE (ours),
 * and every other observation is a protocol violation. Requests QEMU would
 * abort on (dm-abi.md 3.4) are refused before they reach the slot.
 */
#include "hypervisor/ioreq_slot.h"

#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "hypervisor/log.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/*
 * The byte after _pad0 holds the state, data_is_ptr, dir and df bitfields
 * (dm-abi.md 3.1, offset 30). It is loaded and stored as a whole so that
 * the state changes in one atomic access.
 */
#define SLOT_FLAGS_OFF (offsetof(struct ioreq, _pad0) + sizeof(uint16_t))

_Static_assert(sizeof(struct ioreq) == 32, "ioreq_t is 32 bytes");
_Static_assert(SLOT_FLAGS_OFF == 30, "ioreq_t flag byte is at offset 30");
_Static_assert(offsetof(struct ioreq, type) == 31, "type is at offset 31");

/* Bit n set: size n is allowed. */
#define SIZES_1_2_4 ((1U << 1) | (1U << 2) | (1U << 4))
#define SIZES_1_TO_8 0x1feU

/* What QEMU 7.2 accepts per request type (dm-abi.md 3.4). */
struct type_rule {
	uint16_t sizes;	  /* allowed sizes as a bit mask */
	bool single_only; /* count must be 1 */
};

static const struct type_rule type_rules[] = {
	[IOREQ_TYPE_PIO] = {.sizes = SIZES_1_2_4},
	[IOREQ_TYPE_COPY] = {.sizes = SIZES_1_TO_8},
	[IOREQ_TYPE_PCI_CONFIG] = {.sizes = SIZES_1_2_4, .single_only = true},
	/* Sent the way Xen sends them: an 8-byte offset, a 4-byte flush. */
	[IOREQ_TYPE_TIMEOFFSET] = {.sizes = 1U << 8, .single_only = true},
	[IOREQ_TYPE_INVALIDATE] = {.sizes = 1U << 4, .single_only = true},
};

static bool request_is_valid(const struct ioreq *req)
{
	const struct type_rule *rule;

	/* Type 3 and unlisted types make QEMU abort: never send them. */
	if (req->type >= ARRAY_SIZE(type_rules))
		return false;
	rule = &type_rules[req->type];
	if (!rule->sizes || req->size > 8 || !(rule->sizes & (1U << req->size)))
		return false;
	return req->count >= 1 && !(rule->single_only && req->count != 1);
}

static uint8_t *flags_ptr(struct ioreq *slot)
{
	return (uint8_t *)slot + SLOT_FLAGS_OFF;
}

/* The flag byte for @req in @state, in the layout of Xen's bitfields. */
static uint8_t flags_pack(const struct ioreq *req, unsigned int state)
{
	struct ioreq tmp;
	uint8_t b;

	memset(&tmp, 0, sizeof(tmp));
	tmp.state = state;
	tmp.data_is_ptr = req->data_is_ptr;
	tmp.dir = req->dir;
	tmp.df = req->df;
	memcpy(&b, (const uint8_t *)&tmp + SLOT_FLAGS_OFF, sizeof(b));
	return b;
}

static unsigned int flags_state(uint8_t b)
{
	struct ioreq tmp;

	memset(&tmp, 0, sizeof(tmp));
	memcpy((uint8_t *)&tmp + SLOT_FLAGS_OFF, &b, sizeof(b));
	return tmp.state;
}

void ioreq_slot_init(struct ioreq_slot *s, struct ioreq *shared,
		     uint32_t vp_eport)
{
	memset(shared, 0, sizeof(*shared));
	shared->vp_eport = vp_eport;
	s->shared = shared;
	s->pending = false;
	s->last_state = STATE_IOREQ_NONE;
}

int ioreq_slot_send(struct ioreq_slot *s, const struct ioreq *req)
{
	struct ioreq *slot = s->shared;
	unsigned int state;

	if (s->pending)
		return -EBUSY;
	if (!request_is_valid(req))
		return -EINVAL;

	/* Like Xen, refuse a slot the device model did not leave idle. */
	state = flags_state(__atomic_load_n(flags_ptr(slot), __ATOMIC_ACQUIRE));
	if (state != STATE_IOREQ_NONE) {
		log_err("ioreq",
			"device model left an idle ioreq slot in state %u; crashing the domain, check the device model's log",
			state);
		return -EPROTO;
	}

	slot->addr = req->addr;
	slot->data = req->data;
	slot->count = req->count;
	slot->size = req->size;
	slot->_pad0 = 0;
	slot->type = req->type;
	/*
	 * Release: QEMU reads the fields above only after it sees READY, so
	 * they must be visible first (dm-abi.md 3.3). vp_eport is not touched.
	 */
	__atomic_store_n(flags_ptr(slot), flags_pack(req, STATE_IOREQ_READY),
			 __ATOMIC_RELEASE);
	s->pending = true;
	s->last_state = STATE_IOREQ_READY;
	return 0;
}

/* Takes the answer and hands the slot back to the hypervisor. */
static void slot_take_response(struct ioreq_slot *s, uint64_t *data)
{
	struct ioreq *slot = s->shared;

	/* Ordered after QEMU's write of data by the acquire load of state. */
	*data = __atomic_load_n(&slot->data, __ATOMIC_RELAXED);
	/* An all-zero flag byte is STATE_IOREQ_NONE with no flags. */
	__atomic_store_n(flags_ptr(slot), 0, __ATOMIC_RELEASE);
	s->pending = false;
	s->last_state = STATE_IOREQ_NONE;
}

int ioreq_slot_poll(struct ioreq_slot *s, uint64_t *data)
{
	unsigned int state;

	if (!s->pending)
		return -EINVAL;

	/* The only read of the state: every decision below uses this copy. */
	state = flags_state(
		__atomic_load_n(flags_ptr(s->shared), __ATOMIC_ACQUIRE));
	switch (state) {
	case STATE_IOREQ_READY:
	case STATE_IOREQ_INPROCESS:
		/* States only move forward (dm-abi.md 3.3, as Xen checks). */
		if (state < s->last_state)
			break;
		s->last_state = state;
		return -EINPROGRESS;
	case STATE_IORESP_READY:
		slot_take_response(s, data);
		return 0;
	default:
		break;
	}

	log_err("ioreq",
		"device model moved a pending ioreq slot from state %u to %u; crashing the domain, check the device model's log",
		s->last_state, state);
	s->pending = false;
	s->last_state = STATE_IOREQ_NONE;
	return -EPROTO;
}

bool ioreq_slot_is_pending(const struct ioreq_slot *s)
{
	return s->pending;
}
