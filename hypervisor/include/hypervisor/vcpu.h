/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * One vCPU: its KVM fd, the shared kvm_run page and the thread that runs
 * it. vCPU 0 starts in the loader; the others wait in the in-kernel LAPIC
 * for INIT/SIPI (firmware.md 1.7).
 */
#ifndef HYPERVISOR_VCPU_H
#define HYPERVISOR_VCPU_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

struct domain;
struct kvm_run;

struct vcpu;

/* A function run on a vCPU's thread (vcpu_call()); 0 or a negative errno. */
typedef int (*vcpu_call_fn)(struct vcpu *v, void *arg);

struct vcpu {
	struct domain *d;
	unsigned int id;
	int fd;
	int kick_efd; /* wakes the vCPU thread while it waits for an ioreq */
	struct kvm_run *run;
	size_t run_size;
	pthread_t thread;
	bool started;
	unsigned long nr_exits;
	struct {
		pthread_mutex_t serial; /* one caller at a time */
		pthread_mutex_t lock;
		pthread_cond_t cond;
		int state; /* private to vcpu_call.c */
		vcpu_call_fn fn;
		void *arg;
		int rc;
	} call;
};

/* Creates vCPU @id of @d with its CPUID (host + Xen leaves). */
int vcpu_create(struct domain *d, unsigned int id, struct vcpu **out)
	__attribute__((warn_unused_result));

/* Starts its thread, which runs until the domain stops. */
int vcpu_start(struct vcpu *v) __attribute__((warn_unused_result));

/* Makes the vCPU leave KVM_RUN soon; safe from any thread. */
void vcpu_kick(struct vcpu *v);

/*
 * Runs @fn(@v, @arg) on @v's own thread, outside KVM_RUN, and returns its
 * result: the way to make vCPU ioctls for a vCPU that may be in the guest
 * (see vcpu_call.c). Runs @fn at once if @v has no thread yet or the
 * caller is @v's thread. Returns -ECANCELED if the domain stops before
 * the vCPU took the call. Callers must not hold locks a vCPU thread
 * takes before it gets back to its loop.
 */
int vcpu_call(struct vcpu *v, vcpu_call_fn fn, void *arg)
	__attribute__((warn_unused_result));

/*
 * For vcpu.c: set up and tear down the mailbox, serve a posted call, and
 * name the vCPU the calling thread runs (so that a vCPU waiting for
 * another one keeps serving calls posted to itself).
 */
void vcpu_call_init(struct vcpu *v);
void vcpu_call_destroy(struct vcpu *v);
void vcpu_call_service(struct vcpu *v);
void vcpu_call_set_current(struct vcpu *v);

/* Waits for the vCPU's thread to end (the domain must be stopping). */
void vcpu_join(struct vcpu *v);

/* Joins the thread if started, then frees; accepts NULL. */
void vcpu_destroy(struct vcpu *v);

/*
 * Handles the exit in v->run. Returns 0 to run again, -ECANCELED when the
 * domain is stopping, or another negative errno when this vCPU cannot go
 * on (the caller then crashes the domain).
 */
int vcpu_exit_handle(struct vcpu *v) __attribute__((warn_unused_result));

#endif /* HYPERVISOR_VCPU_H */
