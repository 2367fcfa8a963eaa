/* SPDX-License-Identifier: GPL-2.0-only */
/* Typed reads of parsed config values (cfg_value_priv.h). */
#include "cfg_value_priv.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void report(struct cfg_ctx *c, const struct cfg_value *v,
		   enum config_severity sev, const char *fmt, va_list ap)
	__attribute__((format(printf, 4, 0)));

static void report(struct cfg_ctx *c, const struct cfg_value *v,
		   enum config_severity sev, const char *fmt, va_list ap)
{
	struct config_loc loc = {c->doc->main_src, 0, c->key, c->index};
	char msg[CONFIG_DIAG_TEXT_MAX];

	if (v && v->src) {
		loc.src = v->src;
		loc.line = v->line;
	}
	vsnprintf(msg, sizeof(msg), fmt, ap);
	config_diag_add_at(c->diag, sev, CONFIG_ERR_CONFIG, &loc, "%s", msg);
}

void cfg_value_error(struct cfg_ctx *c, const struct cfg_value *v,
		     const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(c, v, CONFIG_SEV_ERROR, fmt, ap);
	va_end(ap);
}

void cfg_value_warn(struct cfg_ctx *c, const struct cfg_value *v,
		    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(c, v, CONFIG_SEV_WARNING, fmt, ap);
	va_end(ap);
}

int cfg_value_string(struct cfg_ctx *c, const struct cfg_value *v,
		     const char **out)
{
	if (v->kind == CFG_VAL_STRING) {
		*out = v->text;
		return 0;
	}
	if (v->kind == CFG_VAL_NUMBER)
		cfg_value_error(
			c, v,
			"expected a quoted string, saw the number %s; write %s = \"%s\"",
			v->text, c->key, v->text);
	else
		cfg_value_error(c, v, "expected a string, saw a list");
	return -EINVAL;
}

int cfg_value_dup(struct cfg_ctx *c, const struct cfg_value *v, char **dst)
{
	const char *s;
	char *copy;

	if (cfg_value_string(c, v, &s))
		return -EINVAL;
	copy = strdup(s);
	if (!copy)
		return -ENOMEM;
	free(*dst);
	*dst = copy;
	return 0;
}

