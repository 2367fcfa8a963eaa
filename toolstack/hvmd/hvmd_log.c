/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hvmd's log: one line per event, "LEVEL dN hvmd: message", on stderr
 * (the journal under systemd) and, for a domain's events, also in that
 * domain's log file next to its hvm-domain and QEMU lines.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hvmd/hvmd_proto.h"
#include "hvmd_logcap.h"
#include "hvmd_priv.h"

/*
 * How often console log sizes are looked at: a guest writing its serial
 * port flat out adds well under 1 MiB a second through QEMU.
 */
#define CONSOLE_LOG_CHECK_SECS 10

void hvmd_log(struct domtab_dom *d, const char *level, const char *fmt, ...)
{
	char msg[1024], line[1200];
	va_list ap;
	int n;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (d)
		n = snprintf(line, sizeof(line), "%s d%u hvmd: %s\n", level,
			     d->domid, msg);
	else
		n = snprintf(line, sizeof(line), "%s hvmd: %s\n", level, msg);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(line))
		n = sizeof(line) - 1;
	if (hvmd_proto_write_all(STDERR_FILENO, line, (size_t)n) < 0)
		return;
	if (d && d->log_fd >= 0 &&
	    hvmd_proto_write_all(d->log_fd, line, (size_t)n) < 0)
		return;
}

void hvmd_log_path(const struct hvmd *h, const struct domtab_dom *d, char *buf,
		   size_t size)
{
	snprintf(buf, size, "%s/%s.log", h->o.log_dir,
		 d->cfg.name ? d->cfg.name : "unnamed");
}

void hvmd_console_log_path(const struct hvmd *h, const struct domtab_dom *d,
			   char *buf, size_t size)
{
	snprintf(buf, size, "%s/" HVMD_CONSOLE_LOG_DIR "/%s.log", h->o.log_dir,
		 d->cfg.name ? d->cfg.name : "unnamed");
}

int hvmd_console_log_open(const struct hvmd *h, struct domtab_dom *d, char *buf,
			  size_t size)
{
	char dir[PATH_MAX + 16];
	int fd;

	snprintf(dir, sizeof(dir), "%s/" HVMD_CONSOLE_LOG_DIR, h->o.log_dir);
	hvmd_console_log_path(h, d, buf, size);
	if (mkdir(dir, 0750) < 0 && errno != EEXIST)
		fd = -1;
	else
		fd = open(buf, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
	if (fd < 0) {
		int rc = -errno;

		hvmd_log(
			d, "warn",
			"cannot create the console log %s: %s; the guest's serial output is not logged (check %s)",
			buf, strerror(-rc), dir);
		return rc;
	}
	close(fd);
	return 0;
}

int hvmd_log_open(const struct hvmd *h, struct domtab_dom *d)
{
	char path[PATH_MAX + 80];
	int fd;

	if (d->log_fd >= 0)
		return 0;
	hvmd_log_path(h, d, path, sizeof(path));
	fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
	if (fd < 0)
		return -errno;
	d->log_fd = fd;
	return 0;
}

void hvmd_console_logs_cap(struct hvmd *h)
{
	char path[PATH_MAX + 80];
	struct timespec now;
	unsigned int i;
	int rc;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (!h->o.console_log_max_bytes || now.tv_sec < h->logcap_at)
		return;
	h->logcap_at = now.tv_sec + CONSOLE_LOG_CHECK_SECS;
	for (i = 0; i < DOMTAB_MAX; i++) {
		struct domtab_dom *d = &h->tab.doms[i];

		if (!d->used)
			continue;
		hvmd_console_log_path(h, d, path, sizeof(path));
		rc = hvmd_logcap_apply(path, h->o.console_log_max_bytes);
		if (rc > 0)
			hvmd_log(
				d, "info",
				"console log %s passed console-log-max (%s); its contents moved to %s.1",
				path, h->o.console_log_max, path);
		else if (rc < 0)
			hvmd_log(
				d, "warn",
				"cannot keep the console log %s within console-log-max: %s; check %s.1 and the log directory",
				path, strerror(-rc), path);
	}
}
