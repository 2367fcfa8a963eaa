/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The event_channel_op hypercall (xen/event_channel.h), 2-level ABI: the
 * domain's port table and the sub-ops a Linux HVM guest uses. Linux 6.x
 * binds its IPIs (EVTCHNOP_bind_ipi) and VIRQ_DEBUG on every CPU once
 * XENFEAT_hvm_callback_vector is offered, and an SMP guest cannot boot
 * without them (it routes its IPIs to event channels before it knows
 * whether upcalls exist). What is bound here:
 *   IPI and VIRQ ports, each notifying one vCPU;
 *   unbound ports and loopback interdomain channels between two ports of
 *   the domain;
 *   interdomain channels to a backend in domain 0 (a host process: the
 *   device model, xenstored), which binds a port the guest allocated
 *   unbound for it through hcall_domain_evtchn_bind_backend(); the
 *   domain's ops carry the events both ways.
 * The pending and mask bits live in the guest's shared_info, so raising,
 * unmasking and clearing go through the domain's ops. IPI and loopback
 * sends are also routed to the host (ops->evtchn_route) so that KVM
 * delivers them without an exit; a send that comes here is delivered
 * through ops->evtchn_set_pending. VIRQ_TIMER is raised by the host's
 * Xen timer, which learns of its port here (vcpu_timer.c); VIRQ_DEBUG has
 * no debug key to press.
 * The FIFO ABI (init_control, expand_array, set_priority) is refused with
 * -ENOSYS, which makes Linux use the 2-level ABI; physical IRQs
 * (bind_pirq) do not exist here. Every argument layout is the same for
 * 32- and 64-bit callers (32- and 16-bit fields only).
 */
#include "hcall_priv.h"

#include <errno.h>
#include <string.h>

#include <xen/event_channel.h>

#include "hypervisor/log.h"

enum evtchn_state {
	ECS_FREE = 0,
	ECS_RESERVED, /* port 0 */
	ECS_UNBOUND,
	ECS_INTERDOMAIN,
	ECS_VIRQ,
	ECS_IPI,
};

_Static_assert(sizeof(struct evtchn_status) == 24, "evtchn_status layout");
_Static_assert(sizeof(struct evtchn_bind_interdomain) == 12,
	       "evtchn_bind_interdomain layout");

/* VIRQs bound per vCPU; the others are global and bound on vCPU 0. */
static bool virq_is_per_vcpu(uint32_t virq)
{
	return virq == VIRQ_TIMER || virq == VIRQ_DEBUG ||
	       virq == VIRQ_XENOPROF || virq == VIRQ_XENPMU;
}

/* Returns the checked port index, or -EINVAL for out-of-range ports. */
static long port_index(uint32_t port)
{
	if (port >= HCALL_EVTCHN_PORTS)
		return -EINVAL;
	return (long)hcall_index_nospec(port, HCALL_EVTCHN_PORTS);
}

static bool vcpu_valid(const struct hcall_vcpu *v, uint32_t vcpu)
{
	return vcpu < v->d->max_vcpus;
}

/* The lowest free port, marked reserved for the caller; -ENOSPC if none. */
static long alloc_port(struct hcall_domain *d)
{
	unsigned int p;

	for (p = 1; p < HCALL_EVTCHN_PORTS; p++) {
		if (d->evtchn[p].state == ECS_FREE) {
			memset(&d->evtchn[p], 0, sizeof(d->evtchn[p]));
			return p;
		}
	}
	return -ENOSPC;
}

/*
 * Takes the lowest free port for a bind: writes it into *@port_out, a
 * field of the guest's argument @buf (@len bytes), and copies @buf back to
 * @arg. Returns the port, or -ENOSPC or the copy's error with the port
 * left free; the caller then sets the port's state.
 */
static long give_port(struct hcall_vcpu *v, uint64_t arg, void *buf, size_t len,
		      evtchn_port_t *port_out)
{
	long port = alloc_port(v->d);
	int rc;

	if (port < 0)
		return port;
	*port_out = (evtchn_port_t)port;
	rc = hcall_copy_to_guest(v, arg, buf, len);
	return rc ? rc : port;
}

/*
 * Raises @port for its vCPU. Xen's sends never fail for delivery
 * reasons, so neither do ours: a host failure is logged once.
 */
