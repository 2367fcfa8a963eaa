/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Logging for hypervisor processes and the daemons built on the same sink:
 * one line per event on stderr, in the form
 * "[<program>: ]<level> <domain> <component>: <message>", e.g.
 * "err d7 vcpu: ...". The program prefix is empty until log_set_prefix()
 * is called. The domain field is the process's tag ("-" until
 * log_set_domain() is called) for log_msg(), or the domain given with each
 * call for log_dom_msg(). Not for guest-triggered events on hot paths:
 * those need rate limiting (a later log_guest_* layer).
 */
#ifndef HYPERVISOR_LOG_H
#define HYPERVISOR_LOG_H

#include <stdarg.h>
#include <stdint.h>

enum log_level {
	LOG_ERR,
	LOG_WARN,
	LOG_INFO,
	LOG_DEBUG,
};

/* The @domid of log_dom_msg() for an event not tied to one domain. */
#define LOG_NO_DOMAIN UINT32_MAX

/*
 * Sets the domain tag printed on every log_msg() line ("d7"); NULL or ""
 * prints "-". Call from main() before threads start.
 */
void log_set_domain(const char *tag);

/*
 * Sets the program name printed first on every line, followed by ": "
 * ("xenstored" gives "xenstored: info ..."); NULL or "" prints none, the
 * default. Call from main() before threads start.
 */
void log_set_prefix(const char *program);

/* Messages above @level are dropped. The default is LOG_INFO. */
void log_set_level(enum log_level level);

/* Formats and writes one line. @component names the subsystem. */
void log_msg(enum log_level level, const char *component, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * As log_msg(), for a process that serves several domains: the domain
 * field is "d<domid>" of this event, or "-" for LOG_NO_DOMAIN, instead of
 * the process's tag.
 */
void log_dom_msg(enum log_level level, uint32_t domid, const char *component,
		 const char *fmt, ...) __attribute__((format(printf, 4, 5)));

#define log_err(comp, ...) log_msg(LOG_ERR, comp, __VA_ARGS__)
#define log_warn(comp, ...) log_msg(LOG_WARN, comp, __VA_ARGS__)
#define log_info(comp, ...) log_msg(LOG_INFO, comp, __VA_ARGS__)
#define log_debug(comp, ...) log_msg(LOG_DEBUG, comp, __VA_ARGS__)

#define log_dom_err(dom, comp, ...) log_dom_msg(LOG_ERR, dom, comp, __VA_ARGS__)
#define log_dom_warn(dom, comp, ...)                                           \
	log_dom_msg(LOG_WARN, dom, comp, __VA_ARGS__)
#define log_dom_info(dom, comp, ...)                                           \
	log_dom_msg(LOG_INFO, dom, comp, __VA_ARGS__)
#define log_dom_debug(dom, comp, ...)                                          \
	log_dom_msg(LOG_DEBUG, dom, comp, __VA_ARGS__)

#endif /* HYPERVISOR_LOG_H */
