/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * One domain's vCPU threads as the host sees them: hvm-domain names each
 * vCPU thread "vcpuN" (hypervisor/vcpu/vcpu.c), so hvmd finds them in
 * /proc/PID/task and reads their state, time and CPU affinity there.
 */
#ifndef HVMD_VCPU_H
#define HVMD_VCPU_H

#include <sys/types.h>

#include "hvmd_cpulist.h"
#include "hvmd_priv.h"
#include "hvmd_vcpustat.h"

/* Entries of a tids array: one per vCPU a domain can have. */
#define HVMD_VCPU_MAX DOMAIN_CONFIG_MAX_VCPUS

/*
 * Finds the vCPU threads of process @pid: @tids[N] is vCPU N's thread id,
 * or 0 if there is none (@max entries; higher vCPUs are left out).
 * Returns how many it found, or a negative errno if /proc/PID/task cannot
 * be read (-ENOENT: the process is gone).
 */
int hvmd_vcpu_threads(pid_t pid, pid_t *tids, unsigned int max)
	__attribute__((warn_unused_result));

/* Reads thread @tid of @pid's stat; 0 or a negative errno. */
int hvmd_vcpu_stat(pid_t pid, pid_t tid, struct hvmd_vcpustat *st)
	__attribute__((warn_unused_result));

/*
 * The host's online CPUs (/sys/devices/system/cpu/online) in @online;
 * 0, or a negative errno with @online empty.
 */
int hvmd_vcpu_online(cpu_set_t *online) __attribute__((warn_unused_result));

/*
 * The domain @ref (a name or domid), or NULL with the error answer sent
 * on @r.
 */
struct domtab_dom *hvmd_vcpu_lookup(struct hvmd *h, struct hvmd_reply *r,
				    const char *ref);

/*
 * @d's vCPU threads in @tids (HVMD_VCPU_MAX entries). Returns how many, or
 * -ESRCH if its hvm-domain does not run (checked by pid and start time,
 * without reaping it: that is hvmd_life.c's job), -ENOENT if it has none.
 */
int hvmd_vcpu_domain_threads(const struct domtab_dom *d, pid_t *tids)
	__attribute__((warn_unused_result));

/* Sends the error answer for a hvmd_vcpu_domain_threads() error @rc. */
void hvmd_vcpu_threads_error(struct hvmd_reply *r, const struct domtab_dom *d,
			     int rc);

#endif /* HVMD_VCPU_H */
