/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Control-socket server of a domain (domain_ctl.h). One thread polls the
 * listening socket and up to DOMAIN_CTL_CLIENTS connections; requests are
 * dispatched through a table indexed by op. A client that sends a
 * malformed message is disconnected and logged; the domain is unaffected.
 */
#include "hypervisor/domain_ctl.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include "domain_ctl_priv.h"
#include "hypervisor/ctl_proto.h"
#include "hypervisor/domain.h"
#include "hypervisor/log.h"

#define DOMAIN_CTL_CLIENTS 8

struct domain_ctl {
	struct domain *d;
	char path[108];
	int listen_fd;
	int stop_efd;
	pthread_t thread;
	bool started;
	int clients[DOMAIN_CTL_CLIENTS];
};

static void add_client(struct domain_ctl *c)
{
	int fd = ctl_accept(c->listen_fd);
	unsigned int i;

	if (fd == -EMFILE || fd == -ENFILE) {
		/* The connection stays queued: back off instead of spinning. */
		log_warn(
			"ctl",
			"cannot accept a control connection: %s; close some or raise the file limit",
			strerror(-fd));
		usleep(100 * 1000);
		return;
	}
	if (fd < 0)
		return;
	/* A client that never reads its replies must not block the thread. */
	if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) < 0) {
		close(fd);
		return;
	}
	for (i = 0; i < DOMAIN_CTL_CLIENTS; i++) {
		if (c->clients[i] < 0) {
			c->clients[i] = fd;
			return;
		}
	}
	log_warn("ctl",
		 "refused a control connection: %d clients already connected",
		 DOMAIN_CTL_CLIENTS);
	close(fd);
}

static void drop_client(struct domain_ctl *c, unsigned int i, int rc)
{
	if (rc != -ECONNRESET)
		log_warn("ctl",
			 "closed a control connection after a bad request: %s",
			 strerror(-rc));
	close(c->clients[i]);
	c->clients[i] = -1;
}

/* Receives one request, runs it and sends the answer. */
static int serve_one(struct domain_ctl *c, int fd)
{
	union ctl_payload req, resp;
	int fds[CTL_REPLY_MAX_FDS];
	unsigned int nr_fds = 0;
	struct ctl_hdr h;
	int rc;

	rc = ctl_recv(fd, false, &h, &req, sizeof(req), NULL, 0, &nr_fds);
	if (rc)
		return rc;
	memset(&resp, 0, sizeof(resp));
	h.rc = domain_ctl_dispatch(c->d, h.op, &req, &resp, fds, &nr_fds);
	h.len = h.rc < 0 ? 0 : (uint32_t)ctl_payload_size(h.op, true);
	h.nr_fds = h.rc < 0 ? 0 : nr_fds;
	return ctl_send(fd, &h, &resp, fds, h.nr_fds);
}

static int poll_once(struct domain_ctl *c)
{
	struct pollfd pfd[DOMAIN_CTL_CLIENTS + 2];
	unsigned int i;
	int rc;

	pfd[0] = (struct pollfd){.fd = c->stop_efd, .events = POLLIN};
	pfd[1] = (struct pollfd){.fd = c->listen_fd, .events = POLLIN};
	for (i = 0; i < DOMAIN_CTL_CLIENTS; i++)
		pfd[i + 2] =
			(struct pollfd){.fd = c->clients[i], .events = POLLIN};
	if (poll(pfd, DOMAIN_CTL_CLIENTS + 2, -1) < 0)
		return errno == EINTR ? 0 : -errno;
	if (pfd[0].revents)
		return -ECANCELED;
	if (pfd[1].revents & POLLIN)
		add_client(c);
	for (i = 0; i < DOMAIN_CTL_CLIENTS; i++) {
		if (c->clients[i] < 0 || !pfd[i + 2].revents)
			continue;
		rc = serve_one(c, c->clients[i]);
		if (rc)
			drop_client(c, i, rc);
	}
	return 0;
}

static void *ctl_thread(void *arg)
{
	struct domain_ctl *c = arg;
	int rc;

	do {
		rc = poll_once(c);
	} while (!rc);
	if (rc != -ECANCELED)
		log_err("ctl", "control socket stopped: %s", strerror(-rc));
	return NULL;
}

int domain_ctl_start(struct domain *d, const char *path,
		     struct domain_ctl **out)
{
	struct domain_ctl *c;
	unsigned int i;
	int rc;

	*out = NULL;
	c = calloc(1, sizeof(*c));
	if (!c)
		return -ENOMEM;
	c->d = d;
	snprintf(c->path, sizeof(c->path), "%s", path);
	for (i = 0; i < DOMAIN_CTL_CLIENTS; i++)
		c->clients[i] = -1;
	c->stop_efd = eventfd(0, EFD_CLOEXEC);
	rc = c->stop_efd < 0 ? -errno : 0;
	c->listen_fd = rc ? -1 : ctl_listen(path);
	if (!rc && c->listen_fd < 0)
		rc = c->listen_fd;
	if (!rc)
		rc = -pthread_create(&c->thread, NULL, ctl_thread, c);
	if (rc) {
		log_err("ctl",
			"cannot serve the control socket %s: %s; check that its directory exists and no other hvm-domain uses it",
			path, strerror(-rc));
		domain_ctl_stop(c);
		return rc;
	}
	c->started = true;
	*out = c;
	return 0;
}

void domain_ctl_stop(struct domain_ctl *c)
{
	uint64_t one = 1;
	unsigned int i;

	if (!c)
		return;
	if (c->started) {
		(void)!write(c->stop_efd, &one, sizeof(one));
		pthread_join(c->thread, NULL);
	}
	for (i = 0; i < DOMAIN_CTL_CLIENTS; i++) {
		if (c->clients[i] >= 0)
			close(c->clients[i]);
	}
	if (c->listen_fd >= 0) {
		close(c->listen_fd);
		unlink(c->path);
	}
	if (c->stop_efd >= 0)
		close(c->stop_efd);
	free(c);
}
