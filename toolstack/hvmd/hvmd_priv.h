/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hvmd's internals: the daemon's options and state, and the functions the
 * daemon's files share. One struct hvmd per process; no globals besides
 * the signal flag in hvmd_main.c.
 */
#ifndef HVMD_HVMD_PRIV_H
#define HVMD_HVMD_PRIV_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "domtab.h"

struct hvmd_opts {
	char state_dir[PATH_MAX];   /* /var/lib/hvm */
	char log_dir[PATH_MAX];	    /* /var/log/hvm */
	char run_dir[PATH_MAX];	    /* /run/hvm */
	char socket[108];	    /* /run/hvm/hvmd.sock */
	char group[64];		    /* socket group; "" = root only */
	char bridge[32];	    /* default bridge for vifs */
	char scripts_dir[PATH_MAX]; /* vif script= without '/' */
	char xenstored[PATH_MAX];   /* helper binaries and firmware */
	char domain_bin[PATH_MAX];
	char dm_launch[PATH_MAX];
	char shim_dir[PATH_MAX];
	char loader[PATH_MAX];
	char seabios[PATH_MAX];
	char qemu[PATH_MAX];		/* "" = the launcher's default */
	char console_log[8];		/* "on" (default) or "off" */
	char console_log_max[24];	/* "16M" (default); "0": no limit */
	uint64_t console_log_max_bytes; /* parsed from console_log_max */
	bool foreground;
	bool verbose;
};

struct xs_handle;

struct hvmd {
	struct hvmd_opts o;
	struct domtab tab;
	int lsock;
	pid_t xenstored_pid; /* ours, 0 if not started by us */
	time_t logcap_at;    /* next size check of the console logs */
	char xs_sock[PATH_MAX + 32];
	struct xs_handle *xsh; /* hvmd_xs.c's connection to hvm-xenstored */
};

/* Response sink of one request: a connected client socket. */
struct hvmd_reply {
	int fd;
	bool done; /* ok or error sent */
};

