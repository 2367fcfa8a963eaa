/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Helpers of the tests that run the hvm-dm-launch binary: a scratch
 * directory, fake QEMU scripts, running the launcher and reading its log.
 */
#ifndef DEVICE_MODEL_LAUNCH_CLI_TEST_UTIL_H
#define DEVICE_MODEL_LAUNCH_CLI_TEST_UTIL_H

#include <stdbool.h>
#include <sys/types.h>

#define CLI_PATH_MAX 256
#define CLI_MAX_ARGS 32

/* Creates a scratch directory (and its "<domid>" subdirectory). */
void cli_mkdtemp(char *dir, unsigned int domid);

/* Creates @dir with a stand-in for our libxenctrl.so.4.17 in it. */
void cli_make_shims(const char *dir);

/* Removes what cli_mkdtemp() made, and everything in it. */
void cli_rmtree(const char *dir);

/* Writes an executable shell script @name in @dir; its path to @path. */
void cli_write_script(const char *dir, const char *name, const char *body,
		      char *path);

/*
 * Sends the launcher's stdout and stderr to @path (appending) from now on;
 * NULL (the default) sends them to /dev/null.
 */
void cli_set_output(const char *path);

/* Starts the launcher with @args (NULL-terminated, no argv[0]). */
pid_t cli_start(const char *const *args);

/* Waits up to 30 s for @pid; returns its exit status or -1. */
int cli_wait(pid_t pid);

/* Runs the launcher with @args and returns its exit status, or -1. */
int cli_run(const char *const *args);

/* Reads @path (at most 64 KiB) into a static buffer; "" if missing. */
const char *cli_read(const char *path);

/* Waits up to 10 s for @path to contain @needle. */
bool cli_wait_for(const char *path, const char *needle);

#endif /* DEVICE_MODEL_LAUNCH_CLI_TEST_UTIL_H */
