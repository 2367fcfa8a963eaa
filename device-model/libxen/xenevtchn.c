/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libxenevtchn.so.1 (dm-abi.md 2.5, 3.2): event channels as eventfd pairs.
 * Binding remote port P of a domain asks hvm-domain (CTL_OP_EVTCHN) for the
 * pair behind P, an ioreq server's port or a guest port the guest left
 * unbound for domain 0: "notify" (the other end signals us) and "done" (we
 * signal it). Each handle gets small local port numbers and its own epoll
 * fd, the one QEMU polls, over the notify eventfds of its ports.
 *
 * Masking follows Xen's /dev/xen/evtchn: pending() hands out a port once
 * and masks it; its eventfd leaves the epoll set until unmask() puts it
 * back, so events that arrive while masked are held in the eventfd count
 * and delivered after unmask, and the epoll fd is readable exactly while
 * some unmasked port has an event. pending() takes one port at a time from
 * epoll's ready list, which keeps arrival order.
 *
 * Left out: ports of our own left unbound for a guest (bind_unbound_port),
 * VIRQs, restrict, and fdopen (a handle is not an fd here).
 */
#define _GNU_SOURCE
#include "xenlib_priv.h"

#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <unistd.h>

#pragma GCC visibility push(default)
#include <xenevtchn.h>
#pragma GCC visibility pop

/* Local ports start at 1: Xen never hands out port 0. */
#define FIRST_PORT 1
#define MAX_PORTS 4096
/* Bounds the loop that empties a notify eventfd. */
#define DRAIN_MAX 16

struct evtchn_port {
	bool bound;
	bool masked; /* delivered by pending(), not yet unmasked */
	uint32_t domid;
	evtchn_port_t remote;
	int notify_fd;
	int done_fd;
};

struct xenevtchn_handle {
	pthread_mutex_t lock;
	int epfd;
	unsigned int nr_ports; /* entries in @ports, index = local port */
	struct evtchn_port *ports;
};

xenevtchn_handle *xenevtchn_open(struct xentoollog_logger *logger,
				 unsigned int flags)
{
	xenevtchn_handle *xce;

	(void)logger;
	if (flags & ~XENEVTCHN_NO_CLOEXEC)
		return xenlib_ret_ptr(-EINVAL, NULL);
	xce = calloc(1, sizeof(*xce));
	if (!xce)
		return NULL;
	xce->epfd =
		epoll_create1(flags & XENEVTCHN_NO_CLOEXEC ? 0 : EPOLL_CLOEXEC);
	if (xce->epfd < 0) {
		free(xce);
		return NULL;
	}
	pthread_mutex_init(&xce->lock, NULL);
	return xce;
}

xenevtchn_handle *xenevtchn_fdopen(struct xentoollog_logger *logger, int fd,
				   unsigned open_flags)
{
	(void)logger, (void)fd, (void)open_flags;
	return xenlib_ret_ptr(-EOPNOTSUPP, NULL);
}

/* Caller holds the lock. */
static void port_release(xenevtchn_handle *xce, evtchn_port_t port)
{
	struct evtchn_port *p = &xce->ports[port];

	if (!p->masked)
		epoll_ctl(xce->epfd, EPOLL_CTL_DEL, p->notify_fd, NULL);
	close(p->notify_fd);
	close(p->done_fd);
	memset(p, 0, sizeof(*p));
}

int xenevtchn_close(xenevtchn_handle *xce)
{
	unsigned int i;

	if (!xce)
		return 0;
	for (i = 0; i < xce->nr_ports; i++) {
		if (xce->ports[i].bound)
			port_release(xce, i);
	}
	free(xce->ports);
	close(xce->epfd);
	pthread_mutex_destroy(&xce->lock);
	free(xce);
	return 0;
}

int xenevtchn_fd(xenevtchn_handle *xce)
{
	return xce ? xce->epfd : xenlib_ret(-EINVAL);
}

/* The bound port @port of @xce, or NULL. Caller holds the lock. */
static struct evtchn_port *port_get(xenevtchn_handle *xce, evtchn_port_t port)
{
	if (port >= xce->nr_ports || !xce->ports[port].bound)
		return NULL;
	return &xce->ports[port];
}

/* The lowest free local port, growing the table. Caller holds the lock. */
static int port_alloc(xenevtchn_handle *xce)
{
	unsigned int i, nr;
	struct evtchn_port *grown;

	for (i = FIRST_PORT; i < xce->nr_ports; i++) {
		if (!xce->ports[i].bound)
			return (int)i;
	}
	if (xce->nr_ports >= MAX_PORTS)
		return -ENOSPC;
	nr = xce->nr_ports ? xce->nr_ports * 2 : 8;
	grown = realloc(xce->ports, nr * sizeof(*grown));
	if (!grown)
		return -ENOMEM;
	memset(grown + xce->nr_ports, 0, (nr - xce->nr_ports) * sizeof(*grown));
	i = xce->nr_ports > FIRST_PORT ? xce->nr_ports : FIRST_PORT;
	xce->ports = grown;
	xce->nr_ports = nr;
	return (int)i;
}

/* Ports start unmasked: in the epoll set. Caller holds the lock. */
static int port_add(xenevtchn_handle *xce, uint32_t domid, evtchn_port_t remote,
		    const int fds[2])
{
	struct epoll_event ev = {.events = EPOLLIN};
	struct evtchn_port *p;
	int port = port_alloc(xce);

	if (port < 0)
		return port;
	ev.data.u32 = (uint32_t)port;
	if (epoll_ctl(xce->epfd, EPOLL_CTL_ADD, fds[0], &ev) < 0)
		return -errno;
	p = &xce->ports[port];
	*p = (struct evtchn_port){.bound = true,
				  .domid = domid,
				  .remote = remote,
				  .notify_fd = fds[0],
				  .done_fd = fds[1]};
	return port;
}

