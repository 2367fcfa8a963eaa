/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host CPU lists as xl's vcpu-pin takes and vcpu-list shows them: "all",
 * or items "N", "N-M", "^N" and "^N-M" separated by commas, as in the
 * config's cpus= (a list starting with "^" excludes from all CPUs). Pure:
 * no I/O, so unit tests cover every form.
 */
#ifndef HVMD_CPULIST_H
#define HVMD_CPULIST_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <sched.h>
#include <stddef.h>

/* Room for the longest list hvmd_cpulist_format() writes, with its NUL. */
#define HVMD_CPULIST_STR_LEN (CPU_SETSIZE * 5)

/*
 * Parses @s into @out. CPU numbers are below CPU_SETSIZE. Returns 0, or
 * -EINVAL for a malformed list or one that leaves no CPU (@out is then
 * unchanged).
 */
int hvmd_cpulist_parse(const char *s, cpu_set_t *out)
	__attribute__((warn_unused_result));

/*
 * Writes @set as "0-3,6" into @buf (@size bytes, at least
 * HVMD_CPULIST_STR_LEN for any set), "all" if it holds every CPU of
 * @online (a non-empty set; NULL: never "all"), or "none" if it is empty.
 */
void hvmd_cpulist_format(const cpu_set_t *set, const cpu_set_t *online,
			 char *buf, size_t size);

#endif /* HVMD_CPULIST_H */
