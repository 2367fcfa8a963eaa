/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for the ELF32 loader: a well-formed image, then hostile ones
 * (truncated, wrong class or machine, program headers or segments outside
 * the file, segments wrapping past 4 GiB or outside guest memory, too many
 * segments, file size above memory size).
 */
#include "hypervisor/elf_load.h"

#include <elf.h>
#include <errno.h>
#include <string.h>

#include "hvm_test.h"

#define IMG_SIZE 4096
#define PH_OFF sizeof(Elf32_Ehdr)
#define DATA_OFF 0x200

struct img {
	uint8_t b[IMG_SIZE];
};

static Elf32_Ehdr *ehdr(struct img *im)
{
	return (Elf32_Ehdr *)im->b;
}

static Elf32_Phdr *phdr(struct img *im, unsigned int i)
{
	return (Elf32_Phdr *)(im->b + PH_OFF) + i;
}

/* One PT_LOAD: 16 file bytes at paddr 0x1000, 32 bytes in memory. */
static void make_image(struct img *im)
{
	Elf32_Ehdr *eh = ehdr(im);
	Elf32_Phdr *ph = phdr(im, 0);

	memset(im, 0, sizeof(*im));
	memcpy(eh->e_ident, ELFMAG, SELFMAG);
	eh->e_ident[EI_CLASS] = ELFCLASS32;
	eh->e_ident[EI_DATA] = ELFDATA2LSB;
	eh->e_type = ET_EXEC;
	eh->e_machine = EM_386;
	eh->e_entry = 0x1004;
	eh->e_phoff = PH_OFF;
	eh->e_phentsize = sizeof(Elf32_Phdr);
	eh->e_phnum = 1;
	ph->p_type = PT_LOAD;
	ph->p_offset = DATA_OFF;
	ph->p_paddr = 0x1000;
	ph->p_filesz = 16;
	ph->p_memsz = 32;
	memset(im->b + DATA_OFF, 0xab, 16);
}

static int parse(struct img *im, size_t len, struct elf_load_image *out)
{
	char why[256];

	return elf_load_parse(im->b, len, out, why, sizeof(why));
}

static void test_valid_image_loads(void)
{
	static uint8_t mem[0x2000];
	struct elf_load_image out;
	struct img im;
	char why[256];

	make_image(&im);
	CHECK_EQ(0, parse(&im, sizeof(im.b), &out));
	CHECK_EQ(0x1004, out.entry);
	CHECK_EQ(1, out.nr_segments);
	memset(mem, 0xff, sizeof(mem));
	CHECK_EQ(0,
		 elf_load_copy(im.b, &out, mem, sizeof(mem), why, sizeof(why)));
	CHECK_EQ(0xab, mem[0x1000]);
	CHECK_EQ(0xab, mem[0x100f]);
	CHECK_EQ(0, mem[0x1010]); /* the tail beyond the file is zeroed */
	CHECK_EQ(0, mem[0x101f]);
	CHECK_EQ(0xff, mem[0x1020]);
}

static void test_truncated_and_bad_headers(void)
{
	struct elf_load_image out;
	struct img im;

	make_image(&im);
	CHECK_EQ(-ENOEXEC, parse(&im, 10, &out));
	CHECK_EQ(-ENOEXEC, parse(&im, PH_OFF + 4, &out)); /* phdr cut */
	im.b[0] = 0;
	CHECK_EQ(-ENOEXEC, parse(&im, sizeof(im.b), &out));
	make_image(&im);
	ehdr(&im)->e_ident[EI_CLASS] = ELFCLASS64;
	CHECK_EQ(-ENOEXEC, parse(&im, sizeof(im.b), &out));
	make_image(&im);
	ehdr(&im)->e_machine = EM_X86_64;
	CHECK_EQ(-ENOEXEC, parse(&im, sizeof(im.b), &out));
	make_image(&im);
	ehdr(&im)->e_phentsize = 16;
	CHECK_EQ(-ENOEXEC, parse(&im, sizeof(im.b), &out));
	make_image(&im);
	ehdr(&im)->e_phoff = 0xfffffff0; /* would wrap a 32-bit sum */
	CHECK_EQ(-ENOEXEC, parse(&im, sizeof(im.b), &out));
	make_image(&im);
	ehdr(&im)->e_phnum = 0xffff;
	CHECK_EQ(-ENOEXEC, parse(&im, sizeof(im.b), &out));
	make_image(&im);
	phdr(&im, 0)->p_type = PT_NOTE;
	CHECK_EQ(-ENOEXEC,
		 parse(&im, sizeof(im.b), &out)); /* nothing to load */
}

static void test_hostile_segments(void)
{
	struct elf_load_image out;
	struct img im;

	make_image(&im);
	phdr(&im, 0)->p_offset = IMG_SIZE - 8; /* file bytes past the end */
	CHECK_EQ(-ENOEXEC, parse(&im, sizeof(im.b), &out));
	make_image(&im);
	phdr(&im, 0)->p_offset = 0xfffffff8; /* offset + size wraps */
	CHECK_EQ(-ENOEXEC, parse(&im, sizeof(im.b), &out));
	make_image(&im);
	phdr(&im, 0)->p_paddr = 0xfffffff0; /* paddr + memsz passes 4 GiB */
	CHECK_EQ(-ENOEXEC, parse(&im, sizeof(im.b), &out));
	make_image(&im);
	phdr(&im, 0)->p_filesz = 64; /* file size above memory size */
	CHECK_EQ(-ENOEXEC, parse(&im, sizeof(im.b), &out));
}

static void test_too_many_segments(void)
{
	struct elf_load_image out;
	unsigned int i, n = ELF_LOAD_MAX_SEGMENTS + 1;
	struct img im;

	make_image(&im);
	ehdr(&im)->e_phnum = n;
	for (i = 1; i < n; i++)
		*phdr(&im, i) = *phdr(&im, 0);
	CHECK_EQ(-ENOEXEC, parse(&im, sizeof(im.b), &out));
	ehdr(&im)->e_phnum = ELF_LOAD_MAX_SEGMENTS;
	CHECK_EQ(0, parse(&im, sizeof(im.b), &out));
	CHECK_EQ(ELF_LOAD_MAX_SEGMENTS, out.nr_segments);
}

static void test_segment_outside_guest_memory(void)
{
	static uint8_t mem[0x1010];
	struct elf_load_image out;
	struct img im;
	char why[256] = "";

	make_image(&im);
	CHECK_EQ(0, parse(&im, sizeof(im.b), &out));
	memset(mem, 0x5a, sizeof(mem));
	CHECK_EQ(-ERANGE,
		 elf_load_copy(im.b, &out, mem, sizeof(mem), why, sizeof(why)));
	CHECK_STR_CONTAINS(why, "does not fit");
	CHECK_EQ(0x5a, mem[0x1000]); /* nothing was written */
}

int main(void)
{
	HVM_TEST(test_valid_image_loads);
	HVM_TEST(test_truncated_and_bad_headers);
	HVM_TEST(test_hostile_segments);
	HVM_TEST(test_too_many_segments);
	HVM_TEST(test_segment_outside_guest_memory);
	return hvm_test_summary();
}
