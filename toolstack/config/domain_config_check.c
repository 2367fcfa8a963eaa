/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Whole-config checks and late defaults (domain_config_priv.h): what one
 * key's handler cannot decide alone. maxmem above memory is refused
 * because it needs a balloon driver in the guest, and those are PV drivers,
 * which do not exist yet. Video RAM follows QEMU's limits: cirrus takes 8
 * or 16 MiB (default 8), stdvga 16 to 256 MiB (default 16), as xl sets
 * them for upstream QEMU.
 */
#define _GNU_SOURCE /* asprintf */
#include "domain_config_priv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg_keys_priv.h"
#include "cfg_value_priv.h"
#include "toolstack/domain_uuid.h"
#include "toolstack/vif_spec.h"

#define CIRRUS_VRAM_DEFAULT 8
#define CIRRUS_VRAM_MAX 16
#define STDVGA_VRAM_DEFAULT 16
/* Attempts at a random MAC before giving up on avoiding a clash. */
#define MAC_TRIES 8

/* Points @c at @key and returns its value, or NULL if it was not set. */
static const struct cfg_value *at(struct cfg_ctx *c, const char *key)
{
	const struct cfg_assign *a = cfg_doc_find(c->doc, key);

	c->key = key;
	c->index = -1;
	return a ? &a->value : NULL;
}

static void check_name(struct cfg_ctx *c)
{
	if (!c->cfg->name)
		cfg_value_error(
			c, at(c, "name"),
			"no name given; add name = \"...\" to the config or name=... on the command line");
}

static void check_memory(struct cfg_ctx *c)
{
	struct domain_config *cfg = c->cfg;
	unsigned long long mem = cfg->memory_mib, max = cfg->maxmem_mib;

	if (!max) {
		cfg->maxmem_mib = cfg->memory_mib;
	} else if (max > mem) {
		cfg_value_error(
			c, at(c, "maxmem"),
			"maxmem=%llu is above memory=%llu, which needs ballooning; hvm cannot balloon yet (no PV drivers), so remove maxmem or set it to %llu",
			max, mem, mem);
	} else if (max < mem) {
		cfg_value_error(
			c, at(c, "maxmem"),
			"maxmem=%llu is below memory=%llu; remove maxmem or set it to %llu",
			max, mem, mem);
	}
}

static void check_vcpus(struct cfg_ctx *c)
{
	struct domain_config *cfg = c->cfg;

	if (!cfg->maxvcpus)
		cfg->maxvcpus = cfg->vcpus;
	else if (cfg->maxvcpus < cfg->vcpus)
		cfg_value_error(
			c, at(c, "maxvcpus"),
			"maxvcpus=%u is below vcpus=%u; raise maxvcpus or lower vcpus",
			cfg->maxvcpus, cfg->vcpus);
}

static void check_videoram(struct cfg_ctx *c)
{
	struct domain_config *cfg = c->cfg;
	const struct cfg_value *v = at(c, "videoram");
	unsigned int vram = cfg->videoram_mib;

	if (cfg->vga == DOMAIN_VGA_NONE) {
		if (vram)
			cfg_value_warn(c, v, "ignored because vga is none");
		cfg->videoram_mib = 0;
	} else if (cfg->vga == DOMAIN_VGA_CIRRUS) {
		if (!vram)
			cfg->videoram_mib = CIRRUS_VRAM_DEFAULT;
		else if (vram != CIRRUS_VRAM_DEFAULT && vram != CIRRUS_VRAM_MAX)
			cfg_value_error(
				c, v,
				"cirrus takes 8 or 16 MiB of video RAM, not %u; use videoram=8 or 16, or vga=\"stdvga\"",
				vram);
	} else {
		if (!vram)
			cfg->videoram_mib = STDVGA_VRAM_DEFAULT;
		else if (vram < STDVGA_VRAM_DEFAULT)
			cfg_value_error(
				c, v,
				"stdvga needs at least %d MiB of video RAM, not %u; use videoram=%d or more",
				STDVGA_VRAM_DEFAULT, vram, STDVGA_VRAM_DEFAULT);
	}
}

