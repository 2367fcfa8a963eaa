/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The xl.cfg tokenizer: keys, '=', '+=', quoted strings with C escapes,
 * numbers, '[', ']', ',', ';' and line ends. Comments (#) and backslash
 * line continuations are skipped. It works on a byte buffer with a length,
 * so embedded NULs are seen and refused, and every token is bounded.
 */
#ifndef TOOLSTACK_CFG_LEX_PRIV_H
#define TOOLSTACK_CFG_LEX_PRIV_H

#include <stdbool.h>
#include <stddef.h>

/* Longest key name. */
#define CFG_MAX_KEY_LEN 64
/* Longest string value, after escapes are decoded. */
#define CFG_MAX_VALUE_LEN 4096
/* Longest number token ("18446744073709551615" is 20). */
#define CFG_MAX_NUMBER_LEN 64

enum cfg_tok {
	CFG_TOK_EOF,
	CFG_TOK_NEWLINE,
	CFG_TOK_SEMI,
	CFG_TOK_IDENT,
	CFG_TOK_STRING,
	CFG_TOK_NUMBER,
	CFG_TOK_ASSIGN,
	CFG_TOK_APPEND,
	CFG_TOK_LBRACKET,
	CFG_TOK_RBRACKET,
	CFG_TOK_COMMA,
	CFG_TOK_ERROR,
};

struct cfg_lex {
	const char *buf;
	size_t len;
	size_t pos;
	unsigned int line;     /* line at pos, from 1 */
	unsigned int tok_line; /* line where the current token starts */
	enum cfg_tok tok;
	size_t text_len;		  /* bytes in text, without the NUL */
	char text[CFG_MAX_VALUE_LEN + 1]; /* IDENT, NUMBER, STRING contents */
	char err[160];			  /* why, for CFG_TOK_ERROR */
};

/* Starts tokenizing @len bytes at @buf, which must outlive @lx. */
void cfg_lex_init(struct cfg_lex *lx, const char *buf, size_t len);

/*
 * Reads the next token into lx->tok (and lx->text) and returns it. After
 * CFG_TOK_ERROR (lx->err says why) or CFG_TOK_EOF it keeps returning the
 * same token.
 */
enum cfg_tok cfg_lex_next(struct cfg_lex *lx);

/* True if the @n bytes at @s form a valid key name. */
bool cfg_lex_is_key(const char *s, size_t n);

/*
 * Describes the current token for a message: "end of file", "'['",
 * "\"abc\"", with user bytes made printable and long text cut short.
 */
void cfg_lex_describe(const struct cfg_lex *lx, char *out, size_t size);

#endif /* TOOLSTACK_CFG_LEX_PRIV_H */
