/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The ioreq test guest (32-bit): port and MMIO accesses that hvm-domain
 * must forward to the ioreq server the test runs (tests/tools/
 * ioreq-test-server), which claims ports 0x500-0x50f and the MMIO page at
 * 0xE0000000. It answers port reads with 0xC0FFEE00 | size and behaves as
 * a 4 KiB RAM at the MMIO page. Accesses nobody claims must read all-ones.
 * The server also keeps the VGA window as RAM: writes there, which KVM
 * gathers and hvm-domain posts on the buffered ring, must all arrive, in
 * order, before a later read; and a write the guest follows with no exit
 * at all must still reach the server (hvm-domain's own tick).
 * Reports PASS/FAIL lines on the debug port, then powers off.
 */
#include <stdint.h>
#include <xen/xen.h>
#include <xen/sched.h>

#include "guest.h"
#include "hypercall.h"

#define SERVER_PORT 0x500
#define SERVER_MMIO 0xe0000000u
#define UNCLAIMED_PORT 0x600
#define MAP_TRIGGER_PORT 0x508
#define LATE_PORT 0x510
#define UNCLAIMED_MMIO 0xe0001000u
#define IODELAY_PORT 0x80
#define IODELAY_ALT_PORT 0xed
#define VGA_SEEN_PORT 0x50a
#define VGA_TEXT 0xb8000u
#define VGA_WRITES 2000u
#define VGA_MARKER_ADDR 0xbfff0u
#define VGA_MARKER 0x5a5aa5a5u
/* About 1 s at 2 GHz: ten of hvm-domain's 100 ms ticks. */
#define QUIET_TSC (1ull << 31)

static void check_pio(void)
{
	uint16_t buf[4] = {0};
	static const uint16_t words[3] = {0x1111, 0x2222, 0x3333};
	unsigned int i;

	GCHECK(inl(SERVER_PORT) == 0xc0ffee04, inl(SERVER_PORT));
	outw(SERVER_PORT + 4, 0xbeef);	  /* the server logs it */
	outsw(SERVER_PORT + 6, words, 3); /* KVM exits once per word */
	insw(SERVER_PORT + 2, buf, 4); /* rep string: one exit, one request */
	for (i = 0; i < 4; i++)
		GCHECK(buf[i] == 0xee02, buf[i]);
	GCHECK(inl(UNCLAIMED_PORT) == 0xffffffff, inl(UNCLAIMED_PORT));
	/* The server claims 0x80 too, but I/O delays stay in hvm-domain. */
	outb(IODELAY_PORT, 0x42);
	outb(IODELAY_ALT_PORT, 0x43);
	GCHECK(inb(IODELAY_PORT) == 0xff, inb(IODELAY_PORT));
	guest_puts("PASS pio through the ioreq server\n");
	/*
	 * The server claims 0x510-0x51f over the control socket while this
	 * write waits for its answer (as QEMU maps a BAR): no deadlock, and
	 * the new ports answer afterwards.
	 */
	GCHECK(inl(LATE_PORT) == 0xffffffff, inl(LATE_PORT));
	outw(MAP_TRIGGER_PORT, 1);
	GCHECK(inl(LATE_PORT) == 0xc0ffee04, inl(LATE_PORT));
	guest_puts("PASS control request while an ioreq is pending\n");
}

static void check_mmio(void)
{
	volatile uint32_t *w = (volatile uint32_t *)(SERVER_MMIO + 0x10);
	volatile uint8_t *b = (volatile uint8_t *)(SERVER_MMIO + 0x10);
	volatile uint64_t *q = (volatile uint64_t *)(SERVER_MMIO + 0x20);
	volatile uint32_t *none = (volatile uint32_t *)UNCLAIMED_MMIO;
	unsigned int before;

	*w = 0x12345678;
	GCHECK(*w == 0x12345678, *w);
	GCHECK(b[1] == 0x56, b[1]);
	*q = 0x1122334455667788ULL;
	GCHECK(*q == 0x1122334455667788ULL, (uint32_t)*q);
	GCHECK(*none == 0xffffffff, *none);
	guest_puts("PASS mmio through the ioreq server\n");
	before = guest_failures;
	/*
	 * A dword across the server's page and the unclaimed one: KVM cuts
	 * it into 3 bytes and 1; the 3 reach the server, the 1 nobody.
	 */
	*(volatile uint32_t *)(SERVER_MMIO + 0xffd) = 0x11223344;
	GCHECK(*(volatile uint32_t *)(SERVER_MMIO + 0xffd) == 0xff223344,
	       *(volatile uint32_t *)(SERVER_MMIO + 0xffd));
	guest_pass(before, "mmio across a page boundary, in pieces");
}

/*
 * Byte, word and dword writes over one another in the text window, then
 * reads of every byte: each read must see the last write to it.
 */
static void check_vga(void)
{
	volatile uint8_t *b = (volatile uint8_t *)VGA_TEXT;
	volatile uint16_t *w = (volatile uint16_t *)VGA_TEXT;
	volatile uint32_t *d = (volatile uint32_t *)VGA_TEXT;
	volatile uint32_t *marker = (volatile uint32_t *)VGA_MARKER_ADDR;
	unsigned int before = guest_failures, i, bad = 0;
	uint64_t start;

	for (i = 0; i < VGA_WRITES; i++)
		b[i] = (uint8_t)(i * 7);
	for (i = 0; i < VGA_WRITES / 2; i += 3)
		w[i] = (uint16_t)(0x1000 + i);
	for (i = 0; i < VGA_WRITES / 4; i += 5)
		d[i] = 0xabc00000u + i;
	for (i = 0; i < VGA_WRITES; i++) {
		uint8_t want = (uint8_t)(i * 7);

		if ((i / 4) % 5 == 0 && i / 4 < VGA_WRITES / 4)
			want = (uint8_t)((0xabc00000u + i / 4) >>
					 (8 * (i % 4)));
		else if ((i / 2) % 3 == 0 && i / 2 < VGA_WRITES / 2)
			want = (uint8_t)((0x1000u + i / 2) >> (8 * (i % 2)));
		if (b[i] != want && !bad++)
			GCHECK(b[i] == want, i);
	}
	GCHECK(bad == 0, bad);
	/* Across two pages of the window: gathered as 3 bytes and 1. */
	*(volatile uint32_t *)(VGA_TEXT + 0xffd) = 0xa1b2c3d4;
	GCHECK(*(volatile uint32_t *)(VGA_TEXT + 0xffd) == 0xa1b2c3d4,
	       *(volatile uint32_t *)(VGA_TEXT + 0xffd));
	guest_pass(before, "VGA writes reach the device model before reads");
	/* One more write, then no exit at all for a while. */
	*marker = VGA_MARKER;
	start = rdtsc();
	while (rdtsc() - start < QUIET_TSC)
		;
	GCHECK(inl(VGA_SEEN_PORT) == 1, 0);
	guest_pass(before, "a VGA write reaches the device model with no exit");
}

void guest_main(void *start_info);
void guest_main(void *start_info)
{
	(void)start_info;
	guest_hypercall_init();
	guest_puts("ioreq: started\n");
	check_pio();
	check_mmio();
	check_vga();
	guest_finish("ioreq");
}
