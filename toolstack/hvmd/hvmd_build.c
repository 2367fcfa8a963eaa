/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Starting one domain's processes, in the order of
 * tests/integration/boot/check-iso: hvm-xenstored if nobody serves it,
 * the vif taps, hvm-domain (paused, with its control socket), the guest's
 * xenstore entries and ring (hvmd_xs.c), then hvm-dm-launch, which starts QEMU
 * and unpauses the domain once QEMU runs. And tearing them down again. Guest
 * RAM given to hvm-domain is memory less the video RAM, which QEMU populates
 * above it (as libxl does).
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "hvmd_argv.h"
#include "hvmd_priv.h"
#include "hypervisor/ctl_proto.h"
#include "toolstack/domain_uuid.h"

#define CTL_WAIT_MS 15000
#define POLL_MS 50

static void domain_argv(struct hvmd *h, struct domtab_dom *d,
			struct hvmd_argv *a)
{
	const struct domain_config *c = &d->cfg;
	char uuid[DOMAIN_UUID_STR_LEN + 1];

	domain_uuid_format(c->uuid, uuid);
	hvmd_argv_add(a, "%s", h->o.domain_bin);
	hvmd_argv_add(a, "--domid");
	hvmd_argv_add(a, "%u", d->domid);
	hvmd_argv_add(a, "--memory");
	hvmd_argv_add(a, "%llu",
		      (unsigned long long)(c->memory_mib - c->videoram_mib));
	hvmd_argv_add(a, "--vcpus");
	hvmd_argv_add(a, "%u", c->vcpus);
	if (c->cpus.set) {
		char cpus[DOMAIN_CPUMAP_STR_LEN];

		domain_cpumap_format(&c->cpus, cpus);
		hvmd_argv_add(a, "--cpus");
		hvmd_argv_add(a, "%s", cpus);
	}
	if (c->hap != DOMAIN_HAP_DEFAULT) {
		hvmd_argv_add(a, "--hap");
		hvmd_argv_add(a, "%d", c->hap == DOMAIN_HAP_ON);
	}
	if (c->max_grant_frames) {
		hvmd_argv_add(a, "--max-grant-frames");
		hvmd_argv_add(a, "%u", c->max_grant_frames);
	}
	if (!c->pae)
		hvmd_argv_add(a, "--no-pae");
	if (!c->apic)
		hvmd_argv_add(a, "--no-apic");
	/* hvmd_xs.c introduces the ring before the guest runs. */
	hvmd_argv_add(a, "--xenstore");
	/* libxl gives every HVM guest a PV console; QEMU serves it. */
	hvmd_argv_add(a, "--pv-console");
	hvmd_argv_add(a, "--paused");
	hvmd_argv_add(a, "--ctl");
	hvmd_argv_add(a, "%s/%u/ctl", h->o.run_dir, d->domid);
	/* firmware_override= and bios_path_override= replace hvmd's. */
	hvmd_argv_add(a, "--loader");
	hvmd_argv_add(a, "%s", c->loader ? c->loader : h->o.loader);
	hvmd_argv_add(a, "--module");
	/* hvmloader's ACPI and HPET tables follow the config, as QEMU does. */
	hvmd_argv_add(a, "%s,firmware boot=%s uuid=%s acpi=%d hpet=%d",
		      c->bios_path ? c->bios_path : h->o.seabios, c->boot, uuid,
		      c->acpi, c->hpet);
}

/* usb= and each usbdevice=, as hvm-dm-launch takes them. */
static void usb_args(const struct domain_config *c, struct hvmd_argv *a)
{
	static const char *const names[] = {
		[DOMAIN_USBDEV_TABLET] = "tablet",
		[DOMAIN_USBDEV_MOUSE] = "mouse",
		[DOMAIN_USBDEV_KEYBOARD] = "keyboard",
	};
	unsigned int i;

	if (c->usb)
		hvmd_argv_add(a, "usb=on");
	for (i = 0; i < c->nr_usbdevs; i++)
		hvmd_argv_add(a, "usbdevice=%s", names[c->usbdevs[i]]);
}

static const char *vga_name(enum domain_vga v)
{
	return v == DOMAIN_VGA_STD	? "std"
	       : v == DOMAIN_VGA_CIRRUS ? "cirrus"
					: "none";
}

