/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hvmctl's verbs. Each returns hvmctl's exit status: 0 ok, 1 the
 * operation failed, 2 usage or config error.
 */
#ifndef HVMCTL_HVMCTL_VERBS_H
#define HVMCTL_HVMCTL_VERBS_H

#include "hvmctl_args.h"
#include "hvmctl_client.h"

int hvmctl_verb_create(const struct hvmctl_cmd *c);
int hvmctl_verb_list(const struct hvmctl_cmd *c);
int hvmctl_verb_domid(const struct hvmctl_cmd *c);
int hvmctl_verb_dominfo(const struct hvmctl_cmd *c);
int hvmctl_verb_simple(const struct hvmctl_cmd *c);
int hvmctl_verb_shutdown(const struct hvmctl_cmd *c);
int hvmctl_verb_console(const struct hvmctl_cmd *c);
int hvmctl_verb_vncviewer(const struct hvmctl_cmd *c);
int hvmctl_verb_screenshot(const struct hvmctl_cmd *c);
/* hvmctl_vcpu.c: vcpu-list; vcpu-pin and vcpu-set (sent as given). */
int hvmctl_verb_block_list(const struct hvmctl_cmd *c);
int hvmctl_verb_vcpu_list(const struct hvmctl_cmd *c);
int hvmctl_verb_vcpu_args(const struct hvmctl_cmd *c);

/*
 * Polls "info DOM" until @field ("console" or "vnc") is known, for up to
 * @timeout_s seconds. Returns 0 with @d filled, or the exit status.
 */
int hvmctl_wait_field(const struct hvmctl_cmd *c, const char *dom,
		      const char *field, unsigned int timeout_s,
		      struct hvmctl_domain *d);

/* Splits "HOST:PORT" or "[V6]:PORT"; 0 or -EINVAL. */
int hvmctl_split_hostport(const char *s, char *host, size_t size, int *port);

/*
 * The domain's VNC server, waited for up to @timeout_s seconds: @d filled
 * and its address split into @host and @port. Returns 0 or the exit status
 * (a message is printed).
 */
int hvmctl_vnc_address(const struct hvmctl_cmd *c, unsigned int timeout_s,
		       struct hvmctl_domain *d, char *host, size_t size,
		       int *port);

#endif /* HVMCTL_HVMCTL_VERBS_H */
