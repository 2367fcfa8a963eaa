/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Common table header, checksums and the root tables: RSDT (ACPI 6.5
 * 5.2.7), XSDT (5.2.8) and RSDP (5.2.5.3).
 */
#include "acpi_priv.h"

#include <errno.h>
#include <string.h>

/* Our identity in every table header. */
#define ACPI_OEM_ID "HVM   "
#define ACPI_OEM_TABLE_ID "HVMLOADR"
#define ACPI_CREATOR_ID "HVML"
#define ACPI_RSDP_REVISION 2

uint8_t acpi_checksum(const void *p, uint32_t len)
{
	const uint8_t *b = p;
	uint8_t sum = 0;
	uint32_t i;

	for (i = 0; i < len; i++)
		sum = (uint8_t)(sum + b[i]);
	return sum;
}

void acpi_header_init(struct acpi_header *h, const char sig[4], uint32_t length,
		      uint8_t revision)
{
	memcpy(h->signature, sig, sizeof(h->signature));
	h->length = length;
	h->revision = revision;
	h->checksum = 0;
	memcpy(h->oem_id, ACPI_OEM_ID, sizeof(h->oem_id));
	memcpy(h->oem_table_id, ACPI_OEM_TABLE_ID, sizeof(h->oem_table_id));
	h->oem_revision = 0;
	memcpy(h->creator_id, ACPI_CREATOR_ID, sizeof(h->creator_id));
	h->creator_revision = 0;
}

void acpi_header_seal(struct acpi_header *h)
{
	h->checksum = 0;
	h->checksum = (uint8_t)-acpi_checksum(h, h->length);
}

/* An RSDT (@entry_size 4) or XSDT (8) listing @first then @list. */
static int build_sdt(struct arena *a, const char sig[4], uint32_t entry_size,
		     uint32_t first, const struct acpi_table_list *list,
		     uint32_t *gpa)
{
	uint32_t n = 1 + list->nr;
	uint32_t len = (uint32_t)sizeof(struct acpi_header) + n * entry_size;
	struct acpi_header *h;
	uint8_t *entries;
	uint64_t addr;
	uint32_t i;

	h = arena_alloc(a, len, ACPI_TABLE_ALIGN, gpa);
	if (!h)
		return -ENOSPC;
	acpi_header_init(h, sig, len, 1);
	entries = (uint8_t *)(h + 1);
	for (i = 0; i < n; i++) {
		addr = i ? list->addr[i - 1] : first;
		/* Entries are unaligned in the XSDT; copy byte-wise. */
		memcpy(entries + i * entry_size, &addr, entry_size);
	}
	acpi_header_seal(h);
	return 0;
}

int acpi_build_roots(struct arena *a, struct arena *low, uint32_t fadt1,
		     uint32_t fadt4, const struct acpi_table_list *list,
		     uint32_t *rsdp_gpa)
{
	struct acpi_rsdp *rsdp;
	uint32_t xsdt, rsdt;
	int rc;

	rc = build_sdt(a, "XSDT", sizeof(uint64_t), fadt4, list, &xsdt);
	if (!rc)
		rc = build_sdt(a, "RSDT", sizeof(uint32_t), fadt1, list, &rsdt);
	if (rc)
		return rc;
	rsdp = arena_alloc(low, sizeof(*rsdp), ACPI_TABLE_ALIGN, rsdp_gpa);
	if (!rsdp)
		return -ENOSPC;
	memcpy(rsdp->signature, "RSD PTR ", sizeof(rsdp->signature));
	memcpy(rsdp->oem_id, ACPI_OEM_ID, sizeof(rsdp->oem_id));
	rsdp->revision = ACPI_RSDP_REVISION;
	rsdp->rsdt_address = rsdt;
	rsdp->length = sizeof(*rsdp);
	rsdp->xsdt_address = xsdt;
	rsdp->checksum = (uint8_t)-acpi_checksum(rsdp, ACPI_RSDP_V1_LENGTH);
	rsdp->extended_checksum = (uint8_t)-acpi_checksum(rsdp, sizeof(*rsdp));
	return 0;
}
