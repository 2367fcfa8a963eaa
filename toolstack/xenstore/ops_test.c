/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests of every request type as dom0, in process: READ, WRITE
 * (binary values, ancestors created), MKDIR, RM (subtree, missing node,
 * missing parent, root), DIRECTORY (order, E2BIG), DIRECTORY_PART,
 * GET_PERMS / SET_PERMS, relative paths under /local/domain/0, the domain
 * requests, and ENOSYS for the types we do not serve.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "test_client.h"
#include "xenstored/xenstored.h"

static struct xenstored *xs;
static struct tc *t;

static void setup(void)
{
	xs = test_xs_new();
	t = tc_new(xs, 0);
}

static void teardown(void)
{
	tc_free(t);
	xenstored_destroy(xs);
}

static void test_initial_tree(void)
{
	setup();
	CHECK_STREQ("tool|", tc_call(t, XS_DIRECTORY, 0, "/|"));
	CHECK_STREQ("xenstored|", tc_call(t, XS_DIRECTORY, 0, "/tool|"));
	CHECK_STREQ("", tc_call(t, XS_READ, 0, "/|"));
	CHECK_STREQ("n0|", tc_call(t, XS_GET_PERMS, 0, "/|"));
	teardown();
}

static void test_write_read(void)
{
	static const char bin[] = {'p', '\0', 'x', '\0', (char)0xff};
	char raw[32];

	setup();
	CHECK_STREQ("OK|", tc_call(t, XS_WRITE, 0, "/a/b/c|hello"));
	CHECK_STREQ("hello", tc_call(t, XS_READ, 0, "/a/b/c|"));
	/* Ancestors exist with empty values and the parent's permissions. */
	CHECK_STREQ("", tc_call(t, XS_READ, 0, "/a/b|"));
	CHECK_STREQ("n0|", tc_call(t, XS_GET_PERMS, 0, "/a|"));
	CHECK_STREQ("OK|", tc_call(t, XS_WRITE, 0, "/a/b/c|"));
	CHECK_STREQ("", tc_call(t, XS_READ, 0, "/a/b/c|"));
	CHECK_STREQ("ERR ENOENT", tc_call(t, XS_READ, 0, "/nope|"));
	/* A value is raw bytes: NULs and 0xff survive. */
	memcpy(raw, "/bin\0", 5);
	memcpy(raw + 5, bin, sizeof(bin));
	CHECK_STREQ("OK|", tc_call_raw(t, XS_WRITE, 0, raw, 5 + sizeof(bin)));
	CHECK_STREQ("p|x|\xff", tc_call(t, XS_READ, 0, "/bin|"));
	teardown();
}

static void test_relative_paths(void)
{
	setup();
	CHECK_STREQ("OK|",
		    tc_call(t, XS_WRITE, 0, "device-model/5/state|running"));
	CHECK_STREQ("running",
		    tc_call(t, XS_READ, 0,
			    "/local/domain/0/device-model/5/state|"));
	CHECK_STREQ("running", tc_call(t, XS_READ, 0, "device-model/5/state|"));
	CHECK_STREQ("ERR ENOENT", tc_call(t, XS_READ, 0, "domid|"));
	teardown();
}

static void test_mkdir(void)
{
	setup();
	CHECK_STREQ("OK|", tc_call(t, XS_MKDIR, 0, "/m/n|"));
	CHECK_STREQ("", tc_call(t, XS_READ, 0, "/m/n|"));
	CHECK_STREQ("OK|", tc_call(t, XS_WRITE, 0, "/m/n|keep"));
	/* MKDIR of an existing node keeps its value. */
	CHECK_STREQ("OK|", tc_call(t, XS_MKDIR, 0, "/m/n|"));
	CHECK_STREQ("keep", tc_call(t, XS_READ, 0, "/m/n|"));
	teardown();
}

