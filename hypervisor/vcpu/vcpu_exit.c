/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * KVM exit handlers, dispatched through a table indexed by exit reason
 * (STYLE.md 3). Port I/O goes to in-hypervisor devices on the domain's
 * port bus first, then like MMIO to the ioreq server that claimed it
 * (dm-abi.md 3.6); accesses nobody claims read all-ones and drop writes
 * (firmware.md 4.5). A rep string access arrives as one exit with its data
 * in the run page and is sent as one request per element. The Xen
 * platform device's unplug mask loses its NIC bit on the way
 * (xen_unplug.h).
 */
#include "hypervisor/vcpu.h"

#include <errno.h>
#include <string.h>
#include <linux/kvm.h>

#include "hypervisor/domain.h"
#include "hypervisor/domain_coalesced.h"
#include "hypervisor/domain_ioreq.h"
#include "hypervisor/log.h"
#include "hypervisor/vcpu_regs.h"
#include "hypervisor/xen_unplug.h"
#include "vcpu_exit_priv.h"

typedef int (*vcpu_exit_fn)(struct vcpu *v);

#define PCI_CF8_PORT 0xcf8
#define PCI_CFC_PORT 0xcfc
#define PCI_CFC_LAST 0xcff

/* Fills @req for one access; data only matters for writes. */
static void ioreq_init(struct ioreq *req, uint8_t type, uint64_t addr,
		       unsigned int size, bool write, uint64_t data)
{
	memset(req, 0, sizeof(*req));
	req->type = type;
	req->addr = addr;
	req->size = size;
	req->count = 1;
	req->dir = write ? IOREQ_WRITE : IOREQ_READ;
	req->data = write ? data : 0;
}

/*
 * Sends one access to the ioreq server that claims it. Config-space data
 * ports become PCI_CONFIG requests when a server claims the device the
 * CF8 latch selects (dm-abi.md 3.6); unclaimed reads return all-ones.
 */
static int pio_forward(struct vcpu *v, uint16_t port, unsigned int size,
		       bool write, uint64_t *val)
{
	struct domain_ioreq *io = v->d->ioreq;
	uint32_t cf8 = __atomic_load_n(&io->cf8, __ATOMIC_RELAXED);
	struct ioreq req;
	uint64_t addr;
	int rc = -ENOENT;

	if (port == PCI_CF8_PORT && size == 4 && write)
		__atomic_store_n(&io->cf8, (uint32_t)*val, __ATOMIC_RELAXED);
	if (port >= PCI_CFC_PORT && port <= PCI_CFC_LAST &&
	    !ioreq_server_pci_cfg_addr(cf8, port, false, &addr)) {
		ioreq_init(&req, IOREQ_TYPE_PCI_CONFIG, addr, size, write,
			   *val);
		rc = domain_ioreq_forward(v, &req, val);
	}
	if (rc == -ENOENT && write && port == XEN_UNPLUG_PORT) {
		uint64_t sent = xen_unplug_filter(port, size, *val);

		/* Once: a guest may write the port in a loop. */
		if (sent != *val &&
		    !__atomic_exchange_n(&v->d->unplug_nics_logged, true,
					 __ATOMIC_RELAXED))
			log_info(
				"xen",
				"the guest unplugs its emulated devices (mask 0x%llx); its NICs stay, as there is no PV network backend yet (mask 0x%llx sent on; logged once per domain)",
				(unsigned long long)*val,
				(unsigned long long)sent);
		*val = sent;
	}
	if (rc == -ENOENT) {
		ioreq_init(&req, IOREQ_TYPE_PIO, port, size, write, *val);
		rc = domain_ioreq_forward(v, &req, val);
	}
	if (rc == -ENOENT) {
		*val = ~0ULL;
		rc = 0;
	}
	return rc;
}

static int pio_one(struct vcpu *v, uint16_t port, unsigned int size, bool write,
		   uint8_t *data)
{
	uint64_t off, val = 0;
	struct hv_dev *dev = hv_pio_bus_find(&v->d->pio, port, size, &off);
	int rc;

	if (write)
		memcpy(&val, data, size);
	if (dev && write)
		return dev->ops->write(dev, off, size, val);
	if (dev) {
		val = ~0ULL;
		rc = dev->ops->read(dev, off, size, &val) ? -EIO : 0;
	} else {
		rc = pio_forward(v, port, size, write, &val);
	}
	if (!rc && !write)
		memcpy(data, &val, size);
	return rc;
}

/*
 * A rep string access to a port no in-hypervisor device owns goes to the
 * ioreq server as ONE request with data_is_ptr (dm-abi.md 3.5): the data
 * KVM buffered in the run page is passed through this vCPU's bounce page
 * at the top of low RAM (reserved in E820), which QEMU reads or writes as
 * guest memory in I/O order. An IDE sector read is then one round trip, not
 * 256 or 1024. Returns -ENOENT if nobody claims the port or this vCPU has
 * no bounce page.
 */
