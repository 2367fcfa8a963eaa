/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * String vectors and the string builder behind dm_build_argv() and
 * dm_build_env(): bounded, with one sticky error per string so that the
 * builders can append a whole option and check once.
 */
#include "dm_launch_priv.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Far more than any QEMU command line or sane environment needs. */
#define DM_ARGV_MAX 4096
/* Longest string copied as is: the kernel's MAX_ARG_STRLEN. */
#define DM_ARG_MAX (128 * 1024)

static void str_reserve(struct dm_str *s, size_t extra)
{
	size_t want, cap;
	char *p;

	if (s->rc)
		return;
	if (extra > DM_STR_MAX || s->len + extra > DM_STR_MAX) {
		s->rc = -E2BIG;
		return;
	}
	want = s->len + extra + 1;
	if (want <= s->cap)
		return;
	cap = s->cap ? s->cap : 64;
	while (cap < want)
		cap *= 2;
	p = realloc(s->buf, cap);
	if (!p) {
		s->rc = -ENOMEM;
		return;
	}
	s->buf = p;
	s->cap = cap;
}

void dm_str_addf(struct dm_str *s, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (s->rc)
		return;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		s->rc = -EINVAL;
		return;
	}
	str_reserve(s, (size_t)n);
	if (s->rc)
		return;
	va_start(ap, fmt);
	vsnprintf(s->buf + s->len, s->cap - s->len, fmt, ap);
	va_end(ap);
	s->len += (size_t)n;
}

void dm_str_add_escaped(struct dm_str *s, const char *v)
{
	size_t n = strlen(v), i;

	for (i = 0; i < n; i++)
		if (v[i] == ',')
			n++;
	str_reserve(s, n);
	if (s->rc)
		return;
	for (; *v; v++) {
		s->buf[s->len++] = *v;
		if (*v == ',')
			s->buf[s->len++] = ',';
	}
	s->buf[s->len] = '\0';
}

void dm_str_free(struct dm_str *s)
{
	free(s->buf);
	memset(s, 0, sizeof(*s));
}

/* Makes room for one more string and the terminating NULL. */
static int argv_reserve(struct dm_argv *a)
{
	unsigned int cap;
	char **p;

	if (a->argc + 1 < a->cap)
		return 0;
	if (a->argc >= DM_ARGV_MAX)
		return -E2BIG;
	cap = a->cap ? a->cap * 2 : 32;
	p = realloc(a->argv, cap * sizeof(*p));
	if (!p)
		return -ENOMEM;
	a->argv = p;
	a->cap = cap;
	return 0;
}

int dm_argv_push_str(struct dm_argv *a, struct dm_str *s)
{
	int rc = s->rc;

	if (!rc && !s->buf)
		dm_str_addf(s, "%s", "");
	rc = rc ? rc : s->rc;
	if (!rc)
		rc = argv_reserve(a);
	if (rc) {
		dm_str_free(s);
		return rc;
	}
	a->argv[a->argc++] = s->buf;
	a->argv[a->argc] = NULL;
	memset(s, 0, sizeof(*s));
	return 0;
}

int dm_argv_add(struct dm_argv *a, const char *v)
{
	size_t n = strnlen(v, DM_ARG_MAX);
	char *copy;
	int rc;

	if (n >= DM_ARG_MAX)
		return -E2BIG;
	rc = argv_reserve(a);
	if (rc)
		return rc;
	copy = malloc(n + 1);
	if (!copy)
		return -ENOMEM;
	memcpy(copy, v, n + 1);
	a->argv[a->argc++] = copy;
	a->argv[a->argc] = NULL;
	return 0;
}

int dm_argv_addf(struct dm_argv *a, const char *fmt, ...)
{
	struct dm_str s = {0};
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return -EINVAL;
	str_reserve(&s, (size_t)n);
	if (!s.rc) {
		va_start(ap, fmt);
		vsnprintf(s.buf, s.cap, fmt, ap);
		va_end(ap);
		s.len = (size_t)n;
	}
	return dm_argv_push_str(a, &s);
}

void dm_argv_free(struct dm_argv *a)
{
	unsigned int i;

	for (i = 0; a->argv && i < a->argc; i++)
		free(a->argv[i]);
	free(a->argv);
	memset(a, 0, sizeof(*a));
}

int dm_fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err && errlen) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return -EINVAL;
}
