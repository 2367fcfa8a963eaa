/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Domain lifecycle: every tick, each domain's hvm-domain and hvm-dm-launch
 * are checked; when hvm-domain ends, its exit status says why (0 poweroff,
 * 3 reboot, else crash) and hvmd carries out on_poweroff, on_reboot or
 * on_crash:
 *   destroy         the domain's processes, taps and state are removed;
 *   restart         the domain is rebuilt from its config with the same
 *                   name and UUID but a new domid, as Xen does;
 *                   rename-restart is treated as restart;
 *   preserve        the processes are gone but the domain stays listed
 *                   (shutdown or crashed) until hvmctl destroy.
 * A device model that dies takes the domain with it (its devices are gone):
 * that counts as a crash. A domain restarting more than RESTART_MAX times
 * a minute is destroyed instead, so a crash loop cannot spin forever.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "hvmd_priv.h"
#include "hypervisor/ctl_proto.h"

#define RESTART_MAX 5
#define RESTART_WINDOW_S 60

enum stop_why { STOP_POWEROFF, STOP_REBOOT, STOP_CRASH };

static const char *const why_names[] = {"poweroff", "reboot", "crash"};

static void forget(struct hvmd *h, struct domtab_dom *d)
{
	hvmd_state_forget(h, d);
	if (d->log_fd >= 0)
		close(d->log_fd);
	d->log_fd = -1;
	domtab_remove(d);
}

void hvmd_life_destroy(struct hvmd *h, struct domtab_dom *d)
{
	hvmd_log(d, "info", "destroying domain %s", d->cfg.name);
	d->state = DOMTAB_DYING;
	hvmd_build_teardown(h, d);
	hvmd_log(d, "info", "domain %s destroyed", d->cfg.name);
	forget(h, d);
}

static bool restart_allowed(struct domtab_dom *d)
{
	time_t now = time(NULL);

	if (now - d->restart_window > RESTART_WINDOW_S) {
		d->restart_window = now;
		d->restarts = 0;
	}
	return ++d->restarts <= RESTART_MAX;
}

static void restart(struct hvmd *h, struct domtab_dom *d)
{
	uint32_t old = d->domid;
	char err[1024];

	if (!restart_allowed(d)) {
		hvmd_log(
			d, "err",
			"domain %s restarted %u times within %d s; destroying it instead; check its log and config",
			d->cfg.name, RESTART_MAX, RESTART_WINDOW_S);
		forget(h, d);
		return;
	}
	if (domtab_renumber(&h->tab, d)) {
		hvmd_log(d, "err",
			 "no free domid to restart domain %s; destroyed",
			 d->cfg.name);
		forget(h, d);
		return;
	}
	hvmd_log(d, "info", "restarting domain %s (was domid %u)", d->cfg.name,
		 old);
	if (hvmd_build_start(h, d, err, sizeof(err))) {
		hvmd_log(
			d, "err",
			"cannot restart domain %s: %s; it is destroyed, create it again once fixed",
			d->cfg.name, err);
		forget(h, d);
		return;
	}
	hvmd_state_save(h, d);
}

static void stopped(struct hvmd *h, struct domtab_dom *d, enum stop_why why)
{
	enum domain_action act = why == STOP_POWEROFF ? d->cfg.on_poweroff
				 : why == STOP_REBOOT ? d->cfg.on_reboot
						      : d->cfg.on_crash;

	hvmd_log(d, why == STOP_CRASH ? "warn" : "info",
		 "domain %s stopped: %s; on_%s=%s", d->cfg.name, why_names[why],
		 why == STOP_CRASH ? "crash" : why_names[why],
		 domain_config_action_name(act));
	hvmd_build_teardown(h, d);
	switch (act) {
	case DOMAIN_ACTION_RESTART:
	case DOMAIN_ACTION_RENAME_RESTART:
		restart(h, d);
		break;
	case DOMAIN_ACTION_PRESERVE:
		d->state = why == STOP_CRASH ? DOMTAB_CRASHED : DOMTAB_SHUTDOWN;
		hvmd_log(d, "info",
			 "domain %s preserved as %s; hvmctl destroy removes it",
			 d->cfg.name, domtab_state_name(d->state));
		hvmd_state_save(h, d);
		break;
	case DOMAIN_ACTION_DESTROY:
	default:
		hvmd_log(d, "info", "domain %s destroyed", d->cfg.name);
		forget(h, d);
		break;
	}
}

void hvmd_life_reboot(struct hvmd *h, struct domtab_dom *d)
{
	hvmd_log(d, "info",
		 "reboot requested by the administrator: rebuilding domain %s",
		 d->cfg.name);
	hvmd_build_teardown(h, d);
	d->restarts = 0;
	restart(h, d);
}

static void check_domain(struct hvmd *h, struct domtab_dom *d)
{
	bool was_child = d->domain.child;
	int status, dm_status;

	if (d->state == DOMTAB_SHUTDOWN || d->state == DOMTAB_CRASHED)
		return;
	hvmd_logscan(h, d);
	if (!hvmd_proc_alive(&d->domain, &status)) {
		if (!was_child || status < 0)
			status = hvmd_logscan_exit_status(h, d);
		hvmd_log(d, "info", "hvm-domain exited with status %d", status);
		stopped(h, d,
			status == 0   ? STOP_POWEROFF
			: status == 3 ? STOP_REBOOT
				      : STOP_CRASH);
		return;
	}
	if (d->dm.pid && !hvmd_proc_alive(&d->dm, &dm_status)) {
		hvmd_log(
			d, "err",
			"the device model exited (status %d) while the domain ran; the domain has no devices left, so it counts as crashed; see the qemu lines above",
			dm_status);
		stopped(h, d, STOP_CRASH);
	}
}

void hvmd_life_tick(struct hvmd *h)
{
	unsigned int i;
	int status;

	for (i = 0; i < DOMTAB_MAX; i++)
		if (h->tab.doms[i].used)
			check_domain(h, &h->tab.doms[i]);
	hvmd_console_logs_cap(h);
	if (h->xenstored_pid > 0) {
		struct domtab_proc p = {.pid = h->xenstored_pid, .child = true};

		if (!hvmd_proc_alive(&p, &status)) {
			hvmd_log(
				NULL, "warn",
				"hvm-xenstored exited (status %d); it is started again with the next domain",
				status);
			h->xenstored_pid = 0;
			hvmd_xs_close(h);
		}
	}
}
