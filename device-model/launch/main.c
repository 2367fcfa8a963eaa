/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hvm-dm-launch: starts Debian's Xen QEMU as the device model of one
 * domain that hvm-domain holds paused, relays QEMU's output to the log,
 * unpauses the domain once QEMU reports "running" in xenstore, reports
 * the serial console and VNC address, and stays until QEMU exits
 * (forwarding SIGTERM and SIGINT to it). Exit status: 0 if QEMU exited
 * with 0, 1 if QEMU or a step failed, 2 on usage or config errors.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dm/dm_launch.h"
#include "hypervisor/log.h"
#include "hypervisor/parse_num.h"
#include "launch_priv.h"

#define RUN_DIR_DEFAULT "/run/hvm"
/* The build's shim directory (HVM_XENLIB_DIR), if CMake knew it. */
#ifndef HVM_DM_SHIM_DIR
#define HVM_DM_SHIM_DIR ""
#endif
#define WAIT_DEFAULT_S 60
#define WAIT_MAX_S 3600

struct main_opts {
	struct launch_opts run;
	const char *log_path;
	bool dry_run;
	bool help;
	char ctl_buf[DM_PATH_MAX];
};

static void usage(FILE *f)
{
	fprintf(f,
		"usage: hvm-dm-launch [OPTIONS] domid=N [KEY=VALUE]...\n"
		"Starts QEMU as the device model of domain N, which hvm-domain runs paused\n"
		"with a control socket; unpauses it once QEMU reports running in xenstore.\n"
		"  --qemu PATH            QEMU binary (default " DM_QEMU_DEFAULT
		")\n"
		"  --shim-dir DIR         our Xen libraries, first in LD_LIBRARY_PATH\n"
		"  --xenstored-path PATH  hvm-xenstored's socket (default $XENSTORED_PATH)\n"
		"  --run-dir DIR          holds <domid>/ctl and <domid>/qmp (default " RUN_DIR_DEFAULT
		")\n"
		"  --ctl SOCKET           the domain's control socket (default RUN-DIR/<domid>/ctl)\n"
		"  --log FILE             append log lines to FILE instead of stderr\n"
		"  --wait SECONDS         how long QEMU may take to report running (default 60)\n"
		"  --dry-run              print QEMU's command line, one argument a line, and exit\n"
		"  --no-wait-running      tests only: no xenstore wait, unpause or QMP queries\n"
		"  --verbose              log at debug level\n"
		"Keys: domid, name, memory (MiB), vcpus, maxvcpus, boot (e.g. cda), vga\n"
		"(std|cirrus|none), videoram (MiB), vnc (on|off), vnc-listen, vnc-display (0-99),\n"
		"vnc-unused (on|off), serial (pty|none), serial-log (file the serial output is\n"
		"appended to), qmp, qmp-stat, platform-pci (on|off), acpi (on|off),\n"
		"hpet (on|off), keymap, usb (on|off), usbdevice (tablet|mouse|keyboard,\n"
		"repeatable), kernel, ramdisk, cmdline (direct kernel boot), dm-arg and\n"
		"dm-arg-hvm (one more QEMU argument before -machine, or after the machine\n"
		"type; repeatable), qemu,\n"
		"and repeatable\n"
		"  disk=VDEV,FORMAT,MEDIA,ACCESS,PATH   e.g. disk=hdc,raw,cdrom,ro,/iso/d.iso\n"
		"       (VDEV hda-hdd, FORMAT raw|qcow2, MEDIA disk|cdrom, ACCESS rw|ro;\n"
		"        PATH is the rest, commas included; empty for an empty CD-ROM)\n"
		"  nic=model=ne2k_pci|rtl8139|e1000,mac=MAC[,ifname=IF][,bridge=BR]\n"
		"Exit status: 0 if QEMU exited with 0, 1 on failure, 2 on usage errors.\n");
}

static int parse_one(struct main_opts *m, int c, const char *arg)
{
	uint64_t v;

	switch (c) {
	case 'q':
		if (strlen(arg) >= sizeof(m->run.cfg.qemu_path))
			return -ENAMETOOLONG;
		snprintf(m->run.cfg.qemu_path, sizeof(m->run.cfg.qemu_path),
			 "%s", arg);
		return 0;
	case 's':
		m->run.shim_dir = arg;
		return 0;
	case 'x':
		m->run.xenstored_path = arg;
		return 0;
	case 'r':
		m->run.run_dir = arg;
		return 0;
	case 'c':
		m->run.ctl_path = arg;
		return 0;
	case 'l':
		m->log_path = arg;
		return 0;
	case 'w':
		if (parse_num_u64(arg, 10, WAIT_MAX_S, &v) || v == 0)
			return -EINVAL;
		m->run.wait_s = (unsigned int)v;
		return 0;
	case 'd':
		m->dry_run = true;
		return 0;
	case 'n':
		m->run.no_wait_running = true;
		return 0;
	case 'v':
		log_set_level(LOG_DEBUG);
		return 0;
	default:
		return -EINVAL;
	}
}

