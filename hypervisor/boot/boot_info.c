/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Builds the boot-time structures hvmloader reads (see boot_info.h). The
 * layouts come from Xen's public headers (arch-x86/hvm/start_info.h,
 * hvm/hvm_info_table.h); placement follows firmware.md 1.3.
 */
#include "hypervisor/boot_info.h"

#include <errno.h>
#include <string.h>
#include <xen/xen.h>
#include <xen/arch-x86/hvm/start_info.h>
#include <xen/hvm/hvm_info_table.h>

#define E820_RAM 1
#define E820_RESERVED 2
#define LOW_RAM_START 0x100000ULL

static uint64_t page_up(uint64_t v)
{
	return (v + GMEM_PAGE_SIZE - 1) & ~(GMEM_PAGE_SIZE - 1);
}

unsigned int boot_info_memmap(const struct gmem *m,
			      struct boot_memmap_entry out[BOOT_MEMMAP_MAX])
{
	unsigned int n = 0;

	out[n].addr = LOW_RAM_START;
	out[n].size = gmem_bounce_start(m) - LOW_RAM_START;
	out[n++].type = E820_RAM;
	out[n].addr = gmem_bounce_start(m);
	out[n].size = GMEM_BOUNCE_PAGES * GMEM_PAGE_SIZE;
	out[n++].type = E820_RESERVED;
	if (m->highmem_end) {
		out[n].addr = GMEM_4G;
		out[n].size = m->highmem_end - GMEM_4G;
		out[n++].type = E820_RAM;
	}
	return n;
}

static uint64_t image_end(const struct elf_load_image *img)
{
	uint64_t end = 0;
	unsigned int i;

	for (i = 0; i < img->nr_segments; i++) {
		uint64_t e = (uint64_t)img->seg[i].paddr + img->seg[i].memsz;

		if (e > end)
			end = e;
	}
	return end;
}

static int check_config(const struct boot_config *cfg)
{
	unsigned int i;

	if (cfg->nr_vcpus == 0 || cfg->nr_vcpus > HVM_MAX_VCPUS ||
	    cfg->nr_modules > BOOT_MAX_MODULES)
		return -EINVAL;
	for (i = 0; i < cfg->nr_modules; i++) {
		const char *c = cfg->modules[i].cmdline;

		if (!cfg->modules[i].data || !cfg->modules[i].size ||
		    (c && strnlen(c, BOOT_CMDLINE_MAX) >= BOOT_CMDLINE_MAX))
			return -EINVAL;
	}
	return 0;
}

/* Copies the modules from *@next on; fills @ml with their places. */
static int place_modules(struct gmem *m, const struct boot_config *cfg,
			 uint64_t *next, struct hvm_modlist_entry *ml)
{
	unsigned int i;
	int rc;

	for (i = 0; i < cfg->nr_modules; i++) {
		const struct boot_module *mod = &cfg->modules[i];

		if (mod->size > gmem_bounce_start(m) ||
		    *next > gmem_bounce_start(m) - mod->size)
			return -ENOSPC;
		rc = gmem_copy_to(m, *next, mod->data, mod->size);
		if (rc)
			return rc;
		ml[i].paddr = *next;
		ml[i].size = mod->size;
		*next = page_up(*next + mod->size);
	}
	return 0;
}

/*
 * Lays out [start_info][modlist][cmdlines][memmap] at @at and writes it.
 * Module paddrs are already in @ml; command lines get their addresses here.
 */
