/* SPDX-License-Identifier: GPL-2.0-only */
/* Unit tests of the vCPU thread comm and stat parsing (hvmd_vcpustat.c). */
#include "hvmd_vcpustat.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "hvm_test.h"

/*
 * A thread's stat line as Linux 6.1 writes it (52 fields), with the name,
 * state, utime, stime and processor filled in.
 */
static const char *stat_line(const char *comm, char state,
			     unsigned long long utime, unsigned long long stime,
			     unsigned int cpu)
{
	static char line[1024];

	snprintf(
		line, sizeof(line),
		"4242 (%s) %c 1 4200 4200 0 -1 4194368 120 0 0 0 %llu %llu 0 0 20 0 5 0 240961 3133440 415 18446744073709551615 94878017454080 94878017473961 140734469625936 0 0 0 0 4096 0 0 0 0 -1 %u 0 0 0 0 0 94878017489968 94878017491584 94878268882944 140734469634675 140734469634695 140734469634695 140734469636075 0\n",
		comm, state, utime, stime, cpu);
	return line;
}

static void test_parse(void)
{
	struct hvmd_vcpustat st;

	CHECK_EQ(0,
		 hvmd_vcpustat_parse(stat_line("vcpu0", 'S', 315, 17, 3), &st));
	CHECK_EQ('S', st.state);
	CHECK_EQ(315, st.utime);
	CHECK_EQ(17, st.stime);
	CHECK_EQ(3, st.processor);

	CHECK_EQ(0, hvmd_vcpustat_parse(
			    stat_line("vcpu12", 'R', 1ULL << 40, 0, 255), &st));
	CHECK_EQ('R', st.state);
	CHECK_EQ(1ULL << 40, st.utime);
	CHECK_EQ(255, st.processor);
}

/* The name may hold spaces and parentheses, even ") R 1 2 3". */
static void test_parse_odd_names(void)
{
	static const char *const names[] = {"a b", "(x)", "x) R 9 9 9 (y", ")",
					    "a b c d e f"};
	struct hvmd_vcpustat st;
	unsigned int i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		memset(&st, 0, sizeof(st));
		CHECK_EQ(0, hvmd_vcpustat_parse(
				    stat_line(names[i], 'D', 7, 8, 5), &st));
		CHECK_EQ('D', st.state);
		CHECK_EQ(7, st.utime);
		CHECK_EQ(8, st.stime);
		CHECK_EQ(5, st.processor);
	}
	/* An empty name; no trailing newline. */
	CHECK_EQ(
		0,
		hvmd_vcpustat_parse(
			"1 () R 0 0 0 0 0 0 0 0 0 0 4 6 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 2",
			&st));
	CHECK_EQ(4, st.utime);
	CHECK_EQ(2, st.processor);
}

static void test_parse_errors(void)
{
	struct hvmd_vcpustat st = {.state = 'Q', .processor = 99};
	char cut[1024];

	CHECK_EQ(-EINVAL, hvmd_vcpustat_parse("", &st));
	CHECK_EQ(-EINVAL, hvmd_vcpustat_parse("4242 vcpu0 S 1 2 3", &st));
	CHECK_EQ(-EINVAL, hvmd_vcpustat_parse("4242 (vcpu0)", &st));
	CHECK_EQ(-EINVAL, hvmd_vcpustat_parse("4242 (vcpu0) 5 1 2", &st));
	/* Cut before field 38: no processor. */
	snprintf(cut, sizeof(cut), "%s", stat_line("vcpu0", 'S', 1, 2, 3));
	*strstr(cut, " -1 3 ") = '\0';
	CHECK_EQ(-EINVAL, hvmd_vcpustat_parse(cut, &st));
	/* Not a number, a negative time, two spaces, an overflow. */
	CHECK_EQ(
		-EINVAL,
		hvmd_vcpustat_parse(
			"1 (v) R 0 0 0 0 0 0 0 0 0 0 x 6 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 2",
			&st));
	CHECK_EQ(
		-EINVAL,
		hvmd_vcpustat_parse(
			"1 (v) R 0 0 0 0 0 0 0 0 0 0 -4 6 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 2",
			&st));
	CHECK_EQ(
		-EINVAL,
		hvmd_vcpustat_parse(
			"1 (v) R 0 0 0 0 0 0 0 0 0 0  4 6 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 2",
			&st));
	CHECK_EQ(
		-EINVAL,
		hvmd_vcpustat_parse(
			"1 (v) R 0 0 0 0 0 0 0 0 0 0 99999999999999999999 6 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 2",
			&st));
	CHECK_EQ(
		-EINVAL,
		hvmd_vcpustat_parse(
			"1 (v) R 0 0 0 0 0 0 0 0 0 0 4 6 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 4294967296",
			&st));
	/* Failures leave the output alone. */
	CHECK_EQ('Q', st.state);
	CHECK_EQ(99, st.processor);
}

static void test_comm(void)
{
	static const char *const bad[] = {
		"",	    "vcpu",  "vcpu-1",	   "vcpu01",  "vcpu1x",
		"vcpu 1",   "Vcpu1", "hvm-domain", "vcpu128", "vcpu99999999999",
		"vcpu1\n\n"};
	unsigned int id = 77, i;

	CHECK_EQ(0, hvmd_vcpustat_comm("vcpu0\n", &id));
	CHECK_EQ(0, id);
	CHECK_EQ(0, hvmd_vcpustat_comm("vcpu17", &id));
	CHECK_EQ(17, id);
	CHECK_EQ(0, hvmd_vcpustat_comm("vcpu127\n", &id));
	CHECK_EQ(127, id);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		id = 77;
		if (hvmd_vcpustat_comm(bad[i], &id) != -EINVAL)
			hvm_test_fail(__FILE__, __LINE__,
				      "comm \"%s\": expected -EINVAL", bad[i]);
		CHECK_EQ(77, id);
	}
}

static void test_flags_and_time(void)
{
	struct hvmd_vcpustat st = {.state = 'R', .utime = 250, .stime = 70};
	char buf[HVMD_VCPUSTAT_TIME_LEN];

	CHECK(!strcmp(hvmd_vcpustat_flags(&st, false), "r--"));
	CHECK(!strcmp(hvmd_vcpustat_flags(&st, true), "--p"));
	st.state = 'S';
	CHECK(!strcmp(hvmd_vcpustat_flags(&st, false), "-b-"));
	st.state = 'D';
	CHECK(!strcmp(hvmd_vcpustat_flags(&st, false), "-b-"));
	st.state = 'Z';
	CHECK(!strcmp(hvmd_vcpustat_flags(&st, false), "---"));

	hvmd_vcpustat_time(&st, 100, buf, sizeof(buf));
	CHECK(!strcmp(buf, "3.2"));
	hvmd_vcpustat_time(&st, 1000, buf, sizeof(buf));
	CHECK(!strcmp(buf, "0.3"));
	hvmd_vcpustat_time(&st, 0, buf, sizeof(buf));
	CHECK(!strcmp(buf, "0.0"));
}

int main(void)
{
	HVM_TEST(test_parse);
	HVM_TEST(test_parse_odd_names);
	HVM_TEST(test_parse_errors);
	HVM_TEST(test_comm);
	HVM_TEST(test_flags_and_time);
	return hvm_test_summary();
}
