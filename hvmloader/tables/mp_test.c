/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests of the MP table (mp.h) and $PIR (pir.h): checksums, lengths
 * and entry counts, and that processors, buses, the IOAPIC and every
 * interrupt entry follow pci_irq.h. Entries are parsed with the MP
 * specification's offsets, independently of mp.c's structs.
 */
#include <errno.h>
#include <string.h>

#include "hvm_test.h"
#include "hvmloader/mp.h"
#include "hvmloader/pir.h"

#define TABLE_GPA 0xfc100000u
#define LOW_GPA 0x10000u
#define BUF_SIZE 0x10000u

static uint8_t table_buf[BUF_SIZE], low_buf[BUF_SIZE];
static struct arena table, low;

static void reset(void)
{
	arena_init(&table, table_buf, TABLE_GPA, BUF_SIZE);
	arena_init(&low, low_buf, LOW_GPA, BUF_SIZE);
}

static uint8_t sum(const uint8_t *p, size_t len)
{
	uint8_t s = 0;

	while (len--)
		s = (uint8_t)(s + *p++);
	return s;
}

static uint16_t rd16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t rd32(const uint8_t *p)
{
	return (uint32_t)rd16(p) | (uint32_t)rd16(p + 2) << 16;
}

static void config(struct mp_config *c, unsigned int nr_vcpus)
{
	unsigned int i;

	memset(c, 0, sizeof(*c));
	c->nr_vcpus = nr_vcpus;
	for (i = 0; i < nr_vcpus; i++)
		c->vcpu_online[i / 8] |= (uint8_t)(1u << (i % 8));
	c->lapic_version = 0x14;
	c->cpu_signature = 0x806f8;
	c->cpu_features = 0x178bfbff;
	c->ioapic_id = 0;
	c->ioapic_version = 0x11;
	c->dev_pins[1] = 0x9; /* INTA (PIIX4 PM) and INTD (UHCI) */
	c->dev_pins[2] = 0x1;
	c->dev_pins[4] = 0x1;
}

struct seen {
	unsigned int cpus, bsps, buses, ioapics, isa_ints, pci_ints;
	unsigned int extint, nmi;
};

static void check_io_int(const uint8_t *e, const struct mp_config *c,
			 struct seen *s)
{
	unsigned int dev = e[5] >> 2, pin = e[5] & 3;

	CHECK_EQ(0, e[1]); /* INT */
	CHECK_EQ(c->ioapic_id, e[6]);
	if (e[4] == 1) { /* ISA */
		s->isa_ints++;
		CHECK(e[5] != 2);
		CHECK_EQ(e[5] == 0 ? 2 : e[5], e[7]);
		CHECK_EQ(pci_irq_is_link_irq(e[5]) ? 0xf : 0, rd16(e + 2));
		return;
	}
	s->pci_ints++;
	CHECK_EQ(0, e[4]);
	CHECK(c->dev_pins[dev] & (1u << pin));
	CHECK_EQ(pci_irq_of(dev, pin), e[7]);
}

static void check_entry(const uint8_t *e, const struct mp_config *c,
			struct seen *s)
{
	switch (e[0]) {
	case 0:
		CHECK_EQ(s->cpus, e[1]);
		CHECK_EQ(c->lapic_version, e[2]);
		CHECK(e[3] & 1);
		s->bsps += (e[3] >> 1) & 1;
		CHECK_EQ(s->cpus == 0, (e[3] >> 1) & 1);
		CHECK_EQ(c->cpu_signature, rd32(e + 4));
		s->cpus++;
		break;
	case 1:
		CHECK(!memcmp(e + 2, s->buses ? "ISA   " : "PCI   ", 6));
		CHECK_EQ(s->buses++, e[1]);
		break;
	case 2:
		s->ioapics++;
		CHECK_EQ(c->ioapic_id, e[1]);
		CHECK_EQ(c->ioapic_version, e[2]);
		CHECK_EQ(0xfec00000u, rd32(e + 4));
		break;
	case 3:
		check_io_int(e, c, s);
		break;
	default:
		CHECK_EQ(4, e[0]);
		CHECK_EQ(0xff, e[6]);
		s->extint += e[1] == 3 && e[7] == 0;
		s->nmi += e[1] == 1 && e[7] == 1;
		break;
	}
}

static void walk(const uint8_t *h, const struct mp_config *c, struct seen *s)
{
	const uint8_t *p = h + 44, *end = h + rd16(h + 4);
	unsigned int n = 0;

	memset(s, 0, sizeof(*s));
	while (p < end) {
		check_entry(p, c, s);
		p += p[0] == 0 ? 20 : 8;
		n++;
	}
	CHECK(p == end);
	CHECK_EQ(rd16(h + 34), n);
}

