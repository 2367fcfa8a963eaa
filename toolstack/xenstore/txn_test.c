/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests of transactions: isolation both ways, commit and abort,
 * EAGAIN when a node the transaction read or wrote changed (including
 * creation of a node it saw missing), commits of disjoint changes by two
 * transactions, removal and re-creation inside a transaction, watches
 * firing only at commit, and the errors: unknown tx_id, START with a
 * tx_id, bad END argument, transaction and node quotas.
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

static void test_isolation_and_commit(void)
{
	uint32_t tx;

	setup();
	CHECK_STREQ("OK|", tc_call(a, XS_WRITE, 0, "/t/x|old"));
	tx = tc_txn_start(a);
	CHECK_STREQ("OK|", tc_call(a, XS_WRITE, tx, "/t/x|new"));
	CHECK_STREQ("OK|", tc_call(a, XS_WRITE, tx, "/t/y/z|1"));
	CHECK_STREQ("new", tc_call(a, XS_READ, tx, "/t/x|"));
	CHECK_STREQ("x|y|", tc_call(a, XS_DIRECTORY, tx, "/t|"));
	/* Outside the transaction nothing changed yet. */
	CHECK_STREQ("old", tc_call(a, XS_READ, 0, "/t/x|"));
	CHECK_STREQ("ERR ENOENT", tc_call(b, XS_READ, 0, "/t/y/z|"));
	CHECK_STREQ("OK|", tc_call(a, XS_TRANSACTION_END, tx, "T|"));
	CHECK_STREQ("new", tc_call(b, XS_READ, 0, "/t/x|"));
	CHECK_STREQ("1", tc_call(b, XS_READ, 0, "/t/y/z|"));
	CHECK_STREQ("x|y|", tc_call(b, XS_DIRECTORY, 0, "/t|"));
	/* The id is gone. */
	CHECK_STREQ("ERR ENOENT", tc_call(a, XS_READ, tx, "/t/x|"));
	teardown();
}

static void test_abort(void)
{
	uint32_t tx;

	setup();
	tx = tc_txn_start(a);
	CHECK_STREQ("OK|", tc_call(a, XS_WRITE, tx, "/ab|1"));
	CHECK_STREQ("OK|", tc_call(a, XS_TRANSACTION_END, tx, "F|"));
	CHECK_STREQ("ERR ENOENT", tc_call(a, XS_READ, 0, "/ab|"));
	teardown();
}

static void test_conflicts(void)
{
	uint32_t t1, t2;

	setup();
	CHECK_STREQ("OK|", tc_call(a, XS_WRITE, 0, "/c/x|0"));
	/* Both write the same node: the second commit fails. */
	t1 = tc_txn_start(a);
	t2 = tc_txn_start(b);
	CHECK_STREQ("OK|", tc_call(a, XS_WRITE, t1, "/c/x|1"));
	CHECK_STREQ("OK|", tc_call(b, XS_WRITE, t2, "/c/x|2"));
	CHECK_STREQ("OK|", tc_call(a, XS_TRANSACTION_END, t1, "T|"));
	CHECK_STREQ("ERR EAGAIN", tc_call(b, XS_TRANSACTION_END, t2, "T|"));
	CHECK_STREQ("1", tc_call(b, XS_READ, 0, "/c/x|"));
	/* A read node changed by a plain write. */
	t1 = tc_txn_start(a);
	CHECK_STREQ("1", tc_call(a, XS_READ, t1, "/c/x|"));
	CHECK_STREQ("OK|", tc_call(a, XS_WRITE, t1, "/c/y|from-x"));
	CHECK_STREQ("OK|", tc_call(b, XS_WRITE, 0, "/c/x|3"));
	CHECK_STREQ("ERR EAGAIN", tc_call(a, XS_TRANSACTION_END, t1, "T|"));
	CHECK_STREQ("ERR ENOENT", tc_call(a, XS_READ, 0, "/c/y|"));
	/* A node seen missing was created meanwhile. */
	t1 = tc_txn_start(a);
	CHECK_STREQ("ERR ENOENT", tc_call(a, XS_READ, t1, "/c/new|"));
	CHECK_STREQ("OK|", tc_call(b, XS_WRITE, 0, "/c/new|1"));
	CHECK_STREQ("ERR EAGAIN", tc_call(a, XS_TRANSACTION_END, t1, "T|"));
	/* A node removed meanwhile. */
	t1 = tc_txn_start(a);
	CHECK_STREQ("OK|", tc_call(a, XS_WRITE, t1, "/c/new/k|1"));
	CHECK_STREQ("OK|", tc_call(b, XS_RM, 0, "/c/new|"));
	CHECK_STREQ("ERR EAGAIN", tc_call(a, XS_TRANSACTION_END, t1, "T|"));
	CHECK_STREQ("ERR ENOENT", tc_call(a, XS_READ, 0, "/c/new|"));
	teardown();
}

static void test_disjoint_commits(void)
{
	uint32_t t1, t2;

	setup();
	CHECK_STREQ("OK|", tc_call(a, XS_WRITE, 0, "/j/a|0"));
	CHECK_STREQ("OK|", tc_call(a, XS_WRITE, 0, "/j/b|0"));
	t1 = tc_txn_start(a);
	t2 = tc_txn_start(b);
	CHECK_STREQ("OK|", tc_call(a, XS_WRITE, t1, "/j/a|1"));
	CHECK_STREQ("OK|", tc_call(b, XS_WRITE, t2, "/j/b|2"));
	/* Writes elsewhere by others do not conflict either. */
	CHECK_STREQ("OK|", tc_call(b, XS_WRITE, 0, "/elsewhere|1"));
	CHECK_STREQ("OK|", tc_call(a, XS_TRANSACTION_END, t1, "T|"));
	CHECK_STREQ("OK|", tc_call(b, XS_TRANSACTION_END, t2, "T|"));
	CHECK_STREQ("1", tc_call(a, XS_READ, 0, "/j/a|"));
	CHECK_STREQ("2", tc_call(a, XS_READ, 0, "/j/b|"));
	CHECK_STREQ("1", tc_call(a, XS_READ, 0, "/elsewhere|"));
	teardown();
}

