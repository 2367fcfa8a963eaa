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
 * Judges @caps. Returns the number of problems found (0: this host can run
 * domains) and writes them into @buf as "; "-separated sentences that name
 * what is missing and what to do. Pure: no I/O.
 */
unsigned int host_kvm_caps_problems(const struct host_kvm_caps *caps, char *buf,
				    size_t len);

#endif /* HYPERVISOR_HOST_KVM_H */
