/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The log back end of host unit tests (log.h): messages go to stderr, and
 * log_fatal() aborts the test program. Never linked into hvmloader.
 */
#include "hvmloader/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void log_msg(enum log_level level, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "hvmloader[%d]: ", (int)level);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void log_fatal(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "hvmloader fatal: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}
