/* SPDX-License-Identifier: GPL-2.0-only */
/* Growable argument vectors for helper command lines (hvmd_argv.h). */
#include "hvmd_argv.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void hvmd_argv_add(struct hvmd_argv *a, const char *fmt, ...)
{
	va_list ap;
	char *s = NULL;
	int n;

	if (a->rc)
		return;
	if (a->n >= HVMD_ARGV_MAX) {
		a->rc = -E2BIG;
		return;
	}
	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0) {
		a->rc = -ENOMEM;
		return;
	}
	a->v[a->n++] = s;
	a->v[a->n] = NULL;
}

void hvmd_argv_free(struct hvmd_argv *a)
{
	unsigned int i;

	for (i = 0; i < a->n; i++)
		free(a->v[i]);
	a->n = 0;
	a->v[0] = NULL;
	a->rc = 0;
}
