/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Defaults of struct dm_config and its "KEY=VALUE" form (dm_config_set()),
 * which hvm-dm-launch's command line uses. This file only parses: ranges
 * and combinations are checked by dm_build_argv().
 */
#include "dm_launch_priv.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "hypervisor/parse_num.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Where a parse error goes. */
struct kerr {
	const char *key;
	char *buf;
	size_t len;
};

enum key_kind {
	KEY_STR,  /* a char array field */
	KEY_UINT, /* an unsigned int field */
	KEY_BOOL, /* a bool field */
	KEY_FN,	  /* parsed by @fn */
};

struct key_desc {
	const char *key;
	enum key_kind kind;
	size_t off;  /* the field's offset (KEY_STR, KEY_UINT, KEY_BOOL) */
	size_t size; /* the field's size */
	int (*fn)(struct dm_config *c, const char *v, struct kerr *e);
};

#define FIELD(kind, f)                                                         \
	kind, offsetof(struct dm_config, f),                                   \
		sizeof(((struct dm_config *)NULL)->f), NULL

_Static_assert(sizeof(uint32_t) == sizeof(unsigned int), "domid is a uint");

static const char *const disk_vdevs[] = {"hda", "hdb", "hdc", "hdd"};
static const char *const disk_formats[] = {"raw", "qcow2"};
static const char *const nic_models[] = {"ne2k_pci", "rtl8139", "e1000"};
static const char *const vga_types[] = {"std", "cirrus", "none"};
static const char *const bool_off[] = {"off", "no", "0", "false"};
static const char *const bool_on[] = {"on", "yes", "1", "true"};

void dm_config_init(struct dm_config *c)
{
	memset(c, 0, sizeof(*c));
	snprintf(c->qemu_path, sizeof(c->qemu_path), "%s", DM_QEMU_DEFAULT);
	c->memory_mib = 1024;
	c->vcpus = 1;
	snprintf(c->boot, sizeof(c->boot), "%s", DM_BOOT_DEFAULT);
	c->vga = DM_VGA_STD;
	c->vnc = true;
	snprintf(c->vnc_listen, sizeof(c->vnc_listen), "%s",
		 DM_VNC_LISTEN_DEFAULT);
	c->vnc_find_unused = true;
	c->serial_pty = true;
	c->platform_pci = true;
	c->acpi = true;
	c->hpet = true;
}

static int kfail(struct kerr *e, int rc, const char *why, const char *v)
{
	if (e->buf && e->len)
		snprintf(e->buf, e->len, "%s=%s: %s", e->key, v, why);
	return rc;
}

/* Index of @v in @names, or -1. */
static int lookup(const char *const *names, size_t n, const char *v)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(names[i], v))
			return (int)i;
	return -1;
}

static int copy_field(char *dst, size_t size, const char *v, struct kerr *e)
{
	if (strlen(v) >= size)
		return kfail(e, -ENAMETOOLONG, "value too long; shorten it", v);
	snprintf(dst, size, "%s", v);
	return 0;
}

static int set_uint(unsigned int *dst, const char *v, struct kerr *e)
{
	uint64_t n;

	if (parse_num_u64(v, 10, UINT_MAX, &n))
		return kfail(e, -EINVAL, "not a decimal number", v);
	*dst = (unsigned int)n;
	return 0;
}

static int set_bool(bool *dst, const char *v, struct kerr *e)
{
	if (lookup(bool_on, ARRAY_LEN(bool_on), v) >= 0)
		*dst = true;
	else if (lookup(bool_off, ARRAY_LEN(bool_off), v) >= 0)
		*dst = false;
	else
		return kfail(e, -EINVAL, "use on or off", v);
	return 0;
}

static int set_vga(struct dm_config *c, const char *v, struct kerr *e)
{
	int i = lookup(vga_types, ARRAY_LEN(vga_types), v);

	if (i < 0)
		return kfail(e, -EINVAL, "use std, cirrus or none", v);
	c->vga = (enum dm_vga)i;
	return 0;
}

/* A QEMU keymap name: letters, digits and '-' ("en-us", "fr-ch"). */
static int set_keymap(struct dm_config *c, const char *v, struct kerr *e)
{
	size_t i, n = strlen(v);

	if (n == 0 || n >= sizeof(c->keymap))
		return kfail(e, -EINVAL, "use a QEMU keymap name", v);
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)v[i]) && v[i] != '-')
			return kfail(e, -EINVAL, "use a QEMU keymap name", v);
	memcpy(c->keymap, v, n + 1);
	return 0;
}

static int set_usbdevice(struct dm_config *c, const char *v, struct kerr *e)
{
	static const char *const names[] = {"tablet", "mouse", "keyboard"};
	int i = lookup(names, ARRAY_LEN(names), v);

	if (i < 0)
		return kfail(e, -EINVAL, "use tablet, mouse or keyboard", v);
	c->usbdevs |= 1u << i;
	c->usb = true;
	return 0;
}

