/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Logging for hvm-xenstored: every event is one line on stderr,
 * "xenstored: <level> <domain> <component>: <message>", where <domain> is
 * "d<domid>" for an event caused by one connection and "-" otherwise. A
 * line is written with one write(2), so lines never interleave. There is
 * no rate limit here: events a client can trigger at will are logged at
 * debug level, or once per connection.
 */
#ifndef XENSTORED_LOG_H
#define XENSTORED_LOG_H

#include <stdbool.h>
#include <stdint.h>

enum log_level {
	LOG_ERR,
	LOG_WARN,
	LOG_INFO,
	LOG_DEBUG,
};

/* The <domain> value of events not tied to one domain. */
#define LOG_NO_DOMAIN UINT32_MAX

/* Lines above @level are dropped; the default is LOG_INFO. */
void log_set_level(enum log_level level);

/* True if a line at @level would be written (to skip costly formatting). */
bool log_enabled(enum log_level level);

/* Formats and writes one line; @component names the subsystem. */
void log_msg(enum log_level level, uint32_t domid, const char *component,
	     const char *fmt, ...) __attribute__((format(printf, 4, 5)));

#define log_err(dom, comp, ...) log_msg(LOG_ERR, dom, comp, __VA_ARGS__)
#define log_warn(dom, comp, ...) log_msg(LOG_WARN, dom, comp, __VA_ARGS__)
#define log_info(dom, comp, ...) log_msg(LOG_INFO, dom, comp, __VA_ARGS__)
#define log_debug(dom, comp, ...) log_msg(LOG_DEBUG, dom, comp, __VA_ARGS__)

#endif /* XENSTORED_LOG_H */
