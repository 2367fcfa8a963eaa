/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libxendevicemodel.so.1, part 2: interrupts, memory and shutdown
 * (dm-abi.md 2.3, 4.4, 4.5, 5.3). Arguments get the checks Xen's dm_op
 * applies before anything is sent, so a bad value fails with EINVAL as it
 * would under Xen.
 *
 * Left out: set_mem_type does not enforce the ROM lock (ram_ro) and
 * pin_memory_cacheattr changes nothing (guest RAM is write-back under KVM
 * without assigned devices); modified_memory fails with ENOSYS because
 * live migration does not exist yet; inject_event and set_irq_level (an
 * Arm GSI call) are not supported.
 */
#define _GNU_SOURCE
#include "xenlib_priv.h"

#include <string.h>

#pragma GCC visibility push(default)
#include <xendevicemodel.h>
#pragma GCC visibility pop

/* Xen's limits (xen/arch/x86/hvm/dm.c semantics, dm-abi.md 5.3). */
#define ISA_MAX_IRQ 15
#define PCI_MAX_DEVICE 0x1f
#define PCI_MAX_INTX 3
#define PCI_MAX_LINK 3
#define MAX_LEVEL 1

#define BITS_PER_WORD 64
#define DIRTY_WORDS(nr) (((nr) + BITS_PER_WORD - 1) / BITS_PER_WORD)

_Static_assert(sizeof(unsigned long) * 8 == BITS_PER_WORD,
	       "track_dirty_vram's bitmap words are the wire's 64-bit words");

static int call(domid_t domid, uint16_t op, const void *req)
{
	return xenlib_ret(
		xenlib_conn_call(domid, op, req, NULL, NULL, 0, NULL));
}

int xendevicemodel_set_isa_irq_level(xendevicemodel_handle *dmod, domid_t domid,
				     uint8_t irq, unsigned int level)
{
	struct ctl_isa_irq req = {.irq = irq, .level = (uint8_t)level};

	if (!dmod || irq > ISA_MAX_IRQ || level > MAX_LEVEL)
		return xenlib_ret(-EINVAL);
	return call(domid, CTL_OP_SET_ISA_IRQ, &req);
}

int xendevicemodel_set_pci_intx_level(xendevicemodel_handle *dmod,
				      domid_t domid, uint16_t segment,
				      uint8_t bus, uint8_t device, uint8_t intx,
				      unsigned int level)
{
	struct ctl_pci_intx req = {.bus = bus,
				   .device = device,
				   .intx = intx,
				   .level = (uint8_t)level};

	/* As under Xen, only segment 0 bus 0 (the wire has no segment). */
	if (!dmod || segment != 0 || bus != 0 || device > PCI_MAX_DEVICE ||
	    intx > PCI_MAX_INTX || level > MAX_LEVEL)
		return xenlib_ret(-EINVAL);
	return call(domid, CTL_OP_SET_PCI_INTX, &req);
}

int xendevicemodel_set_pci_link_route(xendevicemodel_handle *dmod,
				      domid_t domid, uint8_t link, uint8_t irq)
{
	struct ctl_pci_link req = {.link = link, .irq = irq};

	if (!dmod || link > PCI_MAX_LINK || irq > ISA_MAX_IRQ)
		return xenlib_ret(-EINVAL);
	return call(domid, CTL_OP_SET_PCI_LINK, &req);
}

int xendevicemodel_inject_msi(xendevicemodel_handle *dmod, domid_t domid,
			      uint64_t msi_addr, uint32_t msi_data)
{
	struct ctl_msi req = {.addr = msi_addr, .data = msi_data};

	if (!dmod)
		return xenlib_ret(-EINVAL);
	return call(domid, CTL_OP_INJECT_MSI, &req);
}

int xendevicemodel_shutdown(xendevicemodel_handle *dmod, domid_t domid,
			    unsigned int reason)
{
	struct ctl_shutdown req = {.reason = reason};

	if (!dmod)
		return xenlib_ret(-EINVAL);
	return call(domid, CTL_OP_SHUTDOWN, &req);
}

