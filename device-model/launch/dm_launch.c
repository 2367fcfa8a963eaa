/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dm_build_argv(): QEMU's command line for one HVM domain, option by
 * option in the order libxl (Xen 4.17) uses, so that QEMU sees the same
 * machine it was observed with (dm-abi.md 7.1; the order of -device
 * options decides PCI slots, 1.2 phase F). Values go through
 * dm_str_add_escaped() wherever QEMU parses "key=value,..." lists.
 */
#include "dm_launch_priv.h"

#include <errno.h>
#include <string.h>

static const char *const nic_models[] = {
	[DM_NIC_NE2K_PCI] = "ne2k_pci",
	[DM_NIC_RTL8139] = "rtl8139",
	[DM_NIC_E1000] = "e1000",
};

static const char *const disk_formats[] = {
	[DM_DISK_RAW] = "raw",
	[DM_DISK_QCOW2] = "qcow2",
};

/* One "-chardev socket" + "-mon" pair for a QMP socket named @id. */
/*
 * -chardev KIND_ID,KEY=PATH,OPTS: the id and the path escaped (commas
 * doubled), as QEMU's option parser wants.
 */
static int add_chardev(struct dm_argv *a, const char *kind, const char *id,
		       const char *key, const char *path, const char *opts)
{
	struct dm_str s = {0};
	int rc;

	dm_str_addf(&s, "%s", kind);
	dm_str_add_escaped(&s, id);
	dm_str_addf(&s, "%s", key);
	dm_str_add_escaped(&s, path);
	dm_str_addf(&s, "%s", opts);
	rc = dm_argv_add(a, "-chardev");
	if (!rc)
		rc = dm_argv_push_str(a, &s);
	dm_str_free(&s);
	return rc;
}

static int add_qmp(struct dm_argv *a, const char *id, const char *path)
{
	int rc;

	rc = add_chardev(a, "socket,id=", id, ",path=", path,
			 ",server=on,wait=off");
	if (!rc)
		rc = dm_argv_add(a, "-mon");
	if (!rc)
		rc = dm_argv_addf(a, "chardev=%s,mode=control", id);
	return rc;
}

/* -xen-domid ... -name NAME */
static int add_head(const struct dm_config *c, struct dm_argv *a)
{
	struct dm_str name = {0};
	int rc;

	rc = dm_argv_add(a, c->qemu_path);
	if (!rc)
		rc = dm_argv_add(a, "-xen-domid");
	if (!rc)
		rc = dm_argv_addf(a, "%u", c->domid);
	if (!rc)
		rc = dm_argv_add(a, "-no-shutdown");
	if (!rc && c->qmp_path[0])
		rc = add_qmp(a, "libxl-cmd", c->qmp_path);
	if (!rc && c->qmp_stat_path[0])
		rc = add_qmp(a, "libxenstat-cmd", c->qmp_stat_path);
	if (!rc)
		rc = dm_argv_add(a, "-nodefaults");
	if (!rc)
		rc = dm_argv_add(a, "-no-user-config");
	if (!rc)
		rc = dm_argv_add(a, "-name");
	/* -name is an option list too ("guest=...,debug-threads=..."). */
	if (c->name[0])
		dm_str_add_escaped(&name, c->name);
	else
		dm_str_addf(&name, "d%u", c->domid);
	if (!rc)
		rc = dm_argv_push_str(a, &name);
	dm_str_free(&name);
	return rc;
}

/*
 * -serial pty, or with a serial log the same pty as chardev "serial0" (the
 * label -serial pty would give it, which launch_qmp looks for) with QEMU's
 * logfile=: QEMU appends every byte the guest sends to the file, whether
 * or not anyone has the pty open, as xenconsoled's guest logs do.
 */
static int add_serial(const struct dm_config *c, struct dm_argv *a)
{
	int rc;

	if (!c->serial_pty)
		return 0;
	if (!c->serial_log[0]) {
		rc = dm_argv_add(a, "-serial");
		return rc ? rc : dm_argv_add(a, "pty");
	}
	rc = add_chardev(a, "pty,id=", "serial0", ",logfile=", c->serial_log,
			 ",logappend=on");
	if (!rc)
		rc = dm_argv_add(a, "-serial");
	return rc ? rc : dm_argv_add(a, "chardev:serial0");
}

