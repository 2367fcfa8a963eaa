/* SPDX-License-Identifier: GPL-2.0-only */
/* The BAR allocator (pci_bar.h). */
#include "hvmloader/pci_bar.h"

#include "hvmloader/platform.h"

struct window {
	uint64_t cursor;
	uint64_t end;
};

static bool is_io(const struct pci_bar *b)
{
	return b->flags & PCI_BAR_IO;
}

/* True if @a goes before @b: larger first, the VGA's first among equals. */
static bool goes_before(const struct pci_bar *a, const struct pci_bar *b)
{
	if (a->size != b->size)
		return a->size > b->size;
	return (a->flags & PCI_BAR_VGA) && !(b->flags & PCI_BAR_VGA);
}

/* Stable insertion sort; a few hundred BARs at most. */
static void sort_bars(struct pci_bar *bars, unsigned int nr)
{
	unsigned int i, j;

	for (i = 1; i < nr; i++) {
		struct pci_bar tmp = bars[i];

		for (j = i; j > 0 && goes_before(&tmp, &bars[j - 1]); j--)
			bars[j] = bars[j - 1];
		bars[j] = tmp;
	}
}

static bool always_high(const struct pci_bar *b)
{
	return (b->flags & PCI_BAR_MEM64) && b->size > PCI_BAR_HIGH_THRESHOLD;
}

/* Memory that wants the low window. */
static uint64_t low_demand(const struct pci_bar *bars, unsigned int nr)
{
	uint64_t total = 0;
	unsigned int i;

	for (i = 0; i < nr; i++) {
		if (!is_io(&bars[i]) && !always_high(&bars[i]))
			total += bars[i].size;
	}
	return total;
}

/* Doubles the low window while it is too small and may grow. */
static uint32_t low_window_start(uint64_t demand, uint32_t low_min)
{
	uint32_t start = PLATFORM_PCI_MEM_START;

	while (demand > PLATFORM_PCI_MEM_END - start) {
		uint32_t next = start << 1;

		if (next == 0 || next < low_min || next > start)
			break;
		start = next;
	}
	return start;
}

/* Places @b at the next naturally aligned address in @w if it fits. */
static bool place(struct window *w, struct pci_bar *b)
{
	uint64_t base = (w->cursor + b->size - 1) & ~(b->size - 1);

	if (base < w->cursor || base > w->end || b->size > w->end - base)
		return false;
	b->addr = base;
	b->placed = true;
	w->cursor = base + b->size;
	return true;
}

/*
 * Puts one memory BAR high or low. @demand is the low-window memory of the
 * BARs not yet considered, this one included; a 64-bit BAR moves high
 * while that does not fit in what is left of the low window.
 */
static bool place_mem(struct pci_bar *b, struct window *low,
		      struct window *high, uint64_t *demand)
{
	bool counted = !always_high(b);
	bool want_high = !counted || ((b->flags & PCI_BAR_MEM64) &&
				      *demand > low->end - low->cursor);

	if (counted)
		*demand -= b->size;
	if (want_high && place(high, b))
		return true;
	return place(low, b);
}

/* The lowest placed address at or above 4 GiB, or 0. */
static uint64_t high_first(const struct pci_bar *bars, unsigned int nr)
{
	uint64_t first = 0;
	unsigned int i;

	for (i = 0; i < nr; i++) {
		if (bars[i].placed && bars[i].addr >= PLATFORM_4G &&
		    (!first || bars[i].addr < first))
			first = bars[i].addr;
	}
	return first;
}

void pci_bar_assign(struct pci_bar *bars, unsigned int nr,
		    struct pci_bar_plan *plan)
{
	struct window io = {PLATFORM_PCI_IO_START, PLATFORM_PCI_IO_END};
	struct window low, high;
	uint64_t demand;
	unsigned int i;
	bool ok;

	sort_bars(bars, nr);
	demand = low_demand(bars, nr);
	plan->low_start = low_window_start(demand, plan->low_min);
	low.cursor = plan->low_start;
	low.end = PLATFORM_PCI_MEM_END;
	high.cursor = plan->high_base;
	high.end = plan->high_limit > plan->high_base ? plan->high_limit
						      : plan->high_base;
	plan->nr_skipped = 0;
	for (i = 0; i < nr; i++) {
		bars[i].placed = false;
		bars[i].addr = 0;
		if (is_io(&bars[i]))
			ok = place(&io, &bars[i]);
		else
			ok = place_mem(&bars[i], &low, &high, &demand);
		if (!ok)
			plan->nr_skipped++;
	}
	plan->high_start = high_first(bars, nr);
	plan->high_end = plan->high_start ? high.cursor : 0;
}
