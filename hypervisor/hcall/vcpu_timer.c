/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Xen timers of an HVM guest (xen/vcpu.h, and set_timer_op in xen.h): one
 * single-shot timer per vCPU that raises the vCPU's VIRQ_TIMER port when
 * Xen system time (the pvclock KVM keeps in the vcpu_info) reaches its
 * deadline. Linux uses it as its clock event device on every CPU once
 * XENFEAT_hvm_safe_pvclock is offered.
 *
 * The host runs the timer (ops->timer_set, KVM's in-kernel Xen timer) as
 * soon as the vCPU's VIRQ_TIMER is bound; KVM then answers
 * set_singleshot_timer, stop_singleshot_timer and set_timer_op itself,
 * without an exit. What comes here is what the guest does before it binds
 * VIRQ_TIMER (or in the moment between the bind and the host taking it
 * over): the deadline is kept and handed to the host with the port, as
 * Xen keeps an armed timer whose event finds no port until one is bound.
 *
 * Periodic timers (VCPUOP_set_periodic_timer): Xen 4.17 runs none for an
 * HVM vCPU unless asked, and KVM has none in the kernel, so the host runs
 * them (ops->periodic_set) and sends each tick through
 * hcall_domain_send_virq_timer() to whatever port VIRQ_TIMER is bound to
 * then. Unlike the single-shot timer, Xen lets a vCPU set another vCPU's
 * periodic timer.
 */
#include "hcall_priv.h"

#include <errno.h>
#include <string.h>

#include <xen/vcpu.h>

#include "hypervisor/log.h"

/* The i386 ABI packs the struct to 12 bytes (no tail padding). */
#define SINGLESHOT_COMPAT_SIZE 12
_Static_assert(sizeof(struct vcpu_set_singleshot_timer) == 16, "layout");

/* Marks @vcpu_id's timer for the host; evtchn_lock held. */
static void timer_changed(struct hcall_domain *d, unsigned int vcpu_id,
			  uint64_t expires_ns)
{
	struct hcall_vcpu_timer *t = &d->timers[vcpu_id];

	t->expires_ns = expires_ns;
	/* Without a port the host has nothing to run: keep it here. */
	if (t->port)
		t->dirty = true;
}

void vcpu_timer_virq_bound(struct hcall_domain *d, unsigned int vcpu_id,
			   unsigned int port)
{
	if (vcpu_id >= d->max_vcpus)
		return;
	d->timers[vcpu_id].port = port;
	d->timers[vcpu_id].dirty = true;
}

void vcpu_timer_flush(struct hcall_domain *d)
{
	struct {
		unsigned int vcpu_id;
		unsigned int port;
		uint64_t expires_ns;
	} todo[HCALL_MAX_VCPUS];
	unsigned int i, n = 0;
	int rc;

	if (!d->ops->timer_set)
		return;
	pthread_mutex_lock(&d->evtchn_lock);
	for (i = 0; i < d->max_vcpus; i++) {
		struct hcall_vcpu_timer *t = &d->timers[i];

		if (!t->dirty)
			continue;
		todo[n].vcpu_id = i;
		todo[n].port = t->port;
		todo[n].expires_ns = t->port ? t->expires_ns : 0;
		n++;
		t->dirty = false;
		/* The host owns a bound timer's deadline from now on. */
		if (t->port)
			t->expires_ns = 0;
	}
	pthread_mutex_unlock(&d->evtchn_lock);
	for (i = 0; i < n; i++) {
		rc = d->ops->timer_set(d->opaque, todo[i].vcpu_id, todo[i].port,
				       todo[i].expires_ns);
		/* A host failure; logged once, as the guest may retry. */
		if (rc && !__atomic_exchange_n(&d->timer_fail_logged, true,
					       __ATOMIC_RELAXED))
			log_warn(
				"xen",
				"cannot hand vCPU %u's Xen timer (VIRQ_TIMER port %u) to the host: %s; its timer events are lost (logged once per domain)",
				todo[i].vcpu_id, todo[i].port, strerror(-rc));
	}
}

/* Sets or stops (@expires_ns 0) the calling vCPU's timer. */
static long set_own_timer(struct hcall_vcpu *v, uint64_t expires_ns)
{
	struct hcall_domain *d = v->d;

	if (v->id >= d->max_vcpus)
		return -EINVAL;
	pthread_mutex_lock(&d->evtchn_lock);
	timer_changed(d, v->id, expires_ns);
	pthread_mutex_unlock(&d->evtchn_lock);
	vcpu_timer_flush(d);
	return 0;
}

/*
 * Xen's do_vcpu_op(): -ENOENT for a vCPU the domain lacks, then the timer
 * sub-ops act only on the caller's own vCPU (-EINVAL otherwise).
 */
static long check_own_vcpu(struct hcall_vcpu *v, uint64_t vcpuid)
{
	if ((uint32_t)vcpuid >= v->d->max_vcpus)
		return -ENOENT;
	return (uint32_t)vcpuid == v->id ? 0 : -EINVAL;
}

long vcpu_timer_set_singleshot(struct hcall_vcpu *v, const uint64_t *args)
{
	struct vcpu_set_singleshot_timer st;
	long rc = check_own_vcpu(v, args[1]);

	if (rc)
		return rc;
	memset(&st, 0, sizeof(st));
	rc = hcall_copy_from_guest(v, &st, args[2],
				   v->longmode ? sizeof(st)
					       : SINGLESHOT_COMPAT_SIZE);
	if (rc)
		return rc;
	/*
	 * Xen 4.17 ignores the flags (VCPU_SSHOTTMR_future no longer fails
	 * with -ETIME) and raises a deadline in the past at once; so does
	 * the host once the port is bound. Deadline 0 stops the timer in
	 * KVM's encoding, so keep a past deadline in the past.
	 */
	return set_own_timer(v, st.timeout_abs_ns ? st.timeout_abs_ns : 1);
}

long vcpu_timer_stop_singleshot(struct hcall_vcpu *v, const uint64_t *args)
{
	long rc = check_own_vcpu(v, args[1]);

	return rc ? rc : set_own_timer(v, 0);
}

/* Xen's bounds (xen/common/domain.c): 1 ms up to STIME_DELTA_MAX. */
#define PERIODIC_MIN_NS 1000000ULL
#define PERIODIC_MAX_NS (UINT64_MAX >> 2)

long vcpu_timer_set_periodic(struct hcall_vcpu *v, const uint64_t *args)
{
	struct vcpu_set_periodic_timer p;
	struct hcall_domain *d = v->d;
	long rc;

	if ((uint32_t)args[1] >= d->max_vcpus)
		return -ENOENT;
	if (!d->ops->periodic_set)
		return -ENOSYS;
	/* One uint64_t: the same in both ABIs. */
	rc = hcall_copy_from_guest(v, &p, args[2], sizeof(p));
	if (rc)
		return rc;
	if (p.period_ns < PERIODIC_MIN_NS || p.period_ns > PERIODIC_MAX_NS)
		return -EINVAL;
	return d->ops->periodic_set(d->opaque,
				    (unsigned int)hcall_index_nospec(
					    (uint32_t)args[1], d->max_vcpus),
				    p.period_ns);
}

/* With no host periodic timer, none ever runs: stopping one succeeds. */
long vcpu_timer_stop_periodic(struct hcall_vcpu *v, const uint64_t *args)
{
	struct hcall_domain *d = v->d;

	if ((uint32_t)args[1] >= d->max_vcpus)
		return -ENOENT;
	if (!d->ops->periodic_set)
		return 0;
	return d->ops->periodic_set(d->opaque,
				    (unsigned int)hcall_index_nospec(
					    (uint32_t)args[1], d->max_vcpus),
				    0);
}

/*
 * set_timer_op(timeout): 0 stops the caller's timer. A 32-bit caller
 * passes the 64-bit deadline in two registers, low half first.
 */
long set_timer_op_hcall(struct hcall_vcpu *v, const uint64_t *args)
{
	uint64_t timeout = args[0];

	if (!v->longmode)
		timeout = (uint32_t)args[0] | (args[1] << 32);
	return set_own_timer(v, timeout);
}
