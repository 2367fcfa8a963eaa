/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Checks of a struct dm_config before any of it reaches QEMU's command
 * line: ranges, the combinations QEMU refuses or would get wrong, and the
 * characters QEMU's option syntax cannot carry. Each message names the
 * field and says what to change.
 */
#include "dm_launch_priv.h"

#include <arpa/inet.h>
#include <string.h>

#define DM_MIN_RAM_MIB 16
#define DM_VIDEORAM_STD_MAX 256

/* True if the fixed-size field @s is NUL-terminated within @size bytes. */
#define FIELD_OK(s) (strnlen((s), sizeof(s)) < sizeof(s))

bool dm_has_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return true;
	return false;
}

/* A path QEMU gets: absolute (no "proto:" prefix), printable. */
static int check_path(const char *what, const char *p, size_t size, char *err,
		      size_t errlen)
{
	if (strnlen(p, size) >= size)
		return dm_fail(
			err, errlen,
			"%s is too long (limit %zu bytes); use a shorter path",
			what, size - 1);
	if (dm_has_control(p))
		return dm_fail(
			err, errlen,
			"%s contains a newline or control character; rename the file",
			what);
	if (p[0] != '/')
		return dm_fail(err, errlen,
			       "%s \"%s\" is not absolute; give the full path",
			       what, p);
	return 0;
}

static int check_domain(const struct dm_config *c, char *err, size_t errlen)
{
	int rc;

	rc = check_path("qemu path", c->qemu_path, sizeof(c->qemu_path), err,
			errlen);
	if (rc)
		return rc;
	if (c->domid == 0 || c->domid > DM_MAX_DOMID)
		return dm_fail(err, errlen,
			       "domid %u is out of range; use 1..%u", c->domid,
			       DM_MAX_DOMID);
	if (!FIELD_OK(c->name) || dm_has_control(c->name))
		return dm_fail(
			err, errlen,
			"domain name is unterminated or has control characters; use a printable name of at most %zu bytes",
			sizeof(c->name) - 1);
	if (c->vcpus == 0 || c->vcpus > DM_MAX_VCPUS)
		return dm_fail(err, errlen,
			       "vcpus=%u is out of range; use 1..%u", c->vcpus,
			       DM_MAX_VCPUS);
	if (dm_maxvcpus(c) < c->vcpus || dm_maxvcpus(c) > DM_MAX_VCPUS)
		return dm_fail(
			err, errlen,
			"maxvcpus=%u is out of range; use vcpus (%u)..%u",
			c->maxvcpus, c->vcpus, DM_MAX_VCPUS);
	return 0;
}

static bool is_pow2(unsigned int v)
{
	return v && !(v & (v - 1));
}

/*
 * QEMU rounds VGA memory up to a power of two and cirrus-vga takes only
 * 4, 8 or 16 MiB; anything else would make the video RAM QEMU populates
 * differ from what -m leaves for it.
 */
static int check_video(const struct dm_config *c, char *err, size_t errlen)
{
	unsigned int v = c->videoram_mib;

	switch (c->vga) {
	case DM_VGA_STD:
		if (v && (!is_pow2(v) || v < DM_VIDEORAM_STD_DEFAULT ||
			  v > DM_VIDEORAM_STD_MAX))
			return dm_fail(
				err, errlen,
				"videoram=%u is not valid for vga=std; use 16, 32, 64, 128 or 256",
				v);
		return 0;
	case DM_VGA_CIRRUS:
		if (v && v != 8 && v != 16)
			return dm_fail(
				err, errlen,
				"videoram=%u is not valid for vga=cirrus; use 8 or 16",
				v);
		return 0;
	case DM_VGA_NONE:
		if (v)
			return dm_fail(
				err, errlen,
				"videoram=%u needs a VGA; set vga=std or vga=cirrus, or drop videoram",
				v);
		return 0;
	default:
		return dm_fail(
			err, errlen,
			"vga type %d is unknown; use std, cirrus or none",
			(int)c->vga);
	}
}

static int check_memory(const struct dm_config *c, char *err, size_t errlen)
{
	unsigned int vram = dm_videoram(c);

	if (c->memory_mib > DM_MAX_MEMORY_MIB)
		return dm_fail(err, errlen,
			       "memory=%u MiB is too large; use at most %u",
			       c->memory_mib, DM_MAX_MEMORY_MIB);
	if (c->memory_mib < vram + DM_MIN_RAM_MIB)
		return dm_fail(
			err, errlen,
			"memory=%u MiB leaves too little RAM beside %u MiB of video RAM; use memory=%u or more",
			c->memory_mib, vram, vram + DM_MIN_RAM_MIB);
	return 0;
}

/* Boot devices QEMU's PC accepts: floppy, disk, CD-ROM, network. */
static int check_boot(const struct dm_config *c, char *err, size_t errlen)
{
	const char *b = c->boot;
	size_t i;

	if (!FIELD_OK(c->boot))
		return dm_fail(
			err, errlen,
			"boot order is unterminated; use letters from \"acdn\"");
	for (i = 0; b[i]; i++) {
		if (!strchr("acdn", b[i]))
			return dm_fail(
				err, errlen,
				"boot order \"%s\" has '%c'; use letters from \"acdn\" (floppy, disk, CD-ROM, network)",
				b, b[i] >= 0x20 && b[i] < 0x7f ? b[i] : '?');
		if (strchr(b + i + 1, b[i]))
			return dm_fail(
				err, errlen,
				"boot order \"%s\" names '%c' twice; give each device once",
				b, b[i]);
	}
	return 0;
}

