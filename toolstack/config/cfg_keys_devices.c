/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Keys for the guest's devices: disk= (xl-disk-configuration(5), parsed by
 * disk_spec.c) and vif= (xl-network-configuration(5), vif_spec.c), each
 * entry checked against the others, plus the Xen platform device and PCI
 * passthrough, which hvm refuses rather than silently leave out.
 */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "cfg_keys_priv.h"
#include "cfg_value_priv.h"
#include "toolstack/disk_spec.h"
#include "toolstack/vif_spec.h"

/* Room for a disk or vif parse error. */
#define SPEC_ERR_MAX 256

/* Each IDE slot's disk= list index, or -1. */
struct ide_slots {
	int owner[DOMAIN_CONFIG_MAX_DISKS];
};

/* Applies one item of a list key; @arg is state kept across the items. */
typedef int item_fn(struct cfg_ctx *c, const struct cfg_value *item, void *arg);

/*
 * Applies @fn to each of the @nr @items, with c->index set to the item's
 * position, and goes on after an error so that every bad item is reported.
 * Returns -ENOMEM at once; otherwise @rc (an error already reported for
 * the list as a whole, or 0) if set, else the first item's error.
 */
static int each_item(struct cfg_ctx *c, const struct cfg_value *items,
		     unsigned int nr, item_fn *fn, void *arg, int rc)
{
	unsigned int i;
	int r;

	for (i = 0; i < nr; i++) {
		c->index = (int)i;
		r = fn(c, &items[i], arg);
		if (r == -ENOMEM)
			return r;
		rc = rc ? rc : r;
	}
	c->index = -1;
	return rc;
}

static int claim_slot(struct cfg_ctx *c, const struct cfg_value *item,
		      struct ide_slots *slots, const struct domain_disk *d)
{
	int prev = slots->owner[d->ide_index];
	const char *other = "?";
	unsigned int i;

	if (prev < 0) {
		slots->owner[d->ide_index] = c->index;
		return 0;
	}
	for (i = 0; i < c->cfg->nr_disks; i++)
		if (c->cfg->disks[i].ide_index == d->ide_index)
			other = c->cfg->disks[i].vdev;
	if (!strcmp(other, d->vdev))
		cfg_value_error(
			c, item,
			"%s is already used by disk[%d]; give each disk its own vdev (hda-hdd)",
			d->vdev, prev);
	else
		cfg_value_error(
			c, item,
			"%s is the same IDE slot as %s in disk[%d] (xvdX is an alias of hdX); give each disk its own slot",
			d->vdev, other, prev);
	return -EINVAL;
}

static int one_disk(struct cfg_ctx *c, const struct cfg_value *item, void *arg)
{
	struct ide_slots *slots = arg;
	struct domain_config *cfg = c->cfg;
	char err[SPEC_ERR_MAX];
	struct domain_disk d;
	const char *s;
	int rc;

	if (cfg_value_string(c, item, &s))
		return -EINVAL;
	rc = disk_spec_parse(s, &d, err, sizeof(err));
	if (rc == -EINVAL)
		cfg_value_error(c, item, "%s", err);
	if (!rc)
		rc = claim_slot(c, item, slots, &d);
	if (rc) {
		disk_spec_clear(&d);
		return rc;
	}
	if (d.script)
		cfg_value_warn(
			c, item,
			"script=%s ignored: hvm does not run block hotplug scripts; QEMU opens the target directly",
			d.script);
	cfg->disks[cfg->nr_disks++] = d;
	return 0;
}

static int key_disk(struct cfg_ctx *c, const struct cfg_key *k,
		    const struct cfg_value *v)
{
	struct ide_slots slots = {{-1, -1, -1, -1}};
	const struct cfg_value *items;
	unsigned int nr;
	int rc = 0;

	(void)k;
	if (cfg_value_items(c, v, &items, &nr))
		return -EINVAL;
	if (nr > DOMAIN_CONFIG_MAX_DISKS) {
		cfg_value_error(
			c, v,
			"%u disks given, but the emulated IDE controller has only %d slots (hda-hdd)",
			nr, DOMAIN_CONFIG_MAX_DISKS);
		nr = DOMAIN_CONFIG_MAX_DISKS;
		rc = -EINVAL;
	}
	return each_item(c, items, nr, one_disk, &slots, rc);
}

/* Refuses a MAC address given twice. */
static int check_mac(struct cfg_ctx *c, const struct cfg_value *item,
		     const struct domain_vif *vif)
{
	unsigned int i;

	if (vif->mac_generated)
		return 0;
	for (i = 0; i < c->cfg->nr_vifs; i++) {
		if (!memcmp(c->cfg->vifs[i].mac, vif->mac, sizeof(vif->mac))) {
			cfg_value_error(
				c, item,
				"MAC address used twice; give each vif its own mac= or leave it out for a random one");
			return -EINVAL;
		}
	}
	return 0;
}

static int one_vif(struct cfg_ctx *c, const struct cfg_value *item, void *arg)
{
	struct domain_config *cfg = c->cfg;
	char err[SPEC_ERR_MAX];
	struct domain_vif vif;
	const char *s;
	int rc;

	(void)arg;
	if (cfg_value_string(c, item, &s))
		return -EINVAL;
	rc = vif_spec_parse(s, &vif, err, sizeof(err));
	if (rc == -EINVAL)
		cfg_value_error(c, item, "%s", err);
	if (!rc)
		rc = check_mac(c, item, &vif);
	if (rc) {
		vif_spec_clear(&vif);
		return rc;
	}
	cfg->vifs[cfg->nr_vifs++] = vif;
	return 0;
}

static int key_vif(struct cfg_ctx *c, const struct cfg_key *k,
		   const struct cfg_value *v)
{
	const struct cfg_value *items;
	unsigned int nr;
	int rc = 0;

	(void)k;
	if (cfg_value_items(c, v, &items, &nr))
		return -EINVAL;
	if (nr > DOMAIN_CONFIG_MAX_VIFS) {
		cfg_value_error(c, v, "%u vifs given; at most %d are supported",
				nr, DOMAIN_CONFIG_MAX_VIFS);
		nr = DOMAIN_CONFIG_MAX_VIFS;
		rc = -EINVAL;
	}
	return each_item(c, items, nr, one_vif, NULL, rc);
}

static const struct cfg_key keys[] = {
	CFG_KEY("disk", key_disk),
	CFG_KEY("vif", key_vif),
	/* Default 1, as in xl: the platform device, PV disks beside IDE. */
	CFG_KEY_AT("xen_platform_pci", cfg_keys_set_bool, xen_platform_pci),
	CFG_KEY_HINT("pci", cfg_keys_refuse,
		     "PCI passthrough is not supported; remove pci="),
};

const struct cfg_key_table cfg_keys_devices_table = {
	keys, sizeof(keys) / sizeof(keys[0])};
