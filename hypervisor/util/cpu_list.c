/* SPDX-License-Identifier: GPL-2.0-only */
/* Host CPU lists ("0-3,6"), see cpu_list.h. */
#include "hypervisor/cpu_list.h"

#include <errno.h>
#include <string.h>

#include "hypervisor/parse_num.h"

/* The longest element we take: "1023-1023" and a NUL, with room. */
#define ELEMENT_MAX 24

/* Parses one element "N" or "N-M" of @len bytes at @s into @set. */
static int add_element(const char *s, size_t len, cpu_set_t *set)
{
	char buf[ELEMENT_MAX];
	char *dash;
	uint64_t lo, hi, i;

	if (len == 0 || len >= sizeof(buf))
		return -EINVAL;
	memcpy(buf, s, len);
	buf[len] = '\0';
	dash = strchr(buf, '-');
	if (dash)
		*dash = '\0';
	if (parse_num_u64(buf, 10, CPU_SETSIZE - 1, &lo))
		return -EINVAL;
	hi = lo;
	if (dash && parse_num_u64(dash + 1, 10, CPU_SETSIZE - 1, &hi))
		return -EINVAL;
	if (hi < lo)
		return -EINVAL;
	for (i = lo; i <= hi; i++)
		CPU_SET(i, set);
	return 0;
}

int cpu_list_parse(const char *s, cpu_set_t *out)
{
	cpu_set_t set;
	const char *comma;
	size_t len;

	CPU_ZERO(&set);
	for (;;) {
		comma = strchr(s, ',');
		len = comma ? (size_t)(comma - s) : strlen(s);
		if (add_element(s, len, &set))
			return -EINVAL;
		if (!comma)
			break;
		s = comma + 1;
	}
	*out = set;
	return 0;
}
