/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A small growable argument vector for the helper command lines hvmd
 * builds: printf-style appends, one allocation per argument.
 */
#ifndef HVMD_HVMD_ARGV_H
#define HVMD_HVMD_ARGV_H

#define HVMD_ARGV_MAX 64

struct hvmd_argv {
	char *v[HVMD_ARGV_MAX + 1]; /* NULL-terminated */
	unsigned int n;
	int rc; /* first error: -ENOMEM or -E2BIG; appends stop then */
};

/* Appends one formatted argument; errors are kept in @a->rc. */
void hvmd_argv_add(struct hvmd_argv *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Frees every argument; @a is then empty. */
void hvmd_argv_free(struct hvmd_argv *a);

#endif /* HVMD_HVMD_ARGV_H */
