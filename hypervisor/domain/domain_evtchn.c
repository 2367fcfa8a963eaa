/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The domain's half of Xen event channels (hypervisor/hcall/event_channel.c
 * keeps the port table): raising a port, unmasking and clearing it in the
 * guest's shared_info, and routing the guest's sends through KVM.
 * KVM owns delivery (api.rst, KVM_XEN_HVM_CONFIG_EVTCHN_SEND, Linux 6.2+):
 * KVM_XEN_HVM_EVTCHN_SEND sets the pending bit, the vCPU's selector bit
 * and upcall flag, and injects the upcall vector; a port routed with
 * KVM_XEN_ATTR_TYPE_EVTCHN has the guest's EVTCHNOP_send handled in the
 * kernel, so an IPI costs no exit to us. KVM also handles SCHEDOP_poll,
 * which Linux's PV spinlocks wait in, once delivery is on.
 * Xen vCPU ids are KVM's vCPU indexes (KVM's default), as we create them
 * in order.
 */
#include "domain_evtchn.h"

#include <errno.h>
#include <stddef.h>
#include <sys/ioctl.h>
#include <linux/kvm.h>

#include <xen/event_channel.h>
#include <xen/xen.h>

#include "hypervisor/gmem.h"
#include "hypervisor/hcall.h"
#include "hypervisor/log.h"

/*
 * shared_info (xen.h): 32 vcpu_info of 64 bytes under both ABIs, then the
 * pending bits and the mask bits, each 64 words of 64 bits for a 64-bit
 * guest and 32 words of 32 bits for a 32-bit one. Bit n of a little-endian
 * word array is bit n % 8 of byte n / 8, so bytes serve both.
 */
#define SHINFO_PENDING 2048
#define SHINFO_MASK_64 (SHINFO_PENDING + 64 * 8)
#define SHINFO_MASK_32 (SHINFO_PENDING + 32 * 4)
_Static_assert(offsetof(struct shared_info, evtchn_pending) == SHINFO_PENDING,
	       "shared_info layout");
_Static_assert(offsetof(struct shared_info, evtchn_mask) == SHINFO_MASK_64,
	       "shared_info layout");
_Static_assert(SHINFO_MASK_32 + HCALL_EVTCHN_PORTS / 8 <= SHINFO_MASK_64,
	       "ports fit the 32-bit arrays");

bool domain_evtchn_probe(struct domain *d)
{
	int caps = ioctl(d->vm_fd, KVM_CHECK_EXTENSION, KVM_CAP_XEN_HVM);

	return caps > 0 && (caps & KVM_XEN_HVM_CONFIG_EVTCHN_SEND);
}

int domain_evtchn_set_pending(void *opaque, unsigned int port,
			      unsigned int vcpu_id)
{
	struct domain *d = opaque;
	struct kvm_irq_routing_xen_evtchn e = {
		.port = port,
		.vcpu = vcpu_id,
		.priority = KVM_IRQ_ROUTING_XEN_EVTCHN_PRIO_2LEVEL,
	};

	/* ENOTCONN: the port is masked; it stays pending, as in Xen. */
	if (ioctl(d->vm_fd, KVM_XEN_HVM_EVTCHN_SEND, &e) < 0 &&
	    errno != ENOTCONN)
		return -errno;
	return 0;
}

/*
 * Runs @fn on the guest's pending and mask bytes of @port, under the
 * memory lock. Returns 0 without calling it while the guest has no
 * shared_info: the bits then exist nowhere the guest can see.
 */
static int with_port_bits(struct domain *d, unsigned int port,
			  void (*fn)(uint8_t *pending, uint8_t *mask,
				     uint8_t bit, void *arg),
			  void *arg)
{
	struct kvm_xen_hvm_attr lm = {.type = KVM_XEN_ATTR_TYPE_LONG_MODE};
	uint64_t gfn1 =
		__atomic_load_n(&d->shared_info_gfn_plus1, __ATOMIC_ACQUIRE);
	uint8_t *page;
	void *p;
	int rc;

	if (!gfn1)
		return 0;
	if (ioctl(d->vm_fd, KVM_XEN_HVM_GET_ATTR, &lm) < 0)
		return -errno;
	pthread_rwlock_rdlock(&d->mem_lock);
	rc = gmem_map(d->mem, (gfn1 - 1) * GMEM_PAGE_SIZE, GMEM_PAGE_SIZE, &p);
	if (!rc) {
		page = p;
		fn(page + SHINFO_PENDING + port / 8,
		   page + (lm.u.long_mode ? SHINFO_MASK_64 : SHINFO_MASK_32) +
			   port / 8,
		   (uint8_t)(1U << (port % 8)), arg);
	}
	pthread_rwlock_unlock(&d->mem_lock);
	return rc;
}

/*
 * Xen's unmask raises the vCPU's upcall for a port that was masked and is
 * pending. KVM has no unmask, but raises a port whose pending bit is
 * clear: so clear it and let KVM raise it again. A guest that handles
 * the port in between sees it once more, which event handlers tolerate.
 */
static void unmask_bits(uint8_t *pending, uint8_t *mask, uint8_t bit, void *arg)
{
	bool *reraise = arg;

	if (!(__atomic_fetch_and(mask, (uint8_t)~bit, __ATOMIC_SEQ_CST) & bit))
		return;
	*reraise =
		__atomic_fetch_and(pending, (uint8_t)~bit, __ATOMIC_SEQ_CST) &
		bit;
}

int domain_evtchn_unmask(void *opaque, unsigned int port, unsigned int vcpu_id)
{
	bool reraise = false;
	int rc = with_port_bits(opaque, port, unmask_bits, &reraise);

	if (rc || !reraise)
		return rc;
	return domain_evtchn_set_pending(opaque, port, vcpu_id);
}

static void clear_bits(uint8_t *pending, uint8_t *mask, uint8_t bit, void *arg)
{
	(void)mask;
	(void)arg;
	__atomic_fetch_and(pending, (uint8_t)~bit, __ATOMIC_SEQ_CST);
}

int domain_evtchn_clear(void *opaque, unsigned int port)
{
	return with_port_bits(opaque, port, clear_bits, NULL);
}

int domain_evtchn_route(void *opaque, unsigned int send_port, unsigned int port,
			unsigned int vcpu_id)
{
	struct domain *d = opaque;
	struct kvm_xen_hvm_attr a = {.type = KVM_XEN_ATTR_TYPE_EVTCHN};

	/* Replace any route: KVM refuses to assign a port twice. */
	a.u.evtchn.send_port = send_port;
	a.u.evtchn.flags = KVM_XEN_EVTCHN_DEASSIGN;
	if (ioctl(d->vm_fd, KVM_XEN_HVM_SET_ATTR, &a) < 0 && errno != ENOENT)
		return -errno;
	if (!port)
		return 0;
	a.u.evtchn.flags = 0;
	/* KVM's IPI routes deliver to the sending port itself. */
	a.u.evtchn.type =
		port == send_port ? EVTCHNSTAT_ipi : EVTCHNSTAT_interdomain;
	a.u.evtchn.deliver.port.port = port;
	a.u.evtchn.deliver.port.vcpu = vcpu_id;
	a.u.evtchn.deliver.port.priority =
		KVM_IRQ_ROUTING_XEN_EVTCHN_PRIO_2LEVEL;
	return ioctl(d->vm_fd, KVM_XEN_HVM_SET_ATTR, &a) < 0 ? -errno : 0;
}
