/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The DSDT: acpi/dsdt.asl (plus the processor objects, link devices and
 * _PRT that acpi/dsdt_gen.c writes) compiled by iasl at build time and
 * linked in as a byte array.
 */
#ifndef HVMLOADER_DSDT_H
#define HVMLOADER_DSDT_H

#include <stdint.h>

/* The AML as iasl produced it, checksum included. */
extern const uint8_t *const dsdt_aml;
extern const uint32_t dsdt_aml_len;

/*
 * In a copy of the DSDT at @aml (@len bytes), sets the address of the
 * SystemMemory region BIOS (acpi_info) to @acpi_info and fixes the table
 * checksum. Returns 0, or -EINVAL if the DSDT has no single such region
 * with a DWord address.
 */
int dsdt_patch_info_addr(uint8_t *aml, uint32_t len, uint32_t acpi_info)
	__attribute__((warn_unused_result));

#endif /* HVMLOADER_DSDT_H */