static int parse_opts(int argc, char **argv, struct main_opts *m)
{
	static const struct option longopts[] = {
		{"qemu", required_argument, NULL, 'q'},
		{"shim-dir", required_argument, NULL, 's'},
		{"xenstored-path", required_argument, NULL, 'x'},
		{"run-dir", required_argument, NULL, 'r'},
		{"ctl", required_argument, NULL, 'c'},
		{"log", required_argument, NULL, 'l'},
		{"wait", required_argument, NULL, 'w'},
		{"dry-run", no_argument, NULL, 'd'},
		{"no-wait-running", no_argument, NULL, 'n'},
		{"verbose", no_argument, NULL, 'v'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	char err[512];
	int c, idx = 0;

	while ((c = getopt_long(argc, argv, "", longopts, &idx)) != -1) {
		if (c == 'h') {
			m->help = true;
			return 0;
		}
		if (c == '?') /* getopt has said which option is wrong */
			return -EINVAL;
		if (parse_one(m, c, optarg)) {
			fprintf(stderr,
				"hvm-dm-launch: bad value '%s' for --%s\n",
				optarg ? optarg : "", longopts[idx].name);
			return -EINVAL;
		}
	}
	for (; optind < argc; optind++) {
		if (dm_config_set(&m->run.cfg, argv[optind], err,
				  sizeof(err))) {
			fprintf(stderr, "hvm-dm-launch: %s\n", err);
			return -EINVAL;
		}
	}
	return 0;
}

/* Fills in what depends on other options: paths under the run dir. */
static int apply_defaults(struct main_opts *m)
{
	struct launch_opts *o = &m->run;
	struct dm_config *c = &o->cfg;
	int n;

	if (!c->domid) {
		fprintf(stderr, "hvm-dm-launch: domid= is required\n");
		return -EINVAL;
	}
	if (!o->run_dir)
		o->run_dir = RUN_DIR_DEFAULT;
	if (!o->ctl_path) {
		snprintf(m->ctl_buf, sizeof(m->ctl_buf), "%s/%u/ctl",
			 o->run_dir, c->domid);
		o->ctl_path = m->ctl_buf;
	}
	n = c->qmp_path[0] ? 0
			   : snprintf(c->qmp_path, sizeof(c->qmp_path),
				      "%s/%u/qmp", o->run_dir, c->domid);
	if (n < 0 || (size_t)n >= sizeof(c->qmp_path)) {
		fprintf(stderr,
			"hvm-dm-launch: run directory %s is too long for a socket path; give a shorter --run-dir or qmp=\n",
			o->run_dir);
		return -EINVAL;
	}
	if (!o->xenstored_path)
		o->xenstored_path = getenv("XENSTORED_PATH");
	if (!o->shim_dir && HVM_DM_SHIM_DIR[0])
		o->shim_dir = HVM_DM_SHIM_DIR;
	if (!m->dry_run && (!o->shim_dir || !o->xenstored_path)) {
		fprintf(stderr, "hvm-dm-launch: %s is required\n",
			o->shim_dir ? "--xenstored-path (or XENSTORED_PATH)"
				    : "--shim-dir");
		return -EINVAL;
	}
	return 0;
}

/* Redirects the log (stderr) to @path, appending. */
static int open_log(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
	int rc;

	if (fd < 0 || dup2(fd, STDERR_FILENO) < 0) {
		rc = -errno;
		fprintf(stderr,
			"hvm-dm-launch: cannot open log %s: %s; check the directory and permissions\n",
			path, strerror(-rc));
		if (fd >= 0)
			close(fd);
		return rc;
	}
	close(fd);
	return 0;
}

static int dry_run(const struct launch_opts *o)
{
	struct dm_argv a;
	char err[512];
	unsigned int i;

	if (dm_build_argv(&o->cfg, &a, err, sizeof(err))) {
		fprintf(stderr, "hvm-dm-launch: %s\n", err);
		return 2;
	}
	for (i = 0; i < a.argc; i++)
		printf("%s\n", a.argv[i]);
	dm_argv_free(&a);
	return 0;
}

int main(int argc, char **argv)
{
	struct main_opts *m;
	char tag[16];
	int status;

	m = calloc(1, sizeof(*m));
	if (!m) {
		fprintf(stderr, "hvm-dm-launch: out of memory\n");
		return 1;
	}
	dm_config_init(&m->run.cfg);
	m->run.wait_s = WAIT_DEFAULT_S;
	if (parse_opts(argc, argv, m)) {
		usage(stderr);
		free(m);
		return 2;
	}
	if (m->help) {
		usage(stdout);
		free(m);
		return 0;
	}
	if (apply_defaults(m)) {
		usage(stderr);
		free(m);
		return 2;
	}
	if (m->dry_run) {
		status = dry_run(&m->run);
	} else if (m->log_path && open_log(m->log_path)) {
		status = 1;
	} else {
		snprintf(tag, sizeof(tag), "d%u", m->run.cfg.domid);
		log_set_domain(tag);
		/* Our own libxenstore connection finds the daemon this way. */
		if (setenv("XENSTORED_PATH", m->run.xenstored_path, 1))
			status = 1;
		else
			status = launch_run(&m->run);
	}
	free(m);
	return status;
}
