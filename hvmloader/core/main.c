/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hvmloader's main sequence (firmware.md 2): Xen detection and hypercall
 * page, boot information and configuration, APIC, PCI, MTRRs and APs,
 * SeaBIOS copy, SMBIOS/MP/$PIR/ACPI tables, CMOS, E820 and the SeaBIOS
 * info table. entry.S then enters SeaBIOS in real mode.
 */
#include "loader_priv.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "hvmloader/apic.h"
#include "hvmloader/cmos.h"
#include "hvmloader/config.h"
#include "hvmloader/hvm_info.h"
#include "hvmloader/io.h"
#include "hvmloader/log.h"
#include "hvmloader/mtrr.h"
#include "hvmloader/pci.h"
#include "hvmloader/phys.h"
#include "hvmloader/platform.h"
#include "hvmloader/pm.h"
#include "hvmloader/smp.h"
#include "hvmloader/xen.h"

#define XEN_SEABIOS_SIGNATURE "XenHVMSeaBIOS"

/* Called by entry.S with the hvm_start_info address from EBX. */
void hvmloader_main(uint32_t start_info_addr);

static void setup_xen(struct loader *l)
{
	char extra[XEN_EXTRA_STR_LEN + 1];
	uint32_t v;

	if (xen_setup())
		log_fatal(
			"no Xen CPUID leaves with a hypercall page at 0x40000000; hvmloader needs the hvm hypervisor (or Xen)");
	v = xen_version();
	if (xen_extraversion(extra))
		extra[0] = '\0';
	snprintf(l->version, sizeof(l->version), "%u.%u%s", v >> 16,
		 v & 0xffffu, extra);
	log_info("running on Xen-compatible hypervisor %s", l->version);
}

static void read_config(struct loader *l)
{
	char why[96];

	config_init(&l->cfg);
	if (l->si.cmdline &&
	    config_parse(&l->cfg, l->si.cmdline, START_INFO_CMDLINE_MAX, why,
			 sizeof(why)))
		log_fatal("start info command line: %s", why);
	if (l->si.fw_cmdline &&
	    config_parse(&l->cfg, l->si.fw_cmdline, START_INFO_CMDLINE_MAX, why,
			 sizeof(why)))
		log_fatal(
			"firmware module command line: %s; fix --module FILE,CMDLINE",
			why);
	if (l->cfg.nr_unknown)
		log_warn(
			"ignored %u unknown configuration key(s), the first is \"%s\"",
			l->cfg.nr_unknown, l->cfg.first_unknown);
}

static void read_boot_info(struct loader *l, uint32_t addr)
{
	char why[96];

	if (start_info_read(addr, &l->si, why, sizeof(why)))
		log_fatal("start info at 0x%08x: %s", addr, why);
	l->info = phys_ptr(HVM_INFO_PADDR, HVM_INFO_MAX_LEN);
	if (!l->info ||
	    hvm_info_check(l->info, HVM_INFO_MAX_LEN, why, sizeof(why)))
		log_fatal("hvm_info_table at 0x%x: %s", HVM_INFO_PADDR, why);
	l->low_ram_end = l->info->low_mem_pgend << 12;
	l->high_ram_end = (uint64_t)l->info->high_mem_pgend << 12;
	loader_check_memmap(l);
	read_config(l);
	log_info(
		"%u vCPU(s), low RAM end 0x%08x, high RAM end 0x%llx, firmware module %u (%u bytes)",
		l->info->nr_vcpus, l->low_ram_end,
		(unsigned long long)l->high_ram_end, l->si.fw_index,
		l->si.fw_size);
}

static void check_firmware(const struct loader *l)
{
	const uint8_t *p = l->si.fw;
	size_t n = sizeof(XEN_SEABIOS_SIGNATURE);
	uint32_t i;

	if (l->si.fw_size > PLATFORM_BIOS_MAX_SIZE || l->si.fw_size < n)
		log_fatal(
			"firmware module is %u bytes; expected SeaBIOS (bios-256k.bin, at most %u bytes)",
			l->si.fw_size, PLATFORM_BIOS_MAX_SIZE);
	for (i = 0; i + n <= l->si.fw_size; i++) {
		if (!memcmp(p + i, XEN_SEABIOS_SIGNATURE, n))
			return;
	}
	log_warn(
		"firmware module has no XenHVMSeaBIOS string: a SeaBIOS built without Xen support will ignore our tables (use /usr/share/seabios/bios-256k.bin)");
}

static void setup_pci(struct loader *l)
{
	static struct pci_bus bus;

	l->pci = &bus;
	pci_scan(l->pci);
	loader_pci_plan(l, &l->plan);
	pci_setup(l->pci, &l->plan);
}

static void setup_cpus(struct loader *l)
{
	struct mtrr_range uc[2] = {
		{l->plan.low_start, PLATFORM_PCI_MEM_END},
		{l->plan.high_start, l->plan.high_end},
	};
	unsigned int lost;

	lost = mtrr_compute(&l->mtrr_caps, uc, 2, &l->mtrr);
	if (lost)
		log_warn(
			"mtrr: %u uncached range(s) did not fit in %u variable MTRRs",
			lost, l->mtrr_caps.vcnt);
	mtrr_apply(&l->mtrr_caps, &l->mtrr);
	smp_start_aps(l->info->nr_vcpus, l->info->vcpu_online, &l->mtrr_caps,
		      &l->mtrr);
}

void hvmloader_main(uint32_t start_info_addr)
{
	static struct loader l;

	xen_early_init();
	log_info("starting (HVM Loader), start info at 0x%08x",
		 start_info_addr);
	setup_xen(&l);
	read_boot_info(&l, start_info_addr);
	check_firmware(&l);
	apic_setup_bsp();
	mtrr_probe(&l.mtrr_caps);
	setup_pci(&l);
	setup_cpus(&l);
	if (l.cfg.acpi)
		pm_enable_acpi();
	pm_relocate_ports();
	loader_place_tables(&l);
	l.bios_start = seabios_load(l.si.fw, l.si.fw_size);
	log_info("copied SeaBIOS to 0x%05x-0xfffff", l.bios_start);
	loader_build_tables(&l);
	cmos_set_memory(loader_usable_low_end(&l), l.high_ram_end);
	if (l.cfg.boot[0])
		cmos_set_boot_order(l.cfg.boot);
	loader_handover(&l);
	log_info("entering SeaBIOS at F000:FFF0");
}
