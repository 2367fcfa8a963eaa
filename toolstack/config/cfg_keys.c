/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Key dispatch (cfg_keys_priv.h): finds each assigned key in the topic
 * tables and calls its handler. Keys that no table knows are collected and
 * reported in one warning, each with its line and, for a likely typo, the
 * key it resembles. Keys xl knows but hvm does not implement, and that are
 * harmless to leave out, are listed in a second warning; keys whose loss
 * would change what the guest sees are refused by their own handlers.
 */
#include "cfg_keys_priv.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cfg_lex_priv.h"
#include "cfg_value_priv.h"

/* Remembers an xl key that hvm ignores, for the summary warning. */
static int ignore(struct cfg_ctx *c, const struct cfg_key *k,
		  const struct cfg_value *v);

/* xl keys accepted and ignored: tuning and features with no effect here. */
static const struct cfg_key ignored_keys[] = {
	CFG_KEY("viridian", ignore),
	CFG_KEY("nx", ignore),
	CFG_KEY("timer_mode", ignore),
	CFG_KEY("shadow_memory", ignore),
	CFG_KEY("tsc_mode", ignore),
	CFG_KEY("vpt_align", ignore),
	CFG_KEY("cpu_weight", ignore),
	CFG_KEY("cpu_cap", ignore),
	CFG_KEY("cpus_soft", ignore),
	CFG_KEY("on_watchdog", ignore),
	CFG_KEY("on_soft_reset", ignore),
	CFG_KEY("vfb", ignore),
	CFG_KEY("vkb", ignore),
	CFG_KEY("nestedhvm", ignore),
	CFG_KEY("seclabel", ignore),
	CFG_KEY("pool", ignore),
	CFG_KEY("acpi_s3", ignore),
	CFG_KEY("acpi_s4", ignore),
	CFG_KEY("nographic", ignore),
	CFG_KEY("claim_mode", ignore),
	CFG_KEY("max_maptrack_frames", ignore),
};

static const struct cfg_key_table ignored_table = {
	ignored_keys, sizeof(ignored_keys) / sizeof(ignored_keys[0])};

static const struct cfg_key_table *const tables[] = {
	&cfg_keys_domain_table,	 &cfg_keys_display_table,
	&cfg_keys_devices_table, &cfg_keys_boot_table,
	&ignored_table,
};

#define NR_TABLES (sizeof(tables) / sizeof(tables[0]))

static const struct cfg_key *lookup(const char *name)
{
	unsigned int t, i;

	for (t = 0; t < NR_TABLES; t++)
		for (i = 0; i < tables[t]->nr; i++)
			if (!strcmp(tables[t]->keys[i].name, name))
				return &tables[t]->keys[i];
	return NULL;
}

/* Appends ", @what" to the list in @buf; once full, ends it with "...". */
static void list_add(char *buf, size_t size, const char *what)
{
	size_t n = strlen(buf);

	if (n >= 3 && !strcmp(buf + n - 3, "..."))
		return;
	/* Keep room for a final ", ...". */
	if (n + strlen(what) + 2 + 6 > size) {
		snprintf(buf + n, size - n, "%s...", n ? ", " : "");
		return;
	}
	snprintf(buf + n, size - n, "%s%s", n ? ", " : "", what);
}

/* Describes key @a with where it was set: "hap (line 4)". */
static void describe(const struct cfg_assign *a, const char *extra, char *out,
		     size_t size)
{
	if (a->line)
		snprintf(out, size, "%s (line %u%s)", a->key, a->line, extra);
	else
		snprintf(out, size, "%s (%s%s)", a->key, a->src, extra);
}

static int ignore(struct cfg_ctx *c, const struct cfg_key *k,
		  const struct cfg_value *v)
{
	const struct cfg_assign *a = cfg_doc_find(c->doc, k->name);
	char what[128];

	(void)v;
	describe(a, "", what, sizeof(what));
	list_add(c->ignored, sizeof(c->ignored), what);
	c->nr_ignored++;
	return 0;
}

static unsigned int min3(unsigned int a, unsigned int b, unsigned int c)
{
	unsigned int m = a < b ? a : b;

	return m < c ? m : c;
}

/* Levenshtein distance; both strings are keys, so at most 64 bytes. */
static unsigned int distance(const char *a, const char *b)
{
	unsigned int row[CFG_MAX_KEY_LEN + 1], prev, tmp;
	size_t la = strlen(a), lb = strlen(b), i, j;

	if (la > CFG_MAX_KEY_LEN || lb > CFG_MAX_KEY_LEN)
		return CFG_MAX_KEY_LEN;
	for (j = 0; j <= lb; j++)
		row[j] = (unsigned int)j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = (unsigned int)i;
		for (j = 1; j <= lb; j++) {
			tmp = row[j];
			row[j] = min3(row[j] + 1, row[j - 1] + 1,
				      prev + (a[i - 1] != b[j - 1]));
			prev = tmp;
		}
	}
	return row[lb];
}

/* The known key @name most likely is a typo of, or NULL. */
static const char *suggest(const char *name)
{
	unsigned int t, i, d, best_d = 3;
	const char *best = NULL;

	for (t = 0; t < NR_TABLES; t++) {
		for (i = 0; i < tables[t]->nr; i++) {
			d = distance(name, tables[t]->keys[i].name);
			if (d < best_d && d * 2 <= strlen(name)) {
				best_d = d;
				best = tables[t]->keys[i].name;
			}
		}
	}
	return best;
}

