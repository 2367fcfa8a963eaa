/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for the control socket's connection helpers and ctl_call():
 * ctl_listen() mode, stale-socket reclaim and refusals, ctl_connect() and
 * ctl_accept(), and ctl_call() against a responder thread, including a
 * responder that answers with the wrong seq or op. Also the helpers both
 * halves of the test share (ctl_proto_test.h).
 */
#define _GNU_SOURCE
#include "ctl_proto_test.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hvm_test.h"

#define INFO_NR_FDS CTL_IOREQ_INFO_NR_FDS(1)

void ctl_test_pair(int sv[2])
{
	CHECK_EQ(0, socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv));
}

void ctl_test_close_pair(int sv[2])
{
	close(sv[0]);
	close(sv[1]);
}

void ctl_test_eventfds(int *fds, unsigned int nr)
{
	unsigned int i;

	for (i = 0; i < nr; i++) {
		fds[i] = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
		CHECK(fds[i] >= 0);
	}
}

int ctl_test_memfd(void)
{
	int fd = memfd_create("ctl-test", MFD_CLOEXEC);

	CHECK(fd >= 0);
	CHECK_EQ(0, ftruncate(fd, 4096));
	return fd;
}

void ctl_test_same_eventfd(int a, int b)
{
	uint64_t v = 3;

	CHECK_EQ(sizeof(v), write(a, &v, sizeof(v)));
	v = 0;
	CHECK_EQ(sizeof(v), read(b, &v, sizeof(v)));
	CHECK_EQ(3, v);
}

void ctl_test_same_memfd(int a, int b)
{
	char buf[4] = {0};

	CHECK_EQ(4, pwrite(a, "hvm", 4, 100));
	CHECK_EQ(4, pread(b, buf, 4, 100));
	CHECK_EQ(0, memcmp(buf, "hvm", 4));
}

/* One message over a fresh connection, to show that it is usable. */
static void check_connection(int a, int b)
{
	struct ctl_hdr h = {.magic = CTL_MAGIC,
			    .version = CTL_VERSION,
			    .op = CTL_OP_PAUSE,
			    .seq = 1};
	struct ctl_hdr rh;

	CHECK_EQ(0, ctl_send(a, &h, NULL, NULL, 0));
	CHECK_EQ(0, ctl_recv(b, false, &rh, NULL, 0, NULL, 0, NULL));
	CHECK_EQ(CTL_OP_PAUSE, rh.op);
}

/*
 * ctl_accept() once a connection is pending; fails instead of hanging if
 * none comes (a regression could send the client to another socket).
 */
static int accept_pending(int l)
{
	struct pollfd pfd = {.fd = l, .events = POLLIN};

	if (poll(&pfd, 1, 10000) != 1) {
		CHECK(!"a connection is pending on the listener");
		return -1;
	}
	return ctl_accept(l);
}

/* A live server keeps its socket; the probe shows up as a closed peer. */
static void check_live_and_stale(const char *path)
{
	struct ctl_hdr rh;
	int l, a, c;

	l = ctl_listen(path);
	CHECK(l >= 0);
	CHECK_EQ(-EADDRINUSE, ctl_listen(path));
	c = ctl_connect(path);
	CHECK(c >= 0);
	a = accept_pending(l);
	CHECK(a >= 0);
	CHECK_EQ(-ECONNRESET, ctl_recv(a, false, &rh, NULL, 0, NULL, 0, NULL));
	close(a);
	a = accept_pending(l);
	CHECK(a >= 0);
	CHECK_EQ(FD_CLOEXEC, fcntl(a, F_GETFD));
	CHECK_EQ(FD_CLOEXEC, fcntl(c, F_GETFD));
	check_connection(c, a);
	close(a);
	close(c);
	close(l);
	/* The socket file outlives its listener: it is now stale. */
	l = ctl_listen(path);
	CHECK(l >= 0);
	c = ctl_connect(path);
	CHECK(c >= 0);
	close(c);
	close(l);
}

