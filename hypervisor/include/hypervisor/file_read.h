/* SPDX-License-Identifier: GPL-2.0-only */
/* Reading a whole image file (loader, firmware module) into memory. */
#ifndef HYPERVISOR_FILE_READ_H
#define HYPERVISOR_FILE_READ_H

#include <stddef.h>
#include <stdint.h>

/*
 * Reads @path into a malloc'ed *@buf of *@len bytes. Fails with a
 * negative errno and a reason in @why if the file cannot be read, is
 * empty, or is larger than @max bytes (-EFBIG).
 */
int file_read_all(const char *path, size_t max, uint8_t **buf, size_t *len,
		  char *why, size_t why_len)
	__attribute__((warn_unused_result));

#endif /* HYPERVISOR_FILE_READ_H */
