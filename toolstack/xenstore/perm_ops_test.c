/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests of permissions and quotas through requests from guest
 * connections (domid 5 and 6) next to dom0: reads and writes allowed or
 * denied by each letter, ENOENT versus EACCES, creation under writable
 * nodes and ownership of what a guest creates, SET_PERMS by owner only
 * and no giving away, dom0-only requests, relative paths of a guest, and
 * the node, value-size and permission-count quotas.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "test_client.h"
#include "xenstored/conn.h"
#include "xenstored/xenstored.h"

static struct xenstored *xs;
static struct tc *d0, *d5, *d6;

static void setup(void)
{
	xs = test_xs_new();
	d0 = tc_new(xs, 0);
	d5 = tc_new(xs, 5);
	d6 = tc_new(xs, 6);
}

static void teardown(void)
{
	tc_free(d6);
	tc_free(d5);
	tc_free(d0);
	xenstored_destroy(xs);
}

static void test_default_deny(void)
{
	setup();
	CHECK_STREQ("OK|", tc_call(d0, XS_WRITE, 0, "/secret/k|v"));
	CHECK_STREQ("ERR EACCES", tc_call(d5, XS_READ, 0, "/secret/k|"));
	CHECK_STREQ("ERR EACCES", tc_call(d5, XS_DIRECTORY, 0, "/secret|"));
	CHECK_STREQ("ERR EACCES", tc_call(d5, XS_GET_PERMS, 0, "/secret|"));
	CHECK_STREQ("ERR EACCES", tc_call(d5, XS_WRITE, 0, "/secret/k|w"));
	CHECK_STREQ("ERR EACCES", tc_call(d5, XS_RM, 0, "/secret/k|"));
	CHECK_STREQ("ERR EACCES", tc_call(d5, XS_MKDIR, 0, "/secret/n|"));
	/* Missing nodes below an unreadable one do not say ENOENT. */
	CHECK_STREQ("ERR EACCES", tc_call(d5, XS_READ, 0, "/secret/none|"));
	CHECK_STREQ("ERR EACCES", tc_call(d5, XS_READ, 0, "/none|"));
	CHECK_STREQ("v", tc_call(d0, XS_READ, 0, "/secret/k|"));
	teardown();
}

static void test_letters(void)
{
	setup();
	CHECK_STREQ("OK|", tc_call(d0, XS_WRITE, 0, "/v|x"));
	CHECK_STREQ("OK|", tc_call(d0, XS_SET_PERMS, 0, "/v|n0|r5|w6|"));
	CHECK_STREQ("x", tc_call(d5, XS_READ, 0, "/v|"));
	CHECK_STREQ("ERR EACCES", tc_call(d5, XS_WRITE, 0, "/v|y"));
	CHECK_STREQ("ERR EACCES", tc_call(d6, XS_READ, 0, "/v|"));
	CHECK_STREQ("OK|", tc_call(d6, XS_WRITE, 0, "/v|y"));
	CHECK_STREQ("y", tc_call(d5, XS_READ, 0, "/v|"));
	/* The first entry is the default for unlisted domains. */
	CHECK_STREQ("OK|", tc_call(d0, XS_SET_PERMS, 0, "/v|r0|n5|"));
	CHECK_STREQ("y", tc_call(d6, XS_READ, 0, "/v|"));
	CHECK_STREQ("ERR EACCES", tc_call(d5, XS_READ, 0, "/v|"));
	/* b is both. */
	CHECK_STREQ("OK|", tc_call(d0, XS_SET_PERMS, 0, "/v|n0|b5|"));
	CHECK_STREQ("OK|", tc_call(d5, XS_WRITE, 0, "/v|z"));
	CHECK_STREQ("z", tc_call(d5, XS_READ, 0, "/v|"));
	teardown();
}

static void test_guest_creates_and_owns(void)
{
	setup();
	CHECK_STREQ("OK|", tc_call(d0, XS_MKDIR, 0, "/local/domain/5|"));
	CHECK_STREQ("OK|",
		    tc_call(d0, XS_SET_PERMS, 0, "/local/domain/5|n0|b5|"));
	/* Relative paths of domain 5 live under /local/domain/5. */
	CHECK_STREQ("OK|", tc_call(d5, XS_WRITE, 0, "device/vif/0/state|1"));
	CHECK_STREQ("1", tc_call(d0, XS_READ, 0,
				 "/local/domain/5/device/vif/0/state|"));
	/* What a guest creates it owns; the rest of the list is copied. */
	CHECK_STREQ("n5|b5|", tc_call(d5, XS_GET_PERMS, 0, "device/vif|"));
	CHECK_STREQ("ERR ENOENT", tc_call(d5, XS_READ, 0, "nothing|"));
	CHECK_STREQ("ERR EACCES",
		    tc_call(d6, XS_READ, 0, "/local/domain/5/device|"));
	/* The owner may set permissions, even to give others access. */
	CHECK_STREQ("OK|", tc_call(d5, XS_SET_PERMS, 0, "device|n5|r6|"));
	CHECK_STREQ("vif|",
		    tc_call(d6, XS_DIRECTORY, 0, "/local/domain/5/device|"));
	/* But not give the node away. */
	CHECK_STREQ("ERR EPERM", tc_call(d5, XS_SET_PERMS, 0, "device|n6|"));
	CHECK_STREQ("OK|", tc_call(d5, XS_RM, 0, "device|"));
	teardown();
}

