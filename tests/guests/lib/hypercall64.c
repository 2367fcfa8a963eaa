/* SPDX-License-Identifier: GPL-2.0-only */
/* Hypercalls with the 64-bit ABI: arguments in RDI, RSI, RDX; RAX result. */
#include <stdint.h>

#include "hypercall.h"

extern uint8_t guest_hypercall_page[];

long guest_hypercall3(unsigned int nr, unsigned long a1, unsigned long a2,
		      unsigned long a3)
{
	void *stub = guest_hypercall_page + nr * GUEST_HYPERCALL_STUB;
	long r;

	__asm__ volatile("call *%[stub]"
			 : "=a"(r), "+D"(a1), "+S"(a2), "+d"(a3)
			 : [stub] "r"(stub)
			 : "memory");
	return r;
}
