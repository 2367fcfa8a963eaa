/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hvmd's socket: a Unix stream socket, mode 0600 (0660 with --group), one
 * request line per connection, answered and closed (hvmd_proto.h).
 */
#include <errno.h>
#include <grp.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "hvmd/hvmd_proto.h"
#include "hvmd_priv.h"

#define REQUEST_TIMEOUT_S 5

/* True if a live server accepts on @path. */
static bool socket_live(const struct sockaddr_un *a)
{
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	bool live;

	if (fd < 0)
		return false;
	live = connect(fd, (const struct sockaddr *)a, sizeof(*a)) == 0;
	close(fd);
	return live;
}

static int set_access(const struct hvmd_opts *o)
{
	struct group *g;

	if (!o->group[0])
		return chmod(o->socket, 0600) < 0 ? -errno : 0;
	g = getgrnam(o->group);
	if (!g) {
		fprintf(stderr,
			"hvmd: group %s does not exist; create it or drop --group\n",
			o->group);
		return -ENOENT;
	}
	if (chown(o->socket, 0, g->gr_gid) < 0 && geteuid() == 0)
		return -errno;
	return chmod(o->socket, 0660) < 0 ? -errno : 0;
}

int hvmd_server_listen(struct hvmd *h)
{
	struct sockaddr_un a = {.sun_family = AF_UNIX};
	int fd, rc;

	snprintf(a.sun_path, sizeof(a.sun_path), "%s", h->o.socket);
	if (socket_live(&a)) {
		fprintf(stderr,
			"hvmd: another hvmd already listens on %s; stop it first\n",
			h->o.socket);
		return -EADDRINUSE;
	}
	unlink(h->o.socket);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	if (bind(fd, (struct sockaddr *)&a, sizeof(a)) < 0 ||
	    listen(fd, 16) < 0) {
		rc = -errno;
		fprintf(stderr, "hvmd: cannot listen on %s: %s\n", h->o.socket,
			strerror(-rc));
		close(fd);
		return rc;
	}
	rc = set_access(&h->o);
	if (rc) {
		close(fd);
		unlink(h->o.socket);
		return rc;
	}
	h->lsock = fd;
	return 0;
}

typedef void (*op_fn)(struct hvmd *h, struct hvmd_reply *r, char **f,
		      unsigned int nr);

static void op_ping(struct hvmd *h, struct hvmd_reply *r, char **f,
		    unsigned int nr)
{
	(void)h;
	(void)f;
	(void)nr;
	hvmd_reply_ok(r);
}

/* Requests by verb; any other goes to hvmd_op_simple(), which knows them. */
static const struct {
	const char *verb;
	op_fn fn;
} ops[] = {
	{"ping", op_ping},
	{"create", hvmd_op_create},
	{"list", hvmd_op_list},
	{"info", hvmd_op_list},
	{"block-list", hvmd_op_block_list},
	{"vcpu-list", hvmd_op_vcpu_list},
	{"vcpu-pin", hvmd_op_vcpu_pin},
	{"vcpu-set", hvmd_op_vcpu_set},
};

static void dispatch(struct hvmd *h, struct hvmd_reply *r, char **f,
		     unsigned int nr)
{
	unsigned int i;

	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		if (!strcmp(f[0], ops[i].verb)) {
			ops[i].fn(h, r, f, nr);
			return;
		}
	}
	hvmd_op_simple(h, r, f, nr);
}

void hvmd_server_handle(struct hvmd *h, int fd)
{
	struct timeval tv = {.tv_sec = REQUEST_TIMEOUT_S};
	char line[HVMD_PROTO_LINE_MAX];
	char *f[HVMD_PROTO_MAX_FIELDS];
	struct hvmd_reply r = {.fd = fd};
	int n;

	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	n = hvmd_proto_read_line(fd, line, sizeof(line));
	if (n < 0 && n != -ENODATA) {
		hvmd_reply_err(&r, HVMD_EXIT_USAGE, "malformed request: %s",
			       strerror(-n));
		return;
	}
	if (n <= 0)
		return;
	n = hvmd_proto_split(line, f, HVMD_PROTO_MAX_FIELDS);
	if (n < 0) {
		hvmd_reply_err(&r, HVMD_EXIT_USAGE, "malformed request: %s",
			       strerror(-n));
		return;
	}
	dispatch(h, &r, f, (unsigned int)n);
	hvmd_reply_err(&r, HVMD_EXIT_FAILED, "hvmd did not answer the request");
}
