/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hvmctl's side of the hvmd protocol (hvmd/hvmd_proto.h): connecting
 * (starting hvmd on demand), one request and its answer, and the domain
 * record of list and info answers.
 */
#ifndef HVMCTL_HVMCTL_CLIENT_H
#define HVMCTL_HVMCTL_CLIENT_H

#include <stdbool.h>

#include "hvmctl_args.h"

struct hvmctl_domain {
	char name[64];
	unsigned int domid;
	char uuid[40];
	unsigned long long memory;
	unsigned int vcpus;
	char state[16];
	char flags[8];
	char cputime[24];
	char console[64];
	char pv_console[64]; /* QEMU's pty for the PV console, or "" */
	char vnc[80];
	char log[4200];
	char console_log[4200]; /* "" without a serial port */
	char actions[64];
};

/* Called for each "data" line with the fields after "data". */
typedef void (*hvmctl_data_fn)(void *ctx, char **f, unsigned int nr);

/*
 * Sends the request @req (@nr fields) to hvmd and reads the answer:
 * "data" lines go to @fn, "msg" lines to stderr, and the final "error"
 * text to stderr unless @quiet. Returns hvmctl's exit status: 0, or the
 * code hvmd sent, or 1 if hvmd cannot be reached or breaks the protocol,
 * or 2 if a field cannot be sent (control characters).
 */
int hvmctl_client_call(const struct hvmctl_cmd *c, const char *const *req,
		       unsigned int nr, hvmctl_data_fn fn, void *ctx,
		       bool quiet);

/* Fills @d from a "domain key=value ..." data line. */
void hvmctl_domain_parse(struct hvmctl_domain *d, char **f, unsigned int nr);

/* "info DOM": fills @d; the exit status as hvmctl_client_call(). */
int hvmctl_client_info(const struct hvmctl_cmd *c, const char *dom,
		       struct hvmctl_domain *d, bool quiet);

#endif /* HVMCTL_HVMCTL_CLIENT_H */
