/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A domain's entries in xenstore, through Debian's libxenstore, as libxl
 * makes them (libxl__domain_make, libxl__build_post): /local/domain/N with
 * the nodes the guest may read (owned by dom0, read for N) and those it
 * may write (owned by N), /vm/UUID, then XS_INTRODUCE of the guest's ring
 * (HVM_PARAM_STORE_PFN/EVTCHN, which hvm-domain set up under --xenstore),
 * so that hvm-xenstored serves it; control/platform-feature-xs_reset_watches
 * says hvm-xenstored takes XS_RESET_WATCHES. memory/target and
 * memory/static-max are left out until ballooning exists (a guest's balloon
 * driver acts on them). And the PV control node: control/shutdown, used by
 * hvmctl shutdown and reboot when the guest advertises control/feature-*.
 * With the platform device, each hard disk's PV device, and the PV
 * console's (hvmd_xsdev.c), are written with the rest, before QEMU starts
 * and enumerates its backends.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xen/hvm/params.h>
#include <xenstore.h>

#include "hvmd_priv.h"
#include "hvmd_xsdev.h"
#include "toolstack/domain_uuid.h"

#define XS_PATH 160

enum node_perm {
	NODE_RO, /* dom0's; the guest reads */
	NODE_RW, /* the guest's own */
};

/* Under /local/domain/N, in creation order (parents first). */
static const struct {
	const char *path;
	enum node_perm perm;
} dom_nodes[] = {
	{"", NODE_RO},
	{"cpu", NODE_RO},
	{"device", NODE_RO},
	{"control", NODE_RO},
	{"control/shutdown", NODE_RW},
	{"control/feature-poweroff", NODE_RW},
	{"control/feature-reboot", NODE_RW},
	{"control/feature-suspend", NODE_RW},
	{"control/sysrq", NODE_RW},
	{"data", NODE_RW},
	{"drivers", NODE_RW},
	{"feature", NODE_RW},
	{"attr", NODE_RW},
	{"error", NODE_RW},
	{"store", NODE_RO},
};

/* Opened on first use, again after hvm-xenstored went away. */
static struct xs_handle *xs_get(struct hvmd *h)
{
	if (!h->xsh && h->xs_sock[0]) {
		setenv("XENSTORED_PATH", h->xs_sock, 1);
		h->xsh = xs_open(XS_OPEN_SOCKETONLY);
	}
	return h->xsh;
}

void hvmd_xs_close(struct hvmd *h)
{
	if (h->xsh)
		xs_close(h->xsh);
	h->xsh = NULL;
}

static bool set_perm(struct xs_handle *x, xs_transaction_t t, const char *path,
		     enum node_perm perm, unsigned int domid)
{
	struct xs_permissions ro[2] = {{.id = 0, .perms = XS_PERM_NONE},
				       {.id = domid, .perms = XS_PERM_READ}};
	struct xs_permissions rw[1] = {{.id = domid, .perms = XS_PERM_NONE}};

	return perm == NODE_RO ? xs_set_permissions(x, t, path, ro, 2)
			       : xs_set_permissions(x, t, path, rw, 1);
}

static bool put(struct xs_handle *x, xs_transaction_t t, const char *path,
		const char *val)
{
	return xs_write(x, t, path, val, strlen(val));
}

struct dev_put {
	struct xs_handle *x;
	xs_transaction_t t;
};

static bool dev_put(void *ctx, const char *path, const char *value,
		    unsigned int owner, unsigned int reader)
{
	struct dev_put *v = ctx;
	struct xs_permissions perms[2] = {
		{.id = owner, .perms = XS_PERM_NONE},
		{.id = reader, .perms = XS_PERM_READ}};

	if (value)
		return put(v->x, v->t, path, value);
	return xs_mkdir(v->x, v->t, path) &&
	       xs_set_permissions(v->x, v->t, path, perms, 2);
}

/* The guest's rings, as hvm-domain built them (0: none). */
struct rings {
	uint64_t store_pfn, store_port, cons_pfn, cons_port;
};

/*
 * The PV devices whose backends QEMU runs (hvmd_xsdev.c): each hard
 * disk's vbd with the platform device, and the PV console if hvm-domain
 * made its ring. What an earlier domain of this domid left goes first.
 */
static bool write_devices(struct xs_handle *x, xs_transaction_t t,
			  struct domtab_dom *d, const struct rings *r)
{
	struct dev_put v = {x, t};
	char p[XS_PATH];
	unsigned int i;

