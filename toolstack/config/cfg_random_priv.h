/* SPDX-License-Identifier: GPL-2.0-only */
/* Random bytes for generated UUIDs and MAC addresses. */
#ifndef TOOLSTACK_CFG_RANDOM_PRIV_H
#define TOOLSTACK_CFG_RANDOM_PRIV_H

#include <stddef.h>

/*
 * Fills @len bytes at @buf from the kernel's random source. Returns 0 or a
 * negative errno (never a short read).
 */
int cfg_random_bytes(void *buf, size_t len) __attribute__((warn_unused_result));

#endif /* TOOLSTACK_CFG_RANDOM_PRIV_H */
