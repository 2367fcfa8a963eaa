/* SPDX-License-Identifier: GPL-2.0-only */
/* The hypercall fuzz target's input format (hcall_fuzz.c). */
#ifndef HYPERVISOR_HCALL_FUZZ_H
#define HYPERVISOR_HCALL_FUZZ_H

#include <stddef.h>
#include <stdint.h>

/* Guest memory an input may fill, and the size of one hypercall record. */
#define HCALL_FUZZ_MEM_BYTES 8192
#define HCALL_FUZZ_RECORD 56

/* libFuzzer's entry point: runs one input; always returns 0. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif /* HYPERVISOR_HCALL_FUZZ_H */
