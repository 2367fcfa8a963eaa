/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The E820 memory map handed to SeaBIOS (firmware.md 2.15), SeaBIOS's
 * only source of the RAM layout. For a guest with RAM [0, low_ram_end)
 * (less the VGA window) and [4 GiB, high_ram_end):
 *
 *   RAM       0           - 0xA0000
 *   reserved  bios_start  - 1 MiB        (the SeaBIOS image)
 *   RAM       1 MiB       - low_ram_end  (or nvs_start if tables are there)
 *   NVS       nvs_start   - nvs_end      (acpi_info and ACPI tables)
 *   reserved  nvs_end     - low_ram_end  (tables carved from low RAM only)
 *   reserved  low_ram_end - hv_rsv_end   (the hypervisor's pages, if any)
 *   reserved  0xFC000000  - 4 GiB        (from nvs_end if it is higher)
 *   RAM       4 GiB       - high_ram_end
 *
 * The PCI hole and 0xA0000-0xBFFFF are absent. Empty ranges are left out.
 */
#ifndef HVMLOADER_E820_H
#define HVMLOADER_E820_H

#include <stdint.h>

#define E820_RAM 1
#define E820_RESERVED 2
#define E820_ACPI 3
#define E820_NVS 4
#define E820_MAX_ENTRIES 16

/* SeaBIOS's struct e820entry: 20 bytes, packed. */
struct e820_entry {
	uint64_t addr;
	uint64_t size;
	uint32_t type;
} __attribute__((packed));

struct e820_config {
	uint32_t low_ram_end;  /* hvm_info low_mem_pgend << 12 */
	uint64_t high_ram_end; /* hvm_info high_mem_pgend << 12, or 0 */
	uint32_t bios_start;   /* SeaBIOS image start, below 1 MiB */
	uint32_t nvs_start;    /* acpi_info; equal to nvs_end without ACPI */
	uint32_t nvs_end;      /* page aligned end of the ACPI tables */
	/*
	 * End of pages the hypervisor reserves right above low RAM (its
	 * bounce pages for string I/O), or 0 for none: [low_ram_end,
	 * hv_rsv_end) is reserved.
	 */
	uint32_t hv_rsv_end;
};

/*
 * Writes the map for @cfg to @out (sorted, at most E820_MAX_ENTRIES) and
 * returns the number of entries, or -EINVAL if @cfg is inconsistent.
 */
int e820_build(const struct e820_config *cfg,
	       struct e820_entry out[E820_MAX_ENTRIES])
	__attribute__((warn_unused_result));

#endif /* HVMLOADER_E820_H */
