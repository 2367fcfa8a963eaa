/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exit handlers of the substrate probe, dispatched through a table indexed
 * by KVM exit reason. The guest may only use the debug and exit ports; any
 * other exit ends the probe with a description of what the guest did.
 */
#include "probe_vm.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <linux/kvm.h>

#include "hypervisor/log.h"

typedef int (*probe_exit_fn)(struct probe_vm *vm);

static int fail(struct probe_vm *vm, const char *what)
{
	vm->result = PROBE_FAILED;
	snprintf(vm->why, sizeof(vm->why), "%s", what);
	return 0;
}

static void debug_out(struct probe_vm *vm, const uint8_t *data, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n && vm->out_len < sizeof(vm->out) - 1; i++)
		vm->out[vm->out_len++] = (char)data[i];
	vm->out[vm->out_len] = '\0';
}

static int exit_io(struct probe_vm *vm)
{
	const struct kvm_run *run = vm->run;
	const uint8_t *data = (const uint8_t *)run + run->io.data_offset;
	unsigned int size = run->io.size, count = run->io.count;
	uint64_t bytes = (uint64_t)size * count;

	/* The data area lies inside the mmap'ed kvm_run region. */
	if (size == 0 || size > 4 || run->io.data_offset > vm->run_size ||
	    bytes > vm->run_size - run->io.data_offset)
		return -EPROTO;
	if (run->io.direction == KVM_EXIT_IO_OUT &&
	    run->io.port == PROBE_PORT_DEBUG) {
		debug_out(vm, data, (unsigned int)bytes);
		return 0;
	}
	if (run->io.direction == KVM_EXIT_IO_OUT &&
	    run->io.port == PROBE_PORT_EXIT) {
		vm->exit_code = 0;
		memcpy(&vm->exit_code, data, size);
		vm->result = PROBE_EXITED;
		return 0;
	}
	vm->result = PROBE_FAILED;
	snprintf(
		vm->why, sizeof(vm->why),
		"guest %s port 0x%x (size %u), which the probe does not emulate",
		run->io.direction == KVM_EXIT_IO_OUT ? "wrote" : "read",
		run->io.port, size);
	return 0;
}

static int exit_hlt(struct probe_vm *vm)
{
	return fail(vm, "guest halted before writing its exit code");
}

static int exit_shutdown(struct probe_vm *vm)
{
	return fail(
		vm,
		"guest triple-faulted (KVM_EXIT_SHUTDOWN) before writing its exit code");
}

static int exit_mmio(struct probe_vm *vm)
{
	vm->result = PROBE_FAILED;
	snprintf(vm->why, sizeof(vm->why),
		 "guest accessed unbacked memory at 0x%llx",
		 (unsigned long long)vm->run->mmio.phys_addr);
	return 0;
}

static int exit_fail_entry(struct probe_vm *vm)
{
	vm->result = PROBE_FAILED;
	snprintf(
		vm->why, sizeof(vm->why),
		"KVM could not enter the guest (hardware reason 0x%llx): this KVM cannot run unmodified guests",
		(unsigned long long)
			vm->run->fail_entry.hardware_entry_failure_reason);
	return 0;
}

static int exit_internal(struct probe_vm *vm)
{
	vm->result = PROBE_FAILED;
	snprintf(
		vm->why, sizeof(vm->why),
		"KVM internal error (suberror %u): this KVM cannot emulate what the guest did",
		vm->run->internal.suberror);
	return 0;
}

static const probe_exit_fn probe_exit_table[] = {
	[KVM_EXIT_IO] = exit_io,
	[KVM_EXIT_HLT] = exit_hlt,
	[KVM_EXIT_SHUTDOWN] = exit_shutdown,
	[KVM_EXIT_MMIO] = exit_mmio,
	[KVM_EXIT_FAIL_ENTRY] = exit_fail_entry,
	[KVM_EXIT_INTERNAL_ERROR] = exit_internal,
};

int probe_exit_handle(struct probe_vm *vm)
{
	uint32_t reason = vm->run->exit_reason;

	vm->nr_exits++;
	if (reason >= sizeof(probe_exit_table) / sizeof(probe_exit_table[0]) ||
	    !probe_exit_table[reason]) {
		vm->result = PROBE_FAILED;
		snprintf(vm->why, sizeof(vm->why),
			 "unexpected KVM exit reason %u", reason);
		return 0;
	}
	log_debug("probe", "exit reason %u", reason);
	return probe_exit_table[reason](vm);
}
