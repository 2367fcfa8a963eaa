/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Checks of the IDE drives and NICs of a struct dm_config (the rest is in
 * dm_launch_check.c), and the names derived from them: IDE device numbers
 * and default tap interface names.
 */
#include "dm_launch_priv.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#define FIELD_OK(s) (strnlen((s), sizeof(s)) < sizeof(s))

/* Linux IDE majors: hda/hdb on 3, hdc/hdd on 22; the slave at minor 64. */
#define IDE0_MAJOR 3
#define IDE1_MAJOR 22
#define IDE_SLAVE_MINOR 64

static const char *const ide_names[DM_MAX_DISKS] = {"hda", "hdb", "hdc", "hdd"};

unsigned int dm_ide_devno(unsigned int index)
{
	unsigned int major = index < 2 ? IDE0_MAJOR : IDE1_MAJOR;

	return (major << 8) | ((index & 1) ? IDE_SLAVE_MINOR : 0);
}

const char *dm_ide_name(unsigned int index)
{
	return index < DM_MAX_DISKS ? ide_names[index] : "hd?";
}

/* The IDE position and the format. */
static int check_slot(const struct dm_config *c, unsigned int i, char *err,
		      size_t errlen)
{
	const struct dm_disk *d = &c->disks[i];
	const char *n = dm_ide_name(d->index);
	unsigned int j;

	if (d->index >= DM_MAX_DISKS)
		return dm_fail(
			err, errlen,
			"disk %u: IDE index %u is out of range; use 0..3 (hda..hdd)",
			i, d->index);
	for (j = 0; j < i; j++)
		if (c->disks[j].index == d->index)
			return dm_fail(
				err, errlen,
				"disk %u: %s is already used by disk %u; give each drive its own vdev",
				i, n, j);
	if (d->format != DM_DISK_RAW && d->format != DM_DISK_QCOW2)
		return dm_fail(
			err, errlen,
			"disk %s: format %d is unknown; use raw or qcow2", n,
			(int)d->format);
	return 0;
}

/* The image: a path QEMU takes as a file name, and the access mode. */
static int check_image(const struct dm_disk *d, char *err, size_t errlen)
{
	const char *n = dm_ide_name(d->index);

	if (!FIELD_OK(d->path))
		return dm_fail(
			err, errlen,
			"disk %s: path is too long; use at most %zu bytes", n,
			sizeof(d->path) - 1);
	if (dm_has_control(d->path))
		return dm_fail(
			err, errlen,
			"disk %s: path contains a newline or control character; rename the image",
			n);
	if (!d->path[0] && !d->cdrom)
		return dm_fail(
			err, errlen,
			"disk %s: a hard disk needs an image path; give one or make it a cdrom",
			n);
	if (d->path[0] && d->path[0] != '/')
		return dm_fail(
			err, errlen,
			"disk %s: path \"%s\" is not absolute; give the full path of the image",
			n, d->path);
	if (!d->cdrom && d->readonly)
		return dm_fail(
			err, errlen,
			"disk %s: QEMU's IDE hard disks cannot be read-only; make it rw or a cdrom",
			n);
	return 0;
}

