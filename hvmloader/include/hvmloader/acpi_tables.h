/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ACPI table layouts hvmloader builds, per the ACPI 6.5 specification
 * (section numbers below). Little endian and packed, as in memory.
 */
#ifndef HVMLOADER_ACPI_TABLES_H
#define HVMLOADER_ACPI_TABLES_H

#include <stdint.h>

#define ACPI_PACKED __attribute__((packed))

/* 5.2.6 System Description Table Header. */
struct acpi_header {
	char signature[4];
	uint32_t length;
	uint8_t revision;
	uint8_t checksum;
	char oem_id[6];
	char oem_table_id[8];
	uint32_t oem_revision;
	char creator_id[4];
	uint32_t creator_revision;
} ACPI_PACKED;

/* 5.2.3.2 Generic Address Structure. */
struct acpi_gas {
	uint8_t space_id;
	uint8_t bit_width;
	uint8_t bit_offset;
	uint8_t access_size;
	uint64_t address;
} ACPI_PACKED;

#define ACPI_GAS_SYSTEM_MEMORY 0
#define ACPI_GAS_SYSTEM_IO 1
#define ACPI_GAS_ACCESS_BYTE 1

/* 5.2.5.3 Root System Description Pointer, revision 2. */
struct acpi_rsdp {
	char signature[8];
	uint8_t checksum; /* over the first 20 bytes */
	char oem_id[6];
	uint8_t revision;
	uint32_t rsdt_address;
	uint32_t length;
	uint64_t xsdt_address;
	uint8_t extended_checksum; /* over all 36 bytes */
	uint8_t reserved[3];
} ACPI_PACKED;

#define ACPI_RSDP_V1_LENGTH 20

/* 5.2.9 Fixed ACPI Description Table, up to revision 4 (244 bytes). */
struct acpi_fadt {
	struct acpi_header header;
	uint32_t firmware_ctrl;
	uint32_t dsdt;
	uint8_t int_model; /* reserved since ACPI 2.0 */
	uint8_t preferred_pm_profile;
	uint16_t sci_int;
	uint32_t smi_cmd;
	uint8_t acpi_enable;
	uint8_t acpi_disable;
	uint8_t s4bios_req;
	uint8_t pstate_cnt;
	uint32_t pm1a_evt_blk;
	uint32_t pm1b_evt_blk;
	uint32_t pm1a_cnt_blk;
	uint32_t pm1b_cnt_blk;
	uint32_t pm2_cnt_blk;
	uint32_t pm_tmr_blk;
	uint32_t gpe0_blk;
	uint32_t gpe1_blk;
	uint8_t pm1_evt_len;
	uint8_t pm1_cnt_len;
	uint8_t pm2_cnt_len;
	uint8_t pm_tmr_len;
	uint8_t gpe0_blk_len;
	uint8_t gpe1_blk_len;
	uint8_t gpe1_base;
	uint8_t cst_cnt;
	uint16_t p_lvl2_lat;
	uint16_t p_lvl3_lat;
	uint16_t flush_size;
	uint16_t flush_stride;
	uint8_t duty_offset;
	uint8_t duty_width;
	uint8_t day_alrm;
	uint8_t mon_alrm;
	uint8_t century;
	uint16_t iapc_boot_arch;
	uint8_t reserved1;
	uint32_t flags;
	/* Revision 1 ends here (116 bytes). */
	struct acpi_gas reset_reg;
	uint8_t reset_value;
	uint8_t reserved2[3];
	uint64_t x_firmware_ctrl;
	uint64_t x_dsdt;
	struct acpi_gas x_pm1a_evt_blk;
	struct acpi_gas x_pm1b_evt_blk;
	struct acpi_gas x_pm1a_cnt_blk;
	struct acpi_gas x_pm1b_cnt_blk;
	struct acpi_gas x_pm2_cnt_blk;
	struct acpi_gas x_pm_tmr_blk;
	struct acpi_gas x_gpe0_blk;
	struct acpi_gas x_gpe1_blk;
} ACPI_PACKED;

#define ACPI_FADT_V1_LENGTH 116

/* 5.2.10 Firmware ACPI Control Structure. */
struct acpi_facs {
	char signature[4];
	uint32_t length;
	uint32_t hardware_signature;
	uint32_t firmware_waking_vector;
	uint32_t global_lock;
	uint32_t flags;
	uint64_t x_firmware_waking_vector;
	uint8_t version;
	uint8_t reserved1[3];
	uint32_t ospm_flags;
	uint8_t reserved2[24];
} ACPI_PACKED;

/* 5.2.12 Multiple APIC Description Table and its entries. */
struct acpi_madt {
	struct acpi_header header;
	uint32_t lapic_address;
	uint32_t flags;
} ACPI_PACKED;

#define ACPI_MADT_PCAT_COMPAT 0x1u
#define ACPI_MADT_LAPIC 0
#define ACPI_MADT_IOAPIC 1
#define ACPI_MADT_ISO 2
#define ACPI_MADT_LAPIC_NMI 4
#define ACPI_MADT_LAPIC_ENABLED 0x1u

struct acpi_madt_lapic {
	uint8_t type;
	uint8_t length;
	uint8_t acpi_processor_id;
	uint8_t apic_id;
	uint32_t flags;
} ACPI_PACKED;

struct acpi_madt_ioapic {
	uint8_t type;
	uint8_t length;
	uint8_t ioapic_id;
	uint8_t reserved;
	uint32_t address;
	uint32_t gsi_base;
} ACPI_PACKED;

struct acpi_madt_iso {
	uint8_t type;
	uint8_t length;
	uint8_t bus;
	uint8_t source;
	uint32_t gsi;
	uint16_t flags;
} ACPI_PACKED;

struct acpi_madt_lapic_nmi {
	uint8_t type;
	uint8_t length;
	uint8_t acpi_processor_id;
	uint16_t flags;
	uint8_t lint;
} ACPI_PACKED;

/* IA-PC HPET specification 1.0a, 3.2.4: the HPET description table. */
struct acpi_hpet {
	struct acpi_header header;
	uint32_t event_timer_block_id;
	struct acpi_gas base_address;
	uint8_t hpet_number;
	uint16_t min_clock_tick;
	uint8_t page_protection;
} ACPI_PACKED;

/* Microsoft "Windows ACPI Emulated Devices Table". */
struct acpi_waet {
	struct acpi_header header;
	uint32_t flags;
} ACPI_PACKED;

#define ACPI_WAET_PM_TIMER_GOOD 0x2u

#endif /* HVMLOADER_ACPI_TABLES_H */
