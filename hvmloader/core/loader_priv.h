/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The state of one hvmloader run and the steps of main.c that live in
 * loader.c: memory map checks, PCI window limits, table placement and
 * building, and the SeaBIOS handover.
 */
#ifndef HVMLOADER_LOADER_PRIV_H
#define HVMLOADER_LOADER_PRIV_H

#include <stdint.h>

#include "hvmloader/arena.h"
#include "hvmloader/config.h"
#include "hvmloader/e820.h"
#include "hvmloader/hvm_info.h"
#include "hvmloader/mtrr.h"
#include "hvmloader/pci.h"
#include "hvmloader/seabios.h"
#include "hvmloader/start_info.h"
#include "hvmloader/tables_mem.h"

struct loader {
	struct start_info si;
	struct config cfg;
	const struct hvm_info_table *info;
	uint32_t low_ram_end;  /* from hvm_info */
	uint32_t hv_rsv_end;   /* reserved right above low RAM, or 0 */
	uint64_t high_ram_end; /* from hvm_info, 0: none */
	char version[48];      /* hypervisor version for SMBIOS */
	struct pci_bus *pci;
	struct pci_bar_plan plan;
	struct mtrr_caps mtrr_caps;
	struct mtrr_state mtrr;
	struct tables_mem tm;
	struct arena acpi, rsv, low;
	uint32_t bios_start;
	struct seabios_handover ho;
	struct e820_entry e820[E820_MAX_ENTRIES];
};

/* Warns if the start info's memory map disagrees with hvm_info. */
void loader_check_memmap(struct loader *l);

/* The low window's lower limit and the high window for pci_setup(). */
void loader_pci_plan(const struct loader *l, struct pci_bar_plan *plan);

/* Chooses tables_mem and sets up the three arenas. */
void loader_place_tables(struct loader *l);

/* SMBIOS, MP table, $PIR and ACPI, recorded for the handover. */
void loader_build_tables(struct loader *l);

/* The end of the RAM the OS gets below 4 GiB. */
uint32_t loader_usable_low_end(const struct loader *l);

/* E820 and the SeaBIOS info table at 0x1000. */
void loader_handover(struct loader *l);

#endif /* HVMLOADER_LOADER_PRIV_H */
