/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * One network interface specification as in xl-network-configuration(5):
 * comma-separated key=value pairs, e.g. "mac=00:16:3e:00:00:01,
 * bridge=br0, model=e1000", or "" for all defaults. Supported keys: mac,
 * bridge, model (rtl8139, the default as in xl; ne2k_pci; e1000), type
 * (ioemu only), vifname, mtu (set on the tap), ip (for the hotplug
 * script), script (run by hvmd). MAC address helpers live here too.
 */
#ifndef TOOLSTACK_VIF_SPEC_H
#define TOOLSTACK_VIF_SPEC_H

#include <stddef.h>
#include <stdint.h>

#include "toolstack/domain_config.h"

#define VIF_SPEC_MAX_LEN 1024
/* "xx:xx:xx:xx:xx:xx" without the NUL. */
#define VIF_SPEC_MAC_STR_LEN 17

/*
 * Parses @spec into @out (cleared first). Without mac= the MAC is left
 * zero and mac_generated set; domain_config_load() fills it in. On error
 * writes a message without prefix into @err and returns -EINVAL, or
 * returns -ENOMEM; @out then owns nothing. Free with vif_spec_clear().
 */
int vif_spec_parse(const char *spec, struct domain_vif *out, char *err,
		   size_t err_size) __attribute__((warn_unused_result));

/* Frees what @v owns and zeroes it. Idempotent. */
void vif_spec_clear(struct domain_vif *v);

/*
 * Parses "xx:xx:xx:xx:xx:xx" (hex, either case). Refuses multicast and
 * all-zero addresses, which cannot name one NIC. Returns 0 or -EINVAL.
 */
int vif_spec_mac_parse(const char *s, uint8_t mac[6])
	__attribute__((warn_unused_result));

/* Writes @mac as 17 lower-case characters and a NUL into @out. */
void vif_spec_mac_format(const uint8_t mac[6],
			 char out[VIF_SPEC_MAC_STR_LEN + 1]);

/*
 * Fills @mac with a random address under Xen's OUI 00:16:3e, as xl does.
 * Returns 0 or the negative errno of getrandom().
 */
int vif_spec_mac_generate(uint8_t mac[6]) __attribute__((warn_unused_result));

#endif /* TOOLSTACK_VIF_SPEC_H */
