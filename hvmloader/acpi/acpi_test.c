/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests of the ACPI builders: every table reachable from the RSDP
 * has a valid checksum and the expected length and revision, the FADT
 * points at the DSDT and FACS, the MADT describes the vCPUs, IOAPIC and
 * overrides of pci_irq.h, acpi_info carries the configuration, and the
 * builders fail cleanly on small arenas and bad input.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "hvm_test.h"
#include "hvmloader/acpi.h"
#include "hvmloader/acpi_tables.h"
#include "hvmloader/dsdt.h"
#include "hvmloader/pci_irq.h"

#define TABLES_GPA 0xfc000000u
#define TABLES_SIZE 0x100000u
#define LOW_GPA 0x10000u
#define LOW_SIZE 0x70000u

static uint8_t tables_buf[TABLES_SIZE], low_buf[LOW_SIZE];
static struct arena tables, low;

static void default_config(struct acpi_config *c, unsigned int nr_vcpus)
{
	unsigned int i;

	memset(c, 0, sizeof(*c));
	c->nr_vcpus = nr_vcpus;
	for (i = 0; i < nr_vcpus; i++)
		c->vcpu_online[i / 8] |= (uint8_t)(1u << (i % 8));
	c->info_flags = ACPI_INFO_COM1 | ACPI_INFO_HPET;
	c->hpet_block_id = 0x8086a201u;
	c->pci_min = 0xf0000000u;
	c->pci_len = 0x0c000000u;
}

static int build(const struct acpi_config *c, uint32_t *rsdp)
{
	arena_init(&tables, tables_buf, TABLES_GPA, TABLES_SIZE);
	arena_init(&low, low_buf, LOW_GPA, LOW_SIZE);
	return acpi_build(c, &tables, &low, rsdp);
}

static void *host(uint32_t gpa, uint32_t len)
{
	void *p = arena_ptr(&tables, gpa, len);

	return p ? p : arena_ptr(&low, gpa, len);
}

/* The table at @gpa after checking signature, checksum and length. */
static const struct acpi_header *table(uint64_t gpa, const char *sig)
{
	const struct acpi_header *h = host((uint32_t)gpa, sizeof(*h));

	CHECK(gpa < (1ULL << 32));
	CHECK(h != NULL);
	if (!h)
		return NULL;
	CHECK(!memcmp(h->signature, sig, 4));
	CHECK(host((uint32_t)gpa, h->length) != NULL);
	CHECK_EQ(0, acpi_checksum(h, h->length));
	CHECK_EQ(0, gpa % 16);
	return h;
}

static const struct acpi_rsdp *rsdp_of(uint32_t gpa)
{
	const struct acpi_rsdp *r = host(gpa, sizeof(*r));

	CHECK(r != NULL);
	CHECK(!memcmp(r->signature, "RSD PTR ", 8));
	CHECK_EQ(0, acpi_checksum(r, ACPI_RSDP_V1_LENGTH));
	CHECK_EQ(0, acpi_checksum(r, sizeof(*r)));
	CHECK_EQ(36, r->length);
	CHECK_EQ(2, r->revision);
	CHECK(gpa < 0x100000u);
	return r;
}

static uint64_t sdt_entry(const struct acpi_header *h, unsigned int size,
			  unsigned int i)
{
	uint64_t v = 0;

	memcpy(&v, (const uint8_t *)(h + 1) + i * size, size);
	return v;
}

static void test_root_tables(void)
{
	struct acpi_config c;
	const struct acpi_header *xsdt, *rsdt, *f1, *f4;
	uint32_t rsdp;

	default_config(&c, 2);
	CHECK_EQ(0, build(&c, &rsdp));
	xsdt = table(rsdp_of(rsdp)->xsdt_address, "XSDT");
	rsdt = table(rsdp_of(rsdp)->rsdt_address, "RSDT");
	/* FADT, MADT, HPET, WAET. */
	CHECK_EQ(sizeof(*xsdt) + 4 * 8, xsdt->length);
	CHECK_EQ(sizeof(*rsdt) + 4 * 4, rsdt->length);
	f4 = table(sdt_entry(xsdt, 8, 0), "FACP");
	f1 = table(sdt_entry(rsdt, 4, 0), "FACP");
	CHECK_EQ(244, f4->length);
	CHECK_EQ(4, f4->revision);
	CHECK_EQ(116, f1->length);
	CHECK_EQ(1, f1->revision);
	table(sdt_entry(xsdt, 8, 1), "APIC");
	CHECK_EQ(56, table(sdt_entry(xsdt, 8, 2), "HPET")->length);
	CHECK_EQ(40, table(sdt_entry(xsdt, 8, 3), "WAET")->length);
	CHECK_EQ(sdt_entry(xsdt, 8, 1), sdt_entry(rsdt, 4, 1));
	CHECK_EQ(sdt_entry(xsdt, 8, 3), sdt_entry(rsdt, 4, 3));
}

