/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hvm-dm-launch's run: check the prerequisites of dm-abi.md 1.1, build
 * QEMU's command line and environment, start QEMU and supervise it with
 * one poll loop over its output, a signalfd and the xenstore watch,
 * until QEMU has exited and its output is drained.
 */
#include "launch_run_priv.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hypervisor/log.h"

extern char **environ;

static void log_qemu_line(void *opaque, const char *line)
{
	(void)opaque;
	log_info(LAUNCH_QEMU_COMP, "%s", line);
}

static int build(const struct launch_opts *o, struct dm_argv *argv,
		 struct dm_argv *env)
{
	const struct dm_env_params p = {o->shim_dir, o->xenstored_path,
					o->run_dir, o->cfg.domid};
	char err[512];

	if (dm_build_argv(&o->cfg, argv, err, sizeof(err)) ||
	    dm_build_env(&p, environ, env, err, sizeof(err))) {
		log_err(LAUNCH_COMP, "%s", err);
		dm_argv_free(argv);
		return -EINVAL;
	}
	return 0;
}

/* dm-abi.md 1.1 item 3: the shims, under their sonames. */
static int check_shims(const struct launch_opts *o)
{
	char lib[DM_PATH_MAX + 32];

	snprintf(lib, sizeof(lib), "%s/libxenctrl.so.4.17", o->shim_dir);
	if (access(lib, R_OK) == 0)
		return 0;
	log_err(LAUNCH_COMP,
		"our Xen libraries are not in %s (no libxenctrl.so.4.17); build the hvm-xenlibs target or give --shim-dir",
		o->shim_dir);
	return -ENOENT;
}

/* The domain's control socket, where QEMU's libraries will look too. */
static int check_ctl(const struct launch_opts *o)
{
	char shim_ctl[DM_PATH_MAX + 32];
	struct stat st;

	if (stat(o->ctl_path, &st) || !S_ISSOCK(st.st_mode)) {
		log_err(LAUNCH_COMP,
			"no control socket at %s; start the domain first with hvm-domain --ctl %s --paused",
			o->ctl_path, o->ctl_path);
		return -ENOENT;
	}
	snprintf(shim_ctl, sizeof(shim_ctl), "%s/%u/ctl", o->run_dir,
		 o->cfg.domid);
	if (strcmp(shim_ctl, o->ctl_path))
		log_warn(
			LAUNCH_COMP,
			"--ctl %s is not %s, where QEMU's Xen libraries look; unless both name the same socket, QEMU will not reach the domain",
			o->ctl_path, shim_ctl);
	return 0;
}

/* dm-abi.md 1.1 item 4: the directory of the QMP socket. */
static int check_qmp_dir(const struct launch_opts *o)
{
	char dir[DM_SOCK_PATH_MAX];
	struct stat st;
	char *slash;

	snprintf(dir, sizeof(dir), "%s", o->cfg.qmp_path);
	slash = strrchr(dir, '/');
	if (!slash || slash == dir)
		return 0;
	*slash = '\0';
	if (stat(dir, &st) || !S_ISDIR(st.st_mode)) {
		log_err(LAUNCH_COMP,
			"directory %s for the QMP socket does not exist; create it or change qmp=",
			dir);
		return -ENOENT;
	}
	return 0;
}

static int check_prereqs(const struct launch_opts *o)
{
	int rc;

	rc = check_shims(o);
	if (!rc && !o->no_wait_running)
		rc = check_ctl(o);
	if (!rc)
		rc = check_qmp_dir(o);
	return rc;
}

/* Blocks the signals the loop reads and opens a signalfd for them. */
static int open_signals(sigset_t *old)
{
	sigset_t set;
	int fd;

	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	if (sigprocmask(SIG_BLOCK, &set, old))
		return -errno;
	fd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
	return fd < 0 ? -errno : fd;
}

static int start(struct launch_state *s, struct dm_argv *argv,
		 struct dm_argv *env)
{
	int rc;

	if (!s->o->no_wait_running) {
		rc = launch_xs_open(s->o->cfg.domid, &s->xs);
		if (rc) {
			log_err(LAUNCH_COMP,
				"cannot use xenstore at %s: %s; start hvm-xenstored --socket %s",
				s->o->xenstored_path, strerror(-rc),
				s->o->xenstored_path);
			return rc;
		}
	}
	rc = launch_spawn(argv->argv, env->argv, &s->pid, &s->out_fd);
	if (rc) {
		log_err(LAUNCH_COMP,
			"cannot start %s: %s; install qemu-system-xen or give --qemu",
			argv->argv[0], strerror(-rc));
		return rc;
	}
	if (fcntl(s->out_fd, F_SETFL, O_NONBLOCK))
		log_warn(LAUNCH_COMP,
			 "cannot make qemu's output non-blocking: %s",
			 strerror(errno));
	log_info(LAUNCH_COMP, "started %s (pid %d)%s", argv->argv[0],
		 (int)s->pid,
		 s->waiting ? "; waiting for it to report running" : "");
	return 0;
}

