/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hvmd: the toolstack daemon (README.md). Parses its options, re-adopts
 * the domains recorded under the state directory, listens on its socket
 * and runs one poll loop: a request at a time, and a tick every half
 * second that watches the domains' processes. SIGTERM and SIGINT stop
 * hvmd but leave the domains running for the next hvmd to re-adopt.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hvmd_priv.h"

#define TICK_MS 500

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
	(void)sig;
	stop_requested = 1;
}

static int make_dir(const char *path)
{
	char buf[PATH_MAX];
	size_t i;

	snprintf(buf, sizeof(buf), "%s", path);
	for (i = 1; buf[i]; i++) {
		if (buf[i] != '/')
			continue;
		buf[i] = '\0';
		if (mkdir(buf, 0755) < 0 && errno != EEXIST)
			return -errno;
		buf[i] = '/';
	}
	if (mkdir(buf, 0700) < 0 && errno != EEXIST)
		return -errno;
	return 0;
}

static int make_dirs(const struct hvmd_opts *o)
{
	const char *dirs[] = {o->state_dir, o->log_dir, o->run_dir};
	unsigned int i;

	for (i = 0; i < 3; i++) {
		int rc = make_dir(dirs[i]);

		if (rc) {
			fprintf(stderr,
				"hvmd: cannot create %s: %s; check the path and that hvmd runs as root\n",
				dirs[i], strerror(-rc));
			return rc;
		}
	}
	return 0;
}

static void setup_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

static void run(struct hvmd *h)
{
	while (!stop_requested) {
		struct pollfd p = {.fd = h->lsock, .events = POLLIN};
		int r = poll(&p, 1, TICK_MS);

		if (r > 0 && (p.revents & POLLIN)) {
			int fd = accept4(h->lsock, NULL, NULL, SOCK_CLOEXEC);

			if (fd >= 0) {
				hvmd_server_handle(h, fd);
				close(fd);
			}
		}
		hvmd_life_tick(h);
	}
}

/*
 * Into the background, with stdin from /dev/null and hvmd's own lines in
 * LOG_DIR/hvmd.log: a detached hvmd must not hold the terminal or pipe of
 * whoever started it (an hvmctl in "$(...)" would never return).
 */
static int detach(const char *log_dir)
{
	char path[PATH_MAX + 16];
	int fd;

	snprintf(path, sizeof(path), "%s/hvmd.log", log_dir);
	fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
	if (fd < 0)
		return -errno;
	if (daemon(0, 1) < 0) {
		close(fd);
		return -errno;
	}
	dup2(fd, STDOUT_FILENO);
	dup2(fd, STDERR_FILENO);
	close(fd);
	fd = open("/dev/null", O_RDWR | O_CLOEXEC);
	if (fd >= 0) {
		dup2(fd, STDIN_FILENO);
		close(fd);
	}
	return 0;
}

int main(int argc, char **argv)
{
	static struct hvmd h;
	int rc;

	rc = hvmd_opts_parse(&h.o, argc, argv);
	if (rc)
		return rc > 0 ? 0 : 2;
	if (make_dirs(&h.o))
		return 1;
	/* Known before any domain starts: re-adopted ones use it too. */
	snprintf(h.xs_sock, sizeof(h.xs_sock), "%s/xenstored.sock",
		 h.o.run_dir);
	domtab_init(&h.tab);
	setup_signals();
	if (hvmd_server_listen(&h))
		return 1;
	if (!h.o.foreground) {
		int drc = detach(h.o.log_dir);

		if (drc < 0) {
			fprintf(stderr,
				"hvmd: cannot detach (log %s/hvmd.log): %s\n",
				h.o.log_dir, strerror(-drc));
			return 1;
		}
	}
	hvmd_log(NULL, "info", "listening on %s; state in %s, logs in %s",
		 h.o.socket, h.o.state_dir, h.o.log_dir);
	hvmd_state_adopt_all(&h);
	run(&h);
	hvmd_log(
		NULL, "info",
		"stopping; running domains stay up and are re-adopted by the next hvmd");
	close(h.lsock);
	unlink(h.o.socket);
	domtab_free(&h.tab);
	return 0;
}
