/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Helper processes: starting them in their own session (so they outlive
 * hvmd and re-adoption works), telling whether they still run (waitpid
 * for hvmd's own children, pid plus start time for adopted ones), stopping
 * them, and starting hvm-xenstored when nobody serves its socket.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "hvmd_priv.h"

#define POLL_MS 50
#define XENSTORED_WAIT_MS 10000

static void sleep_ms(unsigned int ms)
{
	struct timespec ts = {.tv_sec = ms / 1000,
			      .tv_nsec = (long)(ms % 1000) * 1000000L};

	nanosleep(&ts, NULL);
}

static void child_exec(const char *const *argv, const char *const *envp,
		       int out_fd)
{
	int nul = open("/dev/null", O_RDONLY);

	setsid();
	signal(SIGPIPE, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	if (nul >= 0)
		dup2(nul, STDIN_FILENO);
	dup2(out_fd, STDOUT_FILENO);
	dup2(out_fd, STDERR_FILENO);
	if (envp)
		execve(argv[0], (char *const *)argv, (char *const *)envp);
	else
		execv(argv[0], (char *const *)argv);
	dprintf(out_fd,
		"err hvmd: cannot run %s: %s; check the helper paths given to hvmd\n",
		argv[0], strerror(errno));
	_exit(127);
}

int hvmd_spawn_env(const char *const *argv, const char *const *envp, int out_fd,
		   struct domtab_proc *p)
{
	pid_t pid;

	if (access(argv[0], X_OK) < 0)
		return -errno;
	pid = fork();
	if (pid < 0)
		return -errno;
	if (pid == 0)
		child_exec(argv, envp, out_fd);
	p->pid = pid;
	p->child = true;
	p->start = hvmd_proc_start_time(pid);
	return 0;
}

int hvmd_spawn(const char *const *argv, int out_fd, struct domtab_proc *p)
{
	return hvmd_spawn_env(argv, NULL, out_fd, p);
}

/* Fields of /proc/PID/stat after the command name; 0 if unreadable. */
static int read_stat(pid_t pid, unsigned long long *utime,
		     unsigned long long *stime, unsigned long long *start)
{
	char path[64], buf[1024], *p;
	FILE *f;
	size_t n;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	f = fopen(path, "re");
	if (!f)
		return -errno;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	p = strrchr(buf, ')');
	/* After ")": state(3) ... utime(14) stime(15) ... starttime(22). */
	if (!p ||
	    sscanf(p + 2,
		   "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu %*d %*d %*d %*d %*d %*d %llu",
		   utime, stime, start) != 3)
		return -EPROTO;
	return 0;
}

unsigned long long hvmd_proc_start_time(pid_t pid)
{
	unsigned long long u, s, start;

	return read_stat(pid, &u, &s, &start) ? 0 : start;
}

unsigned long long hvmd_proc_cpu_ms(pid_t pid)
{
	unsigned long long u, s, start;
	long hz = sysconf(_SC_CLK_TCK);

	if (pid <= 0 || read_stat(pid, &u, &s, &start) || hz <= 0)
		return 0;
	return (u + s) * 1000ULL / (unsigned long long)hz;
}

bool hvmd_proc_alive(struct domtab_proc *p, int *status)
{
	int st;
	pid_t r;

	*status = -1;
	if (p->pid <= 0)
		return false;
	if (p->child) {
		r = waitpid(p->pid, &st, WNOHANG);
		if (r == 0)
			return true;
		if (r == p->pid) {
			*status = WIFEXITED(st) ? WEXITSTATUS(st)
						: 128 + WTERMSIG(st);
			p->pid = 0;
			return false;
		}
		p->child = false;
	}
	if (kill(p->pid, 0) == 0 && hvmd_proc_start_time(p->pid) == p->start)
		return true;
	p->pid = 0;
	return false;
}

int hvmd_proc_stop(struct domtab_proc *p, int sig, unsigned int wait_ms)
{
	int status = -1;
	unsigned int waited;

	if (!hvmd_proc_alive(p, &status))
		return status;
	kill(p->pid, sig);
	for (waited = 0; waited < wait_ms; waited += POLL_MS) {
		if (!hvmd_proc_alive(p, &status))
			return status;
		sleep_ms(POLL_MS);
	}
	kill(p->pid, SIGKILL);
	for (waited = 0; waited < 2000; waited += POLL_MS) {
		if (!hvmd_proc_alive(p, &status))
			return status;
		sleep_ms(POLL_MS);
	}
	return status;
}

static bool xs_live(const char *path)
{
	struct sockaddr_un a = {.sun_family = AF_UNIX};
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	bool live;

	if (fd < 0)
		return false;
	snprintf(a.sun_path, sizeof(a.sun_path), "%s", path);
	live = connect(fd, (struct sockaddr *)&a, sizeof(a)) == 0;
	close(fd);
	return live;
}

static int start_xenstored(struct hvmd *h)
{
	const char *argv[] = {
		h->o.xenstored, "--foreground", "--socket", h->xs_sock,
		"--run-dir",	h->o.run_dir,	NULL};
	struct domtab_proc p = {0};
	char log[PATH_MAX + 32];
	unsigned int waited;
	int fd, rc, st;

	snprintf(log, sizeof(log), "%s/xenstored.log", h->o.log_dir);
	fd = open(log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
	if (fd < 0)
		return -errno;
	rc = hvmd_spawn(argv, fd, &p);
	close(fd);
	if (rc)
		return rc;
	for (waited = 0; waited < XENSTORED_WAIT_MS; waited += POLL_MS) {
		if (xs_live(h->xs_sock)) {
			h->xenstored_pid = p.pid;
			hvmd_log(NULL, "info",
				 "started hvm-xenstored (pid %d) on %s",
				 (int)p.pid, h->xs_sock);
			return 0;
		}
		if (!hvmd_proc_alive(&p, &st))
			return -ECHILD;
		sleep_ms(POLL_MS);
	}
	hvmd_proc_stop(&p, SIGTERM, 1000);
	return -ETIMEDOUT;
}

int hvmd_xenstored_ensure(struct hvmd *h)
{
	int rc;

	if (xs_live(h->xs_sock))
		return 0;
	/* A connection to an earlier daemon on this socket is stale. */
	hvmd_xs_close(h);
	rc = start_xenstored(h);
	if (rc)
		hvmd_log(
			NULL, "err",
			"cannot start hvm-xenstored %s on %s: %s; see %s/xenstored.log",
			h->o.xenstored, h->xs_sock, strerror(-rc),
			h->o.log_dir);
	return rc;
}
