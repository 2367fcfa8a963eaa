/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The substrate probe's VM (see probe_vm.h): memory, one vCPU with the
 * host's supported CPUID (without it KVM refuses EFER.LME), the initial
 * 32-bit flat protected-mode state, and a run loop bounded by a deadline.
 */
#include "probe_vm.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include <linux/kvm.h>

#include "hypervisor/elf_load.h"

/* Where KVM may keep the real-mode TSS on Intel (unused on AMD). */
#define PROBE_TSS_ADDR 0xfffbd000u
#define PROBE_CPUID_MAX 256
#define PROBE_TICK_US 50000

#define X86_CR0_PE 0x1u
#define X86_CR0_ET 0x10u
#define X86_RFLAGS_RESERVED 0x2u
#define SEG_TYPE_CODE_XR_ACCESSED 0xb
#define SEG_TYPE_DATA_RW_ACCESSED 0x3
#define SEG_TYPE_TSS32_BUSY 0xb

static int set_cpuid(struct probe_vm *vm, int kvm_fd)
{
	struct kvm_cpuid2 *cpuid;
	int rc = 0;

	cpuid = calloc(1, sizeof(*cpuid) +
				  PROBE_CPUID_MAX * sizeof(cpuid->entries[0]));
	if (!cpuid)
		return -ENOMEM;
	cpuid->nent = PROBE_CPUID_MAX;
	if (ioctl(kvm_fd, KVM_GET_SUPPORTED_CPUID, cpuid) < 0 ||
	    ioctl(vm->vcpu_fd, KVM_SET_CPUID2, cpuid) < 0) {
		rc = -errno;
		snprintf(vm->why, sizeof(vm->why),
			 "cannot set the guest CPUID: %s", strerror(-rc));
	}
	free(cpuid);
	return rc;
}

int probe_vm_create(int kvm_fd, struct probe_vm **out)
{
	struct kvm_userspace_memory_region region = {0};
	struct probe_vm *vm;
	int r, rc;

	*out = NULL;
	vm = calloc(1, sizeof(*vm));
	if (!vm)
		return -ENOMEM;
	vm->vm_fd = vm->vcpu_fd = -1;
	vm->mem = MAP_FAILED;
	vm->run = MAP_FAILED;

	vm->vm_fd = ioctl(kvm_fd, KVM_CREATE_VM, 0);
	if (vm->vm_fd < 0)
		goto err;
	/* Intel without unrestricted guest needs this; harmless elsewhere. */
	(void)ioctl(vm->vm_fd, KVM_SET_TSS_ADDR, PROBE_TSS_ADDR);
	vm->mem = mmap(NULL, PROBE_MEM_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (vm->mem == MAP_FAILED)
		goto err;
	region.memory_size = PROBE_MEM_SIZE;
	region.userspace_addr = (uintptr_t)vm->mem;
	if (ioctl(vm->vm_fd, KVM_SET_USER_MEMORY_REGION, &region) < 0)
		goto err;
	vm->vcpu_fd = ioctl(vm->vm_fd, KVM_CREATE_VCPU, 0);
	if (vm->vcpu_fd < 0)
		goto err;
	r = ioctl(kvm_fd, KVM_GET_VCPU_MMAP_SIZE, 0);
	if (r < (int)sizeof(struct kvm_run))
		goto err;
	vm->run_size = (size_t)r;
	vm->run = mmap(NULL, vm->run_size, PROT_READ | PROT_WRITE, MAP_SHARED,
		       vm->vcpu_fd, 0);
	if (vm->run == MAP_FAILED)
		goto err;
	rc = set_cpuid(vm, kvm_fd);
	if (rc) {
		probe_vm_destroy(vm);
		return rc;
	}
	*out = vm;
	return 0;
err:
	rc = errno ? -errno : -EIO;
	probe_vm_destroy(vm);
	return rc;
}

static void flat_segment(struct kvm_segment *s, uint16_t sel, uint8_t type)
{
	memset(s, 0, sizeof(*s));
	s->base = 0;
	s->limit = 0xffffffff;
	s->selector = sel;
	s->type = type;
	s->present = 1;
	s->s = 1;
	s->db = 1;
	s->g = 1;
}

/* 32-bit flat protected mode, paging off, as hvmloader is started. */
static int set_protected_mode(struct probe_vm *vm, uint32_t entry)
{
	struct kvm_sregs sregs;
	struct kvm_regs regs = {0};

	if (ioctl(vm->vcpu_fd, KVM_GET_SREGS, &sregs) < 0)
		return -errno;
	flat_segment(&sregs.cs, 0x08, SEG_TYPE_CODE_XR_ACCESSED);
	flat_segment(&sregs.ds, 0x10, SEG_TYPE_DATA_RW_ACCESSED);
	sregs.es = sregs.fs = sregs.gs = sregs.ss = sregs.ds;
	/* VMX requires a usable busy TSS even if the guest never uses it. */
	memset(&sregs.tr, 0, sizeof(sregs.tr));
	sregs.tr.limit = 0x67;
	sregs.tr.type = SEG_TYPE_TSS32_BUSY;
	sregs.tr.present = 1;
	sregs.ldt.unusable = 1;
	sregs.cr0 = X86_CR0_PE | X86_CR0_ET;
	sregs.cr3 = sregs.cr4 = sregs.efer = 0;
	if (ioctl(vm->vcpu_fd, KVM_SET_SREGS, &sregs) < 0)
		return -errno;
	regs.rip = entry;
	regs.rflags = X86_RFLAGS_RESERVED;
	if (ioctl(vm->vcpu_fd, KVM_SET_REGS, &regs) < 0)
		return -errno;
	return 0;
}

static int read_file(const char *path, uint8_t **buf, size_t *len, char *why,
		     size_t why_len)
{
	struct stat st;
	int fd, rc = 0;
	ssize_t n;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) < 0) {
		rc = -errno;
		snprintf(why, why_len, "cannot read guest image %s: %s", path,
			 strerror(-rc));
		goto out;
	}
	if (st.st_size <= 0 || st.st_size > (off_t)PROBE_MEM_SIZE) {
		rc = -EFBIG;
		snprintf(why, why_len,
			 "guest image %s has size %lld, outside 1..%u bytes",
			 path, (long long)st.st_size, PROBE_MEM_SIZE);
		goto out;
	}
	*len = (size_t)st.st_size;
	*buf = malloc(*len);
	if (!*buf) {
		rc = -ENOMEM;
		goto out;
	}
	n = read(fd, *buf, *len);
	if (n != (ssize_t)*len) {
		rc = n < 0 ? -errno : -EIO;
		snprintf(why, why_len, "short read of guest image %s", path);
		free(*buf);
		*buf = NULL;
	}
