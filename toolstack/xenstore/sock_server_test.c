/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Tests over a real Unix socket with the daemon loop in a thread:
 * requests and replies, watch events between clients, many clients, and
 * hostile clients (oversized message, truncated message then hang-up,
 * random bytes, 10,000 watches) that must neither stop nor slow the
 * daemon for others. Also the socket file rules: a stale socket is
 * replaced, a live one or a non-socket file is refused.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test_client.h"
#include "hypervisor/log.h"
#include "xenstored/sock_server.h"
#include "xenstored/xenstored.h"

#define HDR sizeof(struct xsd_sockmsg)

static struct test_daemon d;
static char buf[TC_STR_MAX];

static const char *call(int fd, uint32_t type, uint32_t tx, const char *p)
{
	return sc_call(fd, type, tx, p, buf, sizeof(buf), NULL);
}

/* The daemon still serves a fresh client. */
static void check_alive(void)
{
	int fd = sc_connect(d.path);

	CHECK(fd >= 0);
	CHECK_STREQ("OK|", call(fd, XS_WRITE, 0, "/alive|yes"));
	CHECK_STREQ("yes", call(fd, XS_READ, 0, "/alive|"));
	close(fd);
}

/* True if the daemon closed @fd (EOF within the timeout). */
static bool closed_by_daemon(int fd)
{
	struct test_msg m;
	int rc;

	do {
		rc = sc_recv(fd, &m, 5000);
	} while (!rc);
	return rc == -ECONNRESET;
}

static void test_requests(void)
{
	int fd;

	test_daemon_start(&d);
	fd = sc_connect(d.path);
	CHECK(fd >= 0);
	CHECK_STREQ("OK|", call(fd, XS_WRITE, 0, "/s/a|1"));
	CHECK_STREQ("1", call(fd, XS_READ, 0, "/s/a|"));
	CHECK_STREQ("a|", call(fd, XS_DIRECTORY, 0, "/s|"));
	CHECK_STREQ("ERR ENOENT", call(fd, XS_READ, 0, "/s/b|"));
	CHECK_STREQ("OK|", call(fd, XS_WRITE, 0, "rel|2"));
	CHECK_STREQ("2", call(fd, XS_READ, 0, "/local/domain/0/rel|"));
	CHECK_STREQ("ERR ENOSYS", call(fd, 4242, 0, "|"));
	close(fd);
	test_daemon_stop(&d);
}

static void test_events_between_clients(void)
{
	struct test_msg m;
	int w, c;

	test_daemon_start(&d);
	w = sc_connect(d.path);
	c = sc_connect(d.path);
	CHECK(w >= 0 && c >= 0);
	CHECK_STREQ("OK|", call(w, XS_WATCH, 0, "backend|be|"));
	CHECK_EQ(0, sc_recv(w, &m, 5000));
	CHECK_STREQ("backend|be|", tc_render(&m, buf, sizeof(buf)));
	CHECK_STREQ("OK|", call(c, XS_WRITE, 0, "backend/vbd/1|x"));
	CHECK_EQ(0, sc_recv(w, &m, 5000));
	CHECK_EQ(XS_WATCH_EVENT, m.hdr.type);
	CHECK_STREQ("backend/vbd/1|be|", tc_render(&m, buf, sizeof(buf)));
	close(c);
	close(w);
	test_daemon_stop(&d);
}

static void test_many_clients(void)
{
	int fds[64];
	char req[64], val[16];
	unsigned int i;

	test_daemon_start(&d);
	for (i = 0; i < 64; i++) {
		fds[i] = sc_connect(d.path);
		CHECK(fds[i] >= 0);
	}
	for (i = 0; i < 64; i++) {
		snprintf(req, sizeof(req), "/c/%u|%u", i, i);
		CHECK_STREQ("OK|", call(fds[i], XS_WRITE, 0, req));
	}
	for (i = 0; i < 64; i++) {
		snprintf(req, sizeof(req), "/c/%u|", i);
		snprintf(val, sizeof(val), "%u", i);
		CHECK_STREQ(val, call(fds[63 - i], XS_READ, 0, req));
		close(fds[63 - i]);
	}
	check_alive();
	test_daemon_stop(&d);
}

static void test_oversized_closes_only_sender(void)
{
	struct xsd_sockmsg hdr = {.type = XS_WRITE,
				  .len = XENSTORE_PAYLOAD_MAX + 1};
	int bad, good;

	test_daemon_start(&d);
	good = sc_connect(d.path);
	bad = sc_connect(d.path);
	CHECK_STREQ("OK|", call(good, XS_WRITE, 0, "/g|1"));
	CHECK(write(bad, &hdr, HDR) == (ssize_t)HDR);
	CHECK(closed_by_daemon(bad));
	close(bad);
	CHECK_STREQ("1", call(good, XS_READ, 0, "/g|"));
	close(good);
	check_alive();
	test_daemon_stop(&d);
}