static int hexval(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

/* "xx:xx:xx:xx:xx:xx", unicast and not all zero. */
static bool mac_is_valid(const char *m)
{
	unsigned int i, nonzero = 0;

	if (strnlen(m, DM_MAC_STR_MAX) != DM_MAC_STR_MAX - 1)
		return false;
	for (i = 0; i < 6; i++) {
		const char *p = m + 3 * i;

		if (hexval(p[0]) < 0 || hexval(p[1]) < 0)
			return false;
		if (i < 5 && p[2] != ':')
			return false;
		nonzero |= (unsigned int)(hexval(p[0]) << 4 | hexval(p[1]));
	}
	/* Bit 0 of the first octet marks a multicast address. */
	return nonzero && !(hexval(m[1]) & 1);
}

/* Interface names: what the kernel takes, minus what QEMU would parse. */
static bool ifname_is_valid(const char *s, size_t size)
{
	size_t n = strnlen(s, size), i;

	if (n == 0 || n >= size)
		return false;
	for (i = 0; i < n; i++)
		if (!strchr("abcdefghijklmnopqrstuvwxyz"
			    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-",
			    s[i]))
			return false;
	return true;
}

const char *dm_nic_ifname(const struct dm_config *c, unsigned int n, char *buf)
{
	if (c->nics[n].ifname[0])
		return c->nics[n].ifname;
	/* No-op masks (domid <= DM_MAX_DOMID, n < DM_MAX_NICS) for gcc. */
	snprintf(buf, DM_IFNAME_MAX, "vif%u.%u-emu", c->domid & 0x7fff, n & 7);
	return buf;
}

static int check_nic_pair(const struct dm_config *c, unsigned int i,
			  unsigned int j, char *err, size_t errlen)
{
	char a[DM_IFNAME_MAX], b[DM_IFNAME_MAX];
	const char *ni, *nj;

	if (!strcasecmp(c->nics[i].mac, c->nics[j].mac))
		return dm_fail(
			err, errlen,
			"nic %u: mac %s is already used by nic %u; give each NIC its own address",
			i, c->nics[i].mac, j);
	ni = dm_nic_ifname(c, i, a);
	nj = dm_nic_ifname(c, j, b);
	if (!strcmp(ni, nj))
		return dm_fail(
			err, errlen,
			"nic %u: interface %s is already used by nic %u; give each NIC its own ifname",
			i, ni, j);
	return 0;
}

static int check_nic(const struct dm_config *c, unsigned int i, char *err,
		     size_t errlen)
{
	const struct dm_nic *nic = &c->nics[i];
	unsigned int j;
	int rc;

	if (nic->model != DM_NIC_NE2K_PCI && nic->model != DM_NIC_RTL8139 &&
	    nic->model != DM_NIC_E1000)
		return dm_fail(
			err, errlen,
			"nic %u: model %d is unknown; use ne2k_pci, rtl8139 or e1000",
			i, (int)nic->model);
	if (!mac_is_valid(nic->mac))
		return dm_fail(
			err, errlen,
			"nic %u: mac \"%.*s\" is not a unicast address like 00:16:3e:12:34:56; fix mac=",
			i, DM_MAC_STR_MAX - 1, nic->mac);
	if (nic->ifname[0] &&
	    !ifname_is_valid(nic->ifname, sizeof(nic->ifname)))
		return dm_fail(
			err, errlen,
			"nic %u: ifname \"%.*s\" is not a valid interface name; use up to 15 of A-Z a-z 0-9 . _ -",
			i, DM_IFNAME_MAX - 1, nic->ifname);
	if (nic->bridge[0] &&
	    !ifname_is_valid(nic->bridge, sizeof(nic->bridge)))
		return dm_fail(
			err, errlen,
			"nic %u: bridge \"%.*s\" is not a valid interface name; use up to 15 of A-Z a-z 0-9 . _ -",
			i, DM_IFNAME_MAX - 1, nic->bridge);
	for (j = 0; j < i; j++) {
		rc = check_nic_pair(c, i, j, err, errlen);
		if (rc)
			return rc;
	}
	return 0;
}

int dm_launch_check_devices(const struct dm_config *c, char *err, size_t errlen)
{
	unsigned int i;
	int rc;

	if (c->nr_disks > DM_MAX_DISKS)
		return dm_fail(
			err, errlen,
			"%u disks given; QEMU emulates at most %u IDE drives (hda..hdd)",
			c->nr_disks, DM_MAX_DISKS);
	if (c->nr_nics > DM_MAX_NICS)
		return dm_fail(err, errlen, "%u NICs given; use at most %u",
			       c->nr_nics, DM_MAX_NICS);
	for (i = 0; i < c->nr_disks; i++) {
		rc = check_slot(c, i, err, errlen);
		if (!rc)
			rc = check_image(&c->disks[i], err, errlen);
		if (rc)
			return rc;
	}
	for (i = 0; i < c->nr_nics; i++) {
		rc = check_nic(c, i, err, errlen);
		if (rc)
			return rc;
	}
	return 0;
}
