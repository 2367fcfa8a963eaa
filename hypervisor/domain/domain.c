/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Domain lifecycle (domain.h): build, start, stop with a reason, wait,
 * destroy. Building checks the host first so a machine that cannot run
 * domains gets one clear message instead of a failing ioctl.
 */
#include "domain_priv.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <xen/sched.h>

#include "hypervisor/debugcon.h"
#include "hypervisor/domain_coalesced.h"
#include "hypervisor/domain_ioreq.h"
#include "hypervisor/domain_irq.h"
#include "hypervisor/hcall.h"
#include "hypervisor/host_kvm.h"
#include "hypervisor/iodelay.h"
#include "hypervisor/log.h"
#include "hypervisor/pmtimer.h"
#include "hypervisor/vcpu.h"
#include "domain_evtchn_backend.h"
#include "vm_kvm.h"

static const char *const stop_names[] = {
	[DOMAIN_RUNNING] = "running",
	[DOMAIN_STOP_POWEROFF] = "poweroff",
	[DOMAIN_STOP_REBOOT] = "reboot",
	[DOMAIN_STOP_CRASH] = "crash",
	[DOMAIN_STOP_TRIPLE_FAULT] = "triple fault",
	[DOMAIN_STOP_DESTROYED] = "destroyed",
};

const char *domain_stop_name(enum domain_stop why)
{
	if ((unsigned int)why >= sizeof(stop_names) / sizeof(stop_names[0]))
		return "unknown";
	return stop_names[why];
}

static int check_host(struct domain *d, enum host_kvm_hap hap)
{
	struct host_kvm_caps caps;
	const char *note;
	char why[1024];
	bool warn;
	int rc;

	d->kvm_fd = host_kvm_open(why, sizeof(why));
	if (d->kvm_fd < 0) {
		log_err("host", "%s", why);
		return d->kvm_fd;
	}
	rc = host_kvm_read_caps(d->kvm_fd, "/sys/module", &caps);
	if (rc) {
		log_err("host", "KVM does not answer on /dev/kvm: %s",
			strerror(-rc));
		return rc;
	}
	if (host_kvm_caps_problems(&caps, hap, why, sizeof(why))) {
		log_err("host", "this host cannot run this domain: %s", why);
		return -ENOTSUP;
	}
	note = host_kvm_paging_note(&caps, hap, &warn);
	if (note && warn)
		log_warn("host", "%s", note);
	else if (note)
		log_info("host", "%s", note);
	return 0;
}

static void console_line(void *opaque, const char *line)
{
	(void)opaque;
	log_info("console", "%s", line);
}

