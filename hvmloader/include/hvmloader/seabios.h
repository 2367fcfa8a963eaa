/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Handover to SeaBIOS (firmware.md 2.8, 2.10, 3.2): the "XenHVMSeaBIOS"
 * info table at 0x1000 that tells SeaBIOS it runs on Xen and where the
 * E820 map and the table entry points are, and the copy of the image so
 * that it ends at 1 MiB.
 */
#ifndef HVMLOADER_SEABIOS_H
#define HVMLOADER_SEABIOS_H

#include <stdint.h>

#include "hvmloader/arena.h"
#include "hvmloader/e820.h"

/* SeaBIOS copies at most this many table entry points. */
#define SEABIOS_MAX_TABLES 4

struct seabios_info {
	char signature[14]; /* "XenHVMSeaBIOS\0" */
	uint8_t length;
	uint8_t checksum;
	uint32_t tables; /* address of a u32 array of entry points */
	uint32_t tables_nr;
	uint32_t e820; /* address of struct e820_entry[] */
	uint32_t e820_nr;
} __attribute__((packed));

/* What goes in the info table. */
struct seabios_handover {
	unsigned int nr_tables;
	uint32_t tables[SEABIOS_MAX_TABLES]; /* SMBIOS, MP, $PIR, RSDP */
	int nr_e820;
	const struct e820_entry *e820;
};

/*
 * Writes the info table to @info (guest address PLATFORM_SEABIOS_INFO),
 * with the table list and the E820 map copied into @low (below 1 MiB).
 * Returns 0, -ENOSPC or -EINVAL (too many tables or entries).
 */
int seabios_info_build(const struct seabios_handover *h,
		       struct seabios_info *info, struct arena *low)
	__attribute__((warn_unused_result));

/*
 * Copies the SeaBIOS image (@size bytes at @image) so that it ends at
 * 1 MiB and returns its start (firmware only).
 */
uint32_t seabios_load(const void *image, uint32_t size);

#endif /* HVMLOADER_SEABIOS_H */
