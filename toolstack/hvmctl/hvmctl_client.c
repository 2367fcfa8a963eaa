/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Talking to hvmd (hvmctl_client.h). When the default socket has nobody
 * listening and hvmctl runs as root, hvmctl starts hvmd and waits up to
 * 5 s for it: the first hvmctl command of a boot brings the daemon up.
 * Where systemd runs and hvmd.service is installed it asks systemd
 * ("systemctl start hvmd"), so the daemon stays supervised; otherwise it
 * runs hvmd itself (which detaches). With --socket or $HVMCTL_SOCKET it
 * never starts hvmd.
 */
#include "hvmctl_client.h"

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "hvmd/hvmd_proto.h"

#define START_WAIT_MS 5000
/*
 * The longest hvmd may take for one answer line. Its slowest requests
 * (create and destroy with hotplug scripts, each bounded at 30 s) stay far
 * below; past this, hvmd is stuck and waiting on would hang scripts.
 * $HVMCTL_TIMEOUT (whole seconds) sets another bound.
 */
#define ANSWER_WAIT_S 300

static long answer_wait_s(void)
{
	const char *v = getenv("HVMCTL_TIMEOUT");
	char *end;
	long s;

	if (!v || !*v)
		return ANSWER_WAIT_S;
	s = strtol(v, &end, 10);
	return *end || s <= 0 || s > 86400 ? ANSWER_WAIT_S : s;
}

