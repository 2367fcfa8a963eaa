/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * KVM VM setup for a domain. The in-kernel irqchip gives LAPIC, 8259 PIC
 * and a 24-pin IOAPIC, and the in-kernel PIT covers ports 0x40-0x43
 * (DESIGN.md "Execution"). KVM_XEN_HVM_CONFIG with INTERCEPT_HCALL makes
 * KVM write the hypercall page when the guest writes the MSR and report
 * every hypercall as KVM_EXIT_XEN (KVM api.rst 4.104).
 */
#include "vm_kvm.h"
#include "domain_evtchn.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <linux/kvm.h>

#include "hypervisor/domain.h"
#include "hypervisor/domain_mem.h"
#include "hypervisor/log.h"

/* Xen's hypercall-page MSR (firmware.md Appendix A). */
#define XEN_HYPERCALL_MSR 0x40000000u
/* Intel-only scratch pages KVM needs below 4 GiB, outside guest memory. */
#define VM_TSS_ADDR 0xfffbd000u
#define VM_IDENTITY_MAP_ADDR 0xfffbc000ULL

static int vm_ioctl(struct domain *d, unsigned long req, void *arg,
		    const char *what)
{
	int rc;

	if (ioctl(d->vm_fd, req, arg) >= 0)
		return 0;
	rc = -errno;
	log_err("vm", "%s failed: %s", what, strerror(-rc));
	return rc;
}

int vm_kvm_set_memslot(struct domain *d, unsigned int index)
{
	const struct gmem_region *r = &d->mem->regions[index];
	struct kvm_userspace_memory_region slot = {
		.slot = r->slot,
		.flags = r->log_dirty ? KVM_MEM_LOG_DIRTY_PAGES : 0,
		.guest_phys_addr = r->gpa,
		.memory_size = r->size,
		.userspace_addr = (uintptr_t)(d->mem->base + r->home),
	};

	return vm_ioctl(d, KVM_SET_USER_MEMORY_REGION, &slot,
			"adding a memory slot");
}

int vm_kvm_get_dirty_log(struct domain *d, unsigned int index, uint64_t *bitmap)
{
	struct kvm_dirty_log log = {
		.slot = d->mem->regions[index].slot,
		.dirty_bitmap = bitmap,
	};

	return vm_ioctl(d, KVM_GET_DIRTY_LOG, &log, "reading the dirty log");
}

#define PIC_PINS 8
#define IOAPIC_PINS 24
#define IOAPIC_PIT_PIN 2
#define MSI_ADDR_MASK 0xfffffffffff00000ULL
#define MSI_ADDR_BASE 0xfee00000ULL
/* Every PIC pin and IOAPIC pin once, except the cascade's pin 2 of each. */
#define GSI_ROUTES ((VM_KVM_ISA_IRQS - 1) + (IOAPIC_PINS - 1))

static void add_route(struct kvm_irq_routing *r, uint32_t gsi, uint32_t chip,
		      uint32_t pin)
{
	struct kvm_irq_routing_entry *e = &r->entries[r->nr++];

	e->gsi = gsi;
	e->type = KVM_IRQ_ROUTING_IRQCHIP;
	e->u.irqchip.irqchip = chip;
	e->u.irqchip.pin = pin;
}

/*
 * The PC routing (as every PC VMM sets it): GSI 0 (the PIT, ISA IRQ 0)
 * drives PIC pin 0 and IOAPIC pin 2; GSI 2 (the cascade) drives nothing;
 * every other GSI n drives IOAPIC pin n and, below 16, its PIC pin. Then
 * the @nr_extra routes of @extra. KVM replaces the whole table each time.
 */
int vm_kvm_set_routing(struct domain *d,
		       const struct kvm_irq_routing_entry *extra,
		       unsigned int nr_extra)
{
	struct kvm_irq_routing *r;
	uint32_t i;
	int rc;

	if (nr_extra > VM_KVM_MAX_EXTRA_ROUTES)
		return -E2BIG;
	r = calloc(1, sizeof(*r) + (GSI_ROUTES + nr_extra) * sizeof(*extra));
	if (!r)
		return -ENOMEM;
	for (i = 0; i < VM_KVM_ISA_IRQS; i++) {
		if (i == IOAPIC_PIT_PIN)
			continue;
		add_route(r, i,
			  i < PIC_PINS ? KVM_IRQCHIP_PIC_MASTER
				       : KVM_IRQCHIP_PIC_SLAVE,
			  i % PIC_PINS);
	}
	for (i = 0; i < IOAPIC_PINS; i++) {
		if (i != IOAPIC_PIT_PIN)
			add_route(r, i, KVM_IRQCHIP_IOAPIC,
				  i ? i : IOAPIC_PIT_PIN);
	}
	if (nr_extra)
		memcpy(&r->entries[r->nr], extra, nr_extra * sizeof(*extra));
	r->nr += nr_extra;
	/* Not logged here: a guest's bind_vcpu may get here many times. */
	rc = ioctl(d->vm_fd, KVM_SET_GSI_ROUTING, r) < 0 ? -errno : 0;
	free(r);
	return rc;
}