out:
	if (fd >= 0)
		close(fd);
	return rc;
}

int probe_vm_load(struct probe_vm *vm, const char *path)
{
	struct elf_load_image img;
	uint8_t *buf = NULL;
	size_t len = 0;
	int rc;

	rc = read_file(path, &buf, &len, vm->why, sizeof(vm->why));
	if (rc)
		return rc;
	rc = elf_load_parse(buf, len, &img, vm->why, sizeof(vm->why));
	if (!rc)
		rc = elf_load_copy(buf, &img, vm->mem, PROBE_MEM_SIZE, vm->why,
				   sizeof(vm->why));
	free(buf);
	if (rc)
		return rc;
	rc = set_protected_mode(vm, img.entry);
	if (rc)
		snprintf(vm->why, sizeof(vm->why),
			 "cannot set the initial vCPU state: %s",
			 strerror(-rc));
	return rc;
}

static void tick(int sig)
{
	(void)sig; /* only interrupts KVM_RUN */
}

static uint64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/*
 * A periodic SIGALRM kicks the vCPU out of KVM_RUN so the deadline is seen
 * even if the guest never exits; periodic, not one-shot, so a tick that
 * lands just before KVM_RUN is entered is followed by another.
 */
static int arm_ticks(bool on)
{
	struct itimerval it = {0};
	struct sigaction sa = {0};

	if (on) {
		sa.sa_handler = tick; /* no SA_RESTART: KVM_RUN gets EINTR */
		if (sigaction(SIGALRM, &sa, NULL) < 0)
			return -errno;
		it.it_interval.tv_usec = PROBE_TICK_US;
		it.it_value.tv_usec = PROBE_TICK_US;
	}
	if (setitimer(ITIMER_REAL, &it, NULL) < 0)
		return -errno;
	return 0;
}

int probe_vm_run(struct probe_vm *vm, unsigned int timeout_ms)
{
	uint64_t deadline = now_ms() + timeout_ms;
	int rc;

	vm->result = PROBE_RUNNING;
	rc = arm_ticks(true);
	while (!rc && vm->result == PROBE_RUNNING) {
		if (now_ms() >= deadline) {
			vm->result = PROBE_TIMEOUT;
			snprintf(vm->why, sizeof(vm->why),
				 "guest did not finish within %u ms",
				 timeout_ms);
			break;
		}
		if (ioctl(vm->vcpu_fd, KVM_RUN, 0) < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			rc = -errno;
			snprintf(vm->why, sizeof(vm->why), "KVM_RUN failed: %s",
				 strerror(-rc));
			break;
		}
		rc = probe_exit_handle(vm);
	}
	if (arm_ticks(false) && !rc)
		rc = -errno;
	return rc;
}

void probe_vm_describe_cpu(const struct probe_vm *vm, char *buf, size_t len)
{
	struct kvm_sregs sregs;
	struct kvm_regs regs;

	if (ioctl(vm->vcpu_fd, KVM_GET_REGS, &regs) < 0 ||
	    ioctl(vm->vcpu_fd, KVM_GET_SREGS, &sregs) < 0) {
		snprintf(buf, len, "registers unavailable: %s",
			 strerror(errno));
		return;
	}
	snprintf(
		buf, len,
		"rip=0x%llx rsp=0x%llx cs=0x%x cr0=0x%llx cr3=0x%llx cr4=0x%llx efer=0x%llx",
		(unsigned long long)regs.rip, (unsigned long long)regs.rsp,
		sregs.cs.selector, (unsigned long long)sregs.cr0,
		(unsigned long long)sregs.cr3, (unsigned long long)sregs.cr4,
		(unsigned long long)sregs.efer);
}

void probe_vm_destroy(struct probe_vm *vm)
{
	if (!vm)
		return;
	if (vm->run != MAP_FAILED)
		munmap(vm->run, vm->run_size);
	if (vm->vcpu_fd >= 0)
		close(vm->vcpu_fd);
	if (vm->mem != MAP_FAILED)
		munmap(vm->mem, PROBE_MEM_SIZE);
	if (vm->vm_fd >= 0)
		close(vm->vm_fd);
	free(vm);
}