static void test_rm(void)
{
	setup();
	CHECK_STREQ("OK|", tc_call(t, XS_WRITE, 0, "/r/a/x|1"));
	CHECK_STREQ("OK|", tc_call(t, XS_WRITE, 0, "/r/b|2"));
	CHECK_STREQ("OK|", tc_call(t, XS_RM, 0, "/r/a|"));
	CHECK_STREQ("ERR ENOENT", tc_call(t, XS_READ, 0, "/r/a/x|"));
	CHECK_STREQ("b|", tc_call(t, XS_DIRECTORY, 0, "/r|"));
	/* Missing node: fine if the parent exists, else ENOENT. */
	CHECK_STREQ("OK|", tc_call(t, XS_RM, 0, "/r/zz|"));
	CHECK_STREQ("ERR ENOENT", tc_call(t, XS_RM, 0, "/r/zz/y|"));
	CHECK_STREQ("ERR EINVAL", tc_call(t, XS_RM, 0, "/|"));
	CHECK_STREQ("OK|", tc_call(t, XS_RM, 0, "/r|"));
	CHECK_STREQ("tool|", tc_call(t, XS_DIRECTORY, 0, "/|"));
	teardown();
}

static void test_directory(void)
{
	char path[64];
	const char *r;
	unsigned int i;

	setup();
	CHECK_STREQ("OK|", tc_call(t, XS_WRITE, 0, "/d/zeta|"));
	CHECK_STREQ("OK|", tc_call(t, XS_WRITE, 0, "/d/alpha|"));
	CHECK_STREQ("OK|", tc_call(t, XS_MKDIR, 0, "/d/mid|"));
	/* Creation order, as Xen. */
	CHECK_STREQ("zeta|alpha|mid|", tc_call(t, XS_DIRECTORY, 0, "/d|"));
	CHECK_STREQ("", tc_call(t, XS_DIRECTORY, 0, "/d/mid|"));
	CHECK_STREQ("ERR ENOENT", tc_call(t, XS_DIRECTORY, 0, "/nope|"));
	/* 300 names of 20 bytes: 6300 bytes, too long for one reply. */
	for (i = 0; i < 300; i++) {
		snprintf(path, sizeof(path), "/big/child-%013u|", i);
		CHECK_STREQ("OK|", tc_call(t, XS_MKDIR, 0, path));
	}
	CHECK_STREQ("ERR E2BIG", tc_call(t, XS_DIRECTORY, 0, "/big|"));
	r = tc_call(t, XS_DIRECTORY_PART, 0, "/big|0|");
	CHECK(strlen(r) > 3000 && strlen(r) <= XENSTORE_PAYLOAD_MAX);
	CHECK_STR_CONTAINS(r, "|child-0000000000000|child-0000000000001|");
	teardown();
}

static void test_directory_part(void)
{
	char gen[32], expect[96];
	const char *r;

	setup();
	CHECK_STREQ("OK|", tc_call(t, XS_MKDIR, 0, "/p/ab|"));
	CHECK_STREQ("OK|", tc_call(t, XS_MKDIR, 0, "/p/cd|"));
	r = tc_call(t, XS_DIRECTORY_PART, 0, "/p|0|");
	snprintf(gen, sizeof(gen), "%.*s", (int)strcspn(r, "|"), r);
	CHECK(gen[0] >= '1' && gen[0] <= '9');
	/* Whole list, then the empty string that ends it. */
	snprintf(expect, sizeof(expect), "%s|ab|cd||", gen);
	CHECK_STREQ(expect, r);
	snprintf(expect, sizeof(expect), "%s|cd||", gen);
	CHECK_STREQ(expect, tc_call(t, XS_DIRECTORY_PART, 0, "/p|3|"));
	snprintf(expect, sizeof(expect), "%s||", gen);
	CHECK_STREQ(expect, tc_call(t, XS_DIRECTORY_PART, 0, "/p|99|"));
	CHECK_STREQ("ERR EINVAL", tc_call(t, XS_DIRECTORY_PART, 0, "/p|x|"));
	CHECK_STREQ("ERR EINVAL", tc_call(t, XS_DIRECTORY_PART, 0, "/p|"));
	teardown();
}

