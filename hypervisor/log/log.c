/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The log sink of hypervisor processes and of hvm-xenstored: formats a
 * whole line in a local buffer and writes it with one write(2), so lines
 * from several threads never interleave. Process-wide settings are fine
 * here because they are set once by main(); a process serving several
 * domains passes the domain with each call instead.
 */
#include "hypervisor/log.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define LOG_LINE_MAX 1024
#define LOG_TAG_MAX 16
#define LOG_PREFIX_MAX 32

static char log_prefix[LOG_PREFIX_MAX] = "";
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

void log_set_prefix(const char *program)
{
	if (!program || !*program)
		log_prefix[0] = '\0';
	else
		snprintf(log_prefix, sizeof(log_prefix), "%s: ", program);
}

void log_set_level(enum log_level level)
{
	log_threshold = level;
}

static bool log_enabled(enum log_level level)
{
	return (unsigned int)level <= LOG_DEBUG && level <= log_threshold;
}

__attribute__((format(printf, 4, 0))) static void
log_line(enum log_level level, const char *domain, const char *component,
	 const char *fmt, va_list ap)
{
	char line[LOG_LINE_MAX];
	int n, m;

	n = snprintf(line, sizeof(line), "%s%s %s %s: ", log_prefix,
		     log_level_names[level], domain, component);
	if (n < 0 || (size_t)n >= sizeof(line))
		return;
	m = vsnprintf(line + n, sizeof(line) - n, fmt, ap);
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

void log_msg(enum log_level level, const char *component, const char *fmt, ...)
{
	va_list ap;

	if (!log_enabled(level))
		return;
	va_start(ap, fmt);
	log_line(level, log_domain, component, fmt, ap);
	va_end(ap);
}

void log_dom_msg(enum log_level level, uint32_t domid, const char *component,
		 const char *fmt, ...)
{
	char dom[LOG_TAG_MAX] = "-";
	va_list ap;

	if (!log_enabled(level))
		return;
	if (domid != LOG_NO_DOMAIN)
		snprintf(dom, sizeof(dom), "d%u", (unsigned int)domid);
	va_start(ap, fmt);
	log_line(level, dom, component, fmt, ap);
	va_end(ap);
}
