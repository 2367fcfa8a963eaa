/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for the xl.cfg parser and the assignment store: multi-line
 * lists with comments and trailing commas, nesting limits, ';', duplicate
 * keys (last wins, warned inside a file), +=, command-line overrides, and
 * syntax errors that name the file, line and key.
 */
#include "cfg_parse_priv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_test_util.h"

static struct cfg_doc doc;
static struct config_diag diag;

static int parse(const char *text)
{
	cfg_doc_free(&doc);
	config_diag_init(&diag);
	return cfg_parse_text(&doc, "guest.cfg", text, strlen(text), &diag);
}

static const struct cfg_value *value(const char *key)
{
	const struct cfg_assign *a = cfg_doc_find(&doc, key);

	CHECK(a != NULL);
	return a ? &a->value : NULL;
}

static void test_scalars(void)
{
	const struct cfg_value *v;

	CHECK_EQ(0, parse("name = \"web\"\nmemory=512;vcpus = 2 ; x='y'\n"));
	CHECK_EQ(4, doc.nr_assigns);
	v = value("name");
	CHECK(v && v->kind == CFG_VAL_STRING && !strcmp(v->text, "web"));
	CHECK(v && v->line == 1 && !strcmp(v->src, "guest.cfg"));
	v = value("memory");
	CHECK(v && v->kind == CFG_VAL_NUMBER && !strcmp(v->text, "512"));
	CHECK(v && v->line == 2);
	v = value("x");
	CHECK(v && v->kind == CFG_VAL_STRING && !strcmp(v->text, "y"));
	CHECK_EQ(0, diag.nr_msgs);
	/* No trailing newline, empty file, only comments. */
	CHECK_EQ(0, parse("a = 1"));
	CHECK_EQ(1, doc.nr_assigns);
	CHECK_EQ(0, parse(""));
	CHECK_EQ(0, doc.nr_assigns);
	CHECK_EQ(0, parse("# nothing\n\n   # here\n"));
}

static void test_lists(void)
{
	const struct cfg_value *v;

	CHECK_EQ(0, parse("disk = [ 'a', # first\n\n   \"b\" ,\n 3,\n ]\n"
			  "empty = []\nnested = [[1, [2]], 'x']\n"));
	v = value("disk");
	CHECK(v && v->kind == CFG_VAL_LIST && v->nr_items == 3);
	if (v && v->nr_items == 3) {
		CHECK(!strcmp(v->items[0].text, "a"));
		CHECK_EQ(1, v->items[0].line);
		CHECK(!strcmp(v->items[1].text, "b"));
		CHECK_EQ(3, v->items[1].line);
		CHECK_EQ(CFG_VAL_NUMBER, v->items[2].kind);
	}
	v = value("empty");
	CHECK(v && v->kind == CFG_VAL_LIST && v->nr_items == 0);
	v = value("nested");
	CHECK(v && v->nr_items == 2 && v->items[0].kind == CFG_VAL_LIST);
	CHECK_EQ(0, diag.nr_msgs);
}

static void test_nesting_limit(void)
{
	CHECK_EQ(0, parse("a = [[[[1]]]]\n"));
	CHECK_EQ(-EINVAL, parse("a = [[[[[1]]]]]\n"));
	CHECK_DIAG(&diag, "guest.cfg:1: a: lists nested more than 4 deep");
	CHECK_EQ(CONFIG_ERR_SYNTAX, diag.first_error);
}

static void test_list_limit(void)
{
	char *buf = malloc(CFG_MAX_LIST_ITEMS * 3 + 16);
	size_t n = 0;
	unsigned int i;

	CHECK(buf != NULL);
	if (!buf)
		return;
	n += (size_t)snprintf(buf, 8, "a = [");
	for (i = 0; i < CFG_MAX_LIST_ITEMS; i++)
		n += (size_t)snprintf(buf + n, 4, "1,");
	snprintf(buf + n, 4, "]");
	CHECK_EQ(0, parse(buf));
	snprintf(buf + n, 4, "2]");
	CHECK_EQ(-EINVAL, parse(buf));
	CHECK_DIAG(&diag, "more than 64 items");
	free(buf);
}

static void test_key_limit(void)
{
	char *buf = malloc((CFG_MAX_KEYS + 1) * 16);
	size_t n = 0;
	unsigned int i;

	CHECK(buf != NULL);
	if (!buf)
		return;
	for (i = 0; i < CFG_MAX_KEYS + 1; i++)
		n += (size_t)snprintf(buf + n, 16, "k%u = 1\n", i);
	CHECK_EQ(-EINVAL, parse(buf));
	CHECK_DIAG(&diag, "guest.cfg:257: k256: more than 256 different keys");
	free(buf);
}

