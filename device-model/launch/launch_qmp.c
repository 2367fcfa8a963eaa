/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A small QMP client: after QEMU reports "running", ask it where the
 * serial console and the VNC server ended up (query-chardev, query-vnc;
 * dm-abi.md 7.3). One connection, one command at a time, every read
 * bounded in size and by a deadline; events between replies are skipped.
 */
#include "launch_priv.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

/* Longest reply line accepted: query-chardev lists a few chardevs. */
#define QMP_BUF_MAX (16 * 1024)
/* Events QEMU may emit before the reply we wait for. */
#define QMP_MAX_SKIPPED 16

struct qmp_conn {
	int fd;
	char buf[QMP_BUF_MAX];
	size_t len;	  /* bytes in buf */
	size_t consumed;  /* bytes of buf already returned as lines */
	int64_t deadline; /* CLOCK_MONOTONIC, ms */
};

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Waits for @events on the connection until its deadline. */
static int qmp_wait(struct qmp_conn *q, short events)
{
	struct pollfd pfd = {.fd = q->fd, .events = events};
	int64_t left = q->deadline - now_ms();
	int r;

	if (left <= 0)
		return -ETIMEDOUT;
	r = poll(&pfd, 1, (int)left);
	if (r < 0)
		return errno == EINTR ? 0 : -errno;
	return r == 0 ? -ETIMEDOUT : 0;
}

static int qmp_connect(struct qmp_conn *q, const char *path)
{
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	int rc;

	if (strlen(path) >= sizeof(sa.sun_path))
		return -ENAMETOOLONG;
	memcpy(sa.sun_path, path, strlen(path) + 1);
	q->fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (q->fd < 0)
		return -errno;
	if (connect(q->fd, (struct sockaddr *)&sa, sizeof(sa)) == 0)
		return 0;
	rc = -errno;
	close(q->fd);
	q->fd = -1;
	return rc;
}

static int qmp_send(struct qmp_conn *q, const char *cmd)
{
	size_t off = 0, n = strlen(cmd);
	ssize_t r;
	int rc;

	while (off < n) {
		r = send(q->fd, cmd + off, n - off, MSG_NOSIGNAL);
		if (r > 0) {
			off += (size_t)r;
			continue;
		}
		if (r < 0 && errno != EAGAIN && errno != EINTR)
			return -errno;
		rc = qmp_wait(q, POLLOUT);
		if (rc)
			return rc;
	}
	return 0;
}

/* The next line (without its newline) into @line. */
static int qmp_read_line(struct qmp_conn *q, struct json_span *line)
{
	char *nl;
	ssize_t r;
	int rc;

	memmove(q->buf, q->buf + q->consumed, q->len - q->consumed);
	q->len -= q->consumed;
	q->consumed = 0;
	while (!(nl = memchr(q->buf, '\n', q->len))) {
		if (q->len == sizeof(q->buf))
			return -EMSGSIZE;
		r = read(q->fd, q->buf + q->len, sizeof(q->buf) - q->len);
		if (r == 0)
			return -ECONNRESET;
		if (r > 0) {
			q->len += (size_t)r;
			continue;
		}
		if (errno != EAGAIN && errno != EINTR)
			return -errno;
		rc = qmp_wait(q, POLLIN);
		if (rc)
			return rc;
	}
	line->p = q->buf;
	line->len = (size_t)(nl - q->buf);
	q->consumed = line->len + 1;
	return 0;
}

/* Sends @cmd and returns its reply line, skipping asynchronous events. */
static int qmp_execute(struct qmp_conn *q, const char *cmd,
		       struct json_span *reply)
{
	struct json_span v;
	unsigned int i;
	int rc;

	rc = qmp_send(q, cmd);
	for (i = 0; !rc && i < QMP_MAX_SKIPPED; i++) {
		rc = qmp_read_line(q, reply);
		if (rc)
			return rc;
		if (!json_member(*reply, "return", &v))
			return 0;
		if (!json_member(*reply, "error", &v))
			return -EPROTO;
		if (json_member(*reply, "event", &v))
			return -EPROTO; /* neither a reply nor an event */
	}
	return rc ? rc : -EPROTO;
}

