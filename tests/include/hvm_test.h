/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A minimal unit-test harness: CHECK macros that print the file, line,
 * what was expected and what was seen, and a runner that counts failures.
 * A test program's main() calls hvm_test_run() for each case and returns
 * hvm_test_summary().
 */
#ifndef HVM_TEST_H
#define HVM_TEST_H

#include <stdbool.h>
#include <stdint.h>

void hvm_test_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void hvm_test_run(const char *name, void (*fn)(void));
int hvm_test_summary(void);

#define CHECK(cond)                                                            \
	do {                                                                   \
		if (!(cond))                                                   \
			hvm_test_fail(__FILE__, __LINE__, "expected %s",       \
				      #cond);                                  \
	} while (0)

#define CHECK_EQ(expected, seen)                                                 \
	do {                                                                     \
		long long e_ = (long long)(expected);                            \
		long long s_ = (long long)(seen);                                \
		if (e_ != s_)                                                    \
			hvm_test_fail(                                           \
				__FILE__, __LINE__,                              \
				"%s: expected %lld (0x%llx), saw %lld (0x%llx)", \
				#seen, e_, (unsigned long long)e_, s_,           \
				(unsigned long long)s_);                         \
	} while (0)

#define CHECK_STR_CONTAINS(haystack, needle)                                   \
	do {                                                                   \
		if (!strstr((haystack), (needle)))                             \
			hvm_test_fail(__FILE__, __LINE__,                      \
				      "expected \"%s\" to contain \"%s\"",     \
				      (haystack), (needle));                   \
	} while (0)

#define HVM_TEST(fn) hvm_test_run(#fn, fn)

/*
 * xorshift64*: the fuzz drivers' pseudo-random sequence, reproducible on
 * every machine. *@state must start non-zero.
 */
static inline uint64_t hvm_test_rand(uint64_t *state)
{
	*state ^= *state >> 12;
	*state ^= *state << 25;
	*state ^= *state >> 27;
	return *state * 0x2545f4914f6cdd1dULL;
}

#endif /* HVM_TEST_H */
