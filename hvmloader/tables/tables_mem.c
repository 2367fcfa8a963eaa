/* SPDX-License-Identifier: GPL-2.0-only */
/* Placement of the firmware tables (tables_mem.h). */
#include "hvmloader/tables_mem.h"

#include <errno.h>

#include "hvmloader/platform.h"

int tables_mem_choose(bool backed, uint32_t low_ram_end, uint32_t min_start,
		      struct tables_mem *out)
{
	uint32_t base = PLATFORM_TABLES_START;

	out->in_low_ram = !backed;
	if (!backed) {
		if (low_ram_end < PLATFORM_TABLES_SIZE)
			return -ENOSPC;
		/* Top of low RAM, 1 MiB aligned down. */
		base = (low_ram_end - PLATFORM_TABLES_SIZE) &
		       ~(PLATFORM_MIB - 1);
		if (base < min_start || base < PLATFORM_BIOS_END)
			return -ENOSPC;
	}
	out->acpi_start = base;
	out->acpi_size = PLATFORM_ACPI_SIZE;
	out->rsv_start = base + PLATFORM_ACPI_SIZE;
	out->rsv_size = PLATFORM_RSV_TABLES_SIZE;
	return 0;
}
