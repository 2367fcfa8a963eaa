/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Presence checks for optional platform pieces (firmware.md 2.12): legacy
 * serial and parallel ports, the HPET, and RAM behind an address. Every
 * check reads back what it wrote; an address nobody serves reads all-ones
 * under the hypervisor, so absent hardware never looks present. Firmware
 * only.
 */
#ifndef HVMLOADER_PROBE_H
#define HVMLOADER_PROBE_H

#include <stdbool.h>
#include <stdint.h>

/* ACPI_INFO_COM1/COM2/LPT1 for the ports that answer. */
uint8_t probe_legacy_ports(void);

/* True with the HPET's capability dword in *@id if one answers. */
bool probe_hpet(uint32_t *id);

/* True if the dword at @addr keeps what is written (then restored). */
bool probe_ram(uint32_t addr);

#endif /* HVMLOADER_PROBE_H */
