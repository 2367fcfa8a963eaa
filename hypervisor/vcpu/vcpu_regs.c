/* SPDX-License-Identifier: GPL-2.0-only */
/* Initial vCPU state, host CPUID and register dumps (vcpu_regs.h). */
#include "hypervisor/vcpu_regs.h"

#include "hypervisor/ctl_proto.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <linux/kvm.h>

/* KVM_GET_SUPPORTED_CPUID returns about 60 leaves on current CPUs. */
#define CPUID_MAX_ENTRIES 256

#define X86_CR0_PE 0x1u
#define X86_CR0_ET 0x10u
#define X86_RFLAGS_RESERVED 0x2u
#define X86_RFLAGS_IF 0x200u
#define X86_RESET_RIP 0xfff0u
#define X86_RESET_CS 0xf000u
#define SEG_TYPE_CODE_XR_ACCESSED 0xb
#define SEG_TYPE_DATA_RW_ACCESSED 0x3
#define SEG_TYPE_TSS32_BUSY 0xb
#define SEL_CODE 0x08
#define SEL_DATA 0x10
#define TSS_LIMIT 0x67

static void flat_segment(struct kvm_segment *s, uint16_t sel, uint8_t type)
{
	memset(s, 0, sizeof(*s));
	s->limit = 0xffffffff;
	s->selector = sel;
	s->type = type;
	s->present = 1;
	s->s = 1;
	s->db = 1;
	s->g = 1;
}

int vcpu_regs_set_protected_mode(int vcpu_fd, uint32_t entry, uint32_t ebx)
{
	struct kvm_sregs sregs;
	struct kvm_regs regs = {0};

	if (ioctl(vcpu_fd, KVM_GET_SREGS, &sregs) < 0)
		return -errno;
	flat_segment(&sregs.cs, SEL_CODE, SEG_TYPE_CODE_XR_ACCESSED);
	flat_segment(&sregs.ds, SEL_DATA, SEG_TYPE_DATA_RW_ACCESSED);
	sregs.es = sregs.ss = sregs.ds;
	/* FS and GS unusable, as Xen's toolstack leaves them. */
	memset(&sregs.fs, 0, sizeof(sregs.fs));
	sregs.fs.unusable = 1;
	sregs.gs = sregs.fs;
	/* VMX requires a usable busy TSS even if the guest never uses it. */
	memset(&sregs.tr, 0, sizeof(sregs.tr));
	sregs.tr.limit = TSS_LIMIT;
	sregs.tr.type = SEG_TYPE_TSS32_BUSY;
	sregs.tr.present = 1;
	memset(&sregs.ldt, 0, sizeof(sregs.ldt));
	sregs.ldt.unusable = 1;
	sregs.gdt.base = sregs.idt.base = 0;
	sregs.gdt.limit = sregs.idt.limit = 0;
	sregs.cr0 = X86_CR0_PE | X86_CR0_ET;
	sregs.cr3 = sregs.cr4 = sregs.efer = 0;
	if (ioctl(vcpu_fd, KVM_SET_SREGS, &sregs) < 0)
		return -errno;
	regs.rip = entry;
	regs.rbx = ebx;
	regs.rflags = X86_RFLAGS_RESERVED;
	if (ioctl(vcpu_fd, KVM_SET_REGS, &regs) < 0)
		return -errno;
	return 0;
}

int vcpu_regs_host_cpuid(int kvm_fd, unsigned int spare,
			 struct kvm_cpuid2 **out)
{
	struct kvm_cpuid2 *c;
	int rc;

	*out = NULL;
	c = calloc(1, sizeof(*c) + (CPUID_MAX_ENTRIES + spare) *
					   sizeof(c->entries[0]));
	if (!c)
		return -ENOMEM;
	c->nent = CPUID_MAX_ENTRIES;
	if (ioctl(kvm_fd, KVM_GET_SUPPORTED_CPUID, c) < 0) {
		rc = -errno;
		free(c);
		return rc;
	}
	*out = c;
	return 0;
}

