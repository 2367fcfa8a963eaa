/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hvmloader's logging API. Inside the guest every message becomes one line
 * "hvmloader: <level>: <message>" on the debug console port 0xE9, which the
 * hypervisor copies into the domain log (log_debugcon.c); host unit tests
 * link a stderr back end (log_stdio.c). Messages start lower-case and end
 * without a newline.
 */
#ifndef HVMLOADER_LOG_H
#define HVMLOADER_LOG_H

enum log_level {
	LOG_ERR,
	LOG_WARN,
	LOG_INFO,
	LOG_DEBUG,
};

void log_msg(enum log_level level, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * Logs @fmt as an error and stops the domain (SCHEDOP_shutdown with reason
 * crash, then halts). Never returns.
 */
void log_fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)))
__attribute__((noreturn));

#define log_err(...) log_msg(LOG_ERR, __VA_ARGS__)
#define log_warn(...) log_msg(LOG_WARN, __VA_ARGS__)
#define log_info(...) log_msg(LOG_INFO, __VA_ARGS__)
#define log_debug(...) log_msg(LOG_DEBUG, __VA_ARGS__)

#endif /* HVMLOADER_LOG_H */
