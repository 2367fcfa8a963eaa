/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * "screenshot DOM FILE": one frame from the domain's VNC server
 * (libvncclient, through hvm_vnc), written as PNG when hvmctl was built
 * with libpng, else as PPM, which hvmctl says.
 */
#include <stdio.h>
#include <string.h>

#include "hvmctl_shot.h"
#include "hvmctl_verbs.h"
#include "vnc/vnc_grab.h"

#define GRAB_TIMEOUT_MS 10000
#define GRAB_SETTLE_MS 500

int hvmctl_verb_screenshot(const struct hvmctl_cmd *c)
{
	struct vnc_frame f = {0};
	struct hvmctl_domain d;
	char host[80], err[256];
	int rc, port;

	rc = hvmctl_vnc_address(c, 30, &d, host, sizeof(host), &port);
	if (rc)
		return rc;
	rc = vnc_grab(host, port, GRAB_TIMEOUT_MS, GRAB_SETTLE_MS, &f, err,
		      sizeof(err));
	if (rc) {
		fprintf(stderr,
			"hvmctl: cannot fetch the screen of %s from %s: %s\n",
			d.name, d.vnc, err);
		return 1;
	}
	rc = hvmctl_shot_write(&f, c->file);
	if (rc)
		fprintf(stderr, "hvmctl: cannot write %s: %s\n", c->file,
			strerror(-rc));
	else
		printf("%ux%u screen of %s written to %s (%s)\n", f.width,
		       f.height, d.name, c->file, hvmctl_shot_format());
	vnc_frame_free(&f);
	return rc ? 1 : 0;
}
