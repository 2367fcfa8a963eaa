/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The XenHVMSeaBIOS info table (seabios.h). SeaBIOS 1.16 (src/fw/xen.c)
 * accepts it when the 14 signature bytes match, length >= 32 and the bytes
 * sum to 0; it then imports every E820 entry and copies each entry point.
 */
#include "hvmloader/seabios.h"

#include <errno.h>
#include <string.h>

#define SEABIOS_SIGNATURE "XenHVMSeaBIOS" /* with its NUL: 14 bytes */

_Static_assert(sizeof(struct seabios_info) == 32, "SeaBIOS info layout");
_Static_assert(sizeof(struct e820_entry) == 20, "SeaBIOS e820 layout");

int seabios_info_build(const struct seabios_handover *h,
		       struct seabios_info *info, struct arena *low)
{
	uint32_t tables, e820, size;
	const uint8_t *b = (const uint8_t *)info;
	uint8_t sum = 0;
	void *p;
	unsigned int i;

	if (h->nr_tables > SEABIOS_MAX_TABLES || h->nr_e820 <= 0 ||
	    h->nr_e820 > E820_MAX_ENTRIES)
		return -EINVAL;
	p = arena_alloc(low, sizeof(h->tables), 16, &tables);
	if (!p)
		return -ENOSPC;
	memcpy(p, h->tables, sizeof(h->tables));
	size = (uint32_t)h->nr_e820 * sizeof(struct e820_entry);
	p = arena_alloc(low, size, 16, &e820);
	if (!p)
		return -ENOSPC;
	memcpy(p, h->e820, size);
	memset(info, 0, sizeof(*info));
	memcpy(info->signature, SEABIOS_SIGNATURE, sizeof(info->signature));
	info->length = sizeof(*info);
	info->tables = tables;
	info->tables_nr = h->nr_tables;
	info->e820 = e820;
	info->e820_nr = (uint32_t)h->nr_e820;
	for (i = 0; i < sizeof(*info); i++)
		sum = (uint8_t)(sum + b[i]);
	info->checksum = (uint8_t)-sum;
	return 0;
}
