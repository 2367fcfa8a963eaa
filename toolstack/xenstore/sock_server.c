/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The Unix socket transport and poll() loop (see sock_server.h). Every
 * client is a dom0 connection. Sockets are non-blocking; a write that
 * would block leaves the rest queued in the connection for the next round.
 */
#define _GNU_SOURCE /* accept4, pipe2 */
#include "xenstored/sock_server.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "xenstored/conn.h"
#include "hypervisor/log.h"
#include "xenstored/xenstored.h"

/* Reads per client per round: a few messages (header + payload each). */
#define READS_PER_ROUND 16
#define FIXED_FDS 2 /* the wake pipe and the listening socket */

struct sock_client {
	int fd;
	bool gone; /* peer closed or I/O failed */
	struct conn *c;
};

struct sock_server {
	struct xenstored *xs;
	char *path;
	int listen_fd;
	int wake[2];
	bool stopping;
	bool accept_blocked; /* out of file descriptors: wait for a close */
	struct sock_client *clients;
	unsigned int nr_clients;
	unsigned int cap_clients;
	struct pollfd *pfds;
	struct sock_server_hooks hooks;
	unsigned int nr_extra; /* hooks' descriptors after the clients' */
};

static const struct conn_transport sock_transport = {
	.name = "socket",
};

static int fill_addr(struct sockaddr_un *sa, const char *path)
{
	memset(sa, 0, sizeof(*sa));
	sa->sun_family = AF_UNIX;
	if (strlen(path) >= sizeof(sa->sun_path))
		return -ENAMETOOLONG;
	memcpy(sa->sun_path, path, strlen(path) + 1);
	return 0;
}

/* Removes a stale socket at @path; refuses a live one or a non-socket. */
static int clear_path(const struct sockaddr_un *sa)
{
	struct stat st;
	int fd, r;

	if (lstat(sa->sun_path, &st))
		return errno == ENOENT ? 0 : -errno;
	if (!S_ISSOCK(st.st_mode))
		return -EEXIST;
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	r = connect(fd, (const struct sockaddr *)sa, sizeof(*sa));
	close(fd);
	if (!r)
		return -EADDRINUSE;
	return unlink(sa->sun_path) && errno != ENOENT ? -errno : 0;
}

static int open_listener(const char *path, int *out)
{
	struct sockaddr_un sa;
	int fd, rc;

	rc = fill_addr(&sa, path);
	if (!rc)
		rc = clear_path(&sa);
	if (rc)
		return rc;
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd < 0)
		return -errno;
	/* Mode 0600 before listen(): every client of this socket is dom0. */
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) || chmod(path, 0600) ||
	    listen(fd, 64)) {
		rc = -errno;
		close(fd);
		return rc;
	}
	*out = fd;
	return 0;
}

/* What to do about a failure of open_listener(). */
static const char *listen_hint(int rc)
{
	switch (rc) {
	case -EADDRINUSE:
		return "another xenstored serves it; stop that one or pick another path";
	case -EEXIST:
		return "that file is not a socket; remove it or pick another path";
	case -ENAMETOOLONG:
		return "Unix socket paths have at most 107 bytes; pick a shorter one";
	default:
		return "check that the directory exists and is writable";
	}
}

int sock_server_create(struct xenstored *xs, const char *path,
		       struct sock_server **out)
{
	struct sock_server *s = calloc(1, sizeof(*s));
	int rc;

