/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests of watches: the event right after WATCH's OK, firing on
 * write, mkdir, set-perms and removal (ancestor removal reports the
 * watched path), relative watches reporting relative paths, no event for
 * an unchanged MKDIR or a sibling, UNWATCH and duplicates, the per
 * connection quota, special @introduceDomain / @releaseDomain events,
 * guests hearing only of nodes they may read, and RESET_WATCHES.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "test_client.h"
#include "xenstored/conn.h"
#include "xenstored/xenstored.h"

static struct xenstored *xs;
static struct tc *a, *b;

static void setup(void)
{
	xs = test_xs_new();
	a = tc_new(xs, 0);
	b = tc_new(xs, 0);
}

static void teardown(void)
{
	tc_free(b);
	tc_free(a);
	xenstored_destroy(xs);
}

static void test_initial_event(void)
{
	struct test_msg m[4];

	setup();
	/* OK first, then the event; the path need not exist. */
	conn_feed(
		a->c,
		&(struct xsd_sockmsg){.type = XS_WATCH, .req_id = 9, .len = 7},
		sizeof(struct xsd_sockmsg));
	conn_feed(a->c, "/w\0tok\0", 7);
	CHECK_EQ(2, tc_take(a, m, 4));
	CHECK_EQ(XS_WATCH, m[0].hdr.type);
	CHECK_EQ(9, m[0].hdr.req_id);
	CHECK(!strcmp(m[0].data, "OK"));
	CHECK_EQ(XS_WATCH_EVENT, m[1].hdr.type);
	CHECK_EQ(0, m[1].hdr.req_id);
	CHECK_EQ(0, m[1].hdr.tx_id);
	CHECK_EQ(7, m[1].hdr.len);
	CHECK(!memcmp(m[1].data, "/w\0tok\0", 7));
	teardown();
}

static void test_fires_on_changes(void)
{
	setup();
	CHECK_STREQ("OK|", tc_call(a, XS_WATCH, 0, "/w|t|"));
	CHECK_STREQ("/w|t|", tc_event(a));
	CHECK_STREQ("OK|", tc_call(b, XS_WRITE, 0, "/w/x/y|1"));
	CHECK_STREQ("/w/x/y|t|", tc_event(a));
	CHECK_STREQ("", tc_event(a));
	CHECK_STREQ("OK|", tc_call(b, XS_MKDIR, 0, "/w/m|"));
	CHECK_STREQ("/w/m|t|", tc_event(a));
	CHECK_STREQ("OK|", tc_call(b, XS_MKDIR, 0, "/w/m|"));
	CHECK_STREQ("", tc_event(a)); /* nothing changed */
	CHECK_STREQ("OK|", tc_call(b, XS_SET_PERMS, 0, "/w/m|r0|"));
	CHECK_STREQ("/w/m|t|", tc_event(a));
	CHECK_STREQ("OK|", tc_call(b, XS_RM, 0, "/w/x|"));
	CHECK_STREQ("/w/x|t|", tc_event(a));
	CHECK_STREQ("OK|", tc_call(b, XS_WRITE, 0, "/wx|1"));
	CHECK_STREQ("OK|", tc_call(b, XS_WRITE, 0, "/other|1"));
	CHECK_STREQ("", tc_event(a)); /* siblings and prefixes do not fire */
	/* The writer's own watches fire too. */
	CHECK_STREQ("OK|", tc_call(a, XS_WRITE, 0, "/w|2"));
	CHECK_STREQ("/w|t|", tc_event(a));
	teardown();
}

static void test_ancestor_removal(void)
{
	setup();
	CHECK_STREQ("OK|", tc_call(b, XS_WRITE, 0, "/r/s/t|1"));
	CHECK_STREQ("OK|", tc_call(a, XS_WATCH, 0, "/r/s/t|deep|"));
	CHECK_STREQ("OK|", tc_call(a, XS_WATCH, 0, "/r|top|"));
	CHECK_EQ(2, tc_clear_events(a));
	CHECK_STREQ("OK|", tc_call(b, XS_RM, 0, "/r/s|"));
	/* The watch below reports its own path; the one above the removed. */
	CHECK_STREQ("/r/s/t|deep|", tc_event(a));
	CHECK_STREQ("/r/s|top|", tc_event(a));
	CHECK_STREQ("", tc_event(a));
	teardown();
}