	hvmd_xsdev_backend_root("qdisk", d->domid, p, sizeof(p));
	xs_rm(x, t, p);
	hvmd_xsdev_backend_root("console", d->domid, p, sizeof(p));
	xs_rm(x, t, p);
	for (i = 0; i < d->cfg.nr_disks; i++)
		if (hvmd_vbd_wanted(&d->cfg, i) &&
		    !hvmd_vbd_nodes(&d->cfg.disks[i], d->domid, dev_put, &v))
			return false;
	return !r->cons_port || hvmd_pvconsole_nodes(d->domid, r->cons_pfn,
						     r->cons_port, dev_put, &v);
}

/* Everything but the introduction, in one transaction. */
static int write_nodes(struct xs_handle *x, struct domtab_dom *d,
		       const struct rings *r)
{
	uint64_t pfn = r->store_pfn, port = r->store_port;
	char dom[XS_PATH], p[XS_PATH * 2], vm[XS_PATH], v[64];
	char uuid[DOMAIN_UUID_STR_LEN + 1];
	xs_transaction_t t;
	unsigned int i;
	bool ok = true;

	domain_uuid_format(d->cfg.uuid, uuid);
	snprintf(dom, sizeof(dom), "/local/domain/%u", d->domid);
	snprintf(vm, sizeof(vm), "/vm/%s", uuid);
	for (;;) {
		t = xs_transaction_start(x);
		if (t == XBT_NULL)
			return errno ? -errno : -EIO;
		xs_rm(x, t, dom);
		xs_rm(x, t, vm);
		for (i = 0; ok && i < sizeof(dom_nodes) / sizeof(dom_nodes[0]);
		     i++) {
			snprintf(p, sizeof(p), "%s%s%s", dom,
				 *dom_nodes[i].path ? "/" : "",
				 dom_nodes[i].path);
			ok = xs_mkdir(x, t, p) &&
			     set_perm(x, t, p, dom_nodes[i].perm, d->domid);
		}
		snprintf(p, sizeof(p), "%s/name", dom);
		ok = ok && put(x, t, p, d->cfg.name);
		snprintf(p, sizeof(p), "%s/domid", dom);
		snprintf(v, sizeof(v), "%u", d->domid);
		ok = ok && put(x, t, p, v);
		snprintf(p, sizeof(p), "%s/vm", dom);
		ok = ok && put(x, t, p, vm);
		snprintf(p, sizeof(p), "%s/store/ring-ref", dom);
		snprintf(v, sizeof(v), "%llu", (unsigned long long)pfn);
		ok = ok && put(x, t, p, v);
		snprintf(p, sizeof(p), "%s/store/port", dom);
		snprintf(v, sizeof(v), "%llu", (unsigned long long)port);
		ok = ok && put(x, t, p, v);
		/* hvm-xenstored serves XS_RESET_WATCHES, as libxl says. */
		snprintf(p, sizeof(p),
			 "%s/control/platform-feature-xs_reset_watches", dom);
		ok = ok && put(x, t, p, "1");
		ok = ok && xs_mkdir(x, t, vm) &&
		     set_perm(x, t, vm, NODE_RO, d->domid);
		snprintf(p, sizeof(p), "%s/name", vm);
		ok = ok && put(x, t, p, d->cfg.name);
		snprintf(p, sizeof(p), "%s/uuid", vm);
		ok = ok && put(x, t, p, uuid);
		ok = ok && write_devices(x, t, d, r);
		if (!ok) {
			int rc = errno ? -errno : -EIO;

			xs_transaction_end(x, t, true);
			return rc;
		}
		if (xs_transaction_end(x, t, false))
			return 0;
		if (errno != EAGAIN)
			return errno ? -errno : -EIO;
	}
}

