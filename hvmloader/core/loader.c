/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Steps of hvmloader's main sequence (loader_priv.h): checks of the memory
 * map, PCI window limits, where the tables go, building them, and the
 * handover data for SeaBIOS.
 */
#include "loader_priv.h"

#include <string.h>

#include "hvmloader/acpi.h"
#include "hvmloader/apic.h"
#include "hvmloader/io.h"
#include "hvmloader/log.h"
#include "hvmloader/mp.h"
#include "hvmloader/phys.h"
#include "hvmloader/pir.h"
#include "hvmloader/platform.h"
#include "hvmloader/probe.h"
#include "hvmloader/smbios.h"
#include "hvmloader/xen.h"

#define PAGE_UP(x) (((x) + PLATFORM_PAGE_SIZE - 1) & ~(PLATFORM_PAGE_SIZE - 1))
#define MIN_PHYS_BITS 36
#define MAX_PHYS_BITS 52

static bool ram_entry_expected(const struct loader *l, uint64_t start,
			       uint64_t end)
{
	if (start == PLATFORM_BIOS_END && end == l->low_ram_end)
		return true;
	return start == PLATFORM_4G && end == l->high_ram_end;
}

void loader_check_memmap(struct loader *l)
{
	const struct hvm_memmap_table_entry *e;
	unsigned int i;

	for (i = 0; i < l->si.nr_memmap; i++) {
		e = &l->si.memmap[i];
		if (e->type == XEN_HVM_MEMMAP_TYPE_RAM &&
		    ram_entry_expected(l, e->addr, e->addr + e->size))
			continue;
		/* The hypervisor's own pages right above low RAM: keep them. */
		if (e->type == XEN_HVM_MEMMAP_TYPE_RESERVED &&
		    e->addr == l->low_ram_end &&
		    e->addr + e->size <= PLATFORM_RESERVED_START) {
			l->hv_rsv_end = (uint32_t)(e->addr + e->size);
			continue;
		}
		log_warn(
			"start info memory map entry %u (0x%llx+0x%llx type %u) does not match hvm_info; E820 follows hvm_info",
			i, (unsigned long long)e->addr,
			(unsigned long long)e->size, e->type);
	}
}

void loader_pci_plan(const struct loader *l, struct pci_bar_plan *plan)
{
	unsigned int bits = l->mtrr_caps.phys_bits;
	uint64_t low_min = l->low_ram_end;

	/* The device model's pages follow the highest RAM (platform.h). */
	if (!l->high_ram_end)
		low_min += PLATFORM_DM_EXTRA;
	plan->low_min = low_min > PLATFORM_PCI_MEM_START
				? PLATFORM_PCI_MEM_START
				: (uint32_t)low_min;
	plan->high_base = l->high_ram_end ? l->high_ram_end + PLATFORM_DM_EXTRA
					  : PLATFORM_4G;
	if (bits < MIN_PHYS_BITS || bits > MAX_PHYS_BITS)
		bits = MIN_PHYS_BITS;
	plan->high_limit = 1ULL << bits;
}

void loader_place_tables(struct loader *l)
{
	uint32_t last = PLATFORM_TABLES_START + PLATFORM_TABLES_SIZE - 4;
	uint32_t fw_end = (uint32_t)(uintptr_t)l->si.fw + l->si.fw_size;
	bool backed = probe_ram(PLATFORM_TABLES_START) && probe_ram(last);
	struct tables_mem *tm = &l->tm;

	if (tables_mem_choose(backed, l->low_ram_end, PAGE_UP(fw_end), tm))
		log_fatal(
			"no RAM for the firmware tables: 0x%08x is not RAM and low RAM is too small; give the domain more memory",
			PLATFORM_TABLES_START);
	if (tm->in_low_ram)
		log_warn(
			"0x%08x-0x%08x is not RAM; firmware tables go to 0x%08x-0x%08x in low RAM instead (the hypervisor should back the range)",
			PLATFORM_TABLES_START, last + 3, tm->acpi_start,
			tm->rsv_start + tm->rsv_size - 1);
	arena_init(&l->acpi, phys_ptr(tm->acpi_start, tm->acpi_size),
		   tm->acpi_start, tm->acpi_size);
	arena_init(&l->rsv, phys_ptr(tm->rsv_start, tm->rsv_size),
		   tm->rsv_start, tm->rsv_size);
	arena_init(&l->low, phys_ptr(PLATFORM_SCRATCH_START, 1),
		   PLATFORM_SCRATCH_START,
		   PLATFORM_SCRATCH_END - PLATFORM_SCRATCH_START);
}

static void add_table(struct loader *l, const char *what, uint32_t addr)
{
	l->ho.tables[l->ho.nr_tables++] = addr;
	log_info("%s at 0x%08x", what, addr);
}

static void cpu_identity(char vendor[13], uint32_t *sig, uint32_t *features)
{
	struct cpuid_regs r = cpuid(0);

	memcpy(vendor, &r.ebx, 4);
	memcpy(vendor + 4, &r.edx, 4);
	memcpy(vendor + 8, &r.ecx, 4);
	vendor[12] = '\0';
	r = cpuid(1);
	*sig = r.eax;
	*features = r.edx;
}

