/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hvmloader's mini libc: formatted output into buffers only (no streams).
 * Conversions: %d %i %u %x %X %c %s %p %% with flags '0' and '-', a field
 * width, a precision for %s (also "*"), and the length modifiers hh, h,
 * l, ll, z.
 */
#ifndef HVMLOADER_LIBC_STDIO_H
#define HVMLOADER_LIBC_STDIO_H

#include <stdarg.h>
#include <stddef.h>

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));
int snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif /* HVMLOADER_LIBC_STDIO_H */
