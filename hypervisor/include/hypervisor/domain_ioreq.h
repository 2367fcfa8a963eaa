/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A domain's ioreq servers (dm-abi.md 1.2 B3-B9 and 3): each server owns
 * two pages in the private tail of the guest memfd (the buffered ring,
 * then the per-vCPU slots), one event-channel port per vCPU plus one for
 * the ring, and an eventfd pair per port (notify: hypervisor to device
 * model; done: device model to hypervisor). The control socket manages
 * servers; vCPU threads forward accesses with domain_ioreq_forward().
 *
 * Locking: a writer-preferring rwlock guards the table; vCPUs hold it only
 * to pick a server, never while they wait for the device model (which may
 * itself be waiting for a control request that needs the lock). A server
 * in use is pinned by its in-flight count; removing it marks it dying,
 * wakes its waiters (their accesses then count as unclaimed) and frees it
 * once the count drops to zero.
 */
#ifndef HYPERVISOR_DOMAIN_IOREQ_H
#define HYPERVISOR_DOMAIN_IOREQ_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <xen/hvm/ioreq.h>

#include "hypervisor/ioreq_server.h"
#include "hypervisor/ioreq_slot.h"

#define DOMAIN_IOREQ_MAX_VCPUS 64
#define DOMAIN_IOREQ_SERVERS 8
#define DOMAIN_IOREQ_PAGES 2
/*
 * The servers' ports are numbered from here, above every guest port
 * (4096 for a 64-bit guest's 2-level ABI): the guest never sees them, and
 * CTL_OP_EVTCHN tells them from guest ports a backend binds by number.
 */
#define DOMAIN_IOREQ_FIRST_PORT 0x10000u

struct domain;
struct vcpu;

struct domain_ioreq_port {
	uint32_t port;
	int notify_efd;
	int done_efd;
};

struct domain_ioreq_srv {
	bool used;
	bool dying;		   /* removed: waiters give up (atomic) */
	unsigned int inflight;	   /* vCPUs using it right now (atomic) */
	uint8_t bufioreq;	   /* HVM_IOREQSRV_BUFIOREQ_OFF or _ATOMIC */
	pthread_mutex_t ring_lock; /* the ring has one producer at a time */
	uint64_t pages_offset;	   /* memfd offset of the ring page */
	struct buffered_iopage *ring;
	struct ioreq *slots;
	struct ioreq_slot slot[DOMAIN_IOREQ_MAX_VCPUS];
	struct domain_ioreq_port vcpu_port[DOMAIN_IOREQ_MAX_VCPUS];
	struct domain_ioreq_port buf_port;
};

struct domain_ioreq {
	pthread_rwlock_t lock;
	struct ioreq_server_table table;
	struct domain_ioreq_srv srv[DOMAIN_IOREQ_SERVERS];
	uint32_t cf8; /* the PCI config address latch, per domain as in Xen */
};

int domain_ioreq_init(struct domain *d) __attribute__((warn_unused_result));
void domain_ioreq_destroy(struct domain *d);

/* Control-socket operations; 0 or a negative errno. */
int domain_ioreq_create(struct domain *d, uint8_t bufioreq, uint16_t *id)
	__attribute__((warn_unused_result));
int domain_ioreq_remove(struct domain *d, uint16_t id)
	__attribute__((warn_unused_result));
int domain_ioreq_map(struct domain *d, uint16_t id, uint32_t type,
		     uint64_t start, uint64_t end, bool map)
	__attribute__((warn_unused_result));
int domain_ioreq_set_state(struct domain *d, uint16_t id, bool enabled)
	__attribute__((warn_unused_result));
/* The server's pages and ports; NULL if @id is not a server. */
const struct domain_ioreq_srv *domain_ioreq_get(struct domain *d, uint16_t id);

/*
 * The eventfds behind event-channel port @port of any server (borrowed:
 * they live as long as the server). Returns 0 or -ENOENT.
 */
int domain_ioreq_port_fds(struct domain *d, uint32_t port, int *notify_efd,
			  int *done_efd) __attribute__((warn_unused_result));

/*
 * Sends @req (fields set except state and vp_eport) from vCPU @v to the
 * server that claims it and waits for the answer, whose data goes into
 * *@data for reads. Returns 0, -ENOENT if no server claims it, -ECANCELED
 * if the domain is stopping, or -EPROTO if the device model broke the
 * protocol (the caller then crashes the domain).
 */
int domain_ioreq_forward(struct vcpu *v, const struct ioreq *req,
			 uint64_t *data) __attribute__((warn_unused_result));

/*
 * Posts the write @req (as for domain_ioreq_forward()) on the buffered
 * ioreq ring of the server that claims it, without a vCPU and without
 * waiting. Returns 0, -ENOENT if no server claims it, -EAGAIN if it must
 * go as a request instead (the server has no ring, the ring is full, or
 * the write is not one Xen buffers), or -EPROTO if the device model broke
 * the ring.
 */
int domain_ioreq_post(struct domain *d, const struct ioreq *req)
	__attribute__((warn_unused_result));

#endif /* HYPERVISOR_DOMAIN_IOREQ_H */
