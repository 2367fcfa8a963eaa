/* SPDX-License-Identifier: GPL-2.0-only */
/* Guest-physical addresses as pointers in flat 32-bit mode (phys.h). */
#include "hvmloader/phys.h"

#define PHYS_LIMIT 0x100000000ULL

void *phys_ptr(uint64_t paddr, uint64_t len)
{
	if (!paddr || paddr >= PHYS_LIMIT || len > PHYS_LIMIT - paddr)
		return 0;
	return (void *)(uintptr_t)paddr;
}