int vcpu_regs_read(int vcpu_fd, struct ctl_vcpu_regs *out)
{
	struct kvm_sregs sregs;
	struct kvm_regs regs;

	if (ioctl(vcpu_fd, KVM_GET_REGS, &regs) < 0 ||
	    ioctl(vcpu_fd, KVM_GET_SREGS, &sregs) < 0)
		return -errno;
	memset(out, 0, sizeof(*out));
	/* kvm_regs orders them rax, rbx, rcx, rdx, rsi, rdi, rsp, rbp. */
	out->gpr[0] = regs.rax;
	out->gpr[1] = regs.rcx;
	out->gpr[2] = regs.rdx;
	out->gpr[3] = regs.rbx;
	out->gpr[4] = regs.rsp;
	out->gpr[5] = regs.rbp;
	out->gpr[6] = regs.rsi;
	out->gpr[7] = regs.rdi;
	memcpy(&out->gpr[8], &regs.r8, 8 * sizeof(uint64_t)); /* r8..r15 */
	out->rip = regs.rip;
	out->rflags = regs.rflags;
	out->cr0 = sregs.cr0;
	out->cr2 = sregs.cr2;
	out->cr3 = sregs.cr3;
	out->cr4 = sregs.cr4;
	out->efer = sregs.efer;
	out->cs = sregs.cs.selector;
	out->ss = sregs.ss.selector;
	return 0;
}

void vcpu_regs_describe(int vcpu_fd, char *buf, unsigned int len)
{
	struct kvm_sregs sregs;
	struct kvm_regs regs;

	if (ioctl(vcpu_fd, KVM_GET_REGS, &regs) < 0 ||
	    ioctl(vcpu_fd, KVM_GET_SREGS, &sregs) < 0) {
		snprintf(buf, len, "registers unavailable: %s",
			 strerror(errno));
		return;
	}
	/*
	 * On AMD, KVM reinitialises the VMCB when it sees a SHUTDOWN
	 * intercept, before user space can look: the registers are then at
	 * the reset vector and say nothing about the fault.
	 */
	if (regs.rip == X86_RESET_RIP && sregs.cs.selector == X86_RESET_CS &&
	    !(sregs.cr0 & X86_CR0_PE)) {
		snprintf(buf, len,
			 "registers already reset by KVM (it does so on AMD), "
			 "the faulting state is lost; the kvm:kvm_exit "
			 "tracepoint records the faulting rip");
		return;
	}
	snprintf(
		buf, len,
		"rip=0x%llx rsp=0x%llx rax=0x%llx rbx=0x%llx cs=0x%x cr0=0x%llx cr3=0x%llx cr4=0x%llx efer=0x%llx rflags=0x%llx",
		(unsigned long long)regs.rip, (unsigned long long)regs.rsp,
		(unsigned long long)regs.rax, (unsigned long long)regs.rbx,
		sregs.cs.selector, (unsigned long long)sregs.cr0,
		(unsigned long long)sregs.cr3, (unsigned long long)sregs.cr4,
		(unsigned long long)sregs.efer,
		(unsigned long long)regs.rflags);
}

/*
 * KVM's in-kernel local APIC owns HLT: a vCPU waiting there is in
 * KVM_MP_STATE_HALTED, which the registers alone do not show. A guest
 * halted with interrupts off waits for an NMI or a reset; one halted with
 * them on waits for an interrupt that may never come.
 */
void vcpu_regs_describe_wait(int vcpu_fd, char *buf, unsigned int len)
{
	struct kvm_vcpu_events ev;
	struct kvm_mp_state mp;
	struct kvm_regs regs;
	const char *state;

	if (ioctl(vcpu_fd, KVM_GET_MP_STATE, &mp) < 0 ||
	    ioctl(vcpu_fd, KVM_GET_REGS, &regs) < 0 ||
	    ioctl(vcpu_fd, KVM_GET_VCPU_EVENTS, &ev) < 0) {
		snprintf(buf, len, "run state unavailable: %s",
			 strerror(errno));
		return;
	}
	switch (mp.mp_state) {
	case KVM_MP_STATE_RUNNABLE:
		state = "runnable";
		break;
	case KVM_MP_STATE_HALTED:
		state = "halted";
		break;
	case KVM_MP_STATE_UNINITIALIZED:
	case KVM_MP_STATE_INIT_RECEIVED:
		state = "waiting for INIT/SIPI";
		break;
	default:
		state = "other";
		break;
	}
	snprintf(buf, len, "%s (mp_state %u), interrupts %s, %s", state,
		 mp.mp_state,
		 (regs.rflags & X86_RFLAGS_IF) ? "enabled" : "disabled",
		 ev.nmi.pending || ev.nmi.injected ? "NMI pending"
						   : "no NMI pending");
	if (ev.interrupt.injected) {
		size_t n = strlen(buf);

		snprintf(buf + n, len - n, ", injecting vector 0x%x",
			 ev.interrupt.nr);
	}
}
