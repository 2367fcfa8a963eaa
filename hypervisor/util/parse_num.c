/* SPDX-License-Identifier: GPL-2.0-only */
/* Strict unsigned number parsing (parse_num.h): strtoull, fully checked. */
#include "hypervisor/parse_num.h"

#include <errno.h>
#include <stdlib.h>

int parse_num_u64(const char *s, int base, uint64_t max, uint64_t *out)
{
	unsigned long long v;
	char *end;

	/* strtoull accepts leading spaces and a minus sign: refuse both. */
	if (!s || !(*s >= '0' && *s <= '9'))
		return -EINVAL;
	errno = 0;
	v = strtoull(s, &end, base);
	if (errno || end == s || *end || v > max)
		return -EINVAL;
	*out = v;
	return 0;
}
