/* SPDX-License-Identifier: GPL-2.0-only */
/* The $PIR PCI IRQ routing table (pir.h). */
#include "hvmloader/pir.h"

#include <errno.h>
#include <string.h>

#define PIR_PACKED __attribute__((packed))
#define PIR_VERSION 0x0100
#define PIR_VENDOR_INTEL 0x8086u
#define PIR_DEVICE_PIIX3_ISA 0x7000u

/* One device: bus, devfn, then link value and IRQ bitmap per pin. */
struct pir_slot {
	uint8_t bus;
	uint8_t devfn;
	struct {
		uint8_t link;
		uint16_t bitmap;
	} PIR_PACKED pin[PCI_IRQ_NR_PINS];
	uint8_t slot; /* 0: built in */
	uint8_t reserved;
} PIR_PACKED;

struct pir_header {
	char signature[4];
	uint16_t version;
	uint16_t size;
	uint8_t router_bus;
	uint8_t router_devfn;
	uint16_t exclusive_irqs;
	uint32_t compatible_router; /* vendor | device << 16 */
	uint32_t miniport_data;
	uint8_t reserved[11];
	uint8_t checksum;
} PIR_PACKED;

_Static_assert(sizeof(struct pir_slot) == 16, "$PIR slot layout");
_Static_assert(sizeof(struct pir_header) == 32, "$PIR header layout");

static unsigned int nr_slots(const uint8_t dev_pins[PCI_IRQ_NR_DEVICES])
{
	unsigned int dev, n = 0;

	for (dev = 0; dev < PCI_IRQ_NR_DEVICES; dev++)
		n += (dev_pins[dev] & 0xfu) != 0;
	return n;
}

static void fill_slot(struct pir_slot *s, unsigned int dev)
{
	unsigned int pin;

	s->bus = 0;
	s->devfn = (uint8_t)(dev << 3);
	/* The link value is the link's PIRQ register in the PIIX3. */
	for (pin = 0; pin < PCI_IRQ_NR_PINS; pin++) {
		s->pin[pin].link = (uint8_t)(PCI_IRQ_PIIX3_PIRQ_REG +
					     pci_irq_link(dev, pin));
		s->pin[pin].bitmap = PCI_IRQ_ISA_MASK;
	}
}

int pir_build(const uint8_t dev_pins[PCI_IRQ_NR_DEVICES], struct arena *low,
	      uint32_t *gpa)
{
	uint32_t size = sizeof(struct pir_header) +
			nr_slots(dev_pins) * sizeof(struct pir_slot);
	struct pir_header *h;
	struct pir_slot *s;
	unsigned int dev;
	uint8_t sum = 0;
	uint32_t i;

	h = arena_alloc(low, size, 16, gpa);
	if (!h)
		return -ENOSPC;
	memcpy(h->signature, "$PIR", sizeof(h->signature));
	h->version = PIR_VERSION;
	h->size = (uint16_t)size;
	h->router_devfn = PCI_IRQ_PIIX3_DEVFN;
	h->compatible_router = PIR_VENDOR_INTEL | (PIR_DEVICE_PIIX3_ISA << 16);
	s = (struct pir_slot *)(h + 1);
	for (dev = 0; dev < PCI_IRQ_NR_DEVICES; dev++) {
		if (dev_pins[dev] & 0xfu)
			fill_slot(s++, dev);
	}
	for (i = 0; i < size; i++)
		sum = (uint8_t)(sum + ((const uint8_t *)h)[i]);
	h->checksum = (uint8_t)-sum;
	return 0;
}
