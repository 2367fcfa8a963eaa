/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Optional debug log of our Xen libraries. QEMU's stderr is the domain's
 * device-model log, so the libraries never write there; setting
 * HVM_XENLIB_LOG=<file> appends one line per event to that file instead:
 * level, domain, "xenlib", process id, message.
 */
#define _GNU_SOURCE
#include "xenlib_priv.h"

#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define LOG_LINE_MAX 512

static pthread_once_t log_once = PTHREAD_ONCE_INIT;
static int log_fd = -1;

static void log_open(void)
{
	const char *path = getenv("HVM_XENLIB_LOG");

	if (!path || !*path)
		return;
	log_fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
}

static const char *level_name(enum xenlib_level level)
{
	switch (level) {
	case XENLIB_LOG_ERR:
		return "err";
	case XENLIB_LOG_WARN:
		return "warn";
	case XENLIB_LOG_INFO:
		return "info";
	case XENLIB_LOG_DEBUG:
	default:
		return "debug";
	}
}

static int format_prefix(char *buf, size_t size, enum xenlib_level level,
			 uint32_t domid)
{
	if (domid == XENLIB_NO_DOMID)
		return snprintf(buf, size,
				"%s - xenlib[%ld]: ", level_name(level),
				(long)getpid());
	return snprintf(buf, size, "%s d%u xenlib[%ld]: ", level_name(level),
			domid, (long)getpid());
}

void xenlib_log(enum xenlib_level level, uint32_t domid, const char *fmt, ...)
{
	char line[LOG_LINE_MAX];
	int saved = errno;
	size_t room;
	va_list ap;
	int n, m;

	pthread_once(&log_once, log_open);
	if (log_fd < 0)
		goto out;
	n = format_prefix(line, sizeof(line), level, domid);
	if (n < 0 || (size_t)n >= sizeof(line))
		goto out;
	/* A long message is cut; one byte stays free for the newline. */
	room = sizeof(line) - (size_t)n - 1;
	va_start(ap, fmt);
	m = vsnprintf(line + n, room, fmt, ap);
	va_end(ap);
	if (m < 0)
		goto out;
	n += (size_t)m < room ? m : (int)room - 1;
	line[n++] = '\n';
	/* One write per line: O_APPEND keeps concurrent lines whole. */
	(void)!write(log_fd, line, n);
out:
	errno = saved;
}
