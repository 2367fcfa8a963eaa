/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * KVM exit handlers, dispatched through a table indexed by exit reason
 * (STYLE.md 3). Port I/O goes to in-hypervisor devices on the domain's
 * port bus; accesses nothing claims read all-ones and drop writes
 * (firmware.md 4.5). TODO(#3): forward unclaimed PIO/MMIO to the ioreq
 * server that claimed them.
 */
#include "hypervisor/vcpu.h"

#include <errno.h>
#include <string.h>
#include <linux/kvm.h>

#include "hypervisor/domain.h"
#include "hypervisor/log.h"
#include "hypervisor/vcpu_regs.h"
#include "vcpu_exit_priv.h"

typedef int (*vcpu_exit_fn)(struct vcpu *v);

static int pio_one(struct vcpu *v, uint16_t port, unsigned int size, bool write,
		   uint8_t *data)
{
	uint64_t off, val = 0;
	struct hv_dev *dev = hv_pio_bus_find(&v->d->pio, port, size, &off);

	if (!dev) {
		if (!write)
			memset(data, 0xff, size);
		return 0;
	}
	if (write) {
		memcpy(&val, data, size);
		return dev->ops->write(dev, off, size, val);
	}
	val = ~0ULL;
	if (dev->ops->read(dev, off, size, &val))
		return -EIO;
	memcpy(data, &val, size);
	return 0;
}

static int exit_io(struct vcpu *v)
{
	struct kvm_run *run = v->run;
	unsigned int size = run->io.size, count = run->io.count, i;
	bool write = run->io.direction == KVM_EXIT_IO_OUT;
	uint64_t bytes = (uint64_t)size * count;
	uint8_t *data = (uint8_t *)run + run->io.data_offset;
	int rc;

	/* KVM fills these, but the data must lie inside the run page. */
	if ((size != 1 && size != 2 && size != 4) ||
	    run->io.data_offset > v->run_size ||
	    bytes > v->run_size - run->io.data_offset)
		return -EPROTO;
	for (i = 0; i < count; i++) {
		rc = pio_one(v, run->io.port, size, write, data + i * size);
		if (rc)
			return rc;
	}
	return 0;
}

static int exit_mmio(struct vcpu *v)
{
	struct kvm_run *run = v->run;

	if (run->mmio.len == 0 || run->mmio.len > sizeof(run->mmio.data))
		return -EPROTO;
	if (!run->mmio.is_write)
		memset(run->mmio.data, 0xff, run->mmio.len);
	return 0;
}

static int exit_shutdown(struct vcpu *v)
{
	char regs[384];

	vcpu_regs_describe(v->fd, regs, sizeof(regs));
	domain_stop(v->d, DOMAIN_STOP_TRIPLE_FAULT,
		    "vCPU %u triple-faulted; %s", v->id, regs);
	return 0;
}

static int exit_hlt(struct vcpu *v)
{
	/* With the in-kernel LAPIC KVM halts in the kernel; not expected. */
	log_debug("vcpu", "vCPU %u halted in user space", v->id);
	return 0;
}

static int exit_internal(struct vcpu *v)
{
	log_err("vcpu", "vCPU %u: KVM internal error, suberror %u", v->id,
		v->run->internal.suberror);
	return -EIO;
}

static int exit_fail_entry(struct vcpu *v)
{
	log_err("vcpu",
		"vCPU %u: KVM cannot enter the guest, hardware reason 0x%llx",
		v->id,
		(unsigned long long)
			v->run->fail_entry.hardware_entry_failure_reason);
	return -EIO;
}

static const vcpu_exit_fn vcpu_exit_table[] = {
	[KVM_EXIT_IO] = exit_io,
	[KVM_EXIT_MMIO] = exit_mmio,
	[KVM_EXIT_HLT] = exit_hlt,
	[KVM_EXIT_SHUTDOWN] = exit_shutdown,
	[KVM_EXIT_XEN] = vcpu_exit_xen,
	[KVM_EXIT_INTERNAL_ERROR] = exit_internal,
	[KVM_EXIT_FAIL_ENTRY] = exit_fail_entry,
};

int vcpu_exit_handle(struct vcpu *v)
{
	uint32_t reason = v->run->exit_reason;

	if (reason >= sizeof(vcpu_exit_table) / sizeof(vcpu_exit_table[0]) ||
	    !vcpu_exit_table[reason]) {
		log_err("vcpu", "vCPU %u: unexpected KVM exit reason %u", v->id,
			reason);
		return -ENOSYS;
	}
	return vcpu_exit_table[reason](v);
}
