/* SPDX-License-Identifier: GPL-2.0-only */
/* Unit tests for host CPU lists: single CPUs, ranges, and junk. */
#include "hypervisor/cpu_list.h"

#include <errno.h>
#include <stdio.h>

#include "hvm_test.h"

static void test_accepts(void)
{
	cpu_set_t s;

	CHECK_EQ(0, cpu_list_parse("1", &s));
	CHECK_EQ(1, CPU_COUNT(&s));
	CHECK(CPU_ISSET(1, &s));
	CHECK_EQ(0, cpu_list_parse("0-3,6", &s));
	CHECK_EQ(5, CPU_COUNT(&s));
	CHECK(CPU_ISSET(3, &s) && CPU_ISSET(6, &s) && !CPU_ISSET(4, &s));
	CHECK_EQ(0, cpu_list_parse("5-5,2,2", &s));
	CHECK_EQ(2, CPU_COUNT(&s));
	CHECK_EQ(0, cpu_list_parse("1023", &s));
	CHECK(CPU_ISSET(1023, &s));
}

static void test_refuses(void)
{
	static const char *const bad[] = {
		"",
		",",
		"1,",
		",1",
		"1,,2",
		"3-1",
		"1-",
		"-1",
		"1-2-3",
		" 1",
		"1 ",
		"a",
		"0x1",
		"1024",
		"0-1024",
		"1;2",
		"99999999999999999999999",
	};
	cpu_set_t s;
	unsigned int i;

	CPU_ZERO(&s);
	CPU_SET(7, &s);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (cpu_list_parse(bad[i], &s) != -EINVAL)
			printf("accepted \"%s\"\n", bad[i]);
		CHECK_EQ(-EINVAL, cpu_list_parse(bad[i], &s));
	}
	/* Unchanged on failure. */
	CHECK_EQ(1, CPU_COUNT(&s));
	CHECK(CPU_ISSET(7, &s));
}

int main(void)
{
	HVM_TEST(test_accepts);
	HVM_TEST(test_refuses);
	return hvm_test_summary();
}