static void raise_port(struct hcall_domain *d, unsigned int port)
{
	int rc = d->ops->evtchn_set_pending(d->opaque, port,
					    d->evtchn[port].notify_vcpu);

	if (rc && !d->evtchn_fail_logged) {
		d->evtchn_fail_logged = true;
		log_warn(
			"evtchn",
			"cannot raise event channel %u: %s (logged once per domain)",
			port, strerror(-rc));
	}
}

bool hcall_domain_send_virq_timer(struct hcall_domain *d, unsigned int vcpu_id)
{
	unsigned int port;

	if (!d->evtchn_enabled || vcpu_id >= d->max_vcpus)
		return false;
	pthread_mutex_lock(&d->evtchn_lock);
	port = d->timers[vcpu_id].port;
	if (port)
		raise_port(d, port);
	pthread_mutex_unlock(&d->evtchn_lock);
	return port != 0;
}

/*
 * Tells the host where a send on @send_port goes now: to the port it
 * notifies (an IPI to itself, a loopback channel to its other end), or
 * nowhere (route 0) for every other state.
 */
static void update_route(struct hcall_domain *d, unsigned int send_port)
{
	const struct hcall_evtchn *e = &d->evtchn[send_port];
	unsigned int to = 0;

	/* A backend's route is the domain's (evtchn_backend_update). */
	if (!d->ops->evtchn_route || e->backend)
		return;
	if (e->state == ECS_IPI)
		to = send_port;
	else if (e->state == ECS_INTERDOMAIN)
		to = e->remote_port;
	(void)d->ops->evtchn_route(d->opaque, send_port, to,
				   to ? d->evtchn[to].notify_vcpu : 0);
}

/*
 * Closes @port (not free, not reserved); a loopback peer goes back to
 * unbound, a backend stops hearing from it (in Xen its port would be
 * unbound: its sends then go nowhere, as here).
 */
static void close_port(struct hcall_domain *d, unsigned int port)
{
	struct hcall_evtchn *e = &d->evtchn[port];
	unsigned int peer = e->remote_port;

	if (e->backend) {
		e->backend = 0;
		d->ops->evtchn_backend_update(d->opaque, port, -1);
	} else if (e->state == ECS_INTERDOMAIN) {
		d->evtchn[peer].state = ECS_UNBOUND;
		d->evtchn[peer].remote_port = 0;
		d->evtchn[peer].remote_domid = d->domid;
		update_route(d, peer);
	}
	if (e->state == ECS_VIRQ && e->virq == VIRQ_TIMER)
		vcpu_timer_virq_bound(d, e->notify_vcpu, 0);
	e->state = ECS_FREE;
	update_route(d, port);
	if (d->ops->evtchn_clear)
		(void)d->ops->evtchn_clear(d->opaque, port);
	memset(e, 0, sizeof(*e));
}

static long evtchn_bind_virq(struct hcall_vcpu *v, const uint64_t *args)
{
	struct hcall_domain *d = v->d;
	struct evtchn_bind_virq b;
	unsigned int p;
	long port;
	int rc;

	rc = hcall_copy_from_guest(v, &b, args[1], sizeof(b));
	if (rc)
		return rc;
	if (b.virq >= NR_VIRQS || (!virq_is_per_vcpu(b.virq) && b.vcpu != 0))
		return -EINVAL;
	if (!vcpu_valid(v, b.vcpu))
		return -ENOENT;
	for (p = 1; p < HCALL_EVTCHN_PORTS; p++) {
		if (d->evtchn[p].state == ECS_VIRQ &&
		    d->evtchn[p].virq == b.virq &&
		    d->evtchn[p].notify_vcpu == b.vcpu)
			return -EEXIST;
	}
	port = give_port(v, args[1], &b, sizeof(b), &b.port);
	if (port < 0)
		return port;
	d->evtchn[port].state = ECS_VIRQ;
	d->evtchn[port].virq = (uint8_t)b.virq;
	d->evtchn[port].notify_vcpu = b.vcpu;
	if (b.virq == VIRQ_TIMER)
		vcpu_timer_virq_bound(d, b.vcpu, (unsigned int)port);
	return 0;
}

