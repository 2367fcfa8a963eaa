/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Disk specifications (disk_spec.h), per xl-disk-configuration(5): a
 * comma-separated mix of key=value pairs, flags and positional parameters
 * filling target, format, vdev and access in that order; an empty
 * positional takes its default. "target=" swallows the rest of the string,
 * commas included. Deprecated forms: prefixes on a positional target
 * ("raw:", "qcow2:", "file:", "phy:", "aio:", "tap:aio:", "tap:qcow2:"),
 * a ":cdrom" suffix on the vdev, and, as in xm, "target,vdev,access" with
 * no format (a vdev name in the format position moves on to vdev).
 *
 * The flags discard, no-discard, direct-io-safe, trusted and untrusted
 * are kept for the PV disk's xenstore nodes; specification=xen is the only
 * one there is. Refused:
 * backend= (driver domains), specification=virtio, colo, and prefixes
 * that name block scripts (iscsi:, nbd:, ...).
 */
#include "toolstack/disk_spec.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum access {
	ACCESS_DEFAULT,
	ACCESS_RO,
	ACCESS_RW,
};

struct parse {
	struct domain_disk *d;
	char *err;
	size_t err_size;
	bool have_target, have_format, have_vdev, have_access, have_devtype;
	bool have_backend;
	enum access access;
};

typedef int param_fn(struct parse *p, const char *val);

static __attribute__((format(printf, 2, 3))) int fail(struct parse *p,
						      const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(p->err, p->err_size, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

/* Marks parameter @what given, refusing a second time. */
static int once(struct parse *p, bool *have, const char *what)
{
	if (*have)
		return fail(p, "%s given twice; give each parameter once",
			    what);
	*have = true;
	return 0;
}

static int format_index(const char *s)
{
	const char *name;
	int i;

	for (i = 0; (name = domain_config_format_name(i)) != NULL; i++)
		if (!strcmp(s, name))
			return i;
	return -1;
}

static int set_format(struct parse *p, const char *val)
{
	int f;

	if (once(p, &p->have_format, "format"))
		return -EINVAL;
	if (!*val)
		return 0;
	f = format_index(val);
	if (f < 0)
		return fail(
			p,
			"unknown format '%.64s'; use raw or qcow2 (also qcow, vhd, qed)",
			val);
	p->d->format = (enum domain_disk_format)f;
	return 0;
}

static int set_devtype(struct parse *p, const char *val)
{
	bool cdrom = !strcmp(val, "cdrom");

	if (*val && !cdrom && strcmp(val, "disk"))
		return fail(p, "unknown devtype '%.64s'; use cdrom or disk",
			    val);
	/* "cdrom" twice (flag and vdev suffix, say) is harmless. */
	if (p->have_devtype && cdrom != p->d->cdrom)
		return fail(p, "devtype given twice, as cdrom and as disk");
	p->have_devtype = true;
	p->d->cdrom = cdrom;
	return 0;
}

int disk_spec_ide_index(const char *vdev, char *err, size_t err_size)
{
	size_t n = strlen(vdev);

	if (!strncmp(vdev, "hd", 2) && n == 3 && vdev[2] >= 'a' &&
	    vdev[2] <= 'd')
		return vdev[2] - 'a';
	if (!strncmp(vdev, "xvd", 3) && n == 4 && vdev[3] >= 'a' &&
	    vdev[3] <= 'd')
		return vdev[3] - 'a';
	if (!strncmp(vdev, "hd", 2) && n == 3 && vdev[2] > 'd' &&
	    vdev[2] <= 'z')
		snprintf(
			err, err_size,
			"%s does not exist: the emulated IDE controller has hda-hdd only",
			vdev);
	else if (!strncmp(vdev, "xvd", 3))
		snprintf(
			err, err_size,
			"%.20s has no emulated IDE equivalent: only xvda-xvdd (aliases of hda-hdd) work; PV-only disks are not offered yet",
			vdev);
	else if (!strncmp(vdev, "sd", 2))
		snprintf(err, err_size,
			 "SCSI disks (%.20s) are not emulated; use hda-hdd",
			 vdev);
	else
		snprintf(err, err_size,
			 "unknown vdev '%.20s'; use hda, hdb, hdc or hdd",
			 vdev);
	return -EINVAL;
}

int disk_spec_devid(const char *vdev)
{
	char err[8];
	int idx = disk_spec_ide_index(vdev, err, sizeof(err));

	if (idx < 0)
		return idx;
	if (vdev[0] == 'x')
		return (202 << 8) | (idx << 4);
	/* hda/hdb on the first IDE major, hdc/hdd on the second. */
	return ((idx < 2 ? 3 : 22) << 8) | ((idx & 1) << 6);
}

static int set_vdev(struct parse *p, const char *val)
{
	const char *colon;
	size_t n;
	int idx;

	if (once(p, &p->have_vdev, "vdev"))
		return -EINVAL;
	if (!strncmp(val, "ioemu:", 6))
		val += 6;
	colon = strchr(val, ':');
	n = colon ? (size_t)(colon - val) : strlen(val);
	if (n >= DOMAIN_CONFIG_VDEV_MAX)
		return fail(p,
			    "unknown vdev '%.20s...'; use hda, hdb, hdc or hdd",
			    val);
	memcpy(p->d->vdev, val, n);
	p->d->vdev[n] = '\0';
	if (colon && set_devtype(p, colon + 1))
		return -EINVAL;
	if (!n)
		return 0;
	idx = disk_spec_ide_index(p->d->vdev, p->err, p->err_size);
	if (idx < 0)
		return -EINVAL;
	p->d->ide_index = (unsigned int)idx;
	return 0;
}

static int set_access(struct parse *p, const char *val)
{
	if (once(p, &p->have_access, "access"))
		return -EINVAL;
	if (!*val)
		p->access = ACCESS_DEFAULT;
	else if (!strcmp(val, "r") || !strcmp(val, "ro"))
		p->access = ACCESS_RO;
	else if (!strcmp(val, "w") || !strcmp(val, "rw"))
		p->access = ACCESS_RW;
	else if (!strcmp(val, "w!"))
		return fail(
			p,
			"access w! (writable by several guests) is not supported; use rw");
	else
		return fail(p, "unknown access '%.20s'; use ro or rw", val);
	return 0;
}

static int set_backend(struct parse *p, const char *val)
{
	static const char *const names[] = {"", "phy", "qdisk", "tap"};
	unsigned int i;

	if (once(p, &p->have_backend, "backendtype"))
		return -EINVAL;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!strcmp(val, names[i])) {
			p->d->backend = (enum domain_disk_backend)i;
			return 0;
		}
	}
	return fail(p, "unknown backendtype '%.20s'; use phy, qdisk or tap",
		    val);
}

