/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Event channels between the guest and its backends in domain 0 (the
 * device model's PV backends, xenstored), as eventfd pairs that never
 * wake hvm-domain (domain_evtchn_backend.h):
 *   guest -> backend: KVM_XEN_ATTR_TYPE_EVTCHN routes the guest's
 *     EVTCHNOP_send on the port to the "notify" eventfd in the kernel;
 *     a send that still exits here (no route) writes it from user space;
 *   backend -> guest: the "done" eventfd is a KVM irqfd on a GSI routed
 *     as KVM_IRQ_ROUTING_XEN_EVTCHN to the port and its vCPU, so the
 *     backend's write sets the pending bit and raises the upcall in the
 *     kernel (KVM api.rst, KVM_IRQFD and KVM_SET_GSI_ROUTING).
 * Port p uses GSI VM_KVM_FIRST_EXTRA_GSI + p. The table is rebuilt on each
 * bind, vCPU move and unbind, which the guest's own calls bound.
 *
 * Lock order: the hcall port lock (around evtchn_backend_update), then
 * this module's lock.
 */
#include "domain_evtchn_backend.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <linux/kvm.h>

#include <xen/event_channel.h>

#include "hypervisor/hcall.h"
#include "hypervisor/log.h"
#include "vm_kvm.h"

_Static_assert(HCALL_EVTCHN_PORTS <= VM_KVM_MAX_EXTRA_ROUTES,
	       "every port can have a route");

struct backend_port {
	int notify_efd; /* guest -> backend */
	int done_efd;	/* backend -> guest, the irqfd */
	int vcpu;	/* notified vCPU while bound; -1: not bound */
	bool irqfd;	/* done_efd is assigned as an irqfd */
	bool routed;	/* KVM took every route for the binding */
};

struct domain_evtchn_backend {
	pthread_mutex_t lock;
	bool fail_logged;
	struct backend_port port[HCALL_EVTCHN_PORTS];
	struct kvm_irq_routing_entry routes[HCALL_EVTCHN_PORTS];
};

int domain_evtchn_backend_init(struct domain *d)
{
	struct domain_evtchn_backend *b = calloc(1, sizeof(*b));
	unsigned int i;

	if (!b)
		return -ENOMEM;
	pthread_mutex_init(&b->lock, NULL);
	for (i = 0; i < HCALL_EVTCHN_PORTS; i++)
		b->port[i] = (struct backend_port){-1, -1, -1, false, false};
	d->evtchn_backend = b;
	return 0;
}

static void close_fds(struct backend_port *p)
{
	if (p->notify_efd >= 0)
		close(p->notify_efd);
	if (p->done_efd >= 0)
		close(p->done_efd);
	p->notify_efd = p->done_efd = -1;
}

void domain_evtchn_backend_destroy(struct domain *d)
{
	struct domain_evtchn_backend *b = d->evtchn_backend;
	unsigned int i;

	if (!b)
		return;
	for (i = 0; i < HCALL_EVTCHN_PORTS; i++)
		close_fds(&b->port[i]);
	pthread_mutex_destroy(&b->lock);
	free(b);
	d->evtchn_backend = NULL;
}

/* Logs a host failure once per domain: the guest is not told of it. */
static void fail_once(struct domain_evtchn_backend *b, unsigned int port,
		      const char *what, int rc)
{
	if (b->fail_logged)
		return;
	b->fail_logged = true;
	log_warn(
		"evtchn",
		"event channel %u to its backend: %s failed: %s; its events may be lost (logged once per domain)",
		port, what, strerror(-rc));
}

/* Routes every bound port's GSI to its port and vCPU. */
static int set_routes(struct domain *d, struct domain_evtchn_backend *b)
{
	unsigned int i, n = 0;

	for (i = 1; i < HCALL_EVTCHN_PORTS; i++) {
		if (b->port[i].vcpu < 0)
			continue;
		b->routes[n] = (struct kvm_irq_routing_entry){
			.gsi = VM_KVM_FIRST_EXTRA_GSI + i,
			.type = KVM_IRQ_ROUTING_XEN_EVTCHN,
			.u.xen_evtchn =
				{
					.port = i,
					.vcpu = (uint32_t)b->port[i].vcpu,
					.priority =
						KVM_IRQ_ROUTING_XEN_EVTCHN_PRIO_2LEVEL,
				},
		};
		n++;
	}
	return vm_kvm_set_routing(d, b->routes, n);
}

static int set_irqfd(struct domain *d, unsigned int port, int efd, bool on)
{
	struct kvm_irqfd f = {
		.fd = (uint32_t)efd,
		.gsi = VM_KVM_FIRST_EXTRA_GSI + port,
		.flags = on ? 0 : KVM_IRQFD_FLAG_DEASSIGN,
	};

	return ioctl(d->vm_fd, KVM_IRQFD, &f) < 0 ? -errno : 0;
}

/* Sends on @port go to @efd in the kernel; -1 removes the route. */
static int set_send_route(struct domain *d, unsigned int port, int efd)
{
	struct kvm_xen_hvm_attr a = {.type = KVM_XEN_ATTR_TYPE_EVTCHN};

	a.u.evtchn.send_port = port;
	a.u.evtchn.flags = KVM_XEN_EVTCHN_DEASSIGN;
	if (ioctl(d->vm_fd, KVM_XEN_HVM_SET_ATTR, &a) < 0 && errno != ENOENT)
		return -errno;
	if (efd < 0)
		return 0;
	a.u.evtchn.flags = 0;
	a.u.evtchn.type = EVTCHNSTAT_interdomain;
	a.u.evtchn.deliver.eventfd.port = 0; /* 0: deliver to the eventfd */
	a.u.evtchn.deliver.eventfd.fd = efd;
	return ioctl(d->vm_fd, KVM_XEN_HVM_SET_ATTR, &a) < 0 ? -errno : 0;
}

/*
 * Fresh eventfds for a port being bound, so that a backend that held the
 * old ones cannot reach the guest's new channel. 0 or -errno.
 */
static int fresh_fds(struct backend_port *p)
{
	int rc;

	close_fds(p);
	p->notify_efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	p->done_efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (p->notify_efd >= 0 && p->done_efd >= 0)
		return 0;
	rc = -errno;
	close_fds(p);
	return rc;
}

/* Routes bound port @port both ways in KVM; true if all of it took. */
static bool route_bound(struct domain *d, struct domain_evtchn_backend *b,
			unsigned int port, struct backend_port *p)
{
	bool ok = true;
	int rc;

	/* The GSI's route first: the irqfd then never lacks one. */
	rc = set_routes(d, b);
	if (rc) {
		fail_once(b, port, "routing its GSI", rc);
		ok = false;
	}
	if (!p->irqfd) {
		rc = set_irqfd(d, port, p->done_efd, true);
		p->irqfd = !rc;
		if (rc) {
			fail_once(b, port, "assigning its irqfd", rc);
			ok = false;
		}
	}
	rc = set_send_route(d, port, p->notify_efd);
	if (rc) {
		fail_once(b, port, "routing the guest's sends", rc);
		ok = false;
	}
	return ok;
}

static void unroute(struct domain *d, struct domain_evtchn_backend *b,
		    unsigned int port, struct backend_port *p)
{
	int rc;

	if (p->irqfd)
		(void)set_irqfd(d, port, p->done_efd, false);
	p->irqfd = false;
	(void)set_send_route(d, port, -1);
	rc = set_routes(d, b);
	if (rc)
		fail_once(b, port, "removing its GSI route", rc);
}

void domain_evtchn_backend_update(void *opaque, unsigned int port, int vcpu_id)
{
	struct domain *d = opaque;
	struct domain_evtchn_backend *b = d->evtchn_backend;
	struct backend_port *p;
	int rc;

	if (!b || port == 0 || port >= HCALL_EVTCHN_PORTS)
		return;
	pthread_mutex_lock(&b->lock);
	p = &b->port[port];
	if (vcpu_id < 0) {
		if (p->vcpu >= 0) {
			p->vcpu = -1;
			p->routed = false;
			unroute(d, b, port, p);
		}
		goto out;
	}
	if (p->vcpu < 0) {
		rc = fresh_fds(p);
		if (rc) {
			/* Bound without eventfds: sends go nowhere. */
			fail_once(b, port, "creating its eventfds", rc);
			goto out;
		}
	}
	/* A rebind or a bind_vcpu to the same vCPU that took changes nothing.
	 */
	if (vcpu_id != p->vcpu || !p->routed) {
		p->vcpu = vcpu_id;
		p->routed = route_bound(d, b, port, p);
	}
out:
	pthread_mutex_unlock(&b->lock);
}

int domain_evtchn_backend_send(void *opaque, unsigned int port)
{
	struct domain *d = opaque;
	struct domain_evtchn_backend *b = d->evtchn_backend;
	uint64_t one = 1;
	int rc = 0;

	if (!b || port >= HCALL_EVTCHN_PORTS)
		return -EINVAL;
	pthread_mutex_lock(&b->lock);
	if (b->port[port].vcpu >= 0 &&
	    write(b->port[port].notify_efd, &one, sizeof(one)) < 0 &&
	    errno != EAGAIN) /* the count is full: the backend has events */
		rc = -errno;
	pthread_mutex_unlock(&b->lock);
	return rc;
}

int domain_evtchn_backend_fds(struct domain *d, uint32_t port, int *notify_efd,
			      int *done_efd)
{
	struct domain_evtchn_backend *b = d->evtchn_backend;
	struct backend_port *p;
	uint64_t one = 1;
	int rc;

	if (!b || port == 0 || port >= HCALL_EVTCHN_PORTS)
		return -ENOENT;
	p = &b->port[port];
	/* Calls domain_evtchn_backend_update(), which makes and routes fds. */
	rc = hcall_domain_evtchn_bind_backend(d->hcall, port, 0);
	if (rc)
		return rc == -EINVAL ? -ENOENT : rc;
	pthread_mutex_lock(&b->lock);
	if (p->notify_efd < 0)
		rc = -EIO; /* the eventfds could not be made (logged) */
	else if (p->vcpu < 0)
		rc = -ENOENT; /* the guest closed it meanwhile */
	/* As Xen does, the binder's new port starts with one event. */
	else if (write(p->notify_efd, &one, sizeof(one)) < 0 && errno != EAGAIN)
		rc = -errno;
	*notify_efd = p->notify_efd;
	*done_efd = p->done_efd;
	pthread_mutex_unlock(&b->lock);
	if (rc)
		return rc;
	log_info("evtchn", "a backend bound the guest's event channel %u",
		 port);
	return 0;
}
