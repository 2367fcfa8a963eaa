/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A domain's ioreq servers (see domain_ioreq.h): creation with their pages,
 * ports and eventfds, range claims, enable/disable, removal, and the vCPU
 * side of a synchronous request (dm-abi.md 3.3): publish in the slot,
 * notify the port, wait for "done" or a kick, then take the response.
 */
#define _GNU_SOURCE /* pthread_rwlockattr_setkind_np */
#include "hypervisor/domain_ioreq.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <xen/hvm/hvm_op.h>
#include <unistd.h>

#include "hypervisor/clock_ms.h"
#include "hypervisor/domain.h"
#include "hypervisor/ioreq_bufring.h"
#include "hypervisor/log.h"
#include "hypervisor/vcpu.h"

_Static_assert(DOMAIN_IOREQ_SERVERS *DOMAIN_IOREQ_PAGES <= GMEM_PRIVATE_PAGES,
	       "ioreq pages fit in the private memfd pages");
_Static_assert(DOMAIN_IOREQ_SERVERS <= IOREQ_SERVER_MAX,
	       "server ids index srv[]");
_Static_assert(DOMAIN_IOREQ_MAX_VCPUS * sizeof(struct ioreq) <= 4096,
	       "the slots of all vCPUs fit in one page");

/* Per server: one port per vCPU, then the buffered ring's. */
static uint32_t port_number(uint16_t id, unsigned int i)
{
	return DOMAIN_IOREQ_FIRST_PORT +
	       (uint32_t)id * (DOMAIN_IOREQ_MAX_VCPUS + 1) + i;
}

static void close_port(struct domain_ioreq_port *p)
{
	if (p->notify_efd >= 0)
		close(p->notify_efd);
	if (p->done_efd >= 0)
		close(p->done_efd);
	p->notify_efd = p->done_efd = -1;
}

static int open_port(struct domain_ioreq_port *p, uint32_t port)
{
	p->port = port;
	p->notify_efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	p->done_efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (p->notify_efd < 0 || p->done_efd < 0) {
		close_port(p);
		return -errno;
	}
	return 0;
}

static void srv_free(struct domain_ioreq_srv *s)
{
	unsigned int i;

	for (i = 0; i < DOMAIN_IOREQ_MAX_VCPUS; i++)
		close_port(&s->vcpu_port[i]);
	close_port(&s->buf_port);
	pthread_mutex_destroy(&s->ring_lock);
	s->used = false;
}

static int srv_setup(struct domain *d, uint16_t id, uint8_t bufioreq)
{
	struct domain_ioreq_srv *s = &d->ioreq->srv[id];
	uint8_t *pages;
	unsigned int i;
	int rc = 0;

	memset(s, 0, sizeof(*s));
	for (i = 0; i < DOMAIN_IOREQ_MAX_VCPUS; i++)
		s->vcpu_port[i].notify_efd = s->vcpu_port[i].done_efd = -1;
	s->buf_port.notify_efd = s->buf_port.done_efd = -1;
	pthread_mutex_init(&s->ring_lock, NULL);
	s->bufioreq = bufioreq;
	s->used = true;
	s->pages_offset = d->mem->private_start +
			  (uint64_t)id * DOMAIN_IOREQ_PAGES * GMEM_PAGE_SIZE;
	pages = d->mem->base + s->pages_offset;
	memset(pages, 0, DOMAIN_IOREQ_PAGES * GMEM_PAGE_SIZE);
	s->ring = (struct buffered_iopage *)pages;
	s->slots = (struct ioreq *)(pages + GMEM_PAGE_SIZE);
	/* dm-abi.md B7: every port is in its slot before QEMU enables us. */
	for (i = 0; !rc && i < d->nr_vcpus; i++) {
		rc = open_port(&s->vcpu_port[i], port_number(id, i));
		ioreq_slot_init(&s->slot[i], &s->slots[i],
				s->vcpu_port[i].port);
	}
	if (!rc)
		rc = open_port(&s->buf_port,
			       port_number(id, DOMAIN_IOREQ_MAX_VCPUS));
	if (rc)
		srv_free(s);
	return rc;
}

