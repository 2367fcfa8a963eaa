/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A tiny runtime for freestanding test guests: port I/O, CPUID, MSRs, the
 * TSC, output on the debug port 0xE9 and a CHECK macro that reports
 * failures. It compiles for 32-bit guests and for 64-bit ones (crt0_64).
 * Guests print "PASS <name>" or "FAIL <name>: ..." lines; the test reads
 * them from the domain log.
 */
#ifndef TESTS_GUEST_H
#define TESTS_GUEST_H

#include <stddef.h>
#include <stdint.h>

#define GUEST_DEBUG_PORT 0xe9

static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline void outw(uint16_t port, uint16_t v)
{
	__asm__ volatile("outw %0, %1" : : "a"(v), "Nd"(port));
}

static inline void outl(uint16_t port, uint32_t v)
{
	__asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint8_t inb(uint16_t port)
{
	uint8_t v;

	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline uint32_t inl(uint16_t port)
{
	uint32_t v;

	__asm__ volatile("inl %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

/* rep outsw: @count 16-bit writes of @buf to @port (one KVM exit). */
static inline void outsw(uint16_t port, const void *buf, uint32_t count)
{
	__asm__ volatile("rep outsw"
			 : "+S"(buf), "+c"(count)
			 : "d"(port)
			 : "memory");
}

/* rep insw: @count 16-bit reads of @port into @buf (one KVM exit). */
static inline void insw(uint16_t port, void *buf, uint32_t count)
{
	__asm__ volatile("rep insw"
			 : "+D"(buf), "+c"(count)
			 : "d"(port)
			 : "memory");
}

static inline void cpuid(uint32_t leaf, uint32_t *a, uint32_t *b, uint32_t *c,
			 uint32_t *d)
{
	__asm__ volatile("cpuid"
			 : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d)
			 : "a"(leaf), "c"(0));
}

static inline void wrmsr(uint32_t msr, uint64_t v)
{
	__asm__ volatile("wrmsr"
			 :
			 : "c"(msr), "a"((uint32_t)v),
			   "d"((uint32_t)(v >> 32)));
}

static inline uint64_t rdmsr(uint32_t msr)
{
	uint32_t lo, hi;

	__asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((uint64_t)hi << 32) | lo;
}

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

void guest_puts(const char *s);
void guest_puthex(uint32_t v);
void guest_puthex64(uint64_t v);
void guest_putdec(uint32_t v);
void *guest_memset(void *p, int c, size_t n);
int guest_memcmp(const void *a, const void *b, size_t n);

/* Counts failures; guest_check() prints the failing expression. */
extern unsigned int guest_failures;
void guest_check(int ok, const char *what, uint32_t seen);

/* Prints "PASS <what>" if no check failed since @failures_before. */
void guest_pass(unsigned int failures_before, const char *what);

#define GCHECK(cond, seen) guest_check(!!(cond), #cond, (uint32_t)(seen))

#endif /* TESTS_GUEST_H */
