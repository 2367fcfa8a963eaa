/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xl's vcpu-list and vcpu-set requests, on the threads hvm-domain names
 * "vcpuN" (vcpu-pin is in hvmd_ops_pin.c):
 *   vcpu-list [DOM]          one "data vcpu key=value..." line per vCPU:
 *                            name, domid, vcpu, cpu (host CPU it last ran
 *                            on), state ("r--", "-b-", "--p"), time (s),
 *                            hard and soft affinity ("0-3,6" or "all")
 *   vcpu-set DOM N           refused: there is no vCPU hotplug yet
 * Soft affinity does not exist here (no Xen scheduler): always "all".
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

/* What every vcpu line of one request needs besides the thread. */
struct vcpu_ctx {
	struct hvmd_reply *r;
	cpu_set_t online; /* empty if unknown: then no affinity is "all" */
	long hz;
};

static void send_vcpu(const struct vcpu_ctx *x, const struct domtab_dom *d,
		      unsigned int id, pid_t tid)
{
	char name[DOMAIN_CONFIG_NAME_MAX + 8], num[3][32], state[16];
	char time[HVMD_VCPUSTAT_TIME_LEN + 8], hard[HVMD_CPULIST_STR_LEN + 8];
	const char *f[] = {"vcpu", name, num[0], num[1],    num[2],
			   state,  time, hard,	 "soft=all"};
	char list[HVMD_CPULIST_STR_LEN], secs[HVMD_VCPUSTAT_TIME_LEN];
	struct hvmd_vcpustat st;
	cpu_set_t aff;

	/* A thread that ended meanwhile is left out. */
	if (hvmd_vcpu_stat(d->domain.pid, tid, &st) ||
	    sched_getaffinity(tid, sizeof(aff), &aff) < 0)
		return;
	hvmd_cpulist_format(&aff, &x->online, list, sizeof(list));
	hvmd_vcpustat_time(&st, x->hz, secs, sizeof(secs));
	snprintf(name, sizeof(name), "name=%s", d->cfg.name);
	snprintf(num[0], sizeof(num[0]), "domid=%u", d->domid);
	snprintf(num[1], sizeof(num[1]), "vcpu=%u", id);
	snprintf(num[2], sizeof(num[2]), "cpu=%u", st.processor);
	snprintf(state, sizeof(state), "state=%s",
		 hvmd_vcpustat_flags(&st, d->state == DOMTAB_PAUSED));
	snprintf(time, sizeof(time), "time=%s", secs);
	snprintf(hard, sizeof(hard), "hard=%s", list);
	hvmd_reply_data(x->r, f, sizeof(f) / sizeof(f[0]));
}

/* @d's vcpu lines in vCPU order; 0 or a hvmd_vcpu_domain_threads() error. */
static int list_domain(const struct vcpu_ctx *x, const struct domtab_dom *d)
{
	pid_t tids[HVMD_VCPU_MAX];
	unsigned int id;
	int rc = hvmd_vcpu_domain_threads(d, tids);

	if (rc < 0)
		return rc;
	for (id = 0; id < HVMD_VCPU_MAX; id++)
		if (tids[id])
			send_vcpu(x, d, id, tids[id]);
	return 0;
}

/* vcpu-list DOM: the domain must have vCPU threads. */
static void list_named(struct hvmd *h, const struct vcpu_ctx *x,
		       const char *ref)
{
	struct domtab_dom *d = hvmd_vcpu_lookup(h, x->r, ref);
	int rc;

	if (!d)
		return;
	rc = list_domain(x, d);
	if (rc)
		hvmd_vcpu_threads_error(x->r, d, rc);
	else
		hvmd_reply_ok(x->r);
}

void hvmd_op_vcpu_list(struct hvmd *h, struct hvmd_reply *r, char **f,
		       unsigned int nr)
{
	struct vcpu_ctx x = {.r = r, .hz = sysconf(_SC_CLK_TCK)};
	struct domtab_dom *d;
	unsigned int i;

	if (nr > 2) {
		hvmd_reply_err(
			r, HVMD_EXIT_USAGE,
			"vcpu-list takes at most one domain name or domid");
		return;
	}
	if (hvmd_vcpu_online(&x.online))
		CPU_ZERO(&x.online);
	if (nr == 2) {
		list_named(h, &x, f[1]);
		return;
	}
	/* All domains: those without a running hvm-domain have no lines. */
	for (i = 0; i < DOMTAB_MAX; i++) {
		d = &h->tab.doms[i];
		if (d->used && list_domain(&x, d) == -ENOENT)
			hvmd_reply_msg(
				r,
				"domain \"%s\": its hvm-domain (pid %d) has no threads named vcpuN; if it is not still starting, it runs an older hvm-domain: hvmctl reboot it",
				d->cfg.name, (int)d->domain.pid);
	}
	hvmd_reply_ok(r);
}

void hvmd_op_vcpu_set(struct hvmd *h, struct hvmd_reply *r, char **f,
		      unsigned int nr)
{
	struct domtab_dom *d;
	uint64_t n;

	if (nr != 3) {
		hvmd_reply_err(
			r, HVMD_EXIT_USAGE,
			"vcpu-set needs a domain name or domid and a vCPU count");
		return;
	}
	d = hvmd_vcpu_lookup(h, r, f[1]);
	if (!d)
		return;
	if (parse_num_u64(f[2], 10, UINT_MAX, &n) || n == 0) {
		hvmd_reply_err(
			r, HVMD_EXIT_USAGE,
			"vcpu-set: \"%s\" is not a vCPU count; give a number from 1, such as %u",
			f[2], d->cfg.vcpus);
		return;
	}
	hvmd_reply_err(
		r, HVMD_EXIT_FAILED,
		"vcpu-set: vCPU hotplug is not supported yet; the domain keeps its %u vCPUs",
		d->cfg.vcpus);
}
