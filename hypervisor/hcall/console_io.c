/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The console_io hypercall (xen.h, CONSOLEIO_*): the hypervisor console a
 * guest may print to early in boot (Linux earlyprintk=xen, hvc0 before the
 * PV console). CONSOLEIO_write hands the bytes to the domain's console
 * sink; CONSOLEIO_read has nothing to offer and reads 0 bytes.
 *
 * Xen splits long writes into preemptible chunks and continues the
 * hypercall. We cannot continue a hypercall from a KVM exit, so one call
 * passes on at most HCALL_CONSOLE_WRITE_MAX bytes and drops the rest; it
 * still returns 0 as Xen does, since guests treat the write as complete.
 */
#include "hcall_priv.h"

#include <errno.h>

#include "hypervisor/log.h"

/* Bytes copied from the guest per step, bounded stack use. */
#define CONSOLE_IO_CHUNK 256

static long console_write(struct hcall_vcpu *v, const uint64_t *args)
{
	const struct hcall_ops *ops = v->d->ops;
	char buf[CONSOLE_IO_CHUNK];
	uint32_t count = (uint32_t)args[1];
	uint64_t gva = args[2];
	uint32_t done, n;
	int rc;

	if (!ops->console_write)
		return -ENOSYS;
	if (count > HCALL_CONSOLE_WRITE_MAX) {
		log_debug("hcall", "v%u: console write of %u bytes cut to %u",
			  v->id, count, HCALL_CONSOLE_WRITE_MAX);
		count = HCALL_CONSOLE_WRITE_MAX;
	}
	/* Checked whole, so no gva + done below can wrap around. */
	if (count && !hcall_guest_range_ok(v, gva, count))
		return -EFAULT;
	for (done = 0; done < count; done += n) {
		n = count - done < sizeof(buf) ? count - done : sizeof(buf);
		rc = hcall_copy_from_guest(v, buf, gva + done, n);
		if (rc)
			return rc;
		rc = ops->console_write(v->d->opaque, buf, n);
		if (rc)
			return rc;
	}
	return 0;
}

static long console_read(struct hcall_vcpu *v, const uint64_t *args)
{
	(void)v;
	(void)args;
	return 0;
}

static const hcall_fn console_io_ops[] = {
	[CONSOLEIO_write] = console_write,
	[CONSOLEIO_read] = console_read,
};

/*
 * console_io(cmd, count, buffer); Xen takes cmd and count as unsigned
 * int, so their upper halves are ignored for 64-bit callers too.
 */
long console_io_hcall(struct hcall_vcpu *v, const uint64_t *args)
{
	return hcall_subop(v, __HYPERVISOR_console_io, console_io_ops,
			   ARRAY_SIZE(console_io_ops), (uint32_t)args[0], args);
}
