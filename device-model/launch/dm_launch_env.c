/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dm_build_env(): QEMU's environment. QEMU finds our Xen libraries
 * through LD_LIBRARY_PATH, hvm-xenstored through XENSTORED_PATH, and the
 * libraries find the domain's control socket under HVM_RUN_DIR
 * (dm-abi.md 1.1 and 6.3). XEN_DOMAIN_ID is what libxl sets too; QEMU
 * does not read it, but scripts and logs may.
 */
#include "dm_launch_priv.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#define ENV_LD "LD_LIBRARY_PATH"

/* The variables this file sets; they are dropped from the base. */
static const char *const env_owned[] = {
	ENV_LD,
	"XENSTORED_PATH",
	"HVM_RUN_DIR",
	"XEN_DOMAIN_ID",
};

static bool env_is_owned(const char *entry)
{
	size_t i, n;

	for (i = 0; i < sizeof(env_owned) / sizeof(env_owned[0]); i++) {
		n = strlen(env_owned[i]);
		if (!strncmp(entry, env_owned[i], n) && entry[n] == '=')
			return true;
	}
	return false;
}

static int check_env_path(const char *what, const char *p, char *err,
			  size_t errlen)
{
	if (!p || !p[0])
		return dm_fail(err, errlen,
			       "%s is not set; give its absolute path", what);
	if (strnlen(p, DM_PATH_MAX) >= DM_PATH_MAX)
		return dm_fail(
			err, errlen,
			"%s is too long (limit %d bytes); use a shorter path",
			what, DM_PATH_MAX - 1);
	if (p[0] != '/')
		return dm_fail(err, errlen,
			       "%s \"%s\" is not absolute; give the full path",
			       what, p);
	if (dm_has_control(p) || strchr(p, ':'))
		return dm_fail(
			err, errlen,
			"%s \"%s\" contains ':' or a control character; use a plain directory name",
			what, p);
	return 0;
}

static int check_params(const struct dm_env_params *p, char *err, size_t errlen)
{
	int rc;

	rc = check_env_path("shim directory", p->shim_dir, err, errlen);
	if (!rc)
		rc = check_env_path("xenstored socket path", p->xenstored_path,
				    err, errlen);
	if (!rc)
		rc = check_env_path("run directory", p->run_dir, err, errlen);
	if (!rc && (p->domid == 0 || p->domid > DM_MAX_DOMID))
		return dm_fail(err, errlen,
			       "domid %u is out of range; use 1..%u", p->domid,
			       DM_MAX_DOMID);
	return rc;
}

/* Our shims first, then whatever the caller's path had. */
static int add_ld_path(const struct dm_env_params *p, char *const *base,
		       struct dm_argv *out)
{
	const char *old = NULL;
	size_t n = strlen(ENV_LD);

	for (; base && *base; base++)
		if (!strncmp(*base, ENV_LD, n) && (*base)[n] == '=')
			old = *base + n + 1;
	if (old && old[0])
		return dm_argv_addf(out, ENV_LD "=%s:%s", p->shim_dir, old);
	return dm_argv_addf(out, ENV_LD "=%s", p->shim_dir);
}

int dm_build_env(const struct dm_env_params *p, char *const *base,
		 struct dm_argv *out, char *err, size_t errlen)
{
	char *const *e;
	int rc;

	memset(out, 0, sizeof(*out));
	if (err && errlen)
		err[0] = '\0';
	rc = check_params(p, err, errlen);
	if (rc)
		return rc;
	for (e = base; !rc && e && *e; e++)
		if (!env_is_owned(*e))
			rc = dm_argv_add(out, *e);
	if (!rc)
		rc = add_ld_path(p, base, out);
	if (!rc)
		rc = dm_argv_addf(out, "XENSTORED_PATH=%s", p->xenstored_path);
	if (!rc)
		rc = dm_argv_addf(out, "HVM_RUN_DIR=%s", p->run_dir);
	if (!rc)
		rc = dm_argv_addf(out, "XEN_DOMAIN_ID=%u", p->domid);
	if (rc) {
		dm_argv_free(out);
		dm_fail(err, errlen, "cannot build QEMU's environment: %s",
			rc == -ENOMEM ? "out of memory"
				      : "too many or too long variables");
	}
	return rc;
}
