/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The domain's side of the Xen hypercall interface: the services
 * hcall_dispatch() needs (struct hcall_ops), backed by guest memory and
 * KVM's Xen support (shared_info, vcpu_info and the upcall vector live in
 * the kernel: KVM api.rst, KVM_XEN_HVM_SET_ATTR / KVM_XEN_VCPU_SET_ATTR;
 * event channels in domain_evtchn.c).
 */
#include "domain_priv.h"
#include "domain_evtchn.h"
#include "domain_evtchn_backend.h"
#include "domain_periodic.h"
#include "domain_xen_time.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <linux/kvm.h>

#include "hypervisor/domain_mem.h"
#include "hypervisor/hcall.h"
#include "hypervisor/log.h"
#include "hypervisor/vcpu.h"

/* Copies one chunk that stays inside one guest page. */
static int copy_chunk(struct domain *d, int vcpu_fd, uint64_t gva, void *buf,
		      size_t len, bool to_guest)
{
	struct kvm_translation t = {.linear_address = gva};
	int rc;

	if (ioctl(vcpu_fd, KVM_TRANSLATE, &t) < 0 || !t.valid)
		return -EFAULT;
	/* The device model may move or add regions meanwhile. */
	pthread_rwlock_rdlock(&d->mem_lock);
	if (to_guest)
		rc = gmem_copy_to(d->mem, t.physical_address, buf, len);
	else
		rc = gmem_copy_from(d->mem, buf, t.physical_address, len);
	pthread_rwlock_unlock(&d->mem_lock);
	return rc;
}

/* Walks [gva, gva + len) page by page: each page may map anywhere. */
static int copy_guest(void *opaque, unsigned int vcpu_id, uint64_t gva,
		      void *buf, size_t len, bool to_guest)
{
	struct domain *d = opaque;
	size_t chunk;
	int rc;

	if (vcpu_id >= d->nr_vcpus)
		return -EFAULT;
	while (len) {
		chunk = GMEM_PAGE_SIZE - (gva & (GMEM_PAGE_SIZE - 1));
		if (chunk > len)
			chunk = len;
		rc = copy_chunk(d, d->vcpus[vcpu_id]->fd, gva, buf, chunk,
				to_guest);
		if (rc)
			return -EFAULT;
		gva += chunk;
		buf = (uint8_t *)buf + chunk;
		len -= chunk;
	}
	return 0;
}

static int copy_from_guest(void *opaque, unsigned int vcpu_id, void *dst,
			   uint64_t gva, size_t len)
{
	return copy_guest(opaque, vcpu_id, gva, dst, len, false);
}

static int copy_to_guest(void *opaque, unsigned int vcpu_id, uint64_t gva,
			 const void *src, size_t len)
{
	return copy_guest(opaque, vcpu_id, gva, (void *)src, len, true);
}

bool domain_gpa_is_ram(struct domain *d, uint64_t gpa, uint64_t len)
{
	const struct gmem_region *r;
	void *p;
	int rc;

	pthread_rwlock_rdlock(&d->mem_lock);
	rc = gmem_map(d->mem, gpa, len, &p);
	/*
	 * Not the grant frames: they move as a block, and KVM would be left
	 * pointing at a hole (Xen: shared_info and vcpu_info are RAM).
	 */
	r = rc ? NULL : gmem_find(d->mem, gpa);
	if (r && r->kind == GMEM_GRANT)
		rc = -EINVAL;
	pthread_rwlock_unlock(&d->mem_lock);
	return rc == 0;
}

static int map_shared_info(void *opaque, uint64_t gfn)
{
	struct domain *d = opaque;
	struct kvm_xen_hvm_attr a = {.type = KVM_XEN_ATTR_TYPE_SHARED_INFO};

	if (gfn > (1ULL << 40) ||
	    !domain_gpa_is_ram(d, gfn * GMEM_PAGE_SIZE, GMEM_PAGE_SIZE))
		return -EINVAL;
	a.u.shared_info.gfn = gfn;
	if (ioctl(d->vm_fd, KVM_XEN_HVM_SET_ATTR, &a) < 0)
		return -errno;
	if (__atomic_exchange_n(&d->shared_info_gfn_plus1, gfn + 1,
				__ATOMIC_RELAXED) != gfn + 1)
		log_info("xen", "shared_info at gfn 0x%llx",
			 (unsigned long long)gfn);
	return 0;
}

static int set_vcpu_info(struct vcpu *v, void *arg)
{
	struct kvm_xen_vcpu_attr a = {.type = KVM_XEN_VCPU_ATTR_TYPE_VCPU_INFO};

	a.u.gpa = *(const uint64_t *)arg;
	return ioctl(v->fd, KVM_XEN_VCPU_SET_ATTR, &a) < 0 ? -errno : 0;
}

/*
 * Linux registers an AP's vcpu_info from the BSP while the AP still waits
 * for its SIPI inside KVM_RUN: the ioctl runs on the AP's own thread.
 */
static int register_vcpu_info(void *opaque, unsigned int vcpu_id, uint64_t gpa)
{
	struct domain *d = opaque;

	if (vcpu_id >= d->nr_vcpus || !domain_gpa_is_ram(d, gpa, 64))
		return -EINVAL;
	return vcpu_call(d->vcpus[vcpu_id], set_vcpu_info, &gpa);
}

