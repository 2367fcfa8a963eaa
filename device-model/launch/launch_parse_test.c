/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for hvm-dm-launch's parsers: the output relay (line cutting,
 * masking, long lines, a last line without newline), the bounded JSON
 * scanner (members, arrays, strings, malformed and deeply nested text) and
 * the QMP reply parsers with replies as QEMU 7.2 writes them.
 */
#include "launch_priv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hvm_test.h"

#define MAX_LINES 8

struct capture {
	unsigned int n;
	char lines[MAX_LINES][LAUNCH_LINE_MAX + 1];
};

static void capture_line(void *opaque, const char *line)
{
	struct capture *c = opaque;

	CHECK(c->n < MAX_LINES);
	if (c->n < MAX_LINES)
		snprintf(c->lines[c->n++], sizeof(c->lines[0]), "%s", line);
}

static void test_relay_lines(void)
{
	static const char out[] = "first\nsec";
	static const char more[] = "ond\r\n\nbell\a esc\x1b[31m del\x7f\n";
	struct launch_relay r;
	struct capture c = {0};

	launch_relay_init(&r, capture_line, &c);
	launch_relay_feed(&r, out, strlen(out));
	CHECK_EQ(1, c.n);
	launch_relay_feed(&r, more, sizeof(more) - 1);
	launch_relay_feed(&r, "tail", 4);
	CHECK_EQ(4, c.n);
	launch_relay_flush(&r);
	launch_relay_flush(&r); /* nothing left: no empty line */
	CHECK_EQ(5, c.n);
	CHECK_EQ(0, strcmp(c.lines[0], "first"));
	CHECK_EQ(0, strcmp(c.lines[1], "second"));
	CHECK_EQ(0, strcmp(c.lines[2], ""));
	CHECK_EQ(0, strcmp(c.lines[3], "bell? esc?[31m del?"));
	CHECK_EQ(0, strcmp(c.lines[4], "tail"));
}

static void test_relay_long_line(void)
{
	char *big = malloc(2 * LAUNCH_LINE_MAX + 11);
	struct launch_relay r;
	struct capture c = {0};

	if (!big) {
		CHECK(big != NULL);
		return;
	}
	memset(big, 'x', 2 * LAUNCH_LINE_MAX + 10);
	big[2 * LAUNCH_LINE_MAX + 10] = '\n';
	launch_relay_init(&r, capture_line, &c);
	launch_relay_feed(&r, big, 2 * LAUNCH_LINE_MAX + 11);
	CHECK_EQ(3, c.n);
	CHECK_EQ(LAUNCH_LINE_MAX, strlen(c.lines[0]));
	CHECK_EQ(LAUNCH_LINE_MAX, strlen(c.lines[1]));
	CHECK_EQ(10, strlen(c.lines[2]));
	free(big);
}

static struct json_span span(const char *s)
{
	return (struct json_span){s, strlen(s)};
}

/* The string member @key of @json, or "<rc>" on failure. */
static const char *member_str(const char *json, const char *key)
{
	static char out[64];
	struct json_span v;
	int rc;

	rc = json_member(span(json), key, &v);
	if (!rc)
		rc = json_string(v, out, sizeof(out));
	if (rc)
		snprintf(out, sizeof(out), "<%d>", rc);
	return out;
}

static void test_json_members(void)
{
	static const char obj[] =
		" { \"a\" : 1, \"n\": {\"host\": \"x\", \"l\": [1, {\"host\": "
		"\"y\"}]}, \"e\\\"sc\": \"q\\\"\\\\\\/\", \"host\":\"h\", "
		"\"t\": true, \"z\": null }";
	struct json_span v;

	CHECK_EQ(0, strcmp(member_str(obj, "host"), "h"));
	CHECK_EQ(0, strcmp(member_str(obj, "e\\\"sc"), "q\"\\/"));
	CHECK_EQ(0, json_member(span(obj), "t", &v));
	CHECK(v.len == 4 && !memcmp(v.p, "true", 4));
	CHECK_EQ(0, json_member(span(obj), "a", &v));
	CHECK(v.len == 1 && v.p[0] == '1');
	CHECK_EQ(0, json_member(span(obj), "n", &v));
	CHECK_EQ(0, strcmp(member_str("{\"n\": {\"host\": \"x\"}}", "n"),
			   "<-22>"));
	CHECK_EQ(-ENOENT, json_member(span(obj), "missing", &v));
	CHECK_EQ(-ENOENT, json_member(span("{}"), "a", &v));
	CHECK_EQ(-ENOENT, json_member(span("{ }"), "a", &v));
}

