/* SPDX-License-Identifier: GPL-2.0-only */
/* Unit tests of host CPU list parsing and formatting (hvmd_cpulist.c). */
#include "hvmd_cpulist.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "hvm_test.h"

static char text[HVMD_CPULIST_STR_LEN];

/* @s parsed and written back without an online set. */
static const char *round_trip(const char *s)
{
	cpu_set_t set;

	if (hvmd_cpulist_parse(s, &set))
		return "(error)";
	hvmd_cpulist_format(&set, NULL, text, sizeof(text));
	return text;
}

#define CHECK_LIST(in, want)                                                   \
	do {                                                                   \
		const char *got_ = round_trip(in);                             \
		if (strcmp(got_, (want)))                                      \
			hvm_test_fail(__FILE__, __LINE__,                      \
				      "\"%s\": expected \"%s\", saw \"%s\"",   \
				      (in), (want), got_);                     \
	} while (0)

static void test_parse(void)
{
	cpu_set_t set;

	CHECK_LIST("0", "0");
	CHECK_LIST("0-3,6", "0-3,6");
	CHECK_LIST("6,0-3", "0-3,6");
	CHECK_LIST("1,2,3,5,7-8", "1-3,5,7-8");
	CHECK_LIST("0-7,^2", "0-1,3-7");
	CHECK_LIST("0-7,^2-3,3", "0-1,3-7");
	CHECK_LIST("1023", "1023");
	CHECK_EQ(0, hvmd_cpulist_parse("all", &set));
	CHECK_EQ(CPU_SETSIZE, CPU_COUNT(&set));
	/* A leading exclusion excludes from all CPUs. */
	CHECK_EQ(0, hvmd_cpulist_parse("^1", &set));
	CHECK_EQ(CPU_SETSIZE - 1, CPU_COUNT(&set));
	CHECK(CPU_ISSET(0, &set) && !CPU_ISSET(1, &set));
	CHECK(CPU_ISSET(CPU_SETSIZE - 1, &set));
}

static void test_parse_errors(void)
{
	static const char *const bad[] = {"",	   ",",
					  "0,",	   ",0",
					  "1-",	   "-1",
					  "3-1",   "^",
					  "0,^",   "^^1",
					  "a",	   "0 ",
					  " 0",	   "0;1",
					  "1024",  "0-1024",
					  "ALL",   "all,0",
					  "0,all", "^0-1023",
					  "0,^0",  "99999999999999999999",
					  "0x1",   "1--2"};
	cpu_set_t set;
	unsigned int i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		CPU_ZERO(&set);
		CPU_SET(5, &set);
		if (hvmd_cpulist_parse(bad[i], &set) != -EINVAL)
			hvm_test_fail(__FILE__, __LINE__,
				      "\"%s\": expected -EINVAL", bad[i]);
		CHECK(CPU_COUNT(&set) == 1 && CPU_ISSET(5, &set));
	}
}

static void test_format_all(void)
{
	cpu_set_t set, online;

	CPU_ZERO(&online);
	CPU_SET(0, &online);
	CPU_SET(1, &online);
	CPU_SET(2, &online);
	CPU_SET(3, &online);
	CHECK_EQ(0, hvmd_cpulist_parse("0-3", &set));
	hvmd_cpulist_format(&set, &online, text, sizeof(text));
	CHECK(!strcmp(text, "all"));
	/* More than online (possible, offline CPUs) is still all. */
	CHECK_EQ(0, hvmd_cpulist_parse("0-7", &set));
	hvmd_cpulist_format(&set, &online, text, sizeof(text));
	CHECK(!strcmp(text, "all"));
	CHECK_EQ(0, hvmd_cpulist_parse("0-2,6", &set));
	hvmd_cpulist_format(&set, &online, text, sizeof(text));
	CHECK(!strcmp(text, "0-2,6"));
	/* No online CPUs known: never "all". */
	CPU_ZERO(&online);
	CHECK_EQ(0, hvmd_cpulist_parse("0-3", &set));
	hvmd_cpulist_format(&set, &online, text, sizeof(text));
	CHECK(!strcmp(text, "0-3"));
	CPU_ZERO(&set);
	hvmd_cpulist_format(&set, NULL, text, sizeof(text));
	CHECK(!strcmp(text, "none"));
}

/* Every other CPU: the longest list, and a buffer too small for it. */
static void test_format_long(void)
{
	char small[8];
	cpu_set_t set;
	unsigned int i;

	CPU_ZERO(&set);
	for (i = 0; i < CPU_SETSIZE; i += 2)
		CPU_SET(i, &set);
	hvmd_cpulist_format(&set, NULL, text, sizeof(text));
	CHECK(!strncmp(text, "0,2,4,6,", 8));
	CHECK(strstr(text, ",1020,1022") != NULL);
	CHECK(strlen(text) < sizeof(text));
	hvmd_cpulist_format(&set, NULL, small, sizeof(small));
	CHECK(!strcmp(small, "0,2,4,6"));
}

int main(void)
{
	HVM_TEST(test_parse);
	HVM_TEST(test_parse_errors);
	HVM_TEST(test_format_all);
	HVM_TEST(test_format_long);
	return hvm_test_summary();
}
