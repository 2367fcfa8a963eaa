/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Local APIC and IOAPIC setup (firmware.md 2.5 and 8.2). APIC ID = vCPU
 * index everywhere (the hypervisor's CPUID and KVM's LAPIC agree), the
 * IOAPIC has ID APIC_IOAPIC_ID. The BSP's LVT0 is left in virtual wire
 * mode (ExtINT, unmasked): KVM's in-kernel LAPIC accepts 8259 interrupts
 * only through an unmasked ExtINT LVT0, so SeaBIOS's timer and keyboard
 * interrupts need it. All IOAPIC pins stay masked for the OS to program.
 */
#ifndef HVMLOADER_APIC_H
#define HVMLOADER_APIC_H

#include <stdint.h>

/* The IOAPIC ID in the MADT and MP table; KVM's reset value too. */
#define APIC_IOAPIC_ID 0

/* ICR delivery modes and flags (SDM 3A 11.6.1). */
#define APIC_ICR_INIT 0x00000500u
#define APIC_ICR_STARTUP 0x00000600u
#define APIC_ICR_LEVEL_ASSERT 0x00004000u

/* Enables the BSP's LAPIC in virtual wire mode and sets the IOAPIC ID. */
void apic_setup_bsp(void);

/* This CPU's LAPIC version register, low byte. */
uint8_t apic_lapic_version(void);

/* The IOAPIC version register, low byte (0x11 on KVM and Xen). */
uint8_t apic_ioapic_version(void);

/* Sends the IPI @icr to APIC ID @dest and waits until it is accepted. */
void apic_send_ipi(uint8_t dest, uint32_t icr);

#endif /* HVMLOADER_APIC_H */
