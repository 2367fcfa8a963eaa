/* SPDX-License-Identifier: GPL-2.0-only */
/* The unit-test harness behind hvm_test.h. */
#include "hvm_test.h"

#include <stdarg.h>
#include <stdio.h>

static unsigned int nr_cases, nr_failed_cases, nr_failures;
static unsigned int case_failures;

void hvm_test_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "FAIL %s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	nr_failures++;
	case_failures++;
}

void hvm_test_run(const char *name, void (*fn)(void))
{
	case_failures = 0;
	fn();
	nr_cases++;
	if (case_failures)
		nr_failed_cases++;
	printf("%s %s\n", case_failures ? "FAIL" : "ok  ", name);
}

int hvm_test_summary(void)
{
	printf("%u passed, %u failed\n", nr_cases - nr_failed_cases,
	       nr_failed_cases);
	return nr_failed_cases ? 1 : 0;
}
