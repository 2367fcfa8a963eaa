/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Checks made before any process of a new domain starts, so that a bad
 * config fails fast and leaves nothing behind: helper binaries present,
 * disk formats the device model serves, disk images present, vCPUs within
 * what the control socket carries, memory the host has, bridges or vif
 * hotplug scripts present.
 * Returns -EINVAL for a config error (hvmctl exit 2), another negative
 * errno for a host condition (exit 1).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "hvmd_priv.h"
#include "hypervisor/ctl_proto.h"

/* MemAvailable in MiB, or 0 if unknown. */
static unsigned long long host_avail_mib(void)
{
	unsigned long long kib = 0;
	char line[256];
	FILE *f = fopen("/proc/meminfo", "re");

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "MemAvailable: %llu kB", &kib) == 1)
			break;
	fclose(f);
	return kib / 1024;
}

static int check_helpers(const struct hvmd *h, char *err, size_t errlen)
{
	const char *const bins[] = {h->o.domain_bin, h->o.dm_launch,
				    h->o.xenstored};
	const char *const files[] = {h->o.loader, h->o.seabios};
	unsigned int i;

	for (i = 0; i < 3; i++)
		if (access(bins[i], X_OK) < 0)
			return snprintf(
				       err, errlen,
				       "helper %s is missing (%s); build it or point hvmd at it (see hvmd --help)",
				       bins[i], strerror(errno)),
			       -ENOENT;
	for (i = 0; i < 2; i++)
		if (access(files[i], R_OK) < 0)
			return snprintf(
				       err, errlen,
				       "firmware %s is missing (%s); install it or point hvmd at it (see hvmd --help)",
				       files[i], strerror(errno)),
			       -ENOENT;
	return 0;
}

static int check_disks(const struct domain_config *c, char *err, size_t errlen)
{
	unsigned int i;

	for (i = 0; i < c->nr_disks; i++) {
		const struct domain_disk *k = &c->disks[i];

		if (k->format != DOMAIN_DISK_FORMAT_RAW &&
		    k->format != DOMAIN_DISK_FORMAT_QCOW2)
			return snprintf(
				       err, errlen,
				       "disk %s: format %s is not served by the device model; convert it with qemu-img convert -O qcow2, or use raw",
				       k->vdev,
				       domain_config_format_name(k->format)),
			       -EINVAL;
		if (k->readonly && !k->cdrom)
			return snprintf(
				       err, errlen,
				       "disk %s: read-only hard disks are not supported by QEMU's IDE; use access=rw or devtype=cdrom",
				       k->vdev),
			       -EINVAL;
		if (k->target &&
		    access(k->target, k->cdrom ? R_OK : R_OK | W_OK) < 0)
			return snprintf(
				       err, errlen,
				       "disk %s: %s: %s; fix the path in disk= or create the image",
				       k->vdev, k->target, strerror(errno)),
			       -EINVAL;
	}
	return 0;
}

/*
 * The files a domain boots from besides its disks: the kernel and ramdisk
 * of a direct kernel boot (QEMU reads them) and the firmware overrides
 * (hvm-domain reads them).
 */
static int check_boot_files(const struct domain_config *c, char *err,
			    size_t errlen)
{
	const char *const files[] = {c->kernel, c->ramdisk, c->loader,
				     c->bios_path};
	const char *const keys[] = {"kernel", "ramdisk", "firmware_override",
				    "bios_path_override"};
	unsigned int i;

	for (i = 0; i < 4; i++)
		if (files[i] && access(files[i], R_OK) < 0)
			return snprintf(err, errlen,
					"%s=%s: %s; fix the path in %s=",
					keys[i], files[i], strerror(errno),
					keys[i]),
			       -EINVAL;
	return 0;
}

int hvmd_check_domain(struct hvmd *h, const struct domain_config *cfg,
		      char *err, size_t errlen)
{
	unsigned long long avail;
	int rc;

	rc = check_helpers(h, err, errlen);
	if (rc)
		return rc;
	rc = check_disks(cfg, err, errlen);
	if (!rc)
		rc = check_boot_files(cfg, err, errlen);
	if (rc)
		return rc;
	if (cfg->vcpus > CTL_MAX_VCPUS || cfg->maxvcpus > CTL_MAX_VCPUS)
		return snprintf(
			       err, errlen,
			       "vcpus=%u maxvcpus=%u, but hvm-domain runs at most %u vCPUs; lower vcpus= and maxvcpus=",
			       cfg->vcpus, cfg->maxvcpus, CTL_MAX_VCPUS),
		       -EINVAL;
	/* Hotplug needs the guest's xenstore (cpu/N/availability). */
	if (cfg->maxvcpus > cfg->vcpus)
		return snprintf(
			       err, errlen,
			       "maxvcpus=%u is above vcpus=%u, but vCPU hotplug (hvmctl vcpu-set) is not supported yet; remove maxvcpus= or set it to vcpus",
			       cfg->maxvcpus, cfg->vcpus),
		       -EINVAL;
	avail = host_avail_mib();
	if (avail && cfg->memory_mib > avail)
		return snprintf(
			       err, errlen,
			       "memory=%llu MiB but the host has %llu MiB available; lower memory= or stop a domain",
			       (unsigned long long)cfg->memory_mib, avail),
		       -ENOMEM;
	return hvmd_net_check(h, cfg, err, errlen);
}
