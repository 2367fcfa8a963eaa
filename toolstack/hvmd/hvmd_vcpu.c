/* SPDX-License-Identifier: GPL-2.0-only */
/* An hvm-domain's vCPU threads in /proc (hvmd_vcpu.h). */
#include "hvmd_vcpu.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hvmd/hvmd_proto.h"
#include "hypervisor/cpu_list.h"

#define ONLINE_PATH "/sys/devices/system/cpu/online"

/* Reads all of the small file @path into @buf (NUL-terminated). */
static int read_small(const char *path, char *buf, size_t size)
{
	ssize_t n;
	int fd, rc;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = read(fd, buf, size - 1);
	rc = n < 0 ? -errno : 0;
	close(fd);
	buf[n > 0 ? n : 0] = '\0';
	return rc;
}

/* Thread @tid's vCPU number from its name; -EINVAL if not a vCPU. */
static int thread_vcpu(pid_t pid, pid_t tid, unsigned int *id)
{
	char path[64], comm[32];
	int rc;

	snprintf(path, sizeof(path), "/proc/%d/task/%d/comm", (int)pid,
		 (int)tid);
	rc = read_small(path, comm, sizeof(comm));
	return rc ? rc : hvmd_vcpustat_comm(comm, id);
}

/* A /proc/PID/task entry's thread id, or 0 for "." and "..". */
static pid_t entry_tid(const struct dirent *e)
{
	char *end;
	long v = strtol(e->d_name, &end, 10);

	return *end || v <= 0 ? 0 : (pid_t)v;
}

int hvmd_vcpu_threads(pid_t pid, pid_t *tids, unsigned int max)
{
	struct dirent *e;
	char path[64];
	unsigned int id;
	int found = 0;
	pid_t tid;
	DIR *dir;

	memset(tids, 0, max * sizeof(*tids));
	snprintf(path, sizeof(path), "/proc/%d/task", (int)pid);
	dir = opendir(path);
	if (!dir)
		return -errno;
	while ((e = readdir(dir)) != NULL) {
		tid = entry_tid(e);
		/* A second thread with the same name keeps the first. */
		if (!tid || thread_vcpu(pid, tid, &id) || id >= max || tids[id])
			continue;
		tids[id] = tid;
		found++;
	}
	closedir(dir);
	return found;
}

int hvmd_vcpu_stat(pid_t pid, pid_t tid, struct hvmd_vcpustat *st)
{
	char path[64], line[2048];
	int rc;

	snprintf(path, sizeof(path), "/proc/%d/task/%d/stat", (int)pid,
		 (int)tid);
	rc = read_small(path, line, sizeof(line));
	return rc ? rc : hvmd_vcpustat_parse(line, st);
}

int hvmd_vcpu_online(cpu_set_t *online)
{
	char buf[4096], *nl;
	int rc;

	CPU_ZERO(online);
	rc = read_small(ONLINE_PATH, buf, sizeof(buf));
	if (rc)
		return rc;
	nl = strchr(buf, '\n');
	if (nl)
		*nl = '\0';
	return cpu_list_parse(buf, online);
}

struct domtab_dom *hvmd_vcpu_lookup(struct hvmd *h, struct hvmd_reply *r,
				    const char *ref)
{
	struct domtab_dom *d = domtab_lookup(&h->tab, ref);

	if (!d)
		hvmd_reply_err(
			r, HVMD_EXIT_FAILED,
			"no domain \"%s\"; hvmctl list shows the domains", ref);
	return d;
}

int hvmd_vcpu_domain_threads(const struct domtab_dom *d, pid_t *tids)
{
	pid_t pid = d->domain.pid;
	int found;

	if (pid <= 0 || kill(pid, 0) < 0 ||
	    hvmd_proc_start_time(pid) != d->domain.start)
		return -ESRCH;
	found = hvmd_vcpu_threads(pid, tids, HVMD_VCPU_MAX);
	if (found == 0)
		return -ENOENT;
	return found < 0 ? -ESRCH : found;
}

void hvmd_vcpu_threads_error(struct hvmd_reply *r, const struct domtab_dom *d,
			     int rc)
{
	if (rc == -ESRCH)
		hvmd_reply_err(
			r, HVMD_EXIT_FAILED,
			"domain \"%s\" is %s and has no vCPU threads; they exist only while a domain runs or is paused (hvmctl list shows its state)",
			d->cfg.name, domtab_state_name(d->state));
	else
		hvmd_reply_err(
			r, HVMD_EXIT_FAILED,
			"hvm-domain of \"%s\" (pid %d) has no threads named vcpuN; if the domain is still starting, try again, else it runs an older hvm-domain: hvmctl reboot it",
			d->cfg.name, (int)d->domain.pid);
}
