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

/* A write of @len bytes of @val at @gpa as the request its exit makes. */
static void write_ioreq(uint64_t gpa, uint32_t len, uint64_t val,
			struct ioreq *req)
{
	memset(req, 0, sizeof(*req));
	req->type = IOREQ_TYPE_COPY;
	req->addr = gpa;
	req->size = len;
	req->count = 1;
	req->dir = IOREQ_WRITE;
	req->data = val;
	req->state = STATE_IOREQ_READY;
}

/*
 * Sends one gathered write. KVM cuts an access that crosses a page into
 * two, so a write may be 3, 5, 6 or 7 bytes: that one goes as 1-, 2- and
 * 4-byte requests, lowest address first, as Xen splits an access
 * (hvmemul_phys_mmio_access()), and only from a vCPU, which can wait for
 * each (-EAGAIN otherwise). Returns what the forwarding or posting
 * returned; an unclaimed piece is dropped, as its exit would drop it.
 */
static int send_write(struct domain *d, struct vcpu *v,
		      const struct kvm_coalesced_mmio *m)
{
	uint32_t len = m->len, off, piece;
	uint64_t val = 0, unused;
	struct ioreq req;
	int rc;

	if (len == 0 || len > sizeof(val))
		return 0; /* KVM gathers nothing larger than 8 bytes */
	memcpy(&val, m->data, len);
	if (len == 1 || len == 2 || len == 4 || len == 8) {
		write_ioreq(m->phys_addr, len, val, &req);
		return v ? domain_ioreq_forward(v, &req, &unused)
			 : domain_ioreq_post(d, &req);
	}
	if (!v)
		return -EAGAIN;
	for (off = 0; off < len; off += piece) {
		piece = len - off >= 4 ? 4 : len - off >= 2 ? 2 : 1;
		write_ioreq(m->phys_addr + off, piece, val >> (8 * off), &req);
		rc = domain_ioreq_forward(v, &req, &unused);
		if (rc && rc != -ENOENT)
			return rc;
	}
	return 0;
}

int domain_coalesced_flush(struct domain *d, struct vcpu *v)
{
	struct domain_coalesced *c = d->coalesced;
	struct kvm_coalesced_mmio_ring *r;
	uint32_t first;
	int rc = 0;

	/* The common case, no write gathered, takes no lock. */
	if (!c || __atomic_load_n(&c->ring->first, __ATOMIC_ACQUIRE) ==
			  __atomic_load_n(&c->ring->last, __ATOMIC_ACQUIRE))
		return 0;
	r = c->ring;
	/*
	 * Without a vCPU (the main thread) never wait: the vCPU flushing now
	 * may itself wait for the device model, and the main thread must
	 * stay free to stop the domain.
	 */
	if (!v) {
		if (pthread_mutex_trylock(&c->lock))
			return 0;
	} else {
		pthread_mutex_lock(&c->lock);
	}
	for (;;) {
		/* A stopped domain's device model gets nothing more. */
		if (domain_is_stopping(d)) {
			rc = -ECANCELED;
			break;
		}
		first = __atomic_load_n(&r->first, __ATOMIC_RELAXED);
		if (first == __atomic_load_n(&r->last, __ATOMIC_ACQUIRE))
			break;
		if (first >= c->max) {
			/* KVM owns this page; it never writes such an index. */
			log_err("vcpu",
				"KVM's coalesced MMIO ring is corrupt (first %u of %u); writes to the VGA window are lost",
				first, c->max);
			__atomic_store_n(
				&r->first,
				__atomic_load_n(&r->last, __ATOMIC_ACQUIRE),
				__ATOMIC_RELEASE);
			break;
		}
		rc = send_write(d, v, &r->coalesced_mmio[first]);
		/* No vCPU to wait on: the next exit takes it. */
		if (rc == -EAGAIN) {
			rc = 0;
			break;
		}
		/*
		 * Sent, or unclaimed (-ENOENT: dropped, as its exit would
		 * have dropped it), or lost to a stopping domain or a broken
		 * device model, which the caller acts on; later writes stay.
		 */
		__atomic_store_n(&r->first, (first + 1) % c->max,
				 __ATOMIC_RELEASE);
		if (rc == -ENOENT)
			rc = 0;
		if (rc)
			break;
	}
	pthread_mutex_unlock(&c->lock);
	return rc == -ECANCELED || rc == -EPROTO ? rc : 0;
}
