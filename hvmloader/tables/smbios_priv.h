/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The SMBIOS structure writer shared by smbios.c and smbios_types.c. It
 * runs twice: once without a buffer to measure, once to write.
 */
#ifndef HVMLOADER_SMBIOS_PRIV_H
#define HVMLOADER_SMBIOS_PRIV_H

#include <stdint.h>

#include "hvmloader/smbios.h"

#define SMBIOS_PACKED __attribute__((packed))

/* 6.1.2 Structure header. */
struct smbios_header {
	uint8_t type;
	uint8_t length; /* of the formatted area */
	uint16_t handle;
} SMBIOS_PACKED;

struct smbios_writer {
	uint8_t *buf; /* NULL: measure only */
	uint32_t pos;
	uint16_t count;
	uint16_t max_size; /* largest structure, strings included */
	uint32_t start;	   /* of the structure being written */
	unsigned int nr_strings;
};

/*
 * Starts a structure with the formatted area @fmt (header included,
 * @len bytes). Its string fields must number the strings 1, 2, ... in the
 * order smbios_put_string() is called.
 */
void smbios_begin(struct smbios_writer *w, const void *fmt, uint8_t len);
void smbios_put_string(struct smbios_writer *w, const char *s);
/* Ends the structure: the string set's terminating NUL(s). */
void smbios_end(struct smbios_writer *w);

/* Writes all structures of @cfg, type 127 last. */
void smbios_put_all(struct smbios_writer *w, const struct smbios_config *cfg);

#endif /* HVMLOADER_SMBIOS_PRIV_H */
