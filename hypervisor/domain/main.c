/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hvm-domain: the hypervisor instance of one domain. Builds the domain,
 * runs it until it stops, and prints why on stdout as "stop=<reason>".
 * SIGTERM or SIGINT destroy the domain. Exit status: 0 when the guest
 * powered off, 3 when it asked for a reboot or triple-faulted (a PC
 * resets then), 1 when it crashed, was destroyed or could not be built, 2
 * on usage errors.
 *
 * With --ctl it serves the control socket (domain_ctl.h); with --paused
 * the vCPUs wait for an unpause request before they first run; with
 * --cpus LIST (xl's cpus=, "0-3,6") every thread of the domain, its vCPU
 * threads first among them, runs only on those host CPUs: the affinity
 * is set before any thread starts, and threads inherit it.
 */
#include "hypervisor/cpu_list.h"

#include <errno.h>
#include <stdbool.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "hypervisor/domain.h"
#include "hypervisor/domain_coalesced.h"
#include "hypervisor/domain_ctl.h"
#include "hypervisor/hcall.h"
#include "hypervisor/log.h"
#include "hypervisor/parse_num.h"
#include "hypervisor/vcpu.h"
#include "hypervisor/vcpu_regs.h"

#include "domain_xen_time.h"

#define EXIT_REBOOT 3
#define MIB (1ULL << 20)

struct opts {
	struct domain_config cfg;
	unsigned int timeout_s; /* 0: none */
	const char *ctl_path;
	bool paused;
	const char *cpus_arg; /* --cpus as given; NULL: no pinning */
	cpu_set_t cpus;
};

static void usage(FILE *f)
{
	fprintf(f,
		"usage: hvm-domain --loader FILE [--module FILE[,CMDLINE]]... [--memory MIB]\n"
		"                  [--vcpus N] [--domid N] [--timeout SECONDS] [--verbose]\n"
		"                  [--ctl SOCKET] [--paused] [--cpus LIST] [--hap 0|1]\n"
		"                  [--max-grant-frames N] [--no-pae] [--no-apic] [--xenstore]\n"
		"                  [--pv-console]\n"
		"Runs one domain: loads the ELF32 loader FILE at its link address, passes the\n"
		"modules through the Xen start info, starts the boot vCPU in 32-bit protected\n"
		"mode and runs until the guest stops. Prints stop=<reason> at the end.\n"
		"--ctl serves the control socket SOCKET; --paused waits for an unpause\n"
		"request on it before the first vCPU runs. --cpus runs the vCPUs only on the\n"
		"host CPUs in LIST (e.g. 0-3,6), as xl's cpus=. Paging is nested (NPT/EPT)\n"
		"where the host's KVM has it on, else shadow; --hap 1 refuses a host without\n"
		"nested paging, --hap 0 asks for shadow paging (KVM decides per host, so a\n"
		"host with nested paging runs it with a warning), as xl's hap=.\n"
		"--max-grant-frames (1 to 64, default 64) bounds the guest's grant table.\n"
		"--no-pae hides PAE and long mode from CPUID (xl's pae=0); --no-apic clears\n"
		"hvm_info's apic_mode, so that a 1-vCPU guest's firmware builds no MP\n"
		"table (xl's apic=0). --xenstore gives the guest a xenstore ring (special page\n"
		"0xfeffc and an event channel for domain 0, in HVM_PARAM_STORE_PFN/EVTCHN),\n"
		"which the toolstack introduces to hvm-xenstored. --pv-console gives it a PV\n"
		"console ring the same way (special page 0xfefff, HVM_PARAM_CONSOLE_PFN/EVTCHN),\n"
		"which QEMU's console backend serves.\n");
}

static int add_module(struct domain_config *cfg, char *arg)
{
	char *comma = strchr(arg, ',');

	if (cfg->nr_modules >= BOOT_MAX_MODULES)
		return -E2BIG;
	if (comma)
		*comma = '\0';
	cfg->modules[cfg->nr_modules].path = arg;
	cfg->modules[cfg->nr_modules].cmdline = comma ? comma + 1 : NULL;
	cfg->nr_modules++;
	return 0;
}

static int parse_one(struct opts *o, int c, char *arg)
{
	uint64_t v;

	switch (c) {
	case 'l':
		o->cfg.loader_path = arg;
		return 0;
	case 'M':
		return add_module(&o->cfg, arg);
	case 'm':
		if (parse_num_u64(arg, 10, 1UL << 20, &v) || v < 2)
			return -EINVAL;
		o->cfg.ram_size = v * MIB;
		return 0;
	case 'c':
		if (parse_num_u64(arg, 10, DOMAIN_MAX_VCPUS, &v) || v == 0)
			return -EINVAL;
		o->cfg.nr_vcpus = (unsigned int)v;
		return 0;
	case 'd':
		if (parse_num_u64(arg, 10, 0x7fef,
				  &v)) /* below DOMID_FIRST_RESERVED */
			return -EINVAL;
		o->cfg.domid = (unsigned int)v;
		return 0;
	case 't':
		if (parse_num_u64(arg, 10, 86400, &v))
			return -EINVAL;
		o->timeout_s = (unsigned int)v;
		return 0;
	case 'v':
		log_set_level(LOG_DEBUG);
		return 0;
	case 's':
		o->ctl_path = arg;
		return 0;
	case 'p':
		o->paused = true;
		return 0;
	case 'H':
		if (parse_num_u64(arg, 10, 1, &v))
			return -EINVAL;
		o->cfg.hap = v ? HOST_KVM_HAP_ON : HOST_KVM_HAP_OFF;
		return 0;
	case 'G':
		if (parse_num_u64(arg, 10, HCALL_GNTTAB_FRAMES, &v) || v == 0)
			return -EINVAL;
		o->cfg.max_grant_frames = (unsigned int)v;
		return 0;
	case 'P':
		o->cfg.no_pae = true;
		return 0;
	case 'A':
		o->cfg.no_apic = true;
		return 0;
	case 'X':
		o->cfg.xenstore = true;
		return 0;
	case 'O':
		o->cfg.pv_console = true;
		return 0;
	case 'C':
		o->cpus_arg = arg;
		return cpu_list_parse(arg, &o->cpus);
	default:
		return -EINVAL;
	}
}

static int parse_opts(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		{"loader", required_argument, NULL, 'l'},
		{"module", required_argument, NULL, 'M'},
		{"memory", required_argument, NULL, 'm'},
		{"vcpus", required_argument, NULL, 'c'},
		{"domid", required_argument, NULL, 'd'},
		{"timeout", required_argument, NULL, 't'},
		{"verbose", no_argument, NULL, 'v'},
		{"ctl", required_argument, NULL, 's'},
		{"paused", no_argument, NULL, 'p'},
		{"cpus", required_argument, NULL, 'C'},
		{"hap", required_argument, NULL, 'H'},
		{"max-grant-frames", required_argument, NULL, 'G'},
		{"no-pae", no_argument, NULL, 'P'},
		{"no-apic", no_argument, NULL, 'A'},
		{"xenstore", no_argument, NULL, 'X'},
		{"pv-console", no_argument, NULL, 'O'},
		{NULL, 0, NULL, 0},
	};
	int c, idx = 0;

	memset(o, 0, sizeof(*o));
	o->cfg.ram_size = 64 * MIB;
	o->cfg.nr_vcpus = 1;
	o->cfg.domid = 1;
	while ((c = getopt_long(argc, argv, "", longopts, &idx)) != -1) {
		if (c == '?') /* getopt has said which option is unknown */
			return -EINVAL;
		if (parse_one(o, c, optarg)) {
			fprintf(stderr, "hvm-domain: bad value '%s' for --%s\n",
				optarg ? optarg : "", longopts[idx].name);
			return -EINVAL;
		}
	}
	if (optind != argc || !o->cfg.loader_path)
		return -EINVAL;
	return 0;
}

