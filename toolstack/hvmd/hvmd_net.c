/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Networking: one tap per vif, created by hvmd before QEMU starts
 * ("ip tuntap add"); QEMU then opens the existing tap by name (script=no).
 * Without script= hvmd attaches the tap to its bridge and brings it up
 * itself, as Xen's vif-bridge would; the bridge must exist (hvmd does not
 * create bridges, and says so). With script= the vif hotplug script does
 * that instead (hvmd_hotplug.h): "online" after the tap is created,
 * "offline" before it is deleted on teardown.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hvmd_argv.h"
#include "hvmd_hotplug.h"
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

/* The script of @v resolved into @path; -EINVAL (a config error) if not. */
static int script_path(const struct hvmd *h, const struct domain_vif *v,
		       unsigned int i, char *path, size_t size, char *err,
		       size_t errlen)
{
	int rc = hvmd_hotplug_path(h->o.scripts_dir, v->script, path, size);

	if (rc == -EINVAL)
		snprintf(
			err, errlen,
			"vif %u: script=%s is a relative path; give a plain name (looked up in %s, see --scripts-dir) or an absolute path",
			i, v->script, h->o.scripts_dir);
	else if (rc)
		snprintf(err, errlen, "vif %u: script=%s: the path is too long",
			 i, v->script);
	return rc ? -EINVAL : 0;
}

static int check_script(const struct hvmd *h, const struct domain_vif *v,
			unsigned int i, char *err, size_t errlen)
{
	char path[PATH_MAX];
	int rc;

	rc = script_path(h, v, i, path, sizeof(path), err, errlen);
	if (rc)
		return rc;
	rc = hvmd_hotplug_check(path);
	if (rc == -EACCES)
		snprintf(
			err, errlen,
			"vif %u: hotplug script %s is not executable; make it executable (chmod +x %s)",
			i, path, path);
	else if (rc)
		snprintf(
			err, errlen,
			"vif %u: hotplug script %s: %s; install it there, give another script=, or point hvmd at another directory with --scripts-dir",
			i, path,
			rc == -EINVAL ? "not a regular file" : strerror(-rc));
	/* Missing or unusable scripts are a host problem (exit 1). */
	return rc == -EINVAL ? -ENOENT : rc;
}

static int check_bridge(const struct hvmd *h, const struct domain_vif *v,
			unsigned int i, char *err, size_t errlen)
{
	const char *br = vif_bridge(h, v);
	char path[128];
	struct stat st;

	snprintf(path, sizeof(path), "/sys/class/net/%s/bridge", br);
	if (stat(path, &st) == 0)
		return 0;
	snprintf(
		err, errlen,
		"vif %u: bridge %s does not exist; create it (ip link add %s type bridge && ip link set %s up) or name another with bridge= in vif=",
		i, br, br, br);
	return -ENODEV;
}

/*
 * With script= the script attaches the tap, possibly to something that is
 * not a Linux bridge (Open vSwitch, routing), so only the script is checked.
 */
