/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The state of one hvm-dm-launch run, shared by the supervision loop
 * (launch_run.c) and its event handlers (launch_events.c).
 */
#ifndef DEVICE_MODEL_LAUNCH_RUN_PRIV_H
#define DEVICE_MODEL_LAUNCH_RUN_PRIV_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "launch_priv.h"

/* After SIGTERM, how long QEMU gets before SIGKILL. */
#define LAUNCH_KILL_GRACE_MS 10000
/* Bound of the QMP queries after "running". */
#define LAUNCH_QMP_TIMEOUT_MS 5000
/* How often the state key is read even without a watch event. */
#define LAUNCH_POLL_MS 1000

struct launch_state {
	const struct launch_opts *o;
	pid_t pid;	      /* QEMU, also its process group */
	int out_fd;	      /* QEMU's output; -1 once closed */
	int sig_fd;	      /* signalfd for SIGCHLD, SIGTERM, SIGINT */
	struct launch_xs *xs; /* until "running" */
	struct launch_relay relay;
	bool waiting;	       /* for "running" */
	bool exited;	       /* QEMU reaped; status valid */
	int status;	       /* from waitpid */
	bool failed;	       /* we failed: exit 1 whatever QEMU does */
	bool terminated;       /* we sent QEMU SIGTERM */
	int64_t wait_deadline; /* ms, for "running" */
	int64_t kill_at;       /* ms, SIGKILL if still there; 0 none */
};

int64_t launch_now_ms(void);

/* Relays what QEMU has written; closes the pipe at EOF. */
void launch_on_output(struct launch_state *s);

/* Handles the pending signals: reaps QEMU, forwards stop requests. */
void launch_on_signal(struct launch_state *s);

/* Checks the state key; once "running", unpauses and reports consoles. */
void launch_on_xenstore(struct launch_state *s);

/* Checks the wait and kill deadlines. */
void launch_on_timer(struct launch_state *s);

/* Asks QEMU's process group to stop, SIGKILL after the grace period. */
void launch_terminate(struct launch_state *s);

#endif /* DEVICE_MODEL_LAUNCH_RUN_PRIV_H */
