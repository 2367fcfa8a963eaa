/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Canonical xl.cfg text for a loaded config (domain_config.h): every key
 * written explicitly in a fixed order, strings double-quoted with escapes
 * for '"', '\' and control bytes, disks and vifs in key=value form with a
 * disk's target last (it may contain commas). Parsing the text gives back
 * an equal config, and xl can read it too.
 */
#include "toolstack/domain_config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "toolstack/domain_uuid.h"
#include "toolstack/vif_spec.h"

struct out {
	char *buf;
	size_t len;
	size_t cap;
	bool oom;
};

static bool reserve(struct out *o, size_t more)
{
	size_t cap = o->cap ? o->cap : 1024;
	char *buf;

	if (o->oom)
		return false;
	while (cap - o->len <= more)
		cap *= 2;
	if (cap == o->cap)
		return true;
	buf = realloc(o->buf, cap);
	if (!buf) {
		o->oom = true;
		return false;
	}
	o->buf = buf;
	o->cap = cap;
	return true;
}

static void put(struct out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !reserve(o, (size_t)n + 1))
		return;
	va_start(ap, fmt);
	vsnprintf(o->buf + o->len, o->cap - o->len, fmt, ap);
	va_end(ap);
	o->len += (size_t)n;
}

/* Writes @s as a double-quoted string the lexer reads back unchanged. */
static void put_quoted(struct out *o, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	put(o, "\"");
	for (; *p; p++) {
		if (*p == '"' || *p == '\\')
			put(o, "\\%c", *p);
		else if (*p < 0x20 || *p == 0x7f)
			put(o, "\\x%02x", *p);
		else
			put(o, "%c", *p);
	}
	put(o, "\"");
}

static void put_str(struct out *o, const char *key, const char *s)
{
	put(o, "%s = ", key);
	put_quoted(o, s);
	put(o, "\n");
}

/* Writes @spec as one quoted list item and frees it. */
static void put_item(struct out *o, struct out *spec)
{
	put(o, "\t");
	put_quoted(o, spec->oom ? "" : spec->buf);
	put(o, ",\n");
	o->oom |= spec->oom;
	free(spec->buf);
}

void domain_cpumap_format(const struct domain_cpumap *m,
			  char buf[DOMAIN_CPUMAP_STR_LEN])
{
	unsigned int i, j;
	size_t n = 0;

	buf[0] = '\0';
	for (i = 0; i < DOMAIN_CONFIG_MAX_HOST_CPUS; i = j) {
		j = i + 1;
		if (!(m->bits[i / 64] & (1ULL << (i % 64))))
			continue;
		while (j < DOMAIN_CONFIG_MAX_HOST_CPUS &&
		       (m->bits[j / 64] & (1ULL << (j % 64))))
			j++;
		n += (size_t)snprintf(buf + n, DOMAIN_CPUMAP_STR_LEN - n,
				      "%s%u", n ? "," : "", i);
		if (j - 1 > i)
			n += (size_t)snprintf(buf + n,
					      DOMAIN_CPUMAP_STR_LEN - n, "-%u",
					      j - 1);
	}
}

/* A list of strings, left out when empty. */
static void put_list(struct out *o, const char *key, char *const *items,
		     unsigned int nr)
{
	unsigned int i;

	if (!nr)
		return;
	put(o, "%s = [", key);
	for (i = 0; i < nr; i++) {
		put(o, "%s", i ? ", " : " ");
		put_quoted(o, items[i]);
	}
	put(o, " ]\n");
}

static void put_cpus(struct out *o, const struct domain_cpumap *m)
{
	char buf[DOMAIN_CPUMAP_STR_LEN];

	domain_cpumap_format(m, buf);
	put_str(o, "cpus", buf);
}

