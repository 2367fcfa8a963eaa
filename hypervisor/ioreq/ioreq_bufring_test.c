/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for the buffered ioreq ring: slot encoding for every size
 * (8 bytes as two slots), filling to exactly full and -EAGAIN beyond,
 * a long stream drained by a QEMU-like consumer with the pointers kept
 * small, pointers that wrap across 2^32, hostile pointer values, refused
 * requests, and the may-buffer predicate of dm-abi.md 3.7.
 */
#include "hypervisor/ioreq_bufring.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "hvm_test.h"

#define N IOREQ_BUFFER_SLOT_NUM

static struct buffered_iopage *page_new(void)
{
	struct buffered_iopage *pg = aligned_alloc(4096, 4096);

	if (pg)
		memset(pg, 0, 4096);
	CHECK(pg != NULL);
	return pg;
}

static void set_ptrs(struct buffered_iopage *pg, uint32_t rp, uint32_t wp)
{
	pg->read_pointer = rp;
	pg->write_pointer = wp;
}

static struct ioreq make_write(uint8_t type, uint64_t addr, uint32_t size,
			       uint64_t data)
{
	struct ioreq p;

	memset(&p, 0, sizeof(p));
	p.type = type;
	p.addr = addr;
	p.size = size;
	p.count = 1;
	p.dir = IOREQ_WRITE;
	p.data = data;
	return p;
}

static struct ioreq vga_write(uint64_t addr, uint32_t size, uint64_t data)
{
	return make_write(IOREQ_TYPE_COPY, addr, size, data);
}

/*
 * Plays QEMU's consumer: decodes the entry at read_pointer into @out and
 * advances read_pointer atomically. False if the ring is empty.
 */
static bool dm_pop(struct buffered_iopage *pg, struct ioreq *out)
{
	uint32_t rp = pg->read_pointer;
	const struct buf_ioreq *e = &pg->buf_ioreq[rp % N];
	uint32_t slots = 1;

	if (rp == pg->write_pointer)
		return false;
	memset(out, 0, sizeof(*out));
	out->type = e->type;
	out->addr = e->addr;
	out->size = 1U << e->size;
	out->data = e->data;
	if (e->size == 3) {
		out->data |= (uint64_t)pg->buf_ioreq[(rp + 1) % N].data << 32;
		slots = 2;
	}
	__atomic_fetch_add(&pg->read_pointer, slots, __ATOMIC_RELEASE);
	return true;
}

static void test_encoding(void)
{
	struct buffered_iopage *pg = page_new();
	struct ioreq p = vga_write(0xa0010, 1, 0x12345678abULL);
	const struct buf_ioreq *e;

	CHECK_EQ(0, ioreq_bufring_put(pg, &p));
	CHECK_EQ(0, pg->read_pointer);
	CHECK_EQ(1, pg->write_pointer);
	e = &pg->buf_ioreq[0];
	CHECK_EQ(IOREQ_TYPE_COPY, e->type);
	CHECK_EQ(IOREQ_WRITE, e->dir);
	CHECK_EQ(0, e->size);
	CHECK_EQ(0xa0010, e->addr);
	CHECK_EQ(0x345678ab, e->data);

	p = vga_write(0xa0020, 2, 0xbeef);
	CHECK_EQ(0, ioreq_bufring_put(pg, &p));
	CHECK_EQ(1, pg->buf_ioreq[1].size);
	p = vga_write(0xbfffc, 4, 0xcafef00d);
	CHECK_EQ(0, ioreq_bufring_put(pg, &p));
	CHECK_EQ(2, pg->buf_ioreq[2].size);
	CHECK_EQ(0xbfffc, pg->buf_ioreq[2].addr);
	CHECK_EQ(0xcafef00d, pg->buf_ioreq[2].data);

	/* 8 bytes: low half with size code 3, then the high half. */
	p = make_write(IOREQ_TYPE_TIMEOFFSET, 0, 8, 0x1122334455667788ULL);
	CHECK_EQ(0, ioreq_bufring_put(pg, &p));
	CHECK_EQ(5, pg->write_pointer);
	CHECK_EQ(IOREQ_TYPE_TIMEOFFSET, pg->buf_ioreq[3].type);
	CHECK_EQ(3, pg->buf_ioreq[3].size);
	CHECK_EQ(0x55667788, pg->buf_ioreq[3].data);
	CHECK_EQ(0x11223344, pg->buf_ioreq[4].data);
	CHECK(dm_pop(pg, &p) && dm_pop(pg, &p) && dm_pop(pg, &p));
	CHECK(dm_pop(pg, &p));
	CHECK_EQ(0x1122334455667788ULL, p.data);
	CHECK(!dm_pop(pg, &p));
	free(pg);
}

