/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Networking: one tap per vif, created by hvmd before QEMU starts
 * ("ip tuntap add"), attached to its bridge and brought up; QEMU then
 * opens the existing tap by name (script=no). The bridge must exist: hvmd
 * does not create bridges, and says so. Taps are deleted on teardown.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hvmd_argv.h"
#include "hvmd_priv.h"

static const char *vif_bridge(const struct hvmd *h, const struct domain_vif *v)
{
	return v->bridge && v->bridge[0] ? v->bridge : h->o.bridge;
}

void hvmd_net_tap_name(const struct domtab_dom *d, unsigned int i, char *buf,
		       size_t size)
{
	const struct domain_vif *v = &d->cfg.vifs[i];

	if (v->vifname && v->vifname[0])
		snprintf(buf, size, "%s", v->vifname);
	else
		snprintf(buf, size, "vif%u.%u-emu", d->domid, i);
}

int hvmd_net_check(const struct hvmd *h, const struct domain_config *cfg,
		   char *err, size_t errlen)
{
	char path[128];
	struct stat st;
	unsigned int i;

	for (i = 0; i < cfg->nr_vifs; i++) {
		const char *br = vif_bridge(h, &cfg->vifs[i]);

		snprintf(path, sizeof(path), "/sys/class/net/%s/bridge", br);
		if (stat(path, &st) == 0)
			continue;
		snprintf(
			err, errlen,
			"vif %u: bridge %s does not exist; create it (ip link add %s type bridge && ip link set %s up) or name another with bridge= in vif=",
			i, br, br, br);
		return -ENODEV;
	}
	return 0;
}

static const char *ip_path(void)
{
	static const char *const paths[] = {"/usr/sbin/ip", "/sbin/ip",
					    "/usr/bin/ip", "/bin/ip"};
	unsigned int i;

	for (i = 0; i < 4; i++)
		if (access(paths[i], X_OK) == 0)
			return paths[i];
	return paths[0];
}

/* Runs "ip ARGS..." with its output in the domain log; 0 if it exits 0. */
static int run_ip(struct domtab_dom *d, struct hvmd_argv *a)
{
	struct domtab_proc p = {0};
	int rc, status;

	rc = a->rc ? a->rc
		   : hvmd_spawn((const char *const *)a->v, d->log_fd, &p);
	hvmd_argv_free(a);
	if (rc)
		return rc;
	while (hvmd_proc_alive(&p, &status))
		usleep(10000);
	return status == 0 ? 0 : -EIO;
}

int hvmd_net_setup(struct hvmd *h, struct domtab_dom *d, char *err,
		   size_t errlen)
{
	struct hvmd_argv a = {0};
	unsigned int i;
	char tap[32];
	int rc;

	for (i = 0; i < d->cfg.nr_vifs; i++) {
		const char *br = vif_bridge(h, &d->cfg.vifs[i]);

		hvmd_net_tap_name(d, i, tap, sizeof(tap));
		hvmd_argv_add(&a, "%s", ip_path());
		hvmd_argv_add(&a, "tuntap");
		hvmd_argv_add(&a, "add");
		hvmd_argv_add(&a, "dev");
		hvmd_argv_add(&a, "%s", tap);
		hvmd_argv_add(&a, "mode");
		hvmd_argv_add(&a, "tap");
		rc = run_ip(d, &a);
		if (rc == 0) {
			hvmd_argv_add(&a, "%s", ip_path());
			hvmd_argv_add(&a, "link");
			hvmd_argv_add(&a, "set");
			hvmd_argv_add(&a, "dev");
			hvmd_argv_add(&a, "%s", tap);
			hvmd_argv_add(&a, "master");
			hvmd_argv_add(&a, "%s", br);
			hvmd_argv_add(&a, "up");
			rc = run_ip(d, &a);
		}
		if (rc)
			return snprintf(
				       err, errlen,
				       "cannot create tap %s on bridge %s (see the ip lines in the domain log)",
				       tap, br),
			       rc;
		hvmd_log(d, "info", "vif %u: tap %s on bridge %s", i, tap, br);
	}
	return 0;
}

void hvmd_net_teardown(struct hvmd *h, struct domtab_dom *d)
{
	struct hvmd_argv a = {0};
	char tap[32], path[80];
	unsigned int i;

	(void)h;
	for (i = 0; i < d->cfg.nr_vifs; i++) {
		hvmd_net_tap_name(d, i, tap, sizeof(tap));
		snprintf(path, sizeof(path), "/sys/class/net/%s", tap);
		if (access(path, F_OK) < 0)
			continue;
		hvmd_argv_add(&a, "%s", ip_path());
		hvmd_argv_add(&a, "link");
		hvmd_argv_add(&a, "del");
		hvmd_argv_add(&a, "dev");
		hvmd_argv_add(&a, "%s", tap);
		if (run_ip(d, &a))
			hvmd_log(
				d, "warn",
				"cannot delete tap %s; delete it with ip link del %s",
				tap, tap);
	}
}
