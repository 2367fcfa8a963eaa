/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host CPU lists as xl writes them in cpus= ("0-3,6"): what hvm-domain's
 * --cpus takes to pin its vCPU threads.
 */
#ifndef HYPERVISOR_CPU_LIST_H
#define HYPERVISOR_CPU_LIST_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <sched.h>

/*
 * Parses @s, a comma-separated list of CPU numbers and ranges N-M (N <= M,
 * each below CPU_SETSIZE), into *@out. An empty list or element, a
 * reversed range, spaces or any other character give -EINVAL and leave
 * *@out unchanged.
 */
int cpu_list_parse(const char *s, cpu_set_t *out)
	__attribute__((warn_unused_result));

#endif /* HYPERVISOR_CPU_LIST_H */
