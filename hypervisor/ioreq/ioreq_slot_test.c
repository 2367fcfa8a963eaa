/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for the synchronous ioreq slot: a full request/response round
 * trip with the byte layout QEMU sees (dm-abi.md 3.1), vp_eport kept
 * intact, refused requests, and a hostile device model: a garbage state,
 * state NONE while waiting, states moving backwards, a busy slot at send
 * time, and garbage in the flag bits around the state.
 */
#include "hypervisor/ioreq_slot.h"

#include <errno.h>
#include <string.h>

#include "hvm_test.h"

#define EPORT 0x1234567

static struct ioreq make_req(uint8_t type, uint64_t addr, uint32_t size,
			     uint8_t dir)
{
	struct ioreq p;

	memset(&p, 0, sizeof(p));
	p.type = type;
	p.addr = addr;
	p.size = size;
	p.count = 1;
	p.dir = dir;
	return p;
}

/* The raw flag byte (offset 30) and its state nibble, as QEMU reads them. */
static uint8_t raw_flags(const struct ioreq *slot)
{
	return ((const uint8_t *)slot)[30];
}

static void set_raw_flags(struct ioreq *slot, uint8_t b)
{
	((uint8_t *)slot)[30] = b;
}

/* Plays QEMU: takes the request and answers it with @data. */
static void dm_respond(struct ioreq *slot, uint64_t data)
{
	slot->state = STATE_IOREQ_INPROCESS;
	slot->data = data;
	slot->state = STATE_IORESP_READY;
}

static void test_send_layout(void)
{
	struct ioreq shared;
	struct ioreq_slot s;
	struct ioreq req = make_req(IOREQ_TYPE_PIO, 0x3f8, 1, IOREQ_READ);

	memset(&shared, 0xa5, sizeof(shared));
	ioreq_slot_init(&s, &shared, EPORT);
	CHECK_EQ(EPORT, shared.vp_eport);
	CHECK_EQ(STATE_IOREQ_NONE, shared.state);
	CHECK(!ioreq_slot_is_pending(&s));

	/* Caller junk in state and padding must not reach the slot. */
	req.data = 0xdead;
	req.state = STATE_IORESP_READY;
	req._pad0 = 0xffff;
	req.vp_eport = 99;
	CHECK_EQ(0, ioreq_slot_send(&s, &req));
	CHECK(ioreq_slot_is_pending(&s));
	CHECK_EQ(STATE_IOREQ_READY, shared.state);
	CHECK_EQ(IOREQ_READ, shared.dir);
	CHECK_EQ(0, shared.data_is_ptr);
	CHECK_EQ(0, shared.df);
	CHECK_EQ(IOREQ_TYPE_PIO, shared.type);
	CHECK_EQ(0x3f8, shared.addr);
	CHECK_EQ(0xdead, shared.data);
	CHECK_EQ(1, shared.count);
	CHECK_EQ(1, shared.size);
	CHECK_EQ(0, shared._pad0);
	CHECK_EQ(EPORT, shared.vp_eport);
	/* Byte 30: state READY in bits 3:0, dir (read) in bit 5. */
	CHECK_EQ(0x21, raw_flags(&shared));
	CHECK_EQ(-EBUSY, ioreq_slot_send(&s, &req));
}

static void test_round_trip(void)
{
	struct ioreq shared;
	struct ioreq_slot s;
	struct ioreq req = make_req(IOREQ_TYPE_PIO, 0x3f8, 1, IOREQ_READ);
	uint64_t data = 0;

	ioreq_slot_init(&s, &shared, EPORT);
	CHECK_EQ(0, ioreq_slot_send(&s, &req));
	CHECK_EQ(-EINPROGRESS, ioreq_slot_poll(&s, &data));
	shared.state = STATE_IOREQ_INPROCESS;
	CHECK_EQ(-EINPROGRESS, ioreq_slot_poll(&s, &data));
	CHECK_EQ(-EINPROGRESS, ioreq_slot_poll(&s, &data));
	dm_respond(&shared, 0x41);
	CHECK_EQ(0, ioreq_slot_poll(&s, &data));
	CHECK_EQ(0x41, data);
	CHECK_EQ(STATE_IOREQ_NONE, shared.state);
	CHECK_EQ(EPORT, shared.vp_eport);
	CHECK(!ioreq_slot_is_pending(&s));
	CHECK_EQ(-EINVAL, ioreq_slot_poll(&s, &data));

	/* The slot is reusable; flags of a rep write land in the right bits. */
	req = make_req(IOREQ_TYPE_COPY, 0xfee00000, 4, IOREQ_WRITE);
	req.data_is_ptr = 1;
	req.df = 1;
	req.count = 16;
	CHECK_EQ(0, ioreq_slot_send(&s, &req));
	CHECK_EQ(0x51, raw_flags(&shared));
	CHECK_EQ(16, shared.count);
	/* QEMU may answer straight from READY without showing INPROCESS. */
	shared.state = STATE_IORESP_READY;
	CHECK_EQ(0, ioreq_slot_poll(&s, &data));
}

