/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests of the SMBIOS tables (smbios.h): entry point checksums and
 * fields, every structure well formed (length, handles unique, string
 * sets terminated, string indexes in range), the totals in the entry
 * point, the UUID and serial from the configuration, and the memory
 * structures for small and large guests.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "hvm_test.h"
#include "hvmloader/smbios.h"

#define TABLE_GPA 0xfc100000u
#define LOW_GPA 0x10000u
#define BUF_SIZE 0x20000u

static uint8_t table_buf[BUF_SIZE], low_buf[BUF_SIZE];
static struct arena table, low;

static const uint8_t test_uuid[16] = {0x01, 0x23, 0x45, 0x67, 0x89, 0xab,
				      0xcd, 0xef, 0xfe, 0xdc, 0xba, 0x98,
				      0x76, 0x54, 0x32, 0x10};

struct parsed {
	unsigned int count, types[128], nr_type4, nr_type17, nr_type19;
	uint16_t max_size;
	const uint8_t *type1;
	uint32_t mem17_mib;
};

static uint8_t sum(const uint8_t *p, size_t len)
{
	uint8_t s = 0;

	while (len--)
		s = (uint8_t)(s + *p++);
	return s;
}

static uint16_t rd16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t rd32(const uint8_t *p)
{
	return (uint32_t)rd16(p) | (uint32_t)rd16(p + 2) << 16;
}

static void config(struct smbios_config *c, unsigned int vcpus, uint64_t ram)
{
	memset(c, 0, sizeof(*c));
	memcpy(c->uuid, test_uuid, sizeof(c->uuid));
	c->nr_vcpus = vcpus;
	snprintf(c->cpu_vendor, sizeof(c->cpu_vendor), "GenuineIntel");
	c->cpu_signature = 0x806f8;
	c->low_ram_end = (uint32_t)(ram < 0xf0000000u ? ram : 0xf0000000u);
	c->high_ram_end =
		ram > 0xf0000000u ? (1ULL << 32) + ram - 0xf0000000u : 0;
	c->bios_address = 0xc0000;
	c->bios_size = 0x40000;
	c->bios_version = "4.17-hvm";
}

/* The strings of the structure at @s; returns its total size. */
static size_t walk_strings(const uint8_t *s, const uint8_t *end,
			   unsigned int *nr)
{
	const uint8_t *p = s + s[1];

	*nr = 0;
	if (p[0] == 0 && p + 1 < end && p[1] == 0)
		return (size_t)(p + 2 - s);
	while (p < end && *p) {
		p += strnlen((const char *)p, (size_t)(end - p)) + 1;
		(*nr)++;
	}
	CHECK(p < end && *p == 0);
	return (size_t)(p + 1 - s);
}

/* String fields of the types we emit: offsets into the formatted area. */
static void check_string_refs(const uint8_t *s, unsigned int nr)
{
	static const uint8_t t0[] = {4, 5, 8}, t1[] = {4, 5, 6, 7, 0x19, 0x1a};
	static const uint8_t t4[] = {4, 7, 0x10, 0x20, 0x21, 0x22};
	const uint8_t *offs = NULL;
	size_t n = 0, i;

	if (s[0] == 0)
		offs = t0, n = sizeof(t0);
	else if (s[0] == 1)
		offs = t1, n = sizeof(t1);
	else if (s[0] == 4)
		offs = t4, n = sizeof(t4);
	for (i = 0; i < n; i++)
		CHECK(s[offs[i]] <= nr);
}

static void parse(const uint8_t *t, size_t len, struct parsed *out)
{
	const uint8_t *p = t, *end = t + len, *start;
	uint16_t handles[256];
	unsigned int nr, i;
	size_t size;

	memset(out, 0, sizeof(*out));
	while (p + 4 <= end && out->count < 256) {
		CHECK(p[1] >= 4);
		size = walk_strings(p, end, &nr);
		check_string_refs(p, nr);
		handles[out->count] = rd16(p + 2);
		for (i = 0; i < out->count; i++)
			CHECK(handles[i] != handles[out->count]);
		if (size > out->max_size)
			out->max_size = (uint16_t)size;
		out->types[out->count++ % 128] = p[0];
		out->nr_type4 += p[0] == 4;
		out->nr_type17 += p[0] == 17;
		out->nr_type19 += p[0] == 19;
		if (p[0] == 17)
			out->mem17_mib += rd16(p + 0xc);
		if (p[0] == 1)
			out->type1 = p;
		start = p;
		p += size;
		if (start[0] == 127)
			break;
	}
	CHECK(p == end);
}

