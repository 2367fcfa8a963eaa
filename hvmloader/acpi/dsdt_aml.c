/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The compiled DSDT (dsdt.h). dsdt.hex is iasl's C output for dsdt.asl,
 * generated in the build directory; it defines dsdt_aml_code[].
 */
#include "hvmloader/dsdt.h"

#include "dsdt.hex"

const uint8_t *const dsdt_aml = dsdt_aml_code;
const uint32_t dsdt_aml_len = sizeof(dsdt_aml_code);