static bool is_digit_in(int ch, int base)
{
	if (base == 8)
		return ch >= '0' && ch <= '7';
	if (ch >= '0' && ch <= '9')
		return true;
	return base == 16 &&
	       ((ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F'));
}

/*
 * Parses "[+|-](digits|0xhex|0octal)" into a sign and a magnitude, as
 * libxlutil reads numbers (strtol with base 0): a leading 0 means octal,
 * so 0100 is 64 and 08 is no number. *@octal says whether it was.
 */
static int parse_number(const char *s, bool *neg, uint64_t *mag, bool *octal)
{
	unsigned long long n;
	const char *p;
	int base = 10;

	*neg = *s == '-';
	*octal = false;
	if (*s == '-' || *s == '+')
		s++;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	} else if (s[0] == '0' && s[1]) {
		base = 8;
		*octal = true;
		s++;
	}
	if (!*s)
		return -EINVAL;
	for (p = s; *p; p++)
		if (!is_digit_in((unsigned char)*p, base))
			return -EINVAL;
	errno = 0;
	n = strtoull(s, NULL, base);
	if (errno == ERANGE)
		return -ERANGE;
	*mag = n;
	return 0;
}

/* Whether @s is "[+|-]digits" (then a failed octal number had an 8 or 9). */
static bool all_decimal(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

/* Reads @v as a number; reports lists, words and overflow. */
static int read_number(struct cfg_ctx *c, const struct cfg_value *v, bool *neg,
		       uint64_t *mag)
{
	bool octal;
	int rc;

	if (v->kind == CFG_VAL_LIST) {
		cfg_value_error(c, v, "expected a number, saw a list");
		return -EINVAL;
	}
	rc = parse_number(v->text, neg, mag, &octal);
	if (rc == -ERANGE)
		cfg_value_error(c, v, "%s is too large", v->text);
	else if (rc && octal && all_decimal(v->text))
		cfg_value_error(
			c, v,
			"'%s' is not a number as xl reads it: a leading 0 means octal (digits 0-7); drop the 0",
			v->text);
	else if (rc)
		cfg_value_error(c, v, "expected a whole number, saw '%s'",
				v->text);
	else if (octal && *mag >= 8)
		cfg_value_warn(
			c, v,
			"%s is octal, as xl reads it: %s%llu; drop the leading 0 for decimal",
			v->text, *neg ? "-" : "", (unsigned long long)*mag);
	return rc ? -EINVAL : 0;
}

int cfg_value_u64(struct cfg_ctx *c, const struct cfg_value *v, uint64_t min,
		  uint64_t max, uint64_t *out)
{
	uint64_t mag;
	bool neg;

	if (read_number(c, v, &neg, &mag))
		return -EINVAL;
	if ((neg && mag) || mag < min || mag > max) {
		cfg_value_error(c, v, "%s is out of range; use %llu to %llu",
				v->text, (unsigned long long)min,
				(unsigned long long)max);
		return -EINVAL;
	}
	*out = mag;
	return 0;
}

int cfg_value_s64(struct cfg_ctx *c, const struct cfg_value *v, int64_t min,
		  int64_t max, int64_t *out)
{
	uint64_t mag;
	int64_t val;
	bool neg;

	if (read_number(c, v, &neg, &mag))
		return -EINVAL;
	if (mag > (uint64_t)INT64_MAX + (neg ? 1 : 0))
		goto range;
	if (neg)
		val = mag > (uint64_t)INT64_MAX ? INT64_MIN : -(int64_t)mag;
	else
		val = (int64_t)mag;
	if (val < min || val > max)
		goto range;
	*out = val;
	return 0;
range:
	cfg_value_error(c, v, "%s is out of range; use %lld to %lld", v->text,
			(long long)min, (long long)max);
	return -EINVAL;
}

int cfg_value_bool(struct cfg_ctx *c, const struct cfg_value *v, bool *out)
{
	uint64_t mag;
	bool neg, octal;

	if (v->kind == CFG_VAL_LIST ||
	    parse_number(v->text, &neg, &mag, &octal) || neg || mag > 1) {
		cfg_value_error(c, v, "expected 0 or 1, saw %s%s%s",
				v->kind == CFG_VAL_LIST ? "a list" : "'",
				v->kind == CFG_VAL_LIST ? "" : v->text,
				v->kind == CFG_VAL_LIST ? "" : "'");
		return -EINVAL;
	}
	*out = mag == 1;
	return 0;
}

int cfg_value_pick(struct cfg_ctx *c, const struct cfg_value *v,
		   const char *const *names, unsigned int nr, unsigned int *out)
{
	char choices[256] = "";
	const char *s;
	unsigned int i;
	size_t n = 0;

	if (cfg_value_string(c, v, &s))
		return -EINVAL;
	for (i = 0; i < nr; i++) {
		if (!strcmp(s, names[i])) {
			*out = i;
			return 0;
		}
	}
	for (i = 0; i < nr && n < sizeof(choices); i++)
		n += (size_t)snprintf(choices + n, sizeof(choices) - n, "%s%s",
				      i ? ", " : "", names[i]);
	cfg_value_error(c, v, "unknown value '%s'; use one of: %s", s, choices);
	return -EINVAL;
}

int cfg_value_items(struct cfg_ctx *c, const struct cfg_value *v,
		    const struct cfg_value **items, unsigned int *nr)
{
	if (v->kind == CFG_VAL_LIST) {
		*items = v->items;
		*nr = v->nr_items;
		return 0;
	}
	if (v->kind == CFG_VAL_STRING) {
		/* "vif=" on the command line clears the list. */
		*items = v;
		*nr = v->bare && !v->text[0] ? 0 : 1;
		return 0;
	}
	cfg_value_error(c, v, "expected a list of strings, saw the number %s",
			v->text);
	return -EINVAL;
}