static int set_serial(struct dm_config *c, const char *v, struct kerr *e)
{
	if (strcmp(v, "pty") && strcmp(v, "none"))
		return kfail(e, -EINVAL, "use pty or none", v);
	c->serial_pty = !strcmp(v, "pty");
	return 0;
}

/* Cuts the next comma-separated field off *@rest into @buf. */
static int next_field(const char **rest, char *buf, size_t size)
{
	const char *comma = strchr(*rest, ',');
	size_t n = comma ? (size_t)(comma - *rest) : strlen(*rest);

	if (!comma || n >= size)
		return -EINVAL;
	memcpy(buf, *rest, n);
	buf[n] = '\0';
	*rest = comma + 1;
	return 0;
}

/* VDEV,FORMAT,MEDIA,ACCESS,PATH; the path is the rest, commas and all. */
static int set_disk(struct dm_config *c, const char *v, struct kerr *e)
{
	char f[4][8];
	const char *rest = v;
	struct dm_disk d = {0};
	int vdev, fmt, i;

	if (c->nr_disks >= DM_MAX_DISKS)
		return kfail(e, -E2BIG, "too many disks; at most 4 (hda..hdd)",
			     v);
	for (i = 0; i < 4; i++)
		if (next_field(&rest, f[i], sizeof(f[i])))
			return kfail(
				e, -EINVAL,
				"use VDEV,FORMAT,MEDIA,ACCESS,PATH, e.g. hda,raw,disk,rw,/img",
				v);
	vdev = lookup(disk_vdevs, ARRAY_LEN(disk_vdevs), f[0]);
	fmt = lookup(disk_formats, ARRAY_LEN(disk_formats), f[1]);
	if (vdev < 0 || fmt < 0 ||
	    (strcmp(f[2], "disk") && strcmp(f[2], "cdrom")) ||
	    (strcmp(f[3], "rw") && strcmp(f[3], "ro")))
		return kfail(
			e, -EINVAL,
			"VDEV is hda..hdd, FORMAT raw or qcow2, MEDIA disk or cdrom, ACCESS rw or ro",
			v);
	if (copy_field(d.path, sizeof(d.path), rest, e))
		return -ENAMETOOLONG;
	d.index = (unsigned int)vdev;
	d.format = (enum dm_disk_format)fmt;
	d.cdrom = !strcmp(f[2], "cdrom");
	d.readonly = !strcmp(f[3], "ro");
	c->disks[c->nr_disks++] = d;
	return 0;
}

static int copy_item(char *dst, size_t size, const char *v)
{
	if (strlen(v) >= size)
		return -EINVAL;
	memcpy(dst, v, strlen(v) + 1);
	return 0;
}

/* One "key=value" of a nic= list into @nic. */
static int set_nic_item(struct dm_nic *nic, const char *item, size_t n,
			bool *have_model)
{
	const char *eq = memchr(item, '=', n);
	size_t klen = eq ? (size_t)(eq - item) : n,
	       vlen = eq ? n - klen - 1 : 0;
	char val[DM_IFNAME_MAX + 2];
	int m;

	if (!eq || vlen >= sizeof(val))
		return -EINVAL;
	memcpy(val, eq + 1, vlen);
	val[vlen] = '\0';
	if (klen == 5 && !strncmp(item, "model", 5)) {
		m = lookup(nic_models, ARRAY_LEN(nic_models), val);
		if (m < 0)
			return -EINVAL;
		nic->model = (enum dm_nic_model)m;
		*have_model = true;
		return 0;
	}
	if (klen == 3 && !strncmp(item, "mac", 3))
		return copy_item(nic->mac, sizeof(nic->mac), val);
	if (klen == 6 && !strncmp(item, "ifname", 6))
		return copy_item(nic->ifname, sizeof(nic->ifname), val);
	if (klen == 6 && !strncmp(item, "bridge", 6))
		return copy_item(nic->bridge, sizeof(nic->bridge), val);
	return -EINVAL;
}

static int set_nic(struct dm_config *c, const char *v, struct kerr *e)
{
	struct dm_nic nic = {0};
	bool have_model = false;
	const char *p = v, *comma;
	size_t n;

	if (c->nr_nics >= DM_MAX_NICS)
		return kfail(e, -E2BIG, "too many NICs; at most 8", v);
	while (*p) {
		comma = strchr(p, ',');
		n = comma ? (size_t)(comma - p) : strlen(p);
		if (set_nic_item(&nic, p, n, &have_model))
			return kfail(
				e, -EINVAL,
				"use model=ne2k_pci|rtl8139|e1000,mac=MAC[,ifname=IF][,bridge=BR]",
				v);
		p += n + (comma ? 1 : 0);
	}
	if (!have_model || !nic.mac[0])
		return kfail(e, -EINVAL, "model= and mac= are required", v);
	c->nics[c->nr_nics++] = nic;
	return 0;
}

