/* SPDX-License-Identifier: GPL-2.0-only */
/* Strict parsing of unsigned numbers from command lines and configs. */
#ifndef HYPERVISOR_PARSE_NUM_H
#define HYPERVISOR_PARSE_NUM_H

#include <stdint.h>

/*
 * Parses all of @s as an unsigned number in @base (0: decimal, 0x hex or
 * 0 octal, as strtoul) no larger than @max into *@out. Leading spaces, a
 * sign, trailing characters, an empty string or overflow give -EINVAL and
 * leave *@out unchanged.
 */
int parse_num_u64(const char *s, int base, uint64_t max, uint64_t *out)
	__attribute__((warn_unused_result));

#endif /* HYPERVISOR_PARSE_NUM_H */
