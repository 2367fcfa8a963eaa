/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The Xen platform device's unplug protocol (Xen's
 * docs/misc/hvm-emulated-unplug.pandoc): a guest with PV drivers writes a
 * 16-bit mask to port 0x10 and QEMU's xen-platform device takes the
 * emulated devices away (bit 0: all IDE and SCSI disks, bit 1: all NICs,
 * bit 2: IDE disks but the primary master, bit 3: NVMe disks). QEMU does
 * the unplugging; hvm-domain only keeps what has no PV replacement here:
 * there is no PV network backend yet (QEMU 7.2 registers its qnic backend
 * for PV machines only), so a guest that unplugged its NICs would be left
 * with none. The NIC bit is cleared before the write reaches QEMU; Linux
 * then keeps its emulated NIC, and its netfront finds no vif to attach.
 * Not filtered: the pre-3.3 SUSE/VMDP unplug through the device's I/O BAR
 * (a byte 1 at BAR+4, 2 at BAR+8), which only old xen-kmp drivers and
 * VMDP before 1.7 use; QEMU takes their NICs away.
 */
#ifndef HYPERVISOR_XEN_UNPLUG_H
#define HYPERVISOR_XEN_UNPLUG_H

#include <stdbool.h>
#include <stdint.h>

#define XEN_UNPLUG_PORT 0x10
#define XEN_UNPLUG_ALL_DISKS 0x1
#define XEN_UNPLUG_ALL_NICS 0x2
#define XEN_UNPLUG_AUX_DISKS 0x4
#define XEN_UNPLUG_NVME_DISKS 0x8

/*
 * The value to send on for a guest's write of @val (@size bytes) to
 * @port: @val itself unless it is the unplug mask (a 2-byte write to port
 * 0x10), which loses XEN_UNPLUG_ALL_NICS. Pure.
 */
uint64_t xen_unplug_filter(uint16_t port, unsigned int size, uint64_t val);

#endif /* HYPERVISOR_XEN_UNPLUG_H */
