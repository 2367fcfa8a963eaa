/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * CMOS memory size and boot order bytes (cmos.h). Indices follow the PC
 * convention QEMU and SeaBIOS use: 0x15/0x16 base memory in KiB,
 * 0x17/0x18 and 0x30/0x31 KiB above 1 MiB (capped), 0x34/0x35 64 KiB
 * units above 16 MiB, 0x5B-0x5D 64 KiB units above 4 GiB.
 */
#include "hvmloader/cmos.h"

#include "hvmloader/config.h"
#include "hvmloader/io.h"
#include "hvmloader/platform.h"

#define CMOS_INDEX_PORT 0x70u
#define CMOS_DATA_PORT 0x71u
#define CMOS_BASE_MEM 0x15u
#define CMOS_EXT_MEM 0x17u
#define CMOS_EXT_MEM2 0x30u
#define CMOS_MEM_16M 0x34u
#define CMOS_MEM_4G 0x5bu
#define CMOS_BOOT_ORDER 0x3du
#define CMOS_BOOT_ORDER3 0x38u
#define BASE_MEM_KIB 640u
#define MEM_16M (16u * PLATFORM_MIB)
#define CAP16 0xffffu
#define CAP24 0xffffffu

static void cmos_write(uint8_t index, uint8_t v)
{
	outb(CMOS_INDEX_PORT, index);
	outb(CMOS_DATA_PORT, v);
}

static uint8_t cmos_read(uint8_t index)
{
	outb(CMOS_INDEX_PORT, index);
	return inb(CMOS_DATA_PORT);
}

static void write16(uint8_t index, uint32_t v)
{
	if (v > CAP16)
		v = CAP16;
	cmos_write(index, (uint8_t)v);
	cmos_write(index + 1, (uint8_t)(v >> 8));
}

void cmos_set_memory(uint32_t low_ram_end, uint64_t high_ram_end)
{
	uint32_t ext_kib = (low_ram_end - PLATFORM_BIOS_END) >> 10;
	uint32_t above16 = 0;
	uint64_t high = 0;

	if (low_ram_end > MEM_16M)
		above16 = (low_ram_end - MEM_16M) >> 16;
	if (high_ram_end > PLATFORM_4G)
		high = (high_ram_end - PLATFORM_4G) >> 16;
	if (high > CAP24)
		high = CAP24;
	write16(CMOS_BASE_MEM, BASE_MEM_KIB);
	write16(CMOS_EXT_MEM, ext_kib);
	write16(CMOS_EXT_MEM2, ext_kib);
	write16(CMOS_MEM_16M, above16);
	cmos_write(CMOS_MEM_4G, (uint8_t)high);
	cmos_write(CMOS_MEM_4G + 1, (uint8_t)(high >> 8));
	cmos_write(CMOS_MEM_4G + 2, (uint8_t)(high >> 16));
}

void cmos_set_boot_order(const char *boot)
{
	uint8_t reg3d, reg38;

	config_boot_bytes(boot, &reg3d, &reg38);
	cmos_write(CMOS_BOOT_ORDER, reg3d);
	cmos_write(CMOS_BOOT_ORDER3,
		   (uint8_t)((cmos_read(CMOS_BOOT_ORDER3) & 0x0f) | reg38));
}
