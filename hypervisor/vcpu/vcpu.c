/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vCPU threads. Each runs KVM_RUN in a loop and hands exits to the exit
 * table (vcpu_exit.c). To stop a vCPU from another thread we set
 * kvm_run.immediate_exit and send SIGUSR1, whose empty handler only makes
 * KVM_RUN return EINTR (KVM api.rst, "immediate_exit").
 * Each thread is named "vcpuN", which top -H shows and hvmd's vcpu-list
 * and vcpu-pin look for in /proc/PID/task/TID/comm.
 */
#define _GNU_SOURCE /* pthread_setname_np */
#include "hypervisor/vcpu.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>
#include <linux/kvm.h>

#include "hypervisor/domain.h"
#include "hypervisor/domain_mem.h"
#include "hypervisor/log.h"
#include "hypervisor/vcpu_regs.h"
#include "vcpu_cpuid.h"

#define VCPU_KICK_SIGNAL SIGUSR1

int vcpu_create(struct domain *d, unsigned int id, struct vcpu **out)
{
	struct vcpu *v;
	int r, rc;

	*out = NULL;
	v = calloc(1, sizeof(*v));
	if (!v)
		return -ENOMEM;
	v->d = d;
	v->id = id;
	v->run = MAP_FAILED;
	vcpu_call_init(v);
	v->kick_efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	v->fd = ioctl(d->vm_fd, KVM_CREATE_VCPU, id);
	if (v->fd < 0 || v->kick_efd < 0)
		goto err;
	r = ioctl(d->kvm_fd, KVM_GET_VCPU_MMAP_SIZE, 0);
	if (r >= 0 && r < (int)sizeof(struct kvm_run))
		errno = EIO; /* KVM answered nonsense: not a stale errno */
	if (r < (int)sizeof(struct kvm_run))
		goto err;
	v->run_size = (size_t)r;
	v->run = mmap(NULL, v->run_size, PROT_READ | PROT_WRITE, MAP_SHARED,
		      v->fd, 0);
	if (v->run == MAP_FAILED)
		goto err;
	rc = vcpu_cpuid_set(v);
	if (rc) {
		vcpu_destroy(v);
		return rc;
	}
	*out = v;
	return 0;
err:
	rc = errno ? -errno : -EIO;
	log_err("vcpu", "cannot create vCPU %u: %s", id, strerror(-rc));
	vcpu_destroy(v);
	return rc;
}

static void crash(struct vcpu *v, int rc)
{
	char regs[384];

	vcpu_regs_describe(v->fd, regs, sizeof(regs));
	domain_stop(v->d, DOMAIN_STOP_CRASH,
		    "vCPU %u cannot continue (%s) after %lu exits; %s", v->id,
		    strerror(-rc), v->nr_exits, regs);
}

/* "vcpuN": at most 15 characters, the kernel's limit for a thread name. */
static void name_thread(const struct vcpu *v)
{
	char name[16];
	int r;

	snprintf(name, sizeof(name), "vcpu%u", v->id);
	r = pthread_setname_np(pthread_self(), name);
	if (r)
		log_warn(
			"vcpu",
			"cannot name the thread of vCPU %u \"%s\": %s; hvmctl vcpu-list and vcpu-pin will not find it",
			v->id, name, strerror(r));
}

static void *vcpu_thread(void *arg)
{
	struct vcpu *v = arg;
	int rc;

	name_thread(v);
	vcpu_call_set_current(v);
	while (!domain_is_stopping(v->d)) {
		if (!domain_vcpu_may_run(v->d))
			break;
		vcpu_call_service(v);
		domain_mem_prefault(v);
		if (ioctl(v->fd, KVM_RUN, 0) < 0) {
			rc = -errno;
			if (rc == -EINTR || rc == -EAGAIN) {
				v->run->immediate_exit = 0;
				continue;
			}
			crash(v, rc);
			break;
		}
		v->nr_exits++;
		rc = vcpu_exit_handle(v);
		if (rc == -ECANCELED)
			break;
		if (rc) {
			crash(v, rc);
			break;
		}
	}
	/* What the guest cost in round trips through this process. */
	log_info("vcpu", "vCPU %u stopped after %lu exits to user space", v->id,
		 v->nr_exits);
	return NULL;
}

static void kick_handler(int sig)
{
	(void)sig; /* only interrupts KVM_RUN */
}

int vcpu_start(struct vcpu *v)
{
	struct sigaction sa = {0};
	int rc;

	sa.sa_handler = kick_handler; /* no SA_RESTART: KVM_RUN gets EINTR */
	if (sigaction(VCPU_KICK_SIGNAL, &sa, NULL) < 0)
		return -errno;
	rc = -pthread_create(&v->thread, NULL, vcpu_thread, v);
	if (!rc)
		v->started = true;
	return rc;
}

void vcpu_kick(struct vcpu *v)
{
	uint64_t one = 1;

	if (!v || !v->started)
		return;
	/* For a thread waiting for an ioreq answer in poll(). */
	(void)!write(v->kick_efd, &one, sizeof(one));
	__atomic_store_n(&v->run->immediate_exit, 1, __ATOMIC_RELEASE);
	pthread_kill(v->thread, VCPU_KICK_SIGNAL);
}

void vcpu_join(struct vcpu *v)
{
	if (v && v->started) {
		pthread_join(v->thread, NULL);
		v->started = false;
	}
}

void vcpu_destroy(struct vcpu *v)
{
	if (!v)
		return;
	vcpu_join(v);
	if (v->run != MAP_FAILED)
		munmap(v->run, v->run_size);
	if (v->fd >= 0)
		close(v->fd);
	if (v->kick_efd >= 0)
		close(v->kick_efd);
	vcpu_call_destroy(v);
	free(v);
}
