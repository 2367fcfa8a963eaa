/* SPDX-License-Identifier: GPL-2.0-only */
/* The MP floating pointer and configuration table (mp.h). */
#include "hvmloader/mp.h"

#include <errno.h>
#include <stdbool.h>
#include <string.h>

#include "hvmloader/platform.h"

#define MP_PACKED __attribute__((packed))
#define MP_SPEC_REV 4 /* 1.4 */
#define MP_ENTRY_PROCESSOR 0
#define MP_ENTRY_BUS 1
#define MP_ENTRY_IOAPIC 2
#define MP_ENTRY_IO_INT 3
#define MP_ENTRY_LOCAL_INT 4
#define MP_CPU_ENABLED 0x1u
#define MP_CPU_BSP 0x2u
#define MP_IOAPIC_ENABLED 0x1u
#define MP_INT 0
#define MP_NMI 1
#define MP_EXTINT 3
#define MP_BUS_PCI 0
#define MP_BUS_ISA 1
#define MP_ALL_LAPICS 0xffu
#define MP_MAX_VCPUS 128
#define ISA_IRQS 16
#define PIT_IRQ 0
#define PIT_PIN 2
#define CASCADE_IRQ 2

/* 4.1 MP Floating Pointer Structure. */
struct mp_fp {
	char signature[4];
	uint32_t config;
	uint8_t length; /* in 16-byte units */
	uint8_t spec_rev;
	uint8_t checksum;
	uint8_t features[5]; /* all 0: config table present, virtual wire */
} MP_PACKED;

/* 4.2 MP Configuration Table Header. */
struct mp_header {
	char signature[4];
	uint16_t length;
	uint8_t spec_rev;
	uint8_t checksum;
	char oem_id[8];
	char product_id[12];
	uint32_t oem_table;
	uint16_t oem_table_size;
	uint16_t entry_count;
	uint32_t lapic_address;
	uint16_t ext_length;
	uint8_t ext_checksum;
	uint8_t reserved;
} MP_PACKED;

/* 4.3.1 Processor Entries. */
struct mp_processor {
	uint8_t type;
	uint8_t lapic_id;
	uint8_t lapic_version;
	uint8_t flags;
	uint32_t signature;
	uint32_t features;
	uint32_t reserved[2];
} MP_PACKED;

/* 4.3.2 Bus, 4.3.3 I/O APIC, 4.3.4/4.3.5 interrupt assignment entries. */
struct mp_bus {
	uint8_t type;
	uint8_t bus_id;
	char bus_type[6];
} MP_PACKED;

struct mp_ioapic {
	uint8_t type;
	uint8_t id;
	uint8_t version;
	uint8_t flags;
	uint32_t address;
} MP_PACKED;

struct mp_intr {
	uint8_t type;
	uint8_t int_type;
	uint16_t flags;
	uint8_t src_bus;
	uint8_t src_irq;
	uint8_t dst_id; /* IOAPIC ID, or local APIC ID (0xFF: all) */
	uint8_t dst_pin;
} MP_PACKED;

/* The table being filled: entries go at p, counted in n. */
struct mp_writer {
	uint8_t *p;
	uint16_t n;
};

static void *put(struct mp_writer *w, size_t size)
{
	void *e = w->p;

	w->p += size;
	w->n++;
	return e;
}

static uint8_t checksum(const void *p, size_t len)
{
	const uint8_t *b = p;
	uint8_t sum = 0;

	while (len--)
		sum = (uint8_t)(sum + *b++);
	return (uint8_t)-sum;
}

static bool vcpu_online(const struct mp_config *cfg, unsigned int i)
{
	return (cfg->vcpu_online[i / 8] >> (i % 8)) & 1;
}

static void put_processors(struct mp_writer *w, const struct mp_config *cfg)
{
	struct mp_processor *e;
	unsigned int i;

	for (i = 0; i < cfg->nr_vcpus; i++) {
		e = put(w, sizeof(*e));
		e->type = MP_ENTRY_PROCESSOR;
		e->lapic_id = (uint8_t)i;
		e->lapic_version = cfg->lapic_version;
		e->flags = vcpu_online(cfg, i) ? MP_CPU_ENABLED : 0;
		if (i == 0)
			e->flags |= MP_CPU_BSP;
		e->signature = cfg->cpu_signature;
		e->features = cfg->cpu_features;
	}
}

static void put_bus(struct mp_writer *w, uint8_t id, const char type[6])
{
	struct mp_bus *e = put(w, sizeof(*e));

	e->type = MP_ENTRY_BUS;
	e->bus_id = id;
	memcpy(e->bus_type, type, sizeof(e->bus_type));
}

static void put_intr(struct mp_writer *w, uint8_t entry, uint8_t int_type,
		     uint16_t flags, const uint8_t src[2], const uint8_t dst[2])
{
	struct mp_intr *e = put(w, sizeof(*e));

	e->type = entry;
	e->int_type = int_type;
	e->flags = flags;
	e->src_bus = src[0];
	e->src_irq = src[1];
	e->dst_id = dst[0];
	e->dst_pin = dst[1];
}

