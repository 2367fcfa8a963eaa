/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * PV devices in xenstore, as libxl writes them (hvmd_xsdev.h). Disk values
 * as libxl's: params "FORMAT:PATH" with raw as "aio" (QEMU's xen-block
 * reads it as raw), state 1 (Initialising) on both ends, discard on for a
 * writable disk unless no-discard (libxl's default), direct-io-safe and
 * trusted from the disk's flags, the backend type "qdisk" whatever the
 * config's backendtype says, since QEMU serves every disk here. The
 * console's frontend is dom0's, read for the guest (libxl makes its ring
 * entries read-only to the guest; the guest writes nothing there).
 */
#include "hvmd_xsdev.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "toolstack/disk_spec.h"

#define VBD_PATH HVMD_VBD_PATH

bool hvmd_vbd_wanted(const struct domain_config *cfg, unsigned int i)
{
	return cfg->xen_platform_pci && i < cfg->nr_disks &&
	       !cfg->disks[i].cdrom && cfg->disks[i].target;
}

static const char *format_word(enum domain_disk_format f)
{
	switch (f) {
	case DOMAIN_DISK_FORMAT_QCOW2:
		return "qcow2";
	case DOMAIN_DISK_FORMAT_QCOW:
		return "qcow";
	case DOMAIN_DISK_FORMAT_VHD:
		return "vhd";
	case DOMAIN_DISK_FORMAT_QED:
		return "qed";
	case DOMAIN_DISK_FORMAT_RAW:
	default:
		return "aio";
	}
}

int hvmd_xsdev_backend_root(const char *type, unsigned int domid, char *buf,
			    size_t size)
{
	return snprintf(buf, size, "/local/domain/0/backend/%s/%u", type,
			domid);
}

void hvmd_vbd_paths(unsigned int domid, int devid, char fe[HVMD_VBD_PATH],
		    char be[HVMD_VBD_PATH])
{
	snprintf(fe, HVMD_VBD_PATH, "/local/domain/%u/device/vbd/%d", domid,
		 devid);
	snprintf(be, HVMD_VBD_PATH, "/local/domain/0/backend/qdisk/%u/%d",
		 domid, devid);
}

/* @dir/@key = @value. */
static bool entry(hvmd_xsdev_put_fn put, void *ctx, const char *dir,
		  const char *key, const char *value)
{
	char p[VBD_PATH + 32];

	snprintf(p, sizeof(p), "%s/%s", dir, key);
	return put(ctx, p, value, 0, 0);
}

bool hvmd_vbd_nodes(const struct domain_disk *disk, unsigned int domid,
		    hvmd_xsdev_put_fn put, void *ctx)
{
	char back[VBD_PATH], front[VBD_PATH], num[16], dom[16];
	int devid = disk_spec_devid(disk->vdev);
	char *params;
	bool ok;

	if (devid < 0 || !disk->target)
		return false;
	hvmd_vbd_paths(domid, devid, front, back);
	snprintf(num, sizeof(num), "%d", devid);
	snprintf(dom, sizeof(dom), "%u", domid);
	if (asprintf(&params, "%s:%s", format_word(disk->format),
		     disk->target) < 0)
		return false;
	ok = put(ctx, back, NULL, 0, domid) &&
	     entry(put, ctx, back, "frontend", front) &&
	     entry(put, ctx, back, "frontend-id", dom) &&
	     entry(put, ctx, back, "params", params) &&
	     entry(put, ctx, back, "online", "1") &&
	     entry(put, ctx, back, "removable", "0") &&
	     entry(put, ctx, back, "bootable", "1") &&
	     entry(put, ctx, back, "state", "1") &&
	     entry(put, ctx, back, "dev", disk->vdev) &&
	     entry(put, ctx, back, "type", "qdisk") &&
	     entry(put, ctx, back, "mode", disk->readonly ? "r" : "w") &&
	     entry(put, ctx, back, "device-type", "disk") &&
	     (!disk->direct_io_safe ||
	      entry(put, ctx, back, "direct-io-safe", "1")) &&
	     entry(put, ctx, back, "discard-enable",
		   disk->readonly || disk->no_discard ? "0" : "1") &&
	     entry(put, ctx, back, "specification", "xen") &&
	     put(ctx, front, NULL, domid, 0) &&
	     entry(put, ctx, front, "backend", back) &&
	     entry(put, ctx, front, "backend-id", "0") &&
	     entry(put, ctx, front, "state", "1") &&
	     entry(put, ctx, front, "virtual-device", num) &&
	     entry(put, ctx, front, "device-type", "disk") &&
	     entry(put, ctx, front, "trusted", disk->untrusted ? "0" : "1");
	free(params);
	return ok;
}

bool hvmd_pvconsole_nodes(unsigned int domid, unsigned long long pfn,
			  unsigned long long port, hvmd_xsdev_put_fn put,
			  void *ctx)
{
	char back[VBD_PATH], front[VBD_PATH], dom[16], v[24], p[24];

	hvmd_xsdev_backend_root("console", domid, back, sizeof(back));
	snprintf(back + strlen(back), sizeof(back) - strlen(back), "/0");
	snprintf(front, sizeof(front), "/local/domain/%u/console", domid);
	snprintf(dom, sizeof(dom), "%u", domid);
	snprintf(v, sizeof(v), "%llu", pfn);
	snprintf(p, sizeof(p), "%llu", port);
	return put(ctx, back, NULL, 0, domid) &&
	       entry(put, ctx, back, "frontend", front) &&
	       entry(put, ctx, back, "frontend-id", dom) &&
	       entry(put, ctx, back, "online", "1") &&
	       entry(put, ctx, back, "state", "1") &&
	       entry(put, ctx, back, "protocol", "vt100") &&
	       put(ctx, front, NULL, 0, domid) &&
	       entry(put, ctx, front, "backend", back) &&
	       entry(put, ctx, front, "backend-id", "0") &&
	       entry(put, ctx, front, "limit", "1048576") &&
	       entry(put, ctx, front, "type", "ioemu") &&
	       entry(put, ctx, front, "output", "pty") &&
	       entry(put, ctx, front, "tty", "") &&
	       entry(put, ctx, front, "ring-ref", v) &&
	       entry(put, ctx, front, "port", p);
}
