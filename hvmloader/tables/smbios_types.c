/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The SMBIOS 2.4 structures (smbios.h); section numbers are DSP0134's.
 * Strings identify the platform the way Xen's do ("Xen", "HVM domU"), as
 * the guest also sees Xen's CPUID signature.
 */
#include "smbios_priv.h"

#include <string.h>

#define SMBIOS_VENDOR "Xen"
#define SMBIOS_PRODUCT "HVM domU"
#define SMBIOS_RELEASE_DATE "01/01/2025"
#define SMBIOS_NO_HANDLE 0xfffeu
#define SMBIOS_NO_CACHE 0xffffu
#define SMBIOS_MEMDEV_SPAN_SHIFT 14 /* MiB: 16 GiB per device */
#define SMBIOS_MEMDEV_SPAN_MIB (1u << SMBIOS_MEMDEV_SPAN_SHIFT)
#define SMBIOS_BIOS_ROM_UNIT (64u * 1024u)
/* Handles: type << 8, plus the instance number. */
#define HANDLE(type, n) ((uint16_t)(((type) << 8) + (n)))

#define GIB_SHIFT 30
#define MIB_SHIFT 20
#define KIB_SHIFT 10

/* 7.1.1 BIOS characteristics: PCI, boot from CD, selectable boot, EDD. */
#define BIOS_CHAR ((1ULL << 7) | (1ULL << 15) | (1ULL << 16) | (1ULL << 19))
/* 7.1.2.1/7.1.2.2: ACPI, USB legacy; targeted content, virtual machine. */
#define BIOS_CHAR_EXT1 0x03u
#define BIOS_CHAR_EXT2 0x14u

struct smbios_type0 {
	struct smbios_header h;
	uint8_t vendor, version;
	uint16_t start_segment;
	uint8_t release_date, rom_size;
	uint64_t characteristics;
	uint8_t ext1, ext2, major, minor, ec_major, ec_minor;
} SMBIOS_PACKED;

struct smbios_type1 {
	struct smbios_header h;
	uint8_t manufacturer, product, version, serial;
	uint8_t uuid[SMBIOS_UUID_LEN];
	uint8_t wake_up_type, sku, family;
} SMBIOS_PACKED;

struct smbios_type3 {
	struct smbios_header h;
	uint8_t manufacturer, type, version, serial, asset;
	uint8_t boot_state, psu_state, thermal_state, security;
	uint32_t oem;
	uint8_t height, power_cords, nr_elements, element_len;
} SMBIOS_PACKED;

struct smbios_type4 {
	struct smbios_header h;
	uint8_t socket, type, family, manufacturer;
	uint32_t id[2];
	uint8_t version, voltage;
	uint16_t ext_clock, max_speed, cur_speed;
	uint8_t status, upgrade;
	uint16_t l1, l2, l3;
	uint8_t serial, asset, part;
} SMBIOS_PACKED;

struct smbios_type16 {
	struct smbios_header h;
	uint8_t location, use, ecc;
	uint32_t max_capacity_kib;
	uint16_t error_handle, nr_devices;
} SMBIOS_PACKED;

struct smbios_type17 {
	struct smbios_header h;
	uint16_t array, error_handle, total_width, data_width, size_mib;
	uint8_t form_factor, set, locator, bank, type;
	uint16_t detail, speed;
	uint8_t manufacturer, serial, asset, part;
} SMBIOS_PACKED;

struct smbios_type19 {
	struct smbios_header h;
	uint32_t start_kib, end_kib;
	uint16_t array;
	uint8_t width;
} SMBIOS_PACKED;

struct smbios_type32 {
	struct smbios_header h;
	uint8_t reserved[6];
	uint8_t status;
} SMBIOS_PACKED;

static const char *str_or(const char *s, const char *dflt)
{
	return s && s[0] ? s : dflt;
}

static void header(struct smbios_header *h, uint8_t type, uint8_t len,
		   uint16_t handle)
{
	h->type = type;
	h->length = len;
	h->handle = handle;
}

