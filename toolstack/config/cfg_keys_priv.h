/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Applying a parsed config to a struct domain_config: one table entry per
 * key (STYLE.md 3: dispatch through a table), split by topic over
 * cfg_keys_domain.c, cfg_keys_display.c and cfg_keys_devices.c, with the
 * generic typed setters and the unknown-key warning in cfg_keys.c.
 */
#ifndef TOOLSTACK_CFG_KEYS_PRIV_H
#define TOOLSTACK_CFG_KEYS_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include "cfg_doc_priv.h"
#include "toolstack/config_diag.h"
#include "toolstack/domain_config.h"

/* Room for the list of unknown or ignored keys in one warning. */
#define CFG_KEYS_LIST_MAX 400

/* What a key handler works on. */
struct cfg_ctx {
	struct domain_config *cfg;
	struct config_diag *diag;
	const struct cfg_doc *doc;
	const char *key; /* key being applied */
	int index;	 /* list item being applied, or -1 */
	unsigned int nr_ignored;
	char ignored[CFG_KEYS_LIST_MAX]; /* xl keys hvm ignores, for a warning
					  */
};

struct cfg_key;

/*
 * Applies value @v of key @k. Reports problems through cfg_value_error()
 * and returns 0, -EINVAL (already reported) or -ENOMEM.
 */
typedef int cfg_key_fn(struct cfg_ctx *c, const struct cfg_key *k,
		       const struct cfg_value *v);

struct cfg_key {
	const char *name;
	cfg_key_fn *fn;
	size_t off;	  /* field in struct domain_config, generic setters */
	int64_t min, max; /* range, generic number setters */
	const char *hint; /* unit, or the message of a warning/refusal */
};

/* Table entry helpers; @field is a member of struct domain_config. */
#define CFG_KEY(n, f)                                                          \
	{                                                                      \
		.name = (n), .fn = (f)                                         \
	}
#define CFG_KEY_AT(n, f, field)                                                \
	{                                                                      \
		.name = (n), .fn = (f),                                        \
		.off = offsetof(struct domain_config, field)                   \
	}
#define CFG_KEY_RANGE(n, f, field, lo, hi, unit)                               \
	{                                                                      \
		.name = (n), .fn = (f),                                        \
		.off = offsetof(struct domain_config, field), .min = (lo),     \
		.max = (hi), .hint = (unit)                                    \
	}
#define CFG_KEY_HINT(n, f, h)                                                  \
	{                                                                      \
		.name = (n), .fn = (f), .hint = (h)                            \
	}

struct cfg_key_table {
	const struct cfg_key *keys;
	unsigned int nr;
};

extern const struct cfg_key_table cfg_keys_domain_table;
extern const struct cfg_key_table cfg_keys_display_table;
extern const struct cfg_key_table cfg_keys_devices_table;
extern const struct cfg_key_table cfg_keys_boot_table;

/*
 * Applies every assignment in @doc to @cfg through the key tables, then
 * warns once about all unknown keys and once about all ignored xl keys.
 * Returns 0, -EINVAL if any error was reported, or -ENOMEM.
 */
int cfg_keys_apply(struct domain_config *cfg, const struct cfg_doc *doc,
		   struct config_diag *diag)
	__attribute__((warn_unused_result));

/* Generic handlers; the field is at k->off, the range k->min..k->max. */
cfg_key_fn cfg_keys_set_bool;
cfg_key_fn cfg_keys_set_uint;
cfg_key_fn cfg_keys_set_u64;
cfg_key_fn cfg_keys_set_s64;
/* Accepts any value and warns with k->hint. */
cfg_key_fn cfg_keys_warn;
/* Refuses any value with k->hint. */
cfg_key_fn cfg_keys_refuse;
/*
 * Takes a boolean: 0 is accepted and changes nothing (the field keeps its
 * default); 1 warns with k->hint.
 */
cfg_key_fn cfg_keys_warn_true;

#endif /* TOOLSTACK_CFG_KEYS_PRIV_H */