static int check_display(struct cfg_ctx *c)
{
	struct domain_config *cfg = c->cfg;

	check_videoram(c);
	if (!cfg->vnc.listen) {
		cfg->vnc.listen = strdup("127.0.0.1");
		if (!cfg->vnc.listen)
			return -ENOMEM;
	}
	if (cfg->nr_usbdevs && !cfg->usb) {
		if (cfg_doc_find(c->doc, "usb"))
			cfg_value_error(
				c, at(c, "usb"),
				"usb=0 but usbdevice is set; set usb=1 or remove usbdevice");
		else
			cfg->usb = true;
	}
	if (strchr(cfg->boot, 'n') && !cfg->nr_vifs)
		cfg_value_warn(
			c, at(c, "boot"),
			"network boot (n) without any vif will fail; add a vif or drop n");
	return 0;
}

/*
 * xl's kernel command line: cmdline= wins over root= and extra= (with a
 * warning, as xl), else "root=ROOT EXTRA", else EXTRA. Text for a kernel
 * that is not given is refused: it would be dropped.
 */
static int check_kernel(struct cfg_ctx *c)
{
	struct domain_config *cfg = c->cfg;
	char *line = NULL;

	if (!cfg->kernel) {
		static const char *const keys[] = {"ramdisk", "cmdline", "root",
						   "extra"};
		unsigned int i;

		for (i = 0; i < 4; i++)
			if (cfg_doc_find(c->doc, keys[i]))
				cfg_value_error(
					c, at(c, keys[i]),
					"%s is for direct kernel boot and there is no kernel=; add kernel=\"/path/to/vmlinuz\" or remove %s",
					keys[i], keys[i]);
		return 0;
	}
	if (cfg->cmdline && (cfg->root || cfg->extra))
		cfg_value_warn(c, at(c, cfg->root ? "root" : "extra"),
			       "ignored in favour of cmdline=, as xl does");
	else if (cfg->root && asprintf(&line, "root=%s%s%s", cfg->root,
				       cfg->extra ? " " : "",
				       cfg->extra ? cfg->extra : "") < 0)
		return -ENOMEM;
	else if (!cfg->root && cfg->extra && !(line = strdup(cfg->extra)))
		return -ENOMEM;
	if (line) {
		free(cfg->cmdline);
		cfg->cmdline = line;
	}
	free(cfg->root);
	free(cfg->extra);
	cfg->root = cfg->extra = NULL;
	return 0;
}

/* Text that must fit QEMU's and hvm-domain's argument rules. */
static bool bad_text(const char *s, size_t max)
{
	if (strlen(s) >= max)
		return true;
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return true;
	return false;
}

/*
 * The firmware image rides in hvm-domain's --module PATH,CMDLINE: no
 * comma. xl only warns about bios_path_override without bios=, and uses
 * it. device_model_args and the kernel command line are checked here as
 * the device model would, so a bad one fails before anything starts.
 */
static void check_firmware(struct cfg_ctx *c)
{
	struct domain_config *cfg = c->cfg;
	unsigned int i;

	if (cfg->bios_path && strchr(cfg->bios_path, ','))
		cfg_value_error(
			c, at(c, "bios_path_override"),
			"the path has a comma, which hvm-domain's --module cannot carry; rename the file");
	else if (cfg->bios_path && !cfg->bios_named)
		cfg_value_warn(
			c, at(c, "bios_path_override"),
			"given without bios= (xl warns the same); the image is taken as SeaBIOS");
	if (cfg->cmdline && bad_text(cfg->cmdline, DOMAIN_CONFIG_CMDLINE_MAX))
		cfg_value_error(
			c, at(c, "cmdline"),
			"the kernel command line has a control character or is %d bytes or longer",
			DOMAIN_CONFIG_CMDLINE_MAX);
	for (i = 0; i < cfg->nr_dm_args; i++)
		if (bad_text(cfg->dm_args[i], DOMAIN_CONFIG_DM_ARG_MAX))
			cfg_value_error(
				c, at(c, "device_model_args"),
				"argument %u has a control character or is %d bytes or longer",
				i, DOMAIN_CONFIG_DM_ARG_MAX);
	for (i = 0; i < cfg->nr_dm_args_hvm; i++)
		if (bad_text(cfg->dm_args_hvm[i], DOMAIN_CONFIG_DM_ARG_MAX))
			cfg_value_error(
				c, at(c, "device_model_args_hvm"),
				"argument %u has a control character or is %d bytes or longer",
				i, DOMAIN_CONFIG_DM_ARG_MAX);
}

