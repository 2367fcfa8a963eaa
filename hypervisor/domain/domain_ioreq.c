/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A domain's ioreq servers (see domain_ioreq.h): creation with their pages,
 * ports and eventfds, range claims, enable/disable, removal, and the vCPU
 * side of a synchronous request (dm-abi.md 3.3): publish in the slot,
 * notify the port, wait for "done" or a kick, then take the response.
 */
#include "hypervisor/domain_ioreq.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

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

/* Ports 1.. per server: one per vCPU, then the buffered ring's. */
static uint32_t port_number(uint16_t id, unsigned int i)
{
	return 1 + (uint32_t)id * (DOMAIN_IOREQ_MAX_VCPUS + 1) + i;
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
	s->used = false;
}

static int srv_setup(struct domain *d, uint16_t id)
{
	struct domain_ioreq_srv *s = &d->ioreq->srv[id];
	uint8_t *pages;
	unsigned int i;
	int rc = 0;

	memset(s, 0, sizeof(*s));
	for (i = 0; i < DOMAIN_IOREQ_MAX_VCPUS; i++)
		s->vcpu_port[i].notify_efd = s->vcpu_port[i].done_efd = -1;
	s->buf_port.notify_efd = s->buf_port.done_efd = -1;
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
	d->ioreq = calloc(1, sizeof(*d->ioreq));
	if (!d->ioreq)
		return -ENOMEM;
	pthread_rwlock_init(&d->ioreq->lock, NULL);
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

int domain_ioreq_create(struct domain *d, uint16_t *id)
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
		rc = srv_setup(d, *id);
		if (rc)
			(void)!ioreq_server_destroy(&io->table, *id);
	}
	pthread_rwlock_unlock(&io->lock);
	if (!rc)
		log_info("ioreq", "created ioreq server %u", *id);
	return rc;
}

int domain_ioreq_remove(struct domain *d, uint16_t id)
{
	struct domain_ioreq *io = d->ioreq;
	int rc;

	pthread_rwlock_wrlock(&io->lock);
	rc = ioreq_server_destroy(&io->table, id);
	if (!rc && id < DOMAIN_IOREQ_SERVERS)
		srv_free(&io->srv[id]);
	pthread_rwlock_unlock(&io->lock);
	return rc;
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

/* Waits for the device model's answer or for the domain to stop. */
static int wait_done(struct vcpu *v, struct domain_ioreq_srv *s, uint64_t *data)
{
	struct pollfd pfd[2] = {
		{.fd = s->vcpu_port[v->id].done_efd, .events = POLLIN},
		{.fd = v->kick_efd, .events = POLLIN},
	};
	int rc;

	for (;;) {
		rc = ioreq_slot_poll(&s->slot[v->id], data);
		if (rc != -EINPROGRESS)
			return rc;
		if (domain_is_stopping(v->d))
			return -ECANCELED;
		if (poll(pfd, 2, -1) < 0 && errno != EINTR)
			return -errno;
		drain(pfd[0].fd);
		drain(pfd[1].fd);
	}
}

/* Single direct VGA writes go through the ring when it has room. */
static bool try_buffered(struct domain_ioreq_srv *s, const struct ioreq *req)
{
	if (!ioreq_bufring_may_buffer(req) || ioreq_bufring_put(s->ring, req))
		return false;
	return notify(s->buf_port.notify_efd) == 0;
}

int domain_ioreq_forward(struct vcpu *v, const struct ioreq *req,
			 uint64_t *data)
{
	struct domain_ioreq *io = v->d->ioreq;
	struct domain_ioreq_srv *s;
	struct ioreq_server *srv;
	int rc;

	pthread_rwlock_rdlock(&io->lock);
	srv = ioreq_server_select(&io->table, req);
	if (!srv || srv->id >= DOMAIN_IOREQ_SERVERS ||
	    v->id >= DOMAIN_IOREQ_MAX_VCPUS) {
		rc = -ENOENT;
		goto out;
	}
	s = &io->srv[srv->id];
	if (try_buffered(s, req)) {
		rc = 0;
		goto out;
	}
	rc = ioreq_slot_send(&s->slot[v->id], req);
	if (!rc)
		rc = notify(s->vcpu_port[v->id].notify_efd);
	if (!rc)
		rc = wait_done(v, s, data);
	else if (rc != -EPROTO)
		log_err("ioreq",
			"vCPU %u: cannot send a request to server %u: %s",
			v->id, srv->id, strerror(-rc));
out:
	pthread_rwlock_unlock(&io->lock);
	return rc;
}
