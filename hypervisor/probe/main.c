/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hvm-kvm-probe: tells whether this machine's KVM can run hvm domains.
 * It checks /dev/kvm, nested paging, KVM_CAP_XEN_HVM and user-space MSR
 * exits, and with --guest runs a freestanding probe guest that must reach
 * long mode with paging and report through the debug and exit ports.
 * Exit status: 0 yes, 1 no (the reason is printed), 2 usage error.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hypervisor/host_kvm.h"
#include "hypervisor/log.h"
#include "hypervisor/parse_num.h"
#include "probe_vm.h"

#define PROBE_DEFAULT_TIMEOUT_MS 5000

struct probe_opts {
	const char *guest;
	unsigned int timeout_ms;
	long expect_exit; /* -1: any exit code passes */
};

static void usage(FILE *f)
{
	fprintf(f,
		"usage: hvm-kvm-probe [--guest FILE] [--expect-exit CODE] [--timeout-ms MS]\n"
		"Checks that this host's KVM can run hvm domains; with --guest, also runs\n"
		"the freestanding probe guest FILE (ELF32), prints what it wrote to port\n"
		"0xe9 and checks the code it wrote to port 0xf4.\n"
		"Exit status: 0 yes, 1 no (with the reason), 2 usage error.\n");
}

static int parse_opts(int argc, char **argv, struct probe_opts *o)
{
	static const struct option longopts[] = {
		{"guest", required_argument, NULL, 'g'},
		{"timeout-ms", required_argument, NULL, 't'},
		{"expect-exit", required_argument, NULL, 'e'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	uint64_t v;
	int c;

	o->guest = NULL;
	o->timeout_ms = PROBE_DEFAULT_TIMEOUT_MS;
	o->expect_exit = -1;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'g':
			o->guest = optarg;
			break;
		case 't':
			if (parse_num_u64(optarg, 0, 600000, &v) || v == 0)
				return -EINVAL;
			o->timeout_ms = (unsigned int)v;
			break;
		case 'e':
			if (parse_num_u64(optarg, 0, 0xffffffffUL, &v))
				return -EINVAL;
			o->expect_exit = (long)v;
			break;
		case 'h':
			usage(stdout);
			exit(0);
		default:
			return -EINVAL;
		}
	}
	return optind == argc ? 0 : -EINVAL;
}

static int check_host(int *kvm_fd)
{
	struct host_kvm_caps caps;
	const char *note;
	char why[1024];
	bool warn;
	int rc;

	*kvm_fd = host_kvm_open(why, sizeof(why));
	if (*kvm_fd < 0) {
		log_err("probe", "%s", why);
		return *kvm_fd;
	}
	rc = host_kvm_read_caps(*kvm_fd, "/sys/module", &caps);
	if (rc) {
		log_err("probe", "KVM does not answer on /dev/kvm: %s",
			strerror(-rc));
		return rc;
	}
	log_info(
		"probe",
		"KVM API %d, %s, nested paging %s, KVM_CAP_XEN_HVM flags 0x%x, user-space MSR exits %s",
		caps.api_version,
		caps.vendor == HOST_KVM_VENDOR_AMD     ? "AMD-V"
		: caps.vendor == HOST_KVM_VENDOR_INTEL ? "VT-x"
						       : "unknown vendor",
		caps.nested_paging ? "on" : "off", caps.xen_hvm_flags,
		caps.user_space_msr ? "yes" : "no");
	if (host_kvm_caps_problems(&caps, HOST_KVM_HAP_DEFAULT, why,
				   sizeof(why))) {
		log_err("probe", "this host cannot run hvm domains: %s", why);
		return -ENOTSUP;
	}
	note = host_kvm_paging_note(&caps, HOST_KVM_HAP_DEFAULT, &warn);
	if (note)
		log_warn("probe", "%s", note);
	return 0;
}

/* Prints the guest's output as "guest: " lines on stdout. */
static void print_guest_output(const struct probe_vm *vm)
{
	const char *p = vm->out, *nl;

	while (*p) {
		nl = strchr(p, '\n');
		if (!nl) {
			printf("guest: %s\n", p);
			break;
		}
		printf("guest: %.*s\n", (int)(nl - p), p);
		p = nl + 1;
	}
}

static int judge(const struct probe_vm *vm, const struct probe_opts *o)
{
	char cpu[256];

	if (vm->result == PROBE_EXITED &&
	    (o->expect_exit < 0 || vm->exit_code == (uint32_t)o->expect_exit)) {
		printf("probe guest exited with code 0x%x after %lu exits\n",
		       vm->exit_code, vm->nr_exits);
		return 0;
	}
	if (vm->result == PROBE_EXITED) {
		log_err("probe", "guest exited with code 0x%x, expected 0x%lx",
			vm->exit_code, (unsigned long)o->expect_exit);
		return -EIO;
	}
	probe_vm_describe_cpu(vm, cpu, sizeof(cpu));
	log_err("probe", "%s; %s; see the guest output above", vm->why, cpu);
	return -EIO;
}

static int run_guest(int kvm_fd, const struct probe_opts *o)
{
	struct probe_vm *vm = NULL;
	int rc;

	rc = probe_vm_create(kvm_fd, &vm);
	if (rc) {
		log_err("probe", "cannot create a VM: %s",
			vm ? vm->why : strerror(-rc));
		return rc;
	}
	rc = probe_vm_load(vm, o->guest);
	if (rc) {
		log_err("probe", "%s", vm->why);
		goto out;
	}
	rc = probe_vm_run(vm, o->timeout_ms);
	print_guest_output(vm);
	fflush(stdout);
	if (rc)
		log_err("probe", "%s", vm->why);
	else
		rc = judge(vm, o);
out:
	probe_vm_destroy(vm);
	return rc;
}

int main(int argc, char **argv)
{
	struct probe_opts o;
	int kvm_fd = -1, rc;

	if (parse_opts(argc, argv, &o)) {
		usage(stderr);
		return 2;
	}
	rc = check_host(&kvm_fd);
	if (!rc && o.guest)
		rc = run_guest(kvm_fd, &o);
	if (kvm_fd >= 0)
		close(kvm_fd);
	return rc ? 1 : 0;
}