static void test_json_malformed(void)
{
	static const char *const bad[] = {
		"",
		"[]",
		"{",
		"{\"a\"",
		"{\"a\":",
		"{\"a\" 1}",
		"{\"a\":1",
		"{\"a\":1 \"b\":2}",
		"{a:1}",
		"{\"a\":\"x}",
		"{\"a\":{\"b\":1}",
		"{\"a\":,}",
		"{\"b\":1,}",
	};
	struct json_span v;
	unsigned int i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		/* A missing key makes the scan go through the whole text. */
		if (json_member(span(bad[i]), "zz", &v) != -EINVAL)
			hvm_test_fail(__FILE__, __LINE__,
				      "json_member(%s) is not -EINVAL", bad[i]);
	}
}

static void test_json_depth(void)
{
	char deep[200];
	struct json_span v;

	memset(deep, '[', sizeof(deep));
	memcpy(deep, "{\"a\":", 5);
	memcpy(deep + sizeof(deep) - 2, "1}", 2);
	CHECK_EQ(-E2BIG,
		 json_member((struct json_span){deep, sizeof(deep)}, "a", &v));
	/* 32 levels are fine. */
	CHECK_EQ(
		0,
		json_member(
			span("{\"a\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}"),
			"a", &v));
}

static void test_json_arrays_and_strings(void)
{
	struct json_span arr = span("[ 1 , \"two\", {\"x\": [3]}, [ ] ]"), el;
	size_t pos = 0;
	char out[8];

	CHECK_EQ(0, json_array_next(arr, &pos, &el));
	CHECK(el.len == 1 && el.p[0] == '1');
	CHECK_EQ(0, json_array_next(arr, &pos, &el));
	CHECK_EQ(0, json_string(el, out, sizeof(out)));
	CHECK_EQ(0, strcmp(out, "two"));
	CHECK_EQ(0, json_array_next(arr, &pos, &el));
	CHECK_EQ(10, el.len);
	CHECK_EQ(0, json_array_next(arr, &pos, &el));
	CHECK(el.len == 3 && el.p[0] == '[');
	CHECK_EQ(-ENOENT, json_array_next(arr, &pos, &el));
	pos = 0;
	CHECK_EQ(-ENOENT, json_array_next(span("[]"), &pos, &el));
	pos = 0;
	CHECK_EQ(-EINVAL, json_array_next(span("{}"), &pos, &el));
	pos = 0;
	CHECK_EQ(0, json_array_next(span("[1 2]"), &pos, &el));
	CHECK_EQ(-EINVAL, json_array_next(span("[1 2]"), &pos, &el));

	CHECK_EQ(-ENAMETOOLONG,
		 json_string(span("\"12345678\""), out, sizeof(out)));
	CHECK_EQ(0, json_string(span("\"1234567\""), out, sizeof(out)));
	CHECK_EQ(-EINVAL, json_string(span("\"\\u0041\""), out, sizeof(out)));
	CHECK_EQ(-EINVAL, json_string(span("\"\\n\""), out, sizeof(out)));
	CHECK_EQ(-EINVAL, json_string(span("\"a\\\""), out, sizeof(out)));
	CHECK_EQ(-EINVAL, json_string(span("\"a\tb\""), out, sizeof(out)));
	CHECK_EQ(-EINVAL, json_string(span("\""), out, sizeof(out)));
	CHECK_EQ(-EINVAL, json_string(span("12"), out, sizeof(out)));
	CHECK_EQ(0, json_string(span("\"\""), out, sizeof(out)));
	CHECK_EQ(0, strlen(out));
}