static void test_relative_watch(void)
{
	setup();
	CHECK_STREQ("OK|", tc_call(a, XS_WATCH, 0, "backend/qdisk/5|uuid|"));
	CHECK_STREQ("backend/qdisk/5|uuid|", tc_event(a));
	CHECK_STREQ("OK|",
		    tc_call(b, XS_WRITE, 0,
			    "/local/domain/0/backend/qdisk/5/768/state|1"));
	CHECK_STREQ("backend/qdisk/5/768/state|uuid|", tc_event(a));
	CHECK_STREQ("OK|", tc_call(b, XS_RM, 0, "/local/domain/0/backend|"));
	CHECK_STREQ("backend/qdisk/5|uuid|", tc_event(a));
	/* The same node watched absolutely reports absolute paths. */
	CHECK_STREQ("OK|",
		    tc_call(a, XS_WATCH, 0, "/local/domain/0/backend|abs|"));
	CHECK_STREQ("/local/domain/0/backend|abs|", tc_event(a));
	CHECK_STREQ("OK|", tc_call(b, XS_WRITE, 0, "backend/qdisk/5|"));
	CHECK_STREQ("backend/qdisk/5|uuid|", tc_event(a));
	CHECK_STREQ("/local/domain/0/backend/qdisk/5|abs|", tc_event(a));
	teardown();
}

static void test_unwatch_and_duplicates(void)
{
	setup();
	CHECK_STREQ("OK|", tc_call(a, XS_WATCH, 0, "/u|t|"));
	CHECK_STREQ("ERR EEXIST", tc_call(a, XS_WATCH, 0, "/u|t|"));
	CHECK_STREQ("OK|", tc_call(a, XS_WATCH, 0, "/u|t2|"));
	/* Relative and absolute spellings are the same watch. */
	CHECK_STREQ("OK|", tc_call(a, XS_WATCH, 0, "x|t|"));
	CHECK_STREQ("ERR EEXIST",
		    tc_call(a, XS_WATCH, 0, "/local/domain/0/x|t|"));
	CHECK_EQ(3, tc_clear_events(a));
	CHECK_STREQ("OK|", tc_call(a, XS_UNWATCH, 0, "/u|t|"));
	CHECK_STREQ("ERR ENOENT", tc_call(a, XS_UNWATCH, 0, "/u|t|"));
	CHECK_STREQ("ERR ENOENT", tc_call(b, XS_UNWATCH, 0, "/u|t2|"));
	CHECK_STREQ("OK|", tc_call(b, XS_WRITE, 0, "/u|1"));
	CHECK_STREQ("/u|t2|", tc_event(a));
	CHECK_STREQ("", tc_event(a));
	CHECK_STREQ("ERR EINVAL", tc_call(a, XS_WATCH, 0, "/u|"));
	CHECK_STREQ("ERR EINVAL", tc_call(a, XS_WATCH, 0, "/u/|t|"));
	/* tx_id is ignored, even an unknown one. */
	CHECK_STREQ("OK|", tc_call(a, XS_WATCH, 42, "/v|t|"));
	teardown();
}