static int64_t min_wait(int64_t t, int64_t until, int64_t now)
{
	int64_t left = until > now ? until - now : 0;

	return left < t ? left : t;
}

/* Poll timeout in ms until the next deadline or check, -1 for none. */
static int next_timeout(const struct launch_state *s)
{
	int64_t now = launch_now_ms(), t = INT_MAX;

	if (s->waiting)
		t = min_wait(LAUNCH_POLL_MS, s->wait_deadline, now);
	if (s->kill_at && !s->exited)
		t = min_wait(t, s->kill_at, now);
	return t == INT_MAX ? -1 : (int)t;
}

/* After QEMU exited: log what is left, and stop reading even if
 * something QEMU started still holds the pipe open. */
static void drain(struct launch_state *s)
{
	launch_on_output(s);
	if (s->out_fd < 0)
		return;
	launch_relay_flush(&s->relay);
	close(s->out_fd);
	s->out_fd = -1;
}

static void loop(struct launch_state *s)
{
	struct pollfd pfd[3];
	nfds_t n;
	int r;

	while (!s->exited || s->out_fd >= 0) {
		n = 0;
		pfd[n++] = (struct pollfd){.fd = s->sig_fd, .events = POLLIN};
		pfd[n++] = (struct pollfd){.fd = s->out_fd, .events = POLLIN};
		if (s->waiting && s->xs)
			pfd[n++] = (struct pollfd){.fd = launch_xs_fd(s->xs),
						   .events = POLLIN};
		r = poll(pfd, n, next_timeout(s));
		if (r < 0 && errno != EINTR) {
			log_err(LAUNCH_COMP, "poll failed: %s; stopping qemu",
				strerror(errno));
			s->failed = true;
			launch_terminate(s);
			sleep(1);
		}
		launch_on_output(s);
		launch_on_signal(s);
		/* A watch event, or time for the periodic check. */
		if (r == 0 || (n == 3 && pfd[2].revents))
			launch_on_xenstore(s);
		launch_on_timer(s);
		if (s->exited)
			drain(s);
	}
}

/* The exit status for QEMU's wait status, logged. */
static int qemu_result(const struct launch_state *s)
{
	if (WIFEXITED(s->status) && WEXITSTATUS(s->status) == 0) {
		log_info(LAUNCH_COMP, "qemu exited with status 0");
		return s->failed ? 1 : 0;
	}
	if (WIFEXITED(s->status))
		log_err(LAUNCH_COMP,
			"qemu exited with status %d; see the qemu lines above",
			WEXITSTATUS(s->status));
	else if (s->terminated)
		log_info(LAUNCH_COMP, "qemu stopped by signal %d",
			 WTERMSIG(s->status));
	else
		log_err(LAUNCH_COMP,
			"qemu was killed by signal %d; see the qemu lines above",
			WTERMSIG(s->status));
	return 1;
}

int launch_run(const struct launch_opts *o)
{
	struct launch_state s = {.o = o, .pid = -1, .out_fd = -1, .sig_fd = -1};
	struct dm_argv argv = {0}, env = {0};
	sigset_t old;
	int rc, status = 1;

	if (build(o, &argv, &env))
		return 2;
	launch_relay_init(&s.relay, log_qemu_line, NULL);
	s.waiting = !o->no_wait_running;
	if (check_prereqs(o))
		goto out;
	rc = open_signals(&old);
	if (rc < 0) {
		log_err(LAUNCH_COMP, "cannot set up signal handling: %s",
			strerror(-rc));
		goto out;
	}
	s.sig_fd = rc;
	s.wait_deadline = launch_now_ms() + (int64_t)o->wait_s * 1000;
	if (start(&s, &argv, &env) == 0) {
		loop(&s);
		status = qemu_result(&s);
	}
	close(s.sig_fd);
	sigprocmask(SIG_SETMASK, &old, NULL);
out:
	launch_xs_close(s.xs);
	dm_argv_free(&argv);
	dm_argv_free(&env);
	return status;
}
