/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Consoles: "console [-t pv|serial] DOM" relays between the terminal and
 * the domain's serial pty, or with -t pv the pty of its PV console (both
 * QEMU's, which hvmd learnt from the device model's log), until Ctrl-] or
 * until the pty closes; "vncviewer DOM" starts the first VNC
 * viewer found on $PATH, else prints HOST:PORT.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "hvmctl_verbs.h"

#define DETACH_CHAR 0x1d /* Ctrl-] */

/* Copies what @in has to @out; 1 at Ctrl-] (when @watch), <0 at EOF. */
static int relay(int in, int out, bool watch)
{
	char buf[4096];
	ssize_t n = read(in, buf, sizeof(buf)), i;

	if (n <= 0)
		return -1;
	if (watch)
		for (i = 0; i < n; i++)
			if (buf[i] == DETACH_CHAR)
				return write(out, buf, (size_t)i) < 0 ? -1 : 1;
	return write(out, buf, (size_t)n) == n ? 0 : -1;
}

static void relay_loop(int pty)
{
	struct pollfd p[2] = {{.fd = STDIN_FILENO, .events = POLLIN},
			      {.fd = pty, .events = POLLIN}};
	bool stdin_open = true;

	for (;;) {
		p[0].fd = stdin_open ? STDIN_FILENO : -1;
		if (poll(p, 2, -1) < 0 && errno != EINTR)
			return;
		if (p[1].revents & (POLLIN | POLLHUP | POLLERR))
			if (relay(pty, STDOUT_FILENO, false))
				return;
		if (p[0].revents & (POLLIN | POLLHUP)) {
			int rc = relay(STDIN_FILENO, pty, true);

			if (rc > 0)
				return;
			if (rc < 0)
				stdin_open = false;
		}
	}
}

int hvmctl_verb_console(const struct hvmctl_cmd *c)
{
	struct termios old, raw;
	struct hvmctl_domain d;
	bool tty = isatty(STDIN_FILENO);
	const char *what = c->pv_console ? "PV" : "serial", *path;
	int rc, pty;

	rc = hvmctl_wait_field(
		c, c->dom, c->pv_console ? "pv_console" : "console", 60, &d);
	if (rc)
		return rc;
	path = c->pv_console ? d.pv_console : d.console;
	pty = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (pty < 0) {
		fprintf(stderr,
			"hvmctl: cannot open %s, the %s console of %s: %m; run hvmctl as root\n",
			path, what, d.name);
		return 1;
	}
	fprintf(stderr,
		"Connected to the %s console of %s (%s); Ctrl-] detaches\n",
		what, d.name, path);
	if (tty && tcgetattr(STDIN_FILENO, &old) == 0) {
		raw = old;
		cfmakeraw(&raw);
		tcsetattr(STDIN_FILENO, TCSANOW, &raw);
	}
	relay_loop(pty);
	if (tty)
		tcsetattr(STDIN_FILENO, TCSANOW, &old);
	close(pty);
	fprintf(stderr, "\nDetached from %s\n", d.name);
	return 0;
}

/* The first of the usual VNC viewers found on $PATH, or NULL. */
static const char *find_viewer(char *buf, size_t size)
{
	static const char *const viewers[] = {"vncviewer", "xtightvncviewer",
					      "gvncviewer", "xvnc4viewer"};
	const char *path = getenv("PATH");
	unsigned int i;

	for (i = 0; path && i < 4; i++) {
		const char *p = path;

		while (*p) {
			size_t n = strcspn(p, ":");

			snprintf(buf, size, "%.*s/%s", (int)n, p, viewers[i]);
			if (n && access(buf, X_OK) == 0)
				return buf;
			p += n + (p[n] == ':');
		}
	}
	return NULL;
}

int hvmctl_verb_vncviewer(const struct hvmctl_cmd *c)
{
	char viewer[4096], host[80], target[128];
	struct hvmctl_domain d;
	int rc, port;

	rc = hvmctl_vnc_address(c, 60, &d, host, sizeof(host), &port);
	if (rc)
		return rc;
	if (!find_viewer(viewer, sizeof(viewer)) || !getenv("DISPLAY")) {
		printf("%s\n", d.vnc);
		return 0;
	}
	/* HOST::PORT is a TCP port for the common viewers. */
	snprintf(target, sizeof(target), "%s::%d", host, port);
	execl(viewer, viewer, target, (char *)NULL);
	fprintf(stderr, "hvmctl: cannot run %s: %m; connect a viewer to %s\n",
		viewer, d.vnc);
	return 1;
}
