/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The I/O delay ports 0x80 (POST code) and 0xED: guests write them only to
 * wait (Linux's io_delay, firmware POST codes). Xen passes them to the
 * hardware; we cannot, and forwarding them to the device model would cost
 * an ioreq round trip per write (dm-abi.md 5.2). So they are swallowed
 * here: writes are dropped, reads return all-ones.
 */
#ifndef HYPERVISOR_IODELAY_H
#define HYPERVISOR_IODELAY_H

#include "hypervisor/hv_dev.h"

#define IODELAY_PORT_POST 0x80
#define IODELAY_PORT_ALT 0xed

/* Creates the device; map it at both ports (one port each). */
int iodelay_create(struct hv_dev **out) __attribute__((warn_unused_result));

#endif /* HYPERVISOR_IODELAY_H */
