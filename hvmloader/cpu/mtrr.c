/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * MTRR register values (mtrr.h). Variable ranges must be naturally aligned
 * powers of two (SDM 3A 12.11.3), so each uncached range is cut into the
 * largest such blocks, low addresses first.
 */
#include "hvmloader/mtrr.h"

#include <string.h>

#define MTRR_TYPE_UC 0x00u
#define MTRR_TYPE_WC 0x01u
#define MTRR_TYPE_WB 0x06u
#define MTRR_DEF_ENABLE (1u << 11)
#define MTRR_DEF_FIXED_ENABLE (1u << 10)
#define MTRR_MASK_VALID (1u << 11)
#define MTRR_FIXED_VGA 2 /* 16K_A0000: 0xA0000-0xBFFFF */
#define MIN_PHYS_BITS 32
#define MAX_PHYS_BITS 52
#define PAGE_MASK 0xfffULL

/* All 8 bytes of a fixed-range MSR set to @type. */
static uint64_t fixed_all(uint8_t type)
{
	return 0x0101010101010101ULL * type;
}

/* The largest aligned power of two at @start not past @end. */
static uint64_t block_size(uint64_t start, uint64_t end)
{
	uint64_t size = start ? start & (~start + 1) : 1ULL << 63;

	while (size > end - start)
		size >>= 1;
	return size;
}

static unsigned int add_range(struct mtrr_state *s, unsigned int vcnt,
			      uint64_t addr_mask, const struct mtrr_range *r)
{
	uint64_t start = r->start & ~PAGE_MASK, size;
	unsigned int lost = 0;

	while (start < r->end) {
		size = block_size(start, r->end);
		if (size <= PAGE_MASK)
			break; /* below page granularity: nothing useful */
		if (s->nr_var < vcnt && s->nr_var < MTRR_MAX_VAR) {
			s->var_base[s->nr_var] = start | MTRR_TYPE_UC;
			s->var_mask[s->nr_var] =
				(~(size - 1) & addr_mask) | MTRR_MASK_VALID;
			s->nr_var++;
		} else {
			lost++;
		}
		start += size;
	}
	return lost;
}

unsigned int mtrr_compute(const struct mtrr_caps *caps,
			  const struct mtrr_range *uc, unsigned int nr,
			  struct mtrr_state *s)
{
	unsigned int i, bits = caps->phys_bits, lost = 0;
	uint64_t addr_mask;

	memset(s, 0, sizeof(*s));
	if (bits < MIN_PHYS_BITS || bits > MAX_PHYS_BITS)
		bits = 36;
	addr_mask = ((1ULL << bits) - 1) & ~PAGE_MASK;
	s->def_type = MTRR_DEF_ENABLE | MTRR_TYPE_WB;
	if (caps->fixed) {
		s->fixed_enabled = true;
		s->def_type |= MTRR_DEF_FIXED_ENABLE;
		for (i = 0; i < MTRR_NR_FIXED; i++)
			s->fixed[i] = fixed_all(MTRR_TYPE_WB);
		s->fixed[MTRR_FIXED_VGA] =
			fixed_all(caps->wc ? MTRR_TYPE_WC : MTRR_TYPE_UC);
	}
	for (i = 0; i < nr; i++) {
		if (uc[i].end > uc[i].start)
			lost += add_range(s, caps->vcnt, addr_mask, &uc[i]);
	}
	return lost;
}
