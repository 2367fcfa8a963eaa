/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * FADT (ACPI 6.5 5.2.9) and FACS (5.2.10). The fixed hardware is QEMU's
 * PIIX4 PM block at 0xB000 (PM1a control, GPE0 at 0xAFE0) with the
 * hypervisor's PM1a event block and PM timer, SCI on ISA IRQ 9, reset
 * through port 0xCF9. There is no SMM: the platform is always in ACPI
 * mode (SMI_CMD 0), hvmloader sets SCI_EN itself. Revision 1 (116 bytes)
 * goes in the RSDT for old OSes, revision 4 in the XSDT.
 */
#include "acpi_priv.h"

#include <errno.h>
#include <string.h>

#define FADT_REVISION_XSDT 4
#define FADT_PM1_EVT_LEN 4
#define FADT_PM1_CNT_LEN 2
#define FADT_PM_TMR_LEN 4
/* A C2/C3 latency above 100/1000 us means "not supported" (5.2.9). */
#define FADT_NO_C2_LATENCY 0x0fffu
#define FADT_NO_C3_LATENCY 0x0fffu
/* FADT flags (Table 5.10). */
#define FADT_WBINVD (1u << 0)
#define FADT_PROC_C1 (1u << 2)
#define FADT_FIX_RTC (1u << 6)
#define FADT_TMR_VAL_EXT (1u << 8)
#define FADT_RESET_REG_SUP (1u << 10)
#define FADT_USE_PLATFORM_CLOCK (1u << 15)
/* IA-PC boot architecture flags (Table 5.11). */
#define FADT_BOOT_LEGACY_DEVICES (1u << 0)
#define FADT_BOOT_8042 (1u << 1)
#define FACS_VERSION 2

int acpi_build_facs(struct arena *a, uint32_t *gpa)
{
	struct acpi_facs *facs;

	facs = arena_alloc(a, sizeof(*facs), ACPI_FACS_ALIGN, gpa);
	if (!facs)
		return -ENOSPC;
	memcpy(facs->signature, "FACS", sizeof(facs->signature));
	facs->length = sizeof(*facs);
	facs->version = FACS_VERSION;
	return 0;
}

static struct acpi_gas io_gas(uint32_t port, uint8_t bytes)
{
	struct acpi_gas g = {
		.space_id = ACPI_GAS_SYSTEM_IO,
		.bit_width = (uint8_t)(bytes * 8),
		.address = port,
	};

	return g;
}

static void fill_blocks(struct acpi_fadt *f)
{
	f->sci_int = ACPI_SCI_IRQ;
	f->pm1a_evt_blk = ACPI_PM1A_EVT_BLK;
	f->pm1a_cnt_blk = ACPI_PM1A_CNT_BLK;
	f->pm_tmr_blk = ACPI_PM_TMR_BLK;
	f->gpe0_blk = ACPI_GPE0_BLK;
	f->pm1_evt_len = FADT_PM1_EVT_LEN;
	f->pm1_cnt_len = FADT_PM1_CNT_LEN;
	f->pm_tmr_len = FADT_PM_TMR_LEN;
	f->gpe0_blk_len = ACPI_GPE0_BLK_LEN;
	f->p_lvl2_lat = FADT_NO_C2_LATENCY;
	f->p_lvl3_lat = FADT_NO_C3_LATENCY;
	f->century = ACPI_CMOS_CENTURY;
	f->iapc_boot_arch = FADT_BOOT_LEGACY_DEVICES | FADT_BOOT_8042;
	f->flags = FADT_WBINVD | FADT_PROC_C1 | FADT_FIX_RTC |
		   FADT_TMR_VAL_EXT | FADT_USE_PLATFORM_CLOCK;
}

/* The fields revision 2 and later add (reset register, 64-bit blocks). */
static void fill_extended(struct acpi_fadt *f, uint32_t facs, uint32_t dsdt)
{
	f->flags |= FADT_RESET_REG_SUP;
	f->reset_reg = io_gas(ACPI_RESET_PORT, 1);
	f->reset_reg.access_size = ACPI_GAS_ACCESS_BYTE;
	f->reset_value = ACPI_RESET_VALUE;
	f->x_firmware_ctrl = facs;
	f->x_dsdt = dsdt;
	f->x_pm1a_evt_blk = io_gas(ACPI_PM1A_EVT_BLK, FADT_PM1_EVT_LEN);
	f->x_pm1a_cnt_blk = io_gas(ACPI_PM1A_CNT_BLK, FADT_PM1_CNT_LEN);
	f->x_pm_tmr_blk = io_gas(ACPI_PM_TMR_BLK, FADT_PM_TMR_LEN);
	f->x_gpe0_blk = io_gas(ACPI_GPE0_BLK, ACPI_GPE0_BLK_LEN);
}

int acpi_build_fadt(struct arena *a, uint32_t facs, uint32_t dsdt,
		    uint8_t revision, uint32_t *gpa)
{
	uint32_t len = revision >= FADT_REVISION_XSDT ? sizeof(struct acpi_fadt)
						      : ACPI_FADT_V1_LENGTH;
	struct acpi_fadt *f;

	/* Revision 1 tables get only the fields fill_blocks() writes. */
	f = arena_alloc(a, len, ACPI_TABLE_ALIGN, gpa);
	if (!f)
		return -ENOSPC;
	acpi_header_init(&f->header, "FACP", len, revision);
	f->firmware_ctrl = facs;
	f->dsdt = dsdt;
	fill_blocks(f);
	if (revision >= FADT_REVISION_XSDT)
		fill_extended(f, facs, dsdt);
	acpi_header_seal(&f->header);
	return 0;
}
