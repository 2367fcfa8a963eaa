/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The small secondary tables: HPET (IA-PC HPET 1.0a 3.2.4) when the
 * platform has an HPET, and WAET (Microsoft's emulated devices table).
 * WAET claims only a PM timer that is good with one read: the RTC is
 * QEMU's MC146818, which needs register C read to re-arm its interrupt,
 * so the "RTC needs no acknowledge" bit stays clear (firmware.md 8.5).
 */
#include "acpi_priv.h"

#include <errno.h>

#include "hvmloader/platform.h"

#define HPET_REVISION 1
#define WAET_REVISION 1
#define HPET_ACCESS_BITS 64
/* Minimum tick in periodic mode the OS may program, in counter ticks. */
#define HPET_MIN_TICK 0x80
/* Page protection: 4 KiB, no OEM attribute (table 3). */
#define HPET_PAGE_PROTECT_4K 0x1

int acpi_build_hpet(const struct acpi_config *cfg, struct arena *a,
		    uint32_t *gpa)
{
	struct acpi_hpet *h;

	h = arena_alloc(a, sizeof(*h), ACPI_TABLE_ALIGN, gpa);
	if (!h)
		return -ENOSPC;
	acpi_header_init(&h->header, "HPET", sizeof(*h), HPET_REVISION);
	h->event_timer_block_id = cfg->hpet_block_id;
	h->base_address.space_id = ACPI_GAS_SYSTEM_MEMORY;
	h->base_address.bit_width = HPET_ACCESS_BITS;
	h->base_address.address = PLATFORM_HPET_BASE;
	h->hpet_number = 0;
	h->min_clock_tick = HPET_MIN_TICK;
	h->page_protection = HPET_PAGE_PROTECT_4K;
	acpi_header_seal(&h->header);
	return 0;
}

int acpi_build_waet(struct arena *a, uint32_t *gpa)
{
	struct acpi_waet *w;

	w = arena_alloc(a, sizeof(*w), ACPI_TABLE_ALIGN, gpa);
	if (!w)
		return -ENOSPC;
	acpi_header_init(&w->header, "WAET", sizeof(*w), WAET_REVISION);
	w->flags = ACPI_WAET_PM_TIMER_GOOD;
	acpi_header_seal(&w->header);
	return 0;
}
