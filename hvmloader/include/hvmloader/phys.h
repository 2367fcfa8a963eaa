/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Turning guest-physical addresses from boot structures into pointers.
 * Inside hvmloader (flat 32-bit segments, paging off) an address is its
 * own pointer if the range lies below 4 GiB (phys_x86.c); unit tests link
 * a version that maps into a test buffer.
 */
#ifndef HVMLOADER_PHYS_H
#define HVMLOADER_PHYS_H

#include <stdint.h>

/*
 * The pointer for [@paddr, @paddr + @len), or NULL if @paddr is 0 or the
 * range is not addressable.
 */
void *phys_ptr(uint64_t paddr, uint64_t len);

#endif /* HVMLOADER_PHYS_H */
