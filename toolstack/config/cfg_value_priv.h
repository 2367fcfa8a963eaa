/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Typed reads of parsed values for key handlers, each reporting a precise
 * error ("guest.cfg:4: memory: expected a whole number, saw '1.5'") through
 * the handler's context. Numbers are decimal, or hex with 0x; a leading
 * zero does not mean octal. A quoted number is accepted where a number is
 * expected, as in xl, and unquoted command-line text converts too.
 */
#ifndef TOOLSTACK_CFG_VALUE_PRIV_H
#define TOOLSTACK_CFG_VALUE_PRIV_H

#include <stdbool.h>
#include <stdint.h>

#include "cfg_keys_priv.h"

/* Reports an error about @v of the key (and item) @c is applying. */
void cfg_value_error(struct cfg_ctx *c, const struct cfg_value *v,
		     const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Reports a warning about @v. */
void cfg_value_warn(struct cfg_ctx *c, const struct cfg_value *v,
		    const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* These return 0, or -EINVAL after reporting; outputs change only on 0. */

/* A string (not a number or list); *@out points into @v. */
int cfg_value_string(struct cfg_ctx *c, const struct cfg_value *v,
		     const char **out) __attribute__((warn_unused_result));

/* A string copied into *@dst, replacing (and freeing) what was there. */
int cfg_value_dup(struct cfg_ctx *c, const struct cfg_value *v, char **dst)
	__attribute__((warn_unused_result));

int cfg_value_u64(struct cfg_ctx *c, const struct cfg_value *v, uint64_t min,
		  uint64_t max, uint64_t *out)
	__attribute__((warn_unused_result));

int cfg_value_s64(struct cfg_ctx *c, const struct cfg_value *v, int64_t min,
		  int64_t max, int64_t *out)
	__attribute__((warn_unused_result));

/* 0 or 1, as xl's booleans are written. */
int cfg_value_bool(struct cfg_ctx *c, const struct cfg_value *v, bool *out)
	__attribute__((warn_unused_result));

/* A string equal to one of @names[0..@nr); *@out is its index. */
int cfg_value_pick(struct cfg_ctx *c, const struct cfg_value *v,
		   const char *const *names, unsigned int nr, unsigned int *out)
	__attribute__((warn_unused_result));

/*
 * The items of a list; a single string counts as a list of one, so
 * disk="..." works like disk=["..."], and an empty unquoted command-line
 * value ("vif=") as an empty list. Does not fail for those two kinds.
 */
int cfg_value_items(struct cfg_ctx *c, const struct cfg_value *v,
		    const struct cfg_value **items, unsigned int *nr)
	__attribute__((warn_unused_result));

#endif /* TOOLSTACK_CFG_VALUE_PRIV_H */
