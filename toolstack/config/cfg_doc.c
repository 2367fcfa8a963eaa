/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The assignment store behind the parser (cfg_doc_priv.h). Duplicate keys
 * follow xl: the last assignment wins, so command-line overrides, which
 * come after the file, replace its values. A key set twice in one file is
 * most likely a mistake, so that draws a warning naming both lines.
 */
#include "cfg_doc_priv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

void cfg_doc_init(struct cfg_doc *doc)
{
	memset(doc, 0, sizeof(*doc));
	doc->main_src = CFG_SRC_CMDLINE;
}

void cfg_value_free(struct cfg_value *v)
{
	unsigned int i;

	for (i = 0; i < v->nr_items; i++)
		cfg_value_free(&v->items[i]);
	free(v->items);
	free(v->text);
	v->items = NULL;
	v->nr_items = 0;
	v->text = NULL;
}

void cfg_doc_free(struct cfg_doc *doc)
{
	unsigned int i;

	for (i = 0; i < doc->nr_assigns; i++) {
		free(doc->assigns[i].key);
		cfg_value_free(&doc->assigns[i].value);
	}
	for (i = 0; i < doc->nr_srcs; i++)
		free(doc->srcs[i]);
	free(doc->assigns);
	free(doc->srcs);
	cfg_doc_init(doc);
}

int cfg_doc_intern(struct cfg_doc *doc, const char *name, const char **out)
{
	char **srcs, *copy;
	unsigned int i;

	for (i = 0; i < doc->nr_srcs; i++) {
		if (!strcmp(doc->srcs[i], name)) {
			*out = doc->srcs[i];
			return 0;
		}
	}
	srcs = realloc(doc->srcs, (doc->nr_srcs + 1) * sizeof(*srcs));
	if (!srcs)
		return -ENOMEM;
	doc->srcs = srcs;
	copy = strdup(name);
	if (!copy)
		return -ENOMEM;
	doc->srcs[doc->nr_srcs++] = copy;
	*out = copy;
	return 0;
}

static struct cfg_assign *lookup(const struct cfg_doc *doc, const char *key)
{
	unsigned int i;

	for (i = 0; i < doc->nr_assigns; i++)
		if (!strcmp(doc->assigns[i].key, key))
			return &doc->assigns[i];
	return NULL;
}

const struct cfg_assign *cfg_doc_find(const struct cfg_doc *doc,
				      const char *key)
{
	return lookup(doc, key);
}

/* Moves the items of list @v to the end of list @dst. */
static int append_items(struct cfg_value *dst, struct cfg_value *v,
			const struct config_loc *loc, struct config_diag *diag)
{
	struct cfg_value *items;

	if (dst->kind != CFG_VAL_LIST || v->kind != CFG_VAL_LIST) {
		config_diag_add_at(
			diag, CONFIG_SEV_ERROR, CONFIG_ERR_SYNTAX, loc,
			"+= appends a list to a list; use = to replace the value");
		return -EINVAL;
	}
	if (v->nr_items > CFG_MAX_LIST_ITEMS - dst->nr_items) {
		config_diag_add_at(
			diag, CONFIG_SEV_ERROR, CONFIG_ERR_SYNTAX, loc,
			"more than %d list items after +=", CFG_MAX_LIST_ITEMS);
		return -EINVAL;
	}
	if (!v->nr_items)
		return 0;
	items = realloc(dst->items,
			(dst->nr_items + v->nr_items) * sizeof(*items));
	if (!items)
		return -ENOMEM;
	memcpy(items + dst->nr_items, v->items, v->nr_items * sizeof(*items));
	dst->items = items;
	dst->nr_items += v->nr_items;
	free(v->items);
	v->items = NULL;
	v->nr_items = 0;
	return 0;
}

/* Adds a new, empty assignment for @key. */
static int new_assign(struct cfg_doc *doc, const char *key,
		      const struct config_loc *loc, struct config_diag *diag,
		      struct cfg_assign **out)
{
	struct cfg_assign *a;
	char *copy;

	if (doc->nr_assigns >= CFG_MAX_KEYS) {
		config_diag_add_at(diag, CONFIG_SEV_ERROR, CONFIG_ERR_SYNTAX,
				   loc, "more than %d different keys",
				   CFG_MAX_KEYS);
		return -EINVAL;
	}
	if (doc->nr_assigns == doc->alloc) {
		unsigned int n = doc->alloc ? doc->alloc * 2 : 32;

		a = realloc(doc->assigns, n * sizeof(*a));
		if (!a)
			return -ENOMEM;
		doc->assigns = a;
		doc->alloc = n;
	}
	copy = strdup(key);
	if (!copy)
		return -ENOMEM;
	a = &doc->assigns[doc->nr_assigns++];
	memset(a, 0, sizeof(*a));
	a->key = copy;
	*out = a;
	return 0;
}

int cfg_doc_set(struct cfg_doc *doc, const char *key, const char *src,
		unsigned int line, bool append, struct cfg_value *v,
		struct config_diag *diag)
{
	struct config_loc loc = {src, line, key, -1};
	struct cfg_assign *a = lookup(doc, key);
	int rc = 0;

	if (a && append) {
		rc = append_items(&a->value, v, &loc, diag);
	} else {
		if (!a)
			rc = new_assign(doc, key, &loc, diag, &a);
		else if (a->src == src && strcmp(src, CFG_SRC_CMDLINE))
			config_diag_add_at(
				diag, CONFIG_SEV_WARNING, CONFIG_ERR_NONE, &loc,
				"also set on line %u; the last value wins",
				a->line);
		if (!rc) {
			cfg_value_free(&a->value);
			a->value = *v;
			memset(v, 0, sizeof(*v));
		}
	}
	if (!rc) {
		a->src = src;
		a->line = line;
	}
	cfg_value_free(v);
	return rc;
}
