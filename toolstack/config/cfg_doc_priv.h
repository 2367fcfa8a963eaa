/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A parsed config before it means anything: the assignments of a file and
 * of command-line overrides, one per key (the last one wins, as in xl),
 * each value a string, a number or a list, with the source and line it
 * came from so that later errors can point at it.
 */
#ifndef TOOLSTACK_CFG_DOC_PRIV_H
#define TOOLSTACK_CFG_DOC_PRIV_H

#include <stdbool.h>

#include "toolstack/config_diag.h"

/* Distinct keys in one config. */
#define CFG_MAX_KEYS 256
/* Items in one list, after += appends. */
#define CFG_MAX_LIST_ITEMS 64
/* Lists inside lists. xl's HVM keys use one level; allow a little more. */
#define CFG_MAX_DEPTH 4
/* The source name used for command-line overrides. */
#define CFG_SRC_CMDLINE "command line"

enum cfg_value_kind {
	CFG_VAL_STRING,
	CFG_VAL_NUMBER, /* text not yet checked: "12", "0x1f", "-3", "1.5" */
	CFG_VAL_LIST,
};

struct cfg_value {
	enum cfg_value_kind kind;
	bool bare;	   /* unquoted command-line text, taken literally */
	const char *src;   /* source name, owned by the doc */
	unsigned int line; /* 0 for the command line */
	char *text;	   /* STRING and NUMBER */
	struct cfg_value *items; /* LIST */
	unsigned int nr_items;
};

struct cfg_assign {
	char *key;
	const char *src;
	unsigned int line;
	struct cfg_value value;
};

struct cfg_doc {
	struct cfg_assign *assigns; /* in order of first assignment */
	unsigned int nr_assigns;
	unsigned int alloc;
	char **srcs; /* interned source names */
	unsigned int nr_srcs;
	const char *main_src; /* the file's name, or CFG_SRC_CMDLINE */
};

void cfg_doc_init(struct cfg_doc *doc);
void cfg_doc_free(struct cfg_doc *doc);

/*
 * Returns a copy of @name owned by @doc through *@out (the same pointer for
 * the same name). Returns 0 or -ENOMEM.
 */
int cfg_doc_intern(struct cfg_doc *doc, const char *name, const char **out)
	__attribute__((warn_unused_result));

/*
 * Records @key = *@v from @src:@line, taking ownership of @v's contents
 * (@v is emptied even on failure). A later assignment to the same key
 * replaces the earlier one; inside one file that draws a warning. With
 * @append (+=) a list is appended to the earlier list instead. Returns 0,
 * -EINVAL (error added to @diag) or -ENOMEM.
 */
int cfg_doc_set(struct cfg_doc *doc, const char *key, const char *src,
		unsigned int line, bool append, struct cfg_value *v,
		struct config_diag *diag);

/* The assignment to @key, or NULL. */
const struct cfg_assign *cfg_doc_find(const struct cfg_doc *doc,
				      const char *key);

/* Frees what @v owns and empties it. Idempotent. */
void cfg_value_free(struct cfg_value *v);

#endif /* TOOLSTACK_CFG_DOC_PRIV_H */