static void note_unknown(const struct cfg_assign *a, char *buf, size_t size)
{
	const char *guess = suggest(a->key);
	char extra[96] = "", what[160];

	if (guess)
		snprintf(extra, sizeof(extra), ", did you mean %s?", guess);
	describe(a, extra, what, sizeof(what));
	list_add(buf, size, what);
}

static void summarise(struct cfg_ctx *c, const char *unknown,
		      unsigned int nr_unknown)
{
	struct config_loc loc = {c->doc->main_src, 0, NULL, -1};

	if (nr_unknown)
		config_diag_add_at(
			c->diag, CONFIG_SEV_WARNING, CONFIG_ERR_NONE, &loc,
			"%u unknown key%s ignored: %s; check the spelling against xl.cfg(5)",
			nr_unknown, nr_unknown > 1 ? "s" : "", unknown);
	if (c->nr_ignored)
		config_diag_add_at(
			c->diag, CONFIG_SEV_WARNING, CONFIG_ERR_NONE, &loc,
			"%u xl key%s that hvm does not implement, ignored: %s",
			c->nr_ignored, c->nr_ignored > 1 ? "s" : "",
			c->ignored);
}

int cfg_keys_apply(struct domain_config *cfg, const struct cfg_doc *doc,
		   struct config_diag *diag)
{
	struct cfg_ctx c = {.cfg = cfg, .diag = diag, .doc = doc};
	unsigned int i, nr_unknown = 0, errors = diag->nr_errors;
	char unknown[CFG_KEYS_LIST_MAX] = "";
	const struct cfg_key *k;
	int rc;

	for (i = 0; i < doc->nr_assigns; i++) {
		k = lookup(doc->assigns[i].key);
		if (!k) {
			note_unknown(&doc->assigns[i], unknown,
				     sizeof(unknown));
			nr_unknown++;
			continue;
		}
		c.key = doc->assigns[i].key;
		c.index = -1;
		rc = k->fn(&c, k, &doc->assigns[i].value);
		if (rc == -ENOMEM)
			return rc;
	}
	summarise(&c, unknown, nr_unknown);
	return diag->nr_errors != errors ? -EINVAL : 0;
}

static void *field(const struct cfg_ctx *c, const struct cfg_key *k)
{
	return (char *)c->cfg + k->off;
}

int cfg_keys_set_bool(struct cfg_ctx *c, const struct cfg_key *k,
		      const struct cfg_value *v)
{
	bool b;

	if (cfg_value_bool(c, v, &b))
		return -EINVAL;
	*(bool *)field(c, k) = b;
	return 0;
}

static int out_of_range(struct cfg_ctx *c, const struct cfg_key *k,
			const struct cfg_value *v)
{
	cfg_value_error(c, v, "%s is out of range; use %lld to %lld%s%s",
			v->text, (long long)k->min, (long long)k->max,
			k->hint ? " " : "", k->hint ? k->hint : "");
	return -EINVAL;
}

/* Reads a whole number within k->min..k->max for an unsigned field. */
static int get_unsigned(struct cfg_ctx *c, const struct cfg_key *k,
			const struct cfg_value *v, uint64_t *n)
{
	if (cfg_value_u64(c, v, 0, UINT64_MAX, n))
		return -EINVAL;
	if (*n < (uint64_t)k->min || *n > (uint64_t)k->max)
		return out_of_range(c, k, v);
	return 0;
}

int cfg_keys_set_uint(struct cfg_ctx *c, const struct cfg_key *k,
		      const struct cfg_value *v)
{
	uint64_t n;

	if (get_unsigned(c, k, v, &n))
		return -EINVAL;
	*(unsigned int *)field(c, k) = (unsigned int)n;
	return 0;
}

int cfg_keys_set_u64(struct cfg_ctx *c, const struct cfg_key *k,
		     const struct cfg_value *v)
{
	uint64_t n;

	if (get_unsigned(c, k, v, &n))
		return -EINVAL;
	*(uint64_t *)field(c, k) = n;
	return 0;
}

int cfg_keys_set_s64(struct cfg_ctx *c, const struct cfg_key *k,
		     const struct cfg_value *v)
{
	int64_t n;

	if (cfg_value_s64(c, v, INT64_MIN, INT64_MAX, &n))
		return -EINVAL;
	if (n < k->min || n > k->max)
		return out_of_range(c, k, v);
	*(int64_t *)field(c, k) = n;
	return 0;
}

int cfg_keys_warn(struct cfg_ctx *c, const struct cfg_key *k,
		  const struct cfg_value *v)
{
	cfg_value_warn(c, v, "%s", k->hint);
	return 0;
}

int cfg_keys_refuse(struct cfg_ctx *c, const struct cfg_key *k,
		    const struct cfg_value *v)
{
	cfg_value_error(c, v, "%s", k->hint);
	return -EINVAL;
}

/* Reads a boolean and, if it is true, applies @then (warn or refuse). */
static int if_true(struct cfg_ctx *c, const struct cfg_key *k,
		   const struct cfg_value *v, cfg_key_fn *then)
{
	bool on;

	if (cfg_value_bool(c, v, &on))
		return -EINVAL;
	return on ? then(c, k, v) : 0;
}

int cfg_keys_warn_true(struct cfg_ctx *c, const struct cfg_key *k,
		       const struct cfg_value *v)
{
	return if_true(c, k, v, cfg_keys_warn);
}
