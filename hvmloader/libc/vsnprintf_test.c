/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests of the mini libc's vsnprintf (libc/vsnprintf.c), built for
 * the host under the names hvml_vsnprintf/hvml_snprintf: every conversion
 * hvmloader uses, 64-bit numbers, padding and truncation.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "hvm_test.h"

#define EXPECT(want, ...)                                                      \
	do {                                                                   \
		char buf_[64];                                                 \
		int n_ = snprintf(buf_, sizeof(buf_), __VA_ARGS__);            \
		if (strcmp(buf_, (want)))                                      \
			hvm_test_fail(__FILE__, __LINE__,                      \
				      "expected \"%s\", saw \"%s\"", (want),   \
				      buf_);                                   \
		CHECK_EQ(strlen(want), n_);                                    \
	} while (0)

static void test_integers(void)
{
	EXPECT("0 1 -1 4294967295", "%d %u %i %u", 0, 1u, -1, 0xffffffffu);
	EXPECT("18446744073709551615", "%llu", 0xffffffffffffffffULL);
	EXPECT("-9223372036854775808", "%lld", (long long)INT64_MIN);
	EXPECT("1234567890123", "%llu", 1234567890123ULL);
	EXPECT("0x00c0000 FFFF", "0x%07x %X", 0xc0000u, 0xffffu);
	EXPECT("0x000210000000", "0x%012llx", 0x210000000ULL);
	EXPECT("  42|42  |-0042", "%4d|%-4d|%05d", 42, 42, -42);
	EXPECT("7 8", "%lu %zu", 7ul, (size_t)8);
}

/* Hidden from the compiler's format checks. */
static const char *volatile null_string;

static void test_strings(void)
{
	EXPECT("a:bc:(null)", "%c:%s:%s", 'a', "bc", null_string);
	EXPECT("abc|  x|y  ", "%.3s|%3s|%-3s", "abcdef", "x", "y");
	EXPECT("ab", "%.*s", 2, "abcdef");
	EXPECT("100%", "%d%%", 100);
}

static void test_truncation(void)
{
	char buf[8];

	CHECK_EQ(11, snprintf(buf, sizeof(buf), "hello %s", "world"));
	CHECK(!strcmp(buf, "hello w"));
	CHECK_EQ(3, snprintf(NULL, 0, "%d", 123));
	buf[0] = 'x';
	CHECK_EQ(3, snprintf(buf, 1, "abc"));
	CHECK_EQ(0, buf[0]);
}

int main(void)
{
	HVM_TEST(test_integers);
	HVM_TEST(test_strings);
	HVM_TEST(test_truncation);
	return hvm_test_summary();
}