static void put_domain(struct out *o, const struct domain_config *cfg)
{
	char uuid[DOMAIN_UUID_STR_LEN + 1];

	domain_uuid_format(cfg->uuid, uuid);
	put(o, "# hvm domain config, canonical form\n");
	put_str(o, "type", "hvm");
	put_str(o, "name", cfg->name);
	put_str(o, "uuid", uuid);
	put(o, "memory = %" PRIu64 "\nmaxmem = %" PRIu64 "\n", cfg->memory_mib,
	    cfg->maxmem_mib);
	put(o, "vcpus = %u\nmaxvcpus = %u\n", cfg->vcpus, cfg->maxvcpus);
	if (cfg->cpus.set)
		put_cpus(o, &cfg->cpus);
	put_str(o, "boot", cfg->boot);
	if (cfg->kernel)
		put_str(o, "kernel", cfg->kernel);
	if (cfg->ramdisk)
		put_str(o, "ramdisk", cfg->ramdisk);
	if (cfg->cmdline)
		put_str(o, "cmdline", cfg->cmdline);
	if (cfg->loader)
		put_str(o, "firmware_override", cfg->loader);
	if (cfg->bios_named)
		put_str(o, "bios", "seabios");
	if (cfg->bios_path)
		put_str(o, "bios_path_override", cfg->bios_path);
	put_list(o, "device_model_args", cfg->dm_args, cfg->nr_dm_args);
	put_list(o, "device_model_args_hvm", cfg->dm_args_hvm,
		 cfg->nr_dm_args_hvm);
	put(o, "acpi = %d\napic = %d\npae = %d\nhpet = %d\n", cfg->acpi,
	    cfg->apic, cfg->pae, cfg->hpet);
	if (cfg->hap != DOMAIN_HAP_DEFAULT)
		put(o, "hap = %d\n", cfg->hap == DOMAIN_HAP_ON);
	if (cfg->max_grant_frames)
		put(o, "max_grant_frames = %u\n", cfg->max_grant_frames);
	put(o, "localtime = %d\nrtc_timeoffset = %" PRId64 "\n", cfg->localtime,
	    cfg->rtc_timeoffset);
	put(o, "xen_platform_pci = %d\n", cfg->xen_platform_pci);
	put_str(o, "on_poweroff", domain_config_action_name(cfg->on_poweroff));
	put_str(o, "on_reboot", domain_config_action_name(cfg->on_reboot));
	put_str(o, "on_crash", domain_config_action_name(cfg->on_crash));
}

static void put_disk(struct out *o, const struct domain_disk *d)
{
	static const char *const backends[] = {"", "phy", "qdisk", "tap"};
	struct out spec = {0};

	put(&spec, "format=%s, vdev=%s, access=%s",
	    domain_config_format_name(d->format), d->vdev,
	    d->readonly ? "ro" : "rw");
	if (d->cdrom)
		put(&spec, ", devtype=cdrom");
	if (d->backend != DOMAIN_DISK_BACKEND_DEFAULT)
		put(&spec, ", backendtype=%s", backends[d->backend]);
	if (d->script)
		put(&spec, ", script=%s", d->script);
	if (d->no_discard)
		put(&spec, ", no-discard");
	if (d->direct_io_safe)
		put(&spec, ", direct-io-safe");
	if (d->untrusted)
		put(&spec, ", untrusted");
	if (d->target)
		put(&spec, ", target=%s", d->target);
	put_item(o, &spec);
}

static void put_vif(struct out *o, const struct domain_vif *v)
{
	char mac[VIF_SPEC_MAC_STR_LEN + 1];
	struct out spec = {0};

	vif_spec_mac_format(v->mac, mac);
	put(&spec, "mac=%s, model=%s", mac, domain_config_nic_name(v->model));
	if (v->bridge)
		put(&spec, ", bridge=%s", v->bridge);
	if (v->vifname)
		put(&spec, ", vifname=%s", v->vifname);
	if (v->mtu)
		put(&spec, ", mtu=%u", v->mtu);
	if (v->ip)
		put(&spec, ", ip=%s", v->ip);
	if (v->script)
		put(&spec, ", script=%s", v->script);
	put_item(o, &spec);
}

