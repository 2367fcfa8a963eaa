/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Guest rings as a transport (see ring_domain.h). A domain whose ring
 * breaks the protocol loses its connection, as Xen's xenstored ignores
 * it, until it is released and introduced again.
 */
#include "xenstored/ring_domain.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "hypervisor/ctl_proto.h"
#include "hypervisor/log.h"
#include "xenstored/conn.h"
#include "xenstored/ring.h"
#include "xenstored/xenstored.h"

#define PAGE_SIZE 4096u
/* Rounds of pull/push per ring per poll round, so one guest cannot spin. */
#define ROUNDS_PER_POLL 8
/* Passes over all rings per poll round (events between guests). */
#define PASSES_PER_POLL 4
#define CTL_TIMEOUT_S 5

struct ring_domain {
	uint32_t domid;
	struct xenstore_domain_interface *intf; /* NULL once released */
	int notify_fd;				/* the guest's kicks */
	int done_fd;				/* ours to the guest */
	struct conn *c;				/* NULL once closed */
	bool released;
};

struct ring_domains {
	struct xenstored *xs;
	char *run_dir;
	struct ring_domain **d;
	unsigned int nr, cap;
};

static const struct conn_transport ring_transport = {
	.name = "ring",
};

static int ctl_open(struct ring_domains *rt, uint32_t domid,
		    struct ctl_client *cl)
{
	struct timeval tv = {.tv_sec = CTL_TIMEOUT_S};
	char path[PATH_MAX];

	if (snprintf(path, sizeof(path), "%s/%u/ctl", rt->run_dir,
		     (unsigned int)domid) >= (int)sizeof(path))
		return -ENAMETOOLONG;
	cl->seq = 0;
	cl->sock = ctl_connect(path);
	if (cl->sock < 0) {
		log_dom_err(
			domid, "ring",
			"cannot connect to hvm-domain at %s: %s; is the domain running?",
			path, strerror(-cl->sock));
		return cl->sock;
	}
	/* A stuck hvm-domain must not stop the daemon for long. */
	setsockopt(cl->sock, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	setsockopt(cl->sock, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	return 0;
}

/* Maps guest frame @gfn of the domain behind @cl, and only that page. */
static int map_ring(struct ctl_client *cl, uint32_t domid, uint64_t gfn,
		    struct xenstore_domain_interface **out)
{
	struct ctl_mem_info info;
	uint64_t gpa = gfn * PAGE_SIZE;
	unsigned int i, nr = 0;
	int memfd = -1, rc;
	void *p;

	if (gfn >= (UINT64_MAX / PAGE_SIZE))
		return -EINVAL;
	rc = ctl_call(cl, CTL_OP_MEM_INFO, NULL, &info, &memfd, 1, &nr);
	if (rc)
		return rc;
	rc = -EINVAL;
	for (i = 0; i < info.nr_regions; i++) {
		const struct ctl_mem_region *r = &info.r[i];

		if (gpa < r->gpa || gpa - r->gpa >= r->size ||
		    r->size - (gpa - r->gpa) < PAGE_SIZE)
			continue;
		p = mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED,
			 memfd, (off_t)(r->offset + (gpa - r->gpa)));
		rc = p == MAP_FAILED ? -errno : 0;
		if (!rc)
			*out = p;
		break;
	}
	close(memfd);
	if (rc == -EINVAL)
		log_dom_err(domid, "ring",
			    "ring frame 0x%llx is not in the guest's memory",
			    (unsigned long long)gfn);
	return rc;
}

static int bind_port(struct ctl_client *cl, uint32_t port,
		     struct ring_domain *rd)
{
	struct ctl_evtchn req = {.port = port}, resp;
	int fds[2] = {-1, -1};
	unsigned int nr = 0;
	int rc;