/* -vnc ... [-k KEYMAP] -display none, the serial port, then the VGA. */
static int add_display(const struct dm_config *c, struct dm_argv *a)
{
	bool v6 = c->vnc && strchr(c->vnc_listen, ':') != NULL;
	int rc;

	rc = dm_argv_add(a, "-vnc");
	if (!rc && c->vnc)
		rc = dm_argv_addf(a, "%s%s%s:%u%s", v6 ? "[" : "",
				  c->vnc_listen, v6 ? "]" : "", c->vnc_display,
				  c->vnc_find_unused ? ",to=99" : "");
	else if (!rc)
		rc = dm_argv_add(a, "none");
	if (!rc && c->keymap[0])
		rc = dm_argv_add(a, "-k");
	if (!rc && c->keymap[0])
		rc = dm_argv_add(a, c->keymap);
	if (!rc)
		rc = dm_argv_add(a, "-display");
	if (!rc)
		rc = dm_argv_add(a, "none");
	if (!rc)
		rc = add_serial(c, a);
	if (rc)
		return rc;
	if (c->vga == DM_VGA_NONE) {
		rc = dm_argv_add(a, "-vga");
		return rc ? rc : dm_argv_add(a, "none");
	}
	rc = dm_argv_add(a, "-device");
	return rc ? rc
		  : dm_argv_addf(a, "%s,vgamem_mb=%u",
				 c->vga == DM_VGA_STD ? "VGA" : "cirrus-vga",
				 dm_videoram(c));
}

/* -boot order=... and -smp. */
static int add_cpu_boot(const struct dm_config *c, struct dm_argv *a)
{
	unsigned int max = dm_maxvcpus(c);
	int rc;

	rc = dm_argv_add(a, "-boot");
	if (!rc)
		rc = dm_argv_addf(a, "order=%s",
				  c->boot[0] ? c->boot : DM_BOOT_DEFAULT);
	/* One vCPU and no hotplug room: libxl leaves -smp out entirely. */
	if (rc || (c->vcpus == 1 && max == 1))
		return rc;
	rc = dm_argv_add(a, "-smp");
	return rc ? rc : dm_argv_addf(a, "%u,maxcpus=%u", c->vcpus, max);
}

/* Direct kernel boot: -kernel [-initrd] [-append], as libxl passes them. */
static int add_kernel(const struct dm_config *c, struct dm_argv *a)
{
	int rc = 0;

	if (!c->kernel[0])
		return 0;
	rc = dm_argv_add(a, "-kernel");
	if (!rc)
		rc = dm_argv_add(a, c->kernel);
	if (!rc && c->ramdisk[0])
		rc = dm_argv_add(a, "-initrd");
	if (!rc && c->ramdisk[0])
		rc = dm_argv_add(a, c->ramdisk);
	if (!rc && c->cmdline[0])
		rc = dm_argv_add(a, "-append");
	if (!rc && c->cmdline[0])
		rc = dm_argv_add(a, c->cmdline);
	return rc;
}

/* -device <model>,... and -netdev type=tap,... for NIC @n. */
static int add_nic(const struct dm_config *c, unsigned int n, struct dm_argv *a)
{
	const struct dm_nic *nic = &c->nics[n];
	char ifname[DM_IFNAME_MAX];
	struct dm_str s = {0};
	int rc;

	rc = dm_argv_add(a, "-device");
	if (!rc)
		rc = dm_argv_addf(a, "%s,id=nic%u,netdev=net%u,mac=%s",
				  nic_models[nic->model], n, n, nic->mac);
	dm_str_addf(&s, "type=tap,id=net%u,ifname=%s", n,
		    dm_nic_ifname(c, n, ifname));
	/* br= only matters with helper=; the toolstack bridges the tap. */
	if (nic->bridge[0])
		dm_str_addf(&s, ",br=%s", nic->bridge);
	dm_str_addf(&s, ",script=no,downscript=no");
	if (!rc)
		rc = dm_argv_add(a, "-netdev");
	if (!rc)
		rc = dm_argv_push_str(a, &s);
	dm_str_free(&s);
	return rc;
}

static int add_nics(const struct dm_config *c, struct dm_argv *a)
{
	unsigned int n;
	int rc = 0;

	if (!c->nr_nics) {
		rc = dm_argv_add(a, "-net");
		return rc ? rc : dm_argv_add(a, "none");
	}
	for (n = 0; n < c->nr_nics && !rc; n++)
		rc = add_nic(c, n, a);
	return rc;
}

/*
 * -no-acpi, -machine, -m: the board (with or without an HPET), its RAM;
 * xl's device_model_args before -machine, _hvm after its type, as libxl.
 */