/* One more QEMU argument for @list (@nr so far), kept in order. */
static int add_arg(char (*list)[DM_EXTRA_ARG_MAX], unsigned int *nr,
		   const char *v, struct kerr *e)
{
	if (*nr >= DM_MAX_EXTRA_ARGS)
		return kfail(e, -EINVAL, "too many QEMU arguments (at most 32)",
			     v);
	if (strlen(v) >= DM_EXTRA_ARG_MAX)
		return kfail(e, -EINVAL, "QEMU argument too long", v);
	memcpy(list[(*nr)++], v, strlen(v) + 1);
	return 0;
}

/* dm-arg=ARG and dm-arg-hvm=ARG, repeatable. */
static int add_extra_arg(struct dm_config *c, const char *v, struct kerr *e)
{
	return add_arg(c->extra_args, &c->nr_extra_args, v, e);
}

static int add_extra_arg_hvm(struct dm_config *c, const char *v, struct kerr *e)
{
	return add_arg(c->extra_args_hvm, &c->nr_extra_args_hvm, v, e);
}

static const struct key_desc keys[] = {
	{"qemu", FIELD(KEY_STR, qemu_path)},
	{"domid", FIELD(KEY_UINT, domid)},
	{"name", FIELD(KEY_STR, name)},
	{"memory", FIELD(KEY_UINT, memory_mib)},
	{"vcpus", FIELD(KEY_UINT, vcpus)},
	{"maxvcpus", FIELD(KEY_UINT, maxvcpus)},
	{"boot", FIELD(KEY_STR, boot)},
	{"vga", KEY_FN, 0, 0, set_vga},
	{"videoram", FIELD(KEY_UINT, videoram_mib)},
	{"vnc", FIELD(KEY_BOOL, vnc)},
	{"vnc-listen", FIELD(KEY_STR, vnc_listen)},
	{"vnc-display", FIELD(KEY_UINT, vnc_display)},
	{"vnc-unused", FIELD(KEY_BOOL, vnc_find_unused)},
	{"serial", KEY_FN, 0, 0, set_serial},
	{"serial-log", FIELD(KEY_STR, serial_log)},
	{"qmp", FIELD(KEY_STR, qmp_path)},
	{"qmp-stat", FIELD(KEY_STR, qmp_stat_path)},
	{"platform-pci", FIELD(KEY_BOOL, platform_pci)},
	{"acpi", FIELD(KEY_BOOL, acpi)},
	{"hpet", FIELD(KEY_BOOL, hpet)},
	{"keymap", KEY_FN, 0, 0, set_keymap},
	{"usb", FIELD(KEY_BOOL, usb)},
	{"usbdevice", KEY_FN, 0, 0, set_usbdevice},
	{"kernel", FIELD(KEY_STR, kernel)},
	{"ramdisk", FIELD(KEY_STR, ramdisk)},
	{"cmdline", FIELD(KEY_STR, cmdline)},
	{"dm-arg", KEY_FN, 0, 0, add_extra_arg},
	{"dm-arg-hvm", KEY_FN, 0, 0, add_extra_arg_hvm},
	{"disk", KEY_FN, 0, 0, set_disk},
	{"nic", KEY_FN, 0, 0, set_nic},
};

static int set_key(struct dm_config *c, const struct key_desc *k, const char *v,
		   struct kerr *e)
{
	char *field = (char *)c + k->off;

	switch (k->kind) {
	case KEY_STR:
		return copy_field(field, k->size, v, e);
	case KEY_UINT:
		return set_uint((unsigned int *)(void *)field, v, e);
	case KEY_BOOL:
		return set_bool((bool *)(void *)field, v, e);
	case KEY_FN:
		return k->fn(c, v, e);
	default:
		return kfail(e, -EINVAL, "internal error: bad key kind", v);
	}
}

int dm_config_set(struct dm_config *c, const char *kv, char *err, size_t errlen)
{
	const char *eq = strchr(kv, '=');
	char key[16];
	struct kerr e = {key, err, errlen};
	size_t i, n = eq ? (size_t)(eq - kv) : 0;

	if (err && errlen)
		err[0] = '\0';
	if (!eq || n == 0 || n >= sizeof(key))
		return dm_fail(
			err, errlen,
			"\"%.40s\" is not KEY=VALUE; see --help for the keys",
			kv);
	memcpy(key, kv, n);
	key[n] = '\0';
	for (i = 0; i < ARRAY_LEN(keys); i++)
		if (!strcmp(keys[i].key, key))
			return set_key(c, &keys[i], eq + 1, &e);
	return dm_fail(err, errlen,
		       "unknown key \"%s\"; see --help for the keys", key);
}