/*
 * Where each vCPU was when a timeout, a signal or the toolstack destroyed
 * the domain: a guest that hangs in firmware and one that went astray look
 * alike in the console log.
 */
static void log_vcpus_at_destroy(struct domain *d)
{
	char regs[384], wait[160], timer[96];
	unsigned int i;

	for (i = 0; i < d->nr_vcpus; i++) {
		vcpu_regs_describe(d->vcpus[i]->fd, regs, sizeof(regs));
		vcpu_regs_describe_wait(d->vcpus[i]->fd, wait, sizeof(wait));
		domain_xen_time_describe(d, i, timer, sizeof(timer));
		log_info("domain", "vCPU %u when destroyed: %s; %s; %s", i,
			 regs, wait, timer);
	}
}

/* Waits for the guest to stop, a signal, or the timeout. */
static enum domain_stop supervise(struct domain *d, const sigset_t *sigs,
				  unsigned int timeout_s)
{
	const struct timespec tick = {.tv_nsec = 100 * 1000 * 1000};
	time_t deadline = time(NULL) + timeout_s;
	enum domain_stop why;
	int sig;

	while (__atomic_load_n(&d->stop, __ATOMIC_ACQUIRE) == DOMAIN_RUNNING) {
		sig = sigtimedwait(sigs, NULL, &tick);
		/* A guest that wrote to the screen and halted made no exit. */
		if (domain_coalesced_flush(d, NULL) == -EPROTO)
			domain_stop(
				d, DOMAIN_STOP_CRASH,
				"the device model broke the buffered ioreq ring");
		if (sig == SIGTERM || sig == SIGINT)
			domain_stop(d, DOMAIN_STOP_DESTROYED,
				    "destroyed by signal %d", sig);
		if (timeout_s && time(NULL) >= deadline)
			domain_stop(
				d, DOMAIN_STOP_DESTROYED,
				"destroyed: still running after the %u s timeout",
				timeout_s);
	}
	why = domain_wait(d);
	if (why == DOMAIN_STOP_DESTROYED)
		log_vcpus_at_destroy(d);
	return why;
}

