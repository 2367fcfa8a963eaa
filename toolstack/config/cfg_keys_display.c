/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Keys for what the user sees and types through: VNC (QEMU's VNC server,
 * on 127.0.0.1 unless vnclisten says otherwise), the emulated VGA card,
 * the serial port, and USB input devices. SDL and sound are not emulated
 * and are ignored with a warning.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg_keys_priv.h"
#include "cfg_value_priv.h"

/* VNC displays are TCP ports from 5900. */
#define VNC_MAX_DISPLAY (65535 - 5900)
/* VNC authentication (RFB 7.2.2) uses the first 8 bytes of the password. */
#define VNC_PASSWD_USED 8

static bool is_host_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	       (ch >= '0' && ch <= '9') || ch == '.' || ch == '-';
}

/* Splits "ADDRESS[:DISPLAY]"; returns the address length, or 0 if bad. */
static size_t split_listen(const char *s, long *display)
{
	const char *colon = strchr(s, ':');
	size_t i, n = colon ? (size_t)(colon - s) : strlen(s);
	char *end;

	*display = -1;
	if (!n || n > 253)
		return 0;
	for (i = 0; i < n; i++)
		if (!is_host_char(s[i]))
			return 0;
	if (colon) {
		if (colon[1] < '0' || colon[1] > '9')
			return 0;
		*display = strtol(colon + 1, &end, 10);
		if (*end || *display > VNC_MAX_DISPLAY)
			return 0;
	}
	return n;
}

static int key_vnclisten(struct cfg_ctx *c, const struct cfg_key *k,
			 const struct cfg_value *v)
{
	struct domain_vnc *vnc = &c->cfg->vnc;
	const char *s;
	char *addr;
	long display;
	size_t n;

	(void)k;
	if (cfg_value_string(c, v, &s))
		return -EINVAL;
	n = split_listen(s, &display);
	if (!n) {
		cfg_value_error(
			c, v,
			"bad address '%.80s'; write an IPv4 address or host name, optionally with :DISPLAY, e.g. vnclisten = \"0.0.0.0:1\"",
			s);
		return -EINVAL;
	}
	addr = strndup(s, n);
	if (!addr)
		return -ENOMEM;
	free(vnc->listen);
	vnc->listen = addr;
	if (display >= 0 && cfg_doc_find(c->doc, "vncdisplay")) {
		cfg_value_warn(c, v,
			       "display :%ld ignored because vncdisplay is set",
			       display);
	} else if (display >= 0) {
		vnc->display = (unsigned int)display;
		vnc->display_set = true;
	}
	return 0;
}

static int key_vncdisplay(struct cfg_ctx *c, const struct cfg_key *k,
			  const struct cfg_value *v)
{
	uint64_t n;

	(void)k;
	if (cfg_value_u64(c, v, 0, VNC_MAX_DISPLAY, &n))
		return -EINVAL;
	c->cfg->vnc.display = (unsigned int)n;
	c->cfg->vnc.display_set = true;
	return 0;
}

static int key_vncpasswd(struct cfg_ctx *c, const struct cfg_key *k,
			 const struct cfg_value *v)
{
	struct domain_vnc *vnc = &c->cfg->vnc;
	const char *s;

	(void)k;
	if (cfg_value_string(c, v, &s))
		return -EINVAL;
	if (!*s) {
		free(vnc->passwd);
		vnc->passwd = NULL;
		return 0;
	}
	/* Never echo the password itself. */
	if (strlen(s) > VNC_PASSWD_USED)
		cfg_value_warn(
			c, v,
			"VNC uses only the first %d characters of the password",
			VNC_PASSWD_USED);
	return cfg_value_dup(c, v, &vnc->passwd);
}

/* QEMU keymap names: "en-us", "de", "fr-ch", "pt-br", ... */
static bool is_keymap(const char *s)
{
	size_t i, n = strlen(s);

	if (n < 2 || n >= DOMAIN_CONFIG_KEYMAP_MAX || s[0] == '-' ||
	    s[n - 1] == '-')
		return false;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || s[i] == '-'))
			return false;
	return true;
}

static int key_keymap(struct cfg_ctx *c, const struct cfg_key *k,
		      const struct cfg_value *v)
{
	const char *s;

	(void)k;
	if (cfg_value_string(c, v, &s))
		return -EINVAL;
	if (!is_keymap(s)) {
		cfg_value_error(
			c, v,
			"bad keymap '%.40s'; use a QEMU keymap name such as \"en-us\" or \"de\"",
			s);
		return -EINVAL;
	}
	memcpy(c->cfg->vnc.keymap, s, strlen(s) + 1);
	return 0;
}

