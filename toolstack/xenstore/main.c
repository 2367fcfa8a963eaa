/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hvm-xenstored: the xenstore daemon. Serves Xen's xenstore wire protocol
 * on a Unix socket for dom0 clients (QEMU through Debian's
 * libxenstore.so.4 with XENSTORED_PATH, the xenstore-* tools). Runs in
 * the background once the socket accepts clients, or in the foreground
 * with --foreground. SIGTERM or SIGINT stop it and remove the socket.
 * Exit status: 0 after a stop signal, 1 if it cannot serve, 2 on usage
 * errors.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hypervisor/log.h"
#include "xenstored/ring_domain.h"
#include "xenstored/sock_server.h"
#include "xenstored/xenstored.h"

struct opts {
	const char *socket_path;
	const char *pid_file;
	const char *run_dir;
	bool foreground;
	struct xenstored_quota quota;
};

/* main() only: the signal handler needs the server to wake it. */
static struct sock_server *signal_target;
static volatile sig_atomic_t stop_requested;

static void usage(FILE *f)
{
	fprintf(f,
		"usage: hvm-xenstored --socket PATH [--foreground] [--pid-file FILE] [--verbose]\n"
		"                     [--run-dir DIR] [--max-watches N] [--max-transactions N]\n"
		"                     [--max-nodes N]\n"
		"Serves the xenstore wire protocol on the Unix socket PATH (mode 0600; every\n"
		"client is dom0). Clients find it through XENSTORED_PATH=PATH. Guests get\n"
		"their rings served once introduced (XS_INTRODUCE).\n"
		"  --run-dir DIR       where each domain's control socket is, DIR/DOMID/ctl\n"
		"                      (default: the socket's directory)\n"
		"  --foreground        stay in the foreground (default: detach once ready)\n"
		"  --pid-file FILE     write the daemon's pid to FILE\n"
		"  --verbose           log every request error and transaction (debug level)\n"
		"  --max-watches N     watches per connection (default 128; E2BIG beyond)\n"
		"  --max-transactions N  open transactions per connection (default 10)\n"
		"  --max-nodes N       nodes one guest domain may own (default 1000)\n"
		"Logs go to stderr, one line per event, prefixed \"xenstored:\".\n");
}

static int parse_count(const char *s, unsigned int *out)
{
	unsigned long v;
	char *end;

	if (*s < '0' || *s > '9')
		return -EINVAL;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || v == 0 || v > 1000000)
		return -EINVAL;
	*out = (unsigned int)v;
	return 0;
}

static int parse_one(struct opts *o, int c, const char *arg)
{
	switch (c) {
	case 's':
		o->socket_path = arg;
		return 0;
	case 'f':
		o->foreground = true;
		return 0;
	case 'p':
		o->pid_file = arg;
		return 0;
	case 'r':
		o->run_dir = arg;
		return 0;
	case 'v':
		log_set_level(LOG_DEBUG);
		return 0;
	case 'w':
		return parse_count(arg, &o->quota.max_watches);
	case 't':
		return parse_count(arg, &o->quota.max_transactions);
	case 'n':
		return parse_count(arg, &o->quota.max_nodes);
	default:
		return -EINVAL;
	}
}

/* 0: serve; 1: --help was asked for; -EINVAL: usage error. */
static int parse_opts(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		{"socket", required_argument, NULL, 's'},
		{"foreground", no_argument, NULL, 'f'},
		{"pid-file", required_argument, NULL, 'p'},
		{"run-dir", required_argument, NULL, 'r'},
		{"verbose", no_argument, NULL, 'v'},
		{"max-watches", required_argument, NULL, 'w'},
		{"max-transactions", required_argument, NULL, 't'},
		{"max-nodes", required_argument, NULL, 'n'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c, idx = 0;

	memset(o, 0, sizeof(*o));
	xenstored_quota_defaults(&o->quota);
	while ((c = getopt_long(argc, argv, "", longopts, &idx)) != -1) {
		if (c == '?') /* getopt has said which option is unknown */
			return -EINVAL;
		if (c == 'h')
			return 1;
		if (parse_one(o, c, optarg)) {
			fprintf(stderr,
				"hvm-xenstored: bad value '%s' for --%s\n",
				optarg ? optarg : "", longopts[idx].name);
			return -EINVAL;
		}
	}
	if (optind != argc || !o->socket_path)
		return -EINVAL;
	return 0;
}

static void on_signal(int sig)
{
	(void)sig;
	stop_requested = 1;
	if (signal_target)
		sock_server_stop(signal_target);
}

static int install_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGTERM, &sa, NULL) || sigaction(SIGINT, &sa, NULL))
		return -errno;
	/* A client that vanishes must not kill us on write. */
	sa.sa_handler = SIG_IGN;
	return sigaction(SIGPIPE, &sa, NULL) ? -errno : 0;
}

