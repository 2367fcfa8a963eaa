/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Where the firmware tables live. The design (firmware.md 2.12, 2.18) puts
 * acpi_info at 0xFC000000, the ACPI tables right after it (E820 NVS) and
 * the MP and SMBIOS structures at 0xFC100000 (E820 reserved), in RAM the
 * hypervisor backs. If that range is not RAM, the same 2 MiB are taken
 * from the top of low RAM instead and E820 marks them the same way, so
 * the guest still boots (with a warning in the log).
 */
#ifndef HVMLOADER_TABLES_MEM_H
#define HVMLOADER_TABLES_MEM_H

#include <stdbool.h>
#include <stdint.h>

struct tables_mem {
	uint32_t acpi_start; /* acpi_info, then ACPI tables */
	uint32_t acpi_size;
	uint32_t rsv_start; /* MP configuration table, SMBIOS structures */
	uint32_t rsv_size;
	bool in_low_ram;
};

/*
 * Chooses the layout: the fixed range if @backed, else the top of low RAM
 * ending at @low_ram_end. Returns 0, or -ENOSPC if low RAM cannot spare
 * the room above @min_start (the end of what hvmloader still needs).
 */
int tables_mem_choose(bool backed, uint32_t low_ram_end, uint32_t min_start,
		      struct tables_mem *out)
	__attribute__((warn_unused_result));

#endif /* HVMLOADER_TABLES_MEM_H */
