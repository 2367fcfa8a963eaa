/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * SMBIOS entry point and structure writer (smbios.h, DSP0134 5.2.1 and
 * 6.1). The structures themselves are in smbios_types.c.
 */
#include "smbios_priv.h"

#include <errno.h>
#include <string.h>

#define SMBIOS_MAJOR 2
#define SMBIOS_MINOR 4
#define SMBIOS_BCD_REVISION 0x24
#define SMBIOS_MAX_VCPUS 128
#define SMBIOS_MAX_TABLE 0xffffu

/* 5.2.1 SMBIOS 2.1 (32-bit) entry point structure. */
struct smbios_ep {
	char anchor[4];
	uint8_t checksum;
	uint8_t length;
	uint8_t major;
	uint8_t minor;
	uint16_t max_struct_size;
	uint8_t revision;
	uint8_t formatted[5];
	char dmi_anchor[5];
	uint8_t dmi_checksum;
	uint16_t table_length;
	uint32_t table_address;
	uint16_t nr_structs;
	uint8_t bcd_revision;
} SMBIOS_PACKED;

_Static_assert(sizeof(struct smbios_ep) == 0x1f, "SMBIOS 2.1 entry point");

#define SMBIOS_DMI_OFFSET 0x10

static void put_bytes(struct smbios_writer *w, const void *p, uint32_t len)
{
	if (w->buf)
		memcpy(w->buf + w->pos, p, len);
	w->pos += len;
}

void smbios_begin(struct smbios_writer *w, const void *fmt, uint8_t len)
{
	w->start = w->pos;
	w->nr_strings = 0;
	put_bytes(w, fmt, len);
}

void smbios_put_string(struct smbios_writer *w, const char *s)
{
	put_bytes(w, s, (uint32_t)strlen(s) + 1);
	w->nr_strings++;
}

void smbios_end(struct smbios_writer *w)
{
	static const uint8_t nul[2];

	/* A string set ends with an extra NUL; no strings: two NULs. */
	put_bytes(w, nul, w->nr_strings ? 1 : 2);
	if (w->pos - w->start > w->max_size)
		w->max_size = (uint16_t)(w->pos - w->start);
	w->count++;
}

static uint8_t checksum(const void *p, uint32_t len)
{
	const uint8_t *b = p;
	uint8_t sum = 0;

	while (len--)
		sum = (uint8_t)(sum + *b++);
	return (uint8_t)-sum;
}

static void fill_ep(struct smbios_ep *ep, const struct smbios_writer *w,
		    uint32_t table)
{
	memcpy(ep->anchor, "_SM_", sizeof(ep->anchor));
	ep->length = sizeof(*ep);
	ep->major = SMBIOS_MAJOR;
	ep->minor = SMBIOS_MINOR;
	ep->max_struct_size = w->max_size;
	memcpy(ep->dmi_anchor, "_DMI_", sizeof(ep->dmi_anchor));
	ep->table_length = (uint16_t)w->pos;
	ep->table_address = table;
	ep->nr_structs = w->count;
	ep->bcd_revision = SMBIOS_BCD_REVISION;
	ep->dmi_checksum = checksum((uint8_t *)ep + SMBIOS_DMI_OFFSET,
				    sizeof(*ep) - SMBIOS_DMI_OFFSET);
	ep->checksum = checksum(ep, sizeof(*ep));
}

int smbios_build(const struct smbios_config *cfg, struct arena *table,
		 struct arena *low, uint32_t *ep_gpa)
{
	struct smbios_writer w = {0};
	struct smbios_ep *ep;
	uint32_t gpa;
	uint8_t *buf;

	if (cfg->nr_vcpus == 0 || cfg->nr_vcpus > SMBIOS_MAX_VCPUS)
		return -EINVAL;
	smbios_put_all(&w, cfg);
	if (w.pos > SMBIOS_MAX_TABLE)
		return -EINVAL;
	buf = arena_alloc(table, w.pos, 16, &gpa);
	ep = buf ? arena_alloc(low, sizeof(*ep), 16, ep_gpa) : NULL;
	if (!ep)
		return -ENOSPC;
	memset(&w, 0, sizeof(w));
	w.buf = buf;
	smbios_put_all(&w, cfg);
	fill_ep(ep, &w, gpa);
	return 0;
}
