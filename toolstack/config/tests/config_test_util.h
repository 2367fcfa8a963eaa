/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Helpers shared by the config unit tests: load a config from a string
 * with optional overrides, and check messages in the diagnostics.
 */
#ifndef TOOLSTACK_CONFIG_TEST_UTIL_H
#define TOOLSTACK_CONFIG_TEST_UTIL_H

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "hvm_test.h"
#include "toolstack/config_diag.h"
#include "toolstack/domain_config.h"

/*
 * Frees what @cfg held, then loads @text as file "guest.cfg" with @nr
 * overrides; returns the rc.
 */
static inline int load_cfg(struct domain_config *cfg, struct config_diag *d,
			   const char *text, const char *const *ov,
			   unsigned int nr)
{
	domain_config_free(cfg);
	config_diag_init(d);
	return domain_config_load_buffer(cfg, "guest.cfg", text, strlen(text),
					 ov, nr, d);
}

/* Prints every message, to explain a failing check. */
static inline void dump_diag(const struct config_diag *d)
{
	unsigned int i;

	for (i = 0; i < d->nr_msgs; i++)
		fprintf(stderr, "  %s: %s\n",
			d->msgs[i].severity == CONFIG_SEV_ERROR ? "error"
								: "warning",
			d->msgs[i].text);
}

/* Checks that some message of @d contains @needle. */
#define CHECK_DIAG(d, needle)                                                  \
	do {                                                                   \
		if (!config_diag_find((d), (needle))) {                        \
			hvm_test_fail(__FILE__, __LINE__,                      \
				      "no message contains \"%s\"", (needle)); \
			dump_diag(d);                                          \
		}                                                              \
	} while (0)

/* Checks a clean load: rc 0 and no message at all. */
#define CHECK_CLEAN(rc, d)                                                     \
	do {                                                                   \
		CHECK_EQ(0, (rc));                                             \
		CHECK_EQ(0, (d)->nr_msgs);                                     \
		if ((rc) || (d)->nr_msgs)                                      \
			dump_diag(d);                                          \
	} while (0)

/* The config and messages of the last load_extra(). */
static struct domain_config cfg __attribute__((unused));
static struct config_diag diag __attribute__((unused));

/*
 * Loads "name = 't'" (unless @extra sets a name) and then @extra, as file
 * guest.cfg; @extra therefore starts on line 2.
 */
static inline int load_extra(const char *extra)
{
	char text[4096];

	domain_config_free(&cfg);
	snprintf(text, sizeof(text), "%s\n%s\n",
		 strstr(extra, "name =") ? "" : "name = 't'", extra);
	return load_cfg(&cfg, &diag, text, NULL, 0);
}

/* Loads and expects success with no message. */
#define CHECK_OK(extra)                                                        \
	do {                                                                   \
		int rc_ = load_extra(extra);                                   \
		CHECK_CLEAN(rc_, &diag);                                       \
	} while (0)

/* Loads and expects a config error whose message contains @needle. */
#define CHECK_ERR(extra, needle)                                               \
	do {                                                                   \
		CHECK_EQ(-EINVAL, load_extra(extra));                          \
		CHECK_EQ(CONFIG_ERR_CONFIG, diag.first_error);                 \
		CHECK_DIAG(&diag, needle);                                     \
	} while (0)

/* Loads and expects success with a warning containing @needle. */
#define CHECK_WARN(extra, needle)                                              \
	do {                                                                   \
		CHECK_EQ(0, load_extra(extra));                                \
		CHECK_EQ(0, diag.nr_errors);                                   \
		CHECK_DIAG(&diag, needle);                                     \
	} while (0)

#endif /* TOOLSTACK_CONFIG_TEST_UTIL_H */
