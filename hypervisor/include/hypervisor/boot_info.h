/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What hvm-domain writes into guest memory before the BSP starts, as Xen's
 * toolstack does for hvmloader (firmware.md 1.3): the modules (SeaBIOS
 * with command line "firmware", ...) page-aligned after the loader image,
 * the hvm_start_info block whose address goes in EBX, its module list,
 * command lines and memory map, and the hvm_info_table at 0x9F800.
 */
#ifndef HYPERVISOR_BOOT_INFO_H
#define HYPERVISOR_BOOT_INFO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hypervisor/elf_load.h"
#include "hypervisor/gmem.h"

#define BOOT_MAX_MODULES 4
#define BOOT_CMDLINE_MAX 1024
#define BOOT_MEMMAP_MAX 4
/* hvm_info_table location: HVM_INFO_PFN 0x9F, offset 0x800. */
#define BOOT_HVM_INFO_PADDR 0x9f800u

struct boot_module {
	const void *data;
	size_t size;
	const char *cmdline; /* at most BOOT_CMDLINE_MAX - 1 bytes */
};

struct boot_config {
	unsigned int nr_vcpus; /* 1..HVM_MAX_VCPUS */
	bool apic_mode;
	unsigned int nr_modules;
	struct boot_module modules[BOOT_MAX_MODULES];
};

struct boot_memmap_entry {
	uint64_t addr;
	uint64_t size;
	uint32_t type; /* E820 numbering */
};

/*
 * The guest's memory map as Xen registers it (firmware.md 1.2): RAM from
 * 1 MiB to the end of low RAM, and RAM above 4 GiB if any. Returns the
 * number of entries written to @out (at most BOOT_MEMMAP_MAX).
 */
unsigned int boot_info_memmap(const struct gmem *m,
			      struct boot_memmap_entry out[BOOT_MEMMAP_MAX]);

/*
 * Writes modules, start info and hvm_info_table for the loaded image @img.
 * Returns 0 with *@start_info set to the address for EBX, or -EINVAL (bad
 * config) / -ENOSPC (does not fit below low RAM's end) / -EFAULT.
 */
int boot_info_build(struct gmem *m, const struct elf_load_image *img,
		    const struct boot_config *cfg, uint32_t *start_info)
	__attribute__((warn_unused_result));

#endif /* HYPERVISOR_BOOT_INFO_H */
