/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hvmloader's configuration: space-separated "key=value" words from the
 * firmware module's command line (and from hvm_start_info's command line
 * if the domain builder sets one; the module's words win). The word
 * "firmware" marks the SeaBIOS module and is otherwise ignored.
 *
 *   uuid=01234567-89ab-cdef-0123-456789abcdef  SMBIOS system UUID
 *                       (32 hex digits, dashes optional); default: the
 *                       domain handle from XENVER_guest_handle
 *   acpi=0|1            build ACPI tables (default 1)
 *   hpet=0|1            describe the HPET if one answers (default 1)
 *   boot=ORDER          up to 3 of a (floppy), c (disk), d (CD-ROM),
 *                       n (network), written to CMOS 0x3D/0x38 for
 *                       SeaBIOS; default: leave what QEMU's -boot wrote
 *
 * Unknown keys are counted and reported, not fatal.
 */
#ifndef HVMLOADER_CONFIG_H
#define HVMLOADER_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CONFIG_UUID_LEN 16
#define CONFIG_BOOT_MAX 3
#define CONFIG_KEY_MAX 32

struct config {
	bool acpi;
	bool hpet;
	bool have_uuid;
	uint8_t uuid[CONFIG_UUID_LEN];
	char boot[CONFIG_BOOT_MAX + 1]; /* empty: not set */
	unsigned int nr_unknown;
	char first_unknown[CONFIG_KEY_MAX]; /* truncated key */
};

/* The defaults: ACPI and HPET on, no UUID, no boot order. */
void config_init(struct config *c);

/*
 * Applies the words of @s (NUL-terminated, at most @max bytes read) to
 * @c. Returns 0, or -EINVAL for a bad value of a known key with a message
 * in @why; words before the bad one stay applied.
 */
int config_parse(struct config *c, const char *s, size_t max, char *why,
		 size_t why_len) __attribute__((warn_unused_result));

/*
 * SeaBIOS's CMOS boot order bytes for @boot (firmware.md 3.4 step 12):
 * *@reg3d = 1st | 2nd << 4 (index 0x3D), *@reg38 = 3rd << 4 (the high
 * nibble of index 0x38), with a = 1, c = 2, d = 3, n = 4.
 */
void config_boot_bytes(const char *boot, uint8_t *reg3d, uint8_t *reg38);

/* True if @s starts with the word "firmware" (the SeaBIOS module). */
bool config_is_firmware(const char *s, size_t max);

#endif /* HVMLOADER_CONFIG_H */
