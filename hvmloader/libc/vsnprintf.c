/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Formatted output of the mini libc (stdio.h). 64-bit numbers are divided
 * by 10 in 16-bit steps, so no libgcc helper (__udivdi3) is needed.
 */
#include <stdio.h>

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>

struct out {
	char *buf;
	size_t size;
	size_t len; /* what would have been written */
};

struct spec {
	bool left;
	bool zero;
	unsigned int width;
	int precision;	   /* -1: none */
	unsigned int lmod; /* 0 int, 1 long, 2 long long, 3 size_t */
	char conv;
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void pad(struct out *o, char c, unsigned int n)
{
	while (n--)
		put(o, c);
}

/* *@n /= 10; returns the remainder. */
static unsigned int div10(uint64_t *n)
{
	uint32_t hi = (uint32_t)(*n >> 32), lo = (uint32_t)*n;
	uint32_t qhi = hi / 10, r = hi % 10, t, q1, q0;

	t = (r << 16) | (lo >> 16);
	q1 = t / 10;
	r = t % 10;
	t = (r << 16) | (lo & 0xffffu);
	q0 = t / 10;
	r = t % 10;
	*n = ((uint64_t)qhi << 32) | ((uint64_t)q1 << 16) | q0;
	return r;
}

static void put_field(struct out *o, const struct spec *s, const char *str,
		      unsigned int len, bool neg)
{
	unsigned int total = len + neg;
	unsigned int fill = s->width > total ? s->width - total : 0;

	if (!s->left && !s->zero)
		pad(o, ' ', fill);
	if (neg)
		put(o, '-');
	if (!s->left && s->zero)
		pad(o, '0', fill);
	while (len--)
		put(o, *str++);
	if (s->left)
		pad(o, ' ', fill);
}

static void put_number(struct out *o, const struct spec *s, uint64_t v,
		       bool neg)
{
	static const char lower[] = "0123456789abcdef";
	static const char upper[] = "0123456789ABCDEF";
	const char *digits = s->conv == 'X' ? upper : lower;
	char tmp[24];
	unsigned int n = 0;
	bool hex = s->conv == 'x' || s->conv == 'X' || s->conv == 'p';

	do {
		if (hex) {
			tmp[sizeof(tmp) - 1 - n++] = digits[v & 0xf];
			v >>= 4;
		} else {
			tmp[sizeof(tmp) - 1 - n++] = digits[div10(&v)];
		}
	} while (v);
	put_field(o, s, tmp + sizeof(tmp) - n, n, neg);
}

static void put_string(struct out *o, const struct spec *s, const char *str)
{
	unsigned int len = 0;

	if (!str)
		str = "(null)";
	while (str[len] &&
	       (s->precision < 0 || len < (unsigned int)s->precision))
		len++;
	put_field(o, s, str, len, false);
}

/* Reads flags, width, precision and length; returns past them. */
static const char *parse_spec(const char *f, struct spec *s, va_list *ap)
{
	*s = (struct spec){.precision = -1};
	for (;; f++) {
		if (*f == '-')
			s->left = true;
		else if (*f == '0')
			s->zero = true;
		else
			break;
	}
	for (; *f >= '0' && *f <= '9'; f++)
		s->width = s->width * 10 + (unsigned int)(*f - '0');
	if (*f == '.') {
		f++;
		s->precision = 0;
		if (*f == '*') {
			s->precision = va_arg(*ap, int);
			f++;
		}
		for (; *f >= '0' && *f <= '9'; f++)
			s->precision = s->precision * 10 + (*f - '0');
	}
	for (; *f == 'l' || *f == 'h' || *f == 'z'; f++) {
		if (*f == 'l')
			s->lmod++;
		else if (*f == 'z')
			s->lmod = 3;
	}
	s->conv = *f;
	return f;
}

static uint64_t get_unsigned(const struct spec *s, va_list *ap)
{
	if (s->lmod == 2)
		return va_arg(*ap, unsigned long long);
	if (s->lmod == 1)
		return va_arg(*ap, unsigned long);
	if (s->lmod == 3)
		return va_arg(*ap, size_t);
	return va_arg(*ap, unsigned int);
}

static int64_t get_signed(const struct spec *s, va_list *ap)
{
	if (s->lmod == 2)
		return va_arg(*ap, long long);
	if (s->lmod == 1)
		return va_arg(*ap, long);
	if (s->lmod == 3)
		return (int64_t)va_arg(*ap, size_t);
	return va_arg(*ap, int);
}

static void convert(struct out *o, struct spec *s, va_list *ap)
{
	int64_t sv;
	char c;

	switch (s->conv) {
	case 'd':
	case 'i':
		sv = get_signed(s, ap);
		put_number(o, s, sv < 0 ? 0 - (uint64_t)sv : (uint64_t)sv,
			   sv < 0);
		break;
	case 'u':
	case 'x':
	case 'X':
		put_number(o, s, get_unsigned(s, ap), false);
		break;
	case 'p':
		put_number(o, s, (uintptr_t)va_arg(*ap, void *), false);
		break;
	case 'c':
		c = (char)va_arg(*ap, int);
		put_field(o, s, &c, 1, false);
		break;
	case 's':
		put_string(o, s, va_arg(*ap, const char *));
		break;
	case '%':
		put(o, '%');
		break;
	default:
		put(o, '%');
		if (s->conv)
			put(o, s->conv);
		break;
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = {buf, size, 0};
	struct spec s;
	va_list aq;

	va_copy(aq, ap);
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		fmt = parse_spec(fmt + 1, &s, &aq);
		convert(&o, &s, &aq);
		if (!*fmt)
			break;
	}
	va_end(aq);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
