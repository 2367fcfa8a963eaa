/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit test of guest rings as a transport (ring_domain.c) against a fake
 * hvm-domain control socket (a thread here) that hands out a memfd for
 * the special pages and an eventfd pair for port 3: XS_INTRODUCE maps
 * the ring and binds the port; a guest's request and kick get a reply
 * and a kick back; a watch event that a dom0 write fires reaches the
 * ring without a kick; hostile indexes close the guest's connection;
 * XS_RELEASE drops the ring; introductions that cannot be served fail
 * with the reason.
 */
#define _GNU_SOURCE /* memfd_create */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hypervisor/ctl_proto.h"
#include "test_client.h"
#include "xenstored/ring_domain.h"
#include "xenstored/xenstored.h"

#define PAGE 4096
#define SPECIAL_GPA 0xfeff0000ULL
#define RING_PFN 0xfeffcULL
#define PORT 3

struct fake_domain {
	int lsock;
	int memfd;
	int notify, done; /* the domain's ends: notify is the guest's kick */
	volatile int stop;
	pthread_t thread;
	unsigned int nr_binds;
};

static void serve_one(struct fake_domain *f, int sock)
{
	union {
		struct ctl_mem_info mem;
		struct ctl_evtchn ev;
	} req, resp;
	struct ctl_hdr h;
	int fds[2];
	unsigned int nr = 0;

	if (ctl_recv(sock, false, &h, &req, sizeof(req), NULL, 0, NULL))
		return;
	memset(&resp, 0, sizeof(resp));
	h.rc = 0;
	if (h.op == CTL_OP_MEM_INFO) {
		resp.mem.nr_regions = 1;
		resp.mem.r[0] = (struct ctl_mem_region){
			.gpa = SPECIAL_GPA, .size = 16 * PAGE, .kind = 1};
		fds[nr++] = f->memfd;
		h.len = sizeof(resp.mem);
	} else if (h.op == CTL_OP_EVTCHN && req.ev.port == PORT) {
		resp.ev.port = PORT;
		fds[nr++] = f->notify;
		fds[nr++] = f->done;
		f->nr_binds++;
		h.len = sizeof(resp.ev);
	} else {
		h.rc = -ENOENT;
		h.len = 0;
	}
	h.nr_fds = nr;
	CHECK_EQ(0, ctl_send(sock, &h, h.len ? &resp : NULL, fds, nr));
}

static void *fake_main(void *arg)
{
	struct fake_domain *f = arg;
	struct pollfd p = {.fd = f->lsock, .events = POLLIN};

	while (!f->stop) {
		int sock;

		if (poll(&p, 1, 50) <= 0)
			continue;
		sock = ctl_accept(f->lsock);
		if (sock < 0)
			continue;
		for (;;) {
			struct pollfd s = {.fd = sock, .events = POLLIN};

			if (poll(&s, 1, 2000) <= 0 || (s.revents & POLLHUP))
				break;
			serve_one(f, sock);
		}
		close(sock);
	}
	return NULL;
}

static char dir[] = "/tmp/hvm-ring-domain-XXXXXX";

static void fake_start(struct fake_domain *f)
{
	char path[128];

	memset(f, 0, sizeof(*f));
	snprintf(path, sizeof(path), "%s/7", dir);
	CHECK_EQ(0, mkdir(path, 0700));
	snprintf(path, sizeof(path), "%s/7/ctl", dir);
	f->lsock = ctl_listen(path);
	CHECK(f->lsock >= 0);
	f->memfd = memfd_create("guest", MFD_CLOEXEC);
	CHECK_EQ(0, ftruncate(f->memfd, 16 * PAGE));
	f->notify = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	f->done = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	CHECK_EQ(0, pthread_create(&f->thread, NULL, fake_main, f));
}

