/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hvmd's state directory: for each domain NAME, NAME.cfg holds its
 * canonical config (domain_config_serialise(), so the UUID and MACs stay
 * the same across restarts) and NAME.state its runtime record as
 * "key=value" lines: domid, state, the pids and start times of hvm-domain
 * and hvm-dm-launch, the console, VNC address and log offset. Both are
 * written to a temporary file and renamed, mode 0600.
 *
 * At start-up hvmd re-adopts every recorded domain whose hvm-domain still
 * runs (same pid and start time): it watches it by pid from then on. A
 * domain whose processes died meanwhile is cleaned up; a preserved one
 * stays listed.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hvmd_priv.h"

static int write_file(const char *path, const char *text)
{
	char tmp[PATH_MAX + 16];
	FILE *f;
	int rc = 0;

	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	f = fopen(tmp, "we");
	if (!f)
		return -errno;
	if (fchmod(fileno(f), 0600) < 0 || fputs(text, f) < 0)
		rc = -EIO;
	if (fclose(f) != 0)
		rc = -EIO;
	if (rc == 0 && rename(tmp, path) < 0)
		rc = -errno;
	if (rc)
		unlink(tmp);
	return rc;
}

static void state_text(const struct domtab_dom *d, char *buf, size_t size)
{
	snprintf(
		buf, size,
		"domid=%u\nstate=%s\ndomain_pid=%d\ndomain_start=%llu\ndm_pid=%d\ndm_start=%llu\ncreated=%lld\nlog_scan=%lld\nconsole=%s\npv_console=%s\nvnc=%s\npause_pending=%d\nxs_ring=%d\n",
		d->domid, domtab_state_name(d->state), (int)d->domain.pid,
		d->domain.start, (int)d->dm.pid, d->dm.start,
		(long long)d->created, d->log_scan, d->console, d->pv_console,
		d->vnc, d->pause_pending ? 1 : 0, d->xs_ring ? 1 : 0);
}

void hvmd_state_save(struct hvmd *h, struct domtab_dom *d)
{
	char path[PATH_MAX + 80], state[1024], *cfg = NULL;
	int rc;

	rc = domain_config_serialise(&d->cfg, &cfg);
	if (rc == 0) {
		snprintf(path, sizeof(path), "%s/%s.cfg", h->o.state_dir,
			 d->cfg.name);
		rc = write_file(path, cfg);
		free(cfg);
	}
	if (rc == 0) {
		state_text(d, state, sizeof(state));
		snprintf(path, sizeof(path), "%s/%s.state", h->o.state_dir,
			 d->cfg.name);
		rc = write_file(path, state);
	}
	if (rc)
		hvmd_log(
			d, "err",
			"cannot record domain %s in %s: %s; a restarted hvmd will not find it",
			d->cfg.name, h->o.state_dir, strerror(-rc));
}

void hvmd_state_forget(struct hvmd *h, const struct domtab_dom *d)
{
	char path[PATH_MAX + 80];

	snprintf(path, sizeof(path), "%s/%s.cfg", h->o.state_dir, d->cfg.name);
	unlink(path);
	snprintf(path, sizeof(path), "%s/%s.state", h->o.state_dir,
		 d->cfg.name);
	unlink(path);
}

static void apply_kv(struct domtab_dom *d, const char *k, const char *v)
{
	if (!strcmp(k, "state") && domtab_state_parse(v, &d->state))
		d->state = DOMTAB_RUNNING;
	else if (!strcmp(k, "domain_pid"))
		d->domain.pid = (pid_t)strtol(v, NULL, 10);
	else if (!strcmp(k, "domain_start"))
		d->domain.start = strtoull(v, NULL, 10);
	else if (!strcmp(k, "dm_pid"))
		d->dm.pid = (pid_t)strtol(v, NULL, 10);
	else if (!strcmp(k, "dm_start"))
		d->dm.start = strtoull(v, NULL, 10);
	else if (!strcmp(k, "created"))
		d->created = (time_t)strtoll(v, NULL, 10);
	else if (!strcmp(k, "log_scan"))
		d->log_scan = strtoll(v, NULL, 10);
	else if (!strcmp(k, "console"))
		snprintf(d->console, sizeof(d->console), "%s", v);
	else if (!strcmp(k, "pv_console"))
		snprintf(d->pv_console, sizeof(d->pv_console), "%s", v);
	else if (!strcmp(k, "vnc"))
		snprintf(d->vnc, sizeof(d->vnc), "%s", v);
	else if (!strcmp(k, "pause_pending"))
		d->pause_pending = !strcmp(v, "1");
	else if (!strcmp(k, "xs_ring"))
		d->xs_ring = !strcmp(v, "1");
}

