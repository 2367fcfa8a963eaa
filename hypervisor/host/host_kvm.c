/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host capability checks for KVM (see host_kvm.h). Reading is separated
 * from judging so the messages can be tested on machines without KVM.
 */
#include "hypervisor/host_kvm.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <linux/kvm.h>

int host_kvm_open(char *why, size_t len)
{
	int fd, rc;

	fd = open("/dev/kvm", O_RDWR | O_CLOEXEC);
	if (fd >= 0)
		return fd;
	rc = -errno;
	if (rc == -ENOENT)
		snprintf(
			why, len,
			"/dev/kvm does not exist: enable VT-x or AMD-V in the firmware and load kvm-intel or kvm-amd");
	else if (rc == -EACCES || rc == -EPERM)
		snprintf(
			why, len,
			"no permission to open /dev/kvm: run as root or join the group that owns /dev/kvm");
	else
		snprintf(why, len, "cannot open /dev/kvm: %s", strerror(-rc));
	return rc;
}

/* Reads a Y/N or 0/1 module parameter; false if it cannot be read. */
static bool read_bool_param(const char *dir, const char *module,
			    const char *param, bool *present)
{
	char path[512], val[8] = "";
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s/parameters/%s", dir, module, param);
	f = fopen(path, "re");
	if (!f)
		return false;
	*present = true;
	if (!fgets(val, sizeof(val), f))
		val[0] = '\0';
	fclose(f);
	return val[0] == 'Y' || val[0] == 'y' || val[0] == '1';
}

void host_kvm_read_paging(const char *sysfs_module_dir,
			  struct host_kvm_caps *caps)
{
	bool intel = false, amd = false;

	caps->nested_paging =
		read_bool_param(sysfs_module_dir, "kvm_amd", "npt", &amd) ||
		read_bool_param(sysfs_module_dir, "kvm_intel", "ept", &intel);
	caps->vendor = HOST_KVM_VENDOR_UNKNOWN;
	if (amd)
		caps->vendor = HOST_KVM_VENDOR_AMD;
	else if (intel)
		caps->vendor = HOST_KVM_VENDOR_INTEL;
}

int host_kvm_read_caps(int kvm_fd, const char *sysfs_module_dir,
		       struct host_kvm_caps *caps)
{
	int r;

	memset(caps, 0, sizeof(*caps));
	r = ioctl(kvm_fd, KVM_GET_API_VERSION, 0);
	if (r < 0)
		return -errno;
	caps->api_version = r;
	host_kvm_read_paging(sysfs_module_dir, caps);

	r = ioctl(kvm_fd, KVM_CHECK_EXTENSION, KVM_CAP_XEN_HVM);
	caps->xen_hvm_flags = r > 0 ? (uint32_t)r : 0;
	r = ioctl(kvm_fd, KVM_CHECK_EXTENSION, KVM_CAP_X86_USER_SPACE_MSR);
	caps->user_space_msr = r > 0;
	return 0;
}

/* Appends one "; "-separated problem to @buf, truncating safely. */
static void add_problem(char *buf, size_t len, size_t *used, const char *fmt,
			...) __attribute__((format(printf, 4, 5)));
static void add_problem(char *buf, size_t len, size_t *used, const char *fmt,
			...)
{
	va_list ap;
	int n;

	if (*used >= len)
		return;
	if (*used > 0) {
		n = snprintf(buf + *used, len - *used, "; ");
		*used += n > 0 ? (size_t)n : 0;
		if (*used >= len)
			return;
	}
	va_start(ap, fmt);
	n = vsnprintf(buf + *used, len - *used, fmt, ap);
	va_end(ap);
	*used += n > 0 ? (size_t)n : 0;
}

unsigned int host_kvm_caps_problems(const struct host_kvm_caps *caps,
				    enum host_kvm_hap hap, char *buf,
				    size_t len)
{
	uint32_t missing = HOST_KVM_XEN_NEEDED_FLAGS & ~caps->xen_hvm_flags;
	unsigned int nr = 0;
	size_t used = 0;

	if (len)
		buf[0] = '\0';
	if (caps->api_version != HOST_KVM_API_VERSION) {
		add_problem(
			buf, len, &used,
			"KVM API version is %d, expected %d: use a mainline Linux KVM",
			caps->api_version, HOST_KVM_API_VERSION);
		nr++;
	}
	if (caps->vendor == HOST_KVM_VENDOR_UNKNOWN) {
		add_problem(
			buf, len, &used,
			"neither kvm_intel nor kvm_amd is loaded: load the module for this CPU");
		nr++;
	} else if (hap == HOST_KVM_HAP_ON && !caps->nested_paging) {
		add_problem(
			buf, len, &used,
			"hap=1 needs %s, which is off: reload %s with %s=1, "
			"or leave hap out of the config to run on shadow paging",
			caps->vendor == HOST_KVM_VENDOR_AMD
				? "nested paging (NPT)"
				: "EPT",
			caps->vendor == HOST_KVM_VENDOR_AMD ? "kvm_amd"
							    : "kvm_intel",
			caps->vendor == HOST_KVM_VENDOR_AMD ? "npt" : "ept");
		nr++;
	}
	if (!caps->xen_hvm_flags) {
		add_problem(
			buf, len, &used,
			"KVM lacks KVM_CAP_XEN_HVM: boot Linux >= 5.12 built with CONFIG_KVM_XEN (on Debian 12, the 6.12 kernel from bookworm-backports)");
		nr++;
	} else if (missing) {
		add_problem(
			buf, len, &used,
			"KVM_CAP_XEN_HVM lacks flags 0x%x (has 0x%x): use a newer kernel (6.0 or later)",
			missing, caps->xen_hvm_flags);
		nr++;
	}
	if (!caps->user_space_msr) {
		add_problem(
			buf, len, &used,
			"KVM lacks KVM_CAP_X86_USER_SPACE_MSR: use Linux 5.10 or later");
		nr++;
	}
	return nr;
}

const char *host_kvm_paging_note(const struct host_kvm_caps *caps,
				 enum host_kvm_hap hap, bool *warn)
{
	bool intel = caps->vendor == HOST_KVM_VENDOR_INTEL;

	*warn = false;
	if (caps->nested_paging && hap != HOST_KVM_HAP_OFF)
		return NULL;
	if (!caps->nested_paging && hap == HOST_KVM_HAP_OFF)
		return "hap=0: the guest runs on KVM's shadow paging";
	*warn = true;
	if (caps->nested_paging)
		return intel ? "hap=0 is not followed: this host's KVM gives every guest EPT (kvm_intel ept=1); reload kvm_intel with ept=0 for shadow paging"
			     : "hap=0 is not followed: this host's KVM gives every guest nested paging (kvm_amd npt=1); reload kvm_amd with npt=0 for shadow paging";
	return intel ? "the guest runs on KVM's shadow paging, which is slower: this host's kvm_intel has ept=0 (reload it with ept=1 for hardware-assisted paging)"
		     : "the guest runs on KVM's shadow paging, which is slower: this host's kvm_amd has npt=0 (reload it with npt=1 for hardware-assisted paging)";
}
