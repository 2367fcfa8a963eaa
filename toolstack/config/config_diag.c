/* SPDX-License-Identifier: GPL-2.0-only */
/* The bounded message list of the config parser (config_diag.h). */
#include "toolstack/config_diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void config_diag_init(struct config_diag *d)
{
	memset(d, 0, sizeof(*d));
	d->first_error = CONFIG_ERR_NONE;
}

/*
 * When the list is full, an error still gets in by pushing out the latest
 * warning: errors are what the user must act on. Returns true if a slot
 * was freed.
 */
static bool evict_warning(struct config_diag *d, enum config_severity sev)
{
	unsigned int i = d->nr_msgs;

	if (sev != CONFIG_SEV_ERROR)
		return false;
	while (i-- > 0) {
		if (d->msgs[i].severity == CONFIG_SEV_WARNING) {
			memmove(&d->msgs[i], &d->msgs[i + 1],
				(d->nr_msgs - i - 1) * sizeof(d->msgs[0]));
			d->nr_msgs--;
			d->nr_dropped++;
			return true;
		}
	}
	return false;
}

/* Counts the message and returns the slot to fill, or NULL if full. */
static struct config_msg *
new_msg(struct config_diag *d, enum config_severity sev, enum config_error kind)
{
	struct config_msg *m;

	if (sev == CONFIG_SEV_ERROR) {
		if (kind == CONFIG_ERR_NONE)
			kind = CONFIG_ERR_CONFIG;
		if (!d->nr_errors)
			d->first_error = kind;
		d->nr_errors++;
	} else {
		kind = CONFIG_ERR_NONE;
		d->nr_warnings++;
	}
	if (d->nr_msgs >= CONFIG_DIAG_MAX_MSGS && !evict_warning(d, sev)) {
		d->nr_dropped++;
		return NULL;
	}
	m = &d->msgs[d->nr_msgs++];
	m->severity = sev;
	m->kind = kind;
	m->text[0] = '\0';
	return m;
}

/* Config values can hold any byte; keep terminals and logs safe. */
static void sanitise(char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			*s = '?';
}

static void add_va(struct config_diag *d, enum config_severity sev,
		   enum config_error kind, const char *prefix, const char *fmt,
		   va_list ap) __attribute__((format(printf, 5, 0)));

static void add_va(struct config_diag *d, enum config_severity sev,
		   enum config_error kind, const char *prefix, const char *fmt,
		   va_list ap)
{
	struct config_msg *m = new_msg(d, sev, kind);
	int n;

	if (!m)
		return;
	n = snprintf(m->text, sizeof(m->text), "%s", prefix);
	if (n < 0 || (size_t)n >= sizeof(m->text))
		n = 0;
	vsnprintf(m->text + n, sizeof(m->text) - (size_t)n, fmt, ap);
	sanitise(m->text);
}

void config_diag_add(struct config_diag *d, enum config_severity sev,
		     enum config_error kind, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_va(d, sev, kind, "", fmt, ap);
	va_end(ap);
}

void config_diag_add_at(struct config_diag *d, enum config_severity sev,
			enum config_error kind, const struct config_loc *loc,
			const char *fmt, ...)
{
	char prefix[CONFIG_DIAG_TEXT_MAX], line[16] = "", key[96] = "";
	va_list ap;

	if (loc->line)
		snprintf(line, sizeof(line), ":%u", loc->line);
	if (loc->key && loc->index >= 0)
		snprintf(key, sizeof(key), "%s[%d]: ", loc->key, loc->index);
	else if (loc->key)
		snprintf(key, sizeof(key), "%s: ", loc->key);
	snprintf(prefix, sizeof(prefix), "%s%s%s%s", loc->src ? loc->src : "",
		 loc->src ? line : "", loc->src ? ": " : "", key);
	va_start(ap, fmt);
	add_va(d, sev, kind, prefix, fmt, ap);
	va_end(ap);
}

bool config_diag_has_errors(const struct config_diag *d)
{
	return d->nr_errors != 0;
}

const char *config_diag_find(const struct config_diag *d, const char *needle)
{
	unsigned int i;

	for (i = 0; i < d->nr_msgs; i++)
		if (strstr(d->msgs[i].text, needle))
			return d->msgs[i].text;
	return NULL;
}