int domain_ioreq_init(struct domain *d)
{
	pthread_rwlockattr_t attr;

	d->ioreq = calloc(1, sizeof(*d->ioreq));
	if (!d->ioreq)
		return -ENOMEM;
	pthread_rwlockattr_init(&attr);
	/* vCPUs read it on every access: control requests must not starve. */
	pthread_rwlockattr_setkind_np(
		&attr, PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP);
	pthread_rwlock_init(&d->ioreq->lock, &attr);
	pthread_rwlockattr_destroy(&attr);
	ioreq_server_table_init(&d->ioreq->table);
	return 0;
}

void domain_ioreq_destroy(struct domain *d)
{
	unsigned int i;

	if (!d->ioreq)
		return;
	for (i = 0; i < DOMAIN_IOREQ_SERVERS; i++) {
		if (d->ioreq->srv[i].used)
			srv_free(&d->ioreq->srv[i]);
	}
	ioreq_server_table_destroy(&d->ioreq->table);
	pthread_rwlock_destroy(&d->ioreq->lock);
	free(d->ioreq);
	d->ioreq = NULL;
}

int domain_ioreq_create(struct domain *d, uint8_t bufioreq, uint16_t *id)
{
	struct domain_ioreq *io = d->ioreq;
	int rc;

	pthread_rwlock_wrlock(&io->lock);
	rc = ioreq_server_create(&io->table, id);
	if (!rc && *id >= DOMAIN_IOREQ_SERVERS) {
		(void)!ioreq_server_destroy(&io->table, *id);
		rc = -ENOSPC;
	}
	if (!rc) {
		rc = srv_setup(d, *id, bufioreq);
		if (rc)
			(void)!ioreq_server_destroy(&io->table, *id);
	}
	pthread_rwlock_unlock(&io->lock);
	if (!rc)
		log_info("ioreq", "created ioreq server %u", *id);
	return rc;
}

/* Waits (bounded) for vCPUs still using @s to let go of it. */
static bool wait_unused(struct domain *d, struct domain_ioreq_srv *s)
{
	uint64_t one = 1;
	unsigned int i, tries;

	for (tries = 0; tries < 5000; tries++) {
		if (!__atomic_load_n(&s->inflight, __ATOMIC_ACQUIRE))
			return true;
		for (i = 0; i < d->nr_vcpus; i++)
			(void)!write(d->vcpus[i]->kick_efd, &one, sizeof(one));
		usleep(1000);
	}
	return false;
}

int domain_ioreq_remove(struct domain *d, uint16_t id)
{
	struct domain_ioreq *io = d->ioreq;
	struct domain_ioreq_srv *s;
	int rc;

	if (id >= DOMAIN_IOREQ_SERVERS)
		return -ENOENT;
	s = &io->srv[id];
	pthread_rwlock_wrlock(&io->lock);
	rc = ioreq_server_destroy(&io->table, id);
	if (!rc)
		__atomic_store_n(&s->dying, true, __ATOMIC_RELEASE);
	pthread_rwlock_unlock(&io->lock);
	if (rc)
		return rc;
	/* No new request can pick it now; wake the ones waiting on it. */
	if (!wait_unused(d, s)) {
		log_err("ioreq",
			"ioreq server %u is still in use after 5 s; leaving its resources allocated",
			id);
		return -EBUSY;
	}
	pthread_rwlock_wrlock(&io->lock);
	srv_free(s);
	pthread_rwlock_unlock(&io->lock);
	return 0;
}

int domain_ioreq_map(struct domain *d, uint16_t id, uint32_t type,
		     uint64_t start, uint64_t end, bool map)
{
	struct domain_ioreq *io = d->ioreq;
	int rc;

	pthread_rwlock_wrlock(&io->lock);
	if (map)
		rc = ioreq_server_map_range(&io->table, id, type, start, end);
	else
		rc = ioreq_server_unmap_range(&io->table, id, type, start, end);
	pthread_rwlock_unlock(&io->lock);
	return rc;
}