	if (!s)
		return -ENOMEM;
	s->xs = xs;
	s->listen_fd = s->wake[0] = s->wake[1] = -1;
	s->path = strdup(path);
	s->pfds = calloc(FIXED_FDS + SOCK_SERVER_MAX_CLIENTS +
				 SOCK_SERVER_MAX_EXTRA_FDS,
			 sizeof(*s->pfds));
	if (!s->path || !s->pfds) {
		rc = -ENOMEM;
		goto err;
	}
	if (pipe2(s->wake, O_CLOEXEC | O_NONBLOCK)) {
		rc = -errno;
		goto err;
	}
	rc = open_listener(path, &s->listen_fd);
	if (rc) {
		log_dom_err(LOG_NO_DOMAIN, "socket",
			    "cannot listen on %s: %s; %s", path, strerror(-rc),
			    listen_hint(rc));
		goto err;
	}
	log_dom_info(LOG_NO_DOMAIN, "socket", "listening on %s", path);
	*out = s;
	return 0;
err:
	free(s->path);
	s->path = NULL; /* not ours to unlink */
	sock_server_destroy(s);
	return rc;
}

static void add_client(struct sock_server *s, int fd)
{
	struct sock_client *cl;
	unsigned int cap;

	if (s->nr_clients >= SOCK_SERVER_MAX_CLIENTS) {
		log_dom_warn(0, "socket",
			     "refusing a client: %u clients already",
			     s->nr_clients);
		close(fd);
		return;
	}
	if (s->nr_clients == s->cap_clients) {
		cap = s->cap_clients ? s->cap_clients * 2 : 16;
		cl = realloc(s->clients, cap * sizeof(*cl));
		if (!cl)
			goto nomem;
		s->clients = cl;
		s->cap_clients = cap;
	}
	cl = &s->clients[s->nr_clients];
	cl->fd = fd;
	cl->gone = false;
	if (conn_create(s->xs, 0, &sock_transport, NULL, &cl->c))
		goto nomem;
	s->nr_clients++;
	return;
nomem:
	log_dom_err(0, "socket", "out of memory for a new client; closing it");
	close(fd);
}

static void accept_clients(struct sock_server *s)
{
	int fd;

	for (;;) {
		fd = accept4(s->listen_fd, NULL, NULL,
			     SOCK_NONBLOCK | SOCK_CLOEXEC);
		if (fd < 0) {
			if (errno == EAGAIN || errno == EINTR ||
			    errno == ECONNABORTED)
				return;
			/* Do not spin on EMFILE: wait until a client leaves. */
			s->accept_blocked = true;
			log_dom_warn(
				0, "socket",
				"cannot accept clients: %s; waiting for one to disconnect",
				strerror(errno));
			return;
		}
		add_client(s, fd);
	}
}

static void client_read(struct sock_client *cl)
{
	unsigned int i;
	size_t space;
	ssize_t n;
	void *buf;

	for (i = 0; i < READS_PER_ROUND && conn_wants_input(cl->c); i++) {
		space = conn_in_space(cl->c, &buf);
		n = recv(cl->fd, buf, space, 0);
		if (n < 0) {
			if (errno != EAGAIN && errno != EINTR)
				cl->gone = true;
			return;
		}
		if (n == 0) {
			cl->gone = true;
			return;
		}
		conn_in_commit(cl->c, (size_t)n);
	}
}

static void client_write(struct sock_client *cl)
{
	const void *data;
	size_t len;
	ssize_t n;

	while ((len = conn_out_peek(cl->c, &data))) {
		n = send(cl->fd, data, len, MSG_NOSIGNAL);
		if (n < 0) {
			if (errno != EAGAIN && errno != EINTR)
				cl->gone = true;
			return;
		}
		conn_out_advance(cl->c, (size_t)n);
	}
}

static void close_dead(struct sock_server *s)
{
	unsigned int i = 0;

	while (i < s->nr_clients) {
		struct sock_client *cl = &s->clients[i];

		if (!cl->gone && !cl->c->dead) {
			i++;
			continue;
		}
		conn_destroy(cl->c);
		close(cl->fd);
		*cl = s->clients[--s->nr_clients];
		s->accept_blocked = false;
	}
}

