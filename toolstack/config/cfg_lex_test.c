/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for the xl.cfg tokenizer: every token kind, comments, line
 * continuations and CRLF, string escapes, line numbers, and the bounded
 * errors (unterminated strings, NUL bytes, overlong keys and strings, bad
 * escapes).
 */
#include "cfg_lex_priv.h"

#include <stdlib.h>
#include <string.h>

#include "hvm_test.h"

static struct cfg_lex lx;

static void start(const char *s)
{
	cfg_lex_init(&lx, s, strlen(s));
}

/* Checks the next token's kind and, unless @text is NULL, its text. */
#define CHECK_TOK(tok, text) check_tok(__LINE__, (tok), (text))

static void check_tok(int line, enum cfg_tok tok, const char *text)
{
	enum cfg_tok got = cfg_lex_next(&lx);

	if (got != tok)
		hvm_test_fail(__FILE__, line, "expected token %d, saw %d (%s)",
			      tok, got, lx.err);
	else if (text && strcmp(lx.text, text))
		hvm_test_fail(__FILE__, line,
			      "expected text \"%s\", saw \"%s\"", text,
			      lx.text);
}

static void test_tokens(void)
{
	start("name = \"web\" # comment\nmemory=512;disk+=[1,'a',]\n");
	CHECK_TOK(CFG_TOK_IDENT, "name");
	CHECK_TOK(CFG_TOK_ASSIGN, NULL);
	CHECK_TOK(CFG_TOK_STRING, "web");
	CHECK_TOK(CFG_TOK_NEWLINE, NULL);
	CHECK_EQ(1, lx.tok_line);
	CHECK_TOK(CFG_TOK_IDENT, "memory");
	CHECK_EQ(2, lx.tok_line);
	CHECK_TOK(CFG_TOK_ASSIGN, NULL);
	CHECK_TOK(CFG_TOK_NUMBER, "512");
	CHECK_TOK(CFG_TOK_SEMI, NULL);
	CHECK_TOK(CFG_TOK_IDENT, "disk");
	CHECK_TOK(CFG_TOK_APPEND, NULL);
	CHECK_TOK(CFG_TOK_LBRACKET, NULL);
	CHECK_TOK(CFG_TOK_NUMBER, "1");
	CHECK_TOK(CFG_TOK_COMMA, NULL);
	CHECK_TOK(CFG_TOK_STRING, "a");
	CHECK_TOK(CFG_TOK_COMMA, NULL);
	CHECK_TOK(CFG_TOK_RBRACKET, NULL);
	CHECK_TOK(CFG_TOK_NEWLINE, NULL);
	CHECK_TOK(CFG_TOK_EOF, NULL);
	CHECK_TOK(CFG_TOK_EOF, NULL);
}

static void test_numbers(void)
{
	start("-3600 +5 0x1F 1.5 12abc");
	CHECK_TOK(CFG_TOK_NUMBER, "-3600");
	CHECK_TOK(CFG_TOK_NUMBER, "+5");
	CHECK_TOK(CFG_TOK_NUMBER, "0x1F");
	/* Checked by the converters, which can name the key. */
	CHECK_TOK(CFG_TOK_NUMBER, "1.5");
	CHECK_TOK(CFG_TOK_NUMBER, "12abc");
	CHECK_TOK(CFG_TOK_EOF, NULL);
}

static void test_escapes(void)
{
	start("\"\\x41\\101\\n\\t\\\\\\\"\\'\" 'it\\'s' \"C:\\\\x\"");
	CHECK_TOK(CFG_TOK_STRING, "AA\n\t\\\"'");
	CHECK_EQ(7, lx.text_len);
	CHECK_TOK(CFG_TOK_STRING, "it's");
	CHECK_TOK(CFG_TOK_STRING, "C:\\x");
	/* A double quote inside single quotes needs no escape. */
	start("'say \"hi\"'");
	CHECK_TOK(CFG_TOK_STRING, "say \"hi\"");
}

static void test_continuations(void)
{
	/* Backslash-newline joins lines, outside and inside strings. */
	start("memory \\\n = \\\r\n 512\nname = \"ab\\\ncd\"\n");
	CHECK_TOK(CFG_TOK_IDENT, "memory");
	CHECK_TOK(CFG_TOK_ASSIGN, NULL);
	CHECK_EQ(2, lx.tok_line);
	CHECK_TOK(CFG_TOK_NUMBER, "512");
	CHECK_EQ(3, lx.tok_line);
	CHECK_TOK(CFG_TOK_NEWLINE, NULL);
	CHECK_TOK(CFG_TOK_IDENT, "name");
	CHECK_EQ(4, lx.tok_line);
	CHECK_TOK(CFG_TOK_ASSIGN, NULL);
	CHECK_TOK(CFG_TOK_STRING, "abcd");
	CHECK_TOK(CFG_TOK_NEWLINE, NULL);
	CHECK_EQ(5, lx.tok_line);
	/* CRLF line ends: the CR is blank. */
	start("a=1\r\nb=2\r\n");
	CHECK_TOK(CFG_TOK_IDENT, "a");
	CHECK_TOK(CFG_TOK_ASSIGN, NULL);
	CHECK_TOK(CFG_TOK_NUMBER, "1");
	CHECK_TOK(CFG_TOK_NEWLINE, NULL);
	CHECK_TOK(CFG_TOK_IDENT, "b");
	CHECK_EQ(2, lx.tok_line);
}

