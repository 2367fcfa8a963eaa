/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hvm-ctl-cmd: sends one control-socket request to an hvm-domain, for
 * tests and debugging: query (prints the domain's state), pause, unpause
 * or destroy. Exit status: 0 done, 1 the request failed, 2 usage.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "hypervisor/ctl_proto.h"

static const struct {
	const char *name;
	uint16_t op;
} verbs[] = {
	{"query", CTL_OP_QUERY},
	{"pause", CTL_OP_PAUSE},
	{"unpause", CTL_OP_UNPAUSE},
	{"destroy", CTL_OP_DESTROY},
};

static const char *const states[] = {"running", "paused", "stopped"};

int main(int argc, char **argv)
{
	struct ctl_domain_info info;
	struct ctl_client c = {.sock = -1};
	unsigned int i, n = 0;
	int rc;

	for (i = 0; argc == 3 && i < sizeof(verbs) / sizeof(verbs[0]); i++) {
		if (!strcmp(argv[2], verbs[i].name))
			break;
	}
	if (argc != 3 || i == sizeof(verbs) / sizeof(verbs[0])) {
		fprintf(stderr,
			"usage: hvm-ctl-cmd SOCKET query|pause|unpause|destroy\n");
		return 2;
	}
	c.sock = ctl_connect(argv[1]);
	if (c.sock < 0) {
		fprintf(stderr, "hvm-ctl-cmd: cannot connect to %s: %s\n",
			argv[1], strerror(-c.sock));
		return 1;
	}
	rc = ctl_call(&c, verbs[i].op, NULL,
		      verbs[i].op == CTL_OP_QUERY ? &info : NULL, NULL, 0, &n);
	close(c.sock);
	if (rc) {
		fprintf(stderr, "hvm-ctl-cmd: %s failed: %s\n", argv[2],
			strerror(-rc));
		return 1;
	}
	if (verbs[i].op == CTL_OP_QUERY)
		printf("domid=%u state=%s vcpus=%u memory=%llu\n", info.domid,
		       info.state < 3 ? states[info.state] : "?", info.nr_vcpus,
		       (unsigned long long)(info.ram_size >> 20));
	return 0;
}
