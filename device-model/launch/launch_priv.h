/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Internals of hvm-dm-launch: QEMU's output relay, the bounded JSON
 * scanning its QMP queries need, the QMP client, the xenstore wait, the
 * process spawn and the supervision loop. Log lines use hypervisor/log.h
 * with component "qemu" for what QEMU says and "dm-launch" for the rest.
 */
#ifndef DEVICE_MODEL_LAUNCH_PRIV_H
#define DEVICE_MODEL_LAUNCH_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "dm/dm_launch.h"

#define LAUNCH_COMP "dm-launch"
#define LAUNCH_QEMU_COMP "qemu"

/* ---- Output relay (launch_relay.c) ---- */

/* Longest QEMU line logged as one line; longer ones are split. */
#define LAUNCH_LINE_MAX 900

typedef void launch_line_fn(void *opaque, const char *line);

/*
 * Cuts a byte stream into lines for @emit: one call per line, without the
 * newline or a trailing '\r'; control characters become '?'. A line
 * longer than LAUNCH_LINE_MAX is passed on in pieces.
 */
struct launch_relay {
	char buf[LAUNCH_LINE_MAX + 1];
	size_t len;
	launch_line_fn *emit;
	void *opaque;
};

void launch_relay_init(struct launch_relay *r, launch_line_fn *emit,
		       void *opaque);
void launch_relay_feed(struct launch_relay *r, const char *data, size_t n);
/* Passes on a last line that had no newline. */
void launch_relay_flush(struct launch_relay *r);

/* ---- JSON scanning (launch_json.c) ---- */

/*
 * Bounded scanning of one JSON text, enough to pick string members out of
 * QMP replies. Spans are (pointer, length) and need no NUL. Nesting is
 * capped (-E2BIG); malformed text gives -EINVAL.
 */
struct json_span {
	const char *p;
	size_t len;
};

/* The value of member @key of the object @obj ("{...}"). -ENOENT if none. */
int json_member(struct json_span obj, const char *key, struct json_span *val)
	__attribute__((warn_unused_result));

/*
 * The next element of the array @arr ("[...]") after offset *@pos (start
 * with 0); advances *@pos. Returns 0, -ENOENT after the last, -EINVAL.
 */
int json_array_next(struct json_span arr, size_t *pos, struct json_span *el)
	__attribute__((warn_unused_result));

/*
 * Copies the string value @v ("\"...\"") to @out. Escapes other than
 * \" \\ \/ are refused (-EINVAL); control characters too. -ENAMETOOLONG
 * if it does not fit.
 */
int json_string(struct json_span v, char *out, size_t outlen)
	__attribute__((warn_unused_result));

/* ---- QMP (launch_qmp.c) ---- */

#define LAUNCH_PTY_MAX 64
#define LAUNCH_HOST_MAX 64
#define LAUNCH_SERVICE_MAX 16

struct launch_qmp_info {
	char serial_pty[LAUNCH_PTY_MAX];     /* "/dev/pts/3", or "" */
	char pv_console_pty[LAUNCH_PTY_MAX]; /* QEMU's "xencons0", or "" */
	char vnc_host[LAUNCH_HOST_MAX];	     /* "" if VNC is off */
	char vnc_service[LAUNCH_SERVICE_MAX];
};

/*
 * From one query-chardev reply line: the pty of chardev @label ("serial0";
 * "xencons0", which QEMU's Xen console backend makes for the PV console),
 * "pty:" stripped. Returns 0, -ENOENT if there is none, -EINVAL if
 * malformed.
 */
int launch_qmp_parse_chardev(const char *reply, size_t len, const char *label,
			     char *pty, size_t ptylen)
	__attribute__((warn_unused_result));

/* From one query-vnc reply line: host and service; -ENOENT if disabled. */
int launch_qmp_parse_vnc(const char *reply, size_t len,
			 struct launch_qmp_info *info)
	__attribute__((warn_unused_result));

/*
 * Connects to QMP at @path and asks for the serial pty and the VNC
 * address, giving up after @timeout_ms. Fields not found stay "".
 * Returns 0 or a negative errno (-ETIMEDOUT, -ECONNREFUSED, -EPROTO...).
 */
int launch_qmp_query(const char *path, unsigned int timeout_ms,
		     struct launch_qmp_info *info)
	__attribute__((warn_unused_result));

/* ---- Xenstore (launch_xs.c) ---- */

struct launch_xs;

/*
 * Connects to xenstore (XENSTORED_PATH must be set), removes a stale
 * device-model state key of @domid and watches it.
 */
int launch_xs_open(uint32_t domid, struct launch_xs **out)
	__attribute__((warn_unused_result));

/* The descriptor to poll for watch events. */
int launch_xs_fd(struct launch_xs *x);

/* Drains watch events and reads the key: true once it is "running". */
int launch_xs_is_running(struct launch_xs *x, bool *running)
	__attribute__((warn_unused_result));

/*
 * Writes what libxl publishes for tools: the serial pty under
 * /local/domain/<domid>/serial/0/tty and the VNC address under
 * .../console/vnc-listen and vnc-port. Failures are logged, not fatal.
 */
void launch_xs_publish(struct launch_xs *x, const struct launch_qmp_info *i);

void launch_xs_close(struct launch_xs *x);

/* ---- Process (launch_spawn.c) ---- */

/*
 * Starts @argv[0] with @argv and @envp in its own process group, stdin
 * on /dev/null and stdout and stderr on one pipe, whose close-on-exec
 * read end goes to *@out_fd. Reports exec failures synchronously.
 * Returns 0 or a negative errno (the exec's errno if it failed).
 */
int launch_spawn(char *const *argv, char *const *envp, pid_t *pid, int *out_fd)
	__attribute__((warn_unused_result));

/* ---- Supervision (launch_run.c) ---- */

struct launch_opts {
	struct dm_config cfg;
	const char *shim_dir;
	const char *xenstored_path;
	const char *run_dir;
	const char *ctl_path;
	unsigned int wait_s;  /* for "running"; default 60 */
	bool no_wait_running; /* tests only: no xenstore, unpause or QMP */
};

/*
 * Runs QEMU for @o until it exits: builds the command line and
 * environment, spawns, relays its output, waits for "running", unpauses
 * the domain and reports the consoles. SIGTERM and SIGINT are forwarded
 * to QEMU. Returns the exit status: 0 if QEMU exited with 0, 1 if
 * anything failed (logged with what to do), 2 for config errors.
 */
int launch_run(const struct launch_opts *o);

#endif /* DEVICE_MODEL_LAUNCH_PRIV_H */
