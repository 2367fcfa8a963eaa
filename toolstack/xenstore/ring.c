/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The ring half of a guest's xenstore connection (see ring.h). Xen's
 * protocol (docs/misc/xenstore-ring.txt): two 1 KiB byte rings with
 * free-running 32-bit indexes; the server owns req_cons and rsp_prod, the
 * guest req_prod and rsp_cons. The server reads the guest's producer,
 * then the data (acquire); it publishes data before its index (release).
 */
#include "xenstored/ring.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "xenstored/conn.h"

#define RING_SIZE XENSTORE_RING_SIZE

static uint32_t load_idx(const XENSTORE_RING_IDX *p)
{
	return __atomic_load_n(p, __ATOMIC_ACQUIRE);
}

static void store_idx(XENSTORE_RING_IDX *p, uint32_t v)
{
	__atomic_store_n(p, v, __ATOMIC_RELEASE);
}

int ring_pull(struct xenstore_domain_interface *intf, struct conn *c,
	      bool *moved)
{
	uint32_t cons = load_idx(&intf->req_cons);
	uint32_t prod = load_idx(&intf->req_prod);
	uint32_t avail = prod - cons, start = cons;

	*moved = false;
	if (avail > RING_SIZE)
		return -EPROTO;
	while (avail && conn_wants_input(c)) {
		uint32_t off = MASK_XENSTORE_IDX(cons);
		size_t chunk = RING_SIZE - off, space;
		void *buf;

		if (chunk > avail)
			chunk = avail;
		space = conn_in_space(c, &buf);
		if (!space)
			break;
		if (chunk > space)
			chunk = space;
		memcpy(buf, (const char *)intf->req + off, chunk);
		cons += (uint32_t)chunk;
		avail -= (uint32_t)chunk;
		/* Consumed before the request runs: a reply may need room. */
		store_idx(&intf->req_cons, cons);
		conn_in_commit(c, chunk);
	}
	*moved = cons != start;
	return 0;
}

int ring_push(struct xenstore_domain_interface *intf, struct conn *c,
	      bool *moved)
{
	uint32_t cons = load_idx(&intf->rsp_cons);
	uint32_t prod = load_idx(&intf->rsp_prod), start = prod;
	const void *data;
	size_t len;

	*moved = false;
	if (prod - cons > RING_SIZE)
		return -EPROTO;
	while ((len = conn_out_peek(c, &data)) && prod - cons < RING_SIZE) {
		uint32_t off = MASK_XENSTORE_IDX(prod);
		size_t chunk = RING_SIZE - off,
		       room = RING_SIZE - (prod - cons);

		if (chunk > room)
			chunk = room;
		if (chunk > len)
			chunk = len;
		memcpy((char *)intf->rsp + off, data, chunk);
		prod += (uint32_t)chunk;
		conn_out_advance(c, chunk);
	}
	if (prod != start) {
		store_idx(&intf->rsp_prod, prod);
		*moved = true;
	}
	return 0;
}
