/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The fuzz target of a guest's xenstore ring (ring.c and the protocol
 * behind it): a hostile guest scribbles on its page as ring_fuzz.h
 * describes, the daemon serves it as domain 5 next to a small tree with
 * nodes it may and may not read. Invariants checked after each round, as
 * aborts: the daemon never publishes more than a ring of replies past the
 * guest's consumer when the guest's indexes were sane, and a connection
 * it keeps is one that still follows the protocol.
 */
#include "ring_fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "hypervisor/log.h"
#include "xenstored/conn.h"
#include "xenstored/ring.h"
#include "xenstored/xenstored.h"

#define GUEST 5

static const struct conn_transport fuzz_tp = {.name = "fuzz-ring"};

/* A tree worth reading: the guest's home, one node it may not read. */
static void seed(struct xenstored *xs)
{
	static const char *const reqs[][2] = {
		{"/local/domain/5/name", "guest"},
		{"/local/domain/5/control/shutdown", ""},
		{"/secret", "dom0 only"},
	};
	struct conn *c;
	unsigned int i;

	if (conn_create(xs, 0, &fuzz_tp, NULL, &c))
		abort();
	for (i = 0; i < sizeof(reqs) / sizeof(reqs[0]); i++) {
		char buf[128];
		size_t p = strlen(reqs[i][0]) + 1, v = strlen(reqs[i][1]);
		struct xsd_sockmsg h = {.type = XS_WRITE,
					.req_id = i,
					.len = (uint32_t)(p + v)};

		memcpy(buf, reqs[i][0], p);
		memcpy(buf + p, reqs[i][1], v);
		conn_feed(c, &h, sizeof(h));
		conn_feed(c, buf, p + v);
	}
	{
		static const char perms[] = "/local/domain/5\0n5\0";
		struct xsd_sockmsg h = {.type = XS_SET_PERMS,
					.len = sizeof(perms) - 1};

		conn_feed(c, &h, sizeof(h));
		conn_feed(c, perms, sizeof(perms) - 1);
	}
	conn_destroy(c);
}

static void put(struct xenstore_domain_interface *i, const uint8_t *p, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		i->req[MASK_XENSTORE_IDX(i->req_prod + k)] = (char)p[k];
	i->req_prod += (uint32_t)n;
}

static void round_of(struct xenstore_domain_interface *i, struct conn **c,
		     struct xenstored *xs)
{
	bool sane = i->rsp_prod - i->rsp_cons <= XENSTORE_RING_SIZE;
	bool in, out;

	if (ring_pull(i, *c, &in) || ring_push(i, *c, &out))
		conn_kill(*c, "fuzz: inconsistent indexes");
	if (sane && i->rsp_prod - i->rsp_cons > XENSTORE_RING_SIZE)
		abort();
	if ((*c)->dead) {
		conn_destroy(*c);
		if (conn_create(xs, GUEST, &fuzz_tp, NULL, c))
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct xenstore_domain_interface page;
	struct xenstore_domain_interface *i = &page;
	struct xenstored *xs;
	struct conn *c;
	size_t at = 0, n;
	uint32_t v;

	/* Every killed connection would log a line: millions of them. */
	log_set_level(LOG_ERR);
	memset(i, 0, sizeof(*i));
	if (xenstored_create(NULL, &xs))
		abort();
	seed(xs);
	if (conn_create(xs, GUEST, &fuzz_tp, NULL, &c))
		abort();
	while (at < size) {
		uint8_t op = data[at++];

		switch (op) {
		case RING_FUZZ_BYTES:
			n = at < size ? data[at++] : 0;
			n = n < size - at ? n : size - at;
			put(i, data + at, n);
			at += n;
			break;
		case RING_FUZZ_REQUEST: {
			struct xsd_sockmsg h = {0};

			if (size - at < 3)
				goto out;
			h.type = data[at];
			h.req_id = (uint32_t)at;
			n = data[at + 1] | (size_t)data[at + 2] << 8;
			at += 3;
			n = n < size - at ? n : size - at;
			h.len = (uint32_t)n;
			put(i, (const uint8_t *)&h, sizeof(h));
			put(i, data + at, n);
			at += n;
			break;
		}
		case RING_FUZZ_TAKE:
			n = at < size ? (size_t)data[at++] * 8 : 0;
			while (n-- && i->rsp_cons != i->rsp_prod)
				i->rsp_cons++;
			break;
		case RING_FUZZ_INDEX: {
			XENSTORE_RING_IDX *idx[] = {&i->req_cons, &i->req_prod,
						    &i->rsp_cons, &i->rsp_prod};

			if (size - at < 5)
				goto out;
			memcpy(&v, data + at + 1, 4);
			*idx[data[at] & 3] = v;
			at += 5;
			break;
		}
		default:
			round_of(i, &c, xs);
			break;
		}
	}
out:
	round_of(i, &c, xs);
	conn_destroy(c);
	xenstored_destroy(xs);
	return 0;
}
