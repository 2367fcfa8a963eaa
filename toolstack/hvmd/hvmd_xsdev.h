/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A guest's PV devices in xenstore, as libxl writes them for an HVM guest
 * whose backends QEMU runs. Pure: the nodes go to a callback, so unit
 * tests see exactly what is written.
 *  - Disks (libxl's device_disk_add): the frontend
 *    /local/domain/N/device/vbd/DEVID (the guest's, dom0 reads) and the
 *    backend /local/domain/0/backend/qdisk/N/DEVID (dom0's, the guest
 *    reads), which Debian's QEMU (its xen-block "qdisk" backend) takes.
 *  - The PV console (libxl__device_console_add): the frontend
 *    /local/domain/N/console with the ring hvm-domain built (ring-ref,
 *    port) and type "ioemu", so that QEMU's console backend serves it on
 *    a pty (QEMU writes the pty's path to console/tty, where xl reads
 *    it), and the backend /local/domain/0/backend/console/N/0.
 */
#ifndef HVMD_XSDEV_H
#define HVMD_XSDEV_H

#include <stdbool.h>
#include <stddef.h>

#include "toolstack/domain_config.h"

/*
 * One node: a directory (@value NULL) made and given @owner with read for
 * @reader, or an entry inside the last directory (it inherits them).
 * Returns false to stop.
 */
typedef bool (*hvmd_xsdev_put_fn)(void *ctx, const char *path,
				  const char *value, unsigned int owner,
				  unsigned int reader);

/*
 * Whether disk @i of @cfg gets a PV device: the platform device is on and
 * it is a hard disk (CD-ROMs stay emulated only: Linux never takes a PV
 * CD-ROM in an HVM guest, and an empty drive has nothing to serve).
 */
bool hvmd_vbd_wanted(const struct domain_config *cfg, unsigned int i);

/*
 * Puts disk @disk of domain @domid: the backend directory and its entries,
 * then the frontend's. Returns false if @put did, or if the disk has no
 * Xen device number (not a vdev disk_spec_parse() accepts).
 */
bool hvmd_vbd_nodes(const struct domain_disk *disk, unsigned int domid,
		    hvmd_xsdev_put_fn put, void *ctx);

/* Room for any path hvmd_vbd_paths() writes. */
#define HVMD_VBD_PATH 96

/*
 * The frontend and backend directories of disk @devid (disk_spec_devid())
 * of domain @domid, as hvmd_vbd_nodes() writes them and block-list reads
 * them: /local/domain/N/device/vbd/DEVID and
 * /local/domain/0/backend/qdisk/N/DEVID.
 */
void hvmd_vbd_paths(unsigned int domid, int devid, char fe[HVMD_VBD_PATH],
		    char be[HVMD_VBD_PATH]);

/*
 * Puts the PV console of domain @domid, whose ring is at guest frame @pfn
 * with event channel @port. Returns false if @put did.
 */
bool hvmd_pvconsole_nodes(unsigned int domid, unsigned long long pfn,
			  unsigned long long port, hvmd_xsdev_put_fn put,
			  void *ctx);

/*
 * The backend directories of domain @domid's devices of @type ("qdisk",
 * "console"), for removal.
 */
int hvmd_xsdev_backend_root(const char *type, unsigned int domid, char *buf,
			    size_t size);

#endif /* HVMD_XSDEV_H */
