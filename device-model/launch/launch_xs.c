/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The xenstore side of hvm-dm-launch, through Debian's libxenstore (which
 * finds hvm-xenstored through XENSTORED_PATH): wait for QEMU's
 * device-model/<domid>/state = "running" (dm-abi.md 1.2 phase H) with a
 * watch, and publish the consoles as libxl does (dm-abi.md 6.1).
 */
#include "launch_priv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xenstore.h>

#include "hypervisor/log.h"

#define XS_PATH_MAX 96
#define XS_TOKEN "hvm-dm-launch"

struct launch_xs {
	struct xs_handle *h;
	uint32_t domid;
	char state_path[XS_PATH_MAX];
};

int launch_xs_open(uint32_t domid, struct launch_xs **out)
{
	struct launch_xs *x;
	int rc;

	x = calloc(1, sizeof(*x));
	if (!x)
		return -ENOMEM;
	x->domid = domid;
	snprintf(x->state_path, sizeof(x->state_path),
		 "/local/domain/0/device-model/%u/state", domid);
	x->h = xs_open(0);
	if (!x->h) {
		rc = -errno;
		free(x);
		return rc ? rc : -EIO;
	}
	/*
	 * A "running" left by an earlier QEMU of this domid would unpause
	 * the domain before this QEMU serves its ioreqs.
	 */
	if (!xs_rm(x->h, XBT_NULL, x->state_path) && errno != ENOENT) {
		rc = errno ? -errno : -EIO;
		launch_xs_close(x);
		return rc;
	}
	if (!xs_watch(x->h, x->state_path, XS_TOKEN)) {
		rc = errno ? -errno : -EIO;
		launch_xs_close(x);
		return rc;
	}
	*out = x;
	return 0;
}

int launch_xs_fd(struct launch_xs *x)
{
	return xs_fileno(x->h);
}

int launch_xs_is_running(struct launch_xs *x, bool *running)
{
	unsigned int len = 0;
	char **ev;
	char *val;

	while ((ev = xs_check_watch(x->h)))
		free(ev);
	if (errno != EAGAIN)
		return errno ? -errno : -EIO;
	*running = false;
	val = xs_read(x->h, XBT_NULL, x->state_path, &len);
	if (!val)
		return errno == ENOENT ? 0 : (errno ? -errno : -EIO);
	*running = len == strlen("running") && !memcmp(val, "running", len);
	free(val);
	return 0;
}

static void xs_put(struct launch_xs *x, const char *rel, const char *val)
{
	char path[XS_PATH_MAX];

	snprintf(path, sizeof(path), "/local/domain/%u/%s", x->domid, rel);
	if (!xs_write(x->h, XBT_NULL, path, val, strlen(val)))
		log_warn(
			LAUNCH_COMP,
			"cannot write %s to xenstore: %s; tools will not find it there",
			path, strerror(errno));
}

void launch_xs_publish(struct launch_xs *x, const struct launch_qmp_info *i)
{
	if (i->serial_pty[0])
		xs_put(x, "serial/0/tty", i->serial_pty);
	if (i->vnc_host[0]) {
		xs_put(x, "console/vnc-listen", i->vnc_host);
		xs_put(x, "console/vnc-port", i->vnc_service);
	}
}

void launch_xs_close(struct launch_xs *x)
{
	if (!x)
		return;
	if (x->h)
		xs_close(x->h);
	free(x);
}
