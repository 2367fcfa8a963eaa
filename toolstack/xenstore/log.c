/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The log sink of hvm-xenstored: formats a whole line in a local buffer
 * and writes it with one write(2). The threshold is process-wide, set by
 * main() before serving.
 */
#include "xenstored/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>

#define LOG_LINE_MAX 1024

static enum log_level log_threshold = LOG_INFO;

static const char *const log_level_names[] = {
	[LOG_ERR] = "err",
	[LOG_WARN] = "warn",
	[LOG_INFO] = "info",
	[LOG_DEBUG] = "debug",
};

void log_set_level(enum log_level level)
{
	log_threshold = level;
}

bool log_enabled(enum log_level level)
{
	return level <= log_threshold;
}

static int format_domain(char *buf, size_t cap, uint32_t domid)
{
	if (domid == LOG_NO_DOMAIN)
		return snprintf(buf, cap, "-");
	return snprintf(buf, cap, "d%u", (unsigned int)domid);
}

void log_msg(enum log_level level, uint32_t domid, const char *component,
	     const char *fmt, ...)
{
	char line[LOG_LINE_MAX];
	char dom[16];
	va_list ap;
	int n, m;

	if ((unsigned int)level > LOG_DEBUG || !log_enabled(level))
		return;
	if (format_domain(dom, sizeof(dom), domid) < 0)
		return;
	n = snprintf(line, sizeof(line),
		     "xenstored: %s %s %s: ", log_level_names[level], dom,
		     component);
	if (n < 0 || (size_t)n >= sizeof(line))
		return;
	va_start(ap, fmt);
	m = vsnprintf(line + n, sizeof(line) - n, fmt, ap);
	va_end(ap);
	if (m < 0)
		return;
	n += m;
	if ((size_t)n >= sizeof(line) - 1)
		n = sizeof(line) - 2; /* truncated: keep it one line */
	line[n++] = '\n';
	/* Best effort: a log line that cannot be written is not an error. */
	if (write(STDERR_FILENO, line, n) < 0)
		return;
}
