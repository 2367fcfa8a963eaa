/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hvmloader's mini libc: the string functions it and the compiler need,
 * with their standard signatures (libc/string.c).
 */
#ifndef HVMLOADER_LIBC_STRING_H
#define HVMLOADER_LIBC_STRING_H

#include <stddef.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);

#endif /* HVMLOADER_LIBC_STRING_H */