static int key_vga(struct cfg_ctx *c, const struct cfg_key *k,
		   const struct cfg_value *v)
{
	static const char *const names[] = {"cirrus", "stdvga", "none"};
	static const enum domain_vga kinds[] = {
		DOMAIN_VGA_CIRRUS, DOMAIN_VGA_STD, DOMAIN_VGA_NONE};
	unsigned int i;

	(void)k;
	if (cfg_value_pick(c, v, names, 3, &i))
		return -EINVAL;
	c->cfg->vga = kinds[i];
	return 0;
}

/* The older stdvga=0|1; vga= takes precedence, as in xl. */
static int key_stdvga(struct cfg_ctx *c, const struct cfg_key *k,
		      const struct cfg_value *v)
{
	bool std;

	(void)k;
	if (cfg_value_bool(c, v, &std))
		return -EINVAL;
	if (cfg_doc_find(c->doc, "vga")) {
		cfg_value_warn(c, v, "ignored because vga is set");
		return 0;
	}
	c->cfg->vga = std ? DOMAIN_VGA_STD : DOMAIN_VGA_CIRRUS;
	return 0;
}

static int key_serial(struct cfg_ctx *c, const struct cfg_key *k,
		      const struct cfg_value *v)
{
	static const char *const names[] = {"none", "pty"};
	const struct cfg_value *items;
	unsigned int nr, i;

	(void)k;
	if (cfg_value_items(c, v, &items, &nr))
		return -EINVAL;
	if (nr > 1) {
		cfg_value_error(
			c, v,
			"only one serial port is supported; give one device, e.g. serial = \"pty\"");
		return -EINVAL;
	}
	if (!nr) {
		c->cfg->serial = DOMAIN_SERIAL_NONE;
		return 0;
	}
	if (cfg_value_pick(c, &items[0], names, 2, &i))
		return -EINVAL;
	c->cfg->serial = i ? DOMAIN_SERIAL_PTY : DOMAIN_SERIAL_NONE;
	return 0;
}

static int key_usbdevice(struct cfg_ctx *c, const struct cfg_key *k,
			 const struct cfg_value *v)
{
	static const char *const names[] = {"tablet", "mouse", "keyboard"};
	struct domain_config *cfg = c->cfg;
	const struct cfg_value *items;
	unsigned int nr, i, j, kind;
	int rc = 0;

	(void)k;
	if (cfg_value_items(c, v, &items, &nr))
		return -EINVAL;
	cfg->nr_usbdevs = 0;
	for (i = 0; i < nr; i++) {
		c->index = v->kind == CFG_VAL_LIST ? (int)i : -1;
		if (cfg_value_pick(c, &items[i], names, 3, &kind)) {
			rc = -EINVAL;
			continue;
		}
		for (j = 0; j < cfg->nr_usbdevs; j++)
			if (cfg->usbdevs[j] == (enum domain_usbdev)kind)
				break;
		if (j < cfg->nr_usbdevs || j >= DOMAIN_CONFIG_MAX_USBDEVS) {
			cfg_value_error(c, &items[i], "%s given twice",
					names[kind]);
			rc = -EINVAL;
			continue;
		}
		cfg->usbdevs[cfg->nr_usbdevs++] = (enum domain_usbdev)kind;
	}
	c->index = -1;
	return rc;
}

static const struct cfg_key keys[] = {
	CFG_KEY_AT("vnc", cfg_keys_set_bool, vnc.enabled),
	CFG_KEY("vnclisten", key_vnclisten),
	CFG_KEY("vncdisplay", key_vncdisplay),
	CFG_KEY_AT("vncunused", cfg_keys_set_bool, vnc.find_unused),
	CFG_KEY("vncpasswd", key_vncpasswd),
	CFG_KEY("keymap", key_keymap),
	CFG_KEY("vga", key_vga),
	CFG_KEY("stdvga", key_stdvga),
	CFG_KEY_RANGE("videoram", cfg_keys_set_uint, videoram_mib, 1,
		      DOMAIN_CONFIG_MAX_VIDEORAM_MIB, "MiB"),
	CFG_KEY_HINT(
		"sdl", cfg_keys_warn_true,
		"sdl=1 ignored: hvm has no local display window; use vnc and hvmctl vncviewer"),
	CFG_KEY_HINT("soundhw", cfg_keys_warn,
		     "ignored: hvm emulates no sound hardware"),
	CFG_KEY("serial", key_serial),
	CFG_KEY_AT("usb", cfg_keys_set_bool, usb),
	CFG_KEY("usbdevice", key_usbdevice),
};

const struct cfg_key_table cfg_keys_display_table = {
	keys, sizeof(keys) / sizeof(keys[0])};
