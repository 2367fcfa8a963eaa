/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * One disk specification in the syntax of xl-disk-configuration(5), e.g.
 * "/srv/web.img,qcow2,hda,rw", "format=raw, vdev=hdc, access=ro,
 * devtype=cdrom, target=/srv/d.iso", the empty CD-ROM ",raw,hdc,cdrom",
 * and the legacy xm forms "file:/srv/a.img,hda,w", "phy:/dev/vg/lv,hdb,w",
 * "tap:aio:/srv/a.img,hda,w", "tap:qcow2:/srv/b.qcow2,hdb,w" and
 * "/srv/d.iso,hdc:cdrom,r". Also used by block-attach and cd-insert style
 * commands.
 *
 * Only IDE devices exist for an emulated HVM guest: hda..hdd, and xvda..
 * xvdd as aliases of hda..hdd (xl gives QEMU the first four disks as IDE
 * whatever their name); sdX (SCSI) and other vdevs are refused.
 */
#ifndef TOOLSTACK_DISK_SPEC_H
#define TOOLSTACK_DISK_SPEC_H

#include <stddef.h>

#include "toolstack/domain_config.h"

/* Longest disk spec accepted, in bytes. */
#define DISK_SPEC_MAX_LEN 4096

/*
 * Parses @spec into @out (which it first clears; it owns nothing before).
 * On error writes a message without any file or key prefix into @err
 * (e.g. "unknown format 'vmdkx'; use raw or qcow2 (also qcow, vhd, qed)")
 * and returns -EINVAL, or returns -ENOMEM; @out then owns nothing.
 * Returns 0 on success; free with disk_spec_clear().
 */
int disk_spec_parse(const char *spec, struct domain_disk *out, char *err,
		    size_t err_size) __attribute__((warn_unused_result));

/* Frees what @d owns and zeroes it. Idempotent. */
void disk_spec_clear(struct domain_disk *d);

/*
 * Maps a vdev name to its IDE slot: "hda".."hdd" and "xvda".."xvdd" give
 * 0..3. Returns the slot, or -EINVAL with a reason in @err.
 */
int disk_spec_ide_index(const char *vdev, char *err, size_t err_size)
	__attribute__((warn_unused_result));

/*
 * The Xen virtual-device number of a disk that disk_spec_parse() accepted
 * (libxl's libxl__device_disk_dev_number): hda 768, hdb 832, hdc 5632,
 * hdd 5696 (IDE majors 3 and 22, 64 minors per disk), xvda-xvdd 51712 +
 * 16 * index (major 202). It names the frontend (device/vbd/N) and the
 * backend (backend/qdisk/DOMID/N). Returns -EINVAL for any other vdev.
 */
int disk_spec_devid(const char *vdev) __attribute__((warn_unused_result));

#endif /* TOOLSTACK_DISK_SPEC_H */
