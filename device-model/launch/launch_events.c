/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What hvm-dm-launch does when something happens: QEMU writes output,
 * a signal arrives (QEMU exited, or we are asked to stop), the xenstore
 * state key changes (QEMU is ready: unpause the domain, report the
 * consoles), or a deadline passes.
 */
#include "launch_run_priv.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "hypervisor/ctl_proto.h"
#include "hypervisor/log.h"

/* Reads of QEMU's output per wakeup (1 MiB). */
#define OUTPUT_MAX_READS 256
/* The control socket's reply time limit; hvm-domain answers at once. */
#define CTL_TIMEOUT_S 5

int64_t launch_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void launch_on_output(struct launch_state *s)
{
	char buf[4096];
	unsigned int n;
	ssize_t r;

	/* Bounded, so that a flood of output cannot starve the signals. */
	for (n = 0; s->out_fd >= 0 && n < OUTPUT_MAX_READS; n++) {
		r = read(s->out_fd, buf, sizeof(buf));
		if (r > 0) {
			launch_relay_feed(&s->relay, buf, (size_t)r);
			continue;
		}
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0 && errno == EAGAIN)
			return;
		launch_relay_flush(&s->relay);
		close(s->out_fd);
		s->out_fd = -1;
	}
}

void launch_terminate(struct launch_state *s)
{
	if (s->exited || s->kill_at)
		return;
	s->terminated = true;
	if (kill(-s->pid, SIGTERM) && errno != ESRCH)
		log_warn(LAUNCH_COMP, "cannot signal qemu (pid %d): %s",
			 (int)s->pid, strerror(errno));
	s->kill_at = launch_now_ms() + LAUNCH_KILL_GRACE_MS;
}

static void reap(struct launch_state *s)
{
	pid_t p;
	int status;

	do
		p = waitpid(s->pid, &status, WNOHANG);
	while (p < 0 && errno == EINTR);
	if (p != s->pid)
		return;
	s->exited = true;
	s->status = status;
	/* What QEMU wrote before it exited is in the pipe: log it first. */
	launch_on_output(s);
	/* After a stop request, an early exit is what was asked for. */
	if (s->waiting && !s->failed && !s->terminated) {
		log_err(LAUNCH_COMP,
			"qemu exited before it reported running; see the qemu lines above");
		s->failed = true;
	}
	s->waiting = false;
}

void launch_on_signal(struct launch_state *s)
{
	struct signalfd_siginfo si;

	while (read(s->sig_fd, &si, sizeof(si)) == (ssize_t)sizeof(si)) {
		if (si.ssi_signo == SIGCHLD) {
			reap(s);
			continue;
		}
		if (s->exited)
			continue;
		log_info(LAUNCH_COMP, "got signal %u; stopping qemu (pid %d)",
			 si.ssi_signo, (int)s->pid);
		launch_terminate(s);
	}
}

static int unpause(const char *path)
{
	const struct timeval tv = {.tv_sec = CTL_TIMEOUT_S};
	struct ctl_client c = {.sock = -1};
	int rc;

	rc = ctl_connect(path);
	if (rc < 0)
		return rc;
	c.sock = rc;
	if (setsockopt(c.sock, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) ||
	    setsockopt(c.sock, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv)))
		rc = -errno;
	else
		rc = ctl_call(&c, CTL_OP_UNPAUSE, NULL, NULL, NULL, 0, NULL);
	close(c.sock);
	return rc;
}

/* Logs and publishes where the serial console and VNC are. */
static void report_consoles(struct launch_state *s)
{
	const char *qmp = s->o->cfg.qmp_path;
	struct launch_qmp_info info;
	bool v6;
	int rc;

	if (!qmp[0])
		return;
	rc = launch_qmp_query(qmp, LAUNCH_QMP_TIMEOUT_MS, &info);
	if (rc) {
		log_warn(
			LAUNCH_COMP,
			"cannot query qemu's QMP socket %s: %s; console and VNC addresses are unknown",
			qmp, strerror(-rc));
		return;
	}
	if (info.serial_pty[0])
		log_info(LAUNCH_QEMU_COMP, "serial console on %s",
			 info.serial_pty);
	if (info.pv_console_pty[0])
		log_info(LAUNCH_QEMU_COMP, "PV console on %s",
			 info.pv_console_pty);
	v6 = strchr(info.vnc_host, ':') != NULL;
	if (info.vnc_host[0])
		log_info(LAUNCH_QEMU_COMP, "VNC on %s%s%s:%s", v6 ? "[" : "",
			 info.vnc_host, v6 ? "]" : "", info.vnc_service);
	launch_xs_publish(s->xs, &info);
}

static void on_running(struct launch_state *s)
{
	int rc;

	s->waiting = false;
	log_info(LAUNCH_COMP, "qemu is running; unpausing the domain");
	rc = unpause(s->o->ctl_path);
	if (rc) {
		log_err(LAUNCH_COMP,
			"cannot unpause domain %u through %s: %s; check that hvm-domain runs with --ctl %s",
			s->o->cfg.domid, s->o->ctl_path, strerror(-rc),
			s->o->ctl_path);
		s->failed = true;
		launch_terminate(s);
		return;
	}
	log_info(LAUNCH_COMP, "domain %u unpaused", s->o->cfg.domid);
	report_consoles(s);
	launch_xs_close(s->xs);
	s->xs = NULL;
}

void launch_on_xenstore(struct launch_state *s)
{
	bool running = false;
	int rc;

	if (!s->waiting || !s->xs)
		return;
	rc = launch_xs_is_running(s->xs, &running);
	if (rc) {
		log_err(LAUNCH_COMP,
			"lost xenstore while waiting for qemu: %s; check hvm-xenstored",
			strerror(-rc));
		s->failed = true;
		s->waiting = false;
		launch_terminate(s);
		return;
	}
	if (running)
		on_running(s);
}

void launch_on_timer(struct launch_state *s)
{
	int64_t now = launch_now_ms();

	if (s->waiting && now >= s->wait_deadline) {
		log_err(LAUNCH_COMP,
			"qemu did not report running within %u s; see the qemu lines above, and check hvm-domain and hvm-xenstored",
			s->o->wait_s);
		s->failed = true;
		s->waiting = false;
		launch_terminate(s);
	}
	if (s->kill_at && !s->exited && now >= s->kill_at) {
		log_warn(LAUNCH_COMP,
			 "qemu (pid %d) ignored SIGTERM for %d s; killing it",
			 (int)s->pid, LAUNCH_KILL_GRACE_MS / 1000);
		if (kill(-s->pid, SIGKILL) && errno != ESRCH)
			log_warn(LAUNCH_COMP, "cannot kill qemu (pid %d): %s",
				 (int)s->pid, strerror(errno));
		s->kill_at = 0;
	}
}
