/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host checks: can this machine's KVM run an hvm domain? Gathers what the
 * hypervisor needs from /dev/kvm and sysfs into one struct, then judges it
 * in a pure function so the judgement is unit-tested without KVM.
 */
#ifndef HYPERVISOR_HOST_KVM_H
#define HYPERVISOR_HOST_KVM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The KVM API version every Linux since 2.6.22 reports. */
#define HOST_KVM_API_VERSION 12

/* What the Xen personality needs from KVM_CAP_XEN_HVM (linux/kvm.h). */
#define HOST_KVM_XEN_NEEDED_FLAGS                                              \
	(KVM_XEN_HVM_CONFIG_HYPERCALL_MSR |                                    \
	 KVM_XEN_HVM_CONFIG_INTERCEPT_HCALL | KVM_XEN_HVM_CONFIG_SHARED_INFO | \
	 KVM_XEN_HVM_CONFIG_EVTCHN_SEND)

enum host_kvm_vendor {
	HOST_KVM_VENDOR_UNKNOWN,
	HOST_KVM_VENDOR_INTEL,
	HOST_KVM_VENDOR_AMD,
};

/*
 * xl's hap: unset takes nested paging where the host has it and KVM's
 * shadow paging where it does not, as libxl defaults it; 1 needs nested
 * paging; 0 asks for shadow paging.
 */
enum host_kvm_hap {
	HOST_KVM_HAP_DEFAULT,
	HOST_KVM_HAP_ON,
	HOST_KVM_HAP_OFF,
};

struct host_kvm_caps {
	int api_version;
	enum host_kvm_vendor vendor;
	/* EPT (Intel) or NPT (AMD) enabled in the loaded KVM module. */
	bool nested_paging;
	/* KVM_CHECK_EXTENSION(KVM_CAP_XEN_HVM): 0 if absent. */
	uint32_t xen_hvm_flags;
	/* KVM_CAP_X86_USER_SPACE_MSR. */
	bool user_space_msr;
};

/*
 * Opens /dev/kvm read-write and close-on-exec. Returns the fd, or a
 * negative errno; on failure @why (size @len) says what to do.
 */
int host_kvm_open(char *why, size_t len) __attribute__((warn_unused_result));

/*
 * Fills @caps from the open /dev/kvm @kvm_fd and from the KVM module
 * parameters under @sysfs_module_dir (normally "/sys/module"). Returns 0,
 * or a negative errno if KVM did not answer at all.
 */
int host_kvm_read_caps(int kvm_fd, const char *sysfs_module_dir,
		       struct host_kvm_caps *caps)
	__attribute__((warn_unused_result));

/*
 * Sets caps->vendor and caps->nested_paging from the kvm_amd "npt" or
 * kvm_intel "ept" parameter under @sysfs_module_dir ("Y" or "1" is on).
 */
void host_kvm_read_paging(const char *sysfs_module_dir,
			  struct host_kvm_caps *caps);

/*
 * Judges @caps for a domain whose config says @hap. Returns the number of
 * problems found (0: this host can run the domain) and writes them into
 * @buf as "; "-separated sentences that name what is missing and what to
 * do. Pure: no I/O.
 */
unsigned int host_kvm_caps_problems(const struct host_kvm_caps *caps,
				    enum host_kvm_hap hap, char *buf,
				    size_t len);

/*
 * KVM chooses nested or shadow paging for every guest of the host (the
 * kvm_amd "npt" or kvm_intel "ept" parameter), not per domain. Returns the
 * line to log about the paging a domain whose config says @hap gets on a
 * host that can run it, and sets *@warn when that is not what was asked
 * (hap=0 on a host with nested paging) or slow (shadow paging by default).
 * NULL when nested paging was asked for, or left to the host, and is used.
 * Pure.
 */
const char *host_kvm_paging_note(const struct host_kvm_caps *caps,
				 enum host_kvm_hap hap, bool *warn);

#endif /* HYPERVISOR_HOST_KVM_H */