static void test_remove_and_recreate(void)
{
	uint32_t tx;

	setup();
	CHECK_STREQ("OK|", tc_call(a, XS_WRITE, 0, "/rr/old/deep|1"));
	CHECK_STREQ("OK|", tc_call(a, XS_WRITE, 0, "/rr/keep|1"));
	CHECK_STREQ("OK|", tc_call(a, XS_WATCH, 0, "/rr/old/deep|w|"));
	CHECK_EQ(1, tc_clear_events(a));
	tx = tc_txn_start(a);
	CHECK_STREQ("OK|", tc_call(a, XS_RM, tx, "/rr|"));
	CHECK_STREQ("OK|", tc_call(a, XS_WRITE, tx, "/rr/new|2"));
	CHECK_STREQ("new|", tc_call(a, XS_DIRECTORY, tx, "/rr|"));
	CHECK_STREQ("", tc_event(a)); /* nothing before the commit */
	CHECK_STREQ("OK|", tc_call(a, XS_TRANSACTION_END, tx, "T|"));
	CHECK_STREQ("new|", tc_call(b, XS_DIRECTORY, 0, "/rr|"));
	CHECK_STREQ("ERR ENOENT", tc_call(b, XS_READ, 0, "/rr/old/deep|"));
	/* The deleted watched node was reported at commit. */
	CHECK_STREQ("/rr/old/deep|w|", tc_event(a));
	teardown();
}

static void test_watches_at_commit(void)
{
	uint32_t tx;

	setup();
	CHECK_STREQ("OK|", tc_call(b, XS_WATCH, 0, "/wc|w|"));
	CHECK_EQ(1, tc_clear_events(b));
	tx = tc_txn_start(a);
	CHECK_STREQ("OK|", tc_call(a, XS_WRITE, tx, "/wc/a|1"));
	CHECK_STREQ("OK|", tc_call(a, XS_SET_PERMS, tx, "/wc/a|r0|"));
	CHECK_STREQ("", tc_event(b));
	CHECK_STREQ("OK|", tc_call(a, XS_TRANSACTION_END, tx, "T|"));
	CHECK_STREQ("/wc/a|w|", tc_event(b));
	CHECK_STREQ("r0|", tc_call(b, XS_GET_PERMS, 0, "/wc/a|"));
	/* An aborted one fires nothing. */
	tx = tc_txn_start(a);
	CHECK_STREQ("OK|", tc_call(a, XS_WRITE, tx, "/wc/b|1"));
	CHECK_STREQ("OK|", tc_call(a, XS_TRANSACTION_END, tx, "F|"));
	CHECK_EQ(0, tc_clear_events(b));
	teardown();
}

static void test_errors_and_quotas(void)
{
	uint32_t tx, ids[10];
	char path[64];
	unsigned int i;
	struct tc *g;

	setup();
	CHECK_STREQ("ERR ENOENT", tc_call(a, XS_READ, 1234, "/|"));
	CHECK_STREQ("ERR ENOENT", tc_call(a, XS_TRANSACTION_END, 0, "T|"));
	tx = tc_txn_start(a);
	CHECK_STREQ("ERR EBUSY", tc_call(a, XS_TRANSACTION_START, tx, "|"));
	CHECK_STREQ("ERR EINVAL", tc_call(a, XS_TRANSACTION_END, tx, "X|"));
	/* Another connection cannot use our id. */
	CHECK_STREQ("ERR ENOENT", tc_call(b, XS_READ, tx, "/|"));
	CHECK_STREQ("OK|", tc_call(a, XS_TRANSACTION_END, tx, "F|"));
	for (i = 0; i < 10; i++)
		ids[i] = tc_txn_start(a);
	CHECK_STREQ("ERR ENOSPC", tc_call(a, XS_TRANSACTION_START, 0, "|"));
	CHECK(ids[0] != ids[9]);
	/* Closing a connection ends its transactions. */
	tc_free(a);
	a = tc_new(xs, 0);
	/* A guest transaction may touch at most 1024 nodes. */
	g = tc_new(xs, 5);
	CHECK_STREQ("OK|", tc_call(b, XS_MKDIR, 0, "/local/domain/5|"));
	CHECK_STREQ("OK|", tc_call(b, XS_SET_PERMS, 0, "/local/domain/5|n5|"));
	tx = tc_txn_start(g);
	for (i = 0; i < 1100; i++) {
		snprintf(path, sizeof(path), "x%u|", i);
		if (strcmp("ERR ENOENT", tc_call(g, XS_READ, tx, path)))
			break;
	}
	CHECK_EQ(1024, i);
	CHECK_STREQ("ERR ENOSPC", tc_call(g, XS_READ, tx, path));
	tc_free(g);
	teardown();
}

int main(void)
{
	HVM_TEST(test_isolation_and_commit);
	HVM_TEST(test_abort);
	HVM_TEST(test_conflicts);
	HVM_TEST(test_disjoint_commits);
	HVM_TEST(test_remove_and_recreate);
	HVM_TEST(test_watches_at_commit);
	HVM_TEST(test_errors_and_quotas);
	return hvm_test_summary();
}
