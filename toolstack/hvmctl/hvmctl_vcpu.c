/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xl's vCPU verbs: vcpu-list prints hvmd's "vcpu" records as xl's table;
 * vcpu-pin and vcpu-set pass their arguments to hvmd, which checks them
 * (toolstack/hvmd/hvmd_ops_vcpu.c, hvmd_ops_pin.c).
 */
#include "hvmctl_verbs.h"

#include <stdio.h>
#include <string.h>

#include "hvmd/hvmd_proto.h"

/* hvmd's value of @key in a vcpu record, or @dflt. */
static const char *field(char **f, unsigned int nr, const char *key,
			 const char *dflt)
{
	const char *v = hvmd_proto_kv(f, nr, key);

	return v ? v : dflt;
}

static void vcpu_cb(void *ctx, char **f, unsigned int nr)
{
	(void)ctx;
	if (strcmp(f[0], "vcpu"))
		return;
	printf("%-32s %5s %5s %5s %5s %9s %s / %s\n", field(f, nr, "name", "-"),
	       field(f, nr, "domid", "-"), field(f, nr, "vcpu", "-"),
	       field(f, nr, "cpu", "-"), field(f, nr, "state", "---"),
	       field(f, nr, "time", "-"), field(f, nr, "hard", "all"),
	       field(f, nr, "soft", "all"));
}

int hvmctl_verb_vcpu_list(const struct hvmctl_cmd *c)
{
	const char *req[2] = {"vcpu-list", c->dom};

	printf("%-32s %5s %5s %5s %5s %9s %s\n", "Name", "ID", "VCPU", "CPU",
	       "State", "Time(s)", "Affinity (Hard / Soft)");
	return hvmctl_client_call(c, req, c->dom ? 2 : 1, vcpu_cb, NULL, false);
}

/* vcpu-pin DOM VCPU CPUS, vcpu-set DOM N: the verb and its arguments. */
int hvmctl_verb_vcpu_args(const struct hvmctl_cmd *c)
{
	const char *req[HVMCTL_MAX_ARGS + 1];
	unsigned int i;

	req[0] = c->verb_name;
	for (i = 0; i < c->nr_args; i++)
		req[i + 1] = c->args[i];
	return hvmctl_client_call(c, req, c->nr_args + 1, NULL, NULL, false);
}
