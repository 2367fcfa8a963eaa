/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The hypervisor's side of one vCPU's synchronous ioreq slot (dm-abi.md
 * 3.3): publish a request to the device model, then poll for its answer.
 * The slot is a struct ioreq in the page shared with QEMU, so its contents
 * are hostile: the state byte is read once per poll with acquire order and
 * only legal forward transitions are accepted; anything else is reported
 * as -EPROTO and the caller crashes the domain.
 *
 * Event channels, waiting and what to do with the answer are the caller's.
 * One struct ioreq_slot per vCPU; calls on it are made by that vCPU's
 * thread only.
 */
#ifndef HYPERVISOR_IOREQ_SLOT_H
#define HYPERVISOR_IOREQ_SLOT_H

#include <stdbool.h>
#include <stdint.h>

#include <xen/hvm/ioreq.h>

struct ioreq_slot {
	struct ioreq *shared; /* this vCPU's slot in the shared page */
	bool pending;	      /* a request is outstanding */
	uint8_t last_state;   /* last state seen while pending */
};

/*
 * Binds @s to the shared slot @shared and makes that slot idle: every
 * field zero (state STATE_IOREQ_NONE) except vp_eport = @vp_eport, the
 * hypervisor-side event channel port QEMU binds for this vCPU (dm-abi.md
 * 3.2). Call when the page is set up, before the device model maps it.
 */
void ioreq_slot_init(struct ioreq_slot *s, struct ioreq *shared,
		     uint32_t vp_eport);

/*
 * Copies request @req into the shared slot and publishes it: every field
 * but state and vp_eport is written first (state, _pad0 and _pad1 of @req
 * are ignored, vp_eport is left as it is), then the byte holding state,
 * data_is_ptr, dir and df is stored in one release store with state
 * STATE_IOREQ_READY. The caller then notifies vp_eport.
 * @req must be a request QEMU accepts (dm-abi.md 3.4), count >= 1:
 * PIO with size 1, 2 or 4; COPY with size 1 to 8; PCI_CONFIG with size
 * 1, 2 or 4 and count 1; TIMEOFFSET (size 8) and INVALIDATE (size 4) with
 * count 1, as Xen sends them.
 * Returns 0; -EBUSY if a request is already pending on @s; -EINVAL for a
 * request QEMU would abort on; -EPROTO if the device model left the slot
 * in a state other than STATE_IOREQ_NONE (crash the domain, as Xen does).
 */
int ioreq_slot_send(struct ioreq_slot *s, const struct ioreq *req)
	__attribute__((warn_unused_result));

/*
 * Checks the pending request once. Reads the state byte a single time with
 * acquire order:
 * - STATE_IORESP_READY: stores the slot's data in @data (the answer for a
 *   read without data_is_ptr; callers ignore it otherwise), sets the slot
 *   back to STATE_IOREQ_NONE with a release store, and returns 0;
 * - STATE_IOREQ_READY or STATE_IOREQ_INPROCESS, moving forward from what
 *   was last seen: returns -EINPROGRESS (wait for the next event);
 * - anything else (NONE while waiting, a state that moved backwards, an
 *   undefined value): returns -EPROTO; the request is abandoned and the
 *   caller must crash the domain (dm-abi.md 3.3).
 * Returns -EINVAL if no request is pending.
 */
int ioreq_slot_poll(struct ioreq_slot *s, uint64_t *data)
	__attribute__((warn_unused_result));

/* True while a request sent on @s has not been completed or abandoned. */
bool ioreq_slot_is_pending(const struct ioreq_slot *s);

#endif /* HYPERVISOR_IOREQ_SLOT_H */