static uint64_t monotonic_ns(void *opaque)
{
	struct timespec ts;

	(void)opaque;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

#define ACPI_SCI_IRQ 9

static void set_sci(void *opaque, bool level)
{
	if (domain_irq_isa(opaque, IRQ_SRC_HV, ACPI_SCI_IRQ, level))
		log_warn("pm", "cannot set the SCI line (ISA IRQ 9)");
}

int domain_place_pm_block(struct domain *d, bool v1)
{
	uint16_t base = v1 ? PMTIMER_BASE_V1 : PMTIMER_BASE_V0;
	int rc;

	/*
	 * PM1a_CNT at +4 belongs to QEMU's PIIX4: claim EVT and TMR only.
	 * Two vCPUs may set the parameter at once: one move at a time.
	 */
	pthread_mutex_lock(&d->lock);
	hv_pio_bus_remove(&d->pio, d->pmtimer);
	rc = hv_pio_bus_add_at(&d->pio, base, 4, d->pmtimer, 0);
	if (!rc)
		rc = hv_pio_bus_add_at(&d->pio, base + 8, 4, d->pmtimer, 8);
	pthread_mutex_unlock(&d->lock);
	if (rc)
		log_err("pm", "cannot place the ACPI PM block at 0x%x: %s",
			base, strerror(-rc));
	return rc;
}

static int add_devices(struct domain *d)
{
	struct pmtimer_env pm = {monotonic_ns, set_sci, d};
	int rc = debugcon_create(console_line, d, &d->debugcon);

	if (!rc)
		rc = hv_pio_bus_add(&d->pio, DEBUGCON_PORT, 1, d->debugcon);
	if (!rc)
		rc = iodelay_create(&d->iodelay);
	if (!rc)
		rc = hv_pio_bus_add(&d->pio, IODELAY_PORT_POST, 1, d->iodelay);
	if (!rc)
		rc = hv_pio_bus_add(&d->pio, IODELAY_PORT_ALT, 1, d->iodelay);
	if (!rc)
		rc = pmtimer_create(&pm, &d->pmtimer);
	if (!rc)
		rc = domain_place_pm_block(d, false);
	return rc;
}

static int check_config(const struct domain_config *cfg)
{
	if (cfg->nr_vcpus == 0 || cfg->nr_vcpus > DOMAIN_MAX_VCPUS) {
		log_err("domain", "vcpus=%u is out of range; use 1 to %d",
			cfg->nr_vcpus, DOMAIN_MAX_VCPUS);
		return -EINVAL;
	}
	if (cfg->max_grant_frames > HCALL_GNTTAB_FRAMES) {
		log_err("domain",
			"max_grant_frames=%u is out of range; use 1 to %d",
			cfg->max_grant_frames, HCALL_GNTTAB_FRAMES);
		return -EINVAL;
	}
	if (!cfg->loader_path || cfg->nr_modules > BOOT_MAX_MODULES) {
		log_err("domain",
			"a loader image and at most %d modules are needed",
			BOOT_MAX_MODULES);
		return -EINVAL;
	}
	return 0;
}

/* xl's max_grant_frames, already checked against HCALL_GNTTAB_FRAMES. */
static int set_grant_frames(struct domain *d, unsigned int max)
{
	int rc = hcall_domain_set_grant_frames(d->hcall, max);

	if (rc)
		log_err("xen", "cannot limit the grant table to %u frames: %s",
			max, strerror(-rc));
	else
		log_info("xen", "the grant table grows to at most %u frames",
			 max);
	return rc;
}

static int build(struct domain *d, const struct domain_config *cfg)
{
	unsigned int i;
	int rc;

	rc = check_host(d, cfg->hap);
	if (rc)
		return rc;
	rc = gmem_create(cfg->ram_size, &d->mem);
	if (rc) {
		log_err("mem",
			"cannot create %llu MiB of guest memory: %s; memory must be a multiple of 4 KiB and at least 2 MiB",
			(unsigned long long)(cfg->ram_size >> 20),
			strerror(-rc));
		return rc;
	}
	rc = vm_kvm_create(d);
	for (i = 0; !rc && i < cfg->nr_vcpus; i++) {
		rc = vcpu_create(d, i, &d->vcpus[i]);
		d->nr_vcpus = rc ? i : i + 1;
	}
	if (!rc)
		rc = domain_evtchn_backend_init(d);
	if (!rc)
		rc = domain_hcall_init(d);
	if (!rc && cfg->max_grant_frames)
		rc = set_grant_frames(d, cfg->max_grant_frames);
	if (!rc && cfg->xenstore)
		rc = domain_xenstore_init(d);
	if (!rc && cfg->pv_console)
		rc = domain_pv_console_init(d);
	if (!rc)
		rc = domain_ioreq_init(d);
	if (!rc)
		rc = domain_coalesced_init(d);
	if (!rc)
		rc = add_devices(d);
	if (!rc)
		rc = domain_load(d, cfg);
	return rc;
}

int domain_create(const struct domain_config *cfg, struct domain **out)
{
	struct domain *d;
	int rc;

	*out = NULL;
	rc = check_config(cfg);
	if (rc)
		return rc;
	d = calloc(1, sizeof(*d));
	if (!d)
		return -ENOMEM;
	d->domid = cfg->domid;
	d->no_pae = cfg->no_pae;
	if (cfg->no_pae)
		log_info("domain", "pae=0: CPUID hides PAE and long mode");
	snprintf(d->tag, sizeof(d->tag), "d%u", cfg->domid);
	d->kvm_fd = d->vm_fd = -1;
	pthread_mutex_init(&d->lock, NULL);
	pthread_rwlock_init(&d->mem_lock, NULL);
	domain_irq_init(d);
	hv_pio_bus_init(&d->pio);
	pthread_cond_init(&d->cond, NULL);
	rc = build(d, cfg);
	if (rc) {
		domain_destroy(d);
		return rc;
	}
	*out = d;
	return 0;
}

int domain_start(struct domain *d)
{
	unsigned int i;
	int rc;

	for (i = 0; i < d->nr_vcpus; i++) {
		rc = vcpu_start(d->vcpus[i]);
		if (rc) {
			domain_stop(d, DOMAIN_STOP_CRASH,
				    "cannot start vCPU %u: %s", i,
				    strerror(-rc));
			return rc;
		}
	}
	return 0;
}

void domain_stop(struct domain *d, enum domain_stop why, const char *fmt, ...)
{
	unsigned int i;
	va_list ap;

	pthread_mutex_lock(&d->lock);
	if (d->stop != DOMAIN_RUNNING) {
		pthread_mutex_unlock(&d->lock);
		return;
	}
	va_start(ap, fmt);
	vsnprintf(d->detail, sizeof(d->detail), fmt, ap);
	va_end(ap);
	__atomic_store_n(&d->stop, why, __ATOMIC_RELEASE);
	pthread_cond_broadcast(&d->cond);
	/*
	 * Kick under the lock: teardown stops the domain (taking the lock)
	 * before it frees vCPUs, so no kick can reach a freed vCPU.
	 */
	for (i = 0; i < d->nr_vcpus; i++)
		vcpu_kick(d->vcpus[i]);
	pthread_mutex_unlock(&d->lock);
}

int domain_pause(struct domain *d, bool pause)
{
	unsigned int i;

	pthread_mutex_lock(&d->lock);
	if (d->stop != DOMAIN_RUNNING) {
		pthread_mutex_unlock(&d->lock);
		return -ESRCH;
	}
	/* Published before the kicks below: a kicked vCPU sees it. */
	__atomic_store_n(&d->paused, pause, __ATOMIC_RELEASE);
	pthread_cond_broadcast(&d->cond);
	/* Out of KVM_RUN; they then block in domain_vcpu_may_run(). */
	for (i = 0; pause && i < d->nr_vcpus; i++)
		vcpu_kick(d->vcpus[i]);
	pthread_mutex_unlock(&d->lock);
	return 0;
}

bool domain_vcpu_may_run(struct domain *d)
{
	bool run;

	/* Called before every KVM_RUN: no lock unless paused or stopping. */
	if (!__atomic_load_n(&d->paused, __ATOMIC_ACQUIRE) &&
	    !domain_is_stopping(d))
		return true;
	pthread_mutex_lock(&d->lock);
	while (d->paused && d->stop == DOMAIN_RUNNING)
		pthread_cond_wait(&d->cond, &d->lock);
	run = d->stop == DOMAIN_RUNNING;
	pthread_mutex_unlock(&d->lock);
	return run;
}

bool domain_is_stopping(const struct domain *d)
{
	return __atomic_load_n(&d->stop, __ATOMIC_ACQUIRE) != DOMAIN_RUNNING;
}

void domain_shutdown(struct domain *d, unsigned int reason, const char *who)
{
	switch (reason) {
	case SHUTDOWN_poweroff:
		domain_stop(d, DOMAIN_STOP_POWEROFF, "%s asked to power off",
			    who);
		break;
	case SHUTDOWN_reboot:
		domain_stop(d, DOMAIN_STOP_REBOOT, "%s asked to reboot", who);
		break;
	default:
		domain_stop(
			d, DOMAIN_STOP_CRASH,
			"%s reported shutdown reason %u (crash, suspend or watchdog)",
			who, reason);
		break;
	}
}

enum domain_stop domain_wait(struct domain *d)
{
	enum domain_stop why;

	pthread_mutex_lock(&d->lock);
	while (d->stop == DOMAIN_RUNNING)
		pthread_cond_wait(&d->cond, &d->lock);
	why = d->stop;
	pthread_mutex_unlock(&d->lock);
	return why;
}

void domain_destroy_vcpus(struct domain *d)
{
	unsigned int i;

	domain_stop(d, DOMAIN_STOP_DESTROYED, "destroyed");
	/*
	 * Every thread ends before any vCPU is freed: a thread may still be
	 * posting a call to another vCPU (vcpu_call()) while it stops.
	 */
	for (i = 0; i < d->nr_vcpus; i++)
		vcpu_join(d->vcpus[i]);
	for (i = 0; i < d->nr_vcpus; i++) {
		vcpu_destroy(d->vcpus[i]);
		d->vcpus[i] = NULL;
	}
	d->nr_vcpus = 0;
}

void domain_destroy(struct domain *d)
{
	if (!d)
		return;
	domain_destroy_vcpus(d);
	if (d->debugcon)
		d->debugcon->ops->destroy(d->debugcon);
	if (d->pmtimer)
		d->pmtimer->ops->destroy(d->pmtimer);
	if (d->iodelay)
		d->iodelay->ops->destroy(d->iodelay);
	hv_pio_bus_destroy(&d->pio);
	domain_coalesced_destroy(d);
	domain_hcall_destroy(d);
	domain_ioreq_destroy(d);
	if (d->vm_fd >= 0)
		close(d->vm_fd);
	domain_evtchn_backend_destroy(d);
	gmem_destroy(d->mem);
	if (d->kvm_fd >= 0)
		close(d->kvm_fd);
	pthread_cond_destroy(&d->cond);
	pthread_rwlock_destroy(&d->mem_lock);
	pthread_mutex_destroy(&d->irq_lock);
	pthread_mutex_destroy(&d->lock);
	free(d);
}
