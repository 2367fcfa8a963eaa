/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The hypervisor's log sink: formats a whole line in a local buffer and
 * writes it with one write(2), so lines from several vCPU threads never
 * interleave. Process-wide settings are fine here because one process
 * serves one domain.
 */
#include "hypervisor/log.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define LOG_LINE_MAX 1024
#define LOG_TAG_MAX 16

static char log_domain[LOG_TAG_MAX] = "-";
static enum log_level log_threshold = LOG_INFO;

static const char *const log_level_names[] = {
	[LOG_ERR] = "err",
	[LOG_WARN] = "warn",
	[LOG_INFO] = "info",
	[LOG_DEBUG] = "debug",
};

void log_set_domain(const char *tag)
{
	if (!tag || !*tag)
		tag = "-";
	snprintf(log_domain, sizeof(log_domain), "%s", tag);
}

void log_set_level(enum log_level level)
{
	log_threshold = level;
}

void log_msg(enum log_level level, const char *component, const char *fmt, ...)
{
	char line[LOG_LINE_MAX];
	va_list ap;
	int n, m;

	if (level > log_threshold || (unsigned int)level > LOG_DEBUG)
		return;
	n = snprintf(line, sizeof(line), "%s %s %s: ", log_level_names[level],
		     log_domain, component);
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
