/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What hvmd reads about one vCPU thread of hvm-domain, parsed from the
 * text of /proc/PID/task/TID/{comm,stat} (proc(5)). Pure: strings in,
 * structs out, so unit tests need no process. Reading the files is
 * hvmd_vcpu.c's job.
 */
#ifndef HVMD_VCPUSTAT_H
#define HVMD_VCPUSTAT_H

#include <stdbool.h>
#include <stddef.h>

/* The fields of /proc/PID/task/TID/stat that vcpu-list shows. */
struct hvmd_vcpustat {
	char state;		  /* field 3: R, S, D, T, Z, ... */
	unsigned long long utime; /* field 14, in clock ticks */
	unsigned long long stime; /* field 15, in clock ticks */
	unsigned int processor;	  /* field 39: host CPU it last ran on */
};

/* Room for hvmd_vcpustat_time()'s text with its NUL. */
#define HVMD_VCPUSTAT_TIME_LEN 24

/*
 * Parses one stat line @line into @out. The command name (field 2) may
 * hold spaces and parentheses, so fields are counted from the last ')'.
 * Returns 0, or -EINVAL if the line is cut short before field 39 or a
 * field is not a number (@out is then unchanged).
 */
int hvmd_vcpustat_parse(const char *line, struct hvmd_vcpustat *out)
	__attribute__((warn_unused_result));

/*
 * Parses a thread name @comm (with or without comm's trailing newline)
 * written by hvm-domain's vCPU threads, "vcpuN", into the vCPU number @id.
 * Returns 0, or -EINVAL for any other name (leading zeros, N of
 * DOMAIN_CONFIG_MAX_VCPUS or more, trailing characters).
 */
int hvmd_vcpustat_comm(const char *comm, unsigned int *id)
	__attribute__((warn_unused_result));

/*
 * xl's three state letters for a vCPU: "--p" if its domain is @paused,
 * else "r--" for a running or runnable thread (R), "-b-" for a blocked one
 * (S or D), and "---" for anything else (stopped, exiting).
 */
const char *hvmd_vcpustat_flags(const struct hvmd_vcpustat *st, bool paused);

/*
 * Writes the thread's CPU time (utime + stime) in seconds with one
 * decimal, e.g. "3.2", into @buf; @hz is sysconf(_SC_CLK_TCK) (if not
 * positive, "0.0").
 */
void hvmd_vcpustat_time(const struct hvmd_vcpustat *st, long hz, char *buf,
			size_t size);

#endif /* HVMD_VCPUSTAT_H */