static int pio_rep_forward(struct vcpu *v, uint16_t port, unsigned int size,
			   unsigned int count, bool write, uint8_t *data)
{
	uint64_t gpa =
		gmem_bounce_start(v->d->mem) + (uint64_t)v->id * GMEM_PAGE_SIZE;
	uint64_t bytes = (uint64_t)size * count, unused;
	struct ioreq req;
	void *bounce;
	int rc;

	if (v->id >= GMEM_BOUNCE_PAGES || bytes > GMEM_PAGE_SIZE)
		return -ENOENT;
	/* Low RAM never moves; the lock orders the lookup. */
	pthread_rwlock_rdlock(&v->d->mem_lock);
	rc = gmem_map(v->d->mem, gpa, bytes, &bounce);
	pthread_rwlock_unlock(&v->d->mem_lock);
	if (rc)
		return -ENOENT;
	ioreq_init(&req, IOREQ_TYPE_PIO, port, size, write, 0);
	req.data = gpa; /* both directions: the buffer's guest address */
	req.count = count;
	req.data_is_ptr = 1;
	if (write)
		memcpy(bounce, data, bytes);
	rc = domain_ioreq_forward(v, &req, &unused);
	if (!rc && !write)
		memcpy(data, bounce, bytes);
	return rc;
}

static int exit_io(struct vcpu *v)
{
	struct kvm_run *run = v->run;
	unsigned int size = run->io.size, count = run->io.count, i;
	bool write = run->io.direction == KVM_EXIT_IO_OUT;
	uint64_t bytes = (uint64_t)size * count, off;
	uint8_t *data = (uint8_t *)run + run->io.data_offset;
	int rc;

	/* KVM fills these, but the data must lie inside the run page. */
	if ((size != 1 && size != 2 && size != 4) ||
	    run->io.data_offset > v->run_size ||
	    bytes > v->run_size - run->io.data_offset)
		return -EPROTO;
	/* The unplug port goes element by element, through its filter. */
	if (count > 1 && run->io.port != XEN_UNPLUG_PORT &&
	    !hv_pio_bus_find(&v->d->pio, run->io.port, size, &off)) {
		rc = pio_rep_forward(v, run->io.port, size, count, write, data);
		if (rc != -ENOENT)
			return rc;
	}
	for (i = 0; i < count; i++) {
		rc = pio_one(v, run->io.port, size, write, data + i * size);
		if (rc)
			return rc;
	}
	return 0;
}

/*
 * KVM cuts an access that crosses a page into two exits, so one may be 3,
 * 5, 6 or 7 bytes: it goes as 1-, 2- and 4-byte requests, lowest address
 * first, as Xen splits an access (hvmemul_phys_mmio_access()).
 */
static int mmio_pieces(struct vcpu *v, uint64_t gpa, unsigned int len,
		       bool write, uint8_t *data)
{
	unsigned int off, piece;
	struct ioreq req;
	uint64_t val;
	int rc;

	for (off = 0; off < len; off += piece) {
		piece = len - off >= 4 ? 4 : len - off >= 2 ? 2 : 1;
		val = 0;
		if (write)
			memcpy(&val, data + off, piece);
		ioreq_init(&req, IOREQ_TYPE_COPY, gpa + off, piece, write, val);
		rc = domain_ioreq_forward(v, &req, &val);
		if (rc == -ENOENT) {
			val = ~0ULL;
			rc = 0;
		}
		if (rc)
			return rc;
		if (!write)
			memcpy(data + off, &val, piece);
	}
	return 0;
}

static int exit_mmio(struct vcpu *v)
{
	struct kvm_run *run = v->run;
	unsigned int len = run->mmio.len;
	struct ioreq req;
	uint64_t val = 0;
	int rc;

	if (len == 0 || len > sizeof(run->mmio.data))
		return -EPROTO;
	if (len != 1 && len != 2 && len != 4 && len != 8)
		return mmio_pieces(v, run->mmio.phys_addr, len,
				   run->mmio.is_write, run->mmio.data);
	if (run->mmio.is_write)
		memcpy(&val, run->mmio.data, len);
	ioreq_init(&req, IOREQ_TYPE_COPY, run->mmio.phys_addr, len,
		   run->mmio.is_write, val);
	rc = domain_ioreq_forward(v, &req, &val);
	if (rc == -ENOENT) {
		val = ~0ULL;
		rc = 0;
	}
	if (!rc && !run->mmio.is_write)
		memcpy(run->mmio.data, &val, len);
	return rc;
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

	int rc;

	/* Earlier VGA writes reach the device model before this exit's. */
	rc = domain_coalesced_flush(v->d, v);
	if (rc)
		return rc;

	if (reason >= sizeof(vcpu_exit_table) / sizeof(vcpu_exit_table[0]) ||
	    !vcpu_exit_table[reason]) {
		log_err("vcpu", "vCPU %u: unexpected KVM exit reason %u", v->id,
			reason);
		return -ENOSYS;
	}
	return vcpu_exit_table[reason](v);
}