/* "01234567-89ab-cdef-0123-456789abcdef" */
static void uuid_string(const uint8_t *u, char out[37])
{
	static const char hex[] = "0123456789abcdef";
	unsigned int i, o = 0;

	for (i = 0; i < SMBIOS_UUID_LEN; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		out[o++] = hex[u[i] >> 4];
		out[o++] = hex[u[i] & 0xf];
	}
	out[o] = '\0';
}

/* RAM in MiB: low RAM (the VGA hole counted as RAM) plus high RAM. */
static uint64_t ram_mib(const struct smbios_config *cfg)
{
	uint64_t high =
		cfg->high_ram_end ? cfg->high_ram_end - (1ULL << 32) : 0;

	return ((uint64_t)cfg->low_ram_end + high) >> MIB_SHIFT;
}

static unsigned int nr_memdevs(const struct smbios_config *cfg)
{
	uint64_t mib = ram_mib(cfg);

	return (unsigned int)((mib + SMBIOS_MEMDEV_SPAN_MIB - 1) >>
			      SMBIOS_MEMDEV_SPAN_SHIFT);
}

static void put_type0(struct smbios_writer *w, const struct smbios_config *c)
{
	struct smbios_type0 t = {0};

	header(&t.h, 0, sizeof(t), HANDLE(0, 0));
	t.vendor = 1;
	t.version = 2;
	t.start_segment = (uint16_t)(c->bios_address >> 4);
	t.release_date = 3;
	t.rom_size = (uint8_t)(c->bios_size / SMBIOS_BIOS_ROM_UNIT - 1);
	t.characteristics = BIOS_CHAR;
	t.ext1 = BIOS_CHAR_EXT1;
	t.ext2 = BIOS_CHAR_EXT2;
	t.ec_major = t.ec_minor = 0xff;
	smbios_begin(w, &t, sizeof(t));
	smbios_put_string(w, SMBIOS_VENDOR);
	smbios_put_string(w, str_or(c->bios_version, "unknown"));
	smbios_put_string(w, SMBIOS_RELEASE_DATE);
	smbios_end(w);
}

static void put_type1(struct smbios_writer *w, const struct smbios_config *c)
{
	struct smbios_type1 t = {0};
	char serial[37];

	header(&t.h, 1, sizeof(t), HANDLE(1, 0));
	t.manufacturer = 1;
	t.product = 2;
	t.version = 3;
	t.serial = 4;
	memcpy(t.uuid, c->uuid, sizeof(t.uuid));
	t.wake_up_type = 0x06; /* power switch */
	uuid_string(c->uuid, serial);
	smbios_begin(w, &t, sizeof(t));
	smbios_put_string(w, SMBIOS_VENDOR);
	smbios_put_string(w, SMBIOS_PRODUCT);
	smbios_put_string(w, str_or(c->bios_version, "unknown"));
	smbios_put_string(w, serial);
	smbios_end(w);
}

static void put_type3(struct smbios_writer *w)
{
	struct smbios_type3 t = {0};

	header(&t.h, 3, sizeof(t), HANDLE(3, 0));
	t.manufacturer = 1;
	t.type = 0x01;					     /* other */
	t.boot_state = t.psu_state = t.thermal_state = 0x03; /* safe */
	t.security = 0x02;				     /* unknown */
	smbios_begin(w, &t, sizeof(t));
	smbios_put_string(w, SMBIOS_VENDOR);
	smbios_end(w);
}

static void put_type4(struct smbios_writer *w, const struct smbios_config *c,
		      unsigned int cpu)
{
	struct smbios_type4 t = {0};
	char socket[] = "CPU 000";

	header(&t.h, 4, sizeof(t), HANDLE(4, cpu));
	t.socket = 1;
	t.type = 0x03;	 /* central processor */
	t.family = 0x01; /* other */
	t.manufacturer = 2;
	t.id[0] = c->cpu_signature;
	t.id[1] = c->cpu_features;
	t.status = 0x41;  /* populated, enabled */
	t.upgrade = 0x01; /* other */
	t.l1 = t.l2 = t.l3 = SMBIOS_NO_CACHE;
	socket[4] = (char)('0' + cpu / 100);
	socket[5] = (char)('0' + cpu / 10 % 10);
	socket[6] = (char)('0' + cpu % 10);
	smbios_begin(w, &t, sizeof(t));
	smbios_put_string(w, socket);
	smbios_put_string(w, str_or(c->cpu_vendor, "unknown"));
	smbios_end(w);
}