static void test_fill_to_exactly_full(void)
{
	struct buffered_iopage *pg = page_new();
	struct ioreq p = vga_write(0xa0000, 1, 0);
	struct ioreq q = vga_write(0xa0000, 8, 0);
	struct ioreq got;
	unsigned int i;

	for (i = 0; i < N; i++) {
		p.data = i;
		CHECK_EQ(0, ioreq_bufring_put(pg, &p));
	}
	CHECK_EQ(N, pg->write_pointer);
	CHECK_EQ(-EAGAIN, ioreq_bufring_put(pg, &p));
	CHECK_EQ(N, pg->write_pointer);

	/* One slot free: a quad word does not fit, two free slots do. */
	CHECK(dm_pop(pg, &got));
	CHECK_EQ(0, got.data);
	CHECK_EQ(-EAGAIN, ioreq_bufring_put(pg, &q));
	CHECK(dm_pop(pg, &got));
	CHECK_EQ(0, ioreq_bufring_put(pg, &q));
	CHECK_EQ(-EAGAIN, ioreq_bufring_put(pg, &p));
	CHECK_EQ(2, pg->read_pointer);
	CHECK_EQ(N + 2, pg->write_pointer);

	/* Once read_pointer passes N, publishing rebases both (3.7). */
	for (i = 0; i < N - 1; i++)
		CHECK(dm_pop(pg, &got));
	CHECK_EQ(N + 2, pg->read_pointer);
	CHECK_EQ(0, ioreq_bufring_put(pg, &p));
	CHECK_EQ(2, pg->read_pointer);
	CHECK_EQ(3, pg->write_pointer);
	CHECK(dm_pop(pg, &got));
	CHECK_EQ(p.data, got.data);
	CHECK(!dm_pop(pg, &got));
	free(pg);
}

/* Many entries of mixed sizes through a small window, in order. */
static void test_stream(void)
{
	struct buffered_iopage *pg = page_new();
	uint64_t next_put = 0, next_get = 0;
	struct ioreq p;
	unsigned int round, k;

	for (round = 0; round < 200; round++) {
		for (k = 0; k < 37; k++, next_put++) {
			uint32_t size = next_put % 3 ? 4 : 8;

			p = vga_write(0xa0000 + (next_put & 0xffff), size,
				      next_put * 0x100000001ULL);
			if (size == 4)
				p.data &= 0xffffffff;
			CHECK_EQ(0, ioreq_bufring_put(pg, &p));
		}
		while (dm_pop(pg, &p)) {
			uint64_t want = next_get * 0x100000001ULL;

			CHECK_EQ(p.size == 8 ? want : (uint32_t)want, p.data);
			CHECK_EQ(0xa0000 + (next_get & 0xffff), p.addr);
			next_get++;
		}
		CHECK(pg->read_pointer < 2 * N);
		CHECK(pg->write_pointer < 2 * N);
	}
	CHECK_EQ(next_put, next_get);
	free(pg);
}

static void test_wrap_across_2_32(void)
{
	struct buffered_iopage *pg = page_new();
	struct ioreq p = vga_write(0xa0000, 8, 0xaaaabbbbccccddddULL);
	uint32_t base = 0xffffffffU % N;

	/* Both halves of a quad word land in consecutive rebased slots. */
	set_ptrs(pg, 0xffffffffU, 0xffffffffU);
	CHECK_EQ(0, ioreq_bufring_put(pg, &p));
	CHECK_EQ(base, pg->read_pointer);
	CHECK_EQ(base + 2, pg->write_pointer);
	CHECK_EQ(0xccccdddd, pg->buf_ioreq[base].data);
	CHECK_EQ(0xaaaabbbb, pg->buf_ioreq[base + 1].data);
	CHECK(dm_pop(pg, &p));
	CHECK_EQ(0xaaaabbbbccccddddULL, p.data);

	/* write_pointer already wrapped past 2^32: 32 outstanding. */
	set_ptrs(pg, 0xfffffff0U, 0x10);
	p = vga_write(0xa0000, 1, 1);
	CHECK_EQ(0, ioreq_bufring_put(pg, &p));
	CHECK_EQ(0xfffffff0U % N, pg->read_pointer);
	CHECK_EQ(0xfffffff0U % N + 33, pg->write_pointer);

	/* Full across the wrap is full, not a protocol error. */
	set_ptrs(pg, 0xffffff00U, 0xffffff00U + N);
	CHECK_EQ(-EAGAIN, ioreq_bufring_put(pg, &p));
	CHECK_EQ(0xffffff00U + N, pg->write_pointer);
	free(pg);
}

