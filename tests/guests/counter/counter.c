/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Counter guest: prints "counter: tick N" on the debug port forever, with
 * a busy wait between ticks. Tests pause, unpause and destroy its domain
 * and watch the ticks stall and resume.
 */
#include <stdint.h>

#include "guest.h"

#define SPIN 200000

void guest_main(void *start_info);
void guest_main(void *start_info)
{
	volatile uint32_t i;
	uint32_t n;

	(void)start_info;
	for (n = 0;; n++) {
		guest_puts("counter: tick ");
		guest_puthex(n);
		guest_puts("\n");
		for (i = 0; i < SPIN; i++)
			;
	}
}