static int add_machine(const struct dm_config *c, struct dm_argv *a)
{
	unsigned int i;
	int rc = 0;

	if (!c->acpi)
		rc = dm_argv_add(a, "-no-acpi");
	for (i = 0; !rc && i < c->nr_extra_args; i++)
		rc = dm_argv_add(a, c->extra_args[i]);
	if (!rc)
		rc = dm_argv_add(a, "-machine");
	/* Without the platform device: the same i440FX board, plain "pc". */
	if (!rc)
		rc = dm_argv_addf(a, "%s,suppress-vmdesc=on%s",
				  c->platform_pci ? "xenfv" : "pc,accel=xen",
				  c->hpet ? "" : ",hpet=off");
	for (i = 0; !rc && i < c->nr_extra_args_hvm; i++)
		rc = dm_argv_add(a, c->extra_args_hvm[i]);
	if (!rc)
		rc = dm_argv_add(a, "-m");
	/*
	 * Like libxl, -m is the domain's memory minus the video RAM: QEMU
	 * populates the VRAM itself, after its RAM (dm-abi.md 4.3).
	 */
	if (!rc)
		rc = dm_argv_addf(a, "%u", c->memory_mib - dm_videoram(c));
	return rc;
}

/* -usb and xl's usbdevice= devices on it (tablet, mouse, keyboard). */
static int add_usb(const struct dm_config *c, struct dm_argv *a)
{
	static const char *const devs[] = {"usb-tablet", "usb-mouse",
					   "usb-kbd"};
	unsigned int i;
	int rc;

	if (!c->usb)
		return 0;
	rc = dm_argv_add(a, "-usb");
	for (i = 0; !rc && i < sizeof(devs) / sizeof(devs[0]); i++) {
		if (!(c->usbdevs & (1u << i)))
			continue;
		rc = dm_argv_add(a, "-device");
		if (!rc)
			rc = dm_argv_add(a, devs[i]);
	}
	return rc;
}

/* An IDE hard disk: one legacy -drive with if=ide. */
static int add_hd(const struct dm_disk *d, struct dm_argv *a)
{
	struct dm_str s = {0};
	int rc;

	dm_str_addf(&s, "file=");
	dm_str_add_escaped(&s, d->path);
	dm_str_addf(&s, ",if=ide,index=%u,media=disk,format=%s,cache=writeback",
		    d->index, disk_formats[d->format]);
	rc = dm_argv_add(a, "-drive");
	if (!rc)
		rc = dm_argv_push_str(a, &s);
	dm_str_free(&s);
	return rc;
}

/* A CD-ROM: a backend-only -drive plus an ide-cd device at its place. */
static int add_cd(const struct dm_disk *d, struct dm_argv *a)
{
	unsigned int devno = dm_ide_devno(d->index);
	struct dm_str s = {0};
	int rc;

	dm_str_addf(&s, "if=none,readonly=on,id=ide-%u", devno);
	if (d->path[0]) {
		dm_str_addf(&s, ",file=");
		dm_str_add_escaped(&s, d->path);
		dm_str_addf(&s, ",format=%s", disk_formats[d->format]);
	}
	rc = dm_argv_add(a, "-drive");
	if (!rc)
		rc = dm_argv_push_str(a, &s);
	dm_str_free(&s);
	if (!rc)
		rc = dm_argv_add(a, "-device");
	if (!rc)
		rc = dm_argv_addf(
			a, "ide-cd,id=ide-%u,drive=ide-%u,bus=ide.%u,unit=%u",
			devno, devno, d->index / 2, d->index % 2);
	return rc;
}

int dm_build_argv(const struct dm_config *c, struct dm_argv *out, char *err,
		  size_t errlen)
{
	unsigned int i;
	int rc;

	memset(out, 0, sizeof(*out));
	if (err && errlen)
		err[0] = '\0';
	rc = dm_launch_check(c, err, errlen);
	if (rc)
		return rc;
	rc = add_head(c, out);
	if (!rc)
		rc = add_display(c, out);
	if (!rc)
		rc = add_cpu_boot(c, out);
	if (!rc)
		rc = add_kernel(c, out);
	if (!rc)
		rc = add_nics(c, out);
	if (!rc)
		rc = add_machine(c, out);
	if (!rc)
		rc = add_usb(c, out);
	for (i = 0; !rc && i < c->nr_disks; i++)
		rc = c->disks[i].cdrom ? add_cd(&c->disks[i], out)
				       : add_hd(&c->disks[i], out);
	if (rc) {
		dm_argv_free(out);
		if (rc == -ENOMEM)
			dm_fail(err, errlen,
				"out of memory building the QEMU command line");
		else
			dm_fail(err, errlen,
				"QEMU command line too long (error %d)", rc);
	}
	return rc;
}
