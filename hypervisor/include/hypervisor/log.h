/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Logging for hypervisor processes: one line per event on stderr, in the
 * form "<level> <domain> <component>: <message>", e.g.
 * "err d7 vcpu: ...". The domain field is "-" until log_set_domain() is
 * called. Not for guest-triggered events on hot paths: those need rate
 * limiting (a later log_guest_* layer).
 */
#ifndef HYPERVISOR_LOG_H
#define HYPERVISOR_LOG_H

#include <stdarg.h>

enum log_level {
	LOG_ERR,
	LOG_WARN,
	LOG_INFO,
	LOG_DEBUG,
};

/*
 * Sets the domain tag printed on every line ("d7"); NULL or "" prints "-".
 * Call from main() before threads start.
 */
void log_set_domain(const char *tag);

/* Messages above @level are dropped. The default is LOG_INFO. */
void log_set_level(enum log_level level);

/* Formats and writes one line. @component names the subsystem. */
void log_msg(enum log_level level, const char *component, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#define log_err(comp, ...) log_msg(LOG_ERR, comp, __VA_ARGS__)
#define log_warn(comp, ...) log_msg(LOG_WARN, comp, __VA_ARGS__)
#define log_info(comp, ...) log_msg(LOG_INFO, comp, __VA_ARGS__)
#define log_debug(comp, ...) log_msg(LOG_DEBUG, comp, __VA_ARGS__)

#endif /* HYPERVISOR_LOG_H */
