/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for the ISA line combiner: ISA levels, PCI INTx through PIRQ
 * links, sharing of a line by several sources, moving an asserted link to
 * another IRQ, redundant levels, hostile arguments, and an irqchip error.
 */
#include "hypervisor/irq_lines.h"

#include <errno.h>
#include <string.h>

#include "hvm_test.h"

/* A fake irqchip that records every call. */
struct chip {
	unsigned int calls;
	int level[IRQ_LINES_ISA]; /* -1 = never set */
	int fail;		  /* next call returns this if non-zero */
};

static int chip_set(void *opaque, uint32_t irq, bool level)
{
	struct chip *c = opaque;
	int rc = c->fail;

	c->fail = 0;
	if (rc)
		return rc;
	c->calls++;
	c->level[irq] = level;
	return 0;
}

static void setup(struct irq_lines *l, struct chip *c)
{
	memset(c, 0, sizeof(*c));
	memset(c->level, 0xff, sizeof(c->level));
	irq_lines_init(l, chip_set, c);
}

static void test_isa(void)
{
	struct irq_lines l;
	struct chip c;

	setup(&l, &c);
	CHECK_EQ(0, irq_lines_set_isa(&l, IRQ_SRC_DM, 4, true));
	CHECK_EQ(1, c.level[4]);
	CHECK_EQ(0, irq_lines_set_isa(&l, IRQ_SRC_DM, 4, true));
	CHECK_EQ(1u, c.calls); /* repeated level: no irqchip call */
	CHECK_EQ(0, irq_lines_set_isa(&l, IRQ_SRC_DM, 4, false));
	CHECK_EQ(0, c.level[4]);
	/* QEMU deasserts all 16 lines often: nothing reaches the chip. */
	for (uint32_t i = 0; i < IRQ_LINES_ISA; i++)
		CHECK_EQ(0, irq_lines_set_isa(&l, IRQ_SRC_DM, i, false));
	CHECK_EQ(2u, c.calls);
}

static void test_link_routing(void)
{
	struct irq_lines l;
	struct chip c;

	setup(&l, &c);
	/* Slot 4 INTA is link 0; unrouted, an assert reaches no line. */
	CHECK_EQ(0u, irq_lines_pci_link(4, 0));
	CHECK_EQ(3u, irq_lines_pci_link(2, 1));
	CHECK_EQ(0, irq_lines_set_pci_intx(&l, 4, 0, true));
	CHECK_EQ(0u, c.calls);
	/* Routing an asserted link raises its new line at once. */
	CHECK_EQ(0, irq_lines_set_link(&l, 0, 11));
	CHECK_EQ(1, c.level[11]);
	/* Rerouting moves the level: old line low, new line high. */
	CHECK_EQ(0, irq_lines_set_link(&l, 0, 10));
	CHECK_EQ(0, c.level[11]);
	CHECK_EQ(1, c.level[10]);
	CHECK_EQ(0, irq_lines_set_pci_intx(&l, 4, 0, false));
	CHECK_EQ(0, c.level[10]);
	/* Unrouting an idle link touches nothing. */
	c.calls = 0;
	CHECK_EQ(0, irq_lines_set_link(&l, 0, 0));
	CHECK_EQ(0u, c.calls);
}

static void test_sharing(void)
{
	struct irq_lines l;
	struct chip c;

	setup(&l, &c);
	CHECK_EQ(0, irq_lines_set_link(&l, 0, 11));
	CHECK_EQ(0, irq_lines_set_link(&l, 1, 11));
	/* Two devices on link 0 and one on link 1, all on IRQ 11. */
	CHECK_EQ(0, irq_lines_set_pci_intx(&l, 4, 0, true)); /* link 0 */
	CHECK_EQ(0, irq_lines_set_pci_intx(&l, 8, 0, true)); /* link 0 */
	CHECK_EQ(0, irq_lines_set_pci_intx(&l, 5, 0, true)); /* link 1 */
	CHECK_EQ(1, c.level[11]);
	CHECK_EQ(0, irq_lines_set_pci_intx(&l, 4, 0, false));
	CHECK_EQ(0, irq_lines_set_pci_intx(&l, 4, 0, false)); /* again */
	CHECK_EQ(0, irq_lines_set_pci_intx(&l, 5, 0, false));
	CHECK_EQ(1, c.level[11]); /* device 8 still asserts */
	/* An ISA source on the same line keeps it up too. */
	CHECK_EQ(0, irq_lines_set_isa(&l, IRQ_SRC_DM, 11, true));
	CHECK_EQ(0, irq_lines_set_pci_intx(&l, 8, 0, false));
	CHECK_EQ(1, c.level[11]);
	CHECK_EQ(0, irq_lines_set_isa(&l, IRQ_SRC_DM, 11, false));
	CHECK_EQ(0, c.level[11]);
	CHECK_EQ(0, l.link_count[0]);
	CHECK_EQ(0, l.link_count[1]);
}

