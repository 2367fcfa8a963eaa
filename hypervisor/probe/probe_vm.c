/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The substrate probe's VM (see probe_vm.h): memory, one vCPU with the
 * host's supported CPUID (without it KVM refuses EFER.LME), the initial
 * 32-bit flat protected-mode state, and a run loop bounded by a deadline.
 */
#include "probe_vm.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include <linux/kvm.h>

#include "hypervisor/clock_ms.h"
#include "hypervisor/elf_load.h"
#include "hypervisor/file_read.h"
#include "hypervisor/vcpu_regs.h"

/* Where KVM may keep the real-mode TSS on Intel (unused on AMD). */
#define PROBE_TSS_ADDR 0xfffbd000u
#define PROBE_TICK_US 50000

static int set_cpuid(struct probe_vm *vm, int kvm_fd)
{
	struct kvm_cpuid2 *cpuid = NULL;
	int rc;

	rc = vcpu_regs_host_cpuid(kvm_fd, 0, &cpuid);
	if (!rc && ioctl(vm->vcpu_fd, KVM_SET_CPUID2, cpuid) < 0)
		rc = -errno;
	if (rc)
		snprintf(vm->why, sizeof(vm->why),
			 "cannot set the guest CPUID: %s", strerror(-rc));
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

int probe_vm_load(struct probe_vm *vm, const char *path)
{
	struct elf_load_image img;
	uint8_t *buf = NULL;
	size_t len = 0;
	int rc;

	rc = file_read_all(path, PROBE_MEM_SIZE, &buf, &len, vm->why,
			   sizeof(vm->why));
	if (rc)
		return rc;
	rc = elf_load_parse(buf, len, &img, vm->why, sizeof(vm->why));
	if (!rc)
		rc = elf_load_copy(buf, &img, vm->mem, PROBE_MEM_SIZE, vm->why,
				   sizeof(vm->why));
	free(buf);
	if (rc)
		return rc;
	rc = vcpu_regs_set_protected_mode(vm->vcpu_fd, img.entry, 0);
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
	uint64_t deadline = clock_ms_now() + timeout_ms;
	int rc;

	vm->result = PROBE_RUNNING;
	rc = arm_ticks(true);
	while (!rc && vm->result == PROBE_RUNNING) {
		if (clock_ms_now() >= deadline) {
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
	vcpu_regs_describe(vm->vcpu_fd, buf, (unsigned int)len);
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
