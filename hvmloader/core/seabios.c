/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Loads the SeaBIOS image below 1 MiB (seabios.h, firmware.md 2.10): it
 * ends at 0xFFFFF so its reset vector is at F000:FFF0. 0xC0000-0xFFFFF is
 * plain writable RAM here; nothing is patched.
 */
#include "hvmloader/seabios.h"

#include <string.h>

#include "hvmloader/platform.h"

uint32_t seabios_load(const void *image, uint32_t size)
{
	uint32_t start = PLATFORM_BIOS_END - size;

	memcpy((void *)(uintptr_t)start, image, size);
	return start;
}
