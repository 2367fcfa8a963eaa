/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Producer side of the buffered ioreq ring (dm-abi.md 3.7): fire-and-forget
 * writes the device model applies in order, without the vCPU waiting.
 * The ring is a struct buffered_iopage shared with QEMU; its read_pointer
 * is hostile and is read once per call, as a pair with write_pointer.
 *
 * Only for servers created with HVM_IOREQSRV_BUFIOREQ_ATOMIC (what QEMU
 * asks for): every publication also rebases both pointers below
 * IOREQ_BUFFER_SLOT_NUM with one 64-bit compare-and-swap, which is only
 * safe when QEMU advances read_pointer atomically.
 *
 * One producer per ring: the caller serialises puts (the server's lock).
 * Using the ring is optional; a synchronous request is always correct.
 */
#ifndef HYPERVISOR_IOREQ_BUFRING_H
#define HYPERVISOR_IOREQ_BUFRING_H

#include <stdbool.h>
#include <stdint.h>

#include <xen/hvm/ioreq.h>

/*
 * True if @req is an access Xen would send through the ring (dm-abi.md
 * 3.7): a single direct write (dir WRITE, count 1, no data_is_ptr) that is
 * either a COPY of size 1, 2, 4 or 8 lying wholly in the VGA window
 * 0xA0000-0xBFFFF, or a TIMEOFFSET of size 8. Everything else, reads in
 * particular, stays synchronous so ordering with reads holds.
 */
bool ioreq_bufring_may_buffer(const struct ioreq *req);

/*
 * Appends the write @req to the ring @pg, which must be 8-byte aligned
 * (it is a page). Sizes 1, 2 and 4 take one slot; size 8 takes two, the
 * first holding the low half and size code 3, the second the high half.
 * The slots are written first, then the pointers are published with a
 * release compare-and-swap. The caller then notifies the ring's port.
 * Returns 0; -EINVAL if @req cannot be encoded (not a write, count not 1,
 * data_is_ptr, size not 1/2/4/8, address at or above 1 MiB) or @pg is
 * misaligned; -EAGAIN if the ring has no room (send the request
 * synchronously instead); -EPROTO if the device model corrupted the
 * pointers (more than IOREQ_BUFFER_SLOT_NUM entries outstanding, or
 * write_pointer changed under us): crash the domain.
 */
int ioreq_bufring_put(struct buffered_iopage *pg, const struct ioreq *req)
	__attribute__((warn_unused_result));

#endif /* HYPERVISOR_IOREQ_BUFRING_H */