static void test_set_perms_owner_only(void)
{
	setup();
	CHECK_STREQ("OK|", tc_call(d0, XS_WRITE, 0, "/o|1"));
	/* Write access is not ownership. */
	CHECK_STREQ("OK|", tc_call(d0, XS_SET_PERMS, 0, "/o|n0|b5|"));
	CHECK_STREQ("ERR EACCES", tc_call(d5, XS_SET_PERMS, 0, "/o|b5|"));
	CHECK_STREQ("OK|", tc_call(d0, XS_SET_PERMS, 0, "/o|n5|"));
	CHECK_STREQ("OK|", tc_call(d5, XS_SET_PERMS, 0, "/o|n5|r6|"));
	CHECK_STREQ("1", tc_call(d6, XS_READ, 0, "/o|"));
	teardown();
}

static void test_dom0_only_requests(void)
{
	setup();
	CHECK_STREQ("ERR EACCES", tc_call(d5, XS_INTRODUCE, 0, "9|1|1|"));
	CHECK_STREQ("ERR EACCES", tc_call(d5, XS_RELEASE, 0, "9|"));
	CHECK_STREQ("ERR EACCES",
		    tc_call(d5, XS_IS_DOMAIN_INTRODUCED, 0, "9|"));
	CHECK_STREQ("ERR EACCES", tc_call(d5, XS_RESUME, 0, "9|"));
	CHECK_STREQ("/local/domain/9|",
		    tc_call(d5, XS_GET_DOMAIN_PATH, 0, "9|"));
	teardown();
}

static void test_release_closes_guest(void)
{
	setup();
	CHECK_STREQ("OK|", tc_call(d0, XS_INTRODUCE, 0, "5|77|2|"));
	CHECK_STREQ("OK|", tc_call(d0, XS_RELEASE, 0, "5|"));
	CHECK(d5->c->dead);
	CHECK(!d6->c->dead && !d0->c->dead);
	teardown();
}

static void test_quotas(void)
{
	char path[64], big[4096];
	unsigned int i;

	setup();
	CHECK_STREQ("OK|", tc_call(d0, XS_MKDIR, 0, "/local/domain/5|"));
	CHECK_STREQ("OK|",
		    tc_call(d0, XS_SET_PERMS, 0, "/local/domain/5|n0|b5|"));
	/* Node quota: 1000 owned nodes, checked before anything is made. */
	for (i = 0; i < 1000; i++) {
		snprintf(path, sizeof(path), "n%u|", i);
		if (strcmp("OK|", tc_call(d5, XS_MKDIR, 0, path)))
			break;
	}
	CHECK_EQ(1000, i);
	CHECK_STREQ("ERR ENOSPC", tc_call(d5, XS_MKDIR, 0, "more|"));
	CHECK_STREQ("ERR ENOSPC", tc_call(d5, XS_WRITE, 0, "a/b|1"));
	CHECK_STREQ("OK|", tc_call(d5, XS_RM, 0, "n0|"));
	CHECK_STREQ("ERR ENOSPC", tc_call(d5, XS_WRITE, 0, "a/b|1"));
	CHECK_STREQ("OK|", tc_call(d5, XS_WRITE, 0, "a|1"));
	/* Dom0 has no node quota. */
	CHECK_STREQ("OK|", tc_call(d0, XS_MKDIR, 0, "/local/domain/5/x|"));
	/* Value size: 2048 bytes for a guest, the payload for dom0. */
	memset(big, 'v', sizeof(big));
	memcpy(big, "n1|", 3);
	big[3 + 2048] = '\0';
	CHECK_STREQ("OK|", tc_call(d5, XS_WRITE, 0, big));
	big[3 + 2048] = 'v';
	big[3 + 2049] = '\0';
	CHECK_STREQ("ERR ENOSPC", tc_call(d5, XS_WRITE, 0, big));
	memcpy(big, "/n1|", 4);
	big[4 + 3000] = '\0';
	CHECK_STREQ("OK|", tc_call(d0, XS_WRITE, 0, big));
	/* Five permission entries for a guest. */
	CHECK_STREQ("OK|", tc_call(d5, XS_SET_PERMS, 0, "a|n5|r1|r2|r3|r4|"));
	CHECK_STREQ("ERR ENOSPC",
		    tc_call(d5, XS_SET_PERMS, 0, "a|n5|r1|r2|r3|r4|r6|"));
	teardown();
}

int main(void)
{
	HVM_TEST(test_default_deny);
	HVM_TEST(test_letters);
	HVM_TEST(test_guest_creates_and_owns);
	HVM_TEST(test_set_perms_owner_only);
	HVM_TEST(test_dom0_only_requests);
	HVM_TEST(test_release_closes_guest);
	HVM_TEST(test_quotas);
	return hvm_test_summary();
}
