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
};

/* Creates vCPU @id of @d with its CPUID (host + Xen leaves). */
int vcpu_create(struct domain *d, unsigned int id, struct vcpu **out)
	__attribute__((warn_unused_result));

/* Starts its thread, which runs until the domain stops. */
int vcpu_start(struct vcpu *v) __attribute__((warn_unused_result));

/* Makes the vCPU leave KVM_RUN soon; safe from any thread. */
void vcpu_kick(struct vcpu *v);

/* Joins the thread if started, then frees; accepts NULL. */
void vcpu_destroy(struct vcpu *v);

/*
 * Handles the exit in v->run. Returns 0 to run again, -ECANCELED when the
 * domain is stopping, or another negative errno when this vCPU cannot go
 * on (the caller then crashes the domain).
 */
int vcpu_exit_handle(struct vcpu *v) __attribute__((warn_unused_result));

#endif /* HYPERVISOR_VCPU_H */
