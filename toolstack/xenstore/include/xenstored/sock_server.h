/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The Unix stream socket transport: a listening socket, one connection
 * per client (always dom0, privileged), and a single-threaded poll() loop
 * with non-blocking I/O. Each poll round reads at most a few messages per
 * client, so one busy client cannot starve the others, and stops reading
 * from a client whose replies pile up. This is what Debian's
 * libxenstore.so.4 connects to through $XENSTORED_PATH (dm-abi.md 6.3).
 */
#ifndef XENSTORED_SOCK_SERVER_H
#define XENSTORED_SOCK_SERVER_H

struct sock_server;
struct xenstored;

#include <poll.h>

/* More clients than this are accepted and closed at once, with a log line. */
#define SOCK_SERVER_MAX_CLIENTS 1024u
/* Descriptors another transport may add to the loop (one per guest ring). */
#define SOCK_SERVER_MAX_EXTRA_FDS 1024u

/*
 * Another transport in the same loop (guest rings, ring_domain.h): fill
 * gives up to @max descriptors to poll; serve runs after the socket
 * clients in every round, with what fill gave and their revents.
 */
struct sock_server_hooks {
	unsigned int (*fill)(void *priv, struct pollfd *p, unsigned int max);
	void (*serve)(void *priv, const struct pollfd *p, unsigned int n);
	void *priv;
};

/*
 * Listens on the Unix socket @path (mode 0600: every client is dom0) for
 * @xs. A stale socket file is replaced; a live one (another daemon
 * answers) gives -EADDRINUSE, and a non-socket file at @path -EEXIST.
 * Other failures return the negative errno of the failing call, after
 * logging it. -ENAMETOOLONG if @path does not fit sockaddr_un.
 */
int sock_server_create(struct xenstored *xs, const char *path,
		       struct sock_server **out)
	__attribute__((warn_unused_result));

/*
 * One round: waits up to @timeout_ms (-1: forever) for activity, then
 * serves it. Returns 0, or a negative errno if poll() itself fails.
 */
int sock_server_poll(struct sock_server *s, int timeout_ms)
	__attribute__((warn_unused_result));

/* Installs @h (copied; NULL removes it). */
void sock_server_set_hooks(struct sock_server *s,
			   const struct sock_server_hooks *h);

/* Serves until sock_server_stop(). 0, or the error of sock_server_poll(). */
int sock_server_run(struct sock_server *s) __attribute__((warn_unused_result));

/*
 * Asks sock_server_run() to return. Async-signal-safe and callable from
 * any thread.
 */
void sock_server_stop(struct sock_server *s);

/* Closes all clients and the socket, removes the socket file; accepts NULL. */
void sock_server_destroy(struct sock_server *s);

#endif /* XENSTORED_SOCK_SERVER_H */
