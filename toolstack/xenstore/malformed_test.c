/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests of hostile input, in process: payloads with missing or extra
 * NULs, bad paths, an oversized message (the connection dies, others go
 * on), requests cut into pieces down to single bytes, a payload of
 * exactly XENSTORE_PAYLOAD_MAX, 10,000 watches, a client that never reads
 * its events, and a random message storm that must get exactly one reply
 * per request.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_client.h"
#include "xenstored/conn.h"
#include "xenstored/xenstored.h"

#define HDR sizeof(struct xsd_sockmsg)

static struct xenstored *xs;
static struct tc *t, *other;

static void setup(void)
{
	xs = test_xs_new();
	t = tc_new(xs, 0);
	other = tc_new(xs, 0);
}

static void teardown(void)
{
	tc_free(other);
	tc_free(t);
	xenstored_destroy(xs);
}

static void test_nul_rules(void)
{
	setup();
	CHECK_STREQ("ERR EINVAL", tc_call_raw(t, XS_READ, 0, "/a", 2));
	CHECK_STREQ("ERR EINVAL", tc_call_raw(t, XS_READ, 0, "/a\0\0", 4));
	CHECK_STREQ("ERR EINVAL", tc_call_raw(t, XS_READ, 0, "", 0));
	CHECK_STREQ("ERR EINVAL", tc_call_raw(t, XS_WRITE, 0, "/a", 2));
	CHECK_STREQ("ERR EINVAL", tc_call_raw(t, XS_MKDIR, 0, "/a\0b", 4));
	CHECK_STREQ("ERR EINVAL", tc_call_raw(t, XS_RM, 0, "/a\0b\0", 5));
	CHECK_STREQ("ERR EINVAL", tc_call_raw(t, XS_WATCH, 0, "/a\0tok", 6));
	CHECK_STREQ("ERR EINVAL", tc_call_raw(t, XS_UNWATCH, 0, "/a", 2));
	CHECK_STREQ("ERR EINVAL", tc_call_raw(t, XS_SET_PERMS, 0, "/a\0r0", 5));
	CHECK_STREQ("ERR EINVAL",
		    tc_call_raw(t, XS_INTRODUCE, 0, "7\0001\0", 4));
	CHECK_STREQ("ERR EINVAL", tc_call_raw(t, XS_GET_DOMAIN_PATH, 0, "", 0));
	CHECK_STREQ("ERR EINVAL",
		    tc_call_raw(t, XS_GET_DOMAIN_PATH, 0, "70000\0", 6));
	CHECK_STREQ("ERR EINVAL",
		    tc_call_raw(t, XS_DIRECTORY_PART, 0, "/\0", 2));
	/* A WRITE value may hold NULs; only the path needs one. */
	CHECK_STREQ("OK|", tc_call_raw(t, XS_WRITE, 0, "/a\0\0\0", 5));
	CHECK_STREQ("||", tc_call(t, XS_READ, 0, "/a|"));
	teardown();
}

static void test_bad_paths(void)
{
	static char longp[XENSTORE_ABS_PATH_MAX + 8];

	setup();
	CHECK_STREQ("ERR EINVAL", tc_call(t, XS_READ, 0, "//|"));
	CHECK_STREQ("ERR EINVAL", tc_call(t, XS_WRITE, 0, "/a/|1"));
	CHECK_STREQ("ERR EINVAL", tc_call(t, XS_WRITE, 0, "/a b|1"));
	CHECK_STREQ("ERR EINVAL", tc_call(t, XS_WRITE, 0, "@special|1"));
	CHECK_STREQ("ERR EINVAL", tc_call(t, XS_MKDIR, 0, "/a//b|"));
	CHECK_STREQ("ERR EINVAL", tc_call(t, XS_WRITE, 0, "|1"));
	memset(longp, 'x', sizeof(longp) - 1);
	longp[0] = '/';
	longp[XENSTORE_ABS_PATH_MAX + 1] = '|';
	longp[XENSTORE_ABS_PATH_MAX + 2] = '\0';
	CHECK_STREQ("ERR EINVAL", tc_call(t, XS_WRITE, 0, longp));
	longp[XENSTORE_ABS_PATH_MAX] = '|';
	longp[XENSTORE_ABS_PATH_MAX + 1] = '\0';
	CHECK_STREQ("OK|", tc_call(t, XS_WRITE, 0, longp));
	teardown();
}