static int write_pid_file(const char *path, pid_t pid)
{
	FILE *f = fopen(path, "w");
	int rc = 0;

	if (!f)
		return -errno;
	if (fprintf(f, "%ld\n", (long)pid) < 0)
		rc = -EIO;
	if (fclose(f) && !rc)
		rc = -errno;
	return rc;
}

/*
 * Detaches unless --foreground; the parent writes the pid file and exits
 * 0, so a caller knows the socket is ready when the command returns.
 */
static int detach(const struct opts *o)
{
	pid_t pid = o->foreground ? getpid() : fork();
	int rc;

	if (pid < 0)
		return -errno;
	if (pid == 0) {
		if (setsid() < 0 || !freopen("/dev/null", "r", stdin))
			return -errno;
		return 0;
	}
	if (o->pid_file) {
		rc = write_pid_file(o->pid_file, pid);
		if (rc) {
			fprintf(stderr,
				"hvm-xenstored: cannot write pid file %s: %s\n",
				o->pid_file, strerror(-rc));
			if (!o->foreground)
				kill(pid, SIGTERM);
			return rc;
		}
	}
	if (!o->foreground)
		_exit(0);
	return 0;
}

/* --run-dir, or the directory of --socket (hvmd puts both in one). */
static char *run_dir(const struct opts *o)
{
	char *dir, *slash;

	if (o->run_dir)
		return strdup(o->run_dir);
	dir = strdup(o->socket_path);
	if (!dir)
		return NULL;
	slash = strrchr(dir, '/');
	if (!slash)
		strcpy(dir, ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	return dir;
}

static int serve(const struct opts *o)
{
	struct xenstored *xs = NULL;
	struct sock_server *srv = NULL;
	struct ring_domains *rings = NULL;
	char *dir = run_dir(o);
	int rc = dir ? 0 : -ENOMEM;

	if (!rc)
		rc = xenstored_create(&o->quota, &xs);
	if (!rc)
		rc = sock_server_create(xs, o->socket_path, &srv);
	if (!rc)
		rc = ring_domains_create(xs, dir, &rings);
	if (!rc) {
		struct sock_server_hooks h = {.fill = ring_domains_pollfds,
					      .serve = ring_domains_serve,
					      .priv = rings};

		sock_server_set_hooks(srv, &h);
	}
	if (!rc)
		rc = detach(o);
	if (!rc) {
		signal_target = srv;
		/* A signal before the line above found no server to wake. */
		if (stop_requested)
			sock_server_stop(srv);
		rc = sock_server_run(srv);
		signal_target = NULL;
	}
	if (rc == -ENOMEM)
		log_dom_err(LOG_NO_DOMAIN, "main", "out of memory");
	sock_server_destroy(srv);
	ring_domains_destroy(rings);
	xenstored_destroy(xs);
	free(dir);
	if (!rc)
		log_dom_info(LOG_NO_DOMAIN, "main", "stopped");
	return rc;
}

int main(int argc, char **argv)
{
	struct opts o;
	int rc;

	/* Every line starts "xenstored: " (usage() and the tests say so). */
	log_set_prefix("xenstored");
	rc = parse_opts(argc, argv, &o);

	if (rc > 0) {
		usage(stdout);
		return 0;
	}
	if (rc) {
		usage(stderr);
		return 2;
	}
	if (install_signals()) {
		fprintf(stderr,
			"hvm-xenstored: cannot install signal handlers: %s\n",
			strerror(errno));
		return 1;
	}
	return serve(&o) ? 1 : 0;
}
