/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Control-socket codec and socket helpers (see ctl_proto.h). Every check
 * of a message's shape lives in one table of ops, used both before sending
 * (to catch our own bugs) and after receiving (the peer is untrusted).
 * What an op means is the server's business, not this file's.
 */
#define _GNU_SOURCE
#include "hypervisor/ctl_proto.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "ctl_ops.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define CTL_LISTEN_BACKLOG 16

/* Room for CTL_MAX_FDS descriptors in one SCM_RIGHTS message. */
#define CTL_CMSG_SPACE CMSG_SPACE(sizeof(int) * CTL_MAX_FDS)

/* Descriptors received with one message, closed unless handed over. */
struct fd_list {
	int fd[CTL_MAX_FDS];
	unsigned int nr;
};

void ctl_close_fds(int *fds, unsigned int nr)
{
	unsigned int i;

	for (i = 0; i < nr; i++) {
		if (fds[i] >= 0)
			close(fds[i]);
		fds[i] = -1;
	}
}

/*
 * Checks that @h (whose len and nr_fds are already known to describe the
 * packet) is a well-formed request or response of its op, and its payload.
 */
static int check_shape(const struct ctl_hdr *h, bool response,
		       const void *payload)
{
	const struct op_desc *d = ctl_op_desc(h->op);

	if (!d)
		return -EPROTO;
	if (!response) {
		if (h->rc != 0 || h->len != d->req_size || h->nr_fds != 0)
			return -EPROTO;
		return d->check_req ? d->check_req(payload) : 0;
	}
	if (h->rc > 0 || h->rc < -CTL_ERRNO_MAX)
		return -EPROTO;
	if (h->rc < 0)
		return h->len == 0 && h->nr_fds == 0 ? 0 : -EPROTO;
	if (h->len != d->resp_size || h->nr_fds > d->resp_max_fds)
		return -EPROTO;
	return d->check_resp ? d->check_resp(payload, h->nr_fds) : 0;
}

static int send_packet(int sock, const struct ctl_hdr *h, const void *payload,
		       const int *fds, unsigned int nr_fds)
{
	union {
		struct cmsghdr align;
		char buf[CTL_CMSG_SPACE];
	} ctrl;
	struct iovec iov[2] = {
		{.iov_base = (void *)h, .iov_len = sizeof(*h)},
		{.iov_base = (void *)payload, .iov_len = h->len},
	};
	struct msghdr msg = {.msg_iov = iov, .msg_iovlen = ARRAY_SIZE(iov)};
	struct cmsghdr *cm;
	ssize_t r;

	if (nr_fds) {
		memset(&ctrl, 0, sizeof(ctrl));
		msg.msg_control = ctrl.buf;
		msg.msg_controllen = CMSG_SPACE(sizeof(int) * nr_fds);
		cm = CMSG_FIRSTHDR(&msg);
		cm->cmsg_level = SOL_SOCKET;
		cm->cmsg_type = SCM_RIGHTS;
		cm->cmsg_len = CMSG_LEN(sizeof(int) * nr_fds);
		memcpy(CMSG_DATA(cm), fds, sizeof(int) * nr_fds);
	}
	do {
		r = sendmsg(sock, &msg, MSG_NOSIGNAL);
	} while (r < 0 && errno == EINTR);
	if (r < 0)
		return -errno;
	/* A seqpacket send is all or nothing; anything else is a bug. */
	return (size_t)r == sizeof(*h) + h->len ? 0 : -EIO;
}

int ctl_send(int sock, const struct ctl_hdr *h, const void *payload,
	     const int *fds, unsigned int nr_fds)
{
	if (h->magic != CTL_MAGIC || h->version != CTL_VERSION ||
	    h->nr_fds != nr_fds)
		return -EINVAL;
	if ((h->len && !payload) || (nr_fds && !fds))
		return -EINVAL;
	/* The header does not say its direction; either shape will do. */
	if (check_shape(h, false, payload) && check_shape(h, true, payload))
		return -EINVAL;
	return send_packet(sock, h, payload, fds, nr_fds);
}

/*
 * Takes every descriptor out of the control messages into @got, even when
 * the message is bad, so that the caller can close them all.
 */