static int set_script(struct parse *p, const char *val)
{
	if (p->d->script)
		return fail(p, "script given twice; give each parameter once");
	if (!*val)
		return 0;
	p->d->script = strdup(val);
	return p->d->script ? 0 : -ENOMEM;
}

static int set_specification(struct parse *p, const char *val)
{
	if (!*val || !strcmp(val, "xen"))
		return 0;
	return fail(p, "specification=%.20s is not supported; remove it", val);
}

static int refuse_backend(struct parse *p, const char *val)
{
	(void)val;
	return fail(p,
		    "backend= (a driver domain) is not supported; remove it");
}

static const struct {
	const char *name;
	int format; /* -1: keeps the format */
	enum domain_disk_backend backend;
} prefixes[] = {
	{"raw", DOMAIN_DISK_FORMAT_RAW, DOMAIN_DISK_BACKEND_DEFAULT},
	{"qcow2", DOMAIN_DISK_FORMAT_QCOW2, DOMAIN_DISK_BACKEND_DEFAULT},
	{"qcow", DOMAIN_DISK_FORMAT_QCOW, DOMAIN_DISK_BACKEND_DEFAULT},
	{"vhd", DOMAIN_DISK_FORMAT_VHD, DOMAIN_DISK_BACKEND_DEFAULT},
	{"qed", DOMAIN_DISK_FORMAT_QED, DOMAIN_DISK_BACKEND_DEFAULT},
	{"aio", DOMAIN_DISK_FORMAT_RAW, DOMAIN_DISK_BACKEND_DEFAULT},
	{"file", DOMAIN_DISK_FORMAT_RAW, DOMAIN_DISK_BACKEND_DEFAULT},
	{"phy", DOMAIN_DISK_FORMAT_RAW, DOMAIN_DISK_BACKEND_PHY},
	{"tap", -1, DOMAIN_DISK_BACKEND_TAP},
	{"tap2", -1, DOMAIN_DISK_BACKEND_TAP},
	{"tapdisk", -1, DOMAIN_DISK_BACKEND_TAP},
	{"ioemu", -1, DOMAIN_DISK_BACKEND_QDISK},
};