static const struct acpi_fadt *fadt4(uint32_t rsdp)
{
	const struct acpi_header *x =
		table(rsdp_of(rsdp)->xsdt_address, "XSDT");

	return (const struct acpi_fadt *)table(sdt_entry(x, 8, 0), "FACP");
}

static void test_fadt(void)
{
	struct acpi_config c;
	const struct acpi_fadt *f;
	const struct acpi_facs *facs;
	uint32_t rsdp;

	default_config(&c, 1);
	CHECK_EQ(0, build(&c, &rsdp));
	f = fadt4(rsdp);
	CHECK_EQ(f->dsdt, f->x_dsdt);
	CHECK_EQ(f->firmware_ctrl, f->x_firmware_ctrl);
	CHECK_EQ(0, f->firmware_ctrl % 64);
	facs = host(f->firmware_ctrl, sizeof(*facs));
	CHECK(facs && !memcmp(facs->signature, "FACS", 4));
	CHECK(facs && facs->length == 64);
	CHECK_EQ(dsdt_aml_len, table(f->dsdt, "DSDT")->length);
	CHECK_EQ(9, f->sci_int);
	CHECK_EQ(0, f->smi_cmd);
	CHECK_EQ(0xb000, f->pm1a_evt_blk);
	CHECK_EQ(0xb004, f->pm1a_cnt_blk);
	CHECK_EQ(0xb008, f->pm_tmr_blk);
	CHECK_EQ(0xafe0, f->gpe0_blk);
	CHECK_EQ(0xb008, f->x_pm_tmr_blk.address);
	CHECK_EQ(ACPI_GAS_SYSTEM_IO, f->x_pm_tmr_blk.space_id);
	CHECK_EQ(32, f->x_pm_tmr_blk.bit_width);
	CHECK_EQ(0xcf9, f->reset_reg.address);
	CHECK_EQ(6, f->reset_value);
	CHECK(f->flags & (1u << 8));  /* TMR_VAL_EXT: 32-bit PM timer */
	CHECK(f->flags & (1u << 10)); /* RESET_REG_SUP */
}

static void test_dsdt_patched(void)
{
	static const uint8_t region[] = {0x5b, 0x80, 'B', 'I',
					 'O',  'S',  0,	  0x0c};
	struct acpi_config c;
	const uint8_t *d;
	uint32_t rsdp, i, hits = 0, want = TABLES_GPA;

	default_config(&c, 1);
	CHECK_EQ(0, build(&c, &rsdp));
	d = (const uint8_t *)table(fadt4(rsdp)->dsdt, "DSDT");
	for (i = 0; d && i + 10 <= dsdt_aml_len; i++) {
		/* OperationRegion (BIOS, SystemMemory, DWord, ...) */
		if (!memcmp(d + i, region, sizeof(region))) {
			hits++;
			CHECK(!memcmp(d + i + sizeof(region), &want, 4));
		}
	}
	CHECK_EQ(1, hits);
}

struct madt_seen {
	unsigned int lapics, enabled, ioapics, isos, nmis;
	uint16_t iso_flags[16];
	uint32_t iso_gsi[16];
};

static void walk_madt(const struct acpi_header *h, struct madt_seen *s)
{
	const uint8_t *p = (const uint8_t *)h + sizeof(struct acpi_madt);
	const uint8_t *end = (const uint8_t *)h + h->length;
	const struct acpi_madt_lapic *l;
	const struct acpi_madt_iso *iso;

	memset(s, 0, sizeof(*s));
	while (p < end) {
		CHECK(p[1] >= 2 && p + p[1] <= end);
		if (p[1] < 2)
			return;
		if (p[0] == ACPI_MADT_LAPIC) {
			l = (const void *)p;
			CHECK_EQ(s->lapics, l->apic_id);
			CHECK_EQ(s->lapics, l->acpi_processor_id);
			s->enabled += l->flags & 1;
			s->lapics++;
		} else if (p[0] == ACPI_MADT_ISO) {
			iso = (const void *)p;
			CHECK(iso->source < 16);
			s->iso_flags[iso->source & 15] = iso->flags;
			s->iso_gsi[iso->source & 15] = iso->gsi;
			s->isos++;
		}
		s->ioapics += p[0] == ACPI_MADT_IOAPIC;
		s->nmis += p[0] == ACPI_MADT_LAPIC_NMI;
		p += p[1];
	}
	CHECK(p == end);
}

static void test_madt(void)
{
	struct acpi_config c;
	const struct acpi_header *x;
	const struct acpi_madt *m;
	struct madt_seen s;
	uint32_t rsdp;
	unsigned int irq;

	default_config(&c, 5);
	c.vcpu_online[0] &= (uint8_t) ~(1u << 3); /* vCPU 3 offline */
	CHECK_EQ(0, build(&c, &rsdp));
	x = table(rsdp_of(rsdp)->xsdt_address, "XSDT");
	m = (const struct acpi_madt *)table(sdt_entry(x, 8, 1), "APIC");
	CHECK_EQ(0xfee00000u, m->lapic_address);
	CHECK_EQ(ACPI_MADT_PCAT_COMPAT, m->flags);
	walk_madt(&m->header, &s);
	CHECK_EQ(5, s.lapics);
	CHECK_EQ(4, s.enabled);
	CHECK_EQ(1, s.ioapics);
	CHECK_EQ(1, s.nmis);
	CHECK_EQ(4, s.isos);
	CHECK_EQ(2, s.iso_gsi[0]);
	CHECK_EQ(0, s.iso_flags[0]);
	for (irq = 1; irq < 16; irq++) {
		if (!pci_irq_is_link_irq(irq))
			continue;
		CHECK_EQ(irq, s.iso_gsi[irq]);
		CHECK_EQ(0xf, s.iso_flags[irq]); /* level, active low */
	}
}

