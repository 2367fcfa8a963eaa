/* SPDX-License-Identifier: GPL-2.0-only */
/* Reading hvm_start_info and finding the firmware module (start_info.h). */
#include "hvmloader/start_info.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "hvmloader/config.h"
#include "hvmloader/phys.h"

#define NO_MODULE (~0u)

static int fail(char *why, size_t why_len, const char *msg)
{
	snprintf(why, why_len, "%s", msg);
	return -EINVAL;
}

/* A command line: at least its first byte must be readable. */
static const char *cmdline_ptr(uint64_t paddr)
{
	return phys_ptr(paddr, 1);
}

/* The module whose command line starts with "firmware", or NO_MODULE. */
static unsigned int find_firmware(const struct hvm_modlist_entry *ml,
				  unsigned int nr)
{
	const char *c;
	unsigned int i;

	for (i = 0; i < nr; i++) {
		c = cmdline_ptr(ml[i].cmdline_paddr);
		if (c && config_is_firmware(c, START_INFO_CMDLINE_MAX))
			return i;
	}
	return nr == 1 ? 0 : NO_MODULE;
}

static int read_modules(const struct hvm_start_info *si, struct start_info *out,
			char *why, size_t why_len)
{
	const struct hvm_modlist_entry *ml;
	unsigned int i;

	if (si->nr_modules == 0 || si->nr_modules > START_INFO_MAX_MODULES)
		return fail(why, why_len,
			    "no firmware module (give SeaBIOS with --module)");
	ml = phys_ptr(si->modlist_paddr, si->nr_modules * sizeof(*ml));
	if (!ml)
		return fail(why, why_len, "module list out of reach");
	i = find_firmware(ml, si->nr_modules);
	if (i == NO_MODULE)
		return fail(
			why, why_len,
			"several modules and none whose command line starts with \"firmware\"");
	out->fw = phys_ptr(ml[i].paddr, ml[i].size);
	if (!out->fw || ml[i].size == 0 || ml[i].size > UINT32_MAX)
		return fail(why, why_len, "firmware module out of reach");
	out->fw_size = (uint32_t)ml[i].size;
	out->fw_cmdline = cmdline_ptr(ml[i].cmdline_paddr);
	out->fw_index = i;
	return 0;
}

int start_info_read(uint32_t addr, struct start_info *out, char *why,
		    size_t why_len)
{
	const struct hvm_start_info *si = phys_ptr(addr, sizeof(*si));

	memset(out, 0, sizeof(*out));
	if (!si || si->magic != XEN_HVM_START_MAGIC_VALUE)
		return fail(why, why_len, "no hvm_start_info magic at EBX");
	out->cmdline = cmdline_ptr(si->cmdline_paddr);
	/* Version 0 ends before the memory map fields. */
	if (si->version >= 1 && si->memmap_entries)
		out->memmap = phys_ptr(si->memmap_paddr,
				       (uint64_t)si->memmap_entries *
					       sizeof(*out->memmap));
	if (out->memmap)
		out->nr_memmap = si->memmap_entries;
	return read_modules(si, out, why, why_len);
}
