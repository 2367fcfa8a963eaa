/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ACPI PM1a event block and PM timer, as Xen emulates them for HVM guests
 * (firmware.md 4.1; ACPI 6.5 4.8.3.1 and 4.8.3.3): PM1a_STS/PM1a_EN at the
 * block's base, the 24/32-bit timer at base + 8. The block starts at
 * 0x1F40 and moves to 0xB000 when the guest sets
 * HVM_PARAM_ACPI_IOPORTS_LOCATION to 1. PM1a_CNT and GPE0 belong to
 * QEMU's PIIX4 and are not here.
 */
#ifndef HYPERVISOR_PMTIMER_H
#define HYPERVISOR_PMTIMER_H

#include <stdbool.h>
#include <stdint.h>

#include "hypervisor/hv_dev.h"

#define PMTIMER_BASE_V0 0x1f40
#define PMTIMER_BASE_V1 0xb000
/* PM1a_EVT (4 bytes), a gap, and PM_TMR (4 bytes) at +8. */
#define PMTIMER_BLOCK_LEN 12
#define PMTIMER_HZ 3579545ULL

/* Monotonic nanoseconds; tests pass a fake. */
typedef uint64_t (*pmtimer_clock_fn)(void *opaque);
/* Sets the SCI line (ISA IRQ 9). */
typedef void (*pmtimer_sci_fn)(void *opaque, bool level);

struct pmtimer_env {
	pmtimer_clock_fn now_ns;
	pmtimer_sci_fn set_sci;
	void *opaque;
};

int pmtimer_create(const struct pmtimer_env *env, struct hv_dev **out)
	__attribute__((warn_unused_result));

enum pmtimer_button {
	PMTIMER_POWER_BUTTON,
	PMTIMER_SLEEP_BUTTON,
};

/*
 * Presses a fixed-feature button: sets PWRBTN_STS or SLPBTN_STS, which
 * raises the SCI if the guest enabled that event (as Xen's
 * hvm_acpi_power_button()); the guest's OS then clears the bit.
 */
void pmtimer_press(struct hv_dev *dev, enum pmtimer_button button);

/* The PM timer value now (for tests and save/restore). */
uint32_t pmtimer_counter(struct hv_dev *dev);

#endif /* HYPERVISOR_PMTIMER_H */