/* Length of a "word:" prefix at @s (lower-case letters and digits), or 0. */
static size_t prefix_len(const char *s)
{
	size_t n = 0;

	while ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= '0' && s[n] <= '9'))
		n++;
	return (n && n <= 16 && s[n] == ':') ? n : 0;
}

/* Applies one deprecated prefix of length @n at @s. */
static int apply_prefix(struct parse *p, const char *s, size_t n)
{
	unsigned int i;

	for (i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
		if (strlen(prefixes[i].name) != n ||
		    strncmp(s, prefixes[i].name, n))
			continue;
		if (prefixes[i].backend != DOMAIN_DISK_BACKEND_DEFAULT)
			p->d->backend = prefixes[i].backend;
		if (prefixes[i].format >= 0)
			return set_format(p, domain_config_format_name(
						     prefixes[i].format));
		return 0;
	}
	return fail(
		p,
		"unknown target prefix '%.*s:'; hvm runs no block scripts, so give a file or device path (use target=PATH last for a path containing ':')",
		(int)n, s);
}

static int set_target(struct parse *p, const char *val, bool positional)
{
	size_t n;

	if (once(p, &p->have_target, "target"))
		return -EINVAL;
	while (positional && (n = prefix_len(val)) != 0) {
		if (apply_prefix(p, val, n))
			return -EINVAL;
		val += n + 1;
	}
	if (!*val)
		return 0;
	p->d->target = strdup(val);
	return p->d->target ? 0 : -ENOMEM;
}

static int set_target_positional(struct parse *p, const char *val)
{
	return set_target(p, val, true);
}

static const struct {
	const char *key;
	param_fn *fn;
} keyed_params[] = {
	{"format", set_format},
	{"fmt", set_format},
	{"vdev", set_vdev},
	{"access", set_access},
	{"mode", set_access},
	{"devtype", set_devtype},
	{"backendtype", set_backend},
	{"script", set_script},
	{"specification", set_specification},
	{"backend", refuse_backend},
};

static int keyed(struct parse *p, char *param, char *eq)
{
	unsigned int i;

	*eq = '\0';
	for (i = 0; i < sizeof(keyed_params) / sizeof(keyed_params[0]); i++)
		if (!strcmp(param, keyed_params[i].key))
			return keyed_params[i].fn(p, eq + 1);
	if (param[0] == '/')
		return fail(
			p,
			"'%.40s=...' is not a parameter; give a path containing '=' or ',' last, as target=PATH",
			param);
	return fail(
		p,
		"unknown disk parameter '%.40s'; use target, format, vdev, access, devtype, backendtype or script",
		param);
}

