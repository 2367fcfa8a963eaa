/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * MTRR setup (firmware.md 2.7; SDM 3A 12.11): write-back by default and
 * for all fixed ranges except the VGA window (write-combining if the CPU
 * has WC, else uncached), uncached variable ranges over the PCI windows.
 * The BSP computes the register values once; every AP loads the same.
 */
#ifndef HVMLOADER_MTRR_H
#define HVMLOADER_MTRR_H

#include <stdbool.h>
#include <stdint.h>

#define MTRR_NR_FIXED 11
#define MTRR_MAX_VAR 16

struct mtrr_caps {
	bool present;	   /* CPUID.1:EDX.MTRR */
	bool fixed;	   /* MTRRcap bit 8 */
	bool wc;	   /* MTRRcap bit 10 */
	unsigned int vcnt; /* variable ranges */
	unsigned int phys_bits;
};

struct mtrr_range {
	uint64_t start;
	uint64_t end; /* exclusive */
};

struct mtrr_state {
	bool fixed_enabled;
	uint64_t fixed[MTRR_NR_FIXED]; /* MSR order, see mtrr_x86.c */
	unsigned int nr_var;
	uint64_t var_base[MTRR_MAX_VAR];
	uint64_t var_mask[MTRR_MAX_VAR];
	uint64_t def_type;
};

/*
 * Computes @s for @caps with the @nr ranges in @uc uncached. Returns the
 * number of variable ranges that did not fit (0 if all did).
 */
unsigned int mtrr_compute(const struct mtrr_caps *caps,
			  const struct mtrr_range *uc, unsigned int nr,
			  struct mtrr_state *s);

/* Reads this CPU's MTRR capabilities (firmware only). */
void mtrr_probe(struct mtrr_caps *caps);

/* Loads @s into this CPU's MTRRs (firmware only; BSP and APs). */
void mtrr_apply(const struct mtrr_caps *caps, const struct mtrr_state *s);

#endif /* HVMLOADER_MTRR_H */
