/* SPDX-License-Identifier: GPL-2.0-only */
/* LAPIC and IOAPIC programming (apic.h); SDM 3A chapter 11, 82093AA. */
#include "hvmloader/apic.h"

#include "hvmloader/io.h"
#include "hvmloader/log.h"
#include "hvmloader/platform.h"

#define LAPIC_VERSION 0x030u
#define LAPIC_SVR 0x0f0u
#define LAPIC_ICR_LO 0x300u
#define LAPIC_ICR_HI 0x310u
#define LAPIC_LVT0 0x350u
#define LAPIC_LVT1 0x360u
#define LAPIC_SVR_ENABLE 0x100u
#define LAPIC_SPURIOUS_VECTOR 0xffu
#define LAPIC_DM_EXTINT 0x700u
#define LAPIC_DM_NMI 0x400u
#define LAPIC_ICR_BUSY (1u << 12)
#define LAPIC_ICR_DEST_SHIFT 24
#define ICR_BUSY_SPINS 1000000u

#define IOAPIC_REGSEL 0x00u
#define IOAPIC_WIN 0x10u
#define IOAPIC_REG_ID 0x00u
#define IOAPIC_REG_VERSION 0x01u
#define IOAPIC_ID_SHIFT 24

static uint32_t lapic_read(uint32_t reg)
{
	return mmio_read32(PLATFORM_LAPIC_BASE + reg);
}

static void lapic_write(uint32_t reg, uint32_t v)
{
	mmio_write32(PLATFORM_LAPIC_BASE + reg, v);
}

static uint32_t ioapic_read(uint32_t reg)
{
	mmio_write32(PLATFORM_IOAPIC_BASE + IOAPIC_REGSEL, reg);
	return mmio_read32(PLATFORM_IOAPIC_BASE + IOAPIC_WIN);
}

static void ioapic_write(uint32_t reg, uint32_t v)
{
	mmio_write32(PLATFORM_IOAPIC_BASE + IOAPIC_REGSEL, reg);
	mmio_write32(PLATFORM_IOAPIC_BASE + IOAPIC_WIN, v);
}

void apic_setup_bsp(void)
{
	lapic_write(LAPIC_SVR, LAPIC_SVR_ENABLE | LAPIC_SPURIOUS_VECTOR);
	/* Virtual wire (firmware.md 8.2): 8259 INTR through LINT0. */
	lapic_write(LAPIC_LVT0, LAPIC_DM_EXTINT);
	lapic_write(LAPIC_LVT1, LAPIC_DM_NMI);
	/* 82093AA 3.2.1: the ID is in bits 27:24 (Xen writes bit 0). */
	ioapic_write(IOAPIC_REG_ID,
		     (uint32_t)APIC_IOAPIC_ID << IOAPIC_ID_SHIFT);
}

uint8_t apic_lapic_version(void)
{
	return (uint8_t)lapic_read(LAPIC_VERSION);
}

uint8_t apic_ioapic_version(void)
{
	return (uint8_t)ioapic_read(IOAPIC_REG_VERSION);
}

static void wait_icr_idle(void)
{
	unsigned int i;

	for (i = 0; i < ICR_BUSY_SPINS; i++) {
		if (!(lapic_read(LAPIC_ICR_LO) & LAPIC_ICR_BUSY))
			return;
		cpu_relax();
	}
	log_warn("apic: ICR still busy after %u polls", ICR_BUSY_SPINS);
}

void apic_send_ipi(uint8_t dest, uint32_t icr)
{
	wait_icr_idle();
	lapic_write(LAPIC_ICR_HI, (uint32_t)dest << LAPIC_ICR_DEST_SHIFT);
	lapic_write(LAPIC_ICR_LO, icr);
	wait_icr_idle();
}