int xendevicemodel_relocate_memory(xendevicemodel_handle *dmod, domid_t domid,
				   uint32_t size, uint64_t src_gfn,
				   uint64_t dst_gfn)
{
	struct ctl_relocate req = {
		.src_gfn = src_gfn, .dst_gfn = dst_gfn, .nr_pages = size};
	int rc;

	if (!dmod)
		return xenlib_ret(-EINVAL);
	rc = xenlib_conn_call(domid, CTL_OP_RELOCATE, &req, NULL, NULL, 0,
			      NULL);
	/* Even a failed move may have changed something: re-read regions. */
	xenlib_mem_invalidate(domid);
	return xenlib_ret(rc);
}

int xendevicemodel_pin_memory_cacheattr(xendevicemodel_handle *dmod,
					domid_t domid, uint64_t start,
					uint64_t end, uint32_t type)
{
	(void)domid, (void)type;
	if (!dmod || start > end)
		return xenlib_ret(-EINVAL);
	return 0;
}

int xendevicemodel_set_mem_type(xendevicemodel_handle *dmod, domid_t domid,
				hvmmem_type_t mem_type, uint64_t first_pfn,
				uint32_t nr)
{
	(void)domid;
	if (!dmod || first_pfn > UINT64_MAX - nr)
		return xenlib_ret(-EINVAL);
	if (mem_type != HVMMEM_ram_rw && mem_type != HVMMEM_ram_ro)
		return xenlib_ret(-EINVAL);
	return 0;
}

/* Copies @nr bits to QEMU's bitmap; stray bits past @nr are dropped. */
static void copy_bitmap(unsigned long *dst, const uint64_t *src, uint32_t nr)
{
	uint32_t words = DIRTY_WORDS(nr), tail = nr % BITS_PER_WORD;

	memcpy(dst, src, words * sizeof(*dst));
	if (tail)
		dst[words - 1] &= (1UL << tail) - 1;
}

/*
 * Xen semantics (dm-abi.md 4.5). Whenever tracking is unavailable QEMU
 * must see ENODATA, which makes it redraw the whole framebuffer; any other
 * errno freezes the display. So a range too large for the wire, or a
 * hypervisor without the op, also answers ENODATA.
 */
int xendevicemodel_track_dirty_vram(xendevicemodel_handle *dmod, domid_t domid,
				    uint64_t first_pfn, uint32_t nr,
				    unsigned long *dirty_bitmap)
{
	struct ctl_dirty_req req = {.first_pfn = first_pfn, .nr = nr};
	struct ctl_dirty_bitmap bm;
	int rc;

	if (!dmod || (nr && !dirty_bitmap))
		return xenlib_ret(-EINVAL);
	if (nr > CTL_DIRTY_MAX_PAGES)
		return xenlib_ret(-ENODATA);
	rc = xenlib_conn_call(domid, CTL_OP_DIRTY_VRAM, &req, &bm, NULL, 0,
			      NULL);
	if (rc == -EOPNOTSUPP || rc == -ENOSYS)
		rc = -ENODATA;
	if (!rc && nr)
		copy_bitmap(dirty_bitmap, bm.bits, nr);
	return xenlib_ret(rc);
}

/* Only called while QEMU logs dirty memory for migration (ENOSYS). */
int xendevicemodel_modified_memory(xendevicemodel_handle *dmod, domid_t domid,
				   uint64_t first_pfn, uint32_t nr)
{
	(void)dmod, (void)domid, (void)first_pfn, (void)nr;
	return xenlib_ret(-ENOSYS);
}

int xendevicemodel_modified_memory_bulk(
	xendevicemodel_handle *dmod, domid_t domid,
	struct xen_dm_op_modified_memory_extent extents[], uint32_t nr)
{
	(void)dmod, (void)domid, (void)extents, (void)nr;
	return xenlib_ret(-ENOSYS);
}

int xendevicemodel_inject_event(xendevicemodel_handle *dmod, domid_t domid,
				int vcpu, uint8_t vector, uint8_t type,
				uint32_t error_code, uint8_t insn_len,
				uint64_t extra)
{
	(void)dmod, (void)domid, (void)vcpu, (void)vector, (void)type;
	(void)error_code, (void)insn_len, (void)extra;
	return xenlib_ret(-ENOSYS);
}

int xendevicemodel_set_irq_level(xendevicemodel_handle *dmod, domid_t domid,
				 unsigned int irq, unsigned int level)
{
	(void)dmod, (void)domid, (void)irq, (void)level;
	return xenlib_ret(-ENOSYS);
}