static void build_smbios(struct loader *l)
{
	struct smbios_config c = {0};
	uint32_t ep;

	if (l->cfg.have_uuid)
		memcpy(c.uuid, l->cfg.uuid, sizeof(c.uuid));
	else if (xen_guest_handle(c.uuid))
		log_warn(
			"smbios: no uuid= given and no domain handle; the system UUID is zero");
	c.nr_vcpus = l->info->nr_vcpus;
	cpu_identity(c.cpu_vendor, &c.cpu_signature, &c.cpu_features);
	c.low_ram_end = l->low_ram_end;
	c.high_ram_end = l->high_ram_end;
	c.bios_address = l->bios_start;
	c.bios_size = PLATFORM_BIOS_END - l->bios_start;
	c.bios_version = l->version;
	if (smbios_build(&c, &l->rsv, &l->low, &ep))
		log_fatal("smbios: tables do not fit");
	add_table(l, "smbios: entry point", ep);
}

static void dev_pins(const struct loader *l, uint8_t out[PCI_IRQ_NR_DEVICES])
{
	unsigned int dev;

	for (dev = 0; dev < PCI_IRQ_NR_DEVICES; dev++)
		out[dev] = pci_bus_dev_pins(l->pci, dev);
}

static void build_mp(struct loader *l)
{
	struct mp_config c = {0};
	uint32_t fp, pir;
	char vendor[13];

	c.nr_vcpus = l->info->nr_vcpus;
	memcpy(c.vcpu_online, l->info->vcpu_online, sizeof(c.vcpu_online));
	c.lapic_version = apic_lapic_version();
	cpu_identity(vendor, &c.cpu_signature, &c.cpu_features);
	c.ioapic_id = APIC_IOAPIC_ID;
	c.ioapic_version = apic_ioapic_version();
	dev_pins(l, c.dev_pins);
	if (l->info->apic_mode || l->info->nr_vcpus > 1) {
		if (mp_build(&c, &l->rsv, &l->low, &fp))
			log_fatal("mp: table does not fit");
		add_table(l, "mp: floating pointer", fp);
		log_info("mp: %u processors, APIC IDs 0-%u", c.nr_vcpus,
			 c.nr_vcpus - 1);
	} else {
		log_info("mp: no table (apic=0, one processor)");
	}
	/* CPUID as the guest sees it: xl's pae=0 hides PAE. */
	if (!(c.cpu_features & (1u << 6)))
		log_info("cpu: no PAE (pae=0)");
	if (pir_build(c.dev_pins, &l->low, &pir))
		log_fatal("pir: table does not fit");
	add_table(l, "pir: $PIR", pir);
}

static void build_acpi(struct loader *l)
{
	struct acpi_config c = {0};
	uint32_t rsdp;
	int rc;

	c.nr_vcpus = l->info->nr_vcpus;
	memcpy(c.vcpu_online, l->info->vcpu_online, sizeof(c.vcpu_online));
	c.ioapic_id = APIC_IOAPIC_ID;
	c.info_flags = probe_legacy_ports();
	if (l->cfg.hpet && probe_hpet(&c.hpet_block_id))
		c.info_flags |= ACPI_INFO_HPET;
	log_info("acpi: %s", c.info_flags & ACPI_INFO_HPET ? "HPET described"
			     : l->cfg.hpet ? "no HPET found to describe"
					   : "no HPET table (hpet=0)");
	c.pci_min = l->plan.low_start;
	c.pci_len = PLATFORM_PCI_MEM_END - l->plan.low_start;
	c.pci_hi_min = l->plan.high_start;
	c.pci_hi_len = l->plan.high_end - l->plan.high_start;
	rc = acpi_build(&c, &l->acpi, &l->low, &rsdp);
	if (rc)
		log_fatal("acpi: cannot build the tables (%d)", rc);
	add_table(l, "acpi: RSDP", rsdp);
	log_info("acpi: MADT lists %u processors, APIC IDs 0-%u", c.nr_vcpus,
		 c.nr_vcpus - 1);
	log_info("acpi: tables 0x%08x-0x%08x, devices 0x%02x", l->acpi.gpa,
		 arena_end(&l->acpi) - 1, c.info_flags);
}

void loader_build_tables(struct loader *l)
{
	l->ho.nr_tables = 0;
	build_smbios(l);
	build_mp(l);
	if (l->cfg.acpi)
		build_acpi(l);
	else
		log_info("acpi: no tables (acpi=0)");
}

uint32_t loader_usable_low_end(const struct loader *l)
{
	return l->tm.in_low_ram ? l->tm.acpi_start : l->low_ram_end;
}

static void log_e820(const struct loader *l)
{
	int i;

	for (i = 0; i < l->ho.nr_e820; i++)
		log_info("e820 %d: 0x%09llx-0x%09llx type %u", i,
			 (unsigned long long)l->e820[i].addr,
			 (unsigned long long)(l->e820[i].addr +
					      l->e820[i].size - 1),
			 l->e820[i].type);
}

void loader_handover(struct loader *l)
{
	struct e820_config c = {
		.low_ram_end = l->low_ram_end,
		.high_ram_end = l->high_ram_end,
		.bios_start = l->bios_start,
		.hv_rsv_end = l->hv_rsv_end,
	};
	struct seabios_info *info = phys_ptr(PLATFORM_SEABIOS_INFO, 32);

	/* acpi_info and the ACPI tables; an empty range without ACPI. */
	c.nvs_start = l->tm.acpi_start;
	c.nvs_end = c.nvs_start;
	if (l->cfg.acpi)
		c.nvs_end = PAGE_UP(arena_end(&l->acpi));
	l->ho.nr_e820 = e820_build(&c, l->e820);
	if (l->ho.nr_e820 < 0)
		log_fatal("e820: inconsistent memory layout");
	l->ho.e820 = l->e820;
	log_e820(l);
	if (seabios_info_build(&l->ho, info, &l->low))
		log_fatal("seabios: no room for the info table data");
}
