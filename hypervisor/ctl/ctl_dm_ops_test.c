/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for the device-model ops of the control protocol (ISA IRQ,
 * MSI, shutdown, populate, relocate): sizes, and that non-zero padding is
 * refused on both the sending and the receiving side.
 */
#include "hypervisor/ctl_proto.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "hvm_test.h"

static void hdr(struct ctl_hdr *h, uint16_t op, uint32_t len)
{
	memset(h, 0, sizeof(*h));
	h->magic = CTL_MAGIC;
	h->version = CTL_VERSION;
	h->op = op;
	h->seq = 1;
	h->len = len;
}

/* Sends header + payload raw, bypassing ctl_send()'s own checks. */
static void raw_send(int sock, const struct ctl_hdr *h, const void *p)
{
	uint8_t buf[sizeof(*h) + 64];

	memcpy(buf, h, sizeof(*h));
	memcpy(buf + sizeof(*h), p, h->len);
	CHECK_EQ((long)(sizeof(*h) + h->len),
		 send(sock, buf, sizeof(*h) + h->len, 0));
}

/* A request whose byte @pad_off is set must be refused both ways. */
static void expect_padding_refused(uint16_t op, size_t size, size_t pad_off)
{
	uint8_t p[64] = {0}, in[64];
	struct ctl_hdr h, rh;
	int sv[2];

	CHECK_EQ(size, ctl_payload_size(op, false));
	CHECK_EQ(0, socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv));
	hdr(&h, op, (uint32_t)size);
	CHECK_EQ(0, ctl_send(sv[0], &h, p, NULL, 0));
	CHECK_EQ(0, ctl_recv(sv[1], false, &rh, in, sizeof(in), NULL, 0, NULL));
	p[pad_off] = 1;
	CHECK_EQ(-EINVAL, ctl_send(sv[0], &h, p, NULL, 0));
	raw_send(sv[0], &h, p);
	CHECK_EQ(-EPROTO,
		 ctl_recv(sv[1], false, &rh, in, sizeof(in), NULL, 0, NULL));
	close(sv[0]);
	close(sv[1]);
}

static void test_padding_is_checked(void)
{
	expect_padding_refused(CTL_OP_SET_ISA_IRQ, sizeof(struct ctl_isa_irq),
			       offsetof(struct ctl_isa_irq, pad) + 2);
	expect_padding_refused(CTL_OP_INJECT_MSI, sizeof(struct ctl_msi),
			       offsetof(struct ctl_msi, pad));
	expect_padding_refused(CTL_OP_SHUTDOWN, sizeof(struct ctl_shutdown),
			       offsetof(struct ctl_shutdown, pad) + 3);
}

static void test_memory_ops_sizes(void)
{
	CHECK_EQ(16, ctl_payload_size(CTL_OP_POPULATE, false));
	CHECK_EQ(24, ctl_payload_size(CTL_OP_RELOCATE, false));
	CHECK_EQ(0, ctl_payload_size(CTL_OP_RELOCATE, true));
	CHECK_EQ(0, ctl_max_fds(CTL_OP_POPULATE, true));
}

int main(void)
{
	HVM_TEST(test_padding_is_checked);
	HVM_TEST(test_memory_ops_sizes);
	return hvm_test_summary();
}
