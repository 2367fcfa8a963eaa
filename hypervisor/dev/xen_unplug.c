/* SPDX-License-Identifier: GPL-2.0-only */
/* The unplug mask on its way to QEMU's platform device (xen_unplug.h). */
#include "hypervisor/xen_unplug.h"

uint64_t xen_unplug_filter(uint16_t port, unsigned int size, uint64_t val)
{
	/* Port 0x10 also takes a 4-byte driver version and byte accesses. */
	if (port != XEN_UNPLUG_PORT || size != 2)
		return val;
	return val & ~(uint64_t)XEN_UNPLUG_ALL_NICS;
}