static void test_duplicates(void)
{
	const struct cfg_value *v;

	/* Last wins, as in xl; inside one file that is worth a warning. */
	CHECK_EQ(0, parse("memory = 256\nname='a'\nmemory = 512\n"));
	v = value("memory");
	CHECK(v && !strcmp(v->text, "512") && v->line == 3);
	CHECK_EQ(1, diag.nr_warnings);
	CHECK_DIAG(
		&diag,
		"guest.cfg:3: memory: also set on line 1; the last value wins");
	CHECK_EQ(0, diag.nr_errors);
}

static void test_append(void)
{
	const struct cfg_value *v;

	CHECK_EQ(0, parse("disk = ['a']\ndisk += ['b', 'c']\nvif += ['x']\n"));
	v = value("disk");
	CHECK(v && v->nr_items == 3 && !strcmp(v->items[2].text, "c"));
	/* += on a key not set yet acts as =. */
	v = value("vif");
	CHECK(v && v->nr_items == 1);
	CHECK_EQ(-EINVAL, parse("name = 'a'\nname += 'b'\n"));
	CHECK_DIAG(&diag, "guest.cfg:2: name: += appends a list to a list");
}

static void check_syntax(const char *text, const char *needle)
{
	CHECK_EQ(-EINVAL, parse(text));
	CHECK_EQ(CONFIG_ERR_SYNTAX, diag.first_error);
	CHECK_DIAG(&diag, needle);
}

static void test_syntax_errors(void)
{
	check_syntax(
		"name = web\n",
		"guest.cfg:1: name: strings must be quoted: write name = \"web\"");
	check_syntax(
		"a = 1\nmemory 512\n",
		"guest.cfg:2: memory: expected '=' after the key, saw the number 512");
	check_syntax("a = 1\n\nmemory =\n",
		     "guest.cfg:3: memory: expected a value");
	check_syntax(
		"memory = 512 256\n",
		"guest.cfg:1: memory: expected the end of the line after the value, saw the number 256");
	check_syntax(
		"disk = [ 'a',\n 'b'\n",
		"guest.cfg:3: disk: expected ',' or ']' in the list opened on line 1, saw end of file");
	check_syntax("disk = [ 'a' 'b' ]\n", "in the list opened on line 1");
	check_syntax(
		"= 3\n",
		"guest.cfg:1: expected a key at the start of a statement, saw '='");
	check_syntax("a = 1\nb = \"open\n",
		     "guest.cfg:2: b: string opened with \" is not closed");
	check_syntax("import os\n",
		     "guest.cfg:1: import: expected '=' after the key");
	check_syntax("a = ]\n", "expected a value");
}

static int override(const char *arg)
{
	return cfg_parse_override(&doc, arg, &diag);
}

static void test_overrides(void)
{
	const struct cfg_value *v;

	CHECK_EQ(0, parse("name = 'file'\ndisk = ['a']\nmemory = 128\n"));
	CHECK_EQ(0, override("name=web1"));
	CHECK_EQ(0, override("memory = 256"));
	CHECK_EQ(0, override("disk+=[\"b\"]"));
	CHECK_EQ(0, override("vif=['bridge=br0']"));
	CHECK_EQ(0, override("vnclisten="));
	v = value("name");
	CHECK(v && v->bare && !strcmp(v->text, "web1") && v->line == 0);
	CHECK(v && !strcmp(v->src, "command line"));
	v = value("memory");
	CHECK(v && v->kind == CFG_VAL_STRING && !strcmp(v->text, "256"));
	v = value("disk");
	CHECK(v && v->nr_items == 2);
	if (v && v->nr_items == 2) {
		CHECK_EQ(2, v->items[0].line);
		CHECK_EQ(0, v->items[1].line);
		CHECK(!strcmp(v->items[1].src, "command line"));
	}
	v = value("vnclisten");
	CHECK(v && v->kind == CFG_VAL_STRING && !strcmp(v->text, ""));
	/* Overrides replace file values silently. */
	CHECK_EQ(0, diag.nr_msgs);
	CHECK_EQ(-EINVAL, override("novalue"));
	CHECK_DIAG(&diag, "command line: 'novalue' is not key=value");
	CHECK_EQ(-EINVAL, override("bad key=1"));
	CHECK_DIAG(&diag, "'bad key' is not a config key");
	CHECK_EQ(-EINVAL, override("=1"));
	CHECK_EQ(-EINVAL, override("disk=['a'] x"));
	CHECK_DIAG(&diag,
		   "command line: disk: expected nothing after the value");
	CHECK_EQ(-EINVAL, override("name='open"));
	CHECK_DIAG(&diag,
		   "command line: name: string opened with ' is not closed");
}

int main(void)
{
	cfg_doc_init(&doc);
	HVM_TEST(test_scalars);
	HVM_TEST(test_lists);
	HVM_TEST(test_nesting_limit);
	HVM_TEST(test_list_limit);
	HVM_TEST(test_key_limit);
	HVM_TEST(test_duplicates);
	HVM_TEST(test_append);
	HVM_TEST(test_syntax_errors);
	HVM_TEST(test_overrides);
	cfg_doc_free(&doc);
	return hvm_test_summary();
}
