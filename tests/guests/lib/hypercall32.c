/* SPDX-License-Identifier: GPL-2.0-only */
/* Hypercalls with the 32-bit ABI: arguments in EBX, ECX, EDX; EAX result. */
#include <stdint.h>

#include "hypercall.h"

extern uint8_t guest_hypercall_page[];

long guest_hypercall3(unsigned int nr, unsigned long a1, unsigned long a2,
		      unsigned long a3)
{
	void *stub = guest_hypercall_page + nr * GUEST_HYPERCALL_STUB;
	long r;

	__asm__ volatile("call *%[stub]"
			 : "=a"(r), "+b"(a1), "+c"(a2), "+d"(a3)
			 : [stub] "D"(stub)
			 : "memory", "esi");
	return r;
}