static int try_connect(const char *path)
{
	struct sockaddr_un a = {.sun_family = AF_UNIX};
	int fd, rc;

	if (strlen(path) >= sizeof(a.sun_path))
		return -ENAMETOOLONG;
	snprintf(a.sun_path, sizeof(a.sun_path), "%s", path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	if (connect(fd, (struct sockaddr *)&a, sizeof(a)) < 0) {
		rc = -errno;
		close(fd);
		return rc;
	}
	return fd;
}

/*
 * hvmd next to hvmctl: BUILD/toolstack/hvmd/hvmd in the build tree,
 * PREFIX/sbin/hvmd when installed (hvmctl in PREFIX/bin), or the same
 * folder.
 */
static void hvmd_path(char *buf, size_t size)
{
	static const char *const rel[] = {"../hvmd/hvmd", "../sbin/hvmd"};
	char exe[PATH_MAX], dir[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	unsigned int i;

	exe[n > 0 ? n : 0] = '\0';
	snprintf(dir, sizeof(dir), "%s", dirname(exe));
	for (i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
		snprintf(buf, size, "%.4000s/%s", dir, rel[i]);
		if (access(buf, X_OK) == 0)
			return;
	}
	snprintf(buf, size, "%.4000s/hvmd", dir);
}

/* systemd runs and knows hvmd.service: starting hvmd is its job. */
static bool systemd_has_hvmd(void)
{
	static const char *const dirs[] = {
		"/etc/systemd/system", "/usr/local/lib/systemd/system",
		"/lib/systemd/system", "/usr/lib/systemd/system"};
	char unit[128];
	unsigned int i;

	if (access("/run/systemd/system", F_OK) < 0)
		return false;
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		snprintf(unit, sizeof(unit), "%s/hvmd.service", dirs[i]);
		if (access(unit, F_OK) == 0)
			return true;
	}
	return false;
}

static int start_hvmd(const char *socket)
{
	struct timespec ts = {.tv_nsec = 100000000L};
	char path[PATH_MAX];
	unsigned int waited;
	int fd, status;
	pid_t pid;

	if (systemd_has_hvmd()) {
		snprintf(path, sizeof(path), "systemctl");
		fprintf(stderr,
			"hvmctl: hvmd is not running; systemctl start hvmd\n");
	} else {
		hvmd_path(path, sizeof(path));
		fprintf(stderr, "hvmctl: hvmd is not running; starting %s\n",
			path);
	}
	pid = fork();
	if (pid < 0)
		return -errno;
	if (pid == 0) {
		/* --no-block: the poll below waits, with its own bound. */
		if (!strcmp(path, "systemctl"))
			execlp("systemctl", "systemctl", "start", "--no-block",
			       "hvmd", (char *)NULL);
		else
			execl(path, path, (char *)NULL);
		_exit(127);
	}
	/* hvmd detaches, systemctl queues the job: both return at once. */
	if (waitpid(pid, &status, 0) == pid &&
	    (!WIFEXITED(status) || WEXITSTATUS(status) != 0))
		fprintf(stderr,
			"hvmctl: %s failed (status %d); see journalctl -u hvmd or the log directory\n",
			path, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	for (waited = 0; waited < START_WAIT_MS; waited += 100) {
		fd = try_connect(socket);
		if (fd >= 0)
			return fd;
		nanosleep(&ts, NULL);
	}
	return -ETIMEDOUT;
}

static int connect_hvmd(const struct hvmctl_cmd *c)
{
	int fd = try_connect(c->socket);

	if (fd >= 0)
		return fd;
	if ((fd == -ENOENT || fd == -ECONNREFUSED) && c->socket_default &&
	    geteuid() == 0)
		fd = start_hvmd(c->socket);
	if (fd < 0)
		fprintf(stderr,
			"hvmctl: cannot reach hvmd on %s: %s; start it (systemctl start hvmd, or hvmd --foreground) or give --socket\n",
			c->socket, strerror(-fd));
	return fd;
}

static int answer_line(char **f, unsigned int n, hvmctl_data_fn fn, void *ctx,
		       bool quiet)
{
	long code;

	if (!strcmp(f[0], "data") && n > 1) {
		if (fn)
			fn(ctx, f + 1, n - 1);
		return -1;
	}
	if (!strcmp(f[0], "msg") && n == 2) {
		fprintf(stderr, "hvmctl: %s\n", f[1]);
		return -1;
	}
	if (!strcmp(f[0], "ok"))
		return 0;
	if (!strcmp(f[0], "error") && n == 3) {
		code = strtol(f[1], NULL, 10);
		if (!quiet)
			fprintf(stderr, "hvmctl: %s\n", f[2]);
		return code == 2 ? 2 : 1;
	}
	fprintf(stderr,
		"hvmctl: hvmd sent an answer hvmctl does not understand (\"%s\"); are hvmd and hvmctl from the same build?\n",
		f[0]);
	return 1;
}

static int read_answer(int fd, long wait_s, hvmctl_data_fn fn, void *ctx,
		       bool quiet)
{
	char line[HVMD_PROTO_LINE_MAX];
	char *f[HVMD_PROTO_MAX_FIELDS];

	for (;;) {
		int n = hvmd_proto_read_line(fd, line, sizeof(line)), rc;

		if (n == -EAGAIN || n == -EWOULDBLOCK) {
			fprintf(stderr,
				"hvmctl: hvmd did not answer within %ld s; it is stuck: see its log (journalctl -u hvmd, or hvmd.log in its log directory) and restart it (running domains stay)\n",
				wait_s);
			return 1;
		}
		if (n < 0) {
			fprintf(stderr,
				"hvmctl: hvmd closed the connection without an answer (%s); see hvmd's log\n",
				strerror(-n));
			return 1;
		}
		n = hvmd_proto_split(line, f, HVMD_PROTO_MAX_FIELDS);
		if (n < 0)
			return fprintf(stderr,
				       "hvmctl: malformed answer from hvmd\n"),
			       1;
		rc = answer_line(f, (unsigned int)n, fn, ctx, quiet);
		if (rc >= 0)
			return rc;
	}
}

int hvmctl_client_call(const struct hvmctl_cmd *c, const char *const *req,
		       unsigned int nr, hvmctl_data_fn fn, void *ctx,
		       bool quiet)
{
	struct timeval tv = {.tv_sec = answer_wait_s()};
	char line[HVMD_PROTO_LINE_MAX + 1];
	int fd, n, rc;

	n = hvmd_proto_join(line, sizeof(line), req, nr);
	if (n < 0) {
		fprintf(stderr, "hvmctl: %s\n",
			n == -EINVAL
				? "an argument holds a control character (tab, newline, ...); remove it"
				: "the request is too long");
		return 2;
	}
	fd = connect_hvmd(c);
	if (fd < 0)
		return 1;
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	rc = hvmd_proto_write_all(fd, line, (size_t)n);
	if (rc < 0) {
		fprintf(stderr, "hvmctl: cannot send to hvmd: %s\n",
			strerror(-rc));
		close(fd);
		return 1;
	}
	rc = read_answer(fd, tv.tv_sec, fn, ctx, quiet);
	close(fd);
	return rc;
}

static void copy_kv(char *dst, size_t size, char **f, unsigned int nr,
		    const char *key)
{
	const char *v = hvmd_proto_kv(f, nr, key);

	snprintf(dst, size, "%s", v ? v : "");
}

void hvmctl_domain_parse(struct hvmctl_domain *d, char **f, unsigned int nr)
{
	const char *v;

	memset(d, 0, sizeof(*d));
	copy_kv(d->name, sizeof(d->name), f, nr, "name");
	copy_kv(d->uuid, sizeof(d->uuid), f, nr, "uuid");
	copy_kv(d->state, sizeof(d->state), f, nr, "state");
	copy_kv(d->flags, sizeof(d->flags), f, nr, "flags");
	copy_kv(d->cputime, sizeof(d->cputime), f, nr, "cputime");
	copy_kv(d->console, sizeof(d->console), f, nr, "console");
	copy_kv(d->pv_console, sizeof(d->pv_console), f, nr, "pv_console");
	copy_kv(d->vnc, sizeof(d->vnc), f, nr, "vnc");
	copy_kv(d->log, sizeof(d->log), f, nr, "log");
	copy_kv(d->console_log, sizeof(d->console_log), f, nr, "console_log");
	copy_kv(d->actions, sizeof(d->actions), f, nr, "actions");
	v = hvmd_proto_kv(f, nr, "domid");
	d->domid = v ? (unsigned int)strtoul(v, NULL, 10) : 0;
	v = hvmd_proto_kv(f, nr, "memory");
	d->memory = v ? strtoull(v, NULL, 10) : 0;
	v = hvmd_proto_kv(f, nr, "vcpus");
	d->vcpus = v ? (unsigned int)strtoul(v, NULL, 10) : 0;
}

static void info_cb(void *ctx, char **f, unsigned int nr)
{
	if (!strcmp(f[0], "domain"))
		hvmctl_domain_parse(ctx, f + 1, nr - 1);
}

int hvmctl_client_info(const struct hvmctl_cmd *c, const char *dom,
		       struct hvmctl_domain *d, bool quiet)
{
	const char *req[2] = {"info", dom};

	memset(d, 0, sizeof(*d));
	return hvmctl_client_call(c, req, 2, info_cb, d, quiet);
}