static void test_oversized_kills_only_sender(void)
{
	struct xsd_sockmsg hdr = {.type = XS_READ,
				  .len = XENSTORE_PAYLOAD_MAX + 1};
	struct test_msg m[2];

	setup();
	CHECK_EQ(HDR, conn_feed(t->c, &hdr, HDR));
	CHECK(t->c->dead);
	CHECK_EQ(0, tc_take(t, m, 2));
	CHECK_EQ(0, conn_feed(t->c, "more", 4));
	CHECK_STREQ("tool|", tc_call(other, XS_DIRECTORY, 0, "/|"));
	teardown();
}

static void test_pieces(void)
{
	struct xsd_sockmsg hdr = {.type = XS_WRITE, .req_id = 5, .len = 6};
	char msg[HDR + 6];
	struct test_msg m[2];
	unsigned int i;

	setup();
	memcpy(msg, &hdr, HDR);
	memcpy(msg + HDR, "/p\0val", 6);
	for (i = 0; i < sizeof(msg) - 1; i++) {
		conn_feed(t->c, &msg[i], 1);
		CHECK_EQ(0, tc_take(t, m, 2));
	}
	conn_feed(t->c, &msg[i], 1);
	CHECK_EQ(1, tc_take(t, m, 2));
	CHECK_EQ(XS_WRITE, m[0].hdr.type);
	CHECK_EQ(5, m[0].hdr.req_id);
	/* Two requests in one feed get two replies, in order. */
	hdr.type = XS_READ;
	hdr.len = 3;
	memcpy(msg, &hdr, HDR);
	memcpy(msg + HDR, "/p\0", 3);
	conn_feed(t->c, msg, HDR + 3);
	conn_feed(t->c, msg, HDR + 3);
	CHECK_EQ(2, tc_take(t, m, 2));
	CHECK(!memcmp(m[1].data, "val", 3));
	/* A zero-length request is complete with its header. */
	hdr.len = 0;
	conn_feed(t->c, &hdr, HDR);
	CHECK_EQ(1, tc_take(t, m, 2));
	CHECK_EQ(XS_ERROR, m[0].hdr.type);
	teardown();
}

static void test_max_payload(void)
{
	static char buf[XENSTORE_PAYLOAD_MAX];

	setup();
	memset(buf, 'v', sizeof(buf));
	memcpy(buf, "/big\0", 5);
	CHECK_STREQ("OK|", tc_call_raw(t, XS_WRITE, 0, buf, sizeof(buf)));
	CHECK_EQ(XENSTORE_PAYLOAD_MAX - 5,
		 strlen(tc_call(t, XS_READ, 0, "/big|")));
	teardown();
}

static void test_ten_thousand_watches(void)
{
	char req[32];
	unsigned int i, ok = 0, e2big = 0;
	const char *r;

	setup();
	for (i = 0; i < 10000; i++) {
		snprintf(req, sizeof(req), "/w%u|tok|", i);
		r = tc_call(t, XS_WATCH, 0, req);
		ok += !strcmp(r, "OK|");
		e2big += !strcmp(r, "ERR E2BIG");
		if (t->nr_events > TC_MAX_EVENTS / 2)
			tc_clear_events(t);
	}
	CHECK_EQ(128, ok);
	CHECK_EQ(10000 - 128, e2big);
	CHECK(!t->c->dead);
	CHECK_STREQ("tool|", tc_call(t, XS_DIRECTORY, 0, "/|"));
	CHECK_STREQ("tool|", tc_call(other, XS_DIRECTORY, 0, "/|"));
	teardown();
}