	rc = ctl_call(cl, CTL_OP_EVTCHN, &req, &resp, fds, 2, &nr);
	if (rc)
		return rc;
	rd->notify_fd = fds[0];
	rd->done_fd = fds[1];
	return 0;
}

static void ring_unmap(struct ring_domain *rd)
{
	if (rd->intf)
		munmap(rd->intf, PAGE_SIZE);
	rd->intf = NULL;
}

static void ring_free(struct ring_domain *rd)
{
	ring_unmap(rd);
	if (rd->notify_fd >= 0)
		close(rd->notify_fd);
	if (rd->done_fd >= 0)
		close(rd->done_fd);
	rd->notify_fd = rd->done_fd = -1;
}

static int add_domain(struct ring_domains *rt, struct ring_domain *rd)
{
	struct ring_domain **d;
	unsigned int cap;

	if (rt->nr >= RING_DOMAINS_MAX)
		return -ENOSPC;
	if (rt->nr == rt->cap) {
		cap = rt->cap ? rt->cap * 2 : 8;
		d = realloc(rt->d, cap * sizeof(*d));
		if (!d)
			return -ENOMEM;
		rt->d = d;
		rt->cap = cap;
	}
	rt->d[rt->nr++] = rd;
	return 0;
}

static int introduce(void *priv, uint32_t domid, uint64_t gfn, uint32_t port)
{
	struct ring_domains *rt = priv;
	struct ctl_client cl = {.sock = -1};
	struct ring_domain *rd = calloc(1, sizeof(*rd));
	int rc;

	if (!rd)
		return -ENOMEM;
	rd->domid = domid;
	rd->notify_fd = rd->done_fd = -1;
	rc = ctl_open(rt, domid, &cl);
	if (!rc)
		rc = map_ring(&cl, domid, gfn, &rd->intf);
	if (!rc) {
		rc = bind_port(&cl, port, rd);
		if (rc)
			log_dom_err(
				domid, "ring",
				"cannot bind the ring's event channel %u: %s",
				(unsigned int)port, strerror(-rc));
	}
	if (cl.sock >= 0)
		close(cl.sock);
	if (!rc)
		rc = add_domain(rt, rd);
	if (rc) {
		ring_free(rd);
		free(rd);
		return rc;
	}
	/* Last: no connection to destroy while a request runs. */
	rc = conn_create(rt->xs, domid, &ring_transport, rd, &rd->c);
	if (rc) {
		rd->released = true; /* dropped after this poll round */
		ring_unmap(rd);
		return rc;
	}
	log_dom_info(domid, "ring",
		     "serving the guest's ring (frame 0x%llx, port %u)",
		     (unsigned long long)gfn, (unsigned int)port);
	return 0;
}

/*
 * Called during a request: the connection is killed by the caller. The
 * eventfds stay open until the ring is dropped after the poll round, as
 * the round may still hold their numbers.
 */
static void release(void *priv, uint32_t domid)
{
	struct ring_domains *rt = priv;
	unsigned int i;

	for (i = 0; i < rt->nr; i++) {
		struct ring_domain *rd = rt->d[i];

		if (rd->domid == domid && !rd->released) {
			rd->released = true;
			ring_unmap(rd);
		}
	}
}

static const struct xenstored_domain_ops ring_ops = {
	.introduce = introduce,
	.release = release,
};

int ring_domains_create(struct xenstored *xs, const char *run_dir,
			struct ring_domains **out)
{
	struct ring_domains *rt = calloc(1, sizeof(*rt));

	if (!rt)
		return -ENOMEM;
	rt->xs = xs;
	rt->run_dir = strdup(run_dir);
	if (!rt->run_dir) {
		free(rt);
		return -ENOMEM;
	}
	xenstored_set_domain_ops(xs, &ring_ops, rt);
	*out = rt;
	return 0;
}

static void drop(struct ring_domains *rt, unsigned int i)
{
	struct ring_domain *rd = rt->d[i];

	conn_destroy(rd->c);
	ring_free(rd);
	free(rd);
	rt->d[i] = rt->d[--rt->nr];
}

void ring_domains_destroy(struct ring_domains *rt)
{
	if (!rt)
		return;
	xenstored_set_domain_ops(rt->xs, NULL, NULL);
	while (rt->nr)
		drop(rt, rt->nr - 1);
	free(rt->d);
	free(rt->run_dir);
	free(rt);
}

unsigned int ring_domains_pollfds(void *priv, struct pollfd *p,
				  unsigned int max)
{
	struct ring_domains *rt = priv;
	unsigned int i, n = 0;

	for (i = 0; i < rt->nr && n < max; i++) {
		if (rt->d[i]->notify_fd < 0 || !rt->d[i]->c)
			continue;
		p[n++] = (struct pollfd){.fd = rt->d[i]->notify_fd,
					 .events = POLLIN};
	}
	return n;
}

static void kick(struct ring_domain *rd)
{
	uint64_t one = 1;

	if (write(rd->done_fd, &one, sizeof(one)) != sizeof(one))
		log_dom_warn(rd->domid, "ring", "cannot kick the guest: %s",
			     strerror(errno));
}

/*
 * Moves both directions until nothing moves (or ROUNDS_PER_POLL); returns
 * whether anything moved.
 */
static bool work(struct ring_domain *rd)
{
	bool in, out, any = false;
	unsigned int r;
	int rc = 0;

	for (r = 0; r < ROUNDS_PER_POLL && !rd->c->dead; r++) {
		rc = ring_pull(rd->intf, rd->c, &in);
		if (!rc)
			rc = ring_push(rd->intf, rd->c, &out);
		if (rc) {
			conn_kill(
				rd->c,
				"the guest's ring indexes are inconsistent; its xenstore is off until it is introduced again");
			break;
		}
		any |= in || out;
		if (!in && !out)
			break;
	}
	if (any)
		kick(rd);
	return any;
}

void ring_domains_serve(void *priv, const struct pollfd *p, unsigned int n)
{
	struct ring_domains *rt = priv;
	unsigned int i, pass;
	uint64_t count;
	bool moved;

	for (i = 0; i < n; i++) {
		if (p[i].revents & POLLIN &&
		    read(p[i].fd, &count, sizeof(count)) < 0 && errno != EAGAIN)
			log_dom_warn(LOG_NO_DOMAIN, "ring",
				     "cannot read a guest's kick: %s",
				     strerror(errno));
	}
	/*
	 * A guest's request may queue a watch event for a ring worked before
	 * it in this pass: pass again while anything moves (bounded).
	 */
	for (pass = 0, moved = true; moved && pass < PASSES_PER_POLL; pass++) {
		moved = false;
		for (i = 0; i < rt->nr; i++) {
			struct ring_domain *rd = rt->d[i];

			if (rd->c && !rd->c->dead && rd->intf)
				moved |= work(rd);
		}
	}
	i = 0;
	while (i < rt->nr) {
		struct ring_domain *rd = rt->d[i];

		if (rd->c && rd->c->dead) {
			conn_destroy(rd->c);
			rd->c = NULL;
		}
		if (rd->released) {
			drop(rt, i);
			continue;
		}
		i++;
	}
}
