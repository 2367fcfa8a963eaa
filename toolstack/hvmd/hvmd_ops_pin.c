/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xl's vcpu-pin request:
 *   vcpu-pin DOM VCPU CPUS   sets the hard affinity of vCPU VCPU (a number
 *                            or "all") to the host CPUs CPUS ("0-3,6",
 *                            "0-7,^2", "all"; hvmd_cpulist.h)
 * with sched_setaffinity() on the thread hvm-domain names "vcpuN". As
 * with xl, a pin lasts until the domain is rebuilt and leaves its config
 * (cpus=) alone.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "hvmd/hvmd_proto.h"
#include "hvmd_priv.h"
#include "hvmd_vcpu.h"
#include "hypervisor/parse_num.h"

/*
 * vcpu-pin's VCPU: "all" (HVMD_VCPU_MAX in *@id) or a number below the
 * domain's vCPU count. 0, or -EINVAL with the error answer sent.
 */
static int pin_vcpu_arg(struct hvmd_reply *r, const struct domtab_dom *d,
			const char *s, unsigned int *id)
{
	unsigned int n = d->cfg.vcpus;
	uint64_t v;

	if (!strcmp(s, "all")) {
		*id = HVMD_VCPU_MAX;
		return 0;
	}
	if (parse_num_u64(s, 10, UINT_MAX, &v)) {
		hvmd_reply_err(
			r, HVMD_EXIT_USAGE,
			"vcpu-pin: \"%s\" is not a vCPU number; give one from 0 to %u, or \"all\"",
			s, n - 1);
		return -EINVAL;
	}
	if (v >= n) {
		hvmd_reply_err(
			r, HVMD_EXIT_FAILED,
			"vcpu-pin: domain \"%s\" has %u vCPU%s (0 to %u); there is no vCPU %llu",
			d->cfg.name, n, n == 1 ? "" : "s", n - 1,
			(unsigned long long)v);
		return -EINVAL;
	}
	*id = (unsigned int)v;
	return 0;
}

/*
 * vcpu-pin's CPUS into @set, which must name an online CPU. 0, or
 * -EINVAL with the error answer sent.
 */
static int pin_cpus_arg(struct hvmd_reply *r, const char *s, cpu_set_t *set)
{
	char list[HVMD_CPULIST_STR_LEN];
	cpu_set_t online, both;

	if (hvmd_cpulist_parse(s, set)) {
		hvmd_reply_err(
			r, HVMD_EXIT_USAGE,
			"vcpu-pin: bad CPU list \"%.80s\"; write \"all\" or host CPU numbers below %d such as \"0-3,6\" or \"0-7,^2\"",
			s, CPU_SETSIZE);
		return -EINVAL;
	}
	if (hvmd_vcpu_online(&online))
		return 0; /* unknown: the kernel checks */
	CPU_AND(&both, set, &online);
	if (CPU_COUNT(&both))
		return 0;
	hvmd_cpulist_format(&online, NULL, list, sizeof(list));
	hvmd_reply_err(
		r, HVMD_EXIT_FAILED,
		"vcpu-pin: none of the host CPUs \"%.80s\" is online; name CPUs from %s (/sys/devices/system/cpu/online)",
		s, list);
	return -EINVAL;
}

static const char *pin_hint(int rc)
{
	switch (rc) {
	case -EINVAL:
		return "none of them is online or in hvm-domain's cpuset; name other CPUs";
	case -EPERM:
		return "hvmd needs CAP_SYS_NICE for that: run it as root";
	case -ESRCH:
		return "the domain's process ended meanwhile; see hvmctl list";
	default:
		return "see hvmd's log";
	}
}

/*
 * Pins vCPU @id, or every vCPU if @id is HVMD_VCPU_MAX, after checking
 * that each has a thread. 0, or a negative errno with the answer sent.
 */
static int pin_threads(struct hvmd_reply *r, const struct domtab_dom *d,
		       const pid_t *tids, unsigned int id, const cpu_set_t *set,
		       const char *cpus)
{
	unsigned int i, lo = id == HVMD_VCPU_MAX ? 0 : id;
	unsigned int hi = id == HVMD_VCPU_MAX ? d->cfg.vcpus : id + 1;
	int rc;

	for (i = lo; i < hi && i < HVMD_VCPU_MAX; i++) {
		if (tids[i])
			continue;
		hvmd_reply_err(
			r, HVMD_EXIT_FAILED,
			"vCPU %u of domain \"%s\" has no thread named vcpu%u in hvm-domain (pid %d); if the domain is still starting, try again",
			i, d->cfg.name, i, (int)d->domain.pid);
		return -ENOENT;
	}
	for (i = lo; i < hi && i < HVMD_VCPU_MAX; i++) {
		if (sched_setaffinity(tids[i], sizeof(*set), set) == 0)
			continue;
		rc = -errno;
		hvmd_reply_err(
			r, HVMD_EXIT_FAILED,
			"cannot pin vCPU %u of domain \"%s\" to host CPUs %.80s: %s; %s",
			i, d->cfg.name, cpus, strerror(-rc), pin_hint(rc));
		return rc;
	}
	return 0;
}

void hvmd_op_vcpu_pin(struct hvmd *h, struct hvmd_reply *r, char **f,
		      unsigned int nr)
{
	pid_t tids[HVMD_VCPU_MAX];
	struct domtab_dom *d;
	unsigned int id;
	cpu_set_t set;
	int rc;

	if (nr != 4) {
		hvmd_reply_err(
			r, HVMD_EXIT_USAGE,
			"vcpu-pin needs a domain, a vCPU number or \"all\", and a host CPU list");
		return;
	}
	d = hvmd_vcpu_lookup(h, r, f[1]);
	if (!d || pin_vcpu_arg(r, d, f[2], &id) || pin_cpus_arg(r, f[3], &set))
		return;
	rc = hvmd_vcpu_domain_threads(d, tids);
	if (rc < 0) {
		hvmd_vcpu_threads_error(r, d, rc);
		return;
	}
	if (pin_threads(r, d, tids, id, &set, f[3]))
		return;
	hvmd_log(d, "info",
		 "%s%s pinned to host CPUs %s by the administrator (vcpu-pin)",
		 id == HVMD_VCPU_MAX ? "all vCPUs" : "vCPU ",
		 id == HVMD_VCPU_MAX ? "" : f[2], f[3]);
	hvmd_reply_ok(r);
}
