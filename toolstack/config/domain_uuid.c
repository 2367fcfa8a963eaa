/* SPDX-License-Identifier: GPL-2.0-only */
/* Domain UUID text form and random UUIDs (domain_uuid.h). */
#include "toolstack/domain_uuid.h"

#include <errno.h>
#include <stdbool.h>
#include <string.h>

#include "cfg_random_priv.h"

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static bool is_dash_pos(size_t i)
{
	return i == 8 || i == 13 || i == 18 || i == 23;
}

int domain_uuid_parse(const char *s, uint8_t out[DOMAIN_UUID_LEN])
{
	uint8_t u[DOMAIN_UUID_LEN] = {0}, any = 0;
	size_t i, nibble = 0;
	int h;

	if (strnlen(s, DOMAIN_UUID_STR_LEN + 1) != DOMAIN_UUID_STR_LEN)
		return -EINVAL;
	for (i = 0; i < DOMAIN_UUID_STR_LEN; i++) {
		if (is_dash_pos(i)) {
			if (s[i] != '-')
				return -EINVAL;
			continue;
		}
		h = hex_digit(s[i]);
		if (h < 0)
			return -EINVAL;
		u[nibble / 2] |= (uint8_t)(nibble % 2 ? h : h << 4);
		any |= (uint8_t)h;
		nibble++;
	}
	if (!any)
		return -EINVAL;
	memcpy(out, u, sizeof(u));
	return 0;
}

void domain_uuid_format(const uint8_t uuid[DOMAIN_UUID_LEN],
			char out[DOMAIN_UUID_STR_LEN + 1])
{
	static const char hex[] = "0123456789abcdef";
	size_t i, o = 0;

	for (i = 0; i < DOMAIN_UUID_LEN; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		out[o++] = hex[uuid[i] >> 4];
		out[o++] = hex[uuid[i] & 0xf];
	}
	out[o] = '\0';
}

int domain_uuid_generate(uint8_t out[DOMAIN_UUID_LEN])
{
	int rc = cfg_random_bytes(out, DOMAIN_UUID_LEN);

	if (rc)
		return rc;
	/* RFC 4122 4.4: version 4 in the high nibble of byte 6, variant 10. */
	out[6] = (uint8_t)((out[6] & 0x0f) | 0x40);
	out[8] = (uint8_t)((out[8] & 0x3f) | 0x80);
	return 0;
}
