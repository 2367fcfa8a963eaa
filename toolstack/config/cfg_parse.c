/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Recursive-descent parser for xl.cfg text (cfg_parse_priv.h). Recursion
 * happens only for nested lists and stops at CFG_MAX_DEPTH. Unquoted words
 * as values are refused with the quoted form to write instead, as xl does.
 */
#include "cfg_parse_priv.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg_lex_priv.h"

struct parser {
	struct cfg_lex lx;
	struct cfg_doc *doc;
	struct config_diag *diag;
	const char *src;
	bool no_lines; /* command line: messages carry no line numbers */
	char key[CFG_MAX_KEY_LEN + 1]; /* "" outside a statement */
};

static int syntax_error(struct parser *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int syntax_error(struct parser *p, const char *fmt, ...)
{
	struct config_loc loc = {p->src, p->no_lines ? 0 : p->lx.tok_line,
				 p->key[0] ? p->key : NULL, -1};
	char msg[CONFIG_DIAG_TEXT_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	config_diag_add_at(p->diag, CONFIG_SEV_ERROR, CONFIG_ERR_SYNTAX, &loc,
			   "%s", msg);
	return -EINVAL;
}

/* Reports the current token as unexpected, or the lexer's own error. */
static int unexpected(struct parser *p, const char *what)
{
	char tok[80];

	if (p->lx.tok == CFG_TOK_ERROR)
		return syntax_error(p, "%s", p->lx.err);
	cfg_lex_describe(&p->lx, tok, sizeof(tok));
	return syntax_error(p, "%s, saw %s", what, tok);
}

static int scalar(struct parser *p, enum cfg_value_kind kind,
		  struct cfg_value *out)
{
	out->kind = kind;
	out->src = p->src;
	out->line = p->no_lines ? 0 : p->lx.tok_line;
	out->text = malloc(p->lx.text_len + 1);
	if (!out->text)
		return -ENOMEM;
	memcpy(out->text, p->lx.text, p->lx.text_len + 1);
	cfg_lex_next(&p->lx);
	return 0;
}

static int parse_value(struct parser *p, unsigned int depth,
		       struct cfg_value *out);

/* Adds one empty item to list @out and returns it through *@item. */
static int new_item(struct parser *p, struct cfg_value *out,
		    struct cfg_value **item)
{
	struct cfg_value *items;

	if (out->nr_items >= CFG_MAX_LIST_ITEMS)
		return syntax_error(p, "more than %d items in one list",
				    CFG_MAX_LIST_ITEMS);
	items = realloc(out->items, (out->nr_items + 1) * sizeof(*items));
	if (!items)
		return -ENOMEM;
	out->items = items;
	*item = &items[out->nr_items++];
	memset(*item, 0, sizeof(**item));
	return 0;
}

static void skip_newlines(struct parser *p)
{
	while (p->lx.tok == CFG_TOK_NEWLINE)
		cfg_lex_next(&p->lx);
}

/* At '[': parses items up to the matching ']'. */
static int parse_list(struct parser *p, unsigned int depth,
		      struct cfg_value *out)
{
	unsigned int open_line = p->lx.tok_line;
	char what[96];
	struct cfg_value *item;
	int rc;

	out->kind = CFG_VAL_LIST;
	out->src = p->src;
	out->line = p->no_lines ? 0 : open_line;
	cfg_lex_next(&p->lx);
	snprintf(what, sizeof(what),
		 "expected ',' or ']' in the list opened on line %u",
		 open_line);
	for (;;) {
		skip_newlines(p);
		if (p->lx.tok == CFG_TOK_RBRACKET)
			break;
		rc = new_item(p, out, &item);
		if (!rc)
			rc = parse_value(p, depth + 1, item);
		if (rc)
			return rc;
		skip_newlines(p);
		if (p->lx.tok == CFG_TOK_RBRACKET)
			break;
		if (p->lx.tok != CFG_TOK_COMMA)
			return unexpected(p, what);
		cfg_lex_next(&p->lx);
	}
	cfg_lex_next(&p->lx);
	return 0;
}

static int parse_value(struct parser *p, unsigned int depth,
		       struct cfg_value *out)
{
	switch (p->lx.tok) {
	case CFG_TOK_STRING:
		return scalar(p, CFG_VAL_STRING, out);
	case CFG_TOK_NUMBER:
		return scalar(p, CFG_VAL_NUMBER, out);
	case CFG_TOK_LBRACKET:
		if (depth >= CFG_MAX_DEPTH)
			return syntax_error(p, "lists nested more than %d deep",
					    CFG_MAX_DEPTH);
		return parse_list(p, depth, out);
	case CFG_TOK_IDENT:
		return syntax_error(p,
				    "strings must be quoted: write %s = \"%s\"",
				    p->key, p->lx.text);
	default:
		return unexpected(
			p,
			"expected a value (a \"string\", a number or a [list])");
	}
}

/* At a key: parses "KEY = VALUE" or "KEY += VALUE" up to the line end. */
static int parse_statement(struct parser *p)
{
	struct cfg_value v = {0};
	unsigned int line = p->no_lines ? 0 : p->lx.tok_line;
	bool append;
	int rc;

	memcpy(p->key, p->lx.text, p->lx.text_len + 1);
	cfg_lex_next(&p->lx);
	if (p->lx.tok != CFG_TOK_ASSIGN && p->lx.tok != CFG_TOK_APPEND)
		return unexpected(p, "expected '=' after the key");
	append = p->lx.tok == CFG_TOK_APPEND;
	cfg_lex_next(&p->lx);
	rc = parse_value(p, 0, &v);
	if (!rc && p->lx.tok != CFG_TOK_NEWLINE && p->lx.tok != CFG_TOK_SEMI &&
	    p->lx.tok != CFG_TOK_EOF)
		rc = unexpected(p,
				"expected the end of the line after the value");
	if (rc) {
		cfg_value_free(&v);
		return rc;
	}
	rc = cfg_doc_set(p->doc, p->key, p->src, line, append, &v, p->diag);
	p->key[0] = '\0';
	return rc;
}

static int parse_all(struct parser *p)
{
	int rc;

	cfg_lex_next(&p->lx);
	for (;;) {
		switch (p->lx.tok) {
		case CFG_TOK_EOF:
			return 0;
		case CFG_TOK_NEWLINE:
		case CFG_TOK_SEMI:
			cfg_lex_next(&p->lx);
			break;
		case CFG_TOK_IDENT:
			rc = parse_statement(p);
			if (rc)
				return rc;
			break;
		default:
			return unexpected(
				p,
				"expected a key at the start of a statement");
		}
	}
}

static int parser_new(struct cfg_doc *doc, const char *src,
		      struct config_diag *diag, struct parser **out)
{
	struct parser *p = calloc(1, sizeof(*p));
	int rc;

	if (!p)
		return -ENOMEM;
	rc = cfg_doc_intern(doc, src, &p->src);
	if (rc) {
		free(p);
		return rc;
	}
	p->doc = doc;
	p->diag = diag;
	*out = p;
	return 0;
}

int cfg_parse_text(struct cfg_doc *doc, const char *src, const char *text,
		   size_t len, struct config_diag *diag)
{
	struct parser *p;
	int rc;

	rc = parser_new(doc, src, diag, &p);
	if (rc)
		return rc;
	cfg_lex_init(&p->lx, text, len);
	rc = parse_all(p);
	free(p);
	return rc;
}

/* Trims blanks at both ends of the @*n bytes at @*s. */
static void trim(const char **s, size_t *n)
{
	while (*n && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*n)--;
	}
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

static int parse_cmdline_value(struct parser *p, const char *val, size_t n,
			       struct cfg_value *v)
{
	int rc;

	if (n && (val[0] == '"' || val[0] == '\'' || val[0] == '[')) {
		cfg_lex_init(&p->lx, val, n);
		cfg_lex_next(&p->lx);
		rc = parse_value(p, 0, v);
		if (!rc && p->lx.tok != CFG_TOK_EOF)
			rc = unexpected(p, "expected nothing after the value");
		return rc;
	}
	if (n > CFG_MAX_VALUE_LEN)
		return syntax_error(p, "value longer than %d bytes",
				    CFG_MAX_VALUE_LEN);
	v->kind = CFG_VAL_STRING;
	v->bare = true;
	v->src = p->src;
	v->line = 0;
	v->text = strndup(val, n);
	return v->text ? 0 : -ENOMEM;
}

int cfg_parse_override(struct cfg_doc *doc, const char *arg,
		       struct config_diag *diag)
{
	const char *eq = strchr(arg, '='), *key = arg, *val;
	struct cfg_value v = {0};
	size_t klen, vlen;
	struct parser *p;
	bool append;
	int rc;

	rc = parser_new(doc, CFG_SRC_CMDLINE, diag, &p);
	if (rc)
		return rc;
	p->no_lines = true;
	if (!eq) {
		rc = syntax_error(
			p, "'%.64s' is not key=value; write e.g. memory=512",
			arg);
		goto out;
	}
	klen = (size_t)(eq - arg);
	append = klen && arg[klen - 1] == '+';
	klen -= append ? 1 : 0;
	trim(&key, &klen);
	if (!cfg_lex_is_key(key, klen)) {
		rc = syntax_error(p, "'%.*s' is not a config key",
				  (int)(klen > 64 ? 64 : klen), key);
		goto out;
	}
	memcpy(p->key, key, klen);
	p->key[klen] = '\0';
	val = eq + 1;
	vlen = strlen(val);
	trim(&val, &vlen);
	rc = parse_cmdline_value(p, val, vlen, &v);
	if (!rc)
		rc = cfg_doc_set(doc, p->key, p->src, 0, append, &v, diag);
out:
	cfg_value_free(&v);
	free(p);
	return rc;
}