static void put_devices(struct out *o, const struct domain_config *cfg)
{
	unsigned int i;

	put(o, "disk = [\n");
	for (i = 0; i < cfg->nr_disks; i++)
		put_disk(o, &cfg->disks[i]);
	put(o, "]\nvif = [\n");
	for (i = 0; i < cfg->nr_vifs; i++)
		put_vif(o, &cfg->vifs[i]);
	put(o, "]\n");
}

static void put_display(struct out *o, const struct domain_config *cfg)
{
	static const char *const vgas[] = {"cirrus", "stdvga", "none"};
	static const char *const usbdevs[] = {"tablet", "mouse", "keyboard"};
	const struct domain_vnc *vnc = &cfg->vnc;
	unsigned int i;

	put(o, "vnc = %d\n", vnc->enabled);
	put_str(o, "vnclisten", vnc->listen ? vnc->listen : "127.0.0.1");
	if (vnc->display_set)
		put(o, "vncdisplay = %u\n", vnc->display);
	put(o, "vncunused = %d\n", vnc->find_unused);
	if (vnc->passwd)
		put_str(o, "vncpasswd", vnc->passwd);
	if (vnc->keymap[0])
		put_str(o, "keymap", vnc->keymap);
	put_str(o, "vga", vgas[cfg->vga]);
	if (cfg->videoram_mib)
		put(o, "videoram = %u\n", cfg->videoram_mib);
	put_str(o, "serial", cfg->serial == DOMAIN_SERIAL_PTY ? "pty" : "none");
	put(o, "usb = %d\nusbdevice = [", cfg->usb);
	for (i = 0; i < cfg->nr_usbdevs; i++)
		put(o, "%s\"%s\"", i ? ", " : " ", usbdevs[cfg->usbdevs[i]]);
	put(o, " ]\n");
}

/* Refuses a config that was not loaded, or whose enums were corrupted. */
static bool is_serialisable(const struct domain_config *cfg)
{
	unsigned int i;

	for (i = 0; i < cfg->nr_disks && i < DOMAIN_CONFIG_MAX_DISKS; i++)
		if (!domain_config_format_name(cfg->disks[i].format) ||
		    (unsigned int)cfg->disks[i].backend >
			    DOMAIN_DISK_BACKEND_TAP)
			return false;
	for (i = 0; i < cfg->nr_vifs && i < DOMAIN_CONFIG_MAX_VIFS; i++)
		if (!domain_config_nic_name(cfg->vifs[i].model))
			return false;
	for (i = 0; i < cfg->nr_usbdevs && i < DOMAIN_CONFIG_MAX_USBDEVS; i++)
		if ((unsigned int)cfg->usbdevs[i] > DOMAIN_USBDEV_KEYBOARD)
			return false;
	return cfg->name && cfg->nr_disks <= DOMAIN_CONFIG_MAX_DISKS &&
	       cfg->nr_vifs <= DOMAIN_CONFIG_MAX_VIFS &&
	       cfg->nr_usbdevs <= DOMAIN_CONFIG_MAX_USBDEVS &&
	       (unsigned int)cfg->vga <= DOMAIN_VGA_NONE &&
	       domain_config_action_name(cfg->on_poweroff) &&
	       domain_config_action_name(cfg->on_reboot) &&
	       domain_config_action_name(cfg->on_crash);
}

int domain_config_serialise(const struct domain_config *cfg, char **out)
{
	struct out o = {0};

	if (!is_serialisable(cfg))
		return -EINVAL;
	put_domain(&o, cfg);
	put_devices(&o, cfg);
	put_display(&o, cfg);
	if (o.oom || !o.buf) {
		free(o.buf);
		return -ENOMEM;
	}
	*out = o.buf;
	return 0;
}