static int set_callback_vector(void *opaque, uint8_t vector)
{
	struct domain *d = opaque;
	struct kvm_xen_hvm_attr a = {.type = KVM_XEN_ATTR_TYPE_UPCALL_VECTOR};

	a.u.vector = vector;
	return ioctl(d->vm_fd, KVM_XEN_HVM_SET_ATTR, &a) < 0 ? -errno : 0;
}

static int set_upcall_vector_on(struct vcpu *v, void *arg)
{
	struct kvm_xen_vcpu_attr a = {
		.type = KVM_XEN_VCPU_ATTR_TYPE_UPCALL_VECTOR};

	a.u.vector = *(const uint8_t *)arg;
	return ioctl(v->fd, KVM_XEN_VCPU_SET_ATTR, &a) < 0 ? -errno : 0;
}

/* Like vcpu_info, possibly for an AP still waiting for its SIPI. */
static int set_vcpu_upcall_vector(void *opaque, unsigned int vcpu_id,
				  uint8_t vector)
{
	struct domain *d = opaque;

	if (vcpu_id >= d->nr_vcpus)
		return -ENOENT;
	return vcpu_call(d->vcpus[vcpu_id], set_upcall_vector_on, &vector);
}

static int console_write(void *opaque, const char *buf, size_t len)
{
	struct domain *d = opaque;
	size_t i;

	/* Same sanitising and line splitting as the 0xE9 console. */
	for (i = 0; i < len; i++) {
		if (d->debugcon->ops->write(d->debugcon, 0, 1, (uint8_t)buf[i]))
			return -EIO;
	}
	return 0;
}

static int shutdown_domain(void *opaque, unsigned int vcpu_id,
			   unsigned int reason)
{
	char who[32];

	snprintf(who, sizeof(who), "vCPU %u", vcpu_id);
	domain_shutdown(opaque, reason, who);
	return 0;
}

/* Parameters whose value changes the platform (hcall_ops.param_set). */
static int param_set(void *opaque, unsigned int index, uint64_t value)
{
	if (index == HVM_PARAM_ACPI_IOPORTS_LOCATION)
		return domain_place_pm_block(opaque, value != 0);
	return 0;
}

_Static_assert(HCALL_GNTTAB_FRAMES <= GMEM_GRANT_PAGES,
	       "the memfd holds every grant frame the guest may have");

static int grant_frames_place(void *opaque, uint64_t base_gfn,
			      unsigned int nr_frames)
{
	return domain_mem_grant_place(opaque, base_gfn, nr_frames);
}

static const struct hcall_ops domain_hcall_ops = {
	.grant_frames_place = grant_frames_place,
	.param_set = param_set,
	.copy_from_guest = copy_from_guest,
	.copy_to_guest = copy_to_guest,
	.map_shared_info = map_shared_info,
	.register_vcpu_info = register_vcpu_info,
	.set_callback_vector = set_callback_vector,
	.set_vcpu_upcall_vector = set_vcpu_upcall_vector,
	.console_write = console_write,
	.shutdown = shutdown_domain,
	.evtchn_set_pending = domain_evtchn_set_pending,
	.evtchn_unmask = domain_evtchn_unmask,
	.evtchn_clear = domain_evtchn_clear,
	.evtchn_route = domain_evtchn_route,
	.evtchn_backend_send = domain_evtchn_backend_send,
	.evtchn_backend_update = domain_evtchn_backend_update,
	.latch_shinfo_mode = domain_xen_time_latch,
	.timer_set = domain_xen_time_timer_set,
	.periodic_set = domain_periodic_set,
	.register_runstate = domain_xen_time_register_runstate,
	.register_time_area = domain_xen_time_register_time_area,
	.runstate_update_flag = domain_xen_time_update_flag,
};

int domain_hcall_init(struct domain *d)
{
	struct boot_memmap_entry mm[BOOT_MEMMAP_MAX];
	struct hcall_e820_entry e820[BOOT_MEMMAP_MAX];
	const char *no_time;
	unsigned int i, n;

	d->hcall = calloc(1, sizeof(*d->hcall));
	if (!d->hcall)
		return -ENOMEM;
	d->periodic = domain_periodic_create(d);
	if (!d->periodic)
		return -ENOMEM;
	hcall_domain_init(d->hcall, (uint16_t)d->domid, d->nr_vcpus,
			  &domain_hcall_ops, d);
	if (!d->xen_evtchn) {
		hcall_domain_disable_evtchn(d->hcall);
		log_info(
			"xen",
			"this kernel cannot deliver Xen event channels (KVM_XEN_HVM_CONFIG_EVTCHN_SEND, Linux 6.2+): the guest gets none; give Linux guests vcpus=1 or a newer host kernel");
	}
	no_time = domain_xen_time_probe(d);
	if (!no_time && domain_xen_time_set_vcpu_ids(d))
		no_time = "KVM refused to set the Xen vCPU ids";
	if (no_time) {
		hcall_domain_disable_pv_time(d->hcall);
		log_info(
			"xen",
			"%s: the guest gets no Xen clock or timers and keeps its own (HPET, LAPIC timer)",
			no_time);
	}
	n = boot_info_memmap(d->mem, mm);
	for (i = 0; i < n; i++) {
		e820[i].addr = mm[i].addr;
		e820[i].size = mm[i].size;
		e820[i].type = mm[i].type;
	}
	return hcall_domain_set_e820(d->hcall, e820, n);
}

void domain_hcall_destroy(struct domain *d)
{
	/* Its thread sends ticks through d->hcall. */
	domain_periodic_destroy(d->periodic);
	d->periodic = NULL;
	free(d->hcall);
	d->hcall = NULL;
}
