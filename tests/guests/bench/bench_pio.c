/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Benchmark guest: times port reads that exit to user space and are
 * answered inside hvm-domain (an unclaimed port: the plain KVM PIO exit
 * cost) against reads answered by an ioreq server (port 0x500, claimed by
 * tests/tools/ioreq-test-server): the ioreq round trip. Prints the TSC
 * cycles per access of each; tests/bench/ioreq-roundtrip turns them into a
 * ratio. Timing is reported, never asserted.
 */
#include <stdint.h>
#include <xen/xen.h>
#include <xen/sched.h>

#include "guest.h"
#include "hypercall.h"

#define SERVER_PORT 0x500
#define LOCAL_PORT 0x600
#define ROUNDS 2000
#define WARMUP 50

static uint32_t cycles_per_read(uint16_t port)
{
	uint64_t t0, delta;
	unsigned int i;

	for (i = 0; i < WARMUP; i++)
		(void)inl(port);
	t0 = rdtsc();
	for (i = 0; i < ROUNDS; i++)
		(void)inl(port);
	delta = rdtsc() - t0;
	/* No libgcc here: divide in 32 bits, saturating a huge total. */
	if (delta >> 32)
		return 0xffffffffu;
	return (uint32_t)delta / ROUNDS;
}

static void print_result(const char *name, uint32_t cycles)
{
	guest_puts("bench: ");
	guest_puts(name);
	guest_puts(" cycles ");
	guest_puthex(cycles);
	guest_puts("\n");
}

void guest_main(void *start_info);
void guest_main(void *start_info)
{
	(void)start_info;
	guest_hypercall_init();
	print_result("pio-exit", cycles_per_read(LOCAL_PORT));
	print_result("ioreq", cycles_per_read(SERVER_PORT));
	guest_shutdown(SHUTDOWN_poweroff);
}
