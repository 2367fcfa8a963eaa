/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The log back end inside the guest (log.h): one line per message on the
 * debug console port 0xE9, which the hypervisor collects into the domain
 * log (firmware.md 4.4). The hypervisor's line buffer holds 256 bytes, so
 * messages are cut to fit.
 */
#include "hvmloader/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <xen/xen.h>
#include <xen/sched.h>

#include "hvmloader/io.h"
#include "hvmloader/platform.h"
#include "hvmloader/xen.h"

#define LOG_LINE_MAX 240

static const char *const level_names[] = {
	[LOG_ERR] = "error: ",
	[LOG_WARN] = "warning: ",
	[LOG_INFO] = "",
	[LOG_DEBUG] = "debug: ",
};

static void emit(enum log_level level, const char *fmt, va_list ap)
{
	char line[LOG_LINE_MAX];
	const char *p;
	int n;

	n = snprintf(line, sizeof(line), "hvmloader: %s", level_names[level]);
	if (n < 0 || (size_t)n >= sizeof(line))
		n = 0;
	vsnprintf(line + n, sizeof(line) - (size_t)n, fmt, ap);
	for (p = line; *p; p++)
		outb(PLATFORM_DEBUG_PORT, (uint8_t)*p);
	outb(PLATFORM_DEBUG_PORT, '\n');
}

void log_msg(enum log_level level, const char *fmt, ...)
{
	va_list ap;

	if ((unsigned int)level > LOG_DEBUG)
		level = LOG_ERR;
	va_start(ap, fmt);
	emit(level, fmt, ap);
	va_end(ap);
}

void log_fatal(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit(LOG_ERR, fmt, ap);
	va_end(ap);
	xen_shutdown(SHUTDOWN_crash);
	for (;;)
		__asm__ volatile("cli; hlt");
}
