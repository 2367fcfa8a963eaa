/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test-host helper: holds one idle KVM VM open for the life of the test host.
 *
 * Why: creating the first VM and destroying the last one flip kernel static
 * keys (the scheduler's preempt-notifier key, KVM's LAPIC and Xen keys), and
 * each flip live-patches kernel text. Under QEMU's multi-threaded TCG another
 * vCPU of the test host can keep executing a stale translation of the patched
 * bytes and die on the transient int3 ("Oops: int3" in __schedule). With a VM
 * that has an in-kernel irqchip, a vCPU and the Xen MSR configured held open,
 * those keys stay enabled, so the VMs the tests create and destroy no longer
 * patch kernel text while both test-host CPUs are busy.
 *
 * Usage: kvm-pin   (forks into the background once the VM exists; exit 0,
 *                   or 1 with a reason)
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/kvm.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* Any MSR index outside the architectural ranges will do; nothing runs. */
#define PIN_XEN_HYPERCALL_MSR 0x40000200u

static int fail(const char *what)
{
	fprintf(stderr, "kvm-pin: %s: %s\n", what, strerror(errno));
	return 1;
}

int main(void)
{
	int kvm = open("/dev/kvm", O_RDWR | O_CLOEXEC);
	if (kvm < 0)
		return fail("cannot open /dev/kvm");
	int vm = ioctl(kvm, KVM_CREATE_VM, 0);
	if (vm < 0)
		return fail("KVM_CREATE_VM");
	if (ioctl(vm, KVM_CREATE_IRQCHIP, 0) < 0)
		return fail("KVM_CREATE_IRQCHIP");
	struct kvm_xen_hvm_config xen = {.msr = PIN_XEN_HYPERCALL_MSR};
	if (ioctl(vm, KVM_XEN_HVM_CONFIG, &xen) < 0)
		fprintf(stderr,
			"kvm-pin: KVM_XEN_HVM_CONFIG: %s (continuing)\n",
			strerror(errno));
	if (ioctl(vm, KVM_CREATE_VCPU, 0) < 0)
		return fail("KVM_CREATE_VCPU");

	pid_t pid = fork();
	if (pid < 0)
		return fail("fork");
	if (pid > 0)
		return 0;
	setsid();
	for (;;)
		pause();
}
