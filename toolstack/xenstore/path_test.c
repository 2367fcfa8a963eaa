/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for path syntax: absolute, relative (under the caller's
 * /local/domain/<domid>) and "@special" paths, every rejected form
 * (empty, bad characters, doubled or trailing slash, too long), the
 * ancestor test used by watches, and parent / basename / depth.
 */
#include "xenstored/path.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "hvm_test.h"

static void test_canonical_ok(void)
{
	char out[PATH_BUF_SIZE];
	size_t prefix = 99;

	CHECK_EQ(0, path_canonical("/", 0, false, out, &prefix));
	CHECK(!strcmp(out, "/"));
	CHECK_EQ(0, prefix);
	CHECK_EQ(0, path_canonical("/a-b/C_9@x", 3, false, out, &prefix));
	CHECK(!strcmp(out, "/a-b/C_9@x"));
	CHECK_EQ(0, path_canonical("device/vbd", 7, false, out, &prefix));
	CHECK(!strcmp(out, "/local/domain/7/device/vbd"));
	CHECK_EQ(strlen("/local/domain/7/"), prefix);
	CHECK(!strcmp(out + prefix, "device/vbd"));
	CHECK_EQ(0, path_canonical("@releaseDomain", 0, true, out, &prefix));
	CHECK(!strcmp(out, "@releaseDomain"));
	CHECK_EQ(0, prefix);
}

static void test_canonical_bad(void)
{
	static const char *const bad[] = {
		"",	 "//",	 "/a//b", "/a/", "a/", "/a b",
		"/a\tb", "/a.b", "/ä",	  "/a*", "@x", "/a\n",
	};
	char out[PATH_BUF_SIZE];
	size_t prefix;
	unsigned int i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (path_canonical(bad[i], 0, false, out, &prefix) != -EINVAL)
			hvm_test_fail(__FILE__, __LINE__, "\"%s\" was accepted",
				      bad[i]);
	}
}

static void test_canonical_lengths(void)
{
	char *in = malloc(XENSTORE_ABS_PATH_MAX + 2);
	char out[PATH_BUF_SIZE];
	size_t prefix;

	if (!in)
		return;
	/* Absolute: exactly the limit passes, one more fails. */
	memset(in, 'a', XENSTORE_ABS_PATH_MAX + 1);
	in[0] = '/';
	in[XENSTORE_ABS_PATH_MAX] = '\0';
	CHECK_EQ(0, path_canonical(in, 0, false, out, &prefix));
	in[XENSTORE_ABS_PATH_MAX] = 'a';
	in[XENSTORE_ABS_PATH_MAX + 1] = '\0';
	CHECK_EQ(-EINVAL, path_canonical(in, 0, false, out, &prefix));
	/* Relative: the 2048-byte input limit. */
	memset(in, 'b', XENSTORE_REL_PATH_MAX + 1);
	in[XENSTORE_REL_PATH_MAX] = '\0';
	CHECK_EQ(0, path_canonical(in, 65535, false, out, &prefix));
	in[XENSTORE_REL_PATH_MAX] = 'b';
	in[XENSTORE_REL_PATH_MAX + 1] = '\0';
	CHECK_EQ(-EINVAL, path_canonical(in, 0, false, out, &prefix));
	free(in);
}

static void test_below(void)
{
	CHECK(path_is_below("/a", "/a"));
	CHECK(path_is_below("/a/b", "/a"));
	CHECK(!path_is_below("/ab", "/a"));
	CHECK(!path_is_below("/a", "/a/b"));
	CHECK(path_is_below("/x/y", "/"));
	CHECK(path_is_below("/", "/"));
	CHECK(!path_is_below("@introduceDomain", "/"));
}

static void test_parent_base_depth(void)
{
	char out[PATH_BUF_SIZE];

	CHECK_EQ(0, path_parent("/a/b/c", out));
	CHECK(!strcmp(out, "/a/b"));
	CHECK_EQ(0, path_parent("/a", out));
	CHECK(!strcmp(out, "/"));
	CHECK_EQ(-EINVAL, path_parent("/", out));
	CHECK(!strcmp(path_basename("/a/bc"), "bc"));
	CHECK_EQ(0, path_depth("/"));
	CHECK_EQ(1, path_depth("/a"));
	CHECK_EQ(3, path_depth("/a/b/c"));
	CHECK(path_is_special("@x"));
	CHECK(!path_is_special("/@x"));
}

int main(void)
{
	HVM_TEST(test_canonical_ok);
	HVM_TEST(test_canonical_bad);
	HVM_TEST(test_canonical_lengths);
	HVM_TEST(test_below);
	HVM_TEST(test_parent_base_depth);
	return hvm_test_summary();
}
