/* SPDX-License-Identifier: GPL-2.0-only */
/* Parser of hvmloader's command-line configuration (config.h). */
#include "hvmloader/config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#define FIRMWARE_WORD "firmware"

struct word {
	const char *key;
	size_t key_len;
	const char *val; /* NULL: no '=' */
	size_t val_len;
};

typedef int (*config_set_fn)(struct config *c, const struct word *w);

struct config_key {
	const char *name;
	config_set_fn set;
};

static bool is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

static int hex_digit(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

static int set_bool(bool *out, const struct word *w)
{
	if (!w->val || w->val_len != 1 ||
	    (w->val[0] != '0' && w->val[0] != '1'))
		return -EINVAL;
	*out = w->val[0] == '1';
	return 0;
}

static int set_acpi(struct config *c, const struct word *w)
{
	return set_bool(&c->acpi, w);
}

static int set_hpet(struct config *c, const struct word *w)
{
	return set_bool(&c->hpet, w);
}

/* 32 hex digits; dashes may appear between byte pairs. */
static int set_uuid(struct config *c, const struct word *w)
{
	unsigned int n = 0;
	size_t i;
	int hi, lo;

	for (i = 0; w->val && i < w->val_len; i += 2) {
		if (w->val[i] == '-' && n > 0 && ++i >= w->val_len)
			return -EINVAL;
		if (n == CONFIG_UUID_LEN || i + 1 >= w->val_len)
			return -EINVAL;
		hi = hex_digit(w->val[i]);
		lo = hex_digit(w->val[i + 1]);
		if (hi < 0 || lo < 0)
			return -EINVAL;
		c->uuid[n++] = (uint8_t)(hi << 4 | lo);
	}
	if (n != CONFIG_UUID_LEN)
		return -EINVAL;
	c->have_uuid = true;
	return 0;
}

static int set_boot(struct config *c, const struct word *w)
{
	size_t i;

	if (!w->val || w->val_len == 0 || w->val_len > CONFIG_BOOT_MAX)
		return -EINVAL;
	for (i = 0; i < w->val_len; i++) {
		if (!strchr("acdn", w->val[i]) || w->val[i] == '\0')
			return -EINVAL;
	}
	memcpy(c->boot, w->val, w->val_len);
	c->boot[w->val_len] = '\0';
	return 0;
}

static const struct config_key config_keys[] = {
	{"uuid", set_uuid},
	{"acpi", set_acpi},
	{"hpet", set_hpet},
	{"boot", set_boot},
};

void config_init(struct config *c)
{
	memset(c, 0, sizeof(*c));
	c->acpi = true;
	c->hpet = true;
}

static void note_unknown(struct config *c, const struct word *w)
{
	size_t n = w->key_len < CONFIG_KEY_MAX - 1 ? w->key_len
						   : CONFIG_KEY_MAX - 1;

	if (c->nr_unknown++ == 0) {
		memcpy(c->first_unknown, w->key, n);
		c->first_unknown[n] = '\0';
	}
}

static int apply(struct config *c, const struct word *w, char *why,
		 size_t why_len)
{
	unsigned int i;

	if (!w->val && w->key_len == strlen(FIRMWARE_WORD) &&
	    !memcmp(w->key, FIRMWARE_WORD, w->key_len))
		return 0;
	for (i = 0; i < sizeof(config_keys) / sizeof(config_keys[0]); i++) {
		const struct config_key *k = &config_keys[i];

		if (strlen(k->name) != w->key_len ||
		    memcmp(k->name, w->key, w->key_len))
			continue;
		if (!k->set(c, w))
			return 0;
		snprintf(why, why_len, "bad value for %s= (%.*s)", k->name,
			 w->val ? (int)w->val_len : 0, w->val ? w->val : "");
		return -EINVAL;
	}
	note_unknown(c, w);
	return 0;
}

/* Splits the word starting at @s[*pos]; returns false at the end. */
static bool next_word(const char *s, size_t max, size_t *pos, struct word *w)
{
	size_t i = *pos, start;

	while (i < max && s[i] && is_space(s[i]))
		i++;
	if (i >= max || !s[i])
		return false;
	start = i;
	w->val = NULL;
	w->val_len = 0;
	while (i < max && s[i] && !is_space(s[i])) {
		if (s[i] == '=' && !w->val)
			w->val = s + i + 1;
		i++;
	}
	w->key = s + start;
	w->key_len = (w->val ? (size_t)(w->val - 1 - s) : i) - start;
	if (w->val)
		w->val_len = (size_t)(s + i - w->val);
	*pos = i;
	return true;
}

int config_parse(struct config *c, const char *s, size_t max, char *why,
		 size_t why_len)
{
	struct word w;
	size_t pos = 0;
	int rc;

	while (next_word(s, max, &pos, &w)) {
		rc = apply(c, &w, why, why_len);
		if (rc)
			return rc;
	}
	return 0;
}

bool config_is_firmware(const char *s, size_t max)
{
	struct word w;
	size_t pos = 0;

	return next_word(s, max, &pos, &w) && !w.val &&
	       w.key_len == strlen(FIRMWARE_WORD) &&
	       !memcmp(w.key, FIRMWARE_WORD, w.key_len);
}

void config_boot_bytes(const char *boot, uint8_t *reg3d, uint8_t *reg38)
{
	static const char codes[] = " acdn"; /* index = SeaBIOS's code */
	uint8_t nib[CONFIG_BOOT_MAX] = {0};
	const char *p;
	unsigned int i;

	for (i = 0; i < CONFIG_BOOT_MAX && boot[i]; i++) {
		p = strchr(codes + 1, boot[i]);
		nib[i] = p ? (uint8_t)(p - codes) : 0;
	}
	*reg3d = (uint8_t)(nib[0] | nib[1] << 4);
	*reg38 = (uint8_t)(nib[2] << 4);
}