/* Reads NAME.state: the domid into *@domid, the rest into @d later. */
static int read_state(const char *path, struct domtab_dom *d,
		      unsigned long *domid)
{
	char line[256];
	FILE *f = fopen(path, "re");

	if (!f)
		return -errno;
	*domid = 0;
	while (fgets(line, sizeof(line), f)) {
		char *eq = strchr(line, '=');

		line[strcspn(line, "\n")] = '\0';
		if (!eq)
			continue;
		*eq = '\0';
		if (!strcmp(line, "domid"))
			*domid = strtoul(eq + 1, NULL, 10);
		else if (d)
			apply_kv(d, line, eq + 1);
	}
	fclose(f);
	return 0;
}

static void adopt_checked(struct hvmd *h, struct domtab_dom *d)
{
	int st;

	d->domain.child = d->dm.child = false;
	if (hvmd_log_open(h, d))
		hvmd_log(d, "warn", "cannot open the log of domain %s",
			 d->cfg.name);
	/* Its taps were made by the hvmd that started it. */
	d->taps = (1u << d->cfg.nr_vifs) - 1;
	if (d->state == DOMTAB_SHUTDOWN || d->state == DOMTAB_CRASHED) {
		hvmd_log(d, "info", "domain %s is still preserved as %s",
			 d->cfg.name, domtab_state_name(d->state));
		return;
	}
	if (hvmd_proc_alive(&d->domain, &st)) {
		if (!hvmd_proc_alive(&d->dm, &st))
			d->dm.pid = 0;
		hvmd_log(d, "info",
			 "re-adopted running domain %s (hvm-domain pid %d)",
			 d->cfg.name, (int)d->domain.pid);
		hvmd_state_save(h, d);
		return;
	}
	hvmd_log(d, "warn",
		 "domain %s ended while hvmd was not running; cleaning up",
		 d->cfg.name);
	hvmd_build_teardown(h, d);
	hvmd_state_forget(h, d);
	close(d->log_fd);
	domtab_remove(d);
}

static void adopt_one(struct hvmd *h, const char *name)
{
	char path[PATH_MAX + 80];
	static struct config_diag diag;
	struct domain_config cfg;
	struct domtab_dom *d;
	unsigned long domid;
	int rc;

	snprintf(path, sizeof(path), "%s/%s.state", h->o.state_dir, name);
	if (read_state(path, NULL, &domid))
		return;
	snprintf(path, sizeof(path), "%s/%s.cfg", h->o.state_dir, name);
	config_diag_init(&diag);
	if (domain_config_load(&cfg, path, NULL, 0, &diag)) {
		hvmd_log(
			NULL, "err",
			"cannot re-adopt domain %s: its recorded config %s does not load; remove it and the .state file once its processes are gone",
			name, path);
		domain_config_free(&cfg);
		return;
	}
	d = domtab_add_at(&h->tab, (uint32_t)domid, &rc);
	if (!d) {
		hvmd_log(NULL, "err",
			 "cannot re-adopt domain %s (domid %lu): %s", name,
			 domid, strerror(-rc));
		domain_config_free(&cfg);
		return;
	}
	d->cfg = cfg;
	snprintf(path, sizeof(path), "%s/%s.state", h->o.state_dir, name);
	if (read_state(path, d, &domid) == 0)
		adopt_checked(h, d);
}

void hvmd_state_adopt_all(struct hvmd *h)
{
	struct dirent *e;
	DIR *dh = opendir(h->o.state_dir);

	if (!dh)
		return;
	while ((e = readdir(dh)) != NULL) {
		size_t n = strlen(e->d_name);
		char name[DOMAIN_CONFIG_NAME_MAX + 1];

		if (n <= 6 || n - 6 > DOMAIN_CONFIG_NAME_MAX ||
		    strcmp(e->d_name + n - 6, ".state"))
			continue;
		memcpy(name, e->d_name, n - 6);
		name[n - 6] = '\0';
		adopt_one(h, name);
	}
	closedir(dh);
}