static int exit_status(enum domain_stop why)
{
	if (why == DOMAIN_STOP_POWEROFF)
		return 0;
	/*
	 * A triple fault resets a PC: Xen's default for HVM guests
	 * (HVM_PARAM_TRIPLE_FAULT_REASON) is SHUTDOWN_reboot, and guests
	 * (Linux's last reboot method) rely on it. The log keeps the reason
	 * and the register dump apart.
	 */
	if (why == DOMAIN_STOP_TRIPLE_FAULT)
		return EXIT_REBOOT;
	return why == DOMAIN_STOP_REBOOT ? EXIT_REBOOT : 1;
}

/*
 * Hard affinity for the whole process before any thread exists, so that
 * every vCPU thread inherits it (as xl's cpus= pins every vCPU).
 */
static int pin_cpus(const struct opts *o)
{
	if (sched_setaffinity(0, sizeof(o->cpus), &o->cpus) < 0) {
		log_err("domain",
			"cannot run the vCPUs on host CPUs %s (cpus=): %s; name CPUs this host has online (see /sys/devices/system/cpu/online)",
			o->cpus_arg, strerror(errno));
		return -errno;
	}
	log_info("domain", "vCPUs pinned to host CPUs %s (cpus=)", o->cpus_arg);
	return 0;
}

/* Builds, runs and tears down the domain; returns the exit status. */
static int run(const struct opts *o, const sigset_t *sigs)
{
	struct domain_ctl *ctl = NULL;
	struct domain *d = NULL;
	enum domain_stop why;
	int rc;

	rc = domain_create(&o->cfg, &d);
	if (rc)
		return 1;
	log_info("domain", "created: %llu MiB, %u vCPUs%s",
		 (unsigned long long)(o->cfg.ram_size / MIB), o->cfg.nr_vcpus,
		 o->paused ? ", paused" : "");
	if (o->paused)
		rc = domain_pause(d, true);
	if (!rc && o->ctl_path)
		rc = domain_ctl_start(d, o->ctl_path, &ctl);
	if (!rc)
		rc = domain_start(d);
	if (rc)
		domain_stop(d, DOMAIN_STOP_CRASH, "could not start: %s",
			    strerror(-rc));
	why = supervise(d, sigs, o->timeout_s);
	log_info("domain", "stopped: %s (%s)", domain_stop_name(why),
		 d->detail);
	printf("stop=%s\n", domain_stop_name(why));
	fflush(stdout);
	/*
	 * The control thread goes first: its handlers use the vCPUs. vCPUs
	 * waiting for an ioreq answer have been kicked by the stop.
	 */
	domain_ctl_stop(ctl);
	domain_destroy(d);
	return rc ? 1 : exit_status(why);
}

int main(int argc, char **argv)
{
	char tag[DOMAIN_TAG_MAX];
	struct opts o;
	sigset_t sigs;

	if (parse_opts(argc, argv, &o)) {
		usage(stderr);
		return 2;
	}
	snprintf(tag, sizeof(tag), "d%u", o.cfg.domid);
	log_set_domain(tag);
	if (o.cpus_arg && pin_cpus(&o))
		return 1;
	/* Blocked here, so vCPU threads inherit the mask and main waits. */
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGTERM);
	sigaddset(&sigs, SIGINT);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	return run(&o, &sigs);
}
