/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The 64-bit Xen ABI test guest: crt0_64 takes it from 32-bit protected
 * mode to long mode, then it checks the Xen CPUID leaves and makes
 * hypercalls through the hypercall page with the 64-bit calling convention
 * (number in the stub, arguments in RDI, RSI, RDX, R10, R8, result in
 * RAX): xen_version, memory_op(memory_map) with the native 64-bit struct
 * layout, console_io(write) and an unknown hypercall, whose -ENOSYS must
 * come back sign-extended to 64 bits. Then it powers off with
 * sched_op(shutdown). Event channels, grant tables and the 32-bit ABI are
 * left to other guests.
 */
/* Xen's headers expect the fixed-width types to be declared first. */
#include <stdint.h>
#include <xen/xen.h>
#include <xen/version.h>
#include <xen/memory.h>
#include <xen/sched.h>

#include "guest.h"
#include "hypercall.h"

#define MSR_EFER 0xc0000080u
#define EFER_LMA (1u << 10)
#define E820_RAM 1
#define UNKNOWN_HYPERCALL 63
#define XEN_ENOSYS 38

_Static_assert(sizeof(struct xen_memory_map) == 16, "64-bit layout");

static void check_long_mode(void)
{
	uint64_t efer = rdmsr(MSR_EFER);
	unsigned int before = guest_failures;

	GCHECK(efer & EFER_LMA, efer);
	GCHECK(sizeof(void *) == 8, sizeof(void *));
	guest_pass(before, "long mode");
}

/*
 * The native struct has 4 bytes of padding before the 8-byte buffer
 * handle. Filling it with ones first means a hypervisor that decoded the
 * 32-bit layout would see buffer 0xffffffff and fail.
 */
static void check_memory_map(void)
{
	struct xen_memory_map map;
	struct e820entry {
		uint64_t addr, size;
		uint32_t type;
	} __attribute__((packed)) e[8];
	long r;

	guest_memset(&map, 0xff, sizeof(map));
	guest_memset(e, 0, sizeof(e));
	map.nr_entries = 8;
	set_xen_guest_handle(map.buffer, e);
	r = guest_hypercall3(__HYPERVISOR_memory_op, XENMEM_memory_map,
			     (uintptr_t)&map, 0);
	GCHECK(r == 0, r);
	/* Low RAM, then hvm-domain's bounce pages (32 KiB), reserved. */
	GCHECK(map.nr_entries == 2, map.nr_entries);
	GCHECK(e[0].addr == 0x100000 && e[0].type == E820_RAM, e[0].addr);
	GCHECK(e[0].size == (64u << 20) - 0x100000 - 0x8000, e[0].size);
	GCHECK(e[1].addr == (64u << 20) - 0x8000 && e[1].type == 2, e[1].addr);
}

static void check_hypercalls(void)
{
	static const char msg[] = "xenabi64: hello through console_io\n";
	unsigned int before = guest_failures;
	long r;

	guest_hypercall_init();
	r = guest_hypercall3(__HYPERVISOR_xen_version, XENVER_version, 0, 0);
	GCHECK(r == ((4 << 16) | 17), r);
	check_memory_map();
	r = guest_hypercall3(__HYPERVISOR_console_io, CONSOLEIO_write,
			     sizeof(msg) - 1, (uintptr_t)msg);
	GCHECK(r >= 0, r);
	r = guest_hypercall3(UNKNOWN_HYPERCALL, 0, 0, 0);
	GCHECK(r == -XEN_ENOSYS, r);
	GCHECK((uint64_t)r >> 32 == 0xffffffffu, (uint64_t)r >> 32);
	guest_pass(before, "hypercalls");
}

void guest_main(void *start_info);
void guest_main(void *start_info)
{
	(void)start_info;
	guest_puts("xenabi64: started in long mode\n");
	check_long_mode();
	guest_check_xen_cpuid();
	check_hypercalls();
	guest_finish("xenabi64");
}
