/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Helpers the command-line builder's tests share: the dm-abi.md 7.1 example
 * domain as a struct dm_config, and an argv comparison that names the
 * first differing argument.
 */
#ifndef DEVICE_MODEL_DM_LAUNCH_TEST_H
#define DEVICE_MODEL_DM_LAUNCH_TEST_H

#include "dm/dm_launch.h"

/* dm-abi.md 7.1: domid 5 "guest", 1024 MiB, 2 vCPUs, hda + hdc CD, ... */
void dm_test_example(struct dm_config *c);

/* Checks that @a is exactly @exp (NULL-terminated), reporting @file:@line. */
void dm_test_check_argv(const char *file, int line, const struct dm_argv *a,
			const char *const *exp);

#define CHECK_ARGV(a, exp) dm_test_check_argv(__FILE__, __LINE__, (a), (exp))

/* Index of the first argument equal to @s at or after @from, or -1. */
int dm_test_find(const struct dm_argv *a, unsigned int from, const char *s);

/* Checks that @a has an argument equal to @s (after argv[0]). */
#define CHECK_HAS_ARG(a, s) CHECK(dm_test_find((a), 1, (s)) > 0)

#endif /* DEVICE_MODEL_DM_LAUNCH_TEST_H */