static void random_failed(struct cfg_ctx *c, const char *what, int rc)
{
	struct config_loc loc = {c->doc->main_src, 0, c->key, -1};

	config_diag_add_at(
		c->diag, CONFIG_SEV_ERROR, CONFIG_ERR_IO, &loc,
		"cannot generate a random %s: %s; give %s= explicitly", what,
		strerror(-rc), c->key);
}

static void fill_uuid(struct cfg_ctx *c)
{
	static const uint8_t nil[DOMAIN_UUID_LEN];
	struct domain_config *cfg = c->cfg;
	int rc;

	if (memcmp(cfg->uuid, nil, sizeof(nil)))
		return;
	at(c, "uuid");
	rc = domain_uuid_generate(cfg->uuid);
	if (rc)
		random_failed(c, "UUID", rc);
	cfg->uuid_generated = true;
}

static bool mac_taken(const struct domain_config *cfg, unsigned int self)
{
	unsigned int i;

	for (i = 0; i < cfg->nr_vifs; i++)
		if (i != self && !memcmp(cfg->vifs[i].mac, cfg->vifs[self].mac,
					 sizeof(cfg->vifs[i].mac)))
			return true;
	return false;
}

static void fill_macs(struct cfg_ctx *c)
{
	struct domain_config *cfg = c->cfg;
	unsigned int i, tries;
	int rc = 0;

	at(c, "vif");
	for (i = 0; i < cfg->nr_vifs; i++) {
		if (!cfg->vifs[i].mac_generated)
			continue;
		tries = 0;
		do {
			rc = vif_spec_mac_generate(cfg->vifs[i].mac);
		} while (!rc && mac_taken(cfg, i) && ++tries < MAC_TRIES);
		if (rc) {
			random_failed(c, "MAC address", rc);
			return;
		}
	}
}

/* A disk's PV-only flags do nothing without the platform device. */
static void check_disk_flags(struct cfg_ctx *c)
{
	struct domain_config *cfg = c->cfg;
	unsigned int i;

	for (i = 0; i < cfg->nr_disks && i < DOMAIN_CONFIG_MAX_DISKS; i++)
		if ((!cfg->xen_platform_pci || cfg->disks[i].cdrom) &&
		    (cfg->disks[i].no_discard || cfg->disks[i].direct_io_safe ||
		     cfg->disks[i].untrusted))
			cfg_value_warn(
				c, at(c, "disk"),
				"disk[%u]: no-discard, direct-io-safe and untrusted apply to its PV disk only; %s, so they have no effect",
				i,
				cfg->disks[i].cdrom
					? "a CD-ROM has none (it stays emulated)"
					: "with xen_platform_pci=0 there is none");
}

int domain_config_check(struct domain_config *cfg, const struct cfg_doc *doc,
			struct config_diag *diag)
{
	struct cfg_ctx c = {.cfg = cfg, .diag = diag, .doc = doc};
	unsigned int errors = diag->nr_errors;
	int rc;

	check_name(&c);
	check_memory(&c);
	check_vcpus(&c);
	rc = check_display(&c);
	if (!rc)
		rc = check_kernel(&c);
	if (rc)
		return rc;
	check_firmware(&c);
	check_disk_flags(&c);
	fill_uuid(&c);
	fill_macs(&c);
	return diag->nr_errors != errors ? -EINVAL : 0;
}
