/* SPDX-License-Identifier: GPL-2.0-only */
/* Unit tests of the hvmd line codec (hvmd_proto.c). */
#include "hvmd/hvmd_proto.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "hvm_test.h"

static void test_split_fields(void)
{
	char line[] = "create\tpaused=1\tset=name=x\n";
	char *f[8];
	int n = hvmd_proto_split(line, f, 8);

	CHECK_EQ(3, n);
	CHECK(!strcmp(f[0], "create"));
	CHECK(!strcmp(f[2], "set=name=x"));
	CHECK(!strcmp(hvmd_proto_kv(f, 3, "set"), "name=x"));
	CHECK(hvmd_proto_kv(f, 3, "file") == NULL);
}

static void test_split_rejects(void)
{
	char bad[] = "list\x01x";
	char many[] = "a\tb\tc";
	char empty[] = "";
	char *f[2];

	CHECK_EQ(-EINVAL, hvmd_proto_split(bad, f, 2));
	CHECK_EQ(-E2BIG, hvmd_proto_split(many, f, 2));
	CHECK_EQ(1, hvmd_proto_split(empty, f, 2));
	CHECK(!strcmp(f[0], ""));
}

static void test_join(void)
{
	const char *ok[] = {"data", "domain", "name=a b"};
	const char *bad[] = {"x", "tab\there"};
	char buf[64], tiny[8];

	CHECK_EQ(21, hvmd_proto_join(buf, sizeof(buf), ok, 3));
	CHECK(!strcmp(buf, "data\tdomain\tname=a b\n"));
	CHECK_EQ(-EINVAL, hvmd_proto_join(buf, sizeof(buf), bad, 2));
	CHECK_EQ(-ENOSPC, hvmd_proto_join(tiny, sizeof(tiny), ok, 3));
	CHECK_EQ(1, hvmd_proto_join(buf, sizeof(buf), NULL, 0));
}

static void test_read_lines(void)
{
	char buf[16];
	int p[2];

	CHECK_EQ(0, pipe(p));
	CHECK_EQ(0,
		 hvmd_proto_write_all(p[1], "ok\n\nlong line here!\npart", 25));
	close(p[1]);
	CHECK_EQ(2, hvmd_proto_read_line(p[0], buf, sizeof(buf)));
	CHECK(!strcmp(buf, "ok"));
	CHECK_EQ(0, hvmd_proto_read_line(p[0], buf, sizeof(buf)));
	CHECK_EQ(-EMSGSIZE, hvmd_proto_read_line(p[0], buf, 8));
	close(p[0]);

	CHECK_EQ(0, pipe(p));
	CHECK_EQ(0, hvmd_proto_write_all(p[1], "part", 4));
	close(p[1]);
	CHECK_EQ(-EPROTO, hvmd_proto_read_line(p[0], buf, sizeof(buf)));
	CHECK_EQ(-ENODATA, hvmd_proto_read_line(p[0], buf, sizeof(buf)));
	close(p[0]);
}

static void test_sanitise(void)
{
	char out[8];

	hvmd_proto_sanitise(out, sizeof(out), "a\tb\nc");
	CHECK(!strcmp(out, "a?b?c"));
	hvmd_proto_sanitise(out, 4, "abcdef");
	CHECK(!strcmp(out, "abc"));
}

int main(void)
{
	HVM_TEST(test_split_fields);
	HVM_TEST(test_split_rejects);
	HVM_TEST(test_join);
	HVM_TEST(test_read_lines);
	HVM_TEST(test_sanitise);
	return hvm_test_summary();
}
