/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The BAR allocator (firmware.md 2.6): places sized BARs in the low PCI
 * window below PLATFORM_PCI_MEM_END, in a window above RAM past 4 GiB for
 * 64-bit BARs that do not fit low, and I/O BARs in 0xC000-0xFFFF.
 *
 * Policy, as in Xen's hvmloader: BARs are placed largest first at their
 * natural alignment, which packs power-of-two sizes without gaps; among
 * BARs of equal size the primary VGA's come first. ROM BARs count as
 * memory BARs. The low window starts at PLATFORM_PCI_MEM_START and grows
 * down by doubling its size while the BARs do not fit and its start stays
 * at or above plan->low_min (no RAM is ever relocated). 64-bit BARs larger
 * than 1 GiB always go high; other 64-bit BARs go high, largest first,
 * while the rest does not fit low. A BAR that fits nowhere stays unplaced.
 * Pure computation: no configuration space access.
 */
#ifndef HVMLOADER_PCI_BAR_H
#define HVMLOADER_PCI_BAR_H

#include <stdbool.h>
#include <stdint.h>

#define PCI_BAR_IO 0x01u
#define PCI_BAR_MEM64 0x02u
#define PCI_BAR_PREFETCH 0x04u
#define PCI_BAR_ROM 0x08u
#define PCI_BAR_VGA 0x10u /* belongs to the primary VGA */

/* 64-bit BARs above this size are always placed above 4 GiB. */
#define PCI_BAR_HIGH_THRESHOLD (1ULL << 30)

struct pci_bar {
	uint64_t size; /* a power of two */
	uint64_t addr; /* valid when placed */
	uint8_t devfn;
	uint8_t reg; /* PCI_CFG_BAR0..BAR5 or PCI_CFG_ROM */
	uint8_t flags;
	bool placed;
};

struct pci_bar_plan {
	/* Inputs. */
	uint32_t low_min;    /* lowest start the low window may grow to */
	uint64_t high_base;  /* first address usable above 4 GiB */
	uint64_t high_limit; /* end of the physical address space */
	/* Outputs. */
	uint32_t low_start;  /* low window: [low_start, PCI_MEM_END) */
	uint64_t high_start; /* used high window: [high_start, high_end) */
	uint64_t high_end;
	unsigned int nr_skipped;
};

/*
 * Sorts @bars (stable) into placement order and assigns addresses; fills
 * the outputs of @plan. BARs that fit nowhere keep placed = false.
 */
void pci_bar_assign(struct pci_bar *bars, unsigned int nr,
		    struct pci_bar_plan *plan);

#endif /* HVMLOADER_PCI_BAR_H */
