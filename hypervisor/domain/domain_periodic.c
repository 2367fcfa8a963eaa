/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Xen periodic vCPU timers for the guest, run on one thread per domain
 * that starts when a guest first sets one: it sleeps until the next tick
 * is due (periodic_timers.h holds Xen's rule) and sends each tick to the
 * vCPU's VIRQ_TIMER port through the hypercall layer, which raises it
 * with KVM_XEN_HVM_EVTCHN_SEND. Linux does not use these timers (it stops
 * them and uses the single-shot one, which KVM runs in the kernel); other
 * guests may. The clock is CLOCK_MONOTONIC: only periods matter, and the
 * guest's Xen system time advances at the same rate. Ticks go on while a
 * vCPU halts or the domain is paused (see periodic_timers.h); a pending
 * event channel holds one, so a paused guest finds at most one.
 */
#define _GNU_SOURCE /* pthread_setname_np */
#include "domain_periodic.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "hypervisor/hcall.h"
#include "hypervisor/log.h"
#include "hypervisor/periodic_timers.h"

struct domain_periodic {
	struct domain *d;
	pthread_mutex_t lock;
	pthread_cond_t cond; /* on CLOCK_MONOTONIC */
	struct periodic_timers timers;
	pthread_t thread;
	bool started;
	bool stopping;
	bool logged;
};

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static void send_tick(void *arg, unsigned int vcpu_id)
{
	struct domain_periodic *p = arg;

	/* No port bound: the tick is lost, as in Xen. */
	hcall_domain_send_virq_timer(p->d->hcall, vcpu_id);
}

/* Waits for the next tick, a change or the end; p->lock held. */
static void wait_until(struct domain_periodic *p, uint64_t due_ns)
{
	struct timespec ts;

	if (due_ns == PERIODIC_TIMERS_NONE) {
		pthread_cond_wait(&p->cond, &p->lock);
		return;
	}
	ts.tv_sec = (time_t)(due_ns / 1000000000ULL);
	ts.tv_nsec = (long)(due_ns % 1000000000ULL);
	pthread_cond_timedwait(&p->cond, &p->lock, &ts);
}

/*
 * Ticks are sent with p->lock held: the hypercall layer takes its event
 * channel lock inside it, and never calls back here with that lock held.
 */
static void *periodic_thread(void *arg)
{
	struct domain_periodic *p = arg;
	cpu_set_t cpus;
	uint64_t due;

	pthread_setname_np(pthread_self(), "xen-periodic");
	/*
	 * A vCPU thread starts this one and may be pinned (vcpu-pin): run
	 * on the domain's CPUs (the main thread's), not on that vCPU's.
	 */
	if (!sched_getaffinity(getpid(), sizeof(cpus), &cpus))
		pthread_setaffinity_np(pthread_self(), sizeof(cpus), &cpus);
	pthread_mutex_lock(&p->lock);
	while (!p->stopping) {
		due = periodic_timers_poll(&p->timers, now_ns(), send_tick, p);
		wait_until(p, due);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

struct domain_periodic *domain_periodic_create(struct domain *d)
{
	struct domain_periodic *p = calloc(1, sizeof(*p));
	pthread_condattr_t attr;

	if (!p)
		return NULL;
	p->d = d;
	periodic_timers_init(&p->timers, d->nr_vcpus);
	pthread_mutex_init(&p->lock, NULL);
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&p->cond, &attr);
	pthread_condattr_destroy(&attr);
	return p;
}

void domain_periodic_destroy(struct domain_periodic *p)
{
	if (!p)
		return;
	pthread_mutex_lock(&p->lock);
	p->stopping = true;
	pthread_cond_signal(&p->cond);
	pthread_mutex_unlock(&p->lock);
	if (p->started)
		pthread_join(p->thread, NULL);
	pthread_cond_destroy(&p->cond);
	pthread_mutex_destroy(&p->lock);
	free(p);
}

int domain_periodic_set(void *opaque, unsigned int vcpu_id, uint64_t period_ns)
{
	struct domain *d = opaque;
	struct domain_periodic *p = d->periodic;
	int rc = 0;

	if (!p || vcpu_id >= d->nr_vcpus)
		return -EINVAL;
	pthread_mutex_lock(&p->lock);
	if (period_ns && !p->started && !p->stopping) {
		rc = -pthread_create(&p->thread, NULL, periodic_thread, p);
		p->started = rc == 0;
	}
	if (!rc) {
		periodic_timers_set(&p->timers, vcpu_id, period_ns);
		pthread_cond_signal(&p->cond);
	}
	/* A guest may set and stop it at will: the first set is logged. */
	if (!rc && period_ns && !p->logged) {
		p->logged = true;
		log_info(
			"xen",
			"vCPU %u set a Xen periodic timer of %llu us; hvm-domain runs it",
			vcpu_id, (unsigned long long)(period_ns / 1000));
	}
	pthread_mutex_unlock(&p->lock);
	if (rc)
		log_warn(
			"xen",
			"cannot start the Xen periodic timer thread: %s; vCPU %u's set_periodic_timer fails with -ENOMEM",
			strerror(-rc), vcpu_id);
	return rc ? -ENOMEM : 0;
}

uint64_t domain_periodic_period(struct domain *d, unsigned int vcpu_id)
{
	struct domain_periodic *p = d->periodic;
	uint64_t period = 0;

	if (p && vcpu_id < p->timers.nr) {
		pthread_mutex_lock(&p->lock);
		period = p->timers.period_ns[vcpu_id];
		pthread_mutex_unlock(&p->lock);
	}
	return period;
}