static void test_sources(void)
{
	struct irq_lines l;
	struct chip c;

	setup(&l, &c);
	/* The PM timer raises the SCI; QEMU's PIIX4 reset deasserts IRQ 9. */
	CHECK_EQ(0, irq_lines_set_isa(&l, IRQ_SRC_HV, 9, true));
	CHECK_EQ(0, irq_lines_set_isa(&l, IRQ_SRC_DM, 9, false));
	CHECK_EQ(1, c.level[9]);
	CHECK_EQ(0, irq_lines_set_isa(&l, IRQ_SRC_DM, 9, true));
	CHECK_EQ(0, irq_lines_set_isa(&l, IRQ_SRC_HV, 9, false));
	CHECK_EQ(1, c.level[9]);
	CHECK_EQ(0, irq_lines_set_isa(&l, IRQ_SRC_DM, 9, false));
	CHECK_EQ(0, c.level[9]);
	CHECK_EQ(-EINVAL, irq_lines_set_isa(&l, IRQ_SRC_NR, 9, true));
}

static void test_hostile(void)
{
	struct irq_lines l;
	struct chip c;

	setup(&l, &c);
	CHECK_EQ(-EINVAL, irq_lines_set_isa(&l, IRQ_SRC_DM, 16, true));
	CHECK_EQ(-EINVAL, irq_lines_set_isa(&l, IRQ_SRC_DM, UINT32_MAX, true));
	CHECK_EQ(-EINVAL, irq_lines_set_pci_intx(&l, 32, 0, true));
	CHECK_EQ(-EINVAL, irq_lines_set_pci_intx(&l, 0, 4, true));
	CHECK_EQ(-EINVAL, irq_lines_set_link(&l, 4, 5));
	CHECK_EQ(-EINVAL, irq_lines_set_link(&l, 0, 16));
	CHECK_EQ(-EINVAL, irq_lines_set_link(&l, 0, 255));
	CHECK_EQ(0u, c.calls);
	for (int i = 0; i < IRQ_LINES_LINKS; i++)
		CHECK_EQ(0, l.route[i]);
	/* Every device and pin at once cannot overflow a link's count. */
	for (uint32_t d = 0; d < IRQ_LINES_PCI_DEVICES; d++) {
		for (uint32_t p = 0; p < IRQ_LINES_PCI_PINS; p++)
			CHECK_EQ(0, irq_lines_set_pci_intx(&l, d, p, true));
	}
	for (int i = 0; i < IRQ_LINES_LINKS; i++)
		CHECK_EQ(32, l.link_count[i]);
}

static void test_chip_error(void)
{
	struct irq_lines l;
	struct chip c;

	setup(&l, &c);
	c.fail = -EIO;
	CHECK_EQ(-EIO, irq_lines_set_isa(&l, IRQ_SRC_DM, 3, true));
	/* The line was not sent, so the next call retries it. */
	CHECK_EQ(0, irq_lines_set_isa(&l, IRQ_SRC_DM, 3, true));
	CHECK_EQ(1, c.level[3]);
}

int main(void)
{
	HVM_TEST(test_isa);
	HVM_TEST(test_link_routing);
	HVM_TEST(test_sharing);
	HVM_TEST(test_sources);
	HVM_TEST(test_hostile);
	HVM_TEST(test_chip_error);
	return hvm_test_summary();
}
