/* SPDX-License-Identifier: GPL-2.0-only */
/* Presence checks (probe.h). */
#include "hvmloader/probe.h"

#include "hvmloader/acpi.h"
#include "hvmloader/io.h"
#include "hvmloader/platform.h"

#define COM1_BASE 0x3f8u
#define COM2_BASE 0x2f8u
#define LPT1_BASE 0x378u
#define UART_SCRATCH 7u
#define HPET_VENDOR_SHIFT 16
#define HPET_VENDOR_INTEL 0x8086u
#define PATTERN_A 0x55u
#define PATTERN_B 0xaau

/* The register keeps two complementary patterns. */
static bool port_keeps(uint16_t port)
{
	uint8_t old = inb(port);
	bool ok;

	outb(port, PATTERN_A);
	ok = inb(port) == PATTERN_A;
	outb(port, PATTERN_B);
	ok = ok && inb(port) == PATTERN_B;
	outb(port, old);
	return ok;
}

uint8_t probe_legacy_ports(void)
{
	uint8_t flags = 0;

	/* 16550 scratch register (no side effects). */
	if (port_keeps(COM1_BASE + UART_SCRATCH))
		flags |= ACPI_INFO_COM1;
	if (port_keeps(COM2_BASE + UART_SCRATCH))
		flags |= ACPI_INFO_COM2;
	/* Parallel port data latch, in output mode after reset. */
	if (port_keeps(LPT1_BASE))
		flags |= ACPI_INFO_LPT1;
	return flags;
}

bool probe_hpet(uint32_t *id)
{
	uint32_t cap = mmio_read32(PLATFORM_HPET_BASE);

	*id = cap;
	return cap != 0xffffffffu &&
	       (cap >> HPET_VENDOR_SHIFT) == HPET_VENDOR_INTEL;
}

bool probe_ram(uint32_t addr)
{
	volatile uint32_t *p = (volatile uint32_t *)(uintptr_t)addr;
	uint32_t old = *p;
	bool ok;

	*p = 0x5aa5c33cu;
	ok = *p == 0x5aa5c33cu;
	*p = 0xa55a3cc3u;
	ok = ok && *p == 0xa55a3cc3u;
	*p = old;
	return ok;
}