void ctl_test_listen_connect(void)
{
	char dir[] = "/tmp/ctl_proto_test.XXXXXX";
	char path[PATH_MAX], file[PATH_MAX], lng[200];
	struct stat st;
	mode_t old;
	int l, fd;

	if (!mkdtemp(dir)) {
		CHECK(!"mkdtemp in /tmp works");
		return;
	}
	snprintf(path, sizeof(path), "%s/ctl", dir);
	snprintf(file, sizeof(file), "%s/file", dir);
	old = umask(0); /* the mode must not depend on the umask */
	l = ctl_listen(path);
	umask(old);
	CHECK(l >= 0);
	CHECK_EQ(FD_CLOEXEC, fcntl(l, F_GETFD));
	CHECK_EQ(0, stat(path, &st));
	CHECK(S_ISSOCK(st.st_mode));
	CHECK_EQ(0600, st.st_mode & 07777);
	close(l);
	check_live_and_stale(path);

	fd = open(file, O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
	CHECK(fd >= 0);
	close(fd);
	CHECK_EQ(-EADDRINUSE, ctl_listen(file)); /* not a socket: kept */
	CHECK_EQ(0, stat(file, &st));
	CHECK_EQ(-ECONNREFUSED, ctl_connect(path));
	snprintf(lng, sizeof(lng), "%s/%0150d", dir, 0);
	CHECK_EQ(-ENAMETOOLONG, ctl_listen(lng));
	CHECK_EQ(-ENAMETOOLONG, ctl_connect(lng));
	CHECK_EQ(-EINVAL, ctl_listen(""));
	CHECK_EQ(0, unlink(path));
	CHECK_EQ(-ENOENT, ctl_connect(path));
	CHECK_EQ(0, unlink(file));
	CHECK_EQ(0, rmdir(dir));
}

/* The server side of ctl_test_call(): answers until the client leaves. */
struct responder {
	int sock;
	int fds[INFO_NR_FDS]; /* what IOREQ_INFO hands out */
	unsigned int nr_requests;
};

union payload {
	struct ctl_domain_info di;
	struct ctl_ioreq_info ii;
	struct ctl_ioreq_id id;
	struct ctl_ioreq_range range;
};

/*
 * Fills the response to @h's request @req in @resp and @h; returns the
 * number of fds to send. DESTROY and UNPAUSE get a confused answer.
 */
static unsigned int respond_to(struct ctl_hdr *h, const union payload *req,
			       union payload *resp)
{
	memset(resp, 0, sizeof(*resp));
	h->len = ctl_payload_size(h->op, true);
	switch (h->op) {
	case CTL_OP_QUERY:
		resp->di.domid = 7;
		snprintf(resp->di.detail, sizeof(resp->di.detail), "running");
		return 0;
	case CTL_OP_IOREQ_CREATE:
		resp->id.id = 5;
		return 0;
	case CTL_OP_IOREQ_INFO:
		resp->ii.nr_vcpus = 1;
		resp->ii.vcpu_port[0] = 8;
		return INFO_NR_FDS;
	case CTL_OP_IOREQ_MAP:
		if (req->range.start > req->range.end) {
			h->rc = -EINVAL;
			h->len = 0;
		}
		return 0;
	case CTL_OP_DESTROY:
		h->seq++;
		return 0;
	case CTL_OP_UNPAUSE:
		h->op = CTL_OP_PAUSE;
		return 0;
	default:
		return 0;
	}
}

static void *responder_main(void *arg)
{
	struct responder *r = arg;
	union payload req, resp;
	unsigned int nr;
	struct ctl_hdr h;

	while (ctl_recv(r->sock, false, &h, &req, sizeof(req), NULL, 0, NULL) ==
	       0) {
		r->nr_requests++;
		nr = respond_to(&h, &req, &resp);
		h.nr_fds = nr;
		if (ctl_send(r->sock, &h, &resp, r->fds, nr))
			break;
	}
	return NULL;
}

static void call_ioreq_ops(struct ctl_client *c, struct responder *r)
{
	struct ctl_ioreq_create cr = {.bufioreq = 1};
	struct ctl_ioreq_range range = {.id = 5, .start = 2, .end = 1};
	struct ctl_ioreq_id id = {0};
	struct ctl_ioreq_info info;
	int got[CTL_MAX_FDS];
	unsigned int nr = 99;

	CHECK_EQ(0, ctl_call(c, CTL_OP_IOREQ_CREATE, &cr, &id, NULL, 0, NULL));
	CHECK_EQ(5, id.id);
	CHECK_EQ(-EMSGSIZE, ctl_call(c, CTL_OP_IOREQ_INFO, &id, &info, got,
				     INFO_NR_FDS - 1, &nr));
	CHECK_EQ(0, nr);
	CHECK_EQ(0, ctl_call(c, CTL_OP_IOREQ_INFO, &id, &info, got, CTL_MAX_FDS,
			     &nr));
	CHECK_EQ(INFO_NR_FDS, nr);
	CHECK_EQ(8, info.vcpu_port[0]);
	if (nr == INFO_NR_FDS) {
		ctl_test_same_memfd(got[CTL_IOREQ_FD_MEM], r->fds[0]);
		ctl_test_same_eventfd(r->fds[CTL_IOREQ_FD_NOTIFY(0)],
				      got[CTL_IOREQ_FD_NOTIFY(0)]);
		ctl_test_same_eventfd(got[CTL_IOREQ_FD_DONE(1)],
				      r->fds[CTL_IOREQ_FD_DONE(1)]);
		ctl_close_fds(got, nr);
	}
	CHECK_EQ(-EINVAL,
		 ctl_call(c, CTL_OP_IOREQ_MAP, &range, NULL, NULL, 0, NULL));
	range.end = 3;
	CHECK_EQ(0, ctl_call(c, CTL_OP_IOREQ_MAP, &range, NULL, NULL, 0, NULL));
}

void ctl_test_call(void)
{
	struct responder r = {.nr_requests = 0};
	struct ctl_domain_info di;
	struct ctl_client c;
	pthread_t t;
	int sv[2];

	ctl_test_pair(sv);
	c = (struct ctl_client){.sock = sv[0]};
	r.sock = sv[1];
	r.fds[0] = ctl_test_memfd();
	ctl_test_eventfds(r.fds + 1, INFO_NR_FDS - 1);
	CHECK_EQ(0, pthread_create(&t, NULL, responder_main, &r));

	CHECK_EQ(0, ctl_call(&c, CTL_OP_QUERY, NULL, &di, NULL, 0, NULL));
	CHECK_EQ(7, di.domid);
	CHECK_EQ(0, strcmp(di.detail, "running"));
	CHECK_EQ(0, ctl_call(&c, CTL_OP_PAUSE, NULL, NULL, NULL, 0, NULL));
	call_ioreq_ops(&c, &r);
	CHECK_EQ(-EPROTO, ctl_call(&c, CTL_OP_DESTROY, NULL, NULL, NULL, 0,
				   NULL)); /* wrong seq */
	CHECK_EQ(-EPROTO, ctl_call(&c, CTL_OP_UNPAUSE, NULL, NULL, NULL, 0,
				   NULL)); /* wrong op */
	CHECK_EQ(9, c.seq);
	/* refused before sending: unknown op, missing response buffer */
	CHECK_EQ(-EINVAL, ctl_call(&c, 0xffff, NULL, NULL, NULL, 0, NULL));
	CHECK_EQ(-EINVAL,
		 ctl_call(&c, CTL_OP_QUERY, NULL, NULL, NULL, 0, NULL));
	CHECK_EQ(9, c.seq);

	close(sv[0]); /* the responder sees -ECONNRESET and returns */
	CHECK_EQ(0, pthread_join(t, NULL));
	CHECK_EQ(9, r.nr_requests);
	ctl_close_fds(r.fds, INFO_NR_FDS);
	close(sv[1]);
}
