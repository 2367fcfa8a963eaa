/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The hvm_start_info block whose address arrives in EBX (firmware.md 1.3;
 * <xen/arch-x86/hvm/start_info.h>): the modules, among them the system
 * firmware, and the optional command line and memory map.
 *
 * The firmware module is the first whose command line starts with the
 * word "firmware" (Xen's convention); if no module says so and there is
 * exactly one, that one is taken. Its command line carries hvmloader's
 * configuration (config.h).
 */
#ifndef HVMLOADER_START_INFO_H
#define HVMLOADER_START_INFO_H

#include <stddef.h>
#include <stdint.h>
#include <xen/arch-x86/hvm/start_info.h>

/* Command lines are read up to this length (the builder's slot size). */
#define START_INFO_CMDLINE_MAX 1024u
#define START_INFO_MAX_MODULES 16u

struct start_info {
	const char *cmdline; /* hvm_start_info's own, or NULL */
	const uint8_t *fw;
	uint32_t fw_size;
	const char *fw_cmdline; /* or NULL */
	unsigned int fw_index;
	unsigned int nr_memmap;
	const struct hvm_memmap_table_entry *memmap; /* or NULL */
};

/*
 * Reads the block at guest address @addr. Returns 0, or -EINVAL with the
 * reason in @why (bad magic or version, no usable firmware module,
 * addresses out of reach).
 */
int start_info_read(uint32_t addr, struct start_info *out, char *why,
		    size_t why_len) __attribute__((warn_unused_result));

#endif /* HVMLOADER_START_INFO_H */
