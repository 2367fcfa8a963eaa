/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for the boot-info builder: placement of modules and the
 * start-info area after the loader image, the contents hvmloader reads
 * (magic, module list, "firmware" command line, memory map), the
 * hvm_info_table checksum and vCPU bitmap, and rejected configurations.
 */
#include "hypervisor/boot_info.h"

#include <errno.h>
#include <string.h>
#include <xen/xen.h>
#include <xen/arch-x86/hvm/start_info.h>
#include <xen/hvm/hvm_info_table.h>

#include "hvm_test.h"

#define MIB (1ULL << 20)

static uint8_t bios[256 * 1024];

static struct elf_load_image loader_image(void)
{
	struct elf_load_image img = {.entry = 0x100000, .nr_segments = 1};

	img.seg[0].paddr = 0x100000;
	img.seg[0].filesz = 0x2a4c0;
	img.seg[0].memsz = 0x33f40;
	return img;
}

static struct boot_config one_bios_config(unsigned int nr_vcpus)
{
	struct boot_config cfg = {.nr_vcpus = nr_vcpus, .apic_mode = true};

	cfg.nr_modules = 1;
	cfg.modules[0].data = bios;
	cfg.modules[0].size = sizeof(bios);
	cfg.modules[0].cmdline = "firmware";
	return cfg;
}

static void test_start_info_contents(void)
{
	struct elf_load_image img = loader_image();
	struct boot_config cfg = one_bios_config(2);
	struct hvm_memmap_table_entry mm[2];
	struct hvm_modlist_entry ml;
	struct hvm_start_info si;
	struct gmem *m = NULL;
	char cmdline[16] = "";
	uint32_t at = 0;

	bios[0] = 0xea;
	CHECK_EQ(0, gmem_create(64 * MIB, &m));
	if (!m)
		return;
	CHECK_EQ(0, boot_info_build(m, &img, &cfg, &at));
	/* BIOS at 0x134000 (page after the image), start info after it. */
	CHECK_EQ(0x134000 + sizeof(bios), at);
	CHECK_EQ(0, gmem_copy_from(m, &si, at, sizeof(si)));
	CHECK_EQ(XEN_HVM_START_MAGIC_VALUE, si.magic);
	CHECK_EQ(1, si.version);
	CHECK_EQ(1, si.nr_modules);
	CHECK_EQ(0, gmem_copy_from(m, &ml, si.modlist_paddr, sizeof(ml)));
	CHECK_EQ(0x134000, ml.paddr);
	CHECK_EQ(sizeof(bios), ml.size);
	CHECK_EQ(0, gmem_copy_from(m, cmdline, ml.cmdline_paddr, 9));
	CHECK(strcmp(cmdline, "firmware") == 0);
	/* Low RAM, then the bounce pages at its top, reserved. */
	CHECK_EQ(2, si.memmap_entries);
	CHECK_EQ(0, gmem_copy_from(m, mm, si.memmap_paddr, sizeof(mm)));
	CHECK_EQ(0x100000, mm[0].addr);
	CHECK_EQ(64 * MIB - 0x100000 - 8 * 4096, mm[0].size);
	CHECK_EQ(1, mm[0].type);
	CHECK_EQ(64 * MIB - 8 * 4096, mm[1].addr);
	CHECK_EQ(8 * 4096, mm[1].size);
	CHECK_EQ(2, mm[1].type);
	CHECK_EQ(0, gmem_copy_from(m, cmdline, ml.paddr, 1));
	CHECK_EQ(0xea, (uint8_t)cmdline[0]);
	gmem_destroy(m);
}

static void test_hvm_info_table(void)
{
	struct elf_load_image img = loader_image();
	struct boot_config cfg = one_bios_config(10);
	struct hvm_info_table t;
	struct gmem *m = NULL;
	uint8_t sum = 0, *p = (uint8_t *)&t;
	uint32_t at;
	unsigned int i;

	CHECK_EQ(0, gmem_create(8ULL << 30, &m));
	if (!m)
		return;
	CHECK_EQ(0, boot_info_build(m, &img, &cfg, &at));
	CHECK_EQ(0, gmem_copy_from(m, &t, BOOT_HVM_INFO_PADDR, sizeof(t)));
	CHECK(memcmp(t.signature, "HVM INFO", 8) == 0);
	CHECK_EQ(sizeof(t), t.length);
	for (i = 0; i < sizeof(t); i++)
		sum += p[i];
	CHECK_EQ(0, sum);
	CHECK_EQ(10, t.nr_vcpus);
	CHECK_EQ(0xf0000 - 8, t.low_mem_pgend); /* less the bounce pages */
	CHECK_EQ(0xfeff0, t.reserved_mem_pgstart);
	CHECK_EQ((4ULL << 30) / 4096 + (8ULL << 30) / 4096 - 0xf0000,
		 t.high_mem_pgend);
	CHECK_EQ(0xff, t.vcpu_online[0]);
	CHECK_EQ(0x03, t.vcpu_online[1]);
	CHECK_EQ(0, t.vcpu_online[2]);
	gmem_destroy(m);
}

static void test_rejected_configs(void)
{
	struct elf_load_image img = loader_image();
	struct boot_config cfg;
	struct gmem *m = NULL;
	char longline[BOOT_CMDLINE_MAX + 8];
	uint32_t at;

	CHECK_EQ(0, gmem_create(4 * MIB, &m));
	if (!m)
		return;
	cfg = one_bios_config(0);
	CHECK_EQ(-EINVAL, boot_info_build(m, &img, &cfg, &at));
	cfg = one_bios_config(HVM_MAX_VCPUS + 1);
	CHECK_EQ(-EINVAL, boot_info_build(m, &img, &cfg, &at));
	cfg = one_bios_config(1);
	cfg.nr_modules = BOOT_MAX_MODULES + 1;
	CHECK_EQ(-EINVAL, boot_info_build(m, &img, &cfg, &at));
	cfg = one_bios_config(1);
	memset(longline, 'x', sizeof(longline) - 1);
	longline[sizeof(longline) - 1] = '\0';
	cfg.modules[0].cmdline = longline;
	CHECK_EQ(-EINVAL, boot_info_build(m, &img, &cfg, &at));
	/* 4 MiB of RAM cannot hold a module of 8 MiB after the image. */
	cfg = one_bios_config(1);
	cfg.modules[0].size = 8 * MIB;
	CHECK_EQ(-ENOSPC, boot_info_build(m, &img, &cfg, &at));
	cfg.modules[0].size = ~(size_t)0;
	CHECK_EQ(-ENOSPC, boot_info_build(m, &img, &cfg, &at));
	gmem_destroy(m);
}

int main(void)
{
	HVM_TEST(test_start_info_contents);
	HVM_TEST(test_hvm_info_table);
	HVM_TEST(test_rejected_configs);
	return hvm_test_summary();
}
