/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests of the ring half of a guest connection (ring.c) on a plain
 * page: a request and its reply, requests split into pieces, messages
 * wrapping the ring's end and the 32-bit indexes, replies larger than the
 * ring, a guest that stops reading, and inconsistent indexes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "test_client.h"
#include "xenstored/conn.h"
#include "xenstored/ring.h"
#include "xenstored/xenstored.h"

struct fixture {
	struct xenstored *xs;
	struct tc *dom0;
	struct conn *c;
	struct xenstore_domain_interface intf;
};

static const struct conn_transport test_tp = {.name = "test-ring"};

static void setup(struct fixture *f, uint32_t start)
{
	memset(&f->intf, 0, sizeof(f->intf));
	f->intf.req_cons = f->intf.req_prod = start;
	f->intf.rsp_cons = f->intf.rsp_prod = start;
	f->xs = test_xs_new();
	f->dom0 = tc_new(f->xs, 0);
	CHECK_EQ(0, conn_create(f->xs, 5, &test_tp, NULL, &f->c));
}

static void teardown(struct fixture *f)
{
	conn_destroy(f->c);
	tc_free(f->dom0);
	xenstored_destroy(f->xs);
}

/* The guest's side: appends @len bytes to the request ring. */
static void guest_put(struct xenstore_domain_interface *i, const void *data,
		      size_t len)
{
	const char *p = data;
	size_t k;

	for (k = 0; k < len; k++)
		i->req[MASK_XENSTORE_IDX(i->req_prod + k)] = p[k];
	i->req_prod += (uint32_t)len;
}

static size_t guest_request(struct xenstore_domain_interface *i, uint32_t type,
			    uint32_t req_id, const char *payload, size_t len,
			    char *out)
{
	struct xsd_sockmsg h = {.type = type, .req_id = req_id, .len = len};

	memcpy(out, &h, sizeof(h));
	memcpy(out + sizeof(h), payload, len);
	(void)i;
	return sizeof(h) + len;
}

/* The guest's side: takes up to @max reply bytes. */
static size_t guest_take(struct xenstore_domain_interface *i, char *out,
			 size_t max)
{
	size_t n = 0;

	while (i->rsp_cons != i->rsp_prod && n < max)
		out[n++] = i->rsp[MASK_XENSTORE_IDX(i->rsp_cons++)];
	return n;
}

static void pull_push(struct fixture *f, bool *in, bool *out)
{
	CHECK_EQ(0, ring_pull(&f->intf, f->c, in));
	CHECK_EQ(0, ring_push(&f->intf, f->c, out));
}

static void check_reply(const char *buf, size_t n, uint32_t type,
			uint32_t req_id, const char *payload, size_t len)
{
	struct xsd_sockmsg h;

	CHECK_EQ(sizeof(h) + len, n);
	if (n != sizeof(h) + len)
		return;
	memcpy(&h, buf, sizeof(h));
	CHECK_EQ(type, h.type);
	CHECK_EQ(req_id, h.req_id);
	CHECK_EQ(len, h.len);
	CHECK_EQ(0, memcmp(buf + sizeof(h), payload, len));
}

static void test_request_and_reply(void)
{
	struct fixture f;
	char req[64], rsp[256];
	size_t n;
	bool in, out;

	setup(&f, 0);
	n = guest_request(&f.intf, XS_GET_DOMAIN_PATH, 7, "5", 2, req);
	guest_put(&f.intf, req, n);
	pull_push(&f, &in, &out);
	CHECK(in && out);
	CHECK_EQ(f.intf.req_prod, f.intf.req_cons);
	n = guest_take(&f.intf, rsp, sizeof(rsp));
	check_reply(rsp, n, XS_GET_DOMAIN_PATH, 7, "/local/domain/5", 16);
	/* Nothing more: nothing moves. */
	pull_push(&f, &in, &out);
	CHECK(!in && !out);
	teardown(&f);
}

/* The header in three pieces, then the payload in two. */
static void test_partial(void)
{
	struct fixture f;
	char req[64], rsp[256];
	size_t n, cuts[] = {3, 10, 16, 18}, at = 0, k;
	bool in, out;

	setup(&f, 0);
	n = guest_request(&f.intf, XS_GET_DOMAIN_PATH, 9, "12", 3, req);
	for (k = 0; k < sizeof(cuts) / sizeof(cuts[0]); k++) {
		guest_put(&f.intf, req + at, cuts[k] - at);
		at = cuts[k];
		pull_push(&f, &in, &out);
		CHECK(in && !out);
	}
	guest_put(&f.intf, req + at, n - at);
	pull_push(&f, &in, &out);
	CHECK(in && out);
	n = guest_take(&f.intf, rsp, sizeof(rsp));
	check_reply(rsp, n, XS_GET_DOMAIN_PATH, 9, "/local/domain/12", 17);
	teardown(&f);
}

