/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * In-hypervisor emulated devices and the port-I/O bus that finds them.
 * A device embeds struct hv_dev and supplies hv_dev_ops (STYLE.md 2).
 * Handlers return 0 when the access is done (ignored counts as done) and a
 * negative errno only for a host failure. Accesses no device claims go to
 * an ioreq server, or read all-ones and drop writes (firmware.md 4.5).
 */
#ifndef HYPERVISOR_HV_DEV_H
#define HYPERVISOR_HV_DEV_H

#include <pthread.h>
#include <stdint.h>

#define HV_PIO_BUS_MAX 32

struct hv_dev;

struct hv_dev_ops {
	const char *name;
	int (*read)(struct hv_dev *dev, uint64_t off, unsigned int size,
		    uint64_t *val);
	int (*write)(struct hv_dev *dev, uint64_t off, unsigned int size,
		     uint64_t val);
	void (*reset)(struct hv_dev *dev);
	void (*destroy)(struct hv_dev *dev);
};

struct hv_dev {
	const struct hv_dev_ops *ops;
	unsigned long nr_ignored; /* guest accesses dropped, for the log */
};

/*
 * Records an access the device does not implement, logging the first few
 * at debug level only (the guest controls how often this happens).
 * Returns 0: an ignored access is done.
 */
int dev_ignore(struct hv_dev *dev, const char *what, uint64_t off,
	       unsigned int size);

/*
 * Port ranges of in-hypervisor devices. vCPU threads look ranges up while
 * a hypercall on another vCPU may move a device (the ACPI PM block), so
 * the table is behind a rwlock. Devices outlive their ranges.
 */
struct hv_pio_bus {
	pthread_rwlock_t lock;
	unsigned int nr;
	struct {
		uint16_t base;
		uint16_t len;
		uint16_t dev_off; /* device offset of the range's first port */
		struct hv_dev *dev;
	} map[HV_PIO_BUS_MAX];
};

void hv_pio_bus_init(struct hv_pio_bus *bus);
void hv_pio_bus_destroy(struct hv_pio_bus *bus);

/* Claims ports [base, base + len) for @dev: -EINVAL, -EEXIST or -ENOSPC. */
int hv_pio_bus_add(struct hv_pio_bus *bus, uint16_t base, uint16_t len,
		   struct hv_dev *dev) __attribute__((warn_unused_result));

/* As hv_pio_bus_add(), with port @base at device offset @dev_off. */
int hv_pio_bus_add_at(struct hv_pio_bus *bus, uint16_t base, uint16_t len,
		      struct hv_dev *dev, uint16_t dev_off)
	__attribute__((warn_unused_result));

/* Drops every range of @dev. */
void hv_pio_bus_remove(struct hv_pio_bus *bus, const struct hv_dev *dev);

/*
 * The device whose range holds all of [port, port + size), with the
 * device offset of @port in *@off; NULL if none.
 */
struct hv_dev *hv_pio_bus_find(struct hv_pio_bus *bus, uint16_t port,
			       unsigned int size, uint64_t *off);

#endif /* HYPERVISOR_HV_DEV_H */
