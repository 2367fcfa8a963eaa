/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for the port bus (overlaps, bounds, lookups at range edges)
 * and the debug console (lines, sanitising, long lines, bad accesses).
 */
#include "hypervisor/debugcon.h"

#include "hypervisor/clock_ms.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "hvm_test.h"

struct sink {
	unsigned int nr;
	char last[300];
};

static void collect(void *opaque, const char *line)
{
	struct sink *k = opaque;

	k->nr++;
	strncpy(k->last, line, sizeof(k->last) - 1);
}

static void put(struct hv_dev *d, const char *s)
{
	while (*s)
		CHECK_EQ(0, d->ops->write(d, 0, 1, (uint8_t)*s++));
}

static void test_lines_and_sanitising(void)
{
	struct sink k = {0};
	struct hv_dev *d = NULL;
	uint64_t v = 0;

	CHECK_EQ(0, debugcon_create(collect, &k, &d));
	if (!d)
		return;
	put(d, "hello\r\n");
	CHECK_EQ(1, k.nr);
	CHECK(strcmp(k.last, "hello") == 0);
	put(d, "a\x1b[2Jb\x01\tc\n");
	CHECK(strcmp(k.last, "a?[2Jb? c") == 0);
	CHECK_EQ(0, d->ops->write(d, 0, 2, 0x4141)); /* ignored: not a byte */
	CHECK_EQ(0, d->ops->write(d, 1, 1, 'x'));    /* ignored: offset */
	CHECK_EQ(0, d->ops->read(d, 0, 1, &v));
	CHECK_EQ(~0ULL, v);
	CHECK_EQ(2, k.nr);
	CHECK(d->nr_ignored == 3);
	d->ops->destroy(d);
}

static void test_long_line_is_split(void)
{
	struct sink k = {0};
	struct hv_dev *d = NULL;
	unsigned int i;

	CHECK_EQ(0, debugcon_create(collect, &k, &d));
	if (!d)
		return;
	for (i = 0; i < 1000; i++)
		CHECK_EQ(0, d->ops->write(d, 0, 1, 'z'));
	CHECK_EQ(3, k.nr); /* 3 full lines of 256, 232 bytes pending */
	CHECK_EQ(256, strlen(k.last));
	d->ops->destroy(d); /* flushes the rest */
	CHECK_EQ(4, k.nr);
	CHECK_EQ(1000 - 3 * 256, strlen(k.last));
}

#define WRITERS 4
#define WRITES 20000

static void count_lines(void *opaque, const char *line)
{
	unsigned int *n = opaque;

	(*n)++; /* called under the device's lock */
	CHECK(strlen(line) <= 256);
}

static void *writer(void *arg)
{
	struct hv_dev *d = arg;
	unsigned int i;

	for (i = 0; i < WRITES; i++)
		(void)!d->ops->write(d, 0, 1, i % 97 ? 'w' : '\n');
	return NULL;
}

/* vCPU threads write at once: no byte may land outside the line. */
static void test_concurrent_writers(void)
{
	pthread_t t[WRITERS];
	struct hv_dev *d = NULL;
	unsigned int i, lines = 0;

	CHECK_EQ(0, debugcon_create(count_lines, &lines, &d));
	if (!d)
		return;
	for (i = 0; i < WRITERS; i++)
		CHECK_EQ(0, pthread_create(&t[i], NULL, writer, d));
	for (i = 0; i < WRITERS; i++)
		pthread_join(t[i], NULL);
	d->ops->destroy(d);
	CHECK(lines >= WRITERS * WRITES / 257);
}

/*
 * A guest that floods its debug console: after the burst, lines go through
 * at the steady rate only (2000 and 20 a second in debugcon.c).
 */
static void test_flood_is_limited(void)
{
	struct hv_dev *d = NULL;
	unsigned int i, lines = 0;
	uint64_t start = clock_ms_now(), secs;

	CHECK_EQ(0, debugcon_create(count_lines, &lines, &d));
	if (!d)
		return;
	for (i = 0; i < 5000; i++)
		put(d, "flood\n");
	secs = (clock_ms_now() - start) / 1000 + 1;
	d->ops->destroy(d);
	CHECK(lines >= 2000);
	CHECK(lines <= 2000 + 20 * secs);
	if (lines < 2000 || lines > 2000 + 20 * secs)
		fprintf(stderr, "flood: %u of 5000 lines in under %llu s\n",
			lines, (unsigned long long)secs);
}

static void test_pio_bus(void)
{
	struct hv_pio_bus bus = {0};
	struct hv_dev a = {0}, b = {0};
	uint64_t off = 99;
	unsigned int i;

	CHECK_EQ(0, hv_pio_bus_add(&bus, 0x40, 4, &a));
	CHECK_EQ(-EEXIST, hv_pio_bus_add(&bus, 0x43, 2, &b));
	CHECK_EQ(-EINVAL, hv_pio_bus_add(&bus, 0xfffe, 4, &b));
	CHECK_EQ(-EINVAL, hv_pio_bus_add(&bus, 0x10, 0, &b));
	CHECK_EQ(0, hv_pio_bus_add(&bus, 0xfffc, 4, &b));
	CHECK(hv_pio_bus_find(&bus, 0x43, 1, &off) == &a);
	CHECK_EQ(3, off);
	CHECK(hv_pio_bus_find(&bus, 0x43, 2, &off) == NULL); /* straddles */
	CHECK(hv_pio_bus_find(&bus, 0x3f, 1, &off) == NULL);
	CHECK(hv_pio_bus_find(&bus, 0xfffe, 2, &off) == &b);
	CHECK(hv_pio_bus_find(&bus, 0xffff, 4, &off) == NULL);
	for (i = 0; i < HV_PIO_BUS_MAX; i++)
		(void)!hv_pio_bus_add(&bus, (uint16_t)(0x1000 + i * 8), 8, &b);
	CHECK_EQ(HV_PIO_BUS_MAX, bus.nr);
	CHECK_EQ(-ENOSPC, hv_pio_bus_add(&bus, 0x9000, 1, &b));
	/* Removing a device frees all its ranges; offsets follow dev_off. */
	hv_pio_bus_remove(&bus, &b);
	CHECK_EQ(1, bus.nr);
	CHECK_EQ(0, hv_pio_bus_add_at(&bus, 0xb008, 4, &b, 8));
	CHECK(hv_pio_bus_find(&bus, 0xb00a, 2, &off) == &b);
	CHECK_EQ(10, off);
	hv_pio_bus_destroy(&bus);
}

int main(void)
{
	HVM_TEST(test_lines_and_sanitising);
	HVM_TEST(test_long_line_is_split);
	HVM_TEST(test_concurrent_writers);
	HVM_TEST(test_flood_is_limited);
	HVM_TEST(test_pio_bus);
	return hvm_test_summary();
}
