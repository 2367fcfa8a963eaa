/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Domain UUIDs in the text form xl uses, 8-4-4-4-12 hex digits
 * ("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), and random (version 4) ones for
 * domains whose config gives none.
 */
#ifndef TOOLSTACK_DOMAIN_UUID_H
#define TOOLSTACK_DOMAIN_UUID_H

#include <stdint.h>

#define DOMAIN_UUID_LEN 16
/* Text length without the NUL. */
#define DOMAIN_UUID_STR_LEN 36

/*
 * Parses @s, exactly 36 characters with dashes at the usual places and hex
 * digits (either case) elsewhere, into @out. The all-zero (nil) UUID is
 * refused because xl and hvmd treat it as "none". Returns 0 or -EINVAL;
 * @out is unchanged on error.
 */
int domain_uuid_parse(const char *s, uint8_t out[DOMAIN_UUID_LEN])
	__attribute__((warn_unused_result));

/* Writes @uuid as 36 lower-case characters and a NUL into @out. */
void domain_uuid_format(const uint8_t uuid[DOMAIN_UUID_LEN],
			char out[DOMAIN_UUID_STR_LEN + 1]);

/*
 * Fills @out with a random version 4 UUID (RFC 4122 4.4) from the kernel's
 * random source. Returns 0 or the negative errno of getrandom().
 */
int domain_uuid_generate(uint8_t out[DOMAIN_UUID_LEN])
	__attribute__((warn_unused_result));

#endif /* TOOLSTACK_DOMAIN_UUID_H */
