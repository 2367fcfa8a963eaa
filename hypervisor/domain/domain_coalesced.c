/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The guest's writes to the VGA window, gathered by KVM
 * (KVM_REGISTER_COALESCED_MMIO, api.rst 4.116): KVM appends each write to
 * a ring page instead of exiting, and we hand them to the device model
 * on the next exit of any vCPU, before that exit's own request, and from
 * the main thread's tick (a guest that writes to the screen and halts
 * makes no exit). This is the buffering Xen 4.17 does for this window
 * (single writes go to the buffered ioreq ring, xen/arch/x86/hvm/stdvga.c)
 * without one exit per write, and what QEMU/KVM does for it. Reads of the
 * window still exit, and every request to the device model flushes the
 * ring first, so no read or port access overtakes an earlier write.
 */
#include "hypervisor/domain_coalesced.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>
#include <linux/kvm.h>

#include <xen/hvm/ioreq.h>

#include "hypervisor/domain_ioreq.h"
#include "hypervisor/log.h"
#include "hypervisor/vcpu.h"

#define VGA_WINDOW 0xa0000ULL
#define VGA_WINDOW_SIZE 0x20000ULL

struct domain_coalesced {
	struct kvm_coalesced_mmio_ring *ring;
	unsigned int max; /* entries in the ring */
	pthread_mutex_t lock;
};

int domain_coalesced_init(struct domain *d)
{
	struct kvm_coalesced_mmio_zone zone = {
		.addr = VGA_WINDOW,
		.size = VGA_WINDOW_SIZE,
	};
	long page = sysconf(_SC_PAGESIZE);
	struct domain_coalesced *c;
	int off;
	void *p;

	off = ioctl(d->kvm_fd, KVM_CHECK_EXTENSION, KVM_CAP_COALESCED_MMIO);
	if (off <= 0 || !d->nr_vcpus) {
		log_info(
			"vcpu",
			"this kernel's KVM cannot gather writes to the VGA window (KVM_CAP_COALESCED_MMIO): each is an exit");
		return 0;
	}
	p = mmap(NULL, (size_t)page, PROT_READ | PROT_WRITE, MAP_SHARED,
		 d->vcpus[0]->fd, (off_t)off * page);
	if (p == MAP_FAILED)
		return -errno;
	c = calloc(1, sizeof(*c));
	if (!c) {
		munmap(p, (size_t)page);
		return -ENOMEM;
	}
	c->ring = p;
	c->max = (unsigned int)(((size_t)page - sizeof(*c->ring)) /
				sizeof(struct kvm_coalesced_mmio));
	pthread_mutex_init(&c->lock, NULL);
	d->coalesced = c;
	if (ioctl(d->vm_fd, KVM_REGISTER_COALESCED_MMIO, &zone) < 0)
		return -errno;
	return 0;
}

void domain_coalesced_destroy(struct domain *d)
{
	struct domain_coalesced *c = d->coalesced;

	if (!c)
		return;
	munmap(c->ring, (size_t)sysconf(_SC_PAGESIZE));
	pthread_mutex_destroy(&c->lock);
	free(c);
	d->coalesced = NULL;
}

/* One gathered write as the request its exit would have made. */
static void to_ioreq(const struct kvm_coalesced_mmio *m, struct ioreq *req)
{
	uint64_t val = 0;

	memset(req, 0, sizeof(*req));
	memcpy(&val, m->data, m->len <= sizeof(val) ? m->len : sizeof(val));
	req->type = IOREQ_TYPE_COPY;
	req->addr = m->phys_addr;
	req->size = m->len;
	req->count = 1;
	req->dir = IOREQ_WRITE;
	req->data = val;
	req->state = STATE_IOREQ_READY;
}

void domain_coalesced_flush(struct domain *d, struct vcpu *v)
{
	struct domain_coalesced *c = d->coalesced;
	struct kvm_coalesced_mmio_ring *r;
	struct ioreq req;
	uint32_t first;
	uint64_t unused;
	int rc;

	/* The common case, no write gathered, takes no lock. */
	if (!c || __atomic_load_n(&c->ring->first, __ATOMIC_RELAXED) ==
			  __atomic_load_n(&c->ring->last, __ATOMIC_ACQUIRE))
		return;
	r = c->ring;
	/*
	 * Without a vCPU (the main thread) never wait: the vCPU flushing now
	 * may itself wait for the device model, and the main thread must
	 * stay free to stop the domain.
	 */
	if (!v) {
		if (pthread_mutex_trylock(&c->lock))
			return;
	} else {
		pthread_mutex_lock(&c->lock);
	}
	for (;;) {
		first = r->first;
		if (first == __atomic_load_n(&r->last, __ATOMIC_ACQUIRE))
			break;
		if (first >= c->max) {
			/* KVM owns this page; it never writes such an index. */
			log_err("vcpu",
				"KVM's coalesced MMIO ring is corrupt (first %u of %u); writes to the VGA window are lost",
				first, c->max);
			r->first = r->last;
			break;
		}
		to_ioreq(&r->coalesced_mmio[first], &req);
		if (req.size != 1 && req.size != 2 && req.size != 4 &&
		    req.size != 8)
			rc = 0; /* KVM gathers no other size: skip it */
		else if (v)
			rc = domain_ioreq_forward(v, &req, &unused);
		else
			rc = domain_ioreq_post(d, &req);
		/* No vCPU to wait on: the next exit takes it. */
		if (rc == -EAGAIN)
			break;
		/*
		 * Unclaimed (-ENOENT): dropped, as its exit would have dropped
		 * it. The domain stopping or the device model broken: the
		 * rest goes too, and the exit's own request reports it.
		 */
		__atomic_store_n(&r->first, (first + 1) % c->max,
				 __ATOMIC_RELEASE);
		if (rc == -ECANCELED || rc == -EPROTO)
			break;
	}
	pthread_mutex_unlock(&c->lock);
}