int domain_ioreq_set_state(struct domain *d, uint16_t id, bool enabled)
{
	struct domain_ioreq *io = d->ioreq;
	int rc;

	pthread_rwlock_wrlock(&io->lock);
	rc = ioreq_server_set_enabled(&io->table, id, enabled);
	pthread_rwlock_unlock(&io->lock);
	return rc;
}

const struct domain_ioreq_srv *domain_ioreq_get(struct domain *d, uint16_t id)
{
	if (id >= DOMAIN_IOREQ_SERVERS || !d->ioreq->srv[id].used)
		return NULL;
	return &d->ioreq->srv[id];
}

int domain_ioreq_port_fds(struct domain *d, uint32_t port, int *notify_efd,
			  int *done_efd)
{
	const struct domain_ioreq_srv *s;
	const struct domain_ioreq_port *p;
	uint32_t id, i;

	if (port < DOMAIN_IOREQ_FIRST_PORT)
		return -ENOENT;
	port -= DOMAIN_IOREQ_FIRST_PORT;
	id = port / (DOMAIN_IOREQ_MAX_VCPUS + 1);
	i = port % (DOMAIN_IOREQ_MAX_VCPUS + 1);
	if (id >= DOMAIN_IOREQ_SERVERS)
		return -ENOENT;
	s = domain_ioreq_get(d, (uint16_t)id);
	if (!s || __atomic_load_n(&s->dying, __ATOMIC_ACQUIRE))
		return -ENOENT;
	if (i == DOMAIN_IOREQ_MAX_VCPUS)
		p = &s->buf_port;
	else if (i < d->nr_vcpus)
		p = &s->vcpu_port[i];
	else
		return -ENOENT;
	*notify_efd = p->notify_efd;
	*done_efd = p->done_efd;
	return 0;
}

static int notify(int efd)
{
	uint64_t one = 1;

	return write(efd, &one, sizeof(one)) == sizeof(one) ? 0 : -errno;
}

static void drain(int efd)
{
	uint64_t cnt;

	(void)!read(efd, &cnt, sizeof(cnt));
}

/*
 * A request the device model leaves unanswered this long is logged once
 * (and its late answer too): the guest is stuck on it, and a sysadmin
 * needs to see that it is the device model, not the guest, that stalls.
 */
#define IOREQ_SLOW_MS 10000

static const char *req_kind(const struct ioreq *req)
{
	switch (req->type) {
	case IOREQ_TYPE_PIO:
		return "port";
	case IOREQ_TYPE_COPY:
		return "MMIO address";
	case IOREQ_TYPE_PCI_CONFIG:
		return "PCI config";
	default:
		return "request type";
	}
}

static void log_slow(const struct vcpu *v, const struct ioreq *req,
		     unsigned int secs, bool answered)
{
	const char *dir = req->dir == IOREQ_READ ? "read of" : "write to";

	if (answered)
		log_info(
			"ioreq",
			"vCPU %u: the device model answered a %s %s 0x%llx after %u s",
			v->id, dir, req_kind(req),
			(unsigned long long)req->addr, secs);
	else
		log_warn(
			"ioreq",
			"vCPU %u: the device model has not answered a %s %s 0x%llx (%u bytes x %u) for %u s; the guest waits for it: check that QEMU is alive and its log",
			v->id, dir, req_kind(req),
			(unsigned long long)req->addr, req->size, req->count,
			secs);
}

