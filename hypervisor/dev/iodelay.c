/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * I/O delay ports 0x80 and 0xED (iodelay.h): any access completes at once,
 * writes are dropped and reads return all-ones, like an unclaimed ISA port.
 * No state, so nothing to reset.
 */
#include "hypervisor/iodelay.h"

#include <errno.h>
#include <stdlib.h>

static int iodelay_read(struct hv_dev *dev, uint64_t off, unsigned int size,
			uint64_t *val)
{
	(void)dev;
	(void)off;
	(void)size;
	*val = ~0ULL;
	return 0;
}

static int iodelay_write(struct hv_dev *dev, uint64_t off, unsigned int size,
			 uint64_t val)
{
	(void)dev;
	(void)off;
	(void)size;
	(void)val;
	return 0;
}

static void iodelay_destroy(struct hv_dev *dev)
{
	free(dev);
}

static const struct hv_dev_ops iodelay_ops = {
	.name = "iodelay",
	.read = iodelay_read,
	.write = iodelay_write,
	.destroy = iodelay_destroy,
};

int iodelay_create(struct hv_dev **out)
{
	struct hv_dev *dev = calloc(1, sizeof(*dev));

	*out = dev;
	if (!dev)
		return -ENOMEM;
	dev->ops = &iodelay_ops;
	return 0;
}