static void dm_devices(struct domtab_dom *d, struct hvmd_argv *a)
{
	const struct domain_config *c = &d->cfg;
	unsigned int i;

	for (i = 0; i < c->nr_disks; i++) {
		const struct domain_disk *k = &c->disks[i];

		hvmd_argv_add(a, "disk=hd%c,%s,%s,%s,%s", 'a' + k->ide_index,
			      domain_config_format_name(k->format),
			      k->cdrom ? "cdrom" : "disk",
			      k->cdrom ? "ro" : "rw",
			      k->target ? k->target : "");
	}
	for (i = 0; i < c->nr_vifs; i++) {
		const uint8_t *m = c->vifs[i].mac;
		char tap[32];

		hvmd_net_tap_name(d, i, tap, sizeof(tap));
		hvmd_argv_add(
			a,
			"nic=model=%s,mac=%02x:%02x:%02x:%02x:%02x:%02x,ifname=%s",
			domain_config_nic_name(c->vifs[i].model), m[0], m[1],
			m[2], m[3], m[4], m[5], tap);
	}
}

static void dm_argv(struct hvmd *h, struct domtab_dom *d, struct hvmd_argv *a)
{
	const struct domain_config *c = &d->cfg;
	char log[PATH_MAX + 80];
	unsigned int i;

	hvmd_log_path(h, d, log, sizeof(log));
	hvmd_argv_add(a, "%s", h->o.dm_launch);
	hvmd_argv_add(a, "--shim-dir=%s", h->o.shim_dir);
	hvmd_argv_add(a, "--xenstored-path=%s", h->xs_sock);
	hvmd_argv_add(a, "--run-dir=%s", h->o.run_dir);
	hvmd_argv_add(a, "--log=%s", log);
	if (h->o.qemu[0])
		hvmd_argv_add(a, "--qemu=%s", h->o.qemu);
	if (h->o.verbose)
		hvmd_argv_add(a, "--verbose");
	hvmd_argv_add(a, "domid=%u", d->domid);
	hvmd_argv_add(a, "name=%s", c->name);
	hvmd_argv_add(a, "memory=%llu", (unsigned long long)c->memory_mib);
	hvmd_argv_add(a, "vcpus=%u", c->vcpus);
	hvmd_argv_add(a, "maxvcpus=%u", c->maxvcpus);
	hvmd_argv_add(a, "boot=%s", c->boot);
	hvmd_argv_add(a, "vga=%s", vga_name(c->vga));
	if (c->videoram_mib)
		hvmd_argv_add(a, "videoram=%u", c->videoram_mib);
	hvmd_argv_add(a, "vnc=%s", c->vnc.enabled ? "on" : "off");
	if (c->vnc.enabled) {
		hvmd_argv_add(a, "vnc-listen=%s",
			      c->vnc.listen ? c->vnc.listen : "127.0.0.1");
		hvmd_argv_add(a, "vnc-display=%u",
			      c->vnc.display_set ? c->vnc.display : 0);
		hvmd_argv_add(a, "vnc-unused=%s",
			      c->vnc.find_unused || !c->vnc.display_set
				      ? "on"
				      : "off");
	}
	hvmd_argv_add(a, "serial=%s",
		      c->serial == DOMAIN_SERIAL_PTY ? "pty" : "none");
	if (c->serial == DOMAIN_SERIAL_PTY && strcmp(h->o.console_log, "off") &&
	    hvmd_console_log_open(h, d, log, sizeof(log)) == 0)
		hvmd_argv_add(a, "serial-log=%s", log);
	/* Without a xenstore no PV disk could attach: keep IDE then. */
	if (c->xen_platform_pci && !d->xs_ring)
		hvmd_log(
			d, "warn",
			"xen_platform_pci=1 not followed: the guest has no xenstore, so no PV disk could replace the IDE disks it would unplug; no platform device");
	hvmd_argv_add(a, "platform-pci=%s",
		      c->xen_platform_pci && d->xs_ring ? "on" : "off");
	hvmd_argv_add(a, "acpi=%s", c->acpi ? "on" : "off");
	hvmd_argv_add(a, "hpet=%s", c->hpet ? "on" : "off");
	if (c->vnc.keymap[0])
		hvmd_argv_add(a, "keymap=%s", c->vnc.keymap);
	usb_args(c, a);
	if (c->kernel)
		hvmd_argv_add(a, "kernel=%s", c->kernel);
	if (c->ramdisk)
		hvmd_argv_add(a, "ramdisk=%s", c->ramdisk);
	if (c->cmdline)
		hvmd_argv_add(a, "cmdline=%s", c->cmdline);
	dm_devices(d, a);
	/* xl's device_model_args and _hvm (placed as libxl does). */
	for (i = 0; i < c->nr_dm_args; i++)
		hvmd_argv_add(a, "dm-arg=%s", c->dm_args[i]);
	for (i = 0; i < c->nr_dm_args_hvm; i++)
		hvmd_argv_add(a, "dm-arg-hvm=%s", c->dm_args_hvm[i]);
}

static int spawn_argv(struct domtab_dom *d, struct hvmd_argv *a,
		      struct domtab_proc *p)
{
	int rc = a->rc ? a->rc
		       : hvmd_spawn((const char *const *)a->v, d->log_fd, p);

	hvmd_argv_free(a);
	return rc;
}

