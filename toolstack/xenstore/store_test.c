/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for the tree: lookups (exact and nearest), children in
 * creation order, values, generation counts that never repeat, owner
 * counts through creation, permission changes and subtree removal, and
 * clones that share nothing with their source.
 */
#include "xenstored/store.h"

#include <errno.h>
#include <string.h>

#include "hvm_test.h"

static struct store_node *add(struct store *st, struct store_node *parent,
			      const char *name, const struct perms *p)
{
	struct store_node *n = NULL;

	CHECK_EQ(0, store_add_child(st, parent, name, strlen(name), p, &n));
	return n;
}

static void test_build_and_lookup(void)
{
	struct store *st = NULL;
	struct store_node *a, *b, *c, *n;
	const char *rest;

	CHECK_EQ(0, store_create(&st));
	CHECK_EQ(1, st->nr_nodes);
	a = add(st, st->root, "a", &st->root->perms);
	b = add(st, a, "b", &st->root->perms);
	c = add(st, a, "c", &st->root->perms);
	CHECK(store_lookup(st, "/") == st->root);
	CHECK(store_lookup(st, "/a/b") == b);
	CHECK(store_lookup(st, "/a/c") == c);
	CHECK(store_lookup(st, "/a/d") == NULL);
	CHECK(store_lookup(st, "/a/bb") == NULL);
	CHECK(store_lookup(st, "a") == NULL);
	n = store_lookup_nearest(st, "/a/b/x/y", &rest);
	CHECK(n == b);
	CHECK(!strcmp(rest, "x/y"));
	n = store_lookup_nearest(st, "/q", &rest);
	CHECK(n == st->root);
	CHECK(!strcmp(rest, "q"));
	/* Creation order is kept. */
	CHECK_EQ(2, a->nr_children);
	CHECK(a->children[0] == b && a->children[1] == c);
	CHECK_EQ(4, st->nr_nodes);
	store_destroy(st);
}

static void test_values_and_gens(void)
{
	struct store *st = NULL;
	struct store_node *a;
	uint64_t g0, g1;

	CHECK_EQ(0, store_create(&st));
	g0 = st->root->gen;
	a = add(st, st->root, "a", &st->root->perms);
	/* Adding a child changes the parent's generation. */
	CHECK(st->root->gen > g0);
	g1 = a->gen;
	CHECK_EQ(0, store_set_value(st, a, "xyz", 3));
	CHECK_EQ(3, a->len);
	CHECK(!memcmp(a->value, "xyz", 3));
	CHECK(a->gen > g1);
	CHECK_EQ(0, store_set_value(st, a, NULL, 0));
	CHECK_EQ(0, a->len);
	CHECK(a->value == NULL);
	store_remove(st, a);
	a = add(st, st->root, "a", &st->root->perms);
	CHECK(a->gen > g1 + 1); /* a new node never reuses a generation */
	store_destroy(st);
}

static void test_owner_counts(void)
{
	struct store *st = NULL;
	struct perms p5 = {0}, p6 = {0};
	struct store_node *a, *b;

	CHECK_EQ(0, store_create(&st));
	CHECK_EQ(0, perms_init_one(&p5, PERM_NONE, 5));
	CHECK_EQ(0, perms_init_one(&p6, PERM_READ, 6));
	CHECK_EQ(1, store_owner_count(st, 0));
	a = add(st, st->root, "a", &p5);
	b = add(st, a, "b", &p5);
	add(st, b, "c", &p5);
	CHECK_EQ(3, store_owner_count(st, 5));
	CHECK_EQ(0, store_set_perms(st, b, &p6));
	CHECK_EQ(2, store_owner_count(st, 5));
	CHECK_EQ(1, store_owner_count(st, 6));
	CHECK_EQ(6, perms_owner(&b->perms));
	store_remove(st, a);
	CHECK_EQ(0, store_owner_count(st, 5));
	CHECK_EQ(0, store_owner_count(st, 6));
	CHECK_EQ(1, st->nr_nodes);
	store_remove(st, st->root); /* refused: the root stays */
	CHECK_EQ(1, st->nr_nodes);
	perms_free(&p5);
	perms_free(&p6);
	store_destroy(st);
}

static void test_clone(void)
{
	struct store *st = NULL, *cl = NULL;
	struct store_node *a, *ca;

	CHECK_EQ(0, store_create(&st));
	a = add(st, st->root, "a", &st->root->perms);
	add(st, a, "b", &st->root->perms);
	CHECK_EQ(0, store_set_value(st, a, "v", 1));
	CHECK_EQ(0, store_clone(st, &cl));
	ca = store_lookup(cl, "/a");
	CHECK(ca != NULL && ca != a);
	if (ca) {
		CHECK_EQ(a->gen, ca->gen);
		CHECK_EQ(1, ca->len);
		CHECK(ca->value != a->value);
		CHECK(store_lookup(cl, "/a/b") != NULL);
		CHECK_EQ(0, store_set_value(cl, ca, "w", 1));
	}
	CHECK_EQ('v', a->value[0]);
	CHECK_EQ(st->nr_nodes, cl->nr_nodes);
	CHECK_EQ(store_owner_count(st, 0), store_owner_count(cl, 0));
	store_destroy(cl);
	store_destroy(st);
}

int main(void)
{
	HVM_TEST(test_build_and_lookup);
	HVM_TEST(test_values_and_gens);
	HVM_TEST(test_owner_counts);
	HVM_TEST(test_clone);
	return hvm_test_summary();
}
