/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The xl.cfg tokenizer (cfg_lex_priv.h). Strings take the escapes of C and
 * Python, as xl's do: \n \t \r \a \b \f \v \\ \" \' \ooo \xHH, and a
 * backslash before a line end continues the string or the line. A string
 * never spans a line end otherwise. Numbers are lexed loosely (a sign,
 * digits, letters, '.', '_') and checked by whoever converts them, so the
 * error can name the key. Character classes are plain ASCII tests, never
 * <ctype.h>, whose answers depend on the locale.
 */
#include "cfg_lex_priv.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static const struct {
	char c;
	enum cfg_tok tok;
} single_tokens[] = {
	{';', CFG_TOK_SEMI},	 {',', CFG_TOK_COMMA},	{'[', CFG_TOK_LBRACKET},
	{']', CFG_TOK_RBRACKET}, {'=', CFG_TOK_ASSIGN},
};

static bool is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static bool is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_ident_char(int c)
{
	return is_alpha(c) || is_digit(c) || c == '_' || c == '-' || c == '.';
}

static bool is_number_char(int c)
{
	return is_alpha(c) || is_digit(c) || c == '_' || c == '.';
}

static int hex_value(int c)
{
	if (is_digit(c))
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The byte @off bytes after the current position, or -1 past the end. */
static int peek(const struct cfg_lex *lx, size_t off)
{
	if (lx->pos >= lx->len || off >= lx->len - lx->pos)
		return -1;
	return (unsigned char)lx->buf[lx->pos + off];
}

static enum cfg_tok fail(struct cfg_lex *lx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static enum cfg_tok fail(struct cfg_lex *lx, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(lx->err, sizeof(lx->err), fmt, ap);
	va_end(ap);
	lx->tok = CFG_TOK_ERROR;
	return lx->tok;
}

void cfg_lex_init(struct cfg_lex *lx, const char *buf, size_t len)
{
	lx->buf = buf;
	lx->len = buf ? len : 0;
	lx->pos = 0;
	lx->line = 1;
	lx->tok_line = 1;
	lx->tok = CFG_TOK_NEWLINE;
	lx->text_len = 0;
	lx->text[0] = '\0';
	lx->err[0] = '\0';
}

/* Length of a line end at offset @off: 1 for "\n", 2 for "\r\n", else 0. */
static size_t line_end_len(const struct cfg_lex *lx, size_t off)
{
	if (peek(lx, off) == '\n')
		return 1;
	if (peek(lx, off) == '\r' && peek(lx, off + 1) == '\n')
		return 2;
	return 0;
}

/* Skips blanks, comments and backslash-newline continuations. */
static void skip_blank(struct cfg_lex *lx)
{
	for (;;) {
		int c = peek(lx, 0);
		size_t n;

		if (c == ' ' || c == '\t' || c == '\r' || c == '\f' ||
		    c == '\v') {
			lx->pos++;
		} else if (c == '#') {
			while (peek(lx, 0) != -1 && peek(lx, 0) != '\n')
				lx->pos++;
		} else if (c == '\\' && (n = line_end_len(lx, 1)) != 0) {
			lx->pos += 1 + n;
			lx->line++;
		} else {
			return;
		}
	}
}

static int append(struct cfg_lex *lx, char c)
{
	if (lx->text_len >= CFG_MAX_VALUE_LEN)
		return -1;
	lx->text[lx->text_len++] = c;
	lx->text[lx->text_len] = '\0';
	return 0;
}

/* Copies a run of bytes accepted by @ok as token @tok, at most @max long. */
static enum cfg_tok lex_word(struct cfg_lex *lx, bool (*ok)(int), size_t max,
			     enum cfg_tok tok)
{
	lx->text_len = 0;
	lx->text[0] = '\0';
	do {
		if (lx->text_len >= max)
			return fail(lx, "%s longer than %zu characters",
				    tok == CFG_TOK_IDENT ? "key" : "number",
				    max);
		append(lx, (char)peek(lx, 0));
		lx->pos++;
	} while (peek(lx, 0) != -1 && ok(peek(lx, 0)));
	lx->tok = tok;
	return tok;
}

/* Decodes up to @max digits in @base after the escape letter; -1 if none. */
static int escape_number(struct cfg_lex *lx, int base, unsigned int max)
{
	unsigned int n = 0;
	int v = 0, d;

	while (n < max) {
		d = hex_value(peek(lx, 0));
		if (d < 0 || d >= base)
			break;
		v = v * base + d;
		lx->pos++;
		n++;
	}
	return n ? v : -1;
}

/* Maps the letter of a one-letter escape to its byte, or -1. */
static int simple_escape(int c)
{
	static const char from[] = "ntrabfv\\\"'";
	static const char to[] = "\n\t\r\a\b\f\v\\\"'";
	const char *p = c > 0 ? strchr(from, c) : NULL;

	return p ? to[p - from] : -1;
}

/* Handles the escape at the backslash at pos; appends the decoded byte. */
static int lex_escape(struct cfg_lex *lx)
{
	int c = peek(lx, 1);
	size_t n = line_end_len(lx, 1);
	int v;

	if (n || c == -1) {
		/* A continuation; at the end of input the caller reports. */
		lx->pos += 1 + n;
		lx->line += n ? 1 : 0;
		return 0;
	}
	lx->pos += (c >= '0' && c <= '7') ? 1 : 2;
	if (c == 'x')
		v = escape_number(lx, 16, 2);
	else if (c >= '0' && c <= '7')
		v = escape_number(lx, 8, 3);
	else
		v = simple_escape(c);
	if (v < 0 || v > 255) {
		fail(lx,
		     "bad escape '\\%c' in a string; write \\\\ for a backslash",
		     c >= 0x20 && c < 0x7f ? c : '?');
		return -1;
	}
	if (v == 0) {
		fail(lx, "a string contains a NUL (\\0)");
		return -1;
	}
	if (append(lx, (char)v)) {
		fail(lx, "string longer than %d bytes", CFG_MAX_VALUE_LEN);
		return -1;
	}
	return 0;
}

static enum cfg_tok lex_string(struct cfg_lex *lx)
{
	int q = peek(lx, 0), c;

	lx->text_len = 0;
	lx->text[0] = '\0';
	lx->pos++;
	while ((c = peek(lx, 0)) != q) {
		if (c == -1 || c == '\n')
			return fail(
				lx,
				"string opened with %c is not closed on its line; add the closing %c",
				q, q);
		if (c == '\0')
			return fail(lx, "NUL byte inside a string");
		if (c == '\\') {
			if (lex_escape(lx))
				return CFG_TOK_ERROR;
			continue;
		}
		if (append(lx, (char)c))
			return fail(lx, "string longer than %d bytes",
				    CFG_MAX_VALUE_LEN);
		lx->pos++;
	}
	lx->pos++;
	lx->tok = CFG_TOK_STRING;
	return lx->tok;
}

static enum cfg_tok lex_other(struct cfg_lex *lx, int c)
{
	if (c == '\0')
		return fail(lx, "NUL byte in the file; a config file is text");
	if (c > 0x20 && c < 0x7f)
		return fail(lx, "unexpected character '%c'", c);
	return fail(lx, "unexpected byte 0x%02x", c);
}

/* Consumes @n bytes as token @tok. */
static enum cfg_tok take(struct cfg_lex *lx, size_t n, enum cfg_tok tok)
{
	lx->pos += n;
	lx->tok = tok;
	return tok;
}

enum cfg_tok cfg_lex_next(struct cfg_lex *lx)
{
	int c, c1;
	size_t i;

	if (lx->tok == CFG_TOK_EOF || lx->tok == CFG_TOK_ERROR)
		return lx->tok;
	skip_blank(lx);
	lx->tok_line = lx->line;
	c = peek(lx, 0);
	c1 = peek(lx, 1);
	if (c == -1)
		return take(lx, 0, CFG_TOK_EOF);
	for (i = 0; i < sizeof(single_tokens) / sizeof(single_tokens[0]); i++)
		if (c == single_tokens[i].c)
			return take(lx, 1, single_tokens[i].tok);
	if (c == '\n') {
		lx->line++;
		return take(lx, 1, CFG_TOK_NEWLINE);
	}
	if (c == '+' && c1 == '=')
		return take(lx, 2, CFG_TOK_APPEND);
	if (c == '"' || c == '\'')
		return lex_string(lx);
	if (is_digit(c) || ((c == '-' || c == '+') && is_digit(c1)))
		return lex_word(lx, is_number_char, CFG_MAX_NUMBER_LEN,
				CFG_TOK_NUMBER);
	if (is_alpha(c) || c == '_')
		return lex_word(lx, is_ident_char, CFG_MAX_KEY_LEN,
				CFG_TOK_IDENT);
	return lex_other(lx, c);
}

bool cfg_lex_is_key(const char *s, size_t n)
{
	size_t i;

	if (!n || n > CFG_MAX_KEY_LEN || !(is_alpha(s[0]) || s[0] == '_'))
		return false;
	for (i = 1; i < n; i++)
		if (!is_ident_char((unsigned char)s[i]))
			return false;
	return true;
}

/* Copies @s into @out, at most @max bytes, non-printable bytes as '?'. */
static void printable(char *out, size_t size, const char *s, size_t max)
{
	size_t i;

	for (i = 0; s[i] && i < max && i + 1 < size; i++)
		out[i] = (s[i] >= 0x20 && s[i] < 0x7f) ? s[i] : '?';
	if (size)
		out[i < size ? i : size - 1] = '\0';
}

void cfg_lex_describe(const struct cfg_lex *lx, char *out, size_t size)
{
	static const char *const names[] = {
		[CFG_TOK_EOF] = "end of file",
		[CFG_TOK_NEWLINE] = "end of line",
		[CFG_TOK_SEMI] = "';'",
		[CFG_TOK_ASSIGN] = "'='",
		[CFG_TOK_APPEND] = "'+='",
		[CFG_TOK_LBRACKET] = "'['",
		[CFG_TOK_RBRACKET] = "']'",
		[CFG_TOK_COMMA] = "','",
		[CFG_TOK_ERROR] = "an error",
	};
	char text[48];

	printable(text, sizeof(text), lx->text, 40);
	if (lx->tok == CFG_TOK_IDENT)
		snprintf(out, size, "the word '%s'", text);
	else if (lx->tok == CFG_TOK_NUMBER)
		snprintf(out, size, "the number %s", text);
	else if (lx->tok == CFG_TOK_STRING)
		snprintf(out, size, "the string \"%s%s\"", text,
			 lx->text_len > 40 ? "..." : "");
	else
		snprintf(out, size, "%s", names[lx->tok]);
}