/* hvmd_log.c: "LEVEL dN hvmd: message" to stderr and the domain log. */
void hvmd_log(struct domtab_dom *d, const char *level, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int hvmd_log_open(const struct hvmd *h, struct domtab_dom *d)
	__attribute__((warn_unused_result));
void hvmd_log_path(const struct hvmd *h, const struct domtab_dom *d, char *buf,
		   size_t size);
/*
 * The guest's serial output, as QEMU appends it (LOG/console/NAME.log, like
 * xenconsoled's guest logs, but on unless hvmd's console-log = off): kept
 * whether or not anyone runs hvmctl console, across reboots of the domain.
 */
#define HVMD_CONSOLE_LOG_DIR "console"
void hvmd_console_log_path(const struct hvmd *h, const struct domtab_dom *d,
			   char *buf, size_t size);
/*
 * Creates the console log of @d (directory 0750, file 0640, so the
 * domain log's readers can read it) and puts its path in @buf. Returns 0,
 * or -errno with a warning in the domain log: the domain then runs
 * without one rather than not at all.
 */
int hvmd_console_log_open(const struct hvmd *h, struct domtab_dom *d, char *buf,
			  size_t size);
/*
 * Every CONSOLE_LOG_CHECK_SECS: a console log past console-log-max moves
 * to NAME.log.1 and starts again (hvmd_logcap.h). Called from the tick.
 */
void hvmd_console_logs_cap(struct hvmd *h);

/* hvmd_reply.c: answer lines (hvmd_proto.h). */
void hvmd_reply_data(struct hvmd_reply *r, const char *const *f,
		     unsigned int nr);
void hvmd_reply_msg(struct hvmd_reply *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void hvmd_reply_ok(struct hvmd_reply *r);
void hvmd_reply_err(struct hvmd_reply *r, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* hvmd_opts.c: defaults (relative to /proc/self/exe) and the command line. */
int hvmd_opts_parse(struct hvmd_opts *o, int argc, char **argv)
	__attribute__((warn_unused_result));

/* hvmd_server.c: the listening socket and one request per connection. */
int hvmd_server_listen(struct hvmd *h) __attribute__((warn_unused_result));
void hvmd_server_handle(struct hvmd *h, int fd);

/* hvmd_ops.c / hvmd_ops_life.c: the verbs. */
void hvmd_op_create(struct hvmd *h, struct hvmd_reply *r, char **f,
		    unsigned int nr);
void hvmd_op_list(struct hvmd *h, struct hvmd_reply *r, char **f,
		  unsigned int nr);
void hvmd_op_simple(struct hvmd *h, struct hvmd_reply *r, char **f,
		    unsigned int nr);

/* hvmd_ops_vcpu.c, hvmd_ops_pin.c: vcpu-list, vcpu-set, vcpu-pin. */
void hvmd_op_block_list(struct hvmd *h, struct hvmd_reply *r, char **f,
			unsigned int nr);
void hvmd_op_vcpu_list(struct hvmd *h, struct hvmd_reply *r, char **f,
		       unsigned int nr);
void hvmd_op_vcpu_set(struct hvmd *h, struct hvmd_reply *r, char **f,
		      unsigned int nr);
void hvmd_op_vcpu_pin(struct hvmd *h, struct hvmd_reply *r, char **f,
		      unsigned int nr);

/* hvmd_check.c: what must hold before a domain's processes start. */
int hvmd_check_domain(struct hvmd *h, const struct domain_config *cfg,
		      char *err, size_t errlen)
	__attribute__((warn_unused_result));

/*
 * hvmd_spawn.c: helper processes, each in its own session (so in its own
 * process group) with stdout and stderr on @out_fd. hvmd_spawn_env() runs
 * it with the environment @envp instead of hvmd's own (NULL: hvmd's).
 */
int hvmd_spawn(const char *const *argv, int out_fd, struct domtab_proc *p)
	__attribute__((warn_unused_result));
int hvmd_spawn_env(const char *const *argv, const char *const *envp, int out_fd,
		   struct domtab_proc *p) __attribute__((warn_unused_result));
bool hvmd_proc_alive(struct domtab_proc *p, int *status);
int hvmd_proc_stop(struct domtab_proc *p, int sig, unsigned int wait_ms);
unsigned long long hvmd_proc_start_time(pid_t pid);
unsigned long long hvmd_proc_cpu_ms(pid_t pid);
int hvmd_xenstored_ensure(struct hvmd *h) __attribute__((warn_unused_result));

/* hvmd_build.c: start and stop one domain's processes. */
int hvmd_build_start(struct hvmd *h, struct domtab_dom *d, char *err,
		     size_t errlen) __attribute__((warn_unused_result));
void hvmd_build_teardown(struct hvmd *h, struct domtab_dom *d);

/* hvmd_net.c: one tap per vif on its bridge. */
void hvmd_net_tap_name(const struct domtab_dom *d, unsigned int i, char *buf,
		       size_t size);
int hvmd_net_check(const struct hvmd *h, const struct domain_config *cfg,
		   char *err, size_t errlen)
	__attribute__((warn_unused_result));
int hvmd_net_setup(struct hvmd *h, struct domtab_dom *d, char *err,
		   size_t errlen) __attribute__((warn_unused_result));
void hvmd_net_teardown(struct hvmd *h, struct domtab_dom *d);

/* hvmd_ctl.c: one request on the domain's control socket (CTL_OP_*). */
/* HVM parameter @index of the domain (CTL_OP_GET_PARAM). 0 or -errno. */
int hvmd_ctl_get_param(struct hvmd *h, struct domtab_dom *d, unsigned int index,
		       uint64_t *value) __attribute__((warn_unused_result));

/*
 * hvmd_xs.c: the domain's xenstore entries, as libxl makes them, and the
 * introduction of its ring to hvm-xenstored. Returns 0 (also when
 * hvm-domain gave the guest no ring, with a warning), or -errno with a
 * message in @err. Remove releases the domain and removes its entries.
 */
int hvmd_xs_domain_setup(struct hvmd *h, struct domtab_dom *d, char *err,
			 size_t errlen) __attribute__((warn_unused_result));
void hvmd_xs_domain_remove(struct hvmd *h, struct domtab_dom *d);
/*
 * Xen's PV control: writes @cmd ("poweroff", "reboot") to the guest's
 * control/shutdown if it advertises control/feature-@cmd. Returns 0,
 * -EOPNOTSUPP if it does not (no PV drivers), or -errno.
 */
int hvmd_xs_pv_control(struct hvmd *h, struct domtab_dom *d, const char *cmd)
	__attribute__((warn_unused_result));
/* Drops the connection to hvm-xenstored (it exited or was started). */
void hvmd_xs_close(struct hvmd *h);
/* Longest value hvmd_xs_read_num() writes after its "KEY=". */
#define HVMD_XS_VALUE_MAX 24
/*
 * Writes "@key=N" to @out: the number in xenstore node @dir/@node, or -1
 * if it is missing, not a number, or xenstore cannot be reached.
 */
void hvmd_xs_read_num(struct hvmd *h, const char *dir, const char *node,
		      const char *key, char *out, size_t size);

int hvmd_ctl_op(struct hvmd *h, struct domtab_dom *d, unsigned int op)
	__attribute__((warn_unused_result));

/* hvmd_life.c: watching processes and on_poweroff/on_reboot/on_crash. */
void hvmd_life_tick(struct hvmd *h);
void hvmd_life_destroy(struct hvmd *h, struct domtab_dom *d);
void hvmd_life_reboot(struct hvmd *h, struct domtab_dom *d);

/* hvmd_logscan.c: what QEMU and hvm-domain reported in the domain log. */
void hvmd_logscan(struct hvmd *h, struct domtab_dom *d);
/*
 * One log line: the serial pty, PV console pty or VNC address into @d if
 * it is hvm-dm-launch's report for @d ("LEVEL dN qemu: ..." at its start).
 */
void hvmd_logscan_line(struct domtab_dom *d, const char *line);
int hvmd_logscan_exit_status(struct hvmd *h, struct domtab_dom *d);

/* hvmd_state.c: /var/lib/hvm and re-adoption. */
void hvmd_state_save(struct hvmd *h, struct domtab_dom *d);
void hvmd_state_forget(struct hvmd *h, const struct domtab_dom *d);
void hvmd_state_adopt_all(struct hvmd *h);

#endif /* HVMD_HVMD_PRIV_H */