static unsigned int build_pollfds(struct sock_server *s)
{
	unsigned int i;

	s->pfds[0] = (struct pollfd){.fd = s->wake[0], .events = POLLIN};
	s->pfds[1] = (struct pollfd){.fd = s->listen_fd,
				     .events = s->accept_blocked ? 0 : POLLIN};
	for (i = 0; i < s->nr_clients; i++) {
		struct pollfd *p = &s->pfds[FIXED_FDS + i];

		p->fd = s->clients[i].fd;
		p->events = conn_wants_input(s->clients[i].c) ? POLLIN : 0;
		if (conn_has_output(s->clients[i].c))
			p->events |= POLLOUT;
		p->revents = 0;
	}
	s->nr_extra = 0;
	if (s->hooks.fill)
		s->nr_extra = s->hooks.fill(s->hooks.priv,
					    &s->pfds[FIXED_FDS + s->nr_clients],
					    SOCK_SERVER_MAX_EXTRA_FDS);
	return FIXED_FDS + s->nr_clients + s->nr_extra;
}

static void serve_clients(struct sock_server *s, unsigned int nr)
{
	unsigned int i;

	for (i = 0; i < nr; i++) {
		struct sock_client *cl = &s->clients[i];
		short ev = s->pfds[FIXED_FDS + i].revents;

		if (ev & POLLIN)
			client_read(cl);
		else if (ev & (POLLHUP | POLLERR | POLLNVAL))
			cl->gone = true;
	}
	/* Replies and events queued this round, for anyone. */
	for (i = 0; i < s->nr_clients; i++) {
		if (!s->clients[i].gone && conn_has_output(s->clients[i].c))
			client_write(&s->clients[i]);
	}
}

int sock_server_poll(struct sock_server *s, int timeout_ms)
{
	unsigned int nfds = build_pollfds(s);
	char drain[64];
	int r;

	r = poll(s->pfds, nfds, timeout_ms);
	if (r < 0)
		return errno == EINTR ? 0 : -errno;
	if (s->pfds[0].revents & POLLIN) {
		while (read(s->wake[0], drain, sizeof(drain)) > 0)
			;
		s->stopping = true;
	}
	serve_clients(s, nfds - FIXED_FDS - s->nr_extra);
	/* After the clients: their requests may have queued guest events. */
	if (s->hooks.serve)
		s->hooks.serve(s->hooks.priv, &s->pfds[nfds - s->nr_extra],
			       s->nr_extra);
	close_dead(s);
	if (s->pfds[1].revents & POLLIN)
		accept_clients(s);
	return 0;
}

void sock_server_set_hooks(struct sock_server *s,
			   const struct sock_server_hooks *h)
{
	if (h)
		s->hooks = *h;
	else
		memset(&s->hooks, 0, sizeof(s->hooks));
}

int sock_server_run(struct sock_server *s)
{
	int rc = 0;

	while (!s->stopping && !rc)
		rc = sock_server_poll(s, -1);
	if (rc)
		log_dom_err(LOG_NO_DOMAIN, "socket", "poll failed: %s",
			    strerror(-rc));
	return rc;
}

void sock_server_stop(struct sock_server *s)
{
	/* write(2) is async-signal-safe; a full pipe already wakes us. */
	if (write(s->wake[1], "x", 1) < 0)
		return;
}

void sock_server_destroy(struct sock_server *s)
{
	if (!s)
		return;
	while (s->nr_clients) {
		s->nr_clients--;
		conn_destroy(s->clients[s->nr_clients].c);
		close(s->clients[s->nr_clients].fd);
	}
	if (s->listen_fd >= 0)
		close(s->listen_fd);
	if (s->path && unlink(s->path))
		log_dom_warn(LOG_NO_DOMAIN, "socket", "cannot remove %s: %s",
			     s->path, strerror(errno));
	if (s->wake[0] >= 0)
		close(s->wake[0]);
	if (s->wake[1] >= 0)
		close(s->wake[1]);
	free(s->clients);
	free(s->pfds);
	free(s->path);
	free(s);
}