static void test_truncated_then_hangup(void)
{
	struct xsd_sockmsg hdr = {.type = XS_WRITE, .len = 100};
	int fd;

	test_daemon_start(&d);
	/* Half a header. */
	fd = sc_connect(d.path);
	CHECK(write(fd, &hdr, HDR / 2) == (ssize_t)(HDR / 2));
	close(fd);
	/* A header and part of its payload. */
	fd = sc_connect(d.path);
	CHECK(write(fd, &hdr, HDR) == (ssize_t)HDR);
	CHECK(write(fd, "/x\0abc", 6) == 6);
	close(fd);
	/* A request whose reply is never read. */
	fd = sc_connect(d.path);
	CHECK_EQ(0, sc_send_raw(fd, XS_DIRECTORY, 0, "/\0", 2));
	close(fd);
	check_alive();
	test_daemon_stop(&d);
}

static void test_random_bytes(void)
{
	static unsigned char junk[65536];
	uint32_t x = 0xdeadbeef;
	unsigned int i;
	int fd;

	test_daemon_start(&d);
	for (i = 0; i < sizeof(junk); i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		junk[i] = (unsigned char)x;
	}
	fd = sc_connect(d.path);
	/* Random lengths are almost all oversized: it gets closed. */
	if (write(fd, junk, sizeof(junk)) < 0)
		CHECK(errno == EPIPE || errno == ECONNRESET);
	CHECK(closed_by_daemon(fd));
	close(fd);
	check_alive();
	test_daemon_stop(&d);
}

static void test_ten_thousand_watches(void)
{
	char req[32];
	unsigned int i, ok = 0, e2big = 0, events = 0;
	const char *r;
	int fd;

	test_daemon_start(&d);
	fd = sc_connect(d.path);
	for (i = 0; i < 10000; i++) {
		snprintf(req, sizeof(req), "/w/%u|t|", i);
		r = sc_call(fd, XS_WATCH, 0, req, buf, sizeof(buf), &events);
		ok += !strcmp(r, "OK|");
		e2big += !strcmp(r, "ERR E2BIG");
	}
	CHECK_EQ(128, ok);
	CHECK_EQ(10000 - 128, e2big);
	CHECK_STREQ("OK|", sc_call(fd, XS_WRITE, 0, "/w/0|x", buf, sizeof(buf),
				   &events));
	/* Initial events, and the write's one (may still be in flight). */
	CHECK(events >= 127);
	close(fd);
	check_alive();
	test_daemon_stop(&d);
}

static void test_socket_file_rules(void)
{
	struct sock_server *s2 = NULL;
	char path[160];
	int fd;

	test_daemon_start(&d);
	/* A live daemon answers: refused. */
	CHECK_EQ(-EADDRINUSE, sock_server_create(d.xs, d.path, &s2));
	/* A regular file is not ours to remove. */
	snprintf(path, sizeof(path), "%s/file", d.dir);
	fd = open(path, O_CREAT | O_WRONLY, 0600);
	CHECK(fd >= 0);
	close(fd);
	CHECK_EQ(-EEXIST, sock_server_create(d.xs, path, &s2));
	CHECK_EQ(0, unlink(path));
	test_daemon_stop(&d);
}

static void test_stale_socket_replaced(void)
{
	struct xenstored *xs = test_xs_new();
	struct sock_server *s1 = NULL, *s2 = NULL;
	char dir[] = "/tmp/hvm-xs-stale.XXXXXX", path[64], keep[64];
	struct stat st;

	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof(path), "%s/socket", dir);
	snprintf(keep, sizeof(keep), "%s/keep", dir);
	CHECK_EQ(0, sock_server_create(xs, path, &s1));
	CHECK_EQ(0, stat(path, &st));
	CHECK_EQ(0600, st.st_mode & 0777);
	/* Leave the socket file behind, as a killed daemon would. */
	CHECK_EQ(0, rename(path, keep));
	sock_server_destroy(s1); /* cannot remove it: logs a warning */
	CHECK_EQ(0, rename(keep, path));
	CHECK_EQ(0, sock_server_create(xs, path, &s2));
	sock_server_destroy(s2);
	CHECK_EQ(-1, stat(path, &st));
	xenstored_destroy(xs);
	CHECK_EQ(0, rmdir(dir));
}

int main(void)
{
	log_set_level(LOG_WARN);
	HVM_TEST(test_requests);
	HVM_TEST(test_events_between_clients);
	HVM_TEST(test_many_clients);
	HVM_TEST(test_oversized_closes_only_sender);
	HVM_TEST(test_truncated_then_hangup);
	HVM_TEST(test_random_bytes);
	HVM_TEST(test_ten_thousand_watches);
	HVM_TEST(test_socket_file_rules);
	HVM_TEST(test_stale_socket_replaced);
	return hvm_test_summary();
}