static void test_reader_that_never_reads(void)
{
	struct xenstored_quota q;
	char req[32];
	unsigned int i;

	xenstored_quota_defaults(&q);
	q.max_out_bytes = 4096;
	CHECK_EQ(0, xenstored_create(&q, &xs));
	t = tc_new(xs, 0);
	other = tc_new(xs, 0);
	CHECK_STREQ("OK|", tc_call(t, XS_WATCH, 0, "/|lazy|"));
	/* The watcher's events pile up; only it is closed. */
	for (i = 0; i < 400 && !t->c->dead; i++) {
		snprintf(req, sizeof(req), "/k%u|v", i);
		CHECK_STREQ("OK|", tc_call(other, XS_WRITE, 0, req));
	}
	CHECK(t->c->dead);
	CHECK(i < 400);
	CHECK(!other->c->dead);
	CHECK_STREQ("OK|", tc_call(other, XS_WRITE, 0, "/after|v"));
	tc_free(other);
	tc_free(t);
	xenstored_destroy(xs);
}

static uint32_t rng_state = 0x12345678u;

static uint32_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	return rng_state;
}

/* Counts the replies (not events) queued on @c and drops everything. */
static unsigned int count_replies(struct conn *c)
{
	const struct xsd_sockmsg *h;
	unsigned int replies = 0;
	const void *data;
	size_t len;

	while ((len = conn_out_peek(c, &data))) {
		h = data;
		replies += h->type != XS_WATCH_EVENT;
		conn_out_advance(c, len);
	}
	return replies;
}

/* One random request; returns whether the connection survived it. */
static bool storm_one(struct tc *c)
{
	static const char alphabet[] = "/ab@T0F5\0\0";
	struct xsd_sockmsg hdr = {.type = rnd() % 26,
				  .tx_id = rnd() % 4 ? 0 : rnd() % 3};
	char payload[64];
	unsigned int i, replies;

	hdr.len = rnd() % sizeof(payload);
	for (i = 0; i < hdr.len; i++)
		payload[i] = alphabet[rnd() % (sizeof(alphabet) - 1)];
	/* Events caused by the other connection's requests. */
	count_replies(c->c);
	conn_feed(c->c, &hdr, HDR);
	conn_feed(c->c, payload, hdr.len);
	replies = count_replies(c->c);
	if (c->c->dead)
		return false;
	if (replies != 1)
		hvm_test_fail(__FILE__, __LINE__, "%u replies to type %u",
			      replies, hdr.type);
	return true;
}

static void test_storm(void)
{
	struct tc *c[2];
	unsigned int i;

	xs = test_xs_new();
	c[0] = tc_new(xs, 0);
	c[1] = tc_new(xs, 5);
	for (i = 0; i < 20000; i++) {
		struct tc **p = &c[i & 1];

		if (!storm_one(*p)) {
			uint32_t domid = (*p)->c->domid;

			tc_free(*p);
			*p = tc_new(xs, domid);
		}
	}
	CHECK_STREQ("OK|", tc_call(c[0], XS_WRITE, 0, "/still|alive"));
	CHECK_STREQ("alive", tc_call(c[0], XS_READ, 0, "/still|"));
	tc_free(c[1]);
	tc_free(c[0]);
	xenstored_destroy(xs);
}

int main(void)
{
	HVM_TEST(test_nul_rules);
	HVM_TEST(test_bad_paths);
	HVM_TEST(test_oversized_kills_only_sender);
	HVM_TEST(test_pieces);
	HVM_TEST(test_max_payload);
	HVM_TEST(test_ten_thousand_watches);
	HVM_TEST(test_reader_that_never_reads);
	HVM_TEST(test_storm);
	return hvm_test_summary();
}