static void test_hostile_pointers(void)
{
	struct buffered_iopage *pg = page_new();
	struct ioreq p = vga_write(0xa0000, 1, 0x5a);

	/* read_pointer ahead of write_pointer: 2^32 - 1 outstanding. */
	set_ptrs(pg, 11, 10);
	CHECK_EQ(-EPROTO, ioreq_bufring_put(pg, &p));
	/* More outstanding than the ring holds. */
	set_ptrs(pg, 0, N + 1);
	CHECK_EQ(-EPROTO, ioreq_bufring_put(pg, &p));
	set_ptrs(pg, 0x80000000U, 0);
	CHECK_EQ(-EPROTO, ioreq_bufring_put(pg, &p));
	/* Nothing was written or published. */
	CHECK_EQ(0x80000000U, pg->read_pointer);
	CHECK_EQ(0, pg->write_pointer);
	CHECK_EQ(0, pg->buf_ioreq[0].data);
	CHECK_EQ(0, pg->buf_ioreq[10].data);
	free(pg);
}

static void test_refused_requests(void)
{
	struct buffered_iopage *pg = page_new();
	unsigned char *raw = aligned_alloc(4096, 8192);
	struct ioreq p;

	p = vga_write(0xa0000, 1, 0);
	p.dir = IOREQ_READ;
	CHECK_EQ(-EINVAL, ioreq_bufring_put(pg, &p));
	p = vga_write(0xa0000, 1, 0);
	p.count = 2;
	CHECK_EQ(-EINVAL, ioreq_bufring_put(pg, &p));
	p = vga_write(0xa0000, 1, 0);
	p.data_is_ptr = 1;
	CHECK_EQ(-EINVAL, ioreq_bufring_put(pg, &p));
	p = vga_write(0xa0000, 3, 0);
	CHECK_EQ(-EINVAL, ioreq_bufring_put(pg, &p));
	p = vga_write(0x100000, 1, 0);
	CHECK_EQ(-EINVAL, ioreq_bufring_put(pg, &p));
	CHECK_EQ(0, pg->write_pointer);

	/* The pointer pair must be 8-byte aligned for the 64-bit CAS. */
	CHECK(raw != NULL);
	if (raw) {
		memset(raw, 0, 8192);
		p = vga_write(0xa0000, 1, 0);
		CHECK_EQ(-EINVAL,
			 ioreq_bufring_put((struct buffered_iopage *)(raw + 4),
					   &p));
	}
	free(raw);
	free(pg);
}

static void test_may_buffer(void)
{
	struct ioreq p;

	p = vga_write(0xa0000, 1, 0);
	CHECK(ioreq_bufring_may_buffer(&p));
	p = vga_write(0xbfff8, 8, 0);
	CHECK(ioreq_bufring_may_buffer(&p));
	p = vga_write(0xbfffc, 8, 0);
	CHECK(!ioreq_bufring_may_buffer(&p));
	p = vga_write(0x9ffff, 2, 0);
	CHECK(!ioreq_bufring_may_buffer(&p));
	p = vga_write(0xc0000, 1, 0);
	CHECK(!ioreq_bufring_may_buffer(&p));
	p = vga_write(0xa0000, 3, 0);
	CHECK(!ioreq_bufring_may_buffer(&p));
	p = vga_write(0xa0000, 4, 0);
	p.dir = IOREQ_READ;
	CHECK(!ioreq_bufring_may_buffer(&p));
	p = vga_write(0xa0000, 4, 0);
	p.count = 4;
	CHECK(!ioreq_bufring_may_buffer(&p));
	p = vga_write(0xa0000, 4, 0);
	p.data_is_ptr = 1;
	CHECK(!ioreq_bufring_may_buffer(&p));
	p = make_write(IOREQ_TYPE_PIO, 0x3c0, 1, 0);
	CHECK(!ioreq_bufring_may_buffer(&p));
	p = make_write(IOREQ_TYPE_TIMEOFFSET, 0, 8, 0);
	CHECK(ioreq_bufring_may_buffer(&p));
	p = make_write(IOREQ_TYPE_TIMEOFFSET, 0, 4, 0);
	CHECK(!ioreq_bufring_may_buffer(&p));
}

int main(void)
{
	HVM_TEST(test_encoding);
	HVM_TEST(test_fill_to_exactly_full);
	HVM_TEST(test_stream);
	HVM_TEST(test_wrap_across_2_32);
	HVM_TEST(test_hostile_pointers);
	HVM_TEST(test_refused_requests);
	HVM_TEST(test_may_buffer);
	return hvm_test_summary();
}