/* ISA IRQs on their IOAPIC pins; the link IRQs are level, active low. */
static void put_isa_irqs(struct mp_writer *w, const struct mp_config *cfg)
{
	uint8_t irq, src[2], dst[2];
	uint16_t flags;

	for (irq = 0; irq < ISA_IRQS; irq++) {
		if (irq == CASCADE_IRQ)
			continue;
		flags = pci_irq_is_link_irq(irq) ? PCI_IRQ_FLAGS_LEVEL_LOW : 0;
		src[0] = MP_BUS_ISA;
		src[1] = irq;
		dst[0] = cfg->ioapic_id;
		dst[1] = irq == PIT_IRQ ? PIT_PIN : irq;
		put_intr(w, MP_ENTRY_IO_INT, MP_INT, flags, src, dst);
	}
}

/* PCI device d pin p: source IRQ (d << 2) | p (MP spec D.3). */
static void put_pci_irqs(struct mp_writer *w, const struct mp_config *cfg)
{
	uint8_t src[2], dst[2];
	unsigned int dev, pin;

	for (dev = 0; dev < PCI_IRQ_NR_DEVICES; dev++) {
		for (pin = 0; pin < PCI_IRQ_NR_PINS; pin++) {
			if (!(cfg->dev_pins[dev] & (1u << pin)))
				continue;
			src[0] = MP_BUS_PCI;
			src[1] = (uint8_t)((dev << 2) | pin);
			dst[0] = cfg->ioapic_id;
			dst[1] = (uint8_t)pci_irq_of(dev, pin);
			/* Flags 0: conforming to PCI, level, active low. */
			put_intr(w, MP_ENTRY_IO_INT, MP_INT, 0, src, dst);
		}
	}
}

static void put_entries(struct mp_writer *w, const struct mp_config *cfg)
{
	static const uint8_t lint0[2] = {MP_ALL_LAPICS, 0};
	static const uint8_t lint1[2] = {MP_ALL_LAPICS, 1};
	static const uint8_t isa0[2] = {MP_BUS_ISA, 0};
	struct mp_ioapic *io;

	put_processors(w, cfg);
	put_bus(w, MP_BUS_PCI, "PCI   ");
	put_bus(w, MP_BUS_ISA, "ISA   ");
	io = put(w, sizeof(*io));
	io->type = MP_ENTRY_IOAPIC;
	io->id = cfg->ioapic_id;
	io->version = cfg->ioapic_version;
	io->flags = MP_IOAPIC_ENABLED;
	io->address = PLATFORM_IOAPIC_BASE;
	put_isa_irqs(w, cfg);
	put_pci_irqs(w, cfg);
	/* Virtual wire mode (3.6.2.2): the 8259 reaches LINT0 directly. */
	put_intr(w, MP_ENTRY_LOCAL_INT, MP_EXTINT, 0, isa0, lint0);
	put_intr(w, MP_ENTRY_LOCAL_INT, MP_NMI, 0, isa0, lint1);
}

/* The size of the table for @cfg, header included. */
static uint32_t table_size(const struct mp_config *cfg)
{
	uint32_t n = sizeof(struct mp_header) + 2 * sizeof(struct mp_bus) +
		     sizeof(struct mp_ioapic) +
		     (ISA_IRQS - 1 + 2) * sizeof(struct mp_intr) +
		     cfg->nr_vcpus * sizeof(struct mp_processor);
	unsigned int dev, pin;

	for (dev = 0; dev < PCI_IRQ_NR_DEVICES; dev++) {
		for (pin = 0; pin < PCI_IRQ_NR_PINS; pin++) {
			if (cfg->dev_pins[dev] & (1u << pin))
				n += sizeof(struct mp_intr);
		}
	}
	return n;
}

int mp_build(const struct mp_config *cfg, struct arena *table,
	     struct arena *low, uint32_t *fp_gpa)
{
	uint32_t size = table_size(cfg), gpa;
	struct mp_writer w;
	struct mp_header *h;
	struct mp_fp *fp;

	if (cfg->nr_vcpus == 0 || cfg->nr_vcpus > MP_MAX_VCPUS)
		return -EINVAL;
	h = arena_alloc(table, size, 16, &gpa);
	fp = h ? arena_alloc(low, sizeof(*fp), 16, fp_gpa) : NULL;
	if (!fp)
		return -ENOSPC;
	w.p = (uint8_t *)(h + 1);
	w.n = 0;
	put_entries(&w, cfg);
	if (w.p != (uint8_t *)h + size)
		return -EINVAL;
	memcpy(h->signature, "PCMP", sizeof(h->signature));
	h->length = (uint16_t)size;
	h->spec_rev = MP_SPEC_REV;
	memcpy(h->oem_id, "HVM     ", sizeof(h->oem_id));
	memcpy(h->product_id, "HVMLOADER   ", sizeof(h->product_id));
	h->entry_count = w.n;
	h->lapic_address = PLATFORM_LAPIC_BASE;
	h->checksum = checksum(h, size);
	memcpy(fp->signature, "_MP_", sizeof(fp->signature));
	fp->config = gpa;
	fp->length = sizeof(*fp) / 16;
	fp->spec_rev = MP_SPEC_REV;
	fp->checksum = checksum(fp, sizeof(*fp));
	return 0;
}