int vm_kvm_set_isa_irq(struct domain *d, uint32_t irq, bool level)
{
	struct kvm_irq_level l = {.irq = irq, .level = level};

	if (irq >= VM_KVM_ISA_IRQS)
		return -EINVAL;
	return ioctl(d->vm_fd, KVM_IRQ_LINE, &l) < 0 ? -errno : 0;
}

int vm_kvm_signal_msi(struct domain *d, uint64_t addr, uint32_t data)
{
	struct kvm_msi msi = {
		.address_lo = (uint32_t)addr,
		.address_hi = (uint32_t)(addr >> 32),
		.data = data,
	};

	if ((addr & MSI_ADDR_MASK) != MSI_ADDR_BASE)
		return -EINVAL;
	return ioctl(d->vm_fd, KVM_SIGNAL_MSI, &msi) < 0 ? -errno : 0;
}

/*
 * Every hypercall exits to us, except those KVM serves once event channel
 * delivery is on (EVTCHN_SEND): sends on routed ports and SCHEDOP_poll
 * (domain_evtchn.c).
 */
static int set_xen_personality(struct domain *d)
{
	struct kvm_xen_hvm_config cfg = {
		.flags = KVM_XEN_HVM_CONFIG_INTERCEPT_HCALL,
		.msr = XEN_HYPERCALL_MSR,
	};

	d->xen_evtchn = domain_evtchn_probe(d);
	if (d->xen_evtchn)
		cfg.flags |= KVM_XEN_HVM_CONFIG_EVTCHN_SEND;
	return vm_ioctl(d, KVM_XEN_HVM_CONFIG, &cfg, "KVM_XEN_HVM_CONFIG");
}

/* Linux 6.12 UAPI; Debian 12's headers (6.1) predate it. */
#ifndef KVM_X86_QUIRK_SLOT_ZAP_ALL
#define KVM_X86_QUIRK_SLOT_ZAP_ALL (1 << 7)
#endif

/*
 * By default KVM drops every nested mapping of the VM when one memslot
 * moves (the framebuffer BAR does, early in every boot). Mapping ahead
 * after that hangs on Linux 6.12: in the test host KVM_PRE_FAULT_MEMORY
 * never returned once the framebuffer had moved, and the guest stopped
 * in the VGA BIOS. With this quirk off only the moved slot loses its
 * mappings (api.rst, KVM_CAP_DISABLE_QUIRKS2; the quirk exists for
 * assigned devices, which we do not have). Returns 0, or -EOPNOTSUPP on
 * kernels before 6.12.
 */
static int disable_slot_zap_all(struct domain *d)
{
	struct kvm_enable_cap cap = {
		.cap = KVM_CAP_DISABLE_QUIRKS2,
		.args[0] = KVM_X86_QUIRK_SLOT_ZAP_ALL,
	};
	int quirks =
		ioctl(d->vm_fd, KVM_CHECK_EXTENSION, KVM_CAP_DISABLE_QUIRKS2);

	if (quirks < 0 || !(quirks & KVM_X86_QUIRK_SLOT_ZAP_ALL))
		return -EOPNOTSUPP;
	return ioctl(d->vm_fd, KVM_ENABLE_CAP, &cap) < 0 ? -errno : 0;
}

int vm_kvm_create(struct domain *d)
{
	struct kvm_pit_config pit = {0};
	uint64_t ident = VM_IDENTITY_MAP_ADDR;
	unsigned int i;
	int rc;

	d->vm_fd = ioctl(d->kvm_fd, KVM_CREATE_VM, 0);
	if (d->vm_fd < 0) {
		rc = -errno;
		log_err("vm",
			"cannot create a KVM VM: %s; check memory limits and /dev/kvm",
			strerror(-rc));
		return rc;
	}
	d->zap_slot_only = !disable_slot_zap_all(d);
	domain_mem_prefault_setup(d);
	/* Both are Intel-only needs; AMD KVM accepts and ignores them. */
	if (ioctl(d->vm_fd, KVM_SET_TSS_ADDR, VM_TSS_ADDR) < 0 ||
	    ioctl(d->vm_fd, KVM_SET_IDENTITY_MAP_ADDR, &ident) < 0)
		log_debug("vm", "TSS or identity map address not set: %s",
			  strerror(errno));
	rc = vm_ioctl(d, KVM_CREATE_IRQCHIP, NULL,
		      "creating the in-kernel irqchip");
	if (!rc)
		rc = vm_ioctl(d, KVM_CREATE_PIT2, &pit,
			      "creating the in-kernel PIT");
	if (!rc) {
		rc = vm_kvm_set_routing(d, NULL, 0);
		if (rc)
			log_err("vm",
				"setting the interrupt routing failed: %s",
				strerror(-rc));
	}
	if (!rc)
		rc = set_xen_personality(d);
	for (i = 0; !rc && i < d->mem->nr_regions; i++) {
		rc = vm_kvm_set_memslot(d, i);
		if (!rc)
			domain_mem_slot_changed(d, i, false);
	}
	return rc;
}
