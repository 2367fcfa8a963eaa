/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * SMBIOS 2.4 tables (DMTF DSP0134; firmware.md 2.9): the 2.1-style entry
 * point "_SM_"/"_DMI_" and structures of types 0 (BIOS), 1 (system, with
 * the domain's UUID), 3 (chassis), 4 (one per vCPU), 16 (memory array),
 * 17 (one memory device per 16 GiB), 19 (one mapped range per RAM range),
 * 32 (boot status) and 127 (end). Version 2.4 means the UUID bytes are
 * stored in the order the UUID is written (7.2.1 gives the little-endian
 * fields only from 2.6 on), so the OS shows exactly the configured UUID.
 */
#ifndef HVMLOADER_SMBIOS_H
#define HVMLOADER_SMBIOS_H

#include <stdint.h>

#include "hvmloader/arena.h"

#define SMBIOS_UUID_LEN 16

struct smbios_config {
	uint8_t uuid[SMBIOS_UUID_LEN]; /* in text order */
	unsigned int nr_vcpus;
	char cpu_vendor[13];	/* CPUID 0 vendor string */
	uint32_t cpu_signature; /* CPUID 1 EAX */
	uint32_t cpu_features;	/* CPUID 1 EDX */
	uint32_t low_ram_end;	/* RAM [0, low_ram_end) minus the holes */
	uint64_t high_ram_end;	/* RAM [4 GiB, high_ram_end), or 0 */
	uint32_t bios_address;	/* where SeaBIOS starts */
	uint32_t bios_size;
	const char *bios_version; /* e.g. the Xen version string */
};

/*
 * Builds the structures in @table and the entry point in @low (SeaBIOS
 * copies it into the F segment). Returns 0 with the entry point's address
 * in *@ep, -ENOSPC if an arena is too small, -EINVAL for a bad @cfg.
 */
int smbios_build(const struct smbios_config *cfg, struct arena *table,
		 struct arena *low, uint32_t *ep)
	__attribute__((warn_unused_result));

#endif /* HVMLOADER_SMBIOS_H */
