/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * VRAM relocation guest: the test device model populates a block above
 * guest RAM, writes "VRAM" into it and relocates it to 0xE0100000, as QEMU
 * does with the framebuffer when the guest maps its BAR (dm-abi.md 4.4).
 * This guest reads the marker there and writes an answer the device model
 * sees through the shared memfd, after dirtying page 5 of the block for
 * the dirty-tracking check; the device model then asks for a reboot.
 */
#include <stdint.h>

#include "guest.h"

#define VRAM_BAR 0xe0100000u
#define VRAM_MARKER 0x4d415256u /* "VRAM" */
#define GUEST_ANSWER 0x600dcafeu

void guest_main(void *start_info);
void guest_main(void *start_info)
{
	volatile uint32_t *vram = (volatile uint32_t *)VRAM_BAR;

	(void)start_info;
	guest_puts("vram: started\n");
	GCHECK(vram[0] == VRAM_MARKER, vram[0]);
	if (!guest_failures)
		guest_puts("PASS relocated vram is guest memory\n");
	/* Dirty page 5, then page 0 below: the device model checks the log. */
	vram[5 * 1024 + 3] = 0x55;
	/* Last: the device model reboots the domain once it sees this. */
	vram[1] = GUEST_ANSWER;
	/* Wait, halted, for the device model to reboot the domain. */
}
