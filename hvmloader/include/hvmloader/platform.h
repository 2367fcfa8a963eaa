/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The guest-physical layout hvmloader works in (firmware.md 2.17 and
 * appendix A): where it puts its scratch data, the SeaBIOS image, the ACPI
 * and other firmware tables, the PCI windows, and where the fixed platform
 * devices sit. Constants only.
 */
#ifndef HVMLOADER_PLATFORM_H
#define HVMLOADER_PLATFORM_H

#define PLATFORM_KIB 1024u
#define PLATFORM_MIB (1024u * 1024u)
#define PLATFORM_PAGE_SIZE 4096u
#define PLATFORM_4G 0x100000000ULL

/* Real-mode code that leaves protected mode for SeaBIOS (entry.S). */
#define PLATFORM_REALMODE_ADDR 0x0u
/* AP start-up code; later overwritten by the SeaBIOS info table. */
#define PLATFORM_AP_TRAMPOLINE 0x1000u
#define PLATFORM_SEABIOS_INFO 0x1000u
/* Scratch data SeaBIOS copies during POST (RSDP, SMBIOS EP, $PIR, E820). */
#define PLATFORM_SCRATCH_START 0x10000u
#define PLATFORM_SCRATCH_END 0x80000u
#define PLATFORM_HYPERCALL_PAGE 0x80000u
/* Conventional memory ends here; 0xA0000-0xBFFFF is the VGA window. */
#define PLATFORM_LOWMEM_END 0xa0000u
#define PLATFORM_VGA_END 0xc0000u
#define PLATFORM_BIOS_END 0x100000u
/* SeaBIOS enters at F000:FFF0 in real mode. */
#define PLATFORM_BIOS_RESET_CS 0xf000u
#define PLATFORM_BIOS_RESET_IP 0xfff0u
/* The largest system firmware image we load below 1 MiB. */
#define PLATFORM_BIOS_MAX_SIZE (256u * PLATFORM_KIB)

/* The low PCI memory window (firmware.md 2.6). */
#define PLATFORM_PCI_MEM_START 0xf0000000u
#define PLATFORM_PCI_MEM_END 0xfc000000u
#define PLATFORM_PCI_IO_START 0xc000u
#define PLATFORM_PCI_IO_END 0x10000u

/*
 * Firmware tables: acpi_info and the ACPI tables (E820 NVS), then the MP
 * configuration table and SMBIOS structures (E820 reserved). The
 * hypervisor backs this range with RAM; if it does not, hvmloader carves
 * the same amount from the top of low RAM instead (see tables_mem.h).
 */
#define PLATFORM_TABLES_START 0xfc000000u
#define PLATFORM_ACPI_SIZE PLATFORM_MIB
#define PLATFORM_RSV_TABLES_SIZE PLATFORM_MIB
#define PLATFORM_TABLES_SIZE (PLATFORM_ACPI_SIZE + PLATFORM_RSV_TABLES_SIZE)
/* Everything from here to 4 GiB is reserved in E820. */
#define PLATFORM_RESERVED_START 0xfc000000u

/*
 * Pages the device model populates right above RAM (VRAM, option ROMs;
 * the hypervisor's GMEM_EXTRA_MAX): PCI windows never start below their
 * end, or a BAR would land on RAM-backed pages.
 */
#define PLATFORM_DM_EXTRA (256u * PLATFORM_MIB)

#define PLATFORM_IOAPIC_BASE 0xfec00000u
#define PLATFORM_HPET_BASE 0xfed00000u
#define PLATFORM_LAPIC_BASE 0xfee00000u

/* Debug console port, captured into the domain log (firmware.md 4.4). */
#define PLATFORM_DEBUG_PORT 0xe9u

#endif /* HVMLOADER_PLATFORM_H */
