/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * block-list DOM: the domain's PV disks in xl's columns (Vdev, BE,
 * handle, state, evt-ch, ring-ref, BE-path), from hvmd's "vbd" records
 * (toolstack/hvmd/hvmd_ops_block.c).
 */
#include "hvmctl_verbs.h"

#include <stdio.h>
#include <string.h>

#include "hvmd/hvmd_proto.h"

static const char *field(char **f, unsigned int nr, const char *key)
{
	const char *v = hvmd_proto_kv(f, nr, key);

	return v ? v : "-1";
}

static void vbd_cb(void *ctx, char **f, unsigned int nr)
{
	(void)ctx;
	if (strcmp(f[0], "vbd"))
		return;
	printf("%-5s %-3s %-6s %-5s %-6s %-8s %-30s\n", field(f, nr, "vdev"),
	       field(f, nr, "be"), field(f, nr, "handle"),
	       field(f, nr, "state"), field(f, nr, "evtch"),
	       field(f, nr, "rref"), field(f, nr, "bepath"));
}

int hvmctl_verb_block_list(const struct hvmctl_cmd *c)
{
	const char *req[2] = {"block-list", c->dom};

	printf("%-5s %-3s %-6s %-5s %-6s %-8s %-30s\n", "Vdev", "BE", "handle",
	       "state", "evt-ch", "ring-ref", "BE-path");
	return hvmctl_client_call(c, req, 2, vbd_cb, NULL, false);
}
