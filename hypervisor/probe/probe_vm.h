/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The KVM substrate probe: a minimal one-vCPU VM that starts a freestanding
 * ELF32 guest in 32-bit flat protected mode (the state hvm-domain gives
 * hvmloader) and records what the guest writes to the debug port until it
 * writes its exit code to the exit port. It proves that this machine's KVM
 * runs unmodified guests through protected mode, paging and long mode.
 */
#ifndef HYPERVISOR_PROBE_VM_H
#define HYPERVISOR_PROBE_VM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Guest ports: bytes written to DEBUG are its output; a write to EXIT ends it.
 */
#define PROBE_PORT_DEBUG 0xe9
#define PROBE_PORT_EXIT 0xf4

#define PROBE_MEM_SIZE (4u << 20)
#define PROBE_OUT_MAX 4096
#define PROBE_WHY_MAX 512

enum probe_result {
	PROBE_RUNNING,
	PROBE_EXITED,  /* the guest wrote its exit code */
	PROBE_FAILED,  /* the guest or KVM failed; see why */
	PROBE_TIMEOUT, /* the guest ran past its deadline */
};

struct probe_vm {
	int vm_fd;
	int vcpu_fd;
	struct kvm_run *run;
	size_t run_size;
	uint8_t *mem;
	unsigned long nr_exits;
	enum probe_result result;
	uint32_t exit_code;
	size_t out_len;
	char out[PROBE_OUT_MAX];
	char why[PROBE_WHY_MAX];
};

/* Creates the VM, its memory and one vCPU on the open /dev/kvm @kvm_fd. */
int probe_vm_create(int kvm_fd, struct probe_vm **out)
	__attribute__((warn_unused_result));

/*
 * Loads the ELF32 file at @path and points the vCPU at its entry in 32-bit
 * flat protected mode. Returns 0 or a negative errno, with vm->why set.
 */
int probe_vm_load(struct probe_vm *vm, const char *path)
	__attribute__((warn_unused_result));

/*
 * Runs the vCPU until the guest exits, fails, or @timeout_ms passes; the
 * outcome is in vm->result (and vm->why unless PROBE_EXITED). Returns 0,
 * or a negative errno if KVM itself failed.
 */
int probe_vm_run(struct probe_vm *vm, unsigned int timeout_ms)
	__attribute__((warn_unused_result));

/* Writes the vCPU's main registers into @buf, for failure reports. */
void probe_vm_describe_cpu(const struct probe_vm *vm, char *buf, size_t len);

/* Frees everything; accepts NULL. */
void probe_vm_destroy(struct probe_vm *vm);

/*
 * Handles one KVM exit (vm->run->exit_reason): returns 0 to continue, or
 * sets vm->result and returns 0 to stop; negative errno on host failure.
 * Exposed for probe_vm.c's run loop.
 */
int probe_exit_handle(struct probe_vm *vm) __attribute__((warn_unused_result));

#endif /* HYPERVISOR_PROBE_VM_H */
