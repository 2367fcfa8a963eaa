/* SPDX-License-Identifier: GPL-2.0-only */
/* Helpers shared by the ACPI table builders (acpi_*.c). */
#ifndef HVMLOADER_ACPI_PRIV_H
#define HVMLOADER_ACPI_PRIV_H

#include "hvmloader/acpi.h"
#include "hvmloader/acpi_tables.h"

/* Tables are 16-byte aligned; the FACS needs 64 (ACPI 6.5 5.2.10). */
#define ACPI_TABLE_ALIGN 16u
#define ACPI_FACS_ALIGN 64u
/* At most this many tables hang off the RSDT and XSDT. */
#define ACPI_MAX_TABLES 8u

/* Fills the common header; the checksum is set by acpi_header_seal(). */
void acpi_header_init(struct acpi_header *h, const char sig[4], uint32_t length,
		      uint8_t revision);
/* Sets the checksum over the header's length. */
void acpi_header_seal(struct acpi_header *h);

/* The addresses the root tables list after the FADT. */
struct acpi_table_list {
	unsigned int nr;
	uint32_t addr[ACPI_MAX_TABLES];
};

int acpi_build_facs(struct arena *a, uint32_t *gpa);
int acpi_build_fadt(struct arena *a, uint32_t facs, uint32_t dsdt,
		    uint8_t revision, uint32_t *gpa);
int acpi_build_madt(const struct acpi_config *cfg, struct arena *a,
		    uint32_t *gpa);
int acpi_build_hpet(const struct acpi_config *cfg, struct arena *a,
		    uint32_t *gpa);
int acpi_build_waet(struct arena *a, uint32_t *gpa);
/* XSDT lists @fadt4 then @list; RSDT lists @fadt1 then @list. */
int acpi_build_roots(struct arena *a, struct arena *low, uint32_t fadt1,
		     uint32_t fadt4, const struct acpi_table_list *list,
		     uint32_t *rsdp);

#endif /* HVMLOADER_ACPI_PRIV_H */