static long evtchn_bind_ipi(struct hcall_vcpu *v, const uint64_t *args)
{
	struct hcall_domain *d = v->d;
	struct evtchn_bind_ipi b;
	long port;
	int rc;

	rc = hcall_copy_from_guest(v, &b, args[1], sizeof(b));
	if (rc)
		return rc;
	if (!vcpu_valid(v, b.vcpu))
		return -ENOENT;
	port = give_port(v, args[1], &b, sizeof(b), &b.port);
	if (port < 0)
		return port;
	d->evtchn[port].state = ECS_IPI;
	d->evtchn[port].notify_vcpu = b.vcpu;
	update_route(d, (unsigned int)port);
	return 0;
}

/* Only the calling domain's ports exist for it (no other domains yet). */
static long evtchn_alloc_unbound(struct hcall_vcpu *v, const uint64_t *args)
{
	struct hcall_domain *d = v->d;
	struct evtchn_alloc_unbound a;
	long port;
	int rc;

	rc = hcall_copy_from_guest(v, &a, args[1], sizeof(a));
	if (rc)
		return rc;
	if (!hcall_domid_is_self(v, a.dom))
		return -EPERM;
	port = give_port(v, args[1], &a, sizeof(a), &a.port);
	if (port < 0)
		return port;
	d->evtchn[port].state = ECS_UNBOUND;
	d->evtchn[port].remote_domid =
		a.remote_dom == DOMID_SELF ? d->domid : a.remote_dom;
	return 0;
}

/*
 * Connects a new port to an unbound port of the same domain (loopback).
 * As Xen does, the new port is raised once: a send on the other end
 * before the connection was lost.
 */
static long evtchn_bind_interdomain(struct hcall_vcpu *v, const uint64_t *args)
{
	struct hcall_domain *d = v->d;
	struct evtchn_bind_interdomain b;
	long remote, port;
	int rc;

	rc = hcall_copy_from_guest(v, &b, args[1], sizeof(b));
	if (rc)
		return rc;
	if (!hcall_domid_is_self(v, b.remote_dom))
		return -ESRCH;
	remote = port_index(b.remote_port);
	if (remote < 0 || d->evtchn[remote].state != ECS_UNBOUND ||
	    d->evtchn[remote].remote_domid != d->domid)
		return -EINVAL;
	port = give_port(v, args[1], &b, sizeof(b), &b.local_port);
	if (port < 0)
		return port;
	d->evtchn[port].state = ECS_INTERDOMAIN;
	d->evtchn[port].remote_port = (uint16_t)remote;
	d->evtchn[port].remote_domid = d->domid;
	d->evtchn[port].notify_vcpu = v->id;
	d->evtchn[remote].state = ECS_INTERDOMAIN;
	d->evtchn[remote].remote_port = (uint16_t)port;
	update_route(d, (unsigned int)port);
	update_route(d, (unsigned int)remote);
	raise_port(d, (unsigned int)port);
	return 0;
}

/* Reads the one-port argument every port sub-op starts with. */
static long read_port(struct hcall_vcpu *v, uint64_t arg)
{
	evtchn_port_t port;
	int rc;

	rc = hcall_copy_from_guest(v, &port, arg, sizeof(port));
	if (rc)
		return rc;
	return port_index(port);
}

static long evtchn_close(struct hcall_vcpu *v, const uint64_t *args)
{
	struct hcall_domain *d = v->d;
	long port = read_port(v, args[1]);

	if (port < 0)
		return port;
	if (d->evtchn[port].state == ECS_FREE ||
	    d->evtchn[port].state == ECS_RESERVED)
		return -EINVAL;
	close_port(d, (unsigned int)port);
	return 0;
}

/* A host failure is logged once: Xen's sends never fail for delivery. */
static void send_backend(struct hcall_domain *d, unsigned int port)
{
	int rc = d->ops->evtchn_backend_send(d->opaque, port);

	if (rc && !d->evtchn_fail_logged) {
		d->evtchn_fail_logged = true;
		log_warn(
			"evtchn",
			"cannot notify the backend of event channel %u: %s (logged once per domain)",
			port, strerror(-rc));
	}
}

