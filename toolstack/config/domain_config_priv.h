/* SPDX-License-Identifier: GPL-2.0-only */
/* Steps of domain_config_load() that live in their own files. */
#ifndef TOOLSTACK_DOMAIN_CONFIG_PRIV_H
#define TOOLSTACK_DOMAIN_CONFIG_PRIV_H

#include "cfg_doc_priv.h"
#include "toolstack/config_diag.h"
#include "toolstack/domain_config.h"

/* Largest config file read, in bytes. */
#define DOMAIN_CONFIG_MAX_FILE (1024 * 1024)

/*
 * After every key is applied: checks what involves several keys, resolves
 * defaults that depend on others (maxmem, maxvcpus, videoram, usb) and
 * generates the UUID and MAC addresses that were not given. @doc says which
 * keys were set and where, for messages. Returns 0, -EINVAL (reported) or
 * -ENOMEM.
 */
int domain_config_check(struct domain_config *cfg, const struct cfg_doc *doc,
			struct config_diag *diag)
	__attribute__((warn_unused_result));

#endif /* TOOLSTACK_DOMAIN_CONFIG_PRIV_H */
