/* SPDX-License-Identifier: GPL-2.0-only */
/* Parsing a vCPU thread's comm and stat text (hvmd_vcpustat.h). */
#include "hvmd_vcpustat.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "toolstack/domain_config.h"

/* proc(5) field numbers, counting the pid as 1. */
#define STAT_STATE 3
#define STAT_UTIME 14
#define STAT_STIME 15
#define STAT_PROCESSOR 39

/*
 * One field after a single space: a decimal number, negative in a few
 * fields (priority, nice) that we do not use. Returns the end of the
 * field, or NULL if there is none or it is not a number.
 */
static const char *stat_number(const char *p, unsigned long long *val,
			       bool *neg)
{
	char *end;

	if (*p != ' ')
		return NULL;
	p++;
	*neg = *p == '-';
	if (p[*neg] < '0' || p[*neg] > '9')
		return NULL;
	errno = 0;
	*val = strtoull(p + *neg, &end, 10);
	if (errno || (*end && *end != ' ' && *end != '\n'))
		return NULL;
	return end;
}

/* Fields 4 to 39 after the state letter at @p; keeps the ones we show. */
static int stat_fields(const char *p, struct hvmd_vcpustat *st)
{
	unsigned long long val;
	unsigned int field;
	bool neg;

	for (field = STAT_STATE + 1; field <= STAT_PROCESSOR; field++) {
		p = stat_number(p, &val, &neg);
		if (!p)
			return -EINVAL;
		if (neg && (field == STAT_UTIME || field == STAT_STIME ||
			    field == STAT_PROCESSOR))
			return -EINVAL;
		if (field == STAT_UTIME)
			st->utime = val;
		else if (field == STAT_STIME)
			st->stime = val;
	}
	if (val > UINT_MAX)
		return -EINVAL;
	st->processor = (unsigned int)val;
	return 0;
}

int hvmd_vcpustat_parse(const char *line, struct hvmd_vcpustat *out)
{
	const char *p = strrchr(line, ')');
	struct hvmd_vcpustat st = {0};
	int rc;

	/* ") S ": the name's end, then the one-letter state. */
	if (!p || p[1] != ' ' || !isalpha((unsigned char)p[2]) || p[3] != ' ')
		return -EINVAL;
	st.state = p[2];
	rc = stat_fields(p + 3, &st);
	if (rc)
		return rc;
	*out = st;
	return 0;
}

int hvmd_vcpustat_comm(const char *comm, unsigned int *id)
{
	const char *p = comm + 4;
	unsigned int n = 0;

	if (strncmp(comm, "vcpu", 4) || *p < '0' || *p > '9' ||
	    (p[0] == '0' && p[1] >= '0' && p[1] <= '9'))
		return -EINVAL;
	for (; *p >= '0' && *p <= '9'; p++) {
		n = n * 10 + (unsigned int)(*p - '0');
		if (n >= DOMAIN_CONFIG_MAX_VCPUS)
			return -EINVAL;
	}
	if (*p == '\n')
		p++;
	if (*p)
		return -EINVAL;
	*id = n;
	return 0;
}

const char *hvmd_vcpustat_flags(const struct hvmd_vcpustat *st, bool paused)
{
	if (paused)
		return "--p";
	switch (st->state) {
	case 'R':
		return "r--";
	case 'S':
	case 'D':
		return "-b-";
	default:
		return "---";
	}
}

void hvmd_vcpustat_time(const struct hvmd_vcpustat *st, long hz, char *buf,
			size_t size)
{
	unsigned long long tenths = 0;

	if (hz > 0)
		tenths = (st->utime + st->stime) * 10ULL /
			 (unsigned long long)hz;
	snprintf(buf, size, "%llu.%llu", tenths / 10, tenths % 10);
}
