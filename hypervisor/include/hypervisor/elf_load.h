/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Loader for the 32-bit ELF images the hypervisor starts in a guest
 * (hvmloader, test guests): checks an ELF32 i386 executable held in memory
 * and copies its PT_LOAD segments to their physical addresses in guest
 * memory. The image comes from disk and is treated as untrusted input:
 * every offset and size is checked, without overflow.
 */
#ifndef HYPERVISOR_ELF_LOAD_H
#define HYPERVISOR_ELF_LOAD_H

#include <stddef.h>
#include <stdint.h>

/* More PT_LOAD segments than any loader we start needs. */
#define ELF_LOAD_MAX_SEGMENTS 16

struct elf_load_segment {
	uint32_t paddr;
	uint32_t filesz;
	uint32_t memsz;
	uint32_t offset;
};

struct elf_load_image {
	uint32_t entry;
	unsigned int nr_segments;
	struct elf_load_segment seg[ELF_LOAD_MAX_SEGMENTS];
};

/*
 * Parses the ELF file @buf of @len bytes into @img. Returns 0, or -ENOEXEC
 * with a reason in @why (size @why_len) if it is not a well-formed ELF32
 * i386 executable with 1..ELF_LOAD_MAX_SEGMENTS loadable segments that all
 * lie inside the file and inside the 4 GiB physical space.
 */
int elf_load_parse(const void *buf, size_t len, struct elf_load_image *img,
		   char *why, size_t why_len)
	__attribute__((warn_unused_result));

/*
 * Copies the segments of @img (parsed from @buf) into guest memory @mem,
 * which covers guest-physical 0..@mem_size, and zeroes each segment's tail
 * beyond its file size. Returns 0, or -ERANGE with a reason in @why if a
 * segment does not fit in @mem. Nothing is written unless all segments fit.
 */
int elf_load_copy(const void *buf, const struct elf_load_image *img,
		  uint8_t *mem, size_t mem_size, char *why, size_t why_len)
	__attribute__((warn_unused_result));

#endif /* HYPERVISOR_ELF_LOAD_H */