/* QEMU 7.2's replies with -serial pty and -vnc 127.0.0.1:0,to=99. */
static const char chardev_reply[] =
	"{\"return\": [{\"frontend-open\": false, \"filename\": "
	"\"unix:/run/hvm/5/qmp,server=on\", \"label\": \"libxl-cmd\"}, "
	"{\"frontend-open\": true, \"filename\": \"pty:/dev/pts/3\", "
	"\"label\": \"serial0\"}, {\"frontend-open\": true, \"filename\": "
	"\"pty:/dev/pts/4\", \"label\": \"xencons0\"}]}";
static const char vnc_reply[] =
	"{\"return\": {\"enabled\": true, \"auth\": \"none\", \"family\": "
	"\"ipv4\", \"clients\": [{\"host\": \"10.0.0.9\", \"service\": "
	"\"4000\"}], \"service\": \"5901\", \"host\": \"127.0.0.1\"}}";

#define PARSE_CHARDEV(s, pty, n)                                               \
	launch_qmp_parse_chardev(s, strlen(s), "serial0", pty, n)

static void test_qmp_chardev(void)
{
	char pty[LAUNCH_PTY_MAX];

	CHECK_EQ(0, PARSE_CHARDEV(chardev_reply, pty, sizeof(pty)));
	CHECK_EQ(0, strcmp(pty, "/dev/pts/3"));
	/* The PV console's chardev, made by QEMU's Xen console backend. */
	CHECK_EQ(0,
		 launch_qmp_parse_chardev(chardev_reply, strlen(chardev_reply),
					  "xencons0", pty, sizeof(pty)));
	CHECK_EQ(0, strcmp(pty, "/dev/pts/4"));
	CHECK_EQ(-ENOENT,
		 launch_qmp_parse_chardev(chardev_reply, strlen(chardev_reply),
					  "xencons1", pty, sizeof(pty)));
	CHECK_EQ(-ENAMETOOLONG, PARSE_CHARDEV(chardev_reply, pty, 10));
	CHECK_EQ(-ENOENT, PARSE_CHARDEV("{\"return\": []}", pty, sizeof(pty)));
	CHECK_EQ(
		-ENOENT,
		PARSE_CHARDEV(
			"{\"return\": [{\"label\": \"serial0\", \"filename\": \"file:/x\"}]}",
			pty, sizeof(pty)));
	CHECK_EQ(-EINVAL,
		 PARSE_CHARDEV("{\"return\": [{\"label\": \"serial0\"}]}", pty,
			       sizeof(pty)));
	CHECK_EQ(-EINVAL, PARSE_CHARDEV("{\"error\": {}}", pty, sizeof(pty)));
	/* Truncated reply: the length bounds the scan. */
	CHECK_EQ(-EINVAL, launch_qmp_parse_chardev(chardev_reply, 60, "serial0",
						   pty, sizeof(pty)));
}

#define PARSE_VNC(s, info) launch_qmp_parse_vnc(s, strlen(s), info)

static void test_qmp_vnc(void)
{
	static const char off[] = "{\"return\": {\"enabled\": false}}";
	struct launch_qmp_info info = {0};

	CHECK_EQ(0, launch_qmp_parse_vnc(vnc_reply, strlen(vnc_reply), &info));
	CHECK_EQ(0, strcmp(info.vnc_host, "127.0.0.1"));
	CHECK_EQ(0, strcmp(info.vnc_service, "5901"));
	memset(&info, 0, sizeof(info));
	CHECK_EQ(-ENOENT, launch_qmp_parse_vnc(off, strlen(off), &info));
	CHECK_EQ(-EINVAL, PARSE_VNC("{\"return\": {}}", &info));
	CHECK_EQ(-EINVAL,
		 PARSE_VNC("{\"return\": {\"enabled\": true}}", &info));
	CHECK_EQ(0, strlen(info.vnc_host));
}

int main(void)
{
	HVM_TEST(test_relay_lines);
	HVM_TEST(test_relay_long_line);
	HVM_TEST(test_json_members);
	HVM_TEST(test_json_malformed);
	HVM_TEST(test_json_depth);
	HVM_TEST(test_json_arrays_and_strings);
	HVM_TEST(test_qmp_chardev);
	HVM_TEST(test_qmp_vnc);
	return hvm_test_summary();
}
