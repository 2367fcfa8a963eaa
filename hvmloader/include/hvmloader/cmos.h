/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * CMOS NVRAM values the firmware keeps up to date (firmware.md 2.14): the
 * memory size bytes OSes and option ROMs still read, and SeaBIOS's boot
 * order. QEMU's MC146818 holds them; firmware only.
 */
#ifndef HVMLOADER_CMOS_H
#define HVMLOADER_CMOS_H

#include <stdint.h>

/* Base, extended (above 1 MiB), above 16 MiB and above 4 GiB sizes. */
void cmos_set_memory(uint32_t low_ram_end, uint64_t high_ram_end);

/* Writes the boot order bytes of config_boot_bytes() for @boot. */
void cmos_set_boot_order(const char *boot);

#endif /* HVMLOADER_CMOS_H */