static void close_fds(const int *fds, unsigned int nr)
{
	unsigned int i;

	for (i = 0; i < nr; i++)
		close(fds[i]);
}

xenevtchn_port_or_error_t xenevtchn_bind_interdomain(xenevtchn_handle *xce,
						     uint32_t domid,
						     evtchn_port_t remote_port)
{
	struct ctl_evtchn req = {.port = remote_port}, resp;
	int fds[2] = {-1, -1};
	unsigned int nr = 0;
	int rc;

	if (!xce)
		return xenlib_ret(-EINVAL);
	rc = xenlib_conn_call(domid, CTL_OP_EVTCHN, &req, &resp, fds, 2, &nr);
	if (!rc && resp.port != remote_port)
		rc = -EPROTO;
	if (!rc) {
		pthread_mutex_lock(&xce->lock);
		rc = port_add(xce, domid, remote_port, fds);
		pthread_mutex_unlock(&xce->lock);
	}
	if (rc < 0) {
		close_fds(fds, nr);
		xenlib_log(XENLIB_LOG_ERR, domid,
			   "cannot bind remote event channel %u: errno %d",
			   remote_port, -rc);
	}
	return xenlib_ret(rc);
}

xenevtchn_port_or_error_t xenevtchn_bind_unbound_port(xenevtchn_handle *xce,
						      uint32_t domid)
{
	(void)xce, (void)domid;
	return xenlib_ret(-ENOSYS);
}

xenevtchn_port_or_error_t xenevtchn_bind_virq(xenevtchn_handle *xce,
					      unsigned int virq)
{
	(void)xce, (void)virq;
	return xenlib_ret(-ENOSYS);
}

int xenevtchn_unbind(xenevtchn_handle *xce, evtchn_port_t port)
{
	int rc = 0;

	if (!xce)
		return xenlib_ret(-EINVAL);
	pthread_mutex_lock(&xce->lock);
	if (port_get(xce, port))
		port_release(xce, port);
	else
		rc = -ENOTCONN;
	pthread_mutex_unlock(&xce->lock);
	return xenlib_ret(rc);
}

int xenevtchn_notify(xenevtchn_handle *xce, evtchn_port_t port)
{
	const uint64_t one = 1;
	struct evtchn_port *p;
	int rc = -ENOTCONN;

	if (!xce)
		return xenlib_ret(-EINVAL);
	pthread_mutex_lock(&xce->lock);
	p = port_get(xce, port);
	if (p)
		rc = write(p->done_fd, &one, sizeof(one)) == sizeof(one)
			     ? 0
			     : -errno;
	pthread_mutex_unlock(&xce->lock);
	return xenlib_ret(rc);
}

/*
 * Empties a notify eventfd without blocking: it may be a blocking fd
 * shared with hvm-domain, whose flags we must not change.
 */
static void drain(int fd)
{
	struct pollfd pfd = {.fd = fd, .events = POLLIN};
	uint64_t count;
	unsigned int i;

	for (i = 0; i < DRAIN_MAX; i++) {
		if (poll(&pfd, 1, 0) != 1 || !(pfd.revents & POLLIN))
			return;
		if (read(fd, &count, sizeof(count)) != sizeof(count))
			return;
	}
}

xenevtchn_port_or_error_t xenevtchn_pending(xenevtchn_handle *xce)
{
	struct epoll_event ev;
	struct evtchn_port *p;
	int r, rc;

	if (!xce)
		return xenlib_ret(-EINVAL);
	pthread_mutex_lock(&xce->lock);
	do {
		r = epoll_wait(xce->epfd, &ev, 1, 0);
	} while (r < 0 && errno == EINTR);
	rc = r < 0 ? -errno : -EAGAIN;
	p = r == 1 ? port_get(xce, ev.data.u32) : NULL;
	if (p) {
		/* Mask first: an event after the drain then waits for unmask.
		 */
		epoll_ctl(xce->epfd, EPOLL_CTL_DEL, p->notify_fd, NULL);
		p->masked = true;
		drain(p->notify_fd);
		rc = (int)ev.data.u32;
	}
	pthread_mutex_unlock(&xce->lock);
	return xenlib_ret(rc);
}

/* Like the Linux driver, ports this handle did not bind are ignored. */
int xenevtchn_unmask(xenevtchn_handle *xce, evtchn_port_t port)
{
	struct epoll_event ev = {.events = EPOLLIN, .data.u32 = port};
	struct evtchn_port *p;
	int rc = 0;

	if (!xce)
		return xenlib_ret(-EINVAL);
	pthread_mutex_lock(&xce->lock);
	p = port_get(xce, port);
	if (p && p->masked) {
		if (epoll_ctl(xce->epfd, EPOLL_CTL_ADD, p->notify_fd, &ev) < 0)
			rc = -errno;
		else
			p->masked = false;
	}
	pthread_mutex_unlock(&xce->lock);
	return xenlib_ret(rc);
}

/* See xendevicemodel_restrict(). */
int xenevtchn_restrict(xenevtchn_handle *xce, domid_t domid)
{
	(void)xce, (void)domid;
	return xenlib_ret(-EOPNOTSUPP);
}
