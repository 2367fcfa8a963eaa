/* SPDX-License-Identifier: GPL-2.0-only */
/* Unit tests of hvmd's domain table and domid allocator (domtab.c). */
#include "domtab.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hvm_test.h"

static struct domtab t;

static struct domtab_dom *add(const char *name)
{
	struct domtab_dom *d;
	int rc;

	d = domtab_add(&t, name, &rc);
	if (d)
		d->cfg.name = strdup(name);
	return d;
}

static void test_alloc_and_lookup(void)
{
	struct domtab_dom *a, *b;
	int rc;

	domtab_init(&t);
	a = add("web");
	b = add("db");
	CHECK(a && b);
	CHECK_EQ(1, a->domid);
	CHECK_EQ(2, b->domid);
	CHECK(domtab_lookup(&t, "web") == a);
	CHECK(domtab_lookup(&t, "2") == b);
	CHECK(domtab_lookup(&t, "3") == NULL);
	CHECK(domtab_lookup(&t, "0") == NULL);
	CHECK(domtab_lookup(&t, "2x") == NULL);
	CHECK(domtab_add(&t, "web", &rc) == NULL);
	CHECK_EQ(-EEXIST, rc);
	domtab_free(&t);
}

static void test_domids_grow_like_xen(void)
{
	struct domtab_dom *a, *b;

	domtab_init(&t);
	a = add("a");
	domtab_remove(a);
	b = add("b");
	/* A freed domid is not handed out again at once. */
	CHECK_EQ(2, b->domid);
	CHECK_EQ(0, domtab_renumber(&t, b));
	CHECK_EQ(3, b->domid);
	domtab_free(&t);
}

static void test_wrap_skips_used(void)
{
	struct domtab_dom *a, *b;
	int rc;

	domtab_init(&t);
	a = domtab_add_at(&t, 1, &rc);
	a->cfg.name = strdup("one");
	b = domtab_add_at(&t, DOMTAB_MAX_DOMID, &rc);
	CHECK(b != NULL);
	b->cfg.name = strdup("last");
	CHECK(domtab_add_at(&t, 1, &rc) == NULL);
	CHECK_EQ(-EEXIST, rc);
	CHECK(domtab_add_at(&t, 0, &rc) == NULL);
	CHECK_EQ(-EINVAL, rc);
	b = add("next");
	CHECK_EQ(2, b->domid);
	domtab_free(&t);
}

static void test_table_full(void)
{
	char name[16];
	unsigned int i;
	int rc;

	domtab_init(&t);
	for (i = 0; i < DOMTAB_MAX; i++) {
		snprintf(name, sizeof(name), "d%u", i);
		CHECK(add(name) != NULL);
	}
	CHECK(domtab_add(&t, "more", &rc) == NULL);
	CHECK_EQ(-ENOSPC, rc);
	domtab_free(&t);
}

static void test_state_names(void)
{
	enum domtab_state s;

	CHECK(!strcmp(domtab_state_name(DOMTAB_PAUSED), "paused"));
	CHECK(!strcmp(domtab_state_flags(DOMTAB_RUNNING), "r-----"));
	CHECK_EQ(0, domtab_state_parse("crashed", &s));
	CHECK_EQ(DOMTAB_CRASHED, s);
	CHECK_EQ(-EINVAL, domtab_state_parse("bogus", &s));
}

int main(void)
{
	HVM_TEST(test_alloc_and_lookup);
	HVM_TEST(test_domids_grow_like_xen);
	HVM_TEST(test_wrap_skips_used);
	HVM_TEST(test_table_full);
	HVM_TEST(test_state_names);
	return hvm_test_summary();
}
