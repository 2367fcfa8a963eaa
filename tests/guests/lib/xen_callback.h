/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The Xen setup that event-channel guests share: shared_info mapped,
 * vCPU 0's vcpu_info registered, the callback vector set, as Linux's
 * xen_hvm_guest_init() does it.
 */
#ifndef TESTS_GUEST_XEN_CALLBACK_H
#define TESTS_GUEST_XEN_CALLBACK_H

#include <stdint.h>

/*
 * Maps @shinfo_page (page aligned) as the domain's shared_info, registers
 * @vinfo as vCPU 0's vcpu_info and asks for events on @vector. Each step
 * is a GCHECK. Returns XENVER_get_features' submap 0, for the caller's own
 * feature checks.
 */
uint32_t guest_xen_callback_setup(void *shinfo_page, void *vinfo,
				  uint8_t vector);

#endif /* TESTS_GUEST_XEN_CALLBACK_H */