/* A send on an unbound port goes nowhere and succeeds, as in Xen. */
static long evtchn_send(struct hcall_vcpu *v, const uint64_t *args)
{
	struct hcall_domain *d = v->d;
	long port = read_port(v, args[1]);

	if (port < 0)
		return port;
	switch (d->evtchn[port].state) {
	case ECS_IPI:
		raise_port(d, (unsigned int)port);
		return 0;
	case ECS_INTERDOMAIN:
		if (d->evtchn[port].backend)
			send_backend(d, (unsigned int)port);
		else
			raise_port(d, d->evtchn[port].remote_port);
		return 0;
	case ECS_UNBOUND:
		return 0;
	default:
		return -EINVAL;
	}
}

static long evtchn_status(struct hcall_vcpu *v, const uint64_t *args)
{
	struct hcall_domain *d = v->d;
	struct evtchn_status s;
	const struct hcall_evtchn *e;
	long port;
	int rc;

	rc = hcall_copy_from_guest(v, &s, args[1], sizeof(s));
	if (rc)
		return rc;
	if (!hcall_domid_is_self(v, s.dom))
		return -ESRCH;
	port = port_index(s.port);
	if (port < 0)
		return port;
	e = &d->evtchn[port];
	memset(&s.u, 0, sizeof(s.u));
	s.vcpu = e->notify_vcpu;
	switch (e->state) {
	case ECS_UNBOUND:
		s.status = EVTCHNSTAT_unbound;
		s.u.unbound.dom = e->remote_domid;
		break;
	case ECS_INTERDOMAIN:
		/* A backend's own port number is its process's to know. */
		s.status = EVTCHNSTAT_interdomain;
		s.u.interdomain.dom = e->backend ? e->remote_domid : d->domid;
		s.u.interdomain.port = e->remote_port;
		break;
	case ECS_VIRQ:
		s.status = EVTCHNSTAT_virq;
		s.u.virq = e->virq;
		break;
	case ECS_IPI:
		s.status = EVTCHNSTAT_ipi;
		break;
	default:
		s.status = EVTCHNSTAT_closed;
		break;
	}
	return hcall_copy_to_guest(v, args[1], &s, sizeof(s));
}

/*
 * Moves a port's notifications to another vCPU. Per-vCPU VIRQs and IPIs
 * belong to their vCPU for good (-EINVAL, as in Xen).
 */
static long evtchn_bind_vcpu(struct hcall_vcpu *v, const uint64_t *args)
{
	struct hcall_domain *d = v->d;
	struct evtchn_bind_vcpu b;
	struct hcall_evtchn *e;
	long port;
	int rc;

	rc = hcall_copy_from_guest(v, &b, args[1], sizeof(b));
	if (rc)
		return rc;
	if (!vcpu_valid(v, b.vcpu))
		return -ENOENT;
	port = port_index(b.port);
	if (port < 0)
		return port;
	e = &d->evtchn[port];
	switch (e->state) {
	case ECS_VIRQ:
		if (virq_is_per_vcpu(e->virq))
			return -EINVAL;
		break;
	case ECS_UNBOUND:
	case ECS_INTERDOMAIN:
		break;
	default:
		return -EINVAL;
	}
	e->notify_vcpu = b.vcpu;
	/* A loopback send on the other end now notifies the new vCPU. */
	if (e->backend)
		d->ops->evtchn_backend_update(d->opaque, (unsigned int)port,
					      (int)b.vcpu);
	else if (e->state == ECS_INTERDOMAIN)
		update_route(d, e->remote_port);
	return 0;
}

static long evtchn_unmask(struct hcall_vcpu *v, const uint64_t *args)
{
	struct hcall_domain *d = v->d;
	long port = read_port(v, args[1]);

	if (port < 0)
		return port;
	if (!d->ops->evtchn_unmask)
		return -ENOSYS;
	return d->ops->evtchn_unmask(d->opaque, (unsigned int)port,
				     d->evtchn[port].notify_vcpu);
}

