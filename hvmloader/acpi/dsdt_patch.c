/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Sets the acpi_info address in the DSDT (dsdt.h). dsdt.asl declares
 * OperationRegion (BIOS, SystemMemory, 0xFC000000, ...), which iasl emits
 * as ExtOpPrefix OpRegionOp "BIOS" RegionSpace(0) DWordPrefix and the
 * little-endian offset (ACPI 6.5 20.2.5.2, 20.2.3).
 */
#include "hvmloader/dsdt.h"

#include <errno.h>
#include <string.h>

#include "acpi_priv.h"

#define AML_EXT_PREFIX 0x5b
#define AML_OP_REGION 0x80
#define AML_SYSTEM_MEMORY 0x00
#define AML_DWORD_PREFIX 0x0c

static const uint8_t region_pattern[] = {
	AML_EXT_PREFIX,	   AML_OP_REGION,    'B', 'I', 'O', 'S',
	AML_SYSTEM_MEMORY, AML_DWORD_PREFIX,
};

/* Offset of the single region address in @aml, or 0 if none or several. */
static uint32_t find_region(const uint8_t *aml, uint32_t len)
{
	uint32_t i, found = 0, n = sizeof(region_pattern);

	if (len < sizeof(struct acpi_header) + n + 4)
		return 0;
	for (i = sizeof(struct acpi_header); i <= len - n - 4; i++) {
		if (memcmp(aml + i, region_pattern, n))
			continue;
		if (found)
			return 0;
		found = i + n;
	}
	return found;
}

int dsdt_patch_info_addr(uint8_t *aml, uint32_t len, uint32_t acpi_info)
{
	struct acpi_header *h = (struct acpi_header *)aml;
	uint32_t off = find_region(aml, len);

	if (!off || h->length != len)
		return -EINVAL;
	memcpy(aml + off, &acpi_info, sizeof(acpi_info));
	acpi_header_seal(h);
	return 0;
}
