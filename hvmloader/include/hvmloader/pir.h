/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The $PIR PCI IRQ routing table (Microsoft "PCI IRQ Routing Table
 * Specification" 1.0) for OSes that route PCI interrupts without ACPI:
 * the PIIX3 at 00:01.0 is the router, each link's value is its PIRQ
 * register (0x60-0x63) and every slot lists the links of pci_irq.h.
 */
#ifndef HVMLOADER_PIR_H
#define HVMLOADER_PIR_H

#include <stdint.h>

#include "hvmloader/arena.h"
#include "hvmloader/pci_irq.h"

/*
 * Builds $PIR in @low (below 1 MiB; SeaBIOS copies it into the F segment)
 * with one slot per device that has a pin in use: bit p of @dev_pins[d]
 * set means device d uses pin p. Returns 0 with its address in *@pir, or
 * -ENOSPC.
 */
int pir_build(const uint8_t dev_pins[PCI_IRQ_NR_DEVICES], struct arena *low,
	      uint32_t *pir) __attribute__((warn_unused_result));

#endif /* HVMLOADER_PIR_H */
