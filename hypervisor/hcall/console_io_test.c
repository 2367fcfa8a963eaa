/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for console_io: a plain write, the 4 KiB cap on a
 * 2^32-1 byte write, 32-bit counts from 64-bit registers, buffers past
 * guest memory or wrapping the address space, reads, unknown commands.
 */
#include "hcall_fake.h"

#include <string.h>

#include <xen/errno.h>

#include "hvm_test.h"

#define BUF 0x2000

static long con(struct hcall_vcpu *v, uint64_t cmd, uint64_t count,
		uint64_t buf)
{
	return hcall_fake_call(v, __HYPERVISOR_console_io, cmd, count, buf);
}

static void test_write(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	hcall_fake_init(&f, &d, &v);
	memcpy(f.mem + BUF, "hello\n", 6);
	CHECK_EQ(0, con(&v, CONSOLEIO_write, 6, BUF));
	CHECK_EQ(6, f.console_len);
	CHECK_EQ(0, memcmp(f.console, "hello\n", 6));
	CHECK_EQ(0, con(&v, CONSOLEIO_write, 0, UINT64_MAX));
	CHECK_EQ(6, f.console_len);
	/* count is an unsigned int: the upper half is ignored. */
	CHECK_EQ(0, con(&v, CONSOLEIO_write, (1ULL << 32) | 2, BUF));
	CHECK_EQ(8, f.console_len);
}

static void test_huge_write_is_capped(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	hcall_fake_init(&f, &d, &v);
	memset(f.mem, 'x', sizeof(f.mem));
	CHECK_EQ(0, con(&v, CONSOLEIO_write, UINT32_MAX, 0));
	CHECK_EQ(HCALL_CONSOLE_WRITE_MAX, f.console_len);
	CHECK(f.console_max_call <= 256);
	CHECK(f.nr_copies <= HCALL_CONSOLE_WRITE_MAX / 256);
}

static void test_hostile_buffers(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	hcall_fake_init(&f, &d, &v);
	CHECK_EQ(-XEN_EFAULT,
		 con(&v, CONSOLEIO_write, 100, FAKE_MEM_SIZE - 10));
	/* Wrapping ranges are refused before any copy or output. */
	CHECK_EQ(-XEN_EFAULT, con(&v, CONSOLEIO_write, 300, UINT64_MAX - 255));
	CHECK_EQ(-XEN_EFAULT,
		 con(&v, CONSOLEIO_write, UINT32_MAX, UINT64_MAX - 100));
	CHECK_EQ(1, f.nr_copies);
	v.longmode = false;
	CHECK_EQ(-XEN_EFAULT, con(&v, CONSOLEIO_write, 0x200, 0xffffff00));
	CHECK_EQ(1, f.nr_copies);
	CHECK_EQ(0, f.console_len);
}

static void test_read_and_unknown(void)
{
	struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;

	hcall_fake_init(&f, &d, &v);
	memset(f.mem + BUF, 0xab, 16);
	CHECK_EQ(0, con(&v, CONSOLEIO_read, 16, BUF));
	CHECK_EQ(0xab, f.mem[BUF]);
	CHECK_EQ(-XEN_ENOSYS, con(&v, 2, 16, BUF));
	CHECK_EQ(-XEN_ENOSYS, con(&v, UINT32_MAX, 16, BUF));
	CHECK_EQ(0, f.nr_copies);
}

int main(void)
{
	HVM_TEST(test_write);
	HVM_TEST(test_huge_write_is_capped);
	HVM_TEST(test_hostile_buffers);
	HVM_TEST(test_read_and_unknown);
	return hvm_test_summary();
}
