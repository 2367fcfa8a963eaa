/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Starting QEMU: fork and exec in a new process group (so a signal to the
 * group reaches QEMU and anything it starts, and the terminal's ^C does
 * not), with its output on a pipe. A second close-on-exec pipe carries
 * the exec's errno back, so "no such file" is reported by the caller,
 * not by a child that died silently. The child only makes async-signal-
 * safe calls: the parent may have threads (libxenstore's reader).
 */
#define _GNU_SOURCE /* pipe2 */
#include "launch_priv.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

/* In the child: never returns. */
static void child_exec(char *const *argv, char *const *envp, int out_w,
		       int err_w)
{
	sigset_t none;
	int null_fd, e;

	sigemptyset(&none);
	/* The launcher blocks the signals it reads through a signalfd. */
	sigprocmask(SIG_SETMASK, &none, NULL);
	signal(SIGPIPE, SIG_DFL);
	setpgid(0, 0);
	null_fd = open("/dev/null", O_RDONLY);
	if (null_fd < 0 || dup2(null_fd, STDIN_FILENO) < 0 ||
	    dup2(out_w, STDOUT_FILENO) < 0 || dup2(out_w, STDERR_FILENO) < 0)
		goto fail;
	execve(argv[0], argv, envp);
fail:
	e = errno;
	if (write(err_w, &e, sizeof(e)) < 0)
		_exit(127);
	_exit(127);
}

/* Reads the exec result: 0 if the exec happened, else its -errno. */
static int exec_result(int err_r, pid_t pid)
{
	ssize_t r;
	int e = 0;

	do
		r = read(err_r, &e, sizeof(e));
	while (r < 0 && errno == EINTR);
	if (r == 0)
		return 0; /* closed by the exec */
	while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
		;
	return r == (ssize_t)sizeof(e) && e > 0 ? -e : -EIO;
}

int launch_spawn(char *const *argv, char *const *envp, pid_t *pid, int *out_fd)
{
	int out[2] = {-1, -1}, err[2] = {-1, -1};
	pid_t p;
	int rc;

	if (pipe2(out, O_CLOEXEC) || pipe2(err, O_CLOEXEC)) {
		rc = -errno;
		goto out;
	}
	p = fork();
	if (p < 0) {
		rc = -errno;
		goto out;
	}
	if (p == 0)
		child_exec(argv, envp, out[1], err[1]);
	/* Also here, so that a signal to the group cannot miss the child. */
	setpgid(p, p);
	close(err[1]);
	err[1] = -1;
	rc = exec_result(err[0], p);
	if (!rc) {
		*pid = p;
		*out_fd = out[0];
		out[0] = -1;
	}
out:
	for (int i = 0; i < 2; i++) {
		if (out[i] >= 0)
			close(out[i]);
		if (err[i] >= 0)
			close(err[i]);
	}
	return rc;
}
