/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Talking to a running domain: one request on hvm-domain's control socket
 * (pause, unpause, destroy), or one QMP command on QEMU's monitor socket
 * RUN/<domid>/qmp (system_powerdown: the ACPI power button).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "hvmd/hvmd_proto.h"
#include "hvmd_priv.h"
#include "hypervisor/ctl_proto.h"

#define IO_TIMEOUT_S 5
#define QMP_MAX_LINES 32

static void set_timeouts(int fd)
{
	struct timeval tv = {.tv_sec = IO_TIMEOUT_S};

	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
}

int hvmd_ctl_op(struct hvmd *h, struct domtab_dom *d, unsigned int op)
{
	struct ctl_client c = {.sock = -1};
	struct ctl_domain_info info;
	char path[PATH_MAX + 32];
	int rc;

	snprintf(path, sizeof(path), "%s/%u/ctl", h->o.run_dir, d->domid);
	c.sock = ctl_connect(path);
	if (c.sock < 0)
		return c.sock;
	set_timeouts(c.sock);
	rc = ctl_call(&c, (uint16_t)op, NULL, op == CTL_OP_QUERY ? &info : NULL,
		      NULL, 0, NULL);
	close(c.sock);
	return rc;
}

/* Reads QMP lines until one answers a command ("return" or "error"). */
static int qmp_answer(int fd)
{
	char line[HVMD_PROTO_LINE_MAX];
	unsigned int i;

	for (i = 0; i < QMP_MAX_LINES; i++) {
		int n = hvmd_proto_read_line(fd, line, sizeof(line));

		if (n < 0 && n != -EMSGSIZE)
			return n;
		if (strstr(line, "\"return\""))
			return 0;
		if (strstr(line, "\"error\""))
			return -EIO;
	}
	return -EPROTO;
}

static int qmp_connect(const char *path)
{
	struct sockaddr_un a = {.sun_family = AF_UNIX};
	int fd, rc;

	if (strlen(path) >= sizeof(a.sun_path))
		return -ENAMETOOLONG;
	snprintf(a.sun_path, sizeof(a.sun_path), "%s", path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	set_timeouts(fd);
	if (connect(fd, (struct sockaddr *)&a, sizeof(a)) < 0) {
		rc = -errno;
		close(fd);
		return rc;
	}
	return fd;
}

int hvmd_qmp_command(struct hvmd *h, struct domtab_dom *d, const char *cmd)
{
	static const char caps[] = "{\"execute\": \"qmp_capabilities\"}\n";
	char path[PATH_MAX + 32], req[256], greeting[HVMD_PROTO_LINE_MAX];
	int fd, rc;

	snprintf(path, sizeof(path), "%s/%u/qmp", h->o.run_dir, d->domid);
	snprintf(req, sizeof(req), "{\"execute\": \"%s\"}\n", cmd);
	fd = qmp_connect(path);
	if (fd < 0)
		return fd;
	rc = hvmd_proto_read_line(fd, greeting, sizeof(greeting));
	if (rc >= 0)
		rc = hvmd_proto_write_all(fd, caps, strlen(caps));
	if (rc >= 0)
		rc = qmp_answer(fd);
	if (rc >= 0)
		rc = hvmd_proto_write_all(fd, req, strlen(req));
	if (rc >= 0)
		rc = qmp_answer(fd);
	close(fd);
	return rc < 0 ? rc : 0;
}
