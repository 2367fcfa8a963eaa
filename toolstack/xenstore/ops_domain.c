/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Domain requests (docs/misc/xenstore.txt): INTRODUCE, RELEASE, RESUME
 * and IS_DOMAIN_INTRODUCED (dom0 only; the dispatch table checks) and
 * GET_DOMAIN_PATH. INTRODUCE and RELEASE fire @introduceDomain and
 * @releaseDomain and call the domain transport hooks, if any.
 */
#include "xenstored/ops.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "xenstored/conn.h"
#include "hypervisor/log.h"
#include "xenstored/watch.h"
#include "xenstored/xenstored.h"

static int parse_u64(const char *s, uint64_t *out)
{
	unsigned long long v;
	char *end;

	if (*s < '0' || *s > '9')
		return -EINVAL;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || *end)
		return -EINVAL;
	*out = v;
	return 0;
}

static void fire_special(struct xenstored *xs, const char *name)
{
	struct watch_event ev = {.path = name, .scope = WATCH_NODE};

	watch_fire(xs, &ev);
}

/* The single domid argument of @r. */
static int domid_arg(const struct proto_req *r, uint32_t *domid)
{
	const char *v[1];

	if (proto_strings(r, v, 1) < 1)
		return -EINVAL;
	return proto_parse_domid(v[0], domid);
}

static int do_introduce(struct xenstored *xs, uint32_t domid, uint64_t gfn,
			uint64_t port)
{
	bool is_new;
	int rc;

	if (port > UINT32_MAX)
		return -EINVAL;
	rc = domtab_introduce(&xs->domains, domid, gfn, (uint32_t)port,
			      &is_new);
	if (rc || !is_new)
		return rc;
	if (xs->dom_ops && xs->dom_ops->introduce) {
		rc = xs->dom_ops->introduce(xs->dom_priv, domid, gfn,
					    (uint32_t)port);
		if (rc) {
			/* Undo the entry; domtab knows it exists. */
			if (domtab_release(&xs->domains, domid))
				return -EIO;
			return rc;
		}
	}
	log_dom_info(domid, "domain", "introduced (gfn %" PRIu64 ", port %u)",
		     gfn, (unsigned int)port);
	fire_special(xs, "@introduceDomain");
	return 0;
}

int ops_domain_introduce(const struct proto_req *r)
{
	const char *v[3];
	uint32_t domid;
	uint64_t gfn, port;
	int rc;

	if (proto_strings(r, v, 3) < 3)
		return -EINVAL;
	rc = proto_parse_domid(v[0], &domid);
	if (!rc)
		rc = parse_u64(v[1], &gfn);
	if (!rc)
		rc = parse_u64(v[2], &port);
	if (!rc)
		rc = do_introduce(r->c->xs, domid, gfn, port);
	return rc ? rc : proto_ack(r);
}

/* Closes the connections of a released domain (its ring, later). */
static void kill_domain_conns(struct xenstored *xs, uint32_t domid)
{
	struct conn *c;

	for (c = xs->conns; c; c = c->next) {
		if (c->domid == domid)
			conn_kill(c, "domain released");
	}
}

int ops_domain_release(const struct proto_req *r)
{
	struct xenstored *xs = r->c->xs;
	uint32_t domid;
	int rc = domid_arg(r, &domid);

	if (!rc && (domid == 0 || domid >= DOMTAB_DOMID_LIMIT))
		rc = -EINVAL;
	if (!rc)
		rc = domtab_release(&xs->domains, domid);
	if (rc)
		return rc;
	if (xs->dom_ops && xs->dom_ops->release)
		xs->dom_ops->release(xs->dom_priv, domid);
	kill_domain_conns(xs, domid);
	log_dom_info(domid, "domain", "released");
	fire_special(xs, "@releaseDomain");
	return proto_ack(r);
}

int ops_domain_is_introduced(const struct proto_req *r)
{
	uint32_t domid;
	int rc = domid_arg(r, &domid);

	if (rc)
		return rc;
	return proto_reply(
		r, domtab_is_introduced(&r->c->xs->domains, domid) ? "T" : "F",
		2);
}

int ops_domain_resume(const struct proto_req *r)
{
	uint32_t domid;
	int rc = domid_arg(r, &domid);

	if (!rc && !domtab_is_introduced(&r->c->xs->domains, domid))
		rc = -ENOENT;
	return rc ? rc : proto_ack(r);
}

int ops_domain_get_path(const struct proto_req *r)
{
	char buf[32];
	uint32_t domid;
	int n, rc = domid_arg(r, &domid);

	if (rc)
		return rc;
	n = snprintf(buf, sizeof(buf), "/local/domain/%u", (unsigned int)domid);
	return proto_reply(r, buf, (size_t)n + 1);
}