/* Across the end of both rings, and across the 32-bit index wrap. */
static void test_wrap(void)
{
	static const uint32_t starts[] = {1020, 1024 * 3 - 5, UINT32_MAX - 6};
	unsigned int s;

	for (s = 0; s < sizeof(starts) / sizeof(starts[0]); s++) {
		struct fixture f;
		char req[64], rsp[256];
		size_t n;
		bool in, out;

		setup(&f, starts[s]);
		n = guest_request(&f.intf, XS_GET_DOMAIN_PATH, s, "5", 2, req);
		guest_put(&f.intf, req, n);
		pull_push(&f, &in, &out);
		CHECK(in && out);
		n = guest_take(&f.intf, rsp, sizeof(rsp));
		check_reply(rsp, n, XS_GET_DOMAIN_PATH, s, "/local/domain/5",
			    16);
		teardown(&f);
	}
}

/* A 3000-byte value comes back in pieces as the guest reads. */
static void test_large_reply(void)
{
	struct fixture f;
	char *big = malloc(3000 + 8), req[64], *rsp = malloc(4096);
	size_t n, got = 0, taken;
	unsigned int rounds = 0;
	bool in, out;

	setup(&f, 100);
	memcpy(big, "/big|", 5);
	memset(big + 5, 'x', 3000);
	big[3005] = '\0';
	CHECK_STREQ("OK|", tc_call(f.dom0, XS_WRITE, 0, big));
	CHECK_STREQ("OK|", tc_call(f.dom0, XS_SET_PERMS, 0, "/big|r5|"));
	n = guest_request(&f.intf, XS_READ, 3, "/big", 5, req);
	guest_put(&f.intf, req, n);
	do {
		pull_push(&f, &in, &out);
		CHECK(f.intf.rsp_prod - f.intf.rsp_cons <= XENSTORE_RING_SIZE);
		taken = guest_take(&f.intf, rsp + got, 4096 - got);
		got += taken;
	} while (taken && ++rounds < 10);
	CHECK_EQ(3, rounds);
	check_reply(rsp, got, XS_READ, 3, big + 5, 3000);
	free(big);
	free(rsp);
	teardown(&f);
}

/* A guest that never reads: the ring fills and nothing is lost or overrun. */
static void test_guest_stops_reading(void)
{
	struct fixture f;
	char req[64];
	size_t n;
	unsigned int k;
	bool in, out;

	setup(&f, 0);
	for (k = 0; k < 60; k++) {
		n = guest_request(&f.intf, XS_GET_DOMAIN_PATH, k, "5", 2, req);
		if (XENSTORE_RING_SIZE - (f.intf.req_prod - f.intf.req_cons) <
		    n)
			break;
		guest_put(&f.intf, req, n);
		pull_push(&f, &in, &out);
	}
	CHECK_EQ(XENSTORE_RING_SIZE, f.intf.rsp_prod - f.intf.rsp_cons);
	CHECK(conn_has_output(f.c));
	CHECK(!f.c->dead);
	teardown(&f);
}

static void test_bad_indexes(void)
{
	struct fixture f;
	bool moved = true;

	setup(&f, 0);
	f.intf.req_prod = XENSTORE_RING_SIZE + 1;
	CHECK_EQ(-EPROTO, ring_pull(&f.intf, f.c, &moved));
	CHECK(!moved);
	f.intf.req_prod = f.intf.req_cons - 1; /* behind its consumer */
	CHECK_EQ(-EPROTO, ring_pull(&f.intf, f.c, &moved));
	f.intf.req_prod = f.intf.req_cons;
	/* The guest claims to have read replies not yet written. */
	f.intf.rsp_cons = f.intf.rsp_prod + 1;
	moved = true;
	CHECK_EQ(-EPROTO, ring_push(&f.intf, f.c, &moved));
	CHECK(!moved);
	f.intf.rsp_cons = f.intf.rsp_prod - XENSTORE_RING_SIZE - 1;
	CHECK_EQ(-EPROTO, ring_push(&f.intf, f.c, &moved));
	teardown(&f);
}

/* An oversized header kills the connection; the ring stops being read. */
static void test_oversized_message(void)
{
	struct fixture f;
	struct xsd_sockmsg h = {.type = XS_READ,
				.len = XENSTORE_PAYLOAD_MAX + 1};
	bool in, out;

	setup(&f, 0);
	guest_put(&f.intf, &h, sizeof(h));
	guest_put(&f.intf, "abc", 3);
	pull_push(&f, &in, &out);
	CHECK(f.c->dead);
	CHECK_EQ(sizeof(h), f.intf.req_cons);
	teardown(&f);
}

int main(void)
{
	HVM_TEST(test_request_and_reply);
	HVM_TEST(test_partial);
	HVM_TEST(test_wrap);
	HVM_TEST(test_large_reply);
	HVM_TEST(test_guest_stops_reading);
	HVM_TEST(test_bad_indexes);
	HVM_TEST(test_oversized_message);
	return hvm_test_summary();
}