static const uint8_t *build(const struct smbios_config *c, size_t *len,
			    const uint8_t **ep_out)
{
	const uint8_t *ep;
	uint32_t gpa;

	arena_init(&table, table_buf, TABLE_GPA, BUF_SIZE);
	arena_init(&low, low_buf, LOW_GPA, BUF_SIZE);
	CHECK_EQ(0, smbios_build(c, &table, &low, &gpa));
	ep = arena_ptr(&low, gpa, 0x1f);
	CHECK(ep != NULL);
	if (!ep)
		return NULL;
	CHECK(!memcmp(ep, "_SM_", 4));
	CHECK_EQ(0x1f, ep[5]);
	CHECK_EQ(0, sum(ep, 0x1f));
	CHECK(!memcmp(ep + 0x10, "_DMI_", 5));
	CHECK_EQ(0, sum(ep + 0x10, 15));
	CHECK_EQ(2, ep[6]);
	CHECK_EQ(4, ep[7]);
	CHECK_EQ(0x24, ep[0x1e]);
	*len = rd16(ep + 0x16);
	*ep_out = ep;
	return arena_ptr(&table, rd32(ep + 0x18), (uint32_t)*len);
}

static void test_valid(void)
{
	struct smbios_config c;
	struct parsed p;
	const uint8_t *t, *ep;
	size_t len;

	config(&c, 2, 1ULL << 30);
	t = build(&c, &len, &ep);
	CHECK(t != NULL);
	if (!t)
		return;
	parse(t, len, &p);
	CHECK_EQ(rd16(ep + 0x1c), p.count);
	CHECK_EQ(rd16(ep + 8), p.max_size);
	CHECK_EQ(0, p.types[0]);
	CHECK_EQ(1, p.types[1]);
	CHECK_EQ(127, p.types[p.count - 1]);
	CHECK_EQ(2, p.nr_type4);
	CHECK_EQ(1, p.nr_type17);
	CHECK_EQ(1, p.nr_type19);
	CHECK_EQ(1024, p.mem17_mib);
	CHECK(p.type1 && !memcmp(p.type1 + 8, test_uuid, 16));
	CHECK(memmem(t, len, "01234567-89ab-cdef-fedc-ba9876543210", 36));
	CHECK(memmem(t, len, "HVM domU", 8));
	CHECK(memmem(t, len, "4.17-hvm", 8));
}

static void test_large_guest(void)
{
	struct smbios_config c;
	struct parsed p;
	const uint8_t *t, *ep;
	size_t len;

	/* 40 GiB: three memory devices (16 + 16 + 8 GiB), two ranges. */
	config(&c, 128, 40ULL << 30);
	t = build(&c, &len, &ep);
	CHECK(t != NULL);
	if (!t)
		return;
	parse(t, len, &p);
	CHECK_EQ(128, p.nr_type4);
	CHECK_EQ(3, p.nr_type17);
	CHECK_EQ(2, p.nr_type19);
	CHECK_EQ(40 * 1024, p.mem17_mib);
	CHECK_EQ(rd16(ep + 0x1c), p.count);
}

static void test_errors(void)
{
	struct smbios_config c;
	uint32_t gpa;

	config(&c, 0, 1ULL << 30);
	arena_init(&table, table_buf, TABLE_GPA, BUF_SIZE);
	arena_init(&low, low_buf, LOW_GPA, BUF_SIZE);
	CHECK_EQ(-EINVAL, smbios_build(&c, &table, &low, &gpa));
	config(&c, 1, 1ULL << 30);
	arena_init(&table, table_buf, TABLE_GPA, 100);
	CHECK_EQ(-ENOSPC, smbios_build(&c, &table, &low, &gpa));
	arena_init(&table, table_buf, TABLE_GPA, BUF_SIZE);
	arena_init(&low, low_buf, LOW_GPA, 8);
	CHECK_EQ(-ENOSPC, smbios_build(&c, &table, &low, &gpa));
}

int main(void)
{
	HVM_TEST(test_valid);
	HVM_TEST(test_large_guest);
	HVM_TEST(test_errors);
	return hvm_test_summary();
}
