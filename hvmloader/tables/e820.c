/* SPDX-License-Identifier: GPL-2.0-only */
/* The E820 map for SeaBIOS (e820.h). */
#include "hvmloader/e820.h"

#include <errno.h>
#include <stdbool.h>

#include "hvmloader/platform.h"

struct e820_list {
	struct e820_entry *e;
	int n;
};

static void add(struct e820_list *l, uint64_t start, uint64_t end,
		uint32_t type)
{
	if (end <= start)
		return;
	l->e[l->n].addr = start;
	l->e[l->n].size = end - start;
	l->e[l->n].type = type;
	l->n++;
}

static bool config_ok(const struct e820_config *c)
{
	bool in_low = c->nvs_start < c->low_ram_end;

	if (c->low_ram_end < PLATFORM_BIOS_END ||
	    c->low_ram_end > PLATFORM_RESERVED_START ||
	    c->bios_start < PLATFORM_VGA_END ||
	    c->bios_start > PLATFORM_BIOS_END || c->nvs_end < c->nvs_start)
		return false;
	if (c->high_ram_end && c->high_ram_end <= PLATFORM_4G)
		return false;
	if (c->hv_rsv_end && (c->hv_rsv_end < c->low_ram_end ||
			      c->hv_rsv_end > PLATFORM_RESERVED_START))
		return false;
	/* Tables sit either in low RAM or in the reserved range. */
	if (in_low)
		return c->nvs_start >= PLATFORM_BIOS_END &&
		       c->nvs_end <= c->low_ram_end;
	return c->nvs_start >= PLATFORM_RESERVED_START;
}

int e820_build(const struct e820_config *c,
	       struct e820_entry out[E820_MAX_ENTRIES])
{
	struct e820_list l = {out, 0};
	bool in_low = c->nvs_start < c->low_ram_end;
	uint64_t rsv_start;

	if (!config_ok(c))
		return -EINVAL;
	add(&l, 0, PLATFORM_LOWMEM_END, E820_RAM);
	add(&l, c->bios_start, PLATFORM_BIOS_END, E820_RESERVED);
	add(&l, PLATFORM_BIOS_END, in_low ? c->nvs_start : c->low_ram_end,
	    E820_RAM);
	if (in_low) {
		add(&l, c->nvs_start, c->nvs_end, E820_NVS);
		add(&l, c->nvs_end, c->low_ram_end, E820_RESERVED);
	}
	if (c->hv_rsv_end)
		add(&l, c->low_ram_end, c->hv_rsv_end, E820_RESERVED);
	if (!in_low)
		add(&l, c->nvs_start, c->nvs_end, E820_NVS);
	rsv_start = PLATFORM_RESERVED_START;
	if (!in_low && c->nvs_end > rsv_start)
		rsv_start = c->nvs_end;
	add(&l, rsv_start, PLATFORM_4G, E820_RESERVED);
	if (c->high_ram_end)
		add(&l, PLATFORM_4G, c->high_ram_end, E820_RAM);
	return l.n;
}
