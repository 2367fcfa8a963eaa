/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The ACPI tables (firmware.md 2.12): acpi_info, FACS, DSDT, FADT
 * (revision 1 for the RSDT, revision 4 for the XSDT), MADT, HPET if the
 * platform has one, WAET, XSDT, RSDT, and the RSDP. Built into arenas as
 * plain C, so the same code runs in hvmloader and in host tests.
 *
 * acpi_info is this loader's channel to the DSDT: a page the DSDT maps as
 * the SystemMemory region "BIOS" (its address patched into the DSDT),
 * carrying device presence flags, the vCPU count and the PCI
 * windows for \_SB.PCI0._CRS. Layout shared with dsdt.asl.
 */
#ifndef HVMLOADER_ACPI_H
#define HVMLOADER_ACPI_H

#include <stdbool.h>
#include <stdint.h>

#include "hvmloader/arena.h"

#define ACPI_INFO_COM1 0x01u
#define ACPI_INFO_COM2 0x02u
#define ACPI_INFO_LPT1 0x04u
#define ACPI_INFO_HPET 0x08u

struct acpi_info {
	uint8_t flags; /* ACPI_INFO_* */
	uint8_t reserved0;
	uint16_t nr_cpus;
	uint32_t pci_min; /* low PCI window */
	uint32_t pci_len;
	uint32_t reserved1;
	uint64_t pci_hi_min; /* 64-bit PCI window; length 0: none */
	uint64_t pci_hi_len;
} __attribute__((packed));

/* The fixed ACPI hardware QEMU's PIIX4 and the hypervisor provide. */
#define ACPI_PM1A_EVT_BLK 0xb000u
#define ACPI_PM1A_CNT_BLK 0xb004u
#define ACPI_PM_TMR_BLK 0xb008u
#define ACPI_GPE0_BLK 0xafe0u
#define ACPI_GPE0_BLK_LEN 4u
#define ACPI_SCI_IRQ 9u
#define ACPI_RESET_PORT 0xcf9u
#define ACPI_RESET_VALUE 0x06u
/* CMOS index of the century byte (QEMU's MC146818 keeps it there). */
#define ACPI_CMOS_CENTURY 0x32u

struct acpi_config {
	unsigned int nr_vcpus;	 /* 1..HVM_MAX_VCPUS */
	uint8_t vcpu_online[16]; /* hvm_info_table bitmap */
	uint8_t ioapic_id;
	uint8_t info_flags;	/* ACPI_INFO_COM1 ... HPET */
	uint32_t hpet_block_id; /* HPET capabilities, low dword */
	uint32_t pci_min;
	uint32_t pci_len;
	uint64_t pci_hi_min;
	uint64_t pci_hi_len;
};

/*
 * Builds all tables: acpi_info and the tables in @tables (acpi_info first,
 * on its own page), the RSDP in @low (below 1 MiB, where SeaBIOS looks for
 * table pointers to copy). Returns 0 with the RSDP's address in *@rsdp, or
 * -ENOSPC if an arena is too small, or -EINVAL if @cfg is invalid or the
 * built-in DSDT cannot be patched.
 */
int acpi_build(const struct acpi_config *cfg, struct arena *tables,
	       struct arena *low, uint32_t *rsdp)
	__attribute__((warn_unused_result));

/* Byte sum of @len bytes at @p (a table is valid when it is 0). */
uint8_t acpi_checksum(const void *p, uint32_t len);

#endif /* HVMLOADER_ACPI_H */