/* Handles a flag; returns 1 if @param is not one. */
static int flag(struct parse *p, const char *param)
{
	/* Each sets its field to a value (libxl keeps the last given). */
	static const struct {
		const char *name;
		size_t field;
		bool value;
	} flags[] = {
		{"discard", offsetof(struct domain_disk, no_discard), false},
		{"no-discard", offsetof(struct domain_disk, no_discard), true},
		{"direct-io-safe", offsetof(struct domain_disk, direct_io_safe),
		 true},
		{"trusted", offsetof(struct domain_disk, untrusted), false},
		{"untrusted", offsetof(struct domain_disk, untrusted), true},
	};
	unsigned int i;

	if (!strcmp(param, "cdrom"))
		return set_devtype(p, "cdrom");
	if (!strcmp(param, "colo"))
		return fail(
			p,
			"colo (COLO replication) is not supported; remove it");
	for (i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
		if (!strcmp(param, flags[i].name)) {
			*(bool *)((char *)p->d + flags[i].field) =
				flags[i].value;
			return 0;
		}
	return 1;
}

static bool looks_like_vdev(const char *s)
{
	return !strncmp(s, "hd", 2) || !strncmp(s, "xvd", 3) ||
	       !strncmp(s, "sd", 2) || !strncmp(s, "ioemu:", 6);
}

static int positional(struct parse *p, const char *param)
{
	static param_fn *const setters[] = {set_target_positional, set_format,
					    set_vdev, set_access};
	const bool have[] = {p->have_target, p->have_format, p->have_vdev,
			     p->have_access};
	unsigned int slot = 0;

	while (slot < 4 && have[slot])
		slot++;
	/* xm's "target,vdev,access": no format, the vdev comes second. */
	if (slot == 1 && *param && format_index(param) < 0 &&
	    looks_like_vdev(param)) {
		p->have_format = true;
		slot = 2;
	}
	if (slot < 4)
		return setters[slot](p, param);
	if (!*param)
		return 0;
	return fail(
		p,
		"unexpected '%.40s': target, format, vdev and access are all given already",
		param);
}

static int one_param(struct parse *p, char *param)
{
	char *eq = strchr(param, '=');
	int rc;

	if (eq)
		return keyed(p, param, eq);
	if (*param) {
		rc = flag(p, param);
		if (rc <= 0)
			return rc;
	}
	return positional(p, param);
}

/* Copies the @n bytes at @s without surrounding blanks into @out. */
static void copy_trimmed(char *out, const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	memcpy(out, s, n);
	out[n] = '\0';
}

static int parse_params(struct parse *p, const char *spec, char *param)
{
	const char *s = spec, *end;
	int rc;

	for (;;) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (!strncmp(s, "target=", 7))
			return set_target(p, s + 7, false);
		end = strchr(s, ',');
		copy_trimmed(param, s, end ? (size_t)(end - s) : strlen(s));
		rc = one_param(p, param);
		if (rc || !end)
			return rc;
		s = end + 1;
	}
}

static int check_spec(struct parse *p, const char *spec)
{
	size_t i, n = strnlen(spec, DISK_SPEC_MAX_LEN + 1);

	if (n > DISK_SPEC_MAX_LEN)
		return fail(p, "disk spec longer than %d bytes",
			    DISK_SPEC_MAX_LEN);
	for (i = 0; i < n; i++)
		if ((unsigned char)spec[i] < 0x20 || spec[i] == 0x7f)
			return fail(p,
				    "disk spec contains a control character");
	return 0;
}

static int finish(struct parse *p)
{
	struct domain_disk *d = p->d;

	if (!d->vdev[0])
		return fail(
			p,
			"no vdev; add vdev=hda (hda-hdd), or give it third: PATH,FORMAT,VDEV");
	if (!d->target && !d->cdrom)
		return fail(
			p,
			"no target; only a CD-ROM drive may be empty, so add target=PATH or devtype=cdrom");
	if (d->cdrom && p->access == ACCESS_RW)
		return fail(
			p,
			"a CD-ROM is read-only; use access=ro or leave access out");
	/* libxl refuses it too: "qemu-xen doesn't support read-only IDE". */
	if (!d->cdrom && p->access == ACCESS_RO)
		return fail(
			p,
			"a read-only hard disk cannot be emulated (QEMU's IDE disks are writable, as libxl says for qemu-xen); use access=rw, or devtype=cdrom for read-only media");
	d->readonly = d->cdrom;
	return 0;
}

int disk_spec_parse(const char *spec, struct domain_disk *out, char *err,
		    size_t err_size)
{
	struct parse p = {.d = out, .err = err, .err_size = err_size};
	char *param = NULL;
	int rc;

	memset(out, 0, sizeof(*out));
	out->format = DOMAIN_DISK_FORMAT_RAW;
	if (err_size)
		err[0] = '\0';
	rc = check_spec(&p, spec);
	if (!rc) {
		param = malloc(DISK_SPEC_MAX_LEN + 1);
		rc = param ? parse_params(&p, spec, param) : -ENOMEM;
	}
	if (!rc)
		rc = finish(&p);
	free(param);
	if (rc)
		disk_spec_clear(out);
	return rc;
}

void disk_spec_clear(struct domain_disk *d)
{
	free(d->target);
	free(d->script);
	memset(d, 0, sizeof(*d));
}
