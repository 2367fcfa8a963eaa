/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Talking to a running domain: one request on hvm-domain's control socket
 * (query, pause, unpause, destroy, the ACPI power button, an HVM
 * parameter).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "hvmd/hvmd_proto.h"
#include "hvmd_priv.h"
#include "hypervisor/ctl_proto.h"

#define IO_TIMEOUT_S 5

static void set_timeouts(int fd)
{
	struct timeval tv = {.tv_sec = IO_TIMEOUT_S};

	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
}

/* One request on the domain's control socket, then the socket closes. */
static int call(struct hvmd *h, struct domtab_dom *d, uint16_t op,
		const void *req, void *resp)
{
	struct ctl_client c = {.sock = -1};
	char path[PATH_MAX + 32];
	int rc;

	snprintf(path, sizeof(path), "%s/%u/ctl", h->o.run_dir, d->domid);
	c.sock = ctl_connect(path);
	if (c.sock < 0)
		return c.sock;
	set_timeouts(c.sock);
	rc = ctl_call(&c, op, req, resp, NULL, 0, NULL);
	close(c.sock);
	return rc;
}

int hvmd_ctl_op(struct hvmd *h, struct domtab_dom *d, unsigned int op)
{
	struct ctl_domain_info info;

	return call(h, d, (uint16_t)op, NULL,
		    op == CTL_OP_QUERY ? &info : NULL);
}

int hvmd_ctl_get_param(struct hvmd *h, struct domtab_dom *d, unsigned int index,
		       uint64_t *value)
{
	struct ctl_param req = {.index = index}, resp;
	int rc = call(h, d, CTL_OP_GET_PARAM, &req, &resp);

	if (!rc && resp.index != index)
		rc = -EPROTO;
	if (!rc)
		*value = resp.value;
	return rc;
}
