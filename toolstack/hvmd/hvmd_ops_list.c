/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The inspection and lifecycle requests:
 *   list                      one "data domain key=value..." line each
 *   info DOM                  the same for one domain, then its config
 *                             as "data config LINE" lines
 *   pause|unpause|destroy DOM, shutdown|reboot DOM [-F]
 * DOM is a name or a domid, as in xl.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hvmd/hvmd_proto.h"
#include "hvmd_priv.h"
#include "hypervisor/ctl_proto.h"
#include "toolstack/domain_uuid.h"

#define NR_KV 15

static void send_domain(struct hvmd *h, struct hvmd_reply *r,
			struct domtab_dom *d)
{
	char kv[NR_KV][PATH_MAX + 96], uuid[DOMAIN_UUID_STR_LEN + 1];
	char log[PATH_MAX + 80];
	const char *f[NR_KV + 1];
	unsigned long long ms = hvmd_proc_cpu_ms(d->domain.pid);
	unsigned int i;

	domain_uuid_format(d->cfg.uuid, uuid);
	hvmd_log_path(h, d, log, sizeof(log));
	snprintf(kv[0], sizeof(kv[0]), "name=%s", d->cfg.name);
	snprintf(kv[1], sizeof(kv[1]), "domid=%u", d->domid);
	snprintf(kv[2], sizeof(kv[2]), "uuid=%s", uuid);
	snprintf(kv[3], sizeof(kv[3]), "memory=%llu",
		 (unsigned long long)d->cfg.memory_mib);
	snprintf(kv[4], sizeof(kv[4]), "vcpus=%u", d->cfg.vcpus);
	snprintf(kv[5], sizeof(kv[5]), "state=%s", domtab_state_name(d->state));
	snprintf(kv[6], sizeof(kv[6]), "flags=%s",
		 domtab_state_flags(d->state));
	snprintf(kv[7], sizeof(kv[7]), "cputime=%llu.%01llu", ms / 1000,
		 ms % 1000 / 100);
	snprintf(kv[8], sizeof(kv[8]), "console=%s", d->console);
	snprintf(kv[9], sizeof(kv[9]), "vnc=%s", d->vnc);
	snprintf(kv[10], sizeof(kv[10]), "log=%s", log);
	snprintf(kv[11], sizeof(kv[11]), "actions=%s,%s,%s",
		 domain_config_action_name(d->cfg.on_poweroff),
		 domain_config_action_name(d->cfg.on_reboot),
		 domain_config_action_name(d->cfg.on_crash));
	snprintf(kv[12], sizeof(kv[12]), "pid=%d", (int)d->domain.pid);
	/* Only if there is one (serial=pty, console-log on, or an older hvmd).
	 */
	hvmd_console_log_path(h, d, log, sizeof(log));
	if (d->cfg.serial != DOMAIN_SERIAL_PTY || access(log, F_OK))
		log[0] = '\0';
	snprintf(kv[13], sizeof(kv[13]), "console_log=%s", log);
	snprintf(kv[14], sizeof(kv[14]), "pv_console=%s", d->pv_console);
	f[0] = "domain";
	for (i = 0; i < NR_KV; i++)
		f[i + 1] = kv[i];
	hvmd_reply_data(r, f, NR_KV + 1);
}

static void send_config(struct hvmd_reply *r, const struct domtab_dom *d)
{
	char *text = NULL, *line, *save = NULL, *tab;
	const char *f[2] = {"config", NULL};

	if (domain_config_serialise(&d->cfg, &text))
		return;
	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		/* The VNC password stays in the root-only state directory. */
		if (!strncmp(line, "vncpasswd", 9))
			continue;
		/* List items are tab-indented: tabs cannot travel in a field.
		 */
		for (tab = line; (tab = strchr(tab, '\t')) != NULL;)
			*tab = ' ';
		f[1] = line;
		hvmd_reply_data(r, f, 2);
	}
	free(text);
}

static struct domtab_dom *find(struct hvmd *h, struct hvmd_reply *r, char **f,
			       unsigned int nr)
{
	struct domtab_dom *d;

	if (nr != 2) {
		hvmd_reply_err(r, HVMD_EXIT_USAGE,
			       "%s needs exactly one domain name or domid",
			       f[0]);
		return NULL;
	}
	d = domtab_lookup(&h->tab, f[1]);
	if (!d)
		hvmd_reply_err(
			r, HVMD_EXIT_FAILED,
			"no domain \"%s\"; hvmctl list shows the domains",
			f[1]);
	return d;
}

void hvmd_op_list(struct hvmd *h, struct hvmd_reply *r, char **f,
		  unsigned int nr)
{
	struct domtab_dom *d;
	unsigned int i;

	if (!strcmp(f[0], "list")) {
		for (i = 0; i < DOMTAB_MAX; i++)
			if (h->tab.doms[i].used)
				send_domain(h, r, &h->tab.doms[i]);
		hvmd_reply_ok(r);
		return;
	}
	d = find(h, r, f, nr);
	if (!d)
		return;
	send_domain(h, r, d);
	send_config(r, d);
	hvmd_reply_ok(r);
}

