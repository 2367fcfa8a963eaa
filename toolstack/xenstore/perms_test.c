/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for permission lists: parsing of every letter and of bad
 * entries (unknown letter, signs, spaces, overflow, domid above 65535),
 * formatting back and its size check, and the access rule (owner, dom0,
 * per-domain override, default from entry 0).
 */
#include "xenstored/perms.h"

#include <errno.h>
#include <string.h>

#include "hvm_test.h"

static int parse1(const char *s, struct perms *p)
{
	const char *v[1] = {s};

	return perms_parse(v, 1, p);
}

static void test_parse_letters(void)
{
	const char *v[4] = {"n0", "r5", "w65535", "b7"};
	struct perms p = {0};

	CHECK_EQ(0, perms_parse(v, 4, &p));
	CHECK_EQ(4, p.nr);
	CHECK_EQ(PERM_NONE, p.e[0].mode);
	CHECK_EQ(0, p.e[0].domid);
	CHECK_EQ(PERM_READ, p.e[1].mode);
	CHECK_EQ(5, p.e[1].domid);
	CHECK_EQ(PERM_WRITE, p.e[2].mode);
	CHECK_EQ(65535, p.e[2].domid);
	CHECK_EQ(PERM_BOTH, p.e[3].mode);
	CHECK_EQ(0, perms_owner(&p));
	perms_free(&p);
	CHECK_EQ(0, p.nr);
	perms_free(&p); /* idempotent */
}

static void test_parse_bad(void)
{
	static const char *const bad[] = {
		"",    "x5",	 "r",	"r-1", "r+1",
		"r 1", "r65536", "r1a", "R1",  "r99999999999999999999",
		"rr1", "n0 ",
	};
	struct perms p = {0};
	unsigned int i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (parse1(bad[i], &p) != -EINVAL)
			hvm_test_fail(__FILE__, __LINE__, "\"%s\" was accepted",
				      bad[i]);
		CHECK_EQ(0, p.nr);
	}
	CHECK_EQ(-EINVAL, perms_parse(NULL, 0, &p));
}

static void test_access_rule(void)
{
	const char *v[3] = {"r3", "n5", "w6"};
	struct perms p = {0};

	CHECK_EQ(0, perms_parse(v, 3, &p));
	/* Owner and dom0 get everything. */
	CHECK_EQ(PERM_BOTH | PERM_OWNER, perms_for(&p, 3, false));
	CHECK_EQ(PERM_BOTH | PERM_OWNER, perms_for(&p, 0, true));
	/* Overrides, then the default from entry 0. */
	CHECK_EQ(PERM_NONE, perms_for(&p, 5, false));
	CHECK_EQ(PERM_WRITE, perms_for(&p, 6, false));
	CHECK_EQ(PERM_READ, perms_for(&p, 9, false));
	/* Dom0 without the privileged flag is just domain 0. */
	CHECK_EQ(PERM_READ, perms_for(&p, 0, false));
	perms_free(&p);
}

static void test_format(void)
{
	const char *v[3] = {"n0", "r5", "b65535"};
	struct perms p = {0}, q = {0};
	char buf[64];
	size_t len = 0;

	CHECK_EQ(0, perms_parse(v, 3, &p));
	CHECK_EQ(0, perms_format(&p, buf, sizeof(buf), &len));
	CHECK_EQ(3 + 3 + 7, len);
	CHECK(!memcmp(buf, "n0\0r5\0b65535\0", len));
	/* Exactly too small by one byte. */
	CHECK_EQ(-E2BIG, perms_format(&p, buf, len - 1, &len));
	CHECK_EQ(0, perms_copy(&q, &p));
	CHECK(perms_equal(&p, &q));
	q.e[1].mode = PERM_WRITE;
	CHECK(!perms_equal(&p, &q));
	perms_free(&q);
	CHECK_EQ(0, perms_init_one(&q, PERM_BOTH, 4));
	CHECK_EQ(4, perms_owner(&q));
	CHECK(!perms_equal(&p, &q));
	perms_free(&q);
	perms_free(&p);
}

int main(void)
{
	HVM_TEST(test_parse_letters);
	HVM_TEST(test_parse_bad);
	HVM_TEST(test_access_rule);
	HVM_TEST(test_format);
	return hvm_test_summary();
}