static void put_type16(struct smbios_writer *w, const struct smbios_config *c)
{
	struct smbios_type16 t = {0};
	uint64_t kib = ram_mib(c) << (MIB_SHIFT - KIB_SHIFT);

	header(&t.h, 16, sizeof(t), HANDLE(16, 0));
	t.location = 0x01; /* other */
	t.use = 0x03;	   /* system memory */
	t.ecc = 0x03;	   /* none */
	/* 2.4 has no extended capacity: 0x80000000 means "unknown". */
	t.max_capacity_kib = kib < 0x80000000u ? (uint32_t)kib : 0x80000000u;
	t.error_handle = SMBIOS_NO_HANDLE;
	t.nr_devices = (uint16_t)nr_memdevs(c);
	smbios_begin(w, &t, sizeof(t));
	smbios_end(w);
}

static void put_type17(struct smbios_writer *w, const struct smbios_config *c,
		       unsigned int n)
{
	struct smbios_type17 t = {0};
	uint64_t left = ram_mib(c) - (uint64_t)n * SMBIOS_MEMDEV_SPAN_MIB;
	char locator[] = "DIMM 00";

	header(&t.h, 17, sizeof(t), HANDLE(17, n));
	t.array = HANDLE(16, 0);
	t.error_handle = SMBIOS_NO_HANDLE;
	t.total_width = t.data_width = 64;
	t.size_mib = (uint16_t)(left < SMBIOS_MEMDEV_SPAN_MIB
					? left
					: SMBIOS_MEMDEV_SPAN_MIB);
	t.form_factor = 0x09; /* DIMM */
	t.locator = 1;
	t.type = 0x07;	   /* RAM */
	t.detail = 0x0002; /* unknown */
	locator[5] = (char)('0' + n / 10 % 10);
	locator[6] = (char)('0' + n % 10);
	smbios_begin(w, &t, sizeof(t));
	smbios_put_string(w, locator);
	smbios_end(w);
}

/* One mapped range [@start, @end), in KiB with an inclusive end. */
static void put_type19(struct smbios_writer *w, const struct smbios_config *c,
		       unsigned int n, uint64_t start, uint64_t end)
{
	struct smbios_type19 t = {0};

	header(&t.h, 19, sizeof(t), HANDLE(19, n));
	t.start_kib = (uint32_t)(start >> KIB_SHIFT);
	t.end_kib = (uint32_t)((end >> KIB_SHIFT) - 1);
	t.array = HANDLE(16, 0);
	t.width = (uint8_t)nr_memdevs(c);
	smbios_begin(w, &t, sizeof(t));
	smbios_end(w);
}

static void put_tail(struct smbios_writer *w)
{
	struct smbios_type32 t32 = {0};
	struct smbios_header end;

	header(&t32.h, 32, sizeof(t32), HANDLE(32, 0));
	smbios_begin(w, &t32, sizeof(t32));
	smbios_end(w);
	header(&end, 127, sizeof(end), HANDLE(127, 0));
	smbios_begin(w, &end, sizeof(end));
	smbios_end(w);
}

void smbios_put_all(struct smbios_writer *w, const struct smbios_config *cfg)
{
	unsigned int i;

	put_type0(w, cfg);
	put_type1(w, cfg);
	put_type3(w);
	for (i = 0; i < cfg->nr_vcpus; i++)
		put_type4(w, cfg, i);
	put_type16(w, cfg);
	for (i = 0; i < nr_memdevs(cfg); i++)
		put_type17(w, cfg, i);
	put_type19(w, cfg, 0, 0, cfg->low_ram_end);
	if (cfg->high_ram_end)
		put_type19(w, cfg, 1, 1ULL << 32, cfg->high_ram_end);
	put_tail(w);
}