static void test_acpi_info(void)
{
	struct acpi_config c;
	const struct acpi_info *info;
	uint32_t rsdp;

	default_config(&c, 3);
	c.pci_hi_min = 0x240000000ULL;
	c.pci_hi_len = 0x40000000ULL;
	CHECK_EQ(0, build(&c, &rsdp));
	info = host(TABLES_GPA, sizeof(*info));
	CHECK_EQ(32, sizeof(*info));
	CHECK_EQ(ACPI_INFO_COM1 | ACPI_INFO_HPET, info->flags);
	CHECK_EQ(3, info->nr_cpus);
	CHECK_EQ(0xf0000000u, info->pci_min);
	CHECK_EQ(0x0c000000u, info->pci_len);
	CHECK_EQ(0x240000000ULL, info->pci_hi_min);
	CHECK_EQ(0x40000000ULL, info->pci_hi_len);
	/* The tables start on the next page. */
	CHECK(fadt4(rsdp)->firmware_ctrl >= TABLES_GPA + 0x1000);
}

static void test_no_hpet(void)
{
	struct acpi_config c;
	const struct acpi_header *x;
	uint32_t rsdp;

	default_config(&c, 1);
	c.info_flags = 0;
	CHECK_EQ(0, build(&c, &rsdp));
	x = table(rsdp_of(rsdp)->xsdt_address, "XSDT");
	CHECK_EQ(sizeof(*x) + 3 * 8, x->length);
	table(sdt_entry(x, 8, 2), "WAET");
}

static void test_max_vcpus(void)
{
	struct acpi_config c;
	struct madt_seen s;
	const struct acpi_header *x;
	uint32_t rsdp;

	default_config(&c, 128);
	CHECK_EQ(0, build(&c, &rsdp));
	x = table(rsdp_of(rsdp)->xsdt_address, "XSDT");
	walk_madt(table(sdt_entry(x, 8, 1), "APIC"), &s);
	CHECK_EQ(128, s.lapics);
	c.nr_vcpus = 129;
	CHECK_EQ(-EINVAL, build(&c, &rsdp));
	c.nr_vcpus = 0;
	CHECK_EQ(-EINVAL, build(&c, &rsdp));
}

static void test_no_room(void)
{
	struct acpi_config c;
	uint32_t rsdp, size;

	default_config(&c, 4);
	/* Every arena size short of what is needed fails cleanly. */
	for (size = 0; size < 0x4000; size += 0x100) {
		arena_init(&tables, tables_buf, TABLES_GPA, size);
		arena_init(&low, low_buf, LOW_GPA, LOW_SIZE);
		if (acpi_build(&c, &tables, &low, &rsdp) == 0)
			break;
		CHECK(tables.used <= size);
	}
	CHECK(size > dsdt_aml_len);
	arena_init(&tables, tables_buf, TABLES_GPA, TABLES_SIZE);
	arena_init(&low, low_buf, LOW_GPA, 16);
	CHECK_EQ(-ENOSPC, acpi_build(&c, &tables, &low, &rsdp));
}

static void test_dsdt_patch_errors(void)
{
	uint8_t *copy = malloc(dsdt_aml_len);
	uint8_t junk[64] = "DSDT";

	CHECK(copy != NULL);
	if (!copy)
		return;
	memcpy(copy, dsdt_aml, dsdt_aml_len);
	CHECK_EQ(0, dsdt_patch_info_addr(copy, dsdt_aml_len, 0x12345678u));
	CHECK_EQ(0, acpi_checksum(copy, dsdt_aml_len));
	/* The wrong length, or no acpi_info region at all. */
	CHECK_EQ(-EINVAL, dsdt_patch_info_addr(copy, dsdt_aml_len - 1, 0));
	CHECK_EQ(-EINVAL, dsdt_patch_info_addr(junk, sizeof(junk), 0));
	free(copy);
}

int main(void)
{
	HVM_TEST(test_root_tables);
	HVM_TEST(test_fadt);
	HVM_TEST(test_dsdt_patched);
	HVM_TEST(test_madt);
	HVM_TEST(test_acpi_info);
	HVM_TEST(test_no_hpet);
	HVM_TEST(test_max_vcpus);
	HVM_TEST(test_no_room);
	HVM_TEST(test_dsdt_patch_errors);
	return hvm_test_summary();
}
