/* SPDX-License-Identifier: GPL-2.0-only */
/* The test guests' runtime (guest.h). */
#include "guest.h"

unsigned int guest_failures;

void guest_puts(const char *s)
{
	while (*s)
		outb(GUEST_DEBUG_PORT, (uint8_t)*s++);
}

void guest_puthex(uint32_t v)
{
	static const char digits[] = "0123456789abcdef";
	int i;

	guest_puts("0x");
	for (i = 28; i >= 0; i -= 4)
		outb(GUEST_DEBUG_PORT, (uint8_t)digits[(v >> i) & 0xf]);
}

void guest_putdec(uint32_t v)
{
	char buf[11];
	int i = sizeof(buf) - 1;

	buf[i] = '\0';
	do {
		buf[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	guest_puts(&buf[i]);
}

void guest_puthex64(uint64_t v)
{
	static const char digits[] = "0123456789abcdef";
	int i;

	guest_puts("0x");
	for (i = 60; i >= 0; i -= 4)
		outb(GUEST_DEBUG_PORT, (uint8_t)digits[(v >> i) & 0xf]);
}

void *guest_memset(void *p, int c, size_t n)
{
	uint8_t *b = p;

	while (n--)
		*b++ = (uint8_t)c;
	return p;
}

int guest_memcmp(const void *a, const void *b, size_t n)
{
	const uint8_t *x = a, *y = b;

	for (; n; n--, x++, y++) {
		if (*x != *y)
			return *x < *y ? -1 : 1;
	}
	return 0;
}

void guest_check(int ok, const char *what, uint32_t seen)
{
	if (ok)
		return;
	guest_failures++;
	guest_puts("FAIL ");
	guest_puts(what);
	guest_puts(" (saw ");
	guest_puthex(seen);
	guest_puts(")\n");
}

void guest_pass(unsigned int failures_before, const char *what)
{
	if (guest_failures != failures_before)
		return;
	guest_puts("PASS ");
	guest_puts(what);
	guest_puts("\n");
}