static int write_start_info(struct gmem *m, const struct boot_config *cfg,
			    uint64_t at, struct hvm_modlist_entry *ml)
{
	struct boot_memmap_entry mm[BOOT_MEMMAP_MAX];
	struct hvm_memmap_table_entry e;
	struct hvm_start_info si = {0};
	unsigned int i, nr_mm = boot_info_memmap(m, mm);
	uint64_t ml_at = at + sizeof(si);
	uint64_t cl_at = ml_at + cfg->nr_modules * sizeof(*ml);
	uint64_t mm_at = cl_at + cfg->nr_modules * BOOT_CMDLINE_MAX;
	uint64_t end = mm_at + nr_mm * sizeof(e);
	int rc = 0;

	if (end > gmem_bounce_start(m))
		return -ENOSPC;
	for (i = 0; i < cfg->nr_modules && !rc; i++) {
		const char *c = cfg->modules[i].cmdline;

		if (!c)
			continue;
		ml[i].cmdline_paddr = cl_at + i * BOOT_CMDLINE_MAX;
		rc = gmem_copy_to(m, ml[i].cmdline_paddr, c, strlen(c) + 1);
	}
	for (i = 0; i < nr_mm && !rc; i++) {
		memset(&e, 0, sizeof(e));
		e.addr = mm[i].addr;
		e.size = mm[i].size;
		e.type = mm[i].type;
		rc = gmem_copy_to(m, mm_at + i * sizeof(e), &e, sizeof(e));
	}
	si.magic = XEN_HVM_START_MAGIC_VALUE;
	si.version = 1;
	si.nr_modules = cfg->nr_modules;
	si.modlist_paddr = cfg->nr_modules ? ml_at : 0;
	si.memmap_paddr = mm_at;
	si.memmap_entries = nr_mm;
	if (!rc && cfg->nr_modules)
		rc = gmem_copy_to(m, ml_at, ml, cfg->nr_modules * sizeof(*ml));
	return rc ? rc : gmem_copy_to(m, at, &si, sizeof(si));
}

static int write_hvm_info(struct gmem *m, const struct boot_config *cfg)
{
	struct hvm_info_table t = {0};
	uint8_t page[GMEM_PAGE_SIZE] = {0}, sum = 0;
	const uint8_t *p = (const uint8_t *)&t;
	unsigned int i;
	int rc;

	memcpy(t.signature, "HVM INFO", sizeof(t.signature));
	t.length = sizeof(t);
	t.apic_mode = cfg->apic_mode;
	t.nr_vcpus = cfg->nr_vcpus;
	/* The bounce pages at the top are not the guest's RAM (E820 map). */
	t.low_mem_pgend = (uint32_t)(gmem_bounce_start(m) / GMEM_PAGE_SIZE);
	t.reserved_mem_pgstart =
		(uint32_t)(GMEM_SPECIAL_START / GMEM_PAGE_SIZE);
	t.high_mem_pgend = (uint32_t)(m->highmem_end / GMEM_PAGE_SIZE);
	for (i = 0; i < cfg->nr_vcpus; i++)
		t.vcpu_online[i / 8] |= (uint8_t)(1u << (i % 8));
	for (i = 0; i < sizeof(t); i++)
		sum += p[i];
	t.checksum = (uint8_t)-sum;
	/* The toolstack zeroes the whole page first (firmware.md 1.3). */
	rc = gmem_copy_to(m, BOOT_HVM_INFO_PADDR & ~(GMEM_PAGE_SIZE - 1), page,
			  sizeof(page));
	return rc ? rc : gmem_copy_to(m, BOOT_HVM_INFO_PADDR, &t, sizeof(t));
}

int boot_info_build(struct gmem *m, const struct elf_load_image *img,
		    const struct boot_config *cfg, uint32_t *start_info)
{
	struct hvm_modlist_entry ml[BOOT_MAX_MODULES];
	uint64_t next = page_up(image_end(img));
	int rc;

	memset(ml, 0, sizeof(ml));
	rc = check_config(cfg);
	if (!rc)
		rc = place_modules(m, cfg, &next, ml);
	if (!rc)
		rc = write_start_info(m, cfg, next, ml);
	if (!rc)
		rc = write_hvm_info(m, cfg);
	if (!rc)
		*start_info = (uint32_t)next;
	return rc;
}
