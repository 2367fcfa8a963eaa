/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests of hvm_start_info reading (start_info.h), with guest memory
 * faked by a buffer standing for guest-physical 0x200000 onwards, laid
 * out as hvm-domain's boot_info.c writes it.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "hvm_test.h"
#include "hvmloader/phys.h"
#include "hvmloader/start_info.h"

#define BASE 0x200000u
#define MEM_SIZE 0x10000u
#define SI_AT BASE
#define ML_AT (BASE + 0x100)
#define CL_AT (BASE + 0x200)
#define MM_AT (BASE + 0x1200)
#define MOD_AT (BASE + 0x2000)

static uint8_t mem[MEM_SIZE];

void *phys_ptr(uint64_t paddr, uint64_t len)
{
	if (paddr < BASE || paddr - BASE > MEM_SIZE ||
	    len > MEM_SIZE - (paddr - BASE))
		return NULL;
	return mem + (paddr - BASE);
}

static struct hvm_start_info *si(void)
{
	return phys_ptr(SI_AT, sizeof(struct hvm_start_info));
}

static struct hvm_modlist_entry *ml(void)
{
	return phys_ptr(ML_AT, 4 * sizeof(struct hvm_modlist_entry));
}

/* @n modules of 0x100 bytes; module i's command line is @cmd[i]. */
static void layout(unsigned int n, const char *const *cmd)
{
	struct hvm_memmap_table_entry *mm = phys_ptr(MM_AT, 48);
	unsigned int i;

	memset(mem, 0, sizeof(mem));
	si()->magic = XEN_HVM_START_MAGIC_VALUE;
	si()->version = 1;
	si()->nr_modules = n;
	si()->modlist_paddr = ML_AT;
	si()->memmap_paddr = MM_AT;
	si()->memmap_entries = 2;
	mm[0].addr = 0x100000;
	mm[0].size = 0x7f00000;
	mm[0].type = 1;
	for (i = 0; i < n; i++) {
		ml()[i].paddr = MOD_AT + i * 0x100;
		ml()[i].size = 0x100;
		if (!cmd[i])
			continue;
		ml()[i].cmdline_paddr = CL_AT + i * 0x400;
		snprintf(phys_ptr(CL_AT + i * 0x400, 0x400), 0x400, "%s",
			 cmd[i]);
	}
}

static void test_single_module(void)
{
	const char *const cmd[] = {"uuid=01234567-89ab-cdef-0011-223344556677"};
	struct start_info out;
	char why[96];

	layout(1, cmd);
	CHECK_EQ(0, start_info_read(SI_AT, &out, why, sizeof(why)));
	CHECK_EQ(0, out.fw_index);
	CHECK(out.fw == phys_ptr(MOD_AT, 1));
	CHECK_EQ(0x100, out.fw_size);
	CHECK(out.fw_cmdline && !strncmp(out.fw_cmdline, "uuid=", 5));
	CHECK(out.cmdline == NULL);
	CHECK_EQ(2, out.nr_memmap);
	CHECK(out.memmap && out.memmap[0].addr == 0x100000);
}

static void test_firmware_marked(void)
{
	const char *const cmd[] = {"initrd", NULL, "firmware acpi=1"};
	struct start_info out;
	char why[96];

	layout(3, cmd);
	CHECK_EQ(0, start_info_read(SI_AT, &out, why, sizeof(why)));
	CHECK_EQ(2, out.fw_index);
	CHECK(out.fw == phys_ptr(MOD_AT + 0x200, 1));
}

static void test_errors(void)
{
	const char *const cmd[] = {"a", "b"};
	struct start_info out;
	char why[96];

	layout(2, cmd);
	CHECK_EQ(-EINVAL, start_info_read(SI_AT, &out, why, sizeof(why)));
	CHECK_STR_CONTAINS(why, "firmware");
	layout(0, cmd);
	CHECK_EQ(-EINVAL, start_info_read(SI_AT, &out, why, sizeof(why)));
	layout(1, cmd);
	si()->magic = 0;
	CHECK_EQ(-EINVAL, start_info_read(SI_AT, &out, why, sizeof(why)));
	CHECK_STR_CONTAINS(why, "magic");
	layout(1, cmd);
	ml()[0].paddr = 0x100000000ULL; /* above 4 GiB */
	CHECK_EQ(-EINVAL, start_info_read(SI_AT, &out, why, sizeof(why)));
	layout(1, cmd);
	ml()[0].size = 0;
	CHECK_EQ(-EINVAL, start_info_read(SI_AT, &out, why, sizeof(why)));
	layout(1, cmd);
	si()->nr_modules = 1000;
	CHECK_EQ(-EINVAL, start_info_read(SI_AT, &out, why, sizeof(why)));
	CHECK_EQ(-EINVAL, start_info_read(0, &out, why, sizeof(why)));
}

static void test_version0(void)
{
	const char *const cmd[] = {"firmware"};
	struct start_info out;
	char why[96];

	layout(1, cmd);
	si()->version = 0;
	CHECK_EQ(0, start_info_read(SI_AT, &out, why, sizeof(why)));
	CHECK_EQ(0, out.nr_memmap);
	CHECK(out.memmap == NULL);
}

int main(void)
{
	HVM_TEST(test_single_module);
	HVM_TEST(test_firmware_marked);
	HVM_TEST(test_errors);
	HVM_TEST(test_version0);
	return hvm_test_summary();
}
