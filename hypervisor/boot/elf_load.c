/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ELF32 loader (see elf_load.h). Follows the System V ABI's ELF layout and
 * its i386 supplement; only program headers matter, sections are ignored.
 */
#include "hypervisor/elf_load.h"

#include <elf.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* True if [off, off + len) lies inside [0, size), without overflow. */
static bool range_fits(uint64_t off, uint64_t len, uint64_t size)
{
	return len <= size && off <= size - len;
}

static int check_header(const Elf32_Ehdr *eh, size_t len, char *why,
			size_t why_len)
{
	if (memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0) {
		snprintf(why, why_len, "not an ELF file (bad magic)");
		return -ENOEXEC;
	}
	if (eh->e_ident[EI_CLASS] != ELFCLASS32 ||
	    eh->e_ident[EI_DATA] != ELFDATA2LSB) {
		snprintf(why, why_len, "not a little-endian 32-bit ELF file");
		return -ENOEXEC;
	}
	if (eh->e_type != ET_EXEC || eh->e_machine != EM_386) {
		snprintf(why, why_len,
			 "not an i386 executable (type %u, machine %u)",
			 eh->e_type, eh->e_machine);
		return -ENOEXEC;
	}
	if (eh->e_phentsize != sizeof(Elf32_Phdr) || eh->e_phnum == 0 ||
	    !range_fits(eh->e_phoff, (uint64_t)eh->e_phnum * sizeof(Elf32_Phdr),
			len)) {
		snprintf(
			why, why_len,
			"program header table is missing or lies outside the file");
		return -ENOEXEC;
	}
	return 0;
}

static int add_segment(const Elf32_Phdr *ph, size_t len,
		       struct elf_load_image *img, char *why, size_t why_len)
{
	struct elf_load_segment *seg;

	if (ph->p_filesz > ph->p_memsz ||
	    !range_fits(ph->p_offset, ph->p_filesz, len) ||
	    !range_fits(ph->p_paddr, ph->p_memsz, 1ULL << 32)) {
		snprintf(
			why, why_len,
			"segment at paddr 0x%x (file size 0x%x, memory size 0x%x, offset 0x%x) is malformed",
			ph->p_paddr, ph->p_filesz, ph->p_memsz, ph->p_offset);
		return -ENOEXEC;
	}
	if (img->nr_segments >= ELF_LOAD_MAX_SEGMENTS) {
		snprintf(why, why_len, "more than %d loadable segments",
			 ELF_LOAD_MAX_SEGMENTS);
		return -ENOEXEC;
	}
	seg = &img->seg[img->nr_segments++];
	seg->paddr = ph->p_paddr;
	seg->filesz = ph->p_filesz;
	seg->memsz = ph->p_memsz;
	seg->offset = ph->p_offset;
	return 0;
}

int elf_load_parse(const void *buf, size_t len, struct elf_load_image *img,
		   char *why, size_t why_len)
{
	const uint8_t *p = buf;
	Elf32_Ehdr eh;
	Elf32_Phdr ph;
	unsigned int i;
	int rc;

	memset(img, 0, sizeof(*img));
	if (len < sizeof(eh)) {
		snprintf(why, why_len,
			 "file too short for an ELF header (%zu bytes)", len);
		return -ENOEXEC;
	}
	memcpy(&eh, p, sizeof(eh));
	rc = check_header(&eh, len, why, why_len);
	if (rc)
		return rc;
	for (i = 0; i < eh.e_phnum; i++) {
		memcpy(&ph, p + eh.e_phoff + i * sizeof(ph), sizeof(ph));
		if (ph.p_type != PT_LOAD || ph.p_memsz == 0)
			continue;
		rc = add_segment(&ph, len, img, why, why_len);
		if (rc)
			return rc;
	}
	if (img->nr_segments == 0) {
		snprintf(why, why_len, "no loadable segments");
		return -ENOEXEC;
	}
	img->entry = eh.e_entry;
	return 0;
}

int elf_load_copy(const void *buf, const struct elf_load_image *img,
		  uint8_t *mem, size_t mem_size, char *why, size_t why_len)
{
	const struct elf_load_segment *seg;
	const uint8_t *p = buf;
	unsigned int i;

	for (i = 0; i < img->nr_segments; i++) {
		seg = &img->seg[i];
		if (!range_fits(seg->paddr, seg->memsz, mem_size)) {
			snprintf(
				why, why_len,
				"segment at 0x%x..0x%llx does not fit in guest memory of 0x%zx bytes",
				seg->paddr,
				(unsigned long long)seg->paddr + seg->memsz,
				mem_size);
			return -ERANGE;
		}
	}
	for (i = 0; i < img->nr_segments; i++) {
		seg = &img->seg[i];
		memcpy(mem + seg->paddr, p + seg->offset, seg->filesz);
		memset(mem + seg->paddr + seg->filesz, 0,
		       seg->memsz - seg->filesz);
	}
	return 0;
}