int hvmd_net_check(const struct hvmd *h, const struct domain_config *cfg,
		   char *err, size_t errlen)
{
	unsigned int i;
	int rc;

	for (i = 0; i < cfg->nr_vifs; i++) {
		const struct domain_vif *v = &cfg->vifs[i];

		rc = v->script ? check_script(h, v, i, err, errlen)
			       : check_bridge(h, v, i, err, errlen);
		if (rc)
			return rc;
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

static void vif_desc(const struct hvmd *h, const struct domtab_dom *d,
		     unsigned int i, const char *tap,
		     struct hvmd_hotplug_vif *hv)
{
	hv->tap = tap;
	hv->bridge = vif_bridge(h, &d->cfg.vifs[i]);
	hv->mac = d->cfg.vifs[i].mac;
	hv->domid = d->domid;
	hv->devid = i;
	hv->mtu = d->cfg.vifs[i].mtu;
	hv->ip = d->cfg.vifs[i].ip;
}

/*
 * Runs vif @i's script with @action; fills @err on failure. Returns 0, or
 * -EIO if it failed, -ETIMEDOUT if it was killed, another negative errno
 * if it could not run.
 */
static int run_script(struct hvmd *h, struct domtab_dom *d, unsigned int i,
		      const char *tap, const char *action, char *err,
		      size_t errlen)
{
	struct hvmd_hotplug_vif hv;
	char path[PATH_MAX];
	int rc, status;

	rc = script_path(h, &d->cfg.vifs[i], i, path, sizeof(path), err,
			 errlen);
	if (rc)
		return rc;
	vif_desc(h, d, i, tap, &hv);
	hvmd_log(d, "info", "vif %u: running %s %s for tap %s", i, path, action,
		 tap);
	rc = hvmd_hotplug_run(path, action, &hv, d->log_fd,
			      HVMD_HOTPLUG_TIMEOUT_MS, &status);
	if (rc == -ETIMEDOUT)
		snprintf(
			err, errlen,
			"vif %u: hotplug script %s %s for tap %s did not finish within %u s and was killed (its output is in the domain log)",
			i, path, action, tap, HVMD_HOTPLUG_TIMEOUT_MS / 1000);
	else if (rc)
		snprintf(err, errlen,
			 "vif %u: cannot run hotplug script %s: %s", i, path,
			 strerror(-rc));
	else if (status)
		snprintf(
			err, errlen,
			"vif %u: hotplug script %s %s for tap %s exited with status %d (its output is in the domain log)",
			i, path, action, tap, status);
	return rc ? rc : status ? -EIO : 0;
}

_Static_assert(DOMAIN_CONFIG_MAX_VIFS <= 32, "domtab_dom.taps is 32 bits");

static bool tap_exists(const char *tap)
{
	char path[80];

	snprintf(path, sizeof(path), "/sys/class/net/%s", tap);
	return access(path, F_OK) == 0;
}

/* Runs "ip ARGS..." (@args ends with NULL); 0 if it exits 0. */
static int ip(struct domtab_dom *d, const char *const *args)
{
	struct hvmd_argv a = {0};

	hvmd_argv_add(&a, "%s", ip_path());
	for (; *args; args++)
		hvmd_argv_add(&a, "%s", *args);
	return run_ip(d, &a);
}

static int tap_add(struct domtab_dom *d, const char *tap)
{
	const char *const args[] = {"tuntap", "add", "dev", tap,
				    "mode",   "tap", NULL};

	return ip(d, args);
}

static int tap_del(struct domtab_dom *d, const char *tap)
{
	const char *const args[] = {"link", "del", "dev", tap, NULL};

	return ip(d, args);
}

/* Without script=: what vif-bridge does, done by hvmd itself. */
static int tap_attach(struct domtab_dom *d, const char *tap, const char *br,
		      unsigned int mtu)
{
	char m[16];
	const char *const args[] = {"link",   "set", "dev", tap,
				    "master", br,    "up",  NULL};
	const char *const args_mtu[] = {"link", "set", "dev", tap,  "master",
					br,	"mtu", m,     "up", NULL};

	snprintf(m, sizeof(m), "%u", mtu);
	return ip(d, mtu ? args_mtu : args);
}

static int setup_one(struct hvmd *h, struct domtab_dom *d, unsigned int i,
		     char *err, size_t errlen)
{
	const struct domain_vif *v = &d->cfg.vifs[i];
	const char *br = vif_bridge(h, v);
	char tap[32];
	int rc;

	hvmd_net_tap_name(d, i, tap, sizeof(tap));
	if (tap_exists(tap))
		return snprintf(
			       err, errlen,
			       "vif %u: network interface %s already exists; choose another vifname= or remove it (ip link del %s)",
			       i, tap, tap),
		       -EEXIST;
	rc = tap_add(d, tap);
	if (rc)
		return snprintf(
			       err, errlen,
			       "vif %u: cannot create tap %s (see the ip lines in the domain log)",
			       i, tap),
		       rc;
	d->taps |= 1u << i;
	if (!v->script) {
		/* Xen's default vif-bridge uses ip= only for antispoofing. */
		if (v->ip)
			hvmd_log(
				d, "warn",
				"vif %u: ip=%s is ignored: only a hotplug script (script=, as $ip) uses it; hvmd attaches the tap without filtering its addresses",
				i, v->ip);
		rc = tap_attach(d, tap, br, v->mtu);
		if (rc)
			snprintf(
				err, errlen,
				"vif %u: cannot attach tap %s to bridge %s (see the ip lines in the domain log)",
				i, tap, br);
	} else {
		rc = run_script(h, d, i, tap, "online", err, errlen);
	}
	/* Deleted here, so teardown never runs offline for this vif. */
	if (rc) {
		d->taps &= ~(1u << i);
		if (tap_del(d, tap))
			hvmd_log(
				d, "warn",
				"cannot delete tap %s; delete it with ip link del %s",
				tap, tap);
	}
	if (rc == 0 && v->script)
		hvmd_log(d, "info", "vif %u: tap %s set up by script %s", i,
			 tap, v->script);
	else if (rc == 0 && v->mtu)
		hvmd_log(d, "info", "vif %u: tap %s on bridge %s, mtu %u", i,
			 tap, br, v->mtu);
	else if (rc == 0)
		hvmd_log(d, "info", "vif %u: tap %s on bridge %s", i, tap, br);
	return rc;
}

int hvmd_net_setup(struct hvmd *h, struct domtab_dom *d, char *err,
		   size_t errlen)
{
	unsigned int i;
	int rc;

	for (i = 0; i < d->cfg.nr_vifs; i++) {
		rc = setup_one(h, d, i, err, errlen);
		if (rc)
			return rc;
	}
	return 0;
}

/* Only the taps hvmd made: never an interface that was there before. */
void hvmd_net_teardown(struct hvmd *h, struct domtab_dom *d)
{
	char tap[32], err[1024];
	unsigned int i;

	for (i = 0; i < d->cfg.nr_vifs; i++) {
		if (!(d->taps & (1u << i)))
			continue;
		d->taps &= ~(1u << i);
		hvmd_net_tap_name(d, i, tap, sizeof(tap));
		if (!tap_exists(tap))
			continue;
		if (d->cfg.vifs[i].script &&
		    run_script(h, d, i, tap, "offline", err, sizeof(err)))
			hvmd_log(d, "warn", "%s; deleting the tap anyway", err);
		if (tap_del(d, tap))
			hvmd_log(
				d, "warn",
				"cannot delete tap %s; delete it with ip link del %s",
				tap, tap);
	}
}