static void pause_op(struct hvmd *h, struct hvmd_reply *r, struct domtab_dom *d,
		     bool pause)
{
	int rc;

	if (d->state != DOMTAB_RUNNING && d->state != DOMTAB_PAUSED) {
		hvmd_reply_err(
			r, HVMD_EXIT_FAILED,
			"domain \"%s\" is %s; only a running domain can be paused or unpaused",
			d->cfg.name, domtab_state_name(d->state));
		return;
	}
	rc = hvmd_ctl_op(h, d, pause ? CTL_OP_PAUSE : CTL_OP_UNPAUSE);
	if (rc) {
		hvmd_reply_err(r, HVMD_EXIT_FAILED,
			       "cannot %s domain \"%s\": %s; see its log",
			       pause ? "pause" : "unpause", d->cfg.name,
			       strerror(-rc));
		return;
	}
	d->pause_pending = false;
	d->state = pause ? DOMTAB_PAUSED : DOMTAB_RUNNING;
	hvmd_log(d, "info", "%s by the administrator",
		 pause ? "paused" : "unpaused");
	hvmd_state_save(h, d);
	hvmd_reply_ok(r);
}

/*
 * xl shutdown and reboot: through the guest's PV control node when it
 * advertises control/feature-poweroff or -reboot (its PV drivers then
 * shut down or reboot it; on_poweroff/on_reboot apply as it stops).
 * Without them, only with -F, as xl: shutdown presses the ACPI power
 * button (xl trigger DOM power: the ACPI PM1a block is hvm-domain's, as
 * it is Xen's, so QEMU's system_powerdown would set a status bit the
 * guest never reads); reboot rebuilds the domain (a hard reset).
 */
static void shutdown_op(struct hvmd *h, struct hvmd_reply *r,
			struct domtab_dom *d, bool reboot, bool fallback)
{
	const char *cmd = reboot ? "reboot" : "poweroff";
	int rc;

	if (d->state != DOMTAB_RUNNING && d->state != DOMTAB_PAUSED) {
		hvmd_reply_err(
			r, HVMD_EXIT_FAILED,
			"domain \"%s\" is %s; it cannot be %s (use destroy to remove it)",
			d->cfg.name, domtab_state_name(d->state),
			reboot ? "rebooted" : "shut down");
		return;
	}
	rc = hvmd_xs_pv_control(h, d, cmd);
	if (!rc) {
		hvmd_log(
			d, "info",
			"%s requested by the administrator through the guest's PV control node (control/shutdown=%s)",
			reboot ? "reboot" : "shutdown", cmd);
		hvmd_reply_ok(r);
		return;
	}
	if (rc != -EOPNOTSUPP)
		hvmd_log(d, "warn",
			 "cannot write the guest's control/shutdown: %s",
			 strerror(-rc));
	if (!fallback && rc != -EOPNOTSUPP) {
		/* Not the guest's lack of PV drivers: say what failed. */
		hvmd_reply_err(
			r, HVMD_EXIT_FAILED,
			"cannot reach the xenstore of domain \"%s\" (%s); see xenstored.log in hvmd's log directory, or use -F to %s",
			d->cfg.name, strerror(-rc),
			reboot ? "reset it (the domain is rebuilt)"
			       : "press its ACPI power button");
		return;
	}
	if (!fallback) {
		hvmd_reply_err(
			r, HVMD_EXIT_FAILED,
			"domain \"%s\" has no PV control interface (its guest did not write control/feature-%s: no PV drivers, or not loaded yet); use -F to %s",
			d->cfg.name, cmd,
			reboot ? "reset it (the domain is rebuilt)"
			       : "press its ACPI power button");
		return;
	}
	if (reboot) {
		d->restart_after = true;
		hvmd_life_reboot(h, d);
		hvmd_reply_ok(r);
		return;
	}
	rc = hvmd_ctl_op(h, d, CTL_OP_POWER_BUTTON);
	if (rc) {
		hvmd_reply_err(
			r, HVMD_EXIT_FAILED,
			"cannot press the power button of \"%s\": %s; use destroy to stop it",
			d->cfg.name, strerror(-rc));
		return;
	}
	hvmd_log(
		d, "info",
		"ACPI power button pressed (shutdown -F requested by the administrator)");
	hvmd_reply_ok(r);
}

void hvmd_op_simple(struct hvmd *h, struct hvmd_reply *r, char **f,
		    unsigned int nr)
{
	static const char *const verbs[] = {"pause", "unpause", "destroy",
					    "shutdown", "reboot"};
	struct domtab_dom *d;
	unsigned int i;

	bool fallback = false;

	for (i = 0; i < 5 && strcmp(f[0], verbs[i]); i++)
		;
	if (i == 5) {
		hvmd_reply_err(r, HVMD_EXIT_USAGE, "unknown request \"%s\"",
			       f[0]);
		return;
	}
	/* shutdown and reboot take -F after the domain (xl's fallback). */
	if (i >= 3 && nr == 3 && !strcmp(f[2], "-F")) {
		fallback = true;
		nr = 2;
	}
	d = find(h, r, f, nr);
	if (!d)
		return;
	if (i <= 1) {
		pause_op(h, r, d, i == 0);
	} else if (i == 2) {
		hvmd_life_destroy(h, d);
		hvmd_reply_ok(r);
	} else {
		shutdown_op(h, r, d, i == 4, fallback);
	}
}