static int collect_fds(struct msghdr *msg, struct fd_list *got)
{
	struct cmsghdr *cm;
	unsigned int i, n;
	int rc = 0, fd;

	for (cm = CMSG_FIRSTHDR(msg); cm; cm = CMSG_NXTHDR(msg, cm)) {
		if (cm->cmsg_level != SOL_SOCKET ||
		    cm->cmsg_type != SCM_RIGHTS) {
			rc = -EPROTO; /* e.g. SCM_CREDENTIALS: not ours */
			continue;
		}
		n = (cm->cmsg_len - CMSG_LEN(0)) / sizeof(int);
		for (i = 0; i < n; i++) {
			memcpy(&fd, CMSG_DATA(cm) + i * sizeof(int),
			       sizeof(fd));
			if (got->nr < ARRAY_SIZE(got->fd)) {
				got->fd[got->nr++] = fd;
			} else {
				close(fd);
				rc = -EMSGSIZE;
			}
		}
	}
	return rc;
}

static int recv_packet(int sock, struct ctl_hdr *h, void *payload,
		       size_t payload_max, struct fd_list *got, size_t *len)
{
	union {
		struct cmsghdr align;
		char buf[CTL_CMSG_SPACE];
	} ctrl;
	struct iovec iov[2] = {
		{.iov_base = h, .iov_len = sizeof(*h)},
		{.iov_base = payload, .iov_len = payload_max},
	};
	struct msghdr msg = {.msg_iov = iov,
			     .msg_iovlen = ARRAY_SIZE(iov),
			     .msg_control = ctrl.buf,
			     .msg_controllen = sizeof(ctrl.buf)};
	ssize_t r;
	int rc;

	do {
		r = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC);
	} while (r < 0 && errno == EINTR);
	if (r < 0)
		return -errno;
	rc = collect_fds(&msg, got);
	/* Seqpacket: 0 bytes is end of stream, or an empty packet (as bad). */
	if (r == 0)
		return -ECONNRESET;
	if (msg.msg_flags & (MSG_TRUNC | MSG_CTRUNC))
		return -EMSGSIZE;
	*len = (size_t)r;
	return rc;
}

static int check_packet(const struct ctl_hdr *h, size_t len,
			bool expect_response, const void *payload,
			unsigned int nr_got)
{
	if (len < sizeof(*h) || h->magic != CTL_MAGIC ||
	    h->version != CTL_VERSION)
		return -EPROTO;
	if (h->len != len - sizeof(*h) || h->nr_fds != nr_got)
		return -EPROTO;
	return check_shape(h, expect_response, payload);
}

int ctl_recv(int sock, bool expect_response, struct ctl_hdr *h, void *payload,
	     size_t payload_max, int *fds, unsigned int fds_max,
	     unsigned int *nr_fds)
{
	struct fd_list got = {.nr = 0};
	size_t len = 0;
	int rc;

	if (nr_fds)
		*nr_fds = 0;
	if ((payload_max && !payload) || (fds_max && (!fds || !nr_fds)))
		return -EINVAL;
	rc = recv_packet(sock, h, payload, payload_max, &got, &len);
	if (!rc && got.nr > fds_max)
		rc = -EMSGSIZE;
	if (!rc)
		rc = check_packet(h, len, expect_response, payload, got.nr);
	if (rc) {
		ctl_close_fds(got.fd, got.nr);
		return rc;
	}
	if (got.nr) {
		memcpy(fds, got.fd, got.nr * sizeof(int));
		*nr_fds = got.nr;
	}
	return 0;
}

int ctl_call(struct ctl_client *c, uint16_t op, const void *req, void *resp,
	     int *fds, unsigned int fds_max, unsigned int *nr_fds)
{
	size_t resp_size = ctl_payload_size(op, true);
	struct ctl_hdr h = {.magic = CTL_MAGIC,
			    .version = CTL_VERSION,
			    .op = op,
			    .seq = c->seq + 1};
	struct ctl_hdr reply;
	int rc;

	if (nr_fds)
		*nr_fds = 0;
	if (resp_size == SIZE_MAX || (resp_size && !resp))
		return -EINVAL;
	h.len = (uint32_t)ctl_payload_size(op, false);
	c->seq = h.seq;
	rc = ctl_send(c->sock, &h, req, NULL, 0);
	if (rc)
		return rc;
	rc = ctl_recv(c->sock, true, &reply, resp, resp_size, fds, fds_max,
		      nr_fds);
	if (rc)
		return rc;
	if (reply.seq != h.seq || reply.op != op) {
		ctl_close_fds(fds, reply.nr_fds);
		if (nr_fds)
			*nr_fds = 0;
		return -EPROTO;
	}
	return reply.rc;
}

