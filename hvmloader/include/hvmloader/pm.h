/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ACPI hardware mode (firmware.md 2.13): SCI_EN is set through the PIIX4
 * APM control port, as the FADT declares no SMI command port, and the
 * hypervisor is told the PM blocks now sit at 0xB000. Firmware only.
 */
#ifndef HVMLOADER_PM_H
#define HVMLOADER_PM_H

/* Needs the PIIX4 PM I/O block enabled (pci_setup()). */
void pm_enable_acpi(void);

/* Moves the hypervisor's PM1a event block and PM timer to 0xB000. */
void pm_relocate_ports(void);

#endif /* HVMLOADER_PM_H */