/* Waits for the device model's answer to @req or for the domain to stop. */
static int wait_done(struct vcpu *v, struct domain_ioreq_srv *s,
		     const struct ioreq *req, uint64_t *data)
{
	struct pollfd pfd[2] = {
		{.fd = s->vcpu_port[v->id].done_efd, .events = POLLIN},
		{.fd = v->kick_efd, .events = POLLIN},
	};
	uint64_t start = 0, waited;
	bool warned = false;
	int rc, timeout;

	for (;;) {
		rc = ioreq_slot_poll(&s->slot[v->id], data);
		if (rc != -EINPROGRESS) {
			if (warned)
				log_slow(v, req,
					 (clock_ms_now() - start) / 1000, true);
			return rc;
		}
		if (domain_is_stopping(v->d))
			return -ECANCELED;
		if (__atomic_load_n(&s->dying, __ATOMIC_ACQUIRE))
			return -ENODEV;
		/* The clock starts after the first look: most answers are in.
		 */
		if (!start)
			start = clock_ms_now();
		waited = clock_ms_now() - start;
		if (!warned && waited >= IOREQ_SLOW_MS) {
			warned = true;
			log_slow(v, req, waited / 1000, false);
		}
		timeout = warned ? -1 : (int)(IOREQ_SLOW_MS - waited);
		if (poll(pfd, 2, timeout) < 0 && errno != EINTR)
			return -errno;
		drain(pfd[0].fd);
		drain(pfd[1].fd);
	}
}

/*
 * Single direct VGA writes go through the ring when the server has one and
 * it has room: returns 0 if sent, -EAGAIN to send synchronously instead,
 * or -EPROTO if the device model broke the ring.
 */
static int try_buffered(struct domain_ioreq_srv *s, const struct ioreq *req)
{
	int rc;

	if (s->bufioreq != HVM_IOREQSRV_BUFIOREQ_ATOMIC ||
	    !ioreq_bufring_may_buffer(req))
		return -EAGAIN;
	pthread_mutex_lock(&s->ring_lock);
	rc = ioreq_bufring_put(s->ring, req);
	if (!rc && notify(s->buf_port.notify_efd))
		log_warn("ioreq", "cannot notify the buffered ioreq port");
	pthread_mutex_unlock(&s->ring_lock);
	return rc == -EPROTO ? rc : (rc ? -EAGAIN : 0);
}

/* Sends @req on @s's slot for @v and waits for the answer. */
static int send_and_wait(struct vcpu *v, struct domain_ioreq_srv *s,
			 const struct ioreq *req, uint64_t *data)
{
	int rc = try_buffered(s, req);

	if (rc != -EAGAIN)
		return rc;
	rc = ioreq_slot_send(&s->slot[v->id], req);
	if (!rc)
		rc = notify(s->vcpu_port[v->id].notify_efd);
	if (!rc)
		rc = wait_done(v, s, req, data);
	else if (rc != -EPROTO)
		log_err("ioreq", "vCPU %u: cannot send a request: %s", v->id,
			strerror(-rc));
	return rc;
}

/*
 * The server that claims @req, held (its inflight count raised) so that
 * removing it waits for us; NULL if none does.
 */
static struct domain_ioreq_srv *srv_hold(struct domain_ioreq *io,
					 const struct ioreq *req)
{
	struct domain_ioreq_srv *s = NULL;
	struct ioreq_server *srv;

	pthread_rwlock_rdlock(&io->lock);
	srv = ioreq_server_select(&io->table, req);
	if (srv && srv->id < DOMAIN_IOREQ_SERVERS) {
		s = &io->srv[srv->id];
		__atomic_add_fetch(&s->inflight, 1, __ATOMIC_ACQ_REL);
	}
	pthread_rwlock_unlock(&io->lock);
	return s;
}

static void srv_release(struct domain_ioreq_srv *s)
{
	__atomic_sub_fetch(&s->inflight, 1, __ATOMIC_RELEASE);
}

int domain_ioreq_forward(struct vcpu *v, const struct ioreq *req,
			 uint64_t *data)
{
	struct domain_ioreq_srv *s;
	int rc;

	if (v->id >= DOMAIN_IOREQ_MAX_VCPUS)
		return -ENOENT;
	s = srv_hold(v->d->ioreq, req);
	if (!s)
		return -ENOENT;
	rc = send_and_wait(v, s, req, data);
	srv_release(s);
	/* A server removed under us: the access counts as unclaimed. */
	return rc == -ENODEV ? -ENOENT : rc;
}

int domain_ioreq_post(struct domain *d, const struct ioreq *req)
{
	struct domain_ioreq_srv *s = srv_hold(d->ioreq, req);
	int rc;

	if (!s)
		return -ENOENT;
	rc = try_buffered(s, req);
	srv_release(s);
	return rc;
}
