/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Internals of the command-line builder shared by its files: a string
 * builder with a sticky error, the vector helpers, the config checks and
 * the values derived from a checked config.
 */
#ifndef DEVICE_MODEL_DM_LAUNCH_PRIV_H
#define DEVICE_MODEL_DM_LAUNCH_PRIV_H

#include <stddef.h>

#include "dm/dm_launch.h"

/* Longest string the builder makes: a doubled path plus its option keys. */
#define DM_STR_MAX (2 * DM_PATH_MAX + 256)

/*
 * A growing string. The first failure (-ENOMEM, -E2BIG past DM_STR_MAX)
 * sticks in @rc and makes later appends no-ops, so a caller appends
 * freely and checks once, when it pushes the string.
 */
struct dm_str {
	char *buf;
	size_t len;
	size_t cap;
	int rc;
};

void dm_str_addf(struct dm_str *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Appends @v with every ',' doubled, as QEMU's option parser wants. */
void dm_str_add_escaped(struct dm_str *s, const char *v);

void dm_str_free(struct dm_str *s);

/*
 * Moves @s's string to the end of @a (which then owns it) and resets @s.
 * Returns @s's sticky error, or -ENOMEM; @s is freed either way.
 */
int dm_argv_push_str(struct dm_argv *a, struct dm_str *s)
	__attribute__((warn_unused_result));

/* Appends a copy of @v. Returns 0 or -ENOMEM. */
int dm_argv_add(struct dm_argv *a, const char *v)
	__attribute__((warn_unused_result));

/* Appends a formatted string. Returns 0, -ENOMEM or -E2BIG. */
int dm_argv_addf(struct dm_argv *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3), warn_unused_result));

/* Writes a message to @err (may be NULL) and returns -EINVAL. */
int dm_fail(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * Checks every field of @c (dm_launch_check.c); returns 0 or -EINVAL with
 * a message in @err naming the field and what to do.
 */
int dm_launch_check(const struct dm_config *c, char *err, size_t errlen)
	__attribute__((warn_unused_result));

/* The disk and NIC part of dm_launch_check() (dm_launch_check_dev.c). */
int dm_launch_check_devices(const struct dm_config *c, char *err, size_t errlen)
	__attribute__((warn_unused_result));

/*
 * The tap interface name of NIC @n: its ifname, or "vif<domid>.<n>-emu"
 * written to @buf (DM_IFNAME_MAX bytes). Returns the name.
 */
const char *dm_nic_ifname(const struct dm_config *c, unsigned int n, char *buf);

/* True if @s has a character below 0x20 or DEL (newlines included). */
bool dm_has_control(const char *s);

/* The video RAM the VGA gets, in MiB: the default if 0, 0 without VGA. */
unsigned int dm_videoram(const struct dm_config *c);

/* maxvcpus with 0 meaning vcpus. */
unsigned int dm_maxvcpus(const struct dm_config *c);

/* The Linux device number libxl names IDE drive @index by (hda 768...). */
unsigned int dm_ide_devno(unsigned int index);

/* "hda".."hdd" for @index 0..3, "hd?" otherwise. */
const char *dm_ide_name(unsigned int index);

#endif /* DEVICE_MODEL_DM_LAUNCH_PRIV_H */
