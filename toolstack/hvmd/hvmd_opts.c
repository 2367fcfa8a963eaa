/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hvmd's options: built-in defaults, then the config file (/etc/hvm/
 * hvmd.conf or --config FILE: "key = value" lines, keys as the long
 * options), then the command line. Helper binaries default to the build
 * tree hvmd runs from (found through /proc/self/exe), so tests work from
 * the build directory without installing anything.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hvmd_hotplug.h"
#include "hvmd_logcap.h"
#include "hvmd_priv.h"

#define HVMD_CONF_DEFAULT "/etc/hvm/hvmd.conf"

struct opt_field {
	const char *name;
	size_t off;
	size_t size;
};

#define OPT_FIELD(n, f)                                                        \
	{                                                                      \
		n, offsetof(struct hvmd_opts, f),                              \
			sizeof(((struct hvmd_opts *)0)->f)                     \
	}

static const struct opt_field fields[] = {
	OPT_FIELD("state-dir", state_dir),
	OPT_FIELD("log-dir", log_dir),
	OPT_FIELD("run-dir", run_dir),
	OPT_FIELD("socket", socket),
	OPT_FIELD("group", group),
	OPT_FIELD("bridge", bridge),
	OPT_FIELD("xenstored", xenstored),
	OPT_FIELD("hvm-domain", domain_bin),
	OPT_FIELD("dm-launch", dm_launch),
	OPT_FIELD("shim-dir", shim_dir),
	OPT_FIELD("loader", loader),
	OPT_FIELD("seabios", seabios),
	OPT_FIELD("qemu", qemu),
	OPT_FIELD("scripts-dir", scripts_dir),
	OPT_FIELD("console-log", console_log),
	OPT_FIELD("console-log-max", console_log_max),
};

static int set_field(struct hvmd_opts *o, const char *key, const char *val)
{
	unsigned int i;

	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		char *dst = (char *)o + fields[i].off;

		if (strcmp(key, fields[i].name))
			continue;
		if (strlen(val) >= fields[i].size) {
			fprintf(stderr,
				"hvmd: %s is too long (at most %zu characters)\n",
				key, fields[i].size - 1);
			return -ENAMETOOLONG;
		}
		snprintf(dst, fields[i].size, "%s", val);
		return 0;
	}
	fprintf(stderr, "hvmd: unknown option %s; see hvmd --help\n", key);
	return -EINVAL;
}

/* Strips the last component of @path in place ("/a/b" -> "/a"). */
static void up(char *path)
{
	char *slash = strrchr(path, '/');

	if (slash && slash != path)
		*slash = '\0';
	else if (slash)
		slash[1] = '\0';
}

static void set_defaults(struct hvmd_opts *o)
{
	char exe[PATH_MAX], base[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	memset(o, 0, sizeof(*o));
	snprintf(o->state_dir, sizeof(o->state_dir), "/var/lib/hvm");
	snprintf(o->log_dir, sizeof(o->log_dir), "/var/log/hvm");
	snprintf(o->run_dir, sizeof(o->run_dir), "/run/hvm");
	snprintf(o->bridge, sizeof(o->bridge), "xenbr0");
	snprintf(o->console_log, sizeof(o->console_log), "on");
	snprintf(o->console_log_max, sizeof(o->console_log_max), "16M");
	snprintf(o->scripts_dir, sizeof(o->scripts_dir), "%s",
		 HVMD_SCRIPTS_DIR_DEFAULT);
	snprintf(o->seabios, sizeof(o->seabios),
		 "/usr/share/seabios/bios-256k.bin");
	exe[n > 0 ? n : 0] = '\0';
	/* exe is BUILD/toolstack/hvmd/hvmd: BUILD is three levels up. */
	snprintf(base, sizeof(base), "%s", n > 0 ? exe : "/");
	up(base);
	up(base);
	up(base);
	snprintf(o->xenstored, sizeof(o->xenstored),
		 "%.3800s/toolstack/xenstore/hvm-xenstored", base);
	snprintf(o->domain_bin, sizeof(o->domain_bin),
		 "%.3800s/hypervisor/hvm-domain", base);
	snprintf(o->dm_launch, sizeof(o->dm_launch),
		 "%.3800s/device-model/launch/hvm-dm-launch", base);
	snprintf(o->shim_dir, sizeof(o->shim_dir), "%.3800s/lib/hvm-xen", base);
	snprintf(o->loader, sizeof(o->loader),
		 "%.3800s/hvmloader/hvmloader.elf", base);
}

static char *trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n'))
		*--e = '\0';
	if (e - s >= 2 && (*s == '"' || *s == '\'') && e[-1] == *s) {
		e[-1] = '\0';
		s++;
	}
	return s;
}