static void fake_stop(struct fake_domain *f)
{
	char path[128];

	f->stop = 1;
	pthread_join(f->thread, NULL);
	close(f->lsock);
	close(f->memfd);
	close(f->notify);
	close(f->done);
	snprintf(path, sizeof(path), "%s/7/ctl", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/7", dir);
	rmdir(path);
}

/* One round of the daemon's loop for the rings, without waiting. */
static void round_of(struct ring_domains *rt)
{
	struct pollfd p[8];
	unsigned int n = ring_domains_pollfds(rt, p, 8);

	CHECK(poll(p, n, 0) >= 0);
	ring_domains_serve(rt, p, n);
}

static void guest_put(struct xenstore_domain_interface *i, uint32_t type,
		      uint32_t req_id, const char *payload, size_t len)
{
	struct xsd_sockmsg h = {.type = type, .req_id = req_id, .len = len};
	const char *p = (const char *)&h;
	size_t k;

	for (k = 0; k < sizeof(h) + len; k++) {
		char c = k < sizeof(h) ? p[k] : payload[k - sizeof(h)];

		i->req[MASK_XENSTORE_IDX(i->req_prod + k)] = c;
	}
	i->req_prod += (uint32_t)(sizeof(h) + len);
}

/* The next reply or event on the ring as "type:payload" ('|' for NUL). */
static const char *guest_take(struct xenstore_domain_interface *i)
{
	static char out[512];
	struct xsd_sockmsg h;
	char *p = (char *)&h;
	size_t k, n;

	if (i->rsp_prod - i->rsp_cons < sizeof(h))
		return "";
	for (k = 0; k < sizeof(h); k++)
		p[k] = i->rsp[MASK_XENSTORE_IDX(i->rsp_cons + k)];
	n = (size_t)snprintf(out, sizeof(out), "%u:", h.type);
	for (k = 0; k < h.len && n + 1 < sizeof(out); k++) {
		char c = i->rsp[MASK_XENSTORE_IDX(i->rsp_cons + sizeof(h) + k)];

		out[n++] = c ? c : '|';
	}
	out[n] = '\0';
	i->rsp_cons += (uint32_t)(sizeof(h) + h.len);
	return out;
}

static uint64_t kicks(int efd)
{
	uint64_t v = 0;

	if (read(efd, &v, sizeof(v)) != sizeof(v))
		return 0;
	return v;
}

static void kick(int efd)
{
	uint64_t one = 1;

	CHECK_EQ(sizeof(one), write(efd, &one, sizeof(one)));
}

static void test_ring_domain(void)
{
	struct fake_domain f;
	struct xenstored *xs = test_xs_new();
	struct tc *dom0 = tc_new(xs, 0);
	struct ring_domains *rt = NULL;
	struct xenstore_domain_interface *i;
	char buf[64];

	fake_start(&f);
	CHECK_EQ(0, ring_domains_create(xs, dir, &rt));
	/* As hvmd: the domain's home readable by it; nodes inherit that. */
	CHECK_STREQ("OK|", tc_call(dom0, XS_MKDIR, 0, "/local/domain/7|"));
	CHECK_STREQ("OK|",
		    tc_call(dom0, XS_SET_PERMS, 0, "/local/domain/7|n0|r7|"));
	CHECK_STREQ("OK|",
		    tc_call(dom0, XS_WRITE, 0, "/local/domain/7/name|vm7"));
	snprintf(buf, sizeof(buf), "7|%llu|%d|", RING_PFN, PORT);
	CHECK_STREQ("OK|", tc_call(dom0, XS_INTRODUCE, 0, buf));
	CHECK_EQ(1, f.nr_binds);
	i = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, f.memfd,
		 (off_t)((RING_PFN << 12) - SPECIAL_GPA));
	CHECK(i != MAP_FAILED);

	/* A request and a kick: the reply and a kick back. */
	guest_put(i, XS_READ, 1, "name", 5);
	kick(f.notify);
	round_of(rt);
	CHECK_STREQ("2:vm7", guest_take(i));
	CHECK(kicks(f.done) >= 1);
	/* A guest may not read what dom0 keeps to itself. */
	guest_put(i, XS_READ, 2, "/tool/xenstored", 16);
	kick(f.notify);
	round_of(rt);
	CHECK_STREQ("16:EACCES|", guest_take(i));

	/* A watch: its first event at once, the next from a dom0 write. */
	guest_put(i, XS_WATCH, 3, "control/shutdown|tok", 21);
	i->req[MASK_XENSTORE_IDX(i->req_prod - 5)] = '\0';
	kick(f.notify);
	round_of(rt);
	CHECK_STREQ("4:OK|", guest_take(i));
	CHECK_STREQ("15:control/shutdown|tok|", guest_take(i));
	kicks(f.done);
	CHECK_STREQ("OK|",
		    tc_call(dom0, XS_WRITE, 0,
			    "/local/domain/7/control/shutdown|poweroff"));
	round_of(rt); /* no kick from the guest: the event goes out anyway */
	CHECK_STREQ("15:control/shutdown|tok|", guest_take(i));
	CHECK(kicks(f.done) >= 1);

	/* Hostile indexes: the guest's connection goes, nothing else. */
	i->req_prod = i->req_cons + 5000;
	kick(f.notify);
	round_of(rt);
	i->req_prod = i->req_cons;
	guest_put(i, XS_READ, 4, "name", 5);
	kick(f.notify);
	round_of(rt);
	CHECK_STREQ("", guest_take(i));
	CHECK_STREQ("T|", tc_call(dom0, XS_IS_DOMAIN_INTRODUCED, 0, "7|"));

	/* Release drops the ring; introduced again, it is served afresh. */
	CHECK_STREQ("OK|", tc_call(dom0, XS_RELEASE, 0, "7|"));
	round_of(rt);
	{
		struct pollfd p[8];

		CHECK_EQ(0, ring_domains_pollfds(rt, p, 8));
	}
	memset(i, 0, sizeof(*i));
	CHECK_STREQ("OK|", tc_call(dom0, XS_INTRODUCE, 0, buf));
	guest_put(i, XS_READ, 5, "name", 5);
	kick(f.notify);
	round_of(rt);
	CHECK_STREQ("2:vm7", guest_take(i));
	CHECK_STREQ("OK|", tc_call(dom0, XS_RELEASE, 0, "7|"));
	round_of(rt);

	/* What cannot be served is refused, and nothing is introduced. */
	snprintf(buf, sizeof(buf), "7|%llu|9|", RING_PFN);
	CHECK_STREQ("ERR ENOENT", tc_call(dom0, XS_INTRODUCE, 0, buf));
	CHECK_STREQ("ERR EINVAL", tc_call(dom0, XS_INTRODUCE, 0, "7|4096|3|"));
	CHECK_STREQ("F|", tc_call(dom0, XS_IS_DOMAIN_INTRODUCED, 0, "7|"));
	CHECK(strncmp(tc_call(dom0, XS_INTRODUCE, 0, "8|1044476|3|"), "ERR ",
		      4) == 0);

	munmap(i, PAGE);
	ring_domains_destroy(rt);
	tc_free(dom0);
	xenstored_destroy(xs);
	fake_stop(&f);
}

int main(void)
{
	CHECK(mkdtemp(dir) != NULL);
	HVM_TEST(test_ring_domain);
	rmdir(dir);
	return hvm_test_summary();
}
