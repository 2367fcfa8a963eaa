/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * How the domain boots and what its device model is given, as xl reads
 * it: the firmware (bios=, firmware=: SeaBIOS or a refusal that says why;
 * firmware_override= and bios_path_override= replace hvmloader's and
 * SeaBIOS's images), direct kernel boot (kernel=, ramdisk=, cmdline=,
 * root=, extra=) and device_model_args(_hvm)=, QEMU arguments appended
 * as libxl appends them.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg_keys_priv.h"
#include "cfg_value_priv.h"

/*
 * kernel=, ramdisk=, firmware_override=, bios_path_override=: a file on
 * the host, checked when the domain starts.
 */
static int key_path(struct cfg_ctx *c, const struct cfg_key *k,
		    const struct cfg_value *v)
{
	char **dst = (char **)((char *)c->cfg + k->off);
	const char *s, *base;

	if (cfg_value_string(c, v, &s))
		return -EINVAL;
	if (!s[0]) {
		cfg_value_error(c, v, "%s is empty; give the path of a file",
				k->name);
		return -EINVAL;
	}
	/* xm configs named the firmware here; xl drops it the same way. */
	base = strrchr(s, '/');
	free(*dst);
	*dst = NULL;
	if (dst == &c->cfg->kernel &&
	    !strcmp(base ? base + 1 : s, "hvmloader")) {
		cfg_value_warn(
			c, v,
			"ignored: hvmloader is the firmware hvm always runs (xm configs named it here); kernel= is for direct kernel boot");
		return 0;
	}
	return cfg_value_dup(c, v, dst);
}

/* cmdline=, root=, extra=: kernel command line text. */
static int key_text(struct cfg_ctx *c, const struct cfg_key *k,
		    const struct cfg_value *v)
{
	char **dst = (char **)((char *)c->cfg + k->off);

	free(*dst);
	*dst = NULL;
	return cfg_value_dup(c, v, dst);
}

/* Why a firmware other than SeaBIOS is refused, or NULL for SeaBIOS. */
static const char *firmware_refusal(const char *s)
{
	if (!strcmp(s, "seabios"))
		return NULL;
	if (!strcmp(s, "rombios"))
		return "rombios needs QEMU traditional, which Debian does not ship; use seabios";
	if (!strcmp(s, "ovmf") || !strcmp(s, "uefi"))
		return "UEFI (OVMF) is not supported yet; use seabios";
	return "";
}

static int key_bios(struct cfg_ctx *c, const struct cfg_key *k,
		    const struct cfg_value *v)
{
	const char *s, *why;

	(void)k;
	if (cfg_value_string(c, v, &s))
		return -EINVAL;
	why = firmware_refusal(s);
	if (why && !why[0])
		why = "unknown BIOS; use seabios (or rombios, ovmf under Xen)";
	if (why) {
		cfg_value_error(c, v, "bios=\"%.40s\" is refused: %s", s, why);
		return -EINVAL;
	}
	c->cfg->bios_named = true;
	return 0;
}

/*
 * xl's firmware=, in xl's order: a BIOS name (seabios; rombios and ovmf
 * refused), then a prefix of "uefi" (OVMF, refused; the empty string is
 * one), then a prefix of "bios" (the default), else the path of a
 * firmware that replaces hvmloader (as firmware_override=).
 */
static int key_firmware(struct cfg_ctx *c, const struct cfg_key *k,
			const struct cfg_value *v)
{
	const char *s, *why;

	if (cfg_value_string(c, v, &s))
		return -EINVAL;
	why = firmware_refusal(s);
	if (why && !why[0] && !strncmp("uefi", s, strlen(s)))
		why = firmware_refusal("uefi");
	if (why && !why[0] && !strncmp("bios", s, strlen(s)))
		return 0;
	if (!why)
		return 0;
	if (why[0]) {
		cfg_value_error(c, v, "firmware=\"%.40s\" is refused: %s", s,
				why);
		return -EINVAL;
	}
	return key_path(c, k, v);
}

/* device_model_args=, device_model_args_hvm=: lists of QEMU arguments. */
static int key_dm_args(struct cfg_ctx *c, const struct cfg_key *k,
		       const struct cfg_value *v)
{
	bool hvm = k->off == offsetof(struct domain_config, dm_args_hvm);
	char **args = hvm ? c->cfg->dm_args_hvm : c->cfg->dm_args;
	unsigned int *nr = hvm ? &c->cfg->nr_dm_args_hvm : &c->cfg->nr_dm_args;
	const struct cfg_value *items;
	unsigned int n, i;
	int rc = 0;

	if (cfg_value_items(c, v, &items, &n))
		return -EINVAL;
	if (n > DOMAIN_CONFIG_MAX_DM_ARGS) {
		cfg_value_error(c, v, "%u arguments; hvm takes at most %d", n,
				DOMAIN_CONFIG_MAX_DM_ARGS);
		return -EINVAL;
	}
	while (*nr)
		free(args[--*nr]);
	for (i = 0; i < n && !rc; i++) {
		c->index = v->kind == CFG_VAL_LIST ? (int)i : -1;
		rc = cfg_value_dup(c, &items[i], &args[i]);
		if (!rc)
			*nr = i + 1;
	}
	c->index = -1;
	return rc;
}

static const struct cfg_key keys[] = {
	CFG_KEY("bios", key_bios),
	CFG_KEY_AT("firmware", key_firmware, loader),
	CFG_KEY_AT("firmware_override", key_path, loader),
	CFG_KEY_AT("bios_path_override", key_path, bios_path),
	CFG_KEY_AT("kernel", key_path, kernel),
	CFG_KEY_AT("ramdisk", key_path, ramdisk),
	CFG_KEY_AT("cmdline", key_text, cmdline),
	CFG_KEY_AT("root", key_text, root),
	CFG_KEY_AT("extra", key_text, extra),
	CFG_KEY_AT("device_model_args", key_dm_args, dm_args),
	CFG_KEY_AT("device_model_args_hvm", key_dm_args, dm_args_hvm),
};

const struct cfg_key_table cfg_keys_boot_table = {
	keys, sizeof(keys) / sizeof(keys[0])};