/* True if member @key of @obj is the string @want. */
static bool member_is(struct json_span obj, const char *key, const char *want)
{
	char buf[64];
	struct json_span v;

	return !json_member(obj, key, &v) &&
	       !json_string(v, buf, sizeof(buf)) && !strcmp(buf, want);
}

int launch_qmp_parse_chardev(const char *reply, size_t len, const char *label,
			     char *pty, size_t ptylen)
{
	struct json_span line = {reply, len}, arr, el, v;
	char file[LAUNCH_PTY_MAX + 8];
	size_t pos = 0;
	int rc = 0;

	if (json_member(line, "return", &arr))
		return -EINVAL;
	while (!rc) {
		rc = json_array_next(arr, &pos, &el);
		if (rc || !member_is(el, "label", label))
			continue;
		rc = json_member(el, "filename", &v);
		if (!rc)
			rc = json_string(v, file, sizeof(file));
		if (rc)
			return -EINVAL;
		/* A pty chardev's filename is "pty:<path>". */
		if (strncmp(file, "pty:", 4) || file[4] != '/')
			return -ENOENT;
		if (strlen(file + 4) >= ptylen)
			return -ENAMETOOLONG;
		memcpy(pty, file + 4, strlen(file + 4) + 1);
		return 0;
	}
	return rc == -ENOENT ? -ENOENT : -EINVAL;
}

int launch_qmp_parse_vnc(const char *reply, size_t len,
			 struct launch_qmp_info *info)
{
	struct json_span line = {reply, len}, obj, v;
	int rc;

	rc = json_member(line, "return", &obj);
	if (rc)
		return -EINVAL;
	rc = json_member(obj, "enabled", &v);
	if (rc)
		return -EINVAL;
	if (v.len != 4 || memcmp(v.p, "true", 4))
		return -ENOENT;
	rc = json_member(obj, "host", &v);
	if (!rc)
		rc = json_string(v, info->vnc_host, sizeof(info->vnc_host));
	if (!rc)
		rc = json_member(obj, "service", &v);
	if (!rc)
		rc = json_string(v, info->vnc_service,
				 sizeof(info->vnc_service));
	if (rc) {
		info->vnc_host[0] = info->vnc_service[0] = '\0';
		return -EINVAL;
	}
	return 0;
}

/* The greeting, then capabilities negotiation. */
static int qmp_handshake(struct qmp_conn *q)
{
	struct json_span line, v;
	int rc;

	rc = qmp_read_line(q, &line);
	if (!rc && json_member(line, "QMP", &v))
		rc = -EPROTO;
	if (!rc)
		rc = qmp_execute(q, "{\"execute\": \"qmp_capabilities\"}\n",
				 &line);
	return rc;
}

int launch_qmp_query(const char *path, unsigned int timeout_ms,
		     struct launch_qmp_info *info)
{
	struct qmp_conn *q;
	struct json_span line;
	int rc;

	memset(info, 0, sizeof(*info));
	q = calloc(1, sizeof(*q));
	if (!q)
		return -ENOMEM;
	q->fd = -1;
	q->deadline = now_ms() + timeout_ms;
	rc = qmp_connect(q, path);
	if (!rc)
		rc = qmp_handshake(q);
	if (!rc)
		rc = qmp_execute(q, "{\"execute\": \"query-chardev\"}\n",
				 &line);
	if (!rc) {
		rc = launch_qmp_parse_chardev(line.p, line.len, "serial0",
					      info->serial_pty,
					      sizeof(info->serial_pty));
		rc = rc == -ENOENT ? 0 : rc;
	}
	if (!rc) {
		rc = launch_qmp_parse_chardev(line.p, line.len, "xencons0",
					      info->pv_console_pty,
					      sizeof(info->pv_console_pty));
		rc = rc == -ENOENT ? 0 : rc;
	}
	if (!rc)
		rc = qmp_execute(q, "{\"execute\": \"query-vnc\"}\n", &line);
	if (!rc) {
		rc = launch_qmp_parse_vnc(line.p, line.len, info);
		rc = rc == -ENOENT ? 0 : rc;
	}
	if (q->fd >= 0)
		close(q->fd);
	free(q);
	return rc == -EINVAL ? -EPROTO : rc;
}