static int fill_addr(struct sockaddr_un *sa, const char *path)
{
	size_t len = strlen(path);

	memset(sa, 0, sizeof(*sa));
	sa->sun_family = AF_UNIX;
	if (len == 0)
		return -EINVAL;
	/* Keep room for the NUL: an unterminated sun_path is non-portable. */
	if (len >= sizeof(sa->sun_path))
		return -ENAMETOOLONG;
	memcpy(sa->sun_path, path, len);
	return 0;
}

/*
 * Removes the socket file at @sa if nobody accepts on it. A live server
 * answers the probe (or has a full backlog: -EAGAIN, as the probe does not
 * block); a server of another socket type answers -EPROTOTYPE. Only
 * ECONNREFUSED on a socket file means a dead owner.
 */
static int reclaim_stale(const struct sockaddr_un *sa)
{
	struct stat st;
	int probe, r, rc;

	if (lstat(sa->sun_path, &st) < 0)
		return errno == ENOENT ? 0 : -errno;
	if (!S_ISSOCK(st.st_mode))
		return -EADDRINUSE;
	probe = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC | SOCK_NONBLOCK,
		       0);
	if (probe < 0)
		return -errno;
	r = connect(probe, (const struct sockaddr *)sa, sizeof(*sa));
	rc = r == 0 ? 0 : -errno;
	close(probe);
	if (rc != -ECONNREFUSED)
		return rc == -EACCES ? rc : -EADDRINUSE;
	if (unlink(sa->sun_path) < 0 && errno != ENOENT)
		return -errno;
	return 0;
}

static int bind_or_reclaim(int fd, const struct sockaddr_un *sa)
{
	int rc;

	if (bind(fd, (const struct sockaddr *)sa, sizeof(*sa)) == 0)
		return 0;
	if (errno != EADDRINUSE)
		return -errno;
	rc = reclaim_stale(sa);
	if (rc)
		return rc;
	if (bind(fd, (const struct sockaddr *)sa, sizeof(*sa)) < 0)
		return -errno;
	return 0;
}

/* A close-on-exec SEQPACKET socket and @path's address, or -errno. */
static int open_socket(const char *path, struct sockaddr_un *sa)
{
	int fd, rc = fill_addr(sa, path);

	if (rc)
		return rc;
	fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
	return fd < 0 ? -errno : fd;
}

int ctl_listen(const char *path)
{
	struct sockaddr_un sa;
	int fd, rc;

	fd = open_socket(path, &sa);
	if (fd < 0)
		return fd;
	/*
	 * Linux creates the socket file with the socket inode's mode less
	 * the umask, so setting the mode before bind() leaves no window in
	 * which other users could connect.
	 */
	if (fchmod(fd, 0600) < 0) {
		rc = -errno;
		goto err;
	}
	rc = bind_or_reclaim(fd, &sa);
	if (rc)
		goto err;
	if (listen(fd, CTL_LISTEN_BACKLOG) < 0) {
		rc = -errno;
		unlink(sa.sun_path); /* best effort: we are failing anyway */
		goto err;
	}
	return fd;
err:
	close(fd);
	return rc;
}

int ctl_accept(int lsock)
{
	int fd;

	do {
		fd = accept4(lsock, NULL, NULL, SOCK_CLOEXEC);
	} while (fd < 0 && errno == EINTR);
	return fd < 0 ? -errno : fd;
}

int ctl_connect(const char *path)
{
	struct sockaddr_un sa;
	int fd, rc;

	fd = open_socket(path, &sa);
	if (fd < 0)
		return fd;
	if (connect(fd, (const struct sockaddr *)&sa, sizeof(sa)) < 0) {
		rc = -errno;
		close(fd);
		return rc;
	}
	return fd;
}
