/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Reading and loading MTRRs (mtrr.h; SDM 3A 12.11.2). MTRRs are off while
 * they change and switched on last, through IA32_MTRR_DEF_TYPE.
 */
#include "hvmloader/mtrr.h"

#include "hvmloader/io.h"

#define MSR_MTRR_CAP 0xfeu
#define MSR_MTRR_DEF_TYPE 0x2ffu
#define MSR_MTRR_PHYS_BASE0 0x200u
#define MTRR_CAP_VCNT 0xffu
#define MTRR_CAP_FIXED (1u << 8)
#define MTRR_CAP_WC (1u << 10)
#define CPUID_1_EDX_MTRR (1u << 12)
#define CPUID_EXT_MAX 0x80000000u
#define CPUID_ADDR_SIZES 0x80000008u
#define DEFAULT_PHYS_BITS 36

/* The fixed-range MSRs in mtrr_state.fixed order. */
static const uint32_t fixed_msrs[MTRR_NR_FIXED] = {
	0x250, 0x258, 0x259, 0x268, 0x269, 0x26a,
	0x26b, 0x26c, 0x26d, 0x26e, 0x26f,
};

void mtrr_probe(struct mtrr_caps *caps)
{
	uint64_t cap;

	caps->present = cpuid(1).edx & CPUID_1_EDX_MTRR;
	caps->phys_bits = DEFAULT_PHYS_BITS;
	if (cpuid(CPUID_EXT_MAX).eax >= CPUID_ADDR_SIZES)
		caps->phys_bits = cpuid(CPUID_ADDR_SIZES).eax & 0xff;
	if (!caps->present) {
		caps->fixed = caps->wc = false;
		caps->vcnt = 0;
		return;
	}
	cap = rdmsr(MSR_MTRR_CAP);
	caps->vcnt = (unsigned int)(cap & MTRR_CAP_VCNT);
	caps->fixed = cap & MTRR_CAP_FIXED;
	caps->wc = cap & MTRR_CAP_WC;
}

void mtrr_apply(const struct mtrr_caps *caps, const struct mtrr_state *s)
{
	unsigned int i;

	if (!caps->present)
		return;
	wrmsr(MSR_MTRR_DEF_TYPE, 0);
	for (i = 0; s->fixed_enabled && i < MTRR_NR_FIXED; i++)
		wrmsr(fixed_msrs[i], s->fixed[i]);
	for (i = 0; i < caps->vcnt && i < MTRR_MAX_VAR; i++) {
		wrmsr(MSR_MTRR_PHYS_BASE0 + 2 * i,
		      i < s->nr_var ? s->var_base[i] : 0);
		wrmsr(MSR_MTRR_PHYS_BASE0 + 2 * i + 1,
		      i < s->nr_var ? s->var_mask[i] : 0);
	}
	wrmsr(MSR_MTRR_DEF_TYPE, s->def_type);
}
