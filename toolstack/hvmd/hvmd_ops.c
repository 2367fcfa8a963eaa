/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The create request: parse the config (file and KEY=VALUE overrides) as
 * hvmctl sent it, check it, take a domid and start the domain.
 *   create [paused=1] [cwd=DIR] [file=PATH] [set=KEY=VALUE]...
 * Relative disk, kernel and ramdisk paths are taken relative to hvmctl's
 * directory (cwd=), as
 * xl takes them relative to its own.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hvmd/hvmd_proto.h"
#include "hvmd_priv.h"
#include "hypervisor/ctl_proto.h"

struct create_req {
	bool paused;
	const char *cwd;
	const char *file;
	const char *sets[HVMD_PROTO_MAX_FIELDS];
	unsigned int nr_sets;
};

static int parse_req(char **f, unsigned int nr, struct create_req *q)
{
	unsigned int i;

	memset(q, 0, sizeof(*q));
	for (i = 1; i < nr; i++) {
		if (!strncmp(f[i], "set=", 4))
			q->sets[q->nr_sets++] = f[i] + 4;
		else if (!strncmp(f[i], "file=", 5))
			q->file = f[i] + 5;
		else if (!strncmp(f[i], "cwd=", 4))
			q->cwd = f[i] + 4;
		else if (!strcmp(f[i], "paused=1"))
			q->paused = true;
		else if (strcmp(f[i], "paused=0"))
			return -EINVAL;
	}
	return 0;
}

/* Sends every config message; returns the first error's text. */
static const char *report_diag(struct hvmd_reply *r,
			       const struct config_diag *diag)
{
	const char *first = NULL;
	unsigned int i;

	for (i = 0; i < diag->nr_msgs; i++) {
		const struct config_msg *m = &diag->msgs[i];

		if (m->severity == CONFIG_SEV_ERROR && !first) {
			first = m->text;
			continue;
		}
		hvmd_reply_msg(r, "%s: %s",
			       m->severity == CONFIG_SEV_ERROR ? "error"
							       : "warning",
			       m->text);
	}
	return first ? first : "the config was rejected";
}

/* @*path relative to @cwd, as xl reads it from where it runs. */
static int absolutise(char **path, const char *cwd)
{
	char *abs = NULL;

	if (!*path || !(*path)[0] || (*path)[0] == '/' || !cwd)
		return 0;
	if (asprintf(&abs, "%s/%s", cwd, *path) < 0)
		return -ENOMEM;
	free(*path);
	*path = abs;
	return 0;
}

/*
 * Disk images and the direct-boot kernel and ramdisk from hvmctl's
 * directory; firmware overrides from the firmware directory, hvmd's
 * hvmloader's (libxl takes them from XENFIRMWAREDIR).
 */
static int absolutise_paths(struct domain_config *c, const char *cwd,
			    const char *fwdir)
{
	unsigned int i;
	int rc = absolutise(&c->kernel, cwd);

	if (!rc)
		rc = absolutise(&c->ramdisk, cwd);
	if (!rc)
		rc = absolutise(&c->loader, fwdir);
	if (!rc)
		rc = absolutise(&c->bios_path, fwdir);
	for (i = 0; !rc && i < c->nr_disks; i++)
		rc = absolutise(&c->disks[i].target, cwd);
	return rc;
}

static int load_cfg(struct hvmd *h, struct hvmd_reply *r, struct create_req *q,
		    struct domain_config *cfg)
{
	static struct config_diag diag;
	char fwdir[sizeof(h->o.loader)], *slash;
	int rc;

	config_diag_init(&diag);
	rc = domain_config_load(cfg, q->file, q->sets, q->nr_sets, &diag);
	if (rc) {
		const char *why = report_diag(r, &diag);

		hvmd_reply_err(r, HVMD_EXIT_USAGE, "%s", why);
		return rc;
	}
	report_diag(r, &diag);
	snprintf(fwdir, sizeof(fwdir), "%s", h->o.loader);
	slash = strrchr(fwdir, '/');
	if (slash)
		*slash = '\0';
	rc = absolutise_paths(cfg, q->cwd, slash ? fwdir : NULL);
	if (rc)
		hvmd_reply_err(r, HVMD_EXIT_FAILED, "out of memory");
	return rc;
}

static int admit(struct hvmd *h, struct hvmd_reply *r,
		 struct domain_config *cfg)
{
	struct domtab_dom *other = domtab_by_name(&h->tab, cfg->name);
	char err[1024];
	int rc;

	if (other) {
		hvmd_reply_err(
			r, HVMD_EXIT_FAILED,
			"cannot create domain \"%s\": a domain with that name already exists (domid %u); choose another name= or destroy it first",
			cfg->name, other->domid);
		return -EEXIST;
	}
	rc = hvmd_check_domain(h, cfg, err, sizeof(err));
	if (rc)
		hvmd_reply_err(
			r, rc == -EINVAL ? HVMD_EXIT_USAGE : HVMD_EXIT_FAILED,
			"cannot create domain \"%s\": %s", cfg->name, err);
	return rc;
}

static void start(struct hvmd *h, struct hvmd_reply *r, struct domtab_dom *d,
		  bool paused)
{
	char err[1024], log[PATH_MAX + 80], id[32], name[96];
	const char *f[3] = {"domain", id, name};

	d->pause_pending = paused;
	hvmd_log_path(h, d, log, sizeof(log));
	if (hvmd_build_start(h, d, err, sizeof(err))) {
		hvmd_reply_err(r, HVMD_EXIT_FAILED,
			       "cannot start domain \"%s\": %s; see %s",
			       d->cfg.name, err, log);
		if (d->log_fd >= 0)
			close(d->log_fd);
		domtab_remove(d);
		return;
	}
	hvmd_state_save(h, d);
	snprintf(id, sizeof(id), "domid=%u", d->domid);
	snprintf(name, sizeof(name), "name=%s", d->cfg.name);
	hvmd_reply_data(r, f, 3);
	hvmd_reply_ok(r);
}

void hvmd_op_create(struct hvmd *h, struct hvmd_reply *r, char **f,
		    unsigned int nr)
{
	struct domain_config cfg;
	struct create_req q;
	struct domtab_dom *d;
	int rc;

	if (parse_req(f, nr, &q)) {
		hvmd_reply_err(r, HVMD_EXIT_USAGE, "malformed create request");
		return;
	}
	domain_config_init(&cfg);
	if (load_cfg(h, r, &q, &cfg) || admit(h, r, &cfg)) {
		domain_config_free(&cfg);
		return;
	}
	d = domtab_add(&h->tab, cfg.name, &rc);
	if (!d) {
		hvmd_reply_err(
			r, HVMD_EXIT_FAILED, "cannot create domain \"%s\": %s",
			cfg.name,
			rc == -ENOSPC
				? "hvmd runs its maximum number of domains"
				: strerror(-rc));
		domain_config_free(&cfg);
		return;
	}
	d->cfg = cfg; /* the slot owns the config now */
	start(h, r, d, q.paused);
}
