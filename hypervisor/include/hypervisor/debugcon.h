/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The debug console at port 0xE9 (firmware.md 4.1, 4.4): hvmloader and
 * SeaBIOS print here. Bytes are collected into a line and emitted to the
 * domain log, one log line per guest line.
 */
#ifndef HYPERVISOR_DEBUGCON_H
#define HYPERVISOR_DEBUGCON_H

#include <stddef.h>

#include "hypervisor/hv_dev.h"

#define DEBUGCON_PORT 0xe9

/* Called with each complete line (NUL-terminated, printable ASCII only). */
typedef void (*debugcon_line_fn)(void *opaque, const char *line);

/* Creates the device; @emit receives lines. */
int debugcon_create(debugcon_line_fn emit, void *opaque, struct hv_dev **out)
	__attribute__((warn_unused_result));

#endif /* HYPERVISOR_DEBUGCON_H */
