/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vif hotplug scripts (hvmd_hotplug.h): finding a script, its environment
 * and one bounded run. What hvmd does around a run (creating and deleting
 * the tap, messages) is in hvmd_net.c.
 */
#include "hvmd_hotplug.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "hvmd_priv.h"

#define POLL_MS 20
#define REAP_MS 2000

int hvmd_hotplug_path(const char *dir, const char *script, char *buf,
		      size_t size)
{
	int n;

	if (!script[0])
		return -EINVAL;
	if (script[0] == '/')
		n = snprintf(buf, size, "%s", script);
	else if (strchr(script, '/'))
		return -EINVAL;
	else
		n = snprintf(buf, size, "%s/%s", dir, script);
	return n < 0 || (size_t)n >= size ? -ENAMETOOLONG : 0;
}

int hvmd_hotplug_check(const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return -errno;
	if (S_ISDIR(st.st_mode))
		return -EISDIR;
	if (!S_ISREG(st.st_mode))
		return -EINVAL;
	return access(path, X_OK) < 0 ? -EACCES : 0;
}

void hvmd_hotplug_env(const struct hvmd_hotplug_vif *v, struct hvmd_argv *env)
{
	const uint8_t *m = v->mac;

	hvmd_argv_add(env, "vif=%s", v->tap);
	hvmd_argv_add(env, "bridge=%s", v->bridge);
	hvmd_argv_add(env, "mac=%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1],
		      m[2], m[3], m[4], m[5]);
	hvmd_argv_add(env, "domid=%u", v->domid);
	hvmd_argv_add(env, "devid=%u", v->devid);
	/* An emulated NIC's tap, as Xen's scripts call it. */
	hvmd_argv_add(env, "type_if=tap");
	hvmd_argv_add(env, "XENBUS_PATH=backend/vif/%u/%u", v->domid, v->devid);
	hvmd_argv_add(env, "PATH=%s", HVMD_HOTPLUG_PATH);
	/* Xen's scripts read these from XENBUS_PATH; ours get them here. */
	if (v->mtu)
		hvmd_argv_add(env, "mtu=%u", v->mtu);
	if (v->ip)
		hvmd_argv_add(env, "ip=%s", v->ip);
}

static void sleep_ms(unsigned int ms)
{
	struct timespec ts = {.tv_sec = ms / 1000,
			      .tv_nsec = (long)(ms % 1000) * 1000000L};

	nanosleep(&ts, NULL);
}

/*
 * Kills a script that overran, and whatever it started: hvmd_spawn_env()
 * made it a session (so process group) leader. It is not reaped yet, so
 * its pid, which is also the group's id, cannot have been reused.
 */
static void kill_group(struct domtab_proc *p)
{
	unsigned int waited;
	int status;

	kill(-p->pid, SIGKILL);
	for (waited = 0; waited < REAP_MS; waited += POLL_MS) {
		if (!hvmd_proc_alive(p, &status))
			return;
		sleep_ms(POLL_MS);
	}
}

int hvmd_hotplug_run(const char *path, const char *action,
		     const struct hvmd_hotplug_vif *v, int out_fd,
		     unsigned int timeout_ms, int *status)
{
	const char *argv[] = {path, action, NULL};
	struct hvmd_argv env = {0};
	struct domtab_proc p = {0};
	unsigned int waited = 0;
	int rc;

	*status = -1;
	hvmd_hotplug_env(v, &env);
	rc = env.rc ? env.rc
		    : hvmd_spawn_env(argv, (const char *const *)env.v, out_fd,
				     &p);
	hvmd_argv_free(&env);
	if (rc)
		return rc;
	while (hvmd_proc_alive(&p, status)) {
		if (waited >= timeout_ms) {
			kill_group(&p);
			*status = -1;
			return -ETIMEDOUT;
		}
		sleep_ms(POLL_MS);
		waited += POLL_MS;
	}
	return 0;
}
