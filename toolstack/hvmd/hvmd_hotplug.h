/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vif hotplug scripts (vif script= in a domain config), run the way Xen's
 * toolstack runs them for an emulated NIC's tap: "SCRIPT online" after the
 * tap exists, "SCRIPT offline" before it is deleted, with the device
 * described in the environment (vif, bridge, mac, domid, devid, type_if,
 * XENBUS_PATH, PATH, and mtu and ip when the vif sets them, which Xen's
 * scripts read from XENBUS_PATH) and nothing else inherited from hvmd. Scripts
 * read no xenstore: everything they get is in that environment.
 */
#ifndef HVMD_HVMD_HOTPLUG_H
#define HVMD_HVMD_HOTPLUG_H

#include <stddef.h>
#include <stdint.h>

#include "hvmd_argv.h"

/* Where relative script names are found unless --scripts-dir says. */
#ifndef HVMD_SCRIPTS_DIR_DEFAULT
#define HVMD_SCRIPTS_DIR_DEFAULT "/etc/hvm/scripts"
#endif

/* How long one script run may take before it is killed. */
#define HVMD_HOTPLUG_TIMEOUT_MS 30000

/* PATH in a script's environment. */
#define HVMD_HOTPLUG_PATH                                                      \
	"/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

/* The device a script acts on. */
struct hvmd_hotplug_vif {
	const char *tap;    /* host tap name: $vif */
	const char *bridge; /* $bridge */
	const uint8_t *mac; /* 6 bytes: $mac */
	uint32_t domid;
	unsigned int devid; /* index of the vif in the config */
	unsigned int mtu;   /* vif mtu=: $mtu, 0 if not set */
	const char *ip;	    /* vif ip=: $ip, NULL if not set */
};

/*
 * Resolves @script as Xen does: an absolute path is used as given, a plain
 * name (no '/') is taken from @dir. Writes the path to @buf.
 * Returns 0, -EINVAL for an empty name or a relative path with a '/' (a
 * config error), or -ENAMETOOLONG if the path does not fit @size.
 */
int hvmd_hotplug_path(const char *dir, const char *script, char *buf,
		      size_t size) __attribute__((warn_unused_result));

/*
 * Checks that @path is a regular file hvmd may execute.
 * Returns 0, -ENOENT (or another stat() errno) if it is missing, -EISDIR
 * or -EINVAL if it is not a regular file, -EACCES if it is not executable.
 */
int hvmd_hotplug_check(const char *path) __attribute__((warn_unused_result));

/*
 * Fills @env (which must be empty) with a script's environment, as
 * "KEY=VALUE" strings. Errors are left in @env->rc (-ENOMEM).
 */
void hvmd_hotplug_env(const struct hvmd_hotplug_vif *v, struct hvmd_argv *env);

/*
 * Runs "@path @action" with the environment of @v, its stdout and stderr
 * on @out_fd, and waits for it at most @timeout_ms; a script still running
 * then is killed with its whole process group. Blocks the caller.
 * Returns 0 with the exit status in @status (0 success, 128+N if killed
 * by signal N), -ETIMEDOUT if it was killed for taking too long, or a
 * negative errno if it could not be started.
 */
int hvmd_hotplug_run(const char *path, const char *action,
		     const struct hvmd_hotplug_vif *v, int out_fd,
		     unsigned int timeout_ms, int *status)
	__attribute__((warn_unused_result));

#endif /* HVMD_HVMD_HOTPLUG_H */
