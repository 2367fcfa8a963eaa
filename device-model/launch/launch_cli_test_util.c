/* SPDX-License-Identifier: GPL-2.0-only */
/* Helpers of the hvm-dm-launch binary tests (launch_cli_test_util.h). */
#define _GNU_SOURCE /* mkdtemp */
#include "launch_cli_test_util.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "hvm_test.h"

#define READ_MAX (64 * 1024)

static const char *cli_output;

void cli_set_output(const char *path)
{
	cli_output = path;
}

void cli_mkdtemp(char *dir, unsigned int domid)
{
	char sub[CLI_PATH_MAX];

	snprintf(dir, CLI_PATH_MAX, "/tmp/dm-launch-test.XXXXXX");
	if (!mkdtemp(dir)) {
		hvm_test_fail(__FILE__, __LINE__, "mkdtemp: %s",
			      strerror(errno));
		return;
	}
	snprintf(sub, sizeof(sub), "%s/%u", dir, domid);
	CHECK_EQ(0, mkdir(sub, 0700));
}

void cli_make_shims(const char *dir)
{
	char lib[CLI_PATH_MAX + 32];
	FILE *f;

	CHECK_EQ(0, mkdir(dir, 0700));
	snprintf(lib, sizeof(lib), "%s/libxenctrl.so.4.17", dir);
	f = fopen(lib, "w");
	CHECK(f != NULL);
	if (f)
		fclose(f);
}

void cli_rmtree(const char *dir)
{
	pid_t pid = fork();

	if (pid == 0) {
		execlp("rm", "rm", "-rf", "--", dir, (char *)NULL);
		_exit(127);
	}
	CHECK(pid > 0 && cli_wait(pid) == 0);
}

void cli_write_script(const char *dir, const char *name, const char *body,
		      char *path)
{
	FILE *f;

	snprintf(path, CLI_PATH_MAX, "%s/%s", dir, name);
	f = fopen(path, "w");
	CHECK(f != NULL);
	if (!f)
		return;
	fprintf(f, "#!/bin/sh\n%s", body);
	CHECK_EQ(0, fclose(f));
	CHECK_EQ(0, chmod(path, 0755));
}

pid_t cli_start(const char *const *args)
{
	const char *argv[CLI_MAX_ARGS + 2] = {HVM_DM_LAUNCH_BIN};
	unsigned int i;
	pid_t pid;

	for (i = 0; args[i] && i < CLI_MAX_ARGS; i++)
		argv[i + 1] = args[i];
	pid = fork();
	if (pid == 0) {
		int fd = open(cli_output ? cli_output : "/dev/null",
			      O_WRONLY | O_CREAT | O_APPEND, 0600);

		if (fd >= 0) {
			dup2(fd, STDOUT_FILENO);
			dup2(fd, STDERR_FILENO);
		}
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	CHECK(pid > 0);
	return pid;
}

int cli_wait(pid_t pid)
{
	struct timespec tick = {.tv_nsec = 20 * 1000 * 1000};
	unsigned int i;
	int status;

	for (i = 0; i < 1500; i++) {
		pid_t r = waitpid(pid, &status, WNOHANG);

		if (r == pid)
			return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
		if (r < 0)
			return -1;
		nanosleep(&tick, NULL);
	}
	hvm_test_fail(__FILE__, __LINE__,
		      "pid %d still runs after 30 s; killing it", (int)pid);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	return -1;
}

int cli_run(const char *const *args)
{
	pid_t pid = cli_start(args);

	return pid > 0 ? cli_wait(pid) : -1;
}

const char *cli_read(const char *path)
{
	static char buf[READ_MAX + 1];
	size_t n = 0;
	FILE *f = fopen(path, "r");

	if (f) {
		n = fread(buf, 1, READ_MAX, f);
		fclose(f);
	}
	buf[n] = '\0';
	return buf;
}

bool cli_wait_for(const char *path, const char *needle)
{
	struct timespec tick = {.tv_nsec = 20 * 1000 * 1000};
	unsigned int i;

	for (i = 0; i < 500; i++) {
		if (strstr(cli_read(path), needle))
			return true;
		nanosleep(&tick, NULL);
	}
	return false;
}
