/* SPDX-License-Identifier: GPL-2.0-only */
/* Validation of the hvm_info_table (hvm_info.h). */
#include "hvmloader/hvm_info.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#define HVM_INFO_SIGNATURE "HVM INFO"
#define PAGES_1M 0x100u
#define PAGES_4G 0x100000u
/* RAM stops where the PCI hole starts (HVM_BELOW_4G_RAM_END). */
#define PAGES_HOLE 0xf0000u

static int fail(char *why, size_t why_len, const char *msg)
{
	snprintf(why, why_len, "%s", msg);
	return -EINVAL;
}

int hvm_info_check(const struct hvm_info_table *t, size_t avail, char *why,
		   size_t why_len)
{
	const uint8_t *b = (const uint8_t *)t;
	uint8_t sum = 0;
	uint32_t i;

	if (avail < sizeof(*t) ||
	    memcmp(t->signature, HVM_INFO_SIGNATURE, sizeof(t->signature)))
		return fail(why, why_len, "no \"HVM INFO\" signature");
	if (t->length < sizeof(*t) || t->length > avail)
		return fail(why, why_len, "bad length");
	for (i = 0; i < t->length; i++)
		sum = (uint8_t)(sum + b[i]);
	if (sum)
		return fail(why, why_len, "bad checksum");
	if (t->nr_vcpus == 0 || t->nr_vcpus > HVM_MAX_VCPUS)
		return fail(why, why_len, "vCPU count out of range");
	if (t->low_mem_pgend < PAGES_1M)
		return fail(why, why_len, "less than 1 MiB of low RAM");
	if (t->low_mem_pgend > PAGES_HOLE)
		return fail(why, why_len,
			    "low RAM reaches into the PCI hole at 0xf0000000");
	if (t->high_mem_pgend && t->high_mem_pgend <= PAGES_4G)
		return fail(why, why_len, "high RAM end below 4 GiB");
	return 0;
}
