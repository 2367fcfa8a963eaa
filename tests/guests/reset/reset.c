/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Reset guest: asks the test device model for a reset with one port write
 * (as a guest writes 0x06 to QEMU's port 0xCF9). The device model requests
 * the reboot over the control socket while this vCPU still waits for the
 * write's answer, as QEMU does (dm-abi.md 1.3). The vCPU must never run
 * on: if it does, it says so.
 */
#include <stdint.h>

#include "guest.h"

#define PORT_RESET 0x50e
#define RESET_VALUE 0x06

void guest_main(void *start_info);
void guest_main(void *start_info)
{
	(void)start_info;
	guest_puts("reset: asking the device model for a reset\n");
	outb(PORT_RESET, RESET_VALUE);
	guest_puts("FAIL reset: the vCPU ran on after the reset\n");
	for (;;)
		;
}
