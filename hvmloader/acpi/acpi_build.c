/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Builds the ACPI tables in the order firmware.md 2.12 gives (acpi.h):
 * acpi_info, FACS, DSDT, FADT revision 1 and 4, MADT, HPET, WAET, XSDT,
 * RSDT, RSDP.
 */
#include "acpi_priv.h"

#include <errno.h>
#include <string.h>

#include "hvmloader/dsdt.h"
#include "hvmloader/platform.h"

#define FADT_REVISION_RSDT 1
#define FADT_REVISION_XSDT 4
#define ACPI_MAX_VCPUS 128

static int build_info(const struct acpi_config *cfg, struct arena *a,
		      uint32_t *gpa)
{
	struct acpi_info *info;

	info = arena_alloc(a, PLATFORM_PAGE_SIZE, PLATFORM_PAGE_SIZE, gpa);
	if (!info)
		return -ENOSPC;
	info->flags = cfg->info_flags;
	info->nr_cpus = (uint16_t)cfg->nr_vcpus;
	info->pci_min = cfg->pci_min;
	info->pci_len = cfg->pci_len;
	info->pci_hi_min = cfg->pci_hi_min;
	info->pci_hi_len = cfg->pci_hi_len;
	return 0;
}

static int build_dsdt(struct arena *a, uint32_t info, uint32_t *gpa)
{
	uint8_t *p;

	p = arena_alloc(a, dsdt_aml_len, ACPI_TABLE_ALIGN, gpa);
	if (!p)
		return -ENOSPC;
	memcpy(p, dsdt_aml, dsdt_aml_len);
	return dsdt_patch_info_addr(p, dsdt_aml_len, info);
}

/* MADT, HPET and WAET, recorded in @list for the root tables. */
static int build_secondary(const struct acpi_config *cfg, struct arena *a,
			   struct acpi_table_list *list)
{
	int rc;

	list->nr = 0;
	rc = acpi_build_madt(cfg, a, &list->addr[list->nr++]);
	if (!rc && (cfg->info_flags & ACPI_INFO_HPET))
		rc = acpi_build_hpet(cfg, a, &list->addr[list->nr++]);
	if (!rc)
		rc = acpi_build_waet(a, &list->addr[list->nr++]);
	return rc;
}

int acpi_build(const struct acpi_config *cfg, struct arena *tables,
	       struct arena *low, uint32_t *rsdp)
{
	struct acpi_table_list list;
	uint32_t info, facs, dsdt, fadt1, fadt4;
	int rc;

	if (cfg->nr_vcpus == 0 || cfg->nr_vcpus > ACPI_MAX_VCPUS)
		return -EINVAL;
	rc = build_info(cfg, tables, &info);
	if (!rc)
		rc = acpi_build_facs(tables, &facs);
	if (!rc)
		rc = build_dsdt(tables, info, &dsdt);
	if (!rc)
		rc = acpi_build_fadt(tables, facs, dsdt, FADT_REVISION_RSDT,
				     &fadt1);
	if (!rc)
		rc = acpi_build_fadt(tables, facs, dsdt, FADT_REVISION_XSDT,
				     &fadt4);
	if (!rc)
		rc = build_secondary(cfg, tables, &list);
	if (!rc)
		rc = acpi_build_roots(tables, low, fadt1, fadt4, &list, rsdp);
	return rc;
}