static int load_file(struct hvmd_opts *o, const char *path, bool must)
{
	char line[PATH_MAX + 64];
	unsigned int lineno = 0;
	FILE *f = fopen(path, "re");
	int rc = 0;

	if (!f) {
		if (!must && errno == ENOENT)
			return 0;
		fprintf(stderr, "hvmd: cannot read %s: %s\n", path,
			strerror(errno));
		return -errno;
	}
	while (rc == 0 && fgets(line, sizeof(line), f)) {
		char *eq, *s = trim(line);

		lineno++;
		if (!*s || *s == '#')
			continue;
		eq = strchr(s, '=');
		if (!eq) {
			fprintf(stderr, "hvmd: %s:%u: expected key = value\n",
				path, lineno);
			rc = -EINVAL;
			break;
		}
		*eq = '\0';
		rc = set_field(o, trim(s), trim(eq + 1));
	}
	fclose(f);
	return rc;
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: hvmd [--foreground] [--config FILE] [--OPTION VALUE]...\n"
		"The hvm toolstack daemon: owns the domain table and serves hvmctl.\n"
		"  --config FILE     options as \"key = value\" lines (default " HVMD_CONF_DEFAULT
		" if present)\n"
		"  --state-dir DIR   domain state (default /var/lib/hvm)\n"
		"  --log-dir DIR     per-domain logs NAME.log (default /var/log/hvm)\n"
		"  --run-dir DIR     sockets: DOMID/ctl, DOMID/qmp, xenstored.sock (default /run/hvm)\n"
		"  --socket PATH     hvmctl's socket (default RUN-DIR/hvmd.sock)\n"
		"  --group NAME      group allowed to use the socket (default: root only)\n"
		"  --bridge NAME     bridge for vifs without bridge= (default xenbr0)\n"
		"  --scripts-dir DIR vif script= names without '/' (default " HVMD_SCRIPTS_DIR_DEFAULT
		")\n"
		"  --console-log on|off  keep each guest's serial output in LOG-DIR/console/NAME.log\n"
		"                    (default on)\n"
		"  --console-log-max SIZE  past SIZE (K, M, G), a console log moves to NAME.log.1\n"
		"                    and starts again (default 16M; 0: no limit)\n"
		"  --xenstored, --hvm-domain, --dm-launch, --shim-dir, --loader, --seabios,\n"
		"  --qemu PATH       helpers and firmware (default: the build tree of hvmd)\n"
		"  --foreground      stay in the foreground (default: detach)\n"
		"  --verbose         pass --verbose to the device model launcher\n");
}

static int parse_argv(struct hvmd_opts *o, int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		int rc;

		if (!strcmp(a, "--foreground") || !strcmp(a, "-F")) {
			o->foreground = true;
		} else if (!strcmp(a, "--verbose") || !strcmp(a, "-v")) {
			o->verbose = true;
		} else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage(stdout);
			return 1;
		} else if (!strncmp(a, "--", 2) && i + 1 < argc) {
			i++;
			rc = strcmp(a, "--config")
				     ? set_field(o, a + 2, argv[i])
				     : 0;
			if (rc)
				return rc;
		} else {
			fprintf(stderr,
				"hvmd: unexpected argument %s; see hvmd --help\n",
				a);
			return -EINVAL;
		}
	}
	return 0;
}

int hvmd_opts_parse(struct hvmd_opts *o, int argc, char **argv)
{
	const char *conf = NULL;
	int i, rc;

	set_defaults(o);
	for (i = 1; i + 1 < argc; i++)
		if (!strcmp(argv[i], "--config"))
			conf = argv[i + 1];
	rc = load_file(o, conf ? conf : HVMD_CONF_DEFAULT, conf != NULL);
	if (rc == 0)
		rc = parse_argv(o, argc, argv);
	if (rc == 0 && strcmp(o->console_log, "on") &&
	    strcmp(o->console_log, "off")) {
		fprintf(stderr, "hvmd: console-log is \"%s\"; use on or off\n",
			o->console_log);
		return -EINVAL;
	}
	if (rc == 0 &&
	    hvmd_logcap_parse(o->console_log_max, &o->console_log_max_bytes)) {
		fprintf(stderr,
			"hvmd: console-log-max is \"%s\"; give a size such as 16M, or 0 for no limit\n",
			o->console_log_max);
		return -EINVAL;
	}
	if (rc == 0 && !o->socket[0]) {
		if (strlen(o->run_dir) + sizeof("/hvmd.sock") >
		    sizeof(o->socket)) {
			fprintf(stderr,
				"hvmd: run directory %s is too long for a socket path; give --socket\n",
				o->run_dir);
			return -ENAMETOOLONG;
		}
		snprintf(o->socket, sizeof(o->socket), "%s/hvmd.sock",
			 o->run_dir);
	}
	return rc;
}
