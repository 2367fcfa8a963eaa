/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Producer side of the buffered ioreq ring (see ioreq_bufring.h and
 * dm-abi.md 3.7). The pointer pair is read once per put as one 64-bit
 * word, checked, and published together with the new entry by a single
 * compare-and-swap that also rebases both pointers below
 * IOREQ_BUFFER_SLOT_NUM. Slot positions are computed from the rebased
 * pointers, so the slots we fill are the ones QEMU reads next even if the
 * page held large or wrapped pointer values. Only the ring page is
 * touched; nothing here notifies or waits.
 */
#include "hypervisor/ioreq_bufring.h"

#include <errno.h>
#include <stddef.h>
#include <string.h>

#define RING_SLOTS IOREQ_BUFFER_SLOT_NUM

/* Xen buffers writes to VGA memory (dm-abi.md 3.7). */
#define VGA_MEM_FIRST 0xa0000ULL
#define VGA_MEM_LAST 0xbffffULL
/* buf_ioreq_t.addr has 20 bits, so only addresses below 1 MiB fit. */
#define BUF_ADDR_LIMIT (1ULL << 20)
/* buf_ioreq_t.size code of an 8-byte write, which takes two slots. */
#define BUF_SIZE_QWORD 3
/*
 * Attempts at the publishing compare-and-swap. Each failure means QEMU
 * consumed entries meanwhile; a device model that keeps the pair moving
 * this long only delays its own domain, which then goes synchronous.
 */
#define PUBLISH_TRIES 64

_Static_assert(offsetof(struct buffered_iopage, read_pointer) == 0,
	       "read_pointer is at offset 0");
_Static_assert(offsetof(struct buffered_iopage, write_pointer) == 4,
	       "write_pointer is at offset 4");
_Static_assert(offsetof(struct buffered_iopage, buf_ioreq) == 8,
	       "slots start at offset 8");
_Static_assert(sizeof(struct buf_ioreq) == 8, "buf_ioreq_t is 8 bytes");
_Static_assert(sizeof(struct buffered_iopage) == 4096,
	       "buffered_iopage_t fills one page");

/*
 * The pointers as one little-endian 64-bit word, read_pointer in the low
 * half. All pointer accesses go through this word, atomically.
 */
static uint64_t *ptr_pair(struct buffered_iopage *pg)
{
	return (uint64_t *)(void *)pg;
}

static uint32_t pair_rp(uint64_t pair)
{
	return (uint32_t)pair;
}

static uint32_t pair_wp(uint64_t pair)
{
	return (uint32_t)(pair >> 32);
}

static uint64_t pair_make(uint32_t rp, uint32_t wp)
{
	return ((uint64_t)wp << 32) | rp;
}

/* The buf_ioreq_t size code for @size, or -1 if it has none. */
static int size_code(uint32_t size)
{
	switch (size) {
	case 1:
		return 0;
	case 2:
		return 1;
	case 4:
		return 2;
	case 8:
		return BUF_SIZE_QWORD;
	default:
		return -1;
	}
}

static bool is_single_write(const struct ioreq *req)
{
	return req->dir == IOREQ_WRITE && req->count == 1 &&
	       !req->data_is_ptr && size_code(req->size) >= 0;
}

bool ioreq_bufring_may_buffer(const struct ioreq *req)
{
	if (!is_single_write(req))
		return false;

	switch (req->type) {
	case IOREQ_TYPE_COPY:
		/* The whole write must lie in the window, without overflow. */
		return req->addr >= VGA_MEM_FIRST &&
		       req->addr <= VGA_MEM_LAST &&
		       req->size - 1 <= VGA_MEM_LAST - req->addr;
	case IOREQ_TYPE_TIMEOFFSET:
		return req->size == 8;
	default:
		return false;
	}
}

/* Fills the slot(s) of the entry at ring position @pos. */
static void write_slots(struct buffered_iopage *pg, const struct ioreq *req,
			uint32_t pos)
{
	struct buf_ioreq e;

	memset(&e, 0, sizeof(e));
	e.type = req->type;
	e.dir = IOREQ_WRITE;
	e.size = (uint8_t)size_code(req->size);
	e.addr = (uint32_t)req->addr;
	e.data = (uint32_t)req->data;
	memcpy(&pg->buf_ioreq[pos % RING_SLOTS], &e, sizeof(e));
	if (req->size != 8)
		return;

	/* QEMU takes only data from the second slot: the high half. */
	e.data = (uint32_t)(req->data >> 32);
	memcpy(&pg->buf_ioreq[(pos + 1) % RING_SLOTS], &e, sizeof(e));
}

/*
 * Publishes @n new slots after the @used outstanding ones seen in @old,
 * rebasing both pointers to read_pointer % RING_SLOTS in the same CAS:
 * 2^32 is not a multiple of 511, so pointers left to wrap would name
 * different slots for us and for QEMU (dm-abi.md 3.7). Release order makes
 * the slot contents visible before the new write_pointer.
 */
static int publish(struct buffered_iopage *pg, uint64_t old, uint32_t used,
		   uint32_t n)
{
	uint32_t wp = pair_wp(old);
	unsigned int tries;

	for (tries = 0; tries < PUBLISH_TRIES; tries++) {
		uint32_t base = pair_rp(old) % RING_SLOTS;
		uint64_t new = pair_make(base, base + used + n);

		if (__atomic_compare_exchange_n(ptr_pair(pg), &old, new, false,
						__ATOMIC_ACQ_REL,
						__ATOMIC_ACQUIRE))
			return 0;
		/* Only read_pointer may move, and never past write_pointer. */
		if (pair_wp(old) != wp || wp - pair_rp(old) > used)
			return -EPROTO;
		used = wp - pair_rp(old);
	}
	return -EAGAIN;
}

int ioreq_bufring_put(struct buffered_iopage *pg, const struct ioreq *req)
{
	uint32_t n, used;
	uint64_t old;

	if (!is_single_write(req) || req->addr >= BUF_ADDR_LIMIT ||
	    ((uintptr_t)pg & (sizeof(uint64_t) - 1)))
		return -EINVAL;
	n = req->size == 8 ? 2 : 1;

	/* The one read of the pair; everything below uses this copy. */
	old = __atomic_load_n(ptr_pair(pg), __ATOMIC_ACQUIRE);
	used = pair_wp(old) -
	       pair_rp(old); /* 32-bit, wraps like the pointers */
	if (used > RING_SLOTS)
		return -EPROTO;
	/* Full at 511 outstanding slots, 510 for a quad word (3.7). */
	if (used > RING_SLOTS - n)
		return -EAGAIN;

	write_slots(pg, req, pair_rp(old) % RING_SLOTS + used);
	return publish(pg, old, used, n);
}