/* Closes every port of the calling domain (kexec, soft reset). */
static long evtchn_reset(struct hcall_vcpu *v, const uint64_t *args)
{
	struct hcall_domain *d = v->d;
	struct evtchn_reset r;
	unsigned int p;
	int rc;

	rc = hcall_copy_from_guest(v, &r, args[1], sizeof(r));
	if (rc)
		return rc;
	if (!hcall_domid_is_self(v, r.dom))
		return -ESRCH;
	for (p = 1; p < HCALL_EVTCHN_PORTS; p++) {
		if (d->evtchn[p].state != ECS_FREE)
			close_port(d, p);
	}
	return 0;
}

/* The FIFO ABI is not offered; Linux then uses the 2-level one. */
static long evtchn_no_fifo(struct hcall_vcpu *v, const uint64_t *args)
{
	(void)v;
	(void)args;
	return -ENOSYS;
}

static const hcall_fn evtchn_ops[] = {
	[EVTCHNOP_bind_interdomain] = evtchn_bind_interdomain,
	[EVTCHNOP_bind_virq] = evtchn_bind_virq,
	[EVTCHNOP_close] = evtchn_close,
	[EVTCHNOP_send] = evtchn_send,
	[EVTCHNOP_status] = evtchn_status,
	[EVTCHNOP_alloc_unbound] = evtchn_alloc_unbound,
	[EVTCHNOP_bind_ipi] = evtchn_bind_ipi,
	[EVTCHNOP_bind_vcpu] = evtchn_bind_vcpu,
	[EVTCHNOP_unmask] = evtchn_unmask,
	[EVTCHNOP_reset] = evtchn_reset,
	[EVTCHNOP_init_control] = evtchn_no_fifo,
	[EVTCHNOP_expand_array] = evtchn_no_fifo,
	[EVTCHNOP_set_priority] = evtchn_no_fifo,
};

int hcall_domain_evtchn_bind_backend(struct hcall_domain *d, unsigned int port,
				     uint16_t backend_domid)
{
	struct hcall_evtchn *e;
	long idx = port_index(port);

	if (!d->evtchn_enabled || !d->ops->evtchn_backend_send ||
	    !d->ops->evtchn_backend_update)
		return -ENOSYS;
	if (idx < 0)
		return -EINVAL;
	pthread_mutex_lock(&d->evtchn_lock);
	e = &d->evtchn[idx];
	if (e->remote_domid != backend_domid || backend_domid == d->domid ||
	    !(e->state == ECS_UNBOUND ||
	      (e->state == ECS_INTERDOMAIN && e->backend))) {
		pthread_mutex_unlock(&d->evtchn_lock);
		return -EINVAL;
	}
	e->state = ECS_INTERDOMAIN;
	e->backend = 1;
	e->remote_port = 0;
	d->ops->evtchn_backend_update(d->opaque, (unsigned int)idx,
				      (int)e->notify_vcpu);
	pthread_mutex_unlock(&d->evtchn_lock);
	return 0;
}

long hcall_domain_evtchn_alloc_unbound(struct hcall_domain *d,
				       uint16_t remote_domid)
{
	long port;

	if (!d->evtchn_enabled)
		return -ENOSYS;
	pthread_mutex_lock(&d->evtchn_lock);
	port = alloc_port(d);
	if (port > 0) {
		d->evtchn[port].state = ECS_UNBOUND;
		d->evtchn[port].remote_domid = remote_domid;
	}
	pthread_mutex_unlock(&d->evtchn_lock);
	return port;
}

void event_channel_init(struct hcall_domain *d)
{
	pthread_mutex_init(&d->evtchn_lock, NULL);
	d->evtchn[0].state = ECS_RESERVED;
	d->evtchn_enabled = d->ops->evtchn_set_pending != NULL;
}

/* event_channel_op(cmd, arg); the sub-ops run one at a time per domain. */
long event_channel_op_hcall(struct hcall_vcpu *v, const uint64_t *args)
{
	struct hcall_domain *d = v->d;
	long rc;

	if (!d->evtchn_enabled)
		return -ENOSYS;
	pthread_mutex_lock(&d->evtchn_lock);
	rc = hcall_subop(v, __HYPERVISOR_event_channel_op, evtchn_ops,
			 ARRAY_SIZE(evtchn_ops), (uint32_t)args[0], args);
	pthread_mutex_unlock(&d->evtchn_lock);
	/* A bind or close of VIRQ_TIMER moves a timer to or from the host. */
	vcpu_timer_flush(d);
	return rc;
}