static void test_mp_table(void)
{
	struct mp_config c;
	struct seen s;
	const uint8_t *fp, *h;
	uint32_t fp_gpa;

	reset();
	config(&c, 4);
	CHECK_EQ(0, mp_build(&c, &table, &low, &fp_gpa));
	fp = arena_ptr(&low, fp_gpa, 16);
	CHECK(fp && !memcmp(fp, "_MP_", 4));
	if (!fp)
		return;
	CHECK_EQ(0, sum(fp, 16));
	CHECK_EQ(1, fp[8]);
	CHECK_EQ(4, fp[9]);
	CHECK_EQ(0, fp[11]); /* a configuration table follows */
	CHECK_EQ(0, fp[12]); /* no IMCR: virtual wire mode */
	h = arena_ptr(&table, rd32(fp + 4), 44);
	CHECK(h && !memcmp(h, "PCMP", 4));
	if (!h)
		return;
	CHECK_EQ(0, sum(h, rd16(h + 4)));
	CHECK_EQ(4, h[6]);
	CHECK_EQ(0xfee00000u, rd32(h + 36));
	walk(h, &c, &s);
	CHECK_EQ(4, s.cpus);
	CHECK_EQ(1, s.bsps);
	CHECK_EQ(2, s.buses);
	CHECK_EQ(1, s.ioapics);
	CHECK_EQ(15, s.isa_ints);
	CHECK_EQ(4, s.pci_ints);
	CHECK_EQ(1, s.extint);
	CHECK_EQ(1, s.nmi);
}

static void test_mp_limits(void)
{
	struct mp_config c;
	uint32_t fp;

	reset();
	config(&c, 128);
	CHECK_EQ(0, mp_build(&c, &table, &low, &fp));
	c.nr_vcpus = 129;
	CHECK_EQ(-EINVAL, mp_build(&c, &table, &low, &fp));
	c.nr_vcpus = 0;
	CHECK_EQ(-EINVAL, mp_build(&c, &table, &low, &fp));
	config(&c, 2);
	arena_init(&table, table_buf, TABLE_GPA, 64);
	CHECK_EQ(-ENOSPC, mp_build(&c, &table, &low, &fp));
}

static void test_pir(void)
{
	uint8_t pins[PCI_IRQ_NR_DEVICES] = {0};
	const uint8_t *h, *slot;
	unsigned int i, pin, dev;
	uint32_t gpa;

	reset();
	pins[1] = 0x9;
	pins[3] = 0x1;
	pins[31] = 0xf;
	CHECK_EQ(0, pir_build(pins, &low, &gpa));
	h = arena_ptr(&low, gpa, 32);
	CHECK(h && !memcmp(h, "$PIR", 4));
	if (!h)
		return;
	CHECK_EQ(0x0100, rd16(h + 4));
	CHECK_EQ(32 + 3 * 16, rd16(h + 6));
	CHECK_EQ(0, sum(h, rd16(h + 6)));
	CHECK_EQ(0x08, h[9]);
	CHECK_EQ(0x70008086u, rd32(h + 12));
	for (i = 0; i < 3; i++) {
		slot = h + 32 + 16 * i;
		dev = slot[1] >> 3;
		CHECK(pins[dev] != 0);
		for (pin = 0; pin < 4; pin++) {
			CHECK_EQ(0x60 + pci_irq_link(dev, pin),
				 slot[2 + 3 * pin]);
			CHECK_EQ(0x0c20, rd16(slot + 3 + 3 * pin));
		}
	}
	arena_init(&low, low_buf, LOW_GPA, 40);
	CHECK_EQ(-ENOSPC, pir_build(pins, &low, &gpa));
}

static void test_routing(void)
{
	/* Xen's assignment: A 5, B 10, C 11, D 5; slot 2 INTA on link C. */
	CHECK_EQ(5, pci_irq_link_isa_irq(0));
	CHECK_EQ(10, pci_irq_link_isa_irq(1));
	CHECK_EQ(11, pci_irq_link_isa_irq(2));
	CHECK_EQ(5, pci_irq_link_isa_irq(3));
	CHECK_EQ(2, pci_irq_link(2, 0));
	CHECK_EQ(11, pci_irq_of(2, 0));
	CHECK_EQ(5, pci_irq_of(3, 0));
	CHECK_EQ(5, pci_irq_of(4, 0));
	CHECK_EQ(10, pci_irq_of(4, 1));
}

int main(void)
{
	HVM_TEST(test_mp_table);
	HVM_TEST(test_mp_limits);
	HVM_TEST(test_pir);
	HVM_TEST(test_routing);
	return hvm_test_summary();
}