static void check_error(const char *input, size_t len, const char *needle)
{
	cfg_lex_init(&lx, input, len);
	while (lx.tok != CFG_TOK_ERROR && lx.tok != CFG_TOK_EOF)
		cfg_lex_next(&lx);
	CHECK_EQ(CFG_TOK_ERROR, lx.tok);
	CHECK_STR_CONTAINS(lx.err, needle);
	/* Errors are sticky. */
	CHECK_EQ(CFG_TOK_ERROR, cfg_lex_next(&lx));
}

static void test_errors(void)
{
	static const char nul_file[] = "a = 1\n\0b = 2\n";

	check_error("name = \"web\n", 12, "not closed");
	check_error("name = 'web", 11, "add the closing '");
	check_error(nul_file, sizeof(nul_file) - 1, "NUL byte in the file");
	check_error("name = \"a\0b\"", 12, "NUL byte inside a string");
	check_error("name = \"a\\0b\"", 13, "contains a NUL");
	check_error("name = \"\\q\"", 11, "bad escape '\\q'");
	check_error("name = \"\\x\"", 11, "bad escape");
	check_error("name = @", 8, "unexpected character '@'");
	check_error("name = \x01", 8, "unexpected byte 0x01");
	check_error("name = \"abc\\", 12, "not closed");
	/* The line of an error is where its token starts. */
	check_error("a = 1\nb = 2\nc = \"x\n", 19, "not closed");
	CHECK_EQ(3, lx.tok_line);
}

static void test_limits(void)
{
	size_t n = CFG_MAX_VALUE_LEN + 16;
	char *buf = malloc(n + 4);
	char key[CFG_MAX_KEY_LEN + 2];

	CHECK(buf != NULL);
	if (!buf)
		return;
	/* A string of exactly the maximum length is fine... */
	buf[0] = '"';
	memset(buf + 1, 'x', CFG_MAX_VALUE_LEN);
	buf[CFG_MAX_VALUE_LEN + 1] = '"';
	cfg_lex_init(&lx, buf, CFG_MAX_VALUE_LEN + 2);
	CHECK_EQ(CFG_TOK_STRING, cfg_lex_next(&lx));
	CHECK_EQ(CFG_MAX_VALUE_LEN, lx.text_len);
	/* ...one byte more is not. */
	memset(buf + 1, 'x', CFG_MAX_VALUE_LEN + 1);
	buf[CFG_MAX_VALUE_LEN + 2] = '"';
	check_error(buf, CFG_MAX_VALUE_LEN + 3, "longer than 4096");
	free(buf);

	memset(key, 'k', sizeof(key) - 1);
	key[sizeof(key) - 1] = '\0';
	check_error(key, strlen(key), "key longer than 64");
	CHECK(cfg_lex_is_key(key, CFG_MAX_KEY_LEN));
	CHECK(!cfg_lex_is_key(key, CFG_MAX_KEY_LEN + 1));
	CHECK(!cfg_lex_is_key("9a", 2));
	CHECK(!cfg_lex_is_key("a b", 3));
	CHECK(!cfg_lex_is_key("", 0));
}

static void test_describe(void)
{
	char out[80];

	start("[ word 12 \"a\x01string\"");
	cfg_lex_next(&lx);
	cfg_lex_describe(&lx, out, sizeof(out));
	CHECK_STR_CONTAINS(out, "'['");
	cfg_lex_next(&lx);
	cfg_lex_describe(&lx, out, sizeof(out));
	CHECK_STR_CONTAINS(out, "the word 'word'");
	cfg_lex_next(&lx);
	cfg_lex_describe(&lx, out, sizeof(out));
	CHECK_STR_CONTAINS(out, "the number 12");
	cfg_lex_next(&lx);
	cfg_lex_describe(&lx, out, sizeof(out));
	CHECK_STR_CONTAINS(out, "the string \"a?string\"");
	cfg_lex_next(&lx);
	cfg_lex_describe(&lx, out, sizeof(out));
	CHECK_STR_CONTAINS(out, "end of file");
}

int main(void)
{
	HVM_TEST(test_tokens);
	HVM_TEST(test_numbers);
	HVM_TEST(test_escapes);
	HVM_TEST(test_continuations);
	HVM_TEST(test_errors);
	HVM_TEST(test_limits);
	HVM_TEST(test_describe);
	return hvm_test_summary();
}