static int wait_ctl(struct hvmd *h, struct domtab_dom *d)
{
	struct timespec ts = {.tv_nsec = POLL_MS * 1000000L};
	char path[PATH_MAX + 32];
	unsigned int waited;
	struct stat st;
	int status;

	snprintf(path, sizeof(path), "%s/%u/ctl", h->o.run_dir, d->domid);
	for (waited = 0; waited < CTL_WAIT_MS; waited += POLL_MS) {
		if (stat(path, &st) == 0 && S_ISSOCK(st.st_mode))
			return 0;
		if (!hvmd_proc_alive(&d->domain, &status))
			return -ECHILD;
		nanosleep(&ts, NULL);
	}
	return -ETIMEDOUT;
}

static int start_steps(struct hvmd *h, struct domtab_dom *d, char *err,
		       size_t errlen)
{
	struct hvmd_argv a = {0};
	char dir[PATH_MAX + 16];
	int rc;

	snprintf(dir, sizeof(dir), "%s/%u", h->o.run_dir, d->domid);
	if (mkdir(dir, 0700) < 0 && errno != EEXIST)
		return snprintf(err, errlen, "cannot create %s: %s", dir,
				strerror(errno)),
		       -errno;
	rc = hvmd_net_setup(h, d, err, errlen);
	if (rc)
		return rc;
	domain_argv(h, d, &a);
	rc = spawn_argv(d, &a, &d->domain);
	if (rc)
		return snprintf(err, errlen, "cannot start %s: %s",
				h->o.domain_bin, strerror(-rc)),
		       rc;
	rc = wait_ctl(h, d);
	if (rc)
		return snprintf(err, errlen, "hvm-domain did not come up (%s)",
				rc == -ECHILD ? "it exited"
					      : "no control socket after 15 s"),
		       rc;
	rc = hvmd_xs_domain_setup(h, d, err, errlen);
	if (rc)
		return rc;
	dm_argv(h, d, &a);
	rc = spawn_argv(d, &a, &d->dm);
	if (rc)
		return snprintf(err, errlen, "cannot start %s: %s",
				h->o.dm_launch, strerror(-rc)),
		       rc;
	return 0;
}

int hvmd_build_start(struct hvmd *h, struct domtab_dom *d, char *err,
		     size_t errlen)
{
	struct stat st;
	int rc;

	rc = hvmd_log_open(h, d);
	if (rc)
		return snprintf(err, errlen, "cannot open the log in %s: %s",
				h->o.log_dir, strerror(-rc)),
		       rc;
	rc = hvmd_xenstored_ensure(h);
	if (rc)
		return snprintf(err, errlen, "cannot start hvm-xenstored: %s",
				strerror(-rc)),
		       rc;
	/* Console and VNC lines of this run come after this offset. */
	d->log_scan = fstat(d->log_fd, &st) == 0 ? (long long)st.st_size : 0;
	d->console[0] = d->pv_console[0] = d->vnc[0] = '\0';
	d->stopping = false;
	d->created = time(NULL);
	d->state = DOMTAB_BUILDING;
	hvmd_log(d, "info",
		 "starting domain %s: memory=%llu MiB vcpus=%u boot=%s",
		 d->cfg.name, (unsigned long long)d->cfg.memory_mib,
		 d->cfg.vcpus, d->cfg.boot);
	rc = start_steps(h, d, err, errlen);
	if (rc) {
		hvmd_log(d, "err", "cannot start domain %s: %s", d->cfg.name,
			 err);
		hvmd_build_teardown(h, d);
		return rc;
	}
	d->state = DOMTAB_RUNNING;
	return 0;
}

static void remove_run_dir(struct hvmd *h, const struct domtab_dom *d)
{
	char dir[PATH_MAX + 16], path[PATH_MAX + 300];
	struct dirent *e;
	DIR *dh;

	snprintf(dir, sizeof(dir), "%s/%u", h->o.run_dir, d->domid);
	dh = opendir(dir);
	if (!dh)
		return;
	while ((e = readdir(dh)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		unlink(path);
	}
	closedir(dh);
	rmdir(dir);
}

void hvmd_build_teardown(struct hvmd *h, struct domtab_dom *d)
{
	int status;

	d->stopping = true;
	if (hvmd_proc_alive(&d->domain, &status) &&
	    hvmd_ctl_op(h, d, CTL_OP_DESTROY) < 0)
		hvmd_log(
			d, "warn",
			"the control socket did not take destroy; sending SIGTERM");
	hvmd_xs_domain_remove(h, d);
	hvmd_proc_stop(&d->domain, SIGTERM, 5000);
	hvmd_proc_stop(&d->dm, SIGTERM, 5000);
	d->domain.pid = d->dm.pid = 0;
	hvmd_net_teardown(h, d);
	remove_run_dir(h, d);
}