int hvmd_xs_domain_setup(struct hvmd *h, struct domtab_dom *d, char *err,
			 size_t errlen)
{
	struct rings r = {0, 0, 0, 0};
	uint64_t pfn = 0, port = 0;
	struct xs_handle *x;
	int rc;

	d->xs_ring = false;
	rc = hvmd_ctl_get_param(h, d, HVM_PARAM_STORE_PFN, &pfn);
	if (!rc)
		rc = hvmd_ctl_get_param(h, d, HVM_PARAM_STORE_EVTCHN, &port);
	if (!rc)
		rc = hvmd_ctl_get_param(h, d, HVM_PARAM_CONSOLE_PFN,
					&r.cons_pfn);
	if (!rc)
		rc = hvmd_ctl_get_param(h, d, HVM_PARAM_CONSOLE_EVTCHN,
					&r.cons_port);
	if (rc)
		return snprintf(
			       err, errlen,
			       "cannot read the guest's rings from hvm-domain: %s",
			       strerror(-rc)),
		       rc;
	if (!port) {
		hvmd_log(
			d, "warn",
			"the guest has no xenstore ring (see hvm-domain's line above); PV drivers stay off");
		return 0;
	}
	x = xs_get(h);
	/* A domid used before (hvmd restarted meanwhile) starts afresh. */
	if (x)
		xs_release_domain(x, d->domid);
	r.store_pfn = pfn;
	r.store_port = port;
	rc = x ? write_nodes(x, d, &r) : -(errno ? errno : EIO);
	if (!rc && !xs_introduce_domain(x, d->domid, pfn, (unsigned int)port))
		rc = errno ? -errno : -EIO;
	if (rc) {
		hvmd_xs_close(h);
		return snprintf(
			       err, errlen,
			       "cannot give the guest its xenstore (%s): %s; see %s/xenstored.log",
			       x ? "hvm-xenstored refused" : "no connection",
			       strerror(-rc), h->o.log_dir),
		       rc;
	}
	d->xs_ring = true;
	hvmd_log(
		d, "info",
		"xenstore: /local/domain/%u written, ring (pfn 0x%llx, port %llu) introduced",
		d->domid, (unsigned long long)pfn, (unsigned long long)port);
	return 0;
}

void hvmd_xs_domain_remove(struct hvmd *h, struct domtab_dom *d)
{
	char uuid[DOMAIN_UUID_STR_LEN + 1], p[XS_PATH];
	struct xs_handle *x;

	/* Also for a domain adopted after a restart of hvmd. */
	x = xs_get(h);
	if (!x)
		return;
	if (!xs_release_domain(x, d->domid) && errno != ENOENT) {
		hvmd_log(d, "warn",
			 "hvm-xenstored did not release the domain: %s",
			 strerror(errno));
		hvmd_xs_close(h);
		return;
	}
	snprintf(p, sizeof(p), "/local/domain/%u", d->domid);
	xs_rm(x, XBT_NULL, p);
	hvmd_xsdev_backend_root("qdisk", d->domid, p, sizeof(p));
	xs_rm(x, XBT_NULL, p);
	hvmd_xsdev_backend_root("console", d->domid, p, sizeof(p));
	xs_rm(x, XBT_NULL, p);
	domain_uuid_format(d->cfg.uuid, uuid);
	snprintf(p, sizeof(p), "/vm/%s", uuid);
	xs_rm(x, XBT_NULL, p);
}

int hvmd_xs_pv_control(struct hvmd *h, struct domtab_dom *d, const char *cmd)
{
	char p[XS_PATH];
	struct xs_handle *x;
	unsigned int len = 0;
	char *val;
	bool has;

	x = xs_get(h);
	if (!x)
		return errno ? -errno : -EIO;
	snprintf(p, sizeof(p), "/local/domain/%u/control/feature-%s", d->domid,
		 cmd);
	val = xs_read(x, XBT_NULL, p, &len);
	if (!val && errno != ENOENT && errno != EACCES) {
		int rc = errno ? -errno : -EIO;

		hvmd_xs_close(h);
		return rc;
	}
	has = val && len == 1 && val[0] == '1';
	free(val);
	if (!has)
		return -EOPNOTSUPP;
	snprintf(p, sizeof(p), "/local/domain/%u/control/shutdown", d->domid);
	if (!put(x, XBT_NULL, p, cmd)) {
		int rc = errno ? -errno : -EIO;

		hvmd_xs_close(h);
		return rc;
	}
	return 0;
}

void hvmd_xs_read_num(struct hvmd *h, const char *dir, const char *node,
		      const char *key, char *out, size_t size)
{
	struct xs_handle *x = xs_get(h);
	char p[XS_PATH], *val = NULL, *end;
	unsigned int len = 0;
	long long n = -1;

	snprintf(p, sizeof(p), "%s/%s", dir, node);
	if (x)
		val = xs_read(x, XBT_NULL, p, &len);
	if (val && len && len < HVMD_XS_VALUE_MAX) {
		n = strtoll(val, &end, 10);
		if (*end || n < 0)
			n = -1;
	}
	free(val);
	snprintf(out, size, "%s=%lld", key, n);
}