static void test_perms(void)
{
	setup();
	CHECK_STREQ("OK|", tc_call(t, XS_WRITE, 0, "/q/x|1"));
	CHECK_STREQ("OK|", tc_call(t, XS_SET_PERMS, 0, "/q|n3|r5|b7|"));
	CHECK_STREQ("n3|r5|b7|", tc_call(t, XS_GET_PERMS, 0, "/q|"));
	/* Children made later copy the parent's list. */
	CHECK_STREQ("OK|", tc_call(t, XS_WRITE, 0, "/q/y|1"));
	CHECK_STREQ("n3|r5|b7|", tc_call(t, XS_GET_PERMS, 0, "/q/y|"));
	CHECK_STREQ("n0|", tc_call(t, XS_GET_PERMS, 0, "/q/x|"));
	CHECK_STREQ("ERR EINVAL", tc_call(t, XS_SET_PERMS, 0, "/q|"));
	CHECK_STREQ("ERR EINVAL", tc_call(t, XS_SET_PERMS, 0, "/q|z3|"));
	CHECK_STREQ("ERR ENOENT", tc_call(t, XS_SET_PERMS, 0, "/nope|n0|"));
	CHECK_STREQ("ERR ENOENT", tc_call(t, XS_GET_PERMS, 0, "/nope|"));
	teardown();
}

static void test_domain_requests(void)
{
	setup();
	CHECK_STREQ("/local/domain/7|",
		    tc_call(t, XS_GET_DOMAIN_PATH, 0, "7|"));
	CHECK_STREQ("ERR EINVAL", tc_call(t, XS_GET_DOMAIN_PATH, 0, "x|"));
	CHECK_STREQ("T|", tc_call(t, XS_IS_DOMAIN_INTRODUCED, 0, "0|"));
	CHECK_STREQ("F|", tc_call(t, XS_IS_DOMAIN_INTRODUCED, 0, "7|"));
	CHECK_STREQ("OK|", tc_call(t, XS_INTRODUCE, 0, "7|4096|3|"));
	CHECK_STREQ("T|", tc_call(t, XS_IS_DOMAIN_INTRODUCED, 0, "7|"));
	CHECK_STREQ("OK|", tc_call(t, XS_INTRODUCE, 0, "7|4096|3|"));
	CHECK_STREQ("OK|", tc_call(t, XS_RESUME, 0, "7|"));
	CHECK_STREQ("ERR EINVAL", tc_call(t, XS_INTRODUCE, 0, "0|1|1|"));
	CHECK_STREQ("ERR EINVAL", tc_call(t, XS_INTRODUCE, 0, "32752|1|1|"));
	CHECK_STREQ("ERR EINVAL", tc_call(t, XS_INTRODUCE, 0, "7|1|"));
	CHECK_STREQ("ERR EINVAL", tc_call(t, XS_INTRODUCE, 0, "7|-1|1|"));
	CHECK_STREQ("OK|", tc_call(t, XS_RELEASE, 0, "7|"));
	CHECK_STREQ("F|", tc_call(t, XS_IS_DOMAIN_INTRODUCED, 0, "7|"));
	CHECK_STREQ("ERR ENOENT", tc_call(t, XS_RELEASE, 0, "7|"));
	CHECK_STREQ("ERR ENOENT", tc_call(t, XS_RESUME, 0, "7|"));
	CHECK_STREQ("ERR EINVAL", tc_call(t, XS_RELEASE, 0, "0|"));
	teardown();
}

static void test_unserved_types(void)
{
	static const uint32_t types[] = {
		XS_CONTROL,    XS_WATCH_EVENT, XS_ERROR,   XS_SET_TARGET, 20,
		XS_TYPE_COUNT, 1000,	       XS_INVALID, UINT32_MAX,
	};
	unsigned int i;

	setup();
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		CHECK_STREQ("ERR ENOSYS", tc_call(t, types[i], 0, "x|"));
	/* The connection still works. */
	CHECK_STREQ("tool|", tc_call(t, XS_DIRECTORY, 0, "/|"));
	teardown();
}

int main(void)
{
	HVM_TEST(test_initial_tree);
	HVM_TEST(test_write_read);
	HVM_TEST(test_relative_paths);
	HVM_TEST(test_mkdir);
	HVM_TEST(test_rm);
	HVM_TEST(test_directory);
	HVM_TEST(test_directory_part);
	HVM_TEST(test_perms);
	HVM_TEST(test_domain_requests);
	HVM_TEST(test_unserved_types);
	return hvm_test_summary();
}
