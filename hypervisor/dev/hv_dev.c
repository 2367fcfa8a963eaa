/* SPDX-License-Identifier: GPL-2.0-only */
/* The port-I/O bus and the shared "ignored access" helper (hv_dev.h). */
#include "hypervisor/hv_dev.h"

#include <errno.h>
#include <stddef.h>

#include "hypervisor/log.h"

/* How many ignored accesses per device reach the (debug) log. */
#define DEV_IGNORE_LOG_MAX 8

int dev_ignore(struct hv_dev *dev, const char *what, uint64_t off,
	       unsigned int size)
{
	if (dev->nr_ignored++ < DEV_IGNORE_LOG_MAX)
		log_debug(dev->ops->name, "ignored %s at offset 0x%llx size %u",
			  what, (unsigned long long)off, size);
	return 0;
}

void hv_pio_bus_init(struct hv_pio_bus *bus)
{
	bus->nr = 0;
	pthread_rwlock_init(&bus->lock, NULL);
}

void hv_pio_bus_destroy(struct hv_pio_bus *bus)
{
	pthread_rwlock_destroy(&bus->lock);
}

static int bus_add(struct hv_pio_bus *bus, uint16_t base, uint16_t len,
		   struct hv_dev *dev, uint16_t dev_off)
{
	uint32_t end = (uint32_t)base + len;
	unsigned int i;

	if (len == 0 || end > 0x10000)
		return -EINVAL;
	for (i = 0; i < bus->nr; i++) {
		uint32_t b = bus->map[i].base, e = b + bus->map[i].len;

		if (base < e && b < end)
			return -EEXIST;
	}
	if (bus->nr >= HV_PIO_BUS_MAX)
		return -ENOSPC;
	bus->map[bus->nr].base = base;
	bus->map[bus->nr].len = len;
	bus->map[bus->nr].dev_off = dev_off;
	bus->map[bus->nr].dev = dev;
	bus->nr++;
	return 0;
}

int hv_pio_bus_add_at(struct hv_pio_bus *bus, uint16_t base, uint16_t len,
		      struct hv_dev *dev, uint16_t dev_off)
{
	int rc;

	pthread_rwlock_wrlock(&bus->lock);
	rc = bus_add(bus, base, len, dev, dev_off);
	pthread_rwlock_unlock(&bus->lock);
	return rc;
}

int hv_pio_bus_add(struct hv_pio_bus *bus, uint16_t base, uint16_t len,
		   struct hv_dev *dev)
{
	return hv_pio_bus_add_at(bus, base, len, dev, 0);
}

void hv_pio_bus_remove(struct hv_pio_bus *bus, const struct hv_dev *dev)
{
	unsigned int i, n = 0;

	pthread_rwlock_wrlock(&bus->lock);
	for (i = 0; i < bus->nr; i++) {
		if (bus->map[i].dev != dev)
			bus->map[n++] = bus->map[i];
	}
	bus->nr = n;
	pthread_rwlock_unlock(&bus->lock);
}

struct hv_dev *hv_pio_bus_find(struct hv_pio_bus *bus, uint16_t port,
			       unsigned int size, uint64_t *off)
{
	struct hv_dev *dev = NULL;
	unsigned int i;

	pthread_rwlock_rdlock(&bus->lock);
	for (i = 0; i < bus->nr && !dev; i++) {
		uint32_t rel = (uint32_t)port - bus->map[i].base;

		/* Unsigned: a port below base wraps to a huge offset. */
		if (rel < bus->map[i].len && size <= bus->map[i].len - rel) {
			*off = rel + bus->map[i].dev_off;
			dev = bus->map[i].dev;
		}
	}
	pthread_rwlock_unlock(&bus->lock);
	return dev;
}
