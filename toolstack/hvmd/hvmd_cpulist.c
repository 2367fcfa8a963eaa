/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host CPU lists (hvmd_cpulist.h). Numbers and ranges go through
 * hvm-domain's own --cpus parser (hypervisor/cpu_list.h); this file adds
 * "all" and the "^" exclusions of xl's syntax.
 */
#include "hvmd_cpulist.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "hypervisor/cpu_list.h"

/* The longest item: "^1023-1023" and a NUL, with room. */
#define ITEM_MAX 24

static void set_all(cpu_set_t *set)
{
	unsigned int i;

	CPU_ZERO(set);
	for (i = 0; i < CPU_SETSIZE; i++)
		CPU_SET(i, set);
}

/* Applies one item of @len bytes at @s to @set: adds or, with "^", clears. */
static int apply_item(const char *s, size_t len, cpu_set_t *set)
{
	char buf[ITEM_MAX];
	bool clear = len && s[0] == '^';
	unsigned int i;
	cpu_set_t item;

	if (len == 0 || len >= sizeof(buf))
		return -EINVAL;
	memcpy(buf, s + clear, len - clear);
	buf[len - clear] = '\0';
	/* One item: cpu_list_parse() would take "1,2" after a stray '^'. */
	if (strchr(buf, ',') || cpu_list_parse(buf, &item))
		return -EINVAL;
	if (!clear) {
		CPU_OR(set, set, &item);
		return 0;
	}
	for (i = 0; i < CPU_SETSIZE; i++)
		if (CPU_ISSET(i, &item))
			CPU_CLR(i, set);
	return 0;
}

int hvmd_cpulist_parse(const char *s, cpu_set_t *out)
{
	const char *comma;
	cpu_set_t set;
	size_t len;

	if (!strcmp(s, "all")) {
		set_all(out);
		return 0;
	}
	CPU_ZERO(&set);
	if (s[0] == '^')
		set_all(&set);
	for (;;) {
		comma = strchr(s, ',');
		len = comma ? (size_t)(comma - s) : strlen(s);
		if (apply_item(s, len, &set))
			return -EINVAL;
		if (!comma)
			break;
		s = comma + 1;
	}
	if (CPU_COUNT(&set) == 0)
		return -EINVAL;
	*out = set;
	return 0;
}

/* True if every CPU of @online is in @set. */
static bool covers(const cpu_set_t *set, const cpu_set_t *online)
{
	cpu_set_t both;

	CPU_AND(&both, set, online);
	return CPU_COUNT(online) > 0 && CPU_EQUAL(&both, online);
}

void hvmd_cpulist_format(const cpu_set_t *set, const cpu_set_t *online,
			 char *buf, size_t size)
{
	unsigned int i, j;
	size_t n = 0;

	if (online && covers(set, online)) {
		snprintf(buf, size, "all");
		return;
	}
	if (CPU_COUNT(set) == 0) {
		snprintf(buf, size, "none");
		return;
	}
	for (i = 0; i < CPU_SETSIZE && n < size; i = j) {
		j = i + 1;
		if (!CPU_ISSET(i, set))
			continue;
		while (j < CPU_SETSIZE && CPU_ISSET(j, set))
			j++;
		if (j - 1 > i)
			n += (size_t)snprintf(buf + n, size - n, "%s%u-%u",
					      n ? "," : "", i, j - 1);
		else
			n += (size_t)snprintf(buf + n, size - n, "%s%u",
					      n ? "," : "", i);
	}
}
