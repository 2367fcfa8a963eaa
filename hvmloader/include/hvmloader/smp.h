/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Application processor start-up (firmware.md 1.7 and 2.7). Each online
 * AP in turn gets INIT-SIPI-SIPI (SDM 3A 9.4.4.1) with the start-up code
 * at PLATFORM_AP_TRAMPOLINE, loads the BSP's MTRR values, reports in and
 * halts; the BSP then sends INIT again, which leaves it waiting for a
 * SIPI from the OS. SeaBIOS does not touch APs on Xen.
 */
#ifndef HVMLOADER_SMP_H
#define HVMLOADER_SMP_H

#include <stdint.h>

#include "hvmloader/mtrr.h"

/*
 * Starts and parks APs 1..@nr_vcpus-1 that are set in @online. Returns
 * the number that did not report in time (they are parked anyway).
 */
unsigned int smp_start_aps(unsigned int nr_vcpus, const uint8_t online[16],
			   const struct mtrr_caps *caps,
			   const struct mtrr_state *mtrr);

/* Called by the start-up code on the AP, in 32-bit flat mode. */
void smp_ap_main(void);

#endif /* HVMLOADER_SMP_H */