static void test_quota(void)
{
	char req[32];
	unsigned int i, ok = 0;

	setup();
	for (i = 0; i < 200; i++) {
		snprintf(req, sizeof(req), "/q|%u|", i);
		ok += !strcmp("OK|", tc_call(a, XS_WATCH, 0, req));
	}
	CHECK_EQ(128, ok);
	CHECK_STREQ("ERR E2BIG", tc_call(a, XS_WATCH, 0, "/q|more|"));
	CHECK_EQ(128, tc_clear_events(a));
	/* Another connection has its own quota. */
	CHECK_STREQ("OK|", tc_call(b, XS_WATCH, 0, "/q|more|"));
	CHECK_STREQ("OK|", tc_call(a, XS_UNWATCH, 0, "/q|5|"));
	CHECK_STREQ("OK|", tc_call(a, XS_WATCH, 0, "/q|more|"));
	CHECK_STREQ("OK|", tc_call(a, XS_RESET_WATCHES, 0, "|"));
	CHECK_EQ(1, tc_clear_events(a)); /* the last watch's first event */
	CHECK_STREQ("OK|", tc_call(b, XS_WRITE, 0, "/q|1"));
	CHECK_EQ(0, tc_clear_events(a));
	teardown();
}

static void test_special_events(void)
{
	struct tc *g;

	setup();
	g = tc_new(xs, 5);
	CHECK_STREQ("OK|", tc_call(a, XS_WATCH, 0, "@introduceDomain|i|"));
	CHECK_STREQ("OK|", tc_call(a, XS_WATCH, 0, "@releaseDomain|r|"));
	CHECK_STREQ("OK|", tc_call(a, XS_WATCH, 0, "/|root|"));
	CHECK_STREQ("OK|", tc_call(g, XS_WATCH, 0, "@releaseDomain|g|"));
	CHECK_EQ(3, tc_clear_events(a));
	CHECK_STREQ("@releaseDomain|g|", tc_event(g));
	CHECK_STREQ("OK|", tc_call(b, XS_INTRODUCE, 0, "9|1|1|"));
	CHECK_STREQ("@introduceDomain|i|", tc_event(a));
	CHECK_STREQ("", tc_event(a)); /* not "/" watches, no repeat */
	CHECK_STREQ("OK|", tc_call(b, XS_INTRODUCE, 0, "9|1|1|"));
	CHECK_STREQ("", tc_event(a));
	CHECK_STREQ("OK|", tc_call(b, XS_RELEASE, 0, "9|"));
	CHECK_STREQ("@releaseDomain|r|", tc_event(a));
	CHECK_STREQ("", tc_event(g)); /* dom0 only */
	tc_free(g);
	teardown();
}

static void test_guest_sees_readable_only(void)
{
	struct tc *g;

	setup();
	g = tc_new(xs, 5);
	CHECK_STREQ("OK|", tc_call(g, XS_WATCH, 0, "/|all|"));
	CHECK_STREQ("/|all|", tc_event(g));
	CHECK_STREQ("OK|", tc_call(a, XS_WRITE, 0, "/hidden|1"));
	CHECK_STREQ("", tc_event(g));
	CHECK_STREQ("OK|", tc_call(a, XS_WRITE, 0, "/pub|1"));
	CHECK_STREQ("OK|", tc_call(a, XS_SET_PERMS, 0, "/pub|n0|r5|"));
	CHECK_STREQ("/pub|all|", tc_event(g));
	CHECK_STREQ("OK|", tc_call(a, XS_WRITE, 0, "/pub|2"));
	CHECK_STREQ("/pub|all|", tc_event(g));
	/* Losing access is still reported once. */
	CHECK_STREQ("OK|", tc_call(a, XS_SET_PERMS, 0, "/pub|n0|"));
	CHECK_STREQ("/pub|all|", tc_event(g));
	CHECK_STREQ("OK|", tc_call(a, XS_WRITE, 0, "/pub|3"));
	CHECK_STREQ("", tc_event(g));
	tc_free(g);
	teardown();
}

int main(void)
{
	HVM_TEST(test_initial_event);
	HVM_TEST(test_fires_on_changes);
	HVM_TEST(test_ancestor_removal);
	HVM_TEST(test_relative_watch);
	HVM_TEST(test_unwatch_and_duplicates);
	HVM_TEST(test_quota);
	HVM_TEST(test_special_events);
	HVM_TEST(test_guest_sees_readable_only);
	return hvm_test_summary();
}