/* A host QEMU's -vnc can parse: an IP literal or a plain host name. */
static bool host_is_valid(const char *h)
{
	unsigned char addr[16];
	size_t i;

	if (inet_pton(AF_INET, h, addr) == 1 ||
	    inet_pton(AF_INET6, h, addr) == 1)
		return true;
	if (!h[0] || h[0] == '-' || h[0] == '.')
		return false;
	for (i = 0; h[i]; i++)
		if (!strchr("abcdefghijklmnopqrstuvwxyz"
			    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-",
			    h[i]))
			return false;
	return true;
}

static int check_display(const struct dm_config *c, char *err, size_t errlen)
{
	if (c->usbdevs && !c->usb)
		return dm_fail(err, errlen,
			       "usbdevice needs usb=on: the devices plug into "
			       "the board's USB controller");
	if (!c->vnc)
		return 0;
	if (!FIELD_OK(c->vnc_listen) || !host_is_valid(c->vnc_listen))
		return dm_fail(
			err, errlen,
			"vnc-listen \"%.*s\" is not an IP address or host name; use e.g. 127.0.0.1",
			(int)sizeof(c->vnc_listen) - 1, c->vnc_listen);
	if (c->vnc_display > 99)
		return dm_fail(err, errlen,
			       "vnc-display=%u is out of range; use 0..99",
			       c->vnc_display);
	return 0;
}

static int check_qmp(const struct dm_config *c, char *err, size_t errlen)
{
	int rc = 0;

	if (c->serial_log[0])
		rc = check_path("serial-log path", c->serial_log,
				sizeof(c->serial_log), err, errlen);
	if (!rc && c->serial_log[0] && !c->serial_pty)
		return dm_fail(
			err, errlen,
			"serial-log needs a serial port; drop serial-log or set serial=pty");
	if (!rc && c->qmp_path[0])
		rc = check_path("qmp socket path", c->qmp_path,
				sizeof(c->qmp_path), err, errlen);
	if (!rc && c->qmp_stat_path[0])
		rc = check_path("qmp-stat socket path", c->qmp_stat_path,
				sizeof(c->qmp_stat_path), err, errlen);
	if (!rc && c->qmp_path[0] && !strcmp(c->qmp_path, c->qmp_stat_path))
		return dm_fail(
			err, errlen,
			"qmp and qmp-stat are the same socket %s; give them different paths",
			c->qmp_path);
	return rc;
}

/* -initrd and -append mean nothing to QEMU without -kernel. */
static int check_kernel(const struct dm_config *c, char *err, size_t errlen)
{
	int rc;

	if (!c->kernel[0])
		return c->ramdisk[0] || c->cmdline[0]
			       ? dm_fail(err, errlen,
					 "ramdisk and cmdline need kernel (direct kernel boot); add kernel= or remove them")
			       : 0;
	rc = check_path("kernel", c->kernel, sizeof(c->kernel), err, errlen);
	if (!rc && c->ramdisk[0])
		rc = check_path("ramdisk", c->ramdisk, sizeof(c->ramdisk), err,
				errlen);
	if (!rc && dm_has_control(c->cmdline))
		rc = dm_fail(
			err, errlen,
			"cmdline contains a newline or control character; give the kernel command line on one line");
	return rc;
}

/* xl's device_model_args: anything QEMU takes, but one line each. */
static int check_arg_list(const char *what,
			  const char (*list)[DM_EXTRA_ARG_MAX], unsigned int nr,
			  char *err, size_t errlen)
{
	unsigned int i;

	if (nr > DM_MAX_EXTRA_ARGS)
		return dm_fail(err, errlen, "more than %d %s",
			       DM_MAX_EXTRA_ARGS, what);
	for (i = 0; i < nr; i++)
		if (strnlen(list[i], DM_EXTRA_ARG_MAX) >= DM_EXTRA_ARG_MAX ||
		    dm_has_control(list[i]))
			return dm_fail(
				err, errlen,
				"%s %u is too long or has a control character",
				what, i);
	return 0;
}

static int check_extra_args(const struct dm_config *c, char *err, size_t errlen)
{
	int rc = check_arg_list("dm-arg",
				(const char(*)[DM_EXTRA_ARG_MAX])c->extra_args,
				c->nr_extra_args, err, errlen);

	return rc ? rc
		  : check_arg_list(
			    "dm-arg-hvm",
			    (const char(*)[DM_EXTRA_ARG_MAX])c->extra_args_hvm,
			    c->nr_extra_args_hvm, err, errlen);
}

int dm_launch_check(const struct dm_config *c, char *err, size_t errlen)
{
	int rc;

	rc = check_domain(c, err, errlen);
	if (!rc)
		rc = check_video(c, err, errlen);
	if (!rc)
		rc = check_memory(c, err, errlen);
	if (!rc)
		rc = check_boot(c, err, errlen);
	if (!rc)
		rc = check_display(c, err, errlen);
	if (!rc)
		rc = check_qmp(c, err, errlen);
	if (!rc)
		rc = check_kernel(c, err, errlen);
	if (!rc)
		rc = check_extra_args(c, err, errlen);
	if (!rc)
		rc = dm_launch_check_devices(c, err, errlen);
	return rc;
}

unsigned int dm_videoram(const struct dm_config *c)
{
	switch (c->vga) {
	case DM_VGA_STD:
		return c->videoram_mib ? c->videoram_mib
				       : DM_VIDEORAM_STD_DEFAULT;
	case DM_VGA_CIRRUS:
		return c->videoram_mib ? c->videoram_mib
				       : DM_VIDEORAM_CIRRUS_DEFAULT;
	default:
		return 0;
	}
}

unsigned int dm_maxvcpus(const struct dm_config *c)
{
	return c->maxvcpus ? c->maxvcpus : c->vcpus;
}
