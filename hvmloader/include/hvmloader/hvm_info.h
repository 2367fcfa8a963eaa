/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The hvm_info_table the domain builder writes at 0x9F800 (firmware.md
 * 1.3; <xen/hvm/hvm_info_table.h>): vCPU count and online map, APIC mode,
 * and the RAM layout.
 */
#ifndef HVMLOADER_HVM_INFO_H
#define HVMLOADER_HVM_INFO_H

#include <stddef.h>
#include <stdint.h>
/* Xen's public headers expect the fixed-width types to be declared. */
#include <xen/hvm/hvm_info_table.h>

/* Bytes from HVM_INFO_PADDR to the end of its page. */
#define HVM_INFO_MAX_LEN 0x800u

/*
 * Checks the table at @t (@avail readable bytes): signature, length at
 * least the struct's and within @avail, byte sum 0, 1..HVM_MAX_VCPUS
 * vCPUs, low RAM from 1 MiB up to at most the PCI hole at 0xF0000000 (no
 * RAM is relocated), high RAM above 4 GiB.
 * Returns 0 or -EINVAL with the reason in @why.
 */
int hvm_info_check(const struct hvm_info_table *t, size_t avail, char *why,
		   size_t why_len) __attribute__((warn_unused_result));

#endif /* HVMLOADER_HVM_INFO_H */
