/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Running a function on a vCPU's own thread (vcpu.h, vcpu_call()). KVM
 * serialises vCPU ioctls on the vCPU's mutex, which KVM_RUN holds for as
 * long as the vCPU runs, or sleeps waiting for INIT/SIPI. So a vCPU ioctl
 * from another thread can block for ever: Linux registers an AP's
 * vcpu_info from the BSP before it sends the AP its SIPI. Instead, the
 * caller posts the function, kicks the vCPU out of KVM_RUN, and the vCPU
 * thread runs it before it re-enters the guest. A vCPU thread that waits
 * for another vCPU keeps serving calls posted to itself, so two vCPUs
 * calling each other do not deadlock.
 */
#include "hypervisor/vcpu.h"

#include <errno.h>
#include <time.h>
#include <unistd.h>

#include "hypervisor/domain.h"

/* How often a waiting caller checks whether the domain is stopping. */
#define CALL_POLL_NS 50000000L

/* The vCPU this thread runs, if it is a vCPU thread. */
static __thread struct vcpu *current_vcpu;

enum {
	CALL_IDLE,
	CALL_PENDING, /* posted, the vCPU thread has not taken it */
	CALL_RUNNING,
	CALL_DONE,
};

void vcpu_call_init(struct vcpu *v)
{
	pthread_mutex_init(&v->call.serial, NULL);
	pthread_mutex_init(&v->call.lock, NULL);
	pthread_cond_init(&v->call.cond, NULL);
	v->call.state = CALL_IDLE;
}

void vcpu_call_destroy(struct vcpu *v)
{
	pthread_cond_destroy(&v->call.cond);
	pthread_mutex_destroy(&v->call.lock);
	pthread_mutex_destroy(&v->call.serial);
}

void vcpu_call_set_current(struct vcpu *v)
{
	current_vcpu = v;
}

void vcpu_call_service(struct vcpu *v)
{
	int rc;

	pthread_mutex_lock(&v->call.lock);
	if (v->call.state != CALL_PENDING) {
		pthread_mutex_unlock(&v->call.lock);
		return;
	}
	v->call.state = CALL_RUNNING;
	pthread_mutex_unlock(&v->call.lock);
	rc = v->call.fn(v, v->call.arg);
	pthread_mutex_lock(&v->call.lock);
	v->call.rc = rc;
	v->call.state = CALL_DONE;
	pthread_cond_broadcast(&v->call.cond);
	pthread_mutex_unlock(&v->call.lock);
}

static void wait_slice(struct vcpu *v)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_nsec += CALL_POLL_NS;
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	}
	pthread_cond_timedwait(&v->call.cond, &v->call.lock, &ts);
}

static void serve_self(void)
{
	if (current_vcpu)
		vcpu_call_service(current_vcpu);
}

/* Takes @v's caller lock, serving our own mailbox while it is busy. */
static void lock_serial(struct vcpu *v)
{
	while (pthread_mutex_trylock(&v->call.serial)) {
		serve_self();
		usleep(CALL_POLL_NS / 1000 / 10);
	}
}

/* Posts the call, kicks the vCPU and waits; under call.serial. */
static int post_and_wait(struct vcpu *v, vcpu_call_fn fn, void *arg)
{
	int rc = -ECANCELED;

	pthread_mutex_lock(&v->call.lock);
	v->call.fn = fn;
	v->call.arg = arg;
	v->call.state = CALL_PENDING;
	pthread_mutex_unlock(&v->call.lock);
	vcpu_kick(v);
	pthread_mutex_lock(&v->call.lock);
	while (v->call.state != CALL_DONE) {
		/* A stopping vCPU may never take it; a taken call finishes. */
		if (v->call.state == CALL_PENDING && domain_is_stopping(v->d))
			break;
		wait_slice(v);
		/* The target may be waiting for us: serve our own mailbox. */
		pthread_mutex_unlock(&v->call.lock);
		serve_self();
		pthread_mutex_lock(&v->call.lock);
	}
	if (v->call.state == CALL_DONE)
		rc = v->call.rc;
	v->call.state = CALL_IDLE;
	pthread_mutex_unlock(&v->call.lock);
	return rc;
}

int vcpu_call(struct vcpu *v, vcpu_call_fn fn, void *arg)
{
	int rc;

	/* Not running, or our own thread: nothing holds the vCPU. */
	if (!v->started || pthread_equal(pthread_self(), v->thread))
		return fn(v, arg);
	lock_serial(v);
	rc = post_and_wait(v, fn, arg);
	pthread_mutex_unlock(&v->call.serial);
	return rc;
}
