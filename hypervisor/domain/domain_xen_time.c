/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The domain's half of Xen guest time, on KVM's Xen support (api.rst,
 * KVM_XEN_HVM_SET_ATTR and KVM_XEN_VCPU_SET_ATTR):
 *  - the shared_info layout, latched where Xen latches it (hvm_op.c);
 *  - the Xen clock: KVM keeps each vCPU's vcpu_time_info (pvclock) in its
 *    registered vcpu_info current by itself;
 *  - Xen timers: once a vCPU's VIRQ_TIMER is bound, KVM's in-kernel timer
 *    runs its single-shot deadline and raises the port, and answers
 *    set_singleshot_timer, stop_singleshot_timer and set_timer_op without
 *    an exit (vcpu_timer.c keeps what comes before the bind);
 *  - runstate areas, which KVM updates as the vCPU runs, is preempted
 *    and blocks (Linux's steal time), with the update flag of vm_assist;
 *  - the second vcpu_time_info a guest maps for its vDSO, which KVM
 *    keeps current like the one in vcpu_info.
 * Xen vCPU ids are our vCPU ids, set in KVM explicitly: KVM's default is
 * the vCPU's index, but Linux 6.12 takes it before it assigns the index,
 * so every vCPU would be Xen vCPU 0 and KVM would refuse an AP's timer
 * sub-ops with -EINVAL (kvm_vm_ioctl_create_vcpu() runs
 * kvm_arch_vcpu_create() before it sets vcpu_idx).
 */
#include "domain_xen_time.h"
#include "domain_periodic.h"
#include "domain_priv.h"

#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include <linux/kvm.h>

#include "hypervisor/hcall.h"
#include "hypervisor/log.h"
#include "hypervisor/vcpu.h"

/* Linux 6.4+ UAPI; Debian 12's headers (6.1) predate it. */
#ifndef KVM_XEN_HVM_CONFIG_RUNSTATE_UPDATE_FLAG
#define KVM_XEN_HVM_CONFIG_RUNSTATE_UPDATE_FLAG (1 << 6)
#endif
#ifndef KVM_XEN_ATTR_TYPE_RUNSTATE_UPDATE_FLAG
#define KVM_XEN_ATTR_TYPE_RUNSTATE_UPDATE_FLAG 0x5
#endif
#ifndef KVM_XEN_INVALID_GPA
#define KVM_XEN_INVALID_GPA ((uint64_t)-1)
#endif

/* How many shared_info latches are logged per domain. */
#define XEN_TIME_LATCH_LOGS 4

/* What KVM needs for Xen timers and runstate areas (api.rst 4.126). */
#define XEN_TIME_CAPS                                                          \
	(KVM_XEN_HVM_CONFIG_EVTCHN_SEND | KVM_XEN_HVM_CONFIG_RUNSTATE)

const char *domain_xen_time_probe(struct domain *d)
{
	int caps = ioctl(d->vm_fd, KVM_CHECK_EXTENSION, KVM_CAP_XEN_HVM);

	if (caps < 0 || (caps & XEN_TIME_CAPS) != XEN_TIME_CAPS)
		return "this kernel's KVM lacks Xen timers or runstate areas (KVM_XEN_HVM_CONFIG_EVTCHN_SEND and _RUNSTATE, Linux 6.2+ with CONFIG_SCHED_INFO)";
	d->xen_runstate_flag =
		(caps & KVM_XEN_HVM_CONFIG_RUNSTATE_UPDATE_FLAG) != 0;
	return NULL;
}

int domain_xen_time_set_vcpu_ids(struct domain *d)
{
	struct kvm_xen_vcpu_attr a = {.type = KVM_XEN_VCPU_ATTR_TYPE_VCPU_ID};
	unsigned int i;

	for (i = 0; i < d->nr_vcpus; i++) {
		a.u.vcpu_id = i;
		if (ioctl(d->vcpus[i]->fd, KVM_XEN_VCPU_SET_ATTR, &a) < 0)
			return -errno;
	}
	return 0;
}

int domain_xen_time_latch(void *opaque, bool longmode)
{
	struct domain *d = opaque;
	struct kvm_xen_hvm_attr a = {.type = KVM_XEN_ATTR_TYPE_LONG_MODE};
	bool was;

	if (ioctl(d->vm_fd, KVM_XEN_HVM_GET_ATTR, &a) < 0)
		return -errno;
	was = a.u.long_mode;
	a.u.long_mode = longmode;
	/* KVM also moves the wallclock to where the new layout has it. */
	if (ioctl(d->vm_fd, KVM_XEN_HVM_SET_ATTR, &a) < 0)
		return -errno;
	/*
	 * The first latch and the first changes after it: the guest can
	 * repeat the call, and switch modes between calls, at will.
	 */
	if ((was != longmode ||
	     !__atomic_load_n(&d->shinfo_latch_logs, __ATOMIC_RELAXED)) &&
	    __atomic_fetch_add(&d->shinfo_latch_logs, 1, __ATOMIC_RELAXED) <
		    XEN_TIME_LATCH_LOGS)
		log_info(
			"xen",
			"shared_info and vcpu_info in the %s layout (the guest set its callback in %s mode)",
			longmode ? "64-bit" : "32-bit",
			longmode ? "64-bit" : "32-bit");
	return 0;
}

static int vcpu_set_attr(struct vcpu *v, void *arg)
{
	return ioctl(v->fd, KVM_XEN_VCPU_SET_ATTR, arg) < 0 ? -errno : 0;
}

/* On the vCPU's own thread: it may be waiting for its SIPI in KVM_RUN. */
static int set_vcpu_attr(struct domain *d, unsigned int vcpu_id,
			 struct kvm_xen_vcpu_attr *a)
{
	if (vcpu_id >= d->nr_vcpus)
		return -ENOENT;
	return vcpu_call(d->vcpus[vcpu_id], vcpu_set_attr, a);
}

int domain_xen_time_timer_set(void *opaque, unsigned int vcpu_id,
			      unsigned int port, uint64_t expires_ns)
{
	struct kvm_xen_vcpu_attr a = {.type = KVM_XEN_VCPU_ATTR_TYPE_TIMER};

	a.u.timer.port = port;
	a.u.timer.priority = KVM_IRQ_ROUTING_XEN_EVTCHN_PRIO_2LEVEL;
	a.u.timer.expires_ns = expires_ns;
	return set_vcpu_attr(opaque, vcpu_id, &a);
}

/*
 * The guest-physical address of [gva, gva + len) as @caller sees it. KVM
 * maps an area that crosses a page as two guest-physical pages in a row,
 * so the two pages must be that here too.
 */
static int area_gpa(struct domain *d, unsigned int caller, uint64_t gva,
		    size_t len, uint64_t *gpa)
{
	struct kvm_translation first = {.linear_address = gva};
	struct kvm_translation last = {.linear_address = gva + len - 1};
	int fd;

	if (caller >= d->nr_vcpus)
		return -EFAULT;
	fd = d->vcpus[caller]->fd;
	if (ioctl(fd, KVM_TRANSLATE, &first) < 0 || !first.valid ||
	    ioctl(fd, KVM_TRANSLATE, &last) < 0 || !last.valid)
		return -EFAULT;
	if (last.physical_address - first.physical_address != len - 1) {
		log_warn(
			"xen",
			"vCPU %u's runstate or time area at 0x%llx crosses into a page that does not follow it in guest memory; refused",
			caller, (unsigned long long)gva);
		return -EFAULT;
	}
	if (!domain_gpa_is_ram(d, first.physical_address, len))
		return -EFAULT;
	*gpa = first.physical_address;
	return 0;
}

/* Places (or with @gva 0 removes) a per-vCPU area of type @type. */
static int set_vcpu_area(struct domain *d, uint16_t type, unsigned int caller,
			 unsigned int vcpu_id, uint64_t gva, size_t len)
{
	struct kvm_xen_vcpu_attr a = {.type = type};
	uint64_t gpa = KVM_XEN_INVALID_GPA;
	int rc;

	if (gva) {
		rc = area_gpa(d, caller, gva, len, &gpa);
		if (rc)
			return rc;
	}
	a.u.gpa = gpa;
	return set_vcpu_attr(d, vcpu_id, &a);
}

int domain_xen_time_register_runstate(void *opaque, unsigned int caller,
				      unsigned int vcpu_id, uint64_t gva,
				      size_t len)
{
	return set_vcpu_area(opaque, KVM_XEN_VCPU_ATTR_TYPE_RUNSTATE_ADDR,
			     caller, vcpu_id, gva, len);
}

int domain_xen_time_register_time_area(void *opaque, unsigned int caller,
				       unsigned int vcpu_id, uint64_t gva,
				       size_t len)
{
	return set_vcpu_area(opaque, KVM_XEN_VCPU_ATTR_TYPE_VCPU_TIME_INFO,
			     caller, vcpu_id, gva, len);
}

int domain_xen_time_update_flag(void *opaque, bool on)
{
	struct domain *d = opaque;
	struct kvm_xen_hvm_attr a = {
		.type = KVM_XEN_ATTR_TYPE_RUNSTATE_UPDATE_FLAG};

	if (!d->xen_runstate_flag)
		return -EINVAL;
	/* u.runstate_update_flag (6.4+) is the union's first byte. */
	a.u.pad[0] = on;
	return ioctl(d->vm_fd, KVM_XEN_HVM_SET_ATTR, &a) < 0 ? -errno : 0;
}

/* The single-shot timer, as KVM runs it. */
static void describe_singleshot(struct domain *d, unsigned int vcpu_id,
				char *buf, size_t len)
{
	struct kvm_xen_vcpu_attr a = {.type = KVM_XEN_VCPU_ATTR_TYPE_TIMER};
	struct kvm_clock_data now = {0};
	long long due_ms;

	if (vcpu_id >= d->nr_vcpus ||
	    ioctl(d->vcpus[vcpu_id]->fd, KVM_XEN_VCPU_GET_ATTR, &a) < 0) {
		snprintf(buf, len, "Xen timer: none");
		return;
	}
	if (!a.u.timer.port) {
		snprintf(buf, len, "Xen timer: no VIRQ_TIMER bound");
		return;
	}
	if (!a.u.timer.expires_ns || ioctl(d->vm_fd, KVM_GET_CLOCK, &now) < 0) {
		snprintf(buf, len, "Xen timer: VIRQ_TIMER port %u, not armed",
			 a.u.timer.port);
		return;
	}
	due_ms = ((long long)a.u.timer.expires_ns - (long long)now.clock) /
		 1000000;
	snprintf(buf, len, "Xen timer: VIRQ_TIMER port %u, due in %lld ms",
		 a.u.timer.port, due_ms);
}

void domain_xen_time_describe(struct domain *d, unsigned int vcpu_id, char *buf,
			      size_t len)
{
	uint64_t period = domain_periodic_period(d, vcpu_id);
	size_t used;

	describe_singleshot(d, vcpu_id, buf, len);
	used = strlen(buf);
	if (period && used < len)
		snprintf(buf + used, len - used, ", periodic every %llu us",
			 (unsigned long long)(period / 1000));
}
