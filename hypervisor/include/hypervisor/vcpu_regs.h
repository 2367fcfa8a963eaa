/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Initial vCPU state and CPUID tables shared by hvm-domain and the KVM
 * probe: the 32-bit flat protected-mode state a loader starts in
 * (firmware.md 1.5) and the host's supported CPUID list.
 */
#ifndef HYPERVISOR_VCPU_REGS_H
#define HYPERVISOR_VCPU_REGS_H

#include <stdint.h>

struct kvm_cpuid2;
struct ctl_vcpu_regs;

/*
 * Puts the vCPU @vcpu_fd in 32-bit flat protected mode with paging off,
 * interrupts off, EIP = @entry and EBX = @ebx (firmware.md 1.5). Returns 0
 * or a negative errno from KVM.
 */
int vcpu_regs_set_protected_mode(int vcpu_fd, uint32_t entry, uint32_t ebx)
	__attribute__((warn_unused_result));

/*
 * Returns in *@out a malloc'ed copy of KVM_GET_SUPPORTED_CPUID with room
 * for @spare more entries (nent counts only the filled ones). 0 or a
 * negative errno.
 */
int vcpu_regs_host_cpuid(int kvm_fd, unsigned int spare,
			 struct kvm_cpuid2 **out)
	__attribute__((warn_unused_result));

/* Reads @vcpu_fd's registers into the control protocol's layout. */
int vcpu_regs_read(int vcpu_fd, struct ctl_vcpu_regs *out)
	__attribute__((warn_unused_result));

/* Writes the main registers of @vcpu_fd into @buf, for crash reports. */
void vcpu_regs_describe(int vcpu_fd, char *buf, unsigned int len);

/*
 * Writes into @buf whether @vcpu_fd is runnable or halted, with its
 * interrupt flag and pending events: what a stalled guest waits for.
 */
void vcpu_regs_describe_wait(int vcpu_fd, char *buf, unsigned int len);

#endif /* HYPERVISOR_VCPU_REGS_H */