static void test_refused_requests(void)
{
	struct ioreq shared;
	struct ioreq_slot s;
	struct ioreq req;
	static const struct {
		uint8_t type;
		uint32_t size, count;
	} bad[] = {
		{IOREQ_TYPE_PIO, 8, 1},
		{IOREQ_TYPE_PIO, 3, 1},
		{IOREQ_TYPE_PIO, 0, 1},
		{IOREQ_TYPE_PIO, 1, 0},
		{IOREQ_TYPE_COPY, 9, 1},
		{IOREQ_TYPE_COPY, 0, 1},
		{IOREQ_TYPE_COPY, 0x80000001, 1},
		{IOREQ_TYPE_PCI_CONFIG, 4, 2},
		{IOREQ_TYPE_PCI_CONFIG, 8, 1},
		{3, 4, 1},
		{4, 4, 1},
		{IOREQ_TYPE_TIMEOFFSET, 4, 1},
		{IOREQ_TYPE_INVALIDATE, 4, 2},
		{0xff, 1, 1},
	};
	unsigned int i;

	ioreq_slot_init(&s, &shared, EPORT);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		req = make_req(bad[i].type, 0x10, bad[i].size, IOREQ_WRITE);
		req.count = bad[i].count;
		CHECK_EQ(-EINVAL, ioreq_slot_send(&s, &req));
		CHECK_EQ(STATE_IOREQ_NONE, shared.state);
		CHECK(!ioreq_slot_is_pending(&s));
	}
	/* The ones Xen sends are accepted. */
	req = make_req(IOREQ_TYPE_INVALIDATE, 0, 4, IOREQ_WRITE);
	CHECK_EQ(0, ioreq_slot_send(&s, &req));
}

/* Sends a read and lets the test corrupt the slot before polling. */
static void start_read(struct ioreq_slot *s, struct ioreq *shared)
{
	struct ioreq req = make_req(IOREQ_TYPE_COPY, 0xa0000, 2, IOREQ_READ);

	ioreq_slot_init(s, shared, EPORT);
	CHECK_EQ(0, ioreq_slot_send(s, &req));
}

static void test_hostile_states(void)
{
	struct ioreq shared;
	struct ioreq_slot s;
	uint64_t data = 0x77;
	unsigned int st;

	/* Every undefined state value is a protocol violation. */
	for (st = STATE_IORESP_READY + 1; st < 16; st++) {
		start_read(&s, &shared);
		shared.state = st;
		CHECK_EQ(-EPROTO, ioreq_slot_poll(&s, &data));
		CHECK(!ioreq_slot_is_pending(&s));
	}
	/* NONE while we wait: QEMU dropped or reset the request. */
	start_read(&s, &shared);
	shared.state = STATE_IOREQ_NONE;
	CHECK_EQ(-EPROTO, ioreq_slot_poll(&s, &data));
	/* INPROCESS back to READY moves backwards. */
	start_read(&s, &shared);
	shared.state = STATE_IOREQ_INPROCESS;
	CHECK_EQ(-EINPROGRESS, ioreq_slot_poll(&s, &data));
	shared.state = STATE_IOREQ_READY;
	CHECK_EQ(-EPROTO, ioreq_slot_poll(&s, &data));
	/* No answer was taken from a broken slot. */
	CHECK_EQ(0x77, data);
}

static void test_hostile_flag_bits(void)
{
	struct ioreq shared;
	struct ioreq_slot s;
	uint64_t data = 0;

	/* Garbage in the bits next to the state does not change the state. */
	start_read(&s, &shared);
	shared.data = 0xbeef;
	set_raw_flags(&shared, 0xf0 | STATE_IORESP_READY);
	shared.type = 0xff;
	CHECK_EQ(0, ioreq_slot_poll(&s, &data));
	CHECK_EQ(0xbeef, data);
	/* Completion writes the whole byte: state NONE, no stray flags. */
	CHECK_EQ(0, raw_flags(&shared));
	CHECK_EQ(EPORT, shared.vp_eport);
}

static void test_slot_busy_at_send(void)
{
	struct ioreq shared;
	struct ioreq_slot s;
	struct ioreq req = make_req(IOREQ_TYPE_PIO, 0x60, 1, IOREQ_WRITE);

	ioreq_slot_init(&s, &shared, EPORT);
	/* The device model wrote a state into an idle slot. */
	shared.state = STATE_IOREQ_INPROCESS;
	shared.addr = 0x1111;
	CHECK_EQ(-EPROTO, ioreq_slot_send(&s, &req));
	CHECK(!ioreq_slot_is_pending(&s));
	/* Nothing was written over what the device model left. */
	CHECK_EQ(0x1111, shared.addr);
	CHECK_EQ(STATE_IOREQ_INPROCESS, shared.state);
}

int main(void)
{
	HVM_TEST(test_send_layout);
	HVM_TEST(test_round_trip);
	HVM_TEST(test_refused_requests);
	HVM_TEST(test_hostile_states);
	HVM_TEST(test_hostile_flag_bits);
	HVM_TEST(test_slot_busy_at_send);
	return hvm_test_summary();
}
