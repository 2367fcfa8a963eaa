/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xl's block-list request:
 *   block-list DOM   one "data vbd key=value..." line per PV disk of the
 *                    domain: vdev (the Xen device number), be (backend
 *                    domain), handle (the frontend's domain, as xl's
 *                    column), state (the frontend's xenbus state),
 *                    evtch and rref (the guest's event channel and ring
 *                    grant, -1 until it has connected), bepath.
 * The values come from xenstore as libxl_device_disk_getinfo() reads
 * them. Disks without a PV device (CD-ROMs, xen_platform_pci=0) have no
 * line, as emulated-only disks have none in xl.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hvmd/hvmd_proto.h"
#include "hvmd_priv.h"
#include "hvmd_vcpu.h"
#include "hvmd_xsdev.h"
#include "toolstack/disk_spec.h"

void hvmd_op_block_list(struct hvmd *h, struct hvmd_reply *r, char **f,
			unsigned int nr)
{
	struct domtab_dom *d;
	unsigned int i;

	if (nr != 2) {
		hvmd_reply_err(r, HVMD_EXIT_USAGE,
			       "block-list needs one domain name or domid");
		return;
	}
	d = hvmd_vcpu_lookup(h, r, f[1]);
	if (!d)
		return;
	for (i = 0; i < d->cfg.nr_disks; i++) {
		/* Room for "bepath=" and a backend path (be). */
		char kv[7][128], fe[HVMD_VBD_PATH], be[HVMD_VBD_PATH];
		const char *fields[8] = {"vbd", kv[0], kv[1], kv[2],
					 kv[3], kv[4], kv[5], kv[6]};
		int devid = disk_spec_devid(d->cfg.disks[i].vdev);

		/* No xenstore: hvmd wrote no PV disk (hvmd_build.c). */
		if (!d->xs_ring || !hvmd_vbd_wanted(&d->cfg, i) || devid < 0)
			continue;
		hvmd_vbd_paths(d->domid, devid, fe, be);
		snprintf(kv[0], sizeof(kv[0]), "vdev=%d", devid);
		snprintf(kv[1], sizeof(kv[1]), "be=0");
		snprintf(kv[2], sizeof(kv[2]), "handle=%u", d->domid);
		hvmd_xs_read_num(h, fe, "state", "state", kv[3], sizeof(kv[3]));
		hvmd_xs_read_num(h, fe, "event-channel", "evtch", kv[4],
				 sizeof(kv[4]));
		hvmd_xs_read_num(h, fe, "ring-ref", "rref", kv[5],
				 sizeof(kv[5]));
		snprintf(kv[6], sizeof(kv[6]), "bepath=%s", be);
		hvmd_reply_data(r, fields, 8);
	}
	hvmd_reply_ok(r);
}
