/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test helper: builds the ACPI tables for a sample guest (2 vCPUs, HPET,
 * COM1, a 64-bit PCI window) with the host-compiled builders and writes
 * each table to OUTDIR as <name>.dat, for acpi_tools_test to feed to
 * "iasl -d" and acpiexec. The RSDP, which is no table with a header and
 * which iasl cannot read on its own, goes to rsdp.bin (acpi_test checks
 * it). Exit status 0, 1 on failure, 2 on usage errors.
 */
#include <stdio.h>
#include <string.h>

#include "hvmloader/acpi.h"
#include "hvmloader/acpi_tables.h"

#define TABLES_GPA 0xfc000000u
#define TABLES_SIZE 0x100000u
#define LOW_GPA 0x10000u
#define LOW_SIZE 0x70000u

static uint8_t tables_buf[TABLES_SIZE], low_buf[LOW_SIZE];
static struct arena tables, low;

static const void *host(uint64_t gpa, uint32_t len)
{
	const void *p = arena_ptr(&tables, (uint32_t)gpa, len);

	return p ? p : arena_ptr(&low, (uint32_t)gpa, len);
}

static int write_file(const char *dir, const char *name, const void *p,
		      uint32_t len)
{
	char path[512];
	FILE *f;
	size_t n;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f) {
		perror(path);
		return -1;
	}
	n = fwrite(p, 1, len, f);
	if (fclose(f) || n != len) {
		fprintf(stderr, "acpi_dump: cannot write %s\n", path);
		return -1;
	}
	return 0;
}

static int write_table(const char *dir, const char *name, uint64_t gpa)
{
	const struct acpi_header *h = host(gpa, sizeof(*h));
	char file[64];

	if (!h || !host(gpa, h->length)) {
		fprintf(stderr, "acpi_dump: %s at 0x%llx is out of range\n",
			name, (unsigned long long)gpa);
		return -1;
	}
	snprintf(file, sizeof(file), "%s.dat", name);
	return write_file(dir, file, h, h->length);
}

static int dump(const char *dir, const struct acpi_rsdp *rsdp)
{
	const struct acpi_header *x = host(rsdp->xsdt_address, 36);
	const struct acpi_header *r = host(rsdp->rsdt_address, 40);
	const struct acpi_fadt *f;
	uint32_t fadt1;
	uint64_t e[4];
	int rc = 0;

	if (!x || !r || x->length != 36 + sizeof(e))
		return -1;
	memcpy(e, x + 1, sizeof(e));
	memcpy(&fadt1, r + 1, sizeof(fadt1));
	f = host(e[0], sizeof(*f));
	if (!f)
		return -1;
	rc |= write_file(dir, "rsdp.bin", rsdp, sizeof(*rsdp));
	rc |= write_table(dir, "xsdt", rsdp->xsdt_address);
	rc |= write_table(dir, "rsdt", rsdp->rsdt_address);
	rc |= write_table(dir, "facp", e[0]);
	rc |= write_table(dir, "facp1", fadt1);
	rc |= write_table(dir, "apic", e[1]);
	rc |= write_table(dir, "hpet", e[2]);
	rc |= write_table(dir, "waet", e[3]);
	rc |= write_table(dir, "dsdt", f->dsdt);
	rc |= write_file(dir, "facs.dat", host(f->firmware_ctrl, 64), 64);
	return rc;
}

int main(int argc, char **argv)
{
	struct acpi_config c = {
		.nr_vcpus = 2,
		.vcpu_online = {3},
		.info_flags = ACPI_INFO_COM1 | ACPI_INFO_HPET,
		.hpet_block_id = 0x8086a201u,
		.pci_min = 0xf0000000u,
		.pci_len = 0x0c000000u,
		.pci_hi_min = 0x280000000ULL,
		.pci_hi_len = 0x80000000ULL,
	};
	uint32_t rsdp;

	if (argc != 2) {
		fprintf(stderr, "usage: acpi_dump OUTDIR\n");
		return 2;
	}
	arena_init(&tables, tables_buf, TABLES_GPA, TABLES_SIZE);
	arena_init(&low, low_buf, LOW_GPA, LOW_SIZE);
	if (acpi_build(&c, &tables, &low, &rsdp)) {
		fprintf(stderr, "acpi_dump: acpi_build failed\n");
		return 1;
	}
	return dump(argv[1], host(rsdp, sizeof(struct acpi_rsdp))) ? 1 : 0;
}
