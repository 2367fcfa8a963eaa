/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * One domain: its KVM VM, guest memory, vCPU threads, in-hypervisor
 * devices and why it stopped. One hvm-domain process holds one domain.
 *
 * Threads: domain_start() starts one thread per vCPU; any thread may call
 * domain_stop(); the main thread waits in domain_wait() and then calls
 * domain_destroy(), which joins the vCPU threads.
 */
#ifndef HYPERVISOR_DOMAIN_H
#define HYPERVISOR_DOMAIN_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "hypervisor/boot_info.h"
#include "hypervisor/gmem.h"
#include "hypervisor/host_kvm.h"
#include "hypervisor/hv_dev.h"
#include "hypervisor/irq_lines.h"

#define DOMAIN_MAX_VCPUS 64
#define DOMAIN_TAG_MAX 16
#define DOMAIN_DETAIL_MAX 512

enum domain_stop {
	DOMAIN_RUNNING,
	DOMAIN_STOP_POWEROFF,
	DOMAIN_STOP_REBOOT,
	DOMAIN_STOP_CRASH,	  /* the guest or the hypervisor gave up */
	DOMAIN_STOP_TRIPLE_FAULT, /* a vCPU shut down (triple fault) */
	DOMAIN_STOP_DESTROYED,	  /* the toolstack ended it */
};

struct domain_config {
	unsigned int domid;
	uint64_t ram_size;
	unsigned int nr_vcpus;
	enum host_kvm_hap hap;	       /* xl's hap (host_kvm.h) */
	unsigned int max_grant_frames; /* 0: the default, 64 */
	bool no_pae;		       /* xl's pae=0 */
	bool no_apic;		       /* xl's apic=0 (hvm_info apic_mode) */
	bool xenstore;		       /* a xenstore ring for hvm-xenstored */
	bool pv_console;	       /* a PV console ring for QEMU */
	const char *loader_path;       /* ELF32 image started at its entry */
	unsigned int nr_modules;
	struct {
		const char *path;
		const char *cmdline;
	} modules[BOOT_MAX_MODULES];
};

struct vcpu;
struct hcall_domain;
struct domain_periodic;
struct domain_coalesced;
struct domain_ioreq;
struct domain_evtchn_backend;

struct domain {
	unsigned int domid;
	char tag[DOMAIN_TAG_MAX]; /* "d7", first field of every log line */
	int kvm_fd;
	int vm_fd;
	struct gmem *mem;
	struct hv_pio_bus pio;
	struct hv_dev *debugcon;
	struct hv_dev *pmtimer;
	struct hv_dev *iodelay;
	struct hcall_domain *hcall;
	struct domain_periodic *periodic;   /* Xen periodic timers */
	struct domain_coalesced *coalesced; /* VGA writes KVM gathers */
	struct domain_ioreq *ioreq;
	unsigned int nr_vcpus;
	struct vcpu *vcpus[DOMAIN_MAX_VCPUS];
	pthread_mutex_t lock;
	pthread_cond_t cond;
	/*
	 * Guest memory regions: written by device-model requests, read by
	 * hypercalls that copy guest memory on vCPU threads.
	 */
	pthread_rwlock_t mem_lock;
	/*
	 * Mapping guest memory ahead (domain_mem.h): the regions whose
	 * memslots KVM has not mapped yet (a bit per region index, atomic;
	 * set under the write lock), whether moving a memslot drops only
	 * that slot's mappings (the VM's SLOT_ZAP_ALL quirk is off), and
	 * whether mapping ahead is off for good.
	 */
	uint32_t prefault_todo;
	bool zap_slot_only;
	bool prefault_off;
	/* Atomic: a refused place and a move of the grant frames logged. */
	bool grant_refusal_logged;
	bool grant_move_logged;
	/* Atomic: the NIC bit kept out of an unplug request logged. */
	bool unplug_nics_logged;
	/* vCPU 0's progress: bytes mapped into the first region to do. */
	uint64_t prefault_offset;
	uint64_t prefault_bytes; /* mapped since the last report */
	uint64_t prefault_ms;	 /* and the time it took */
	/* The framebuffer range being dirty-tracked (under mem_lock). */
	struct {
		bool on;
		uint64_t first_pfn;
		uint32_t nr;
	} vram_dirty;
	/*
	 * The guest's shared_info frame plus one (0: none yet; atomic): event
	 * channels find their bits there. A guest may move it in a loop; the
	 * log says so only when it changes.
	 */
	uint64_t shared_info_gfn_plus1;
	/* KVM delivers Xen event channels (domain_evtchn.c). */
	bool xen_evtchn;
	/* xl's pae=0: CPUID hides PAE and long mode (vcpu_cpuid.c). */
	bool no_pae;
	/* Guest ports bound by backends (domain_evtchn_backend.c). */
	struct domain_evtchn_backend *evtchn_backend;
	/* KVM has the runstate update flag (domain_xen_time.c). */
	bool xen_runstate_flag;
	/* Shared_info layout latches logged so far (atomic). */
	unsigned int shinfo_latch_logs;
	pthread_mutex_t irq_lock;
	struct irq_lines irq;  /* under irq_lock: see domain_irq.h */
	enum domain_stop stop; /* under lock; first reason wins */
	bool paused; /* written under lock; read atomically before KVM_RUN */
	char detail[DOMAIN_DETAIL_MAX];
};

/*
 * Builds a domain from @cfg: checks the host, creates the VM, memory and
 * vCPUs, loads the loader and modules and writes the boot info. Nothing
 * runs yet. Returns 0 or a negative errno; errors are logged with what to
 * do.
 */
int domain_create(const struct domain_config *cfg, struct domain **out)
	__attribute__((warn_unused_result));

/* Starts the vCPU threads. */
int domain_start(struct domain *d) __attribute__((warn_unused_result));

/*
 * Records why the domain stops (the first call wins; later ones are
 * ignored) and makes every vCPU leave KVM_RUN. Safe from any thread.
 */
void domain_stop(struct domain *d, enum domain_stop why, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * Pauses or unpauses every vCPU. Pausing returns once no vCPU will enter
 * the guest again until unpaused (a vCPU in the middle of an ioreq
 * finishes it first). Returns 0, or -ESRCH if the domain has stopped.
 */
int domain_pause(struct domain *d, bool pause)
	__attribute__((warn_unused_result));

/*
 * Called by a vCPU thread before it enters the guest: waits while the
 * domain is paused. Returns false if the domain is stopping.
 */
bool domain_vcpu_may_run(struct domain *d);

/* True once domain_stop() was called; cheap, for vCPU loops. */
bool domain_is_stopping(const struct domain *d);

/*
 * Stops the domain for Xen shutdown reason @reason (SHUTDOWN_poweroff,
 * _reboot, anything else is a crash) asked for by @who ("vCPU 0", "the
 * device model"), as SCHEDOP_shutdown and the device model's shutdown
 * request do.
 */
void domain_shutdown(struct domain *d, unsigned int reason, const char *who);

/*
 * Puts the ACPI PM1a event block and PM timer at Xen's second location
 * (0xB000) if @v1, else the first (0x1F40): HVM_PARAM_ACPI_IOPORTS_LOCATION.
 */
int domain_place_pm_block(struct domain *d, bool v1)
	__attribute__((warn_unused_result));

/* Blocks until the domain has stopped; returns why. */
enum domain_stop domain_wait(struct domain *d);

/* A readable name for @why ("poweroff", "triple fault", ...). */
const char *domain_stop_name(enum domain_stop why);

/* Stops the domain if needed and joins its vCPU threads. Idempotent. */
void domain_destroy_vcpus(struct domain *d);

/* Stops the vCPU threads if needed and frees everything; accepts NULL. */
void domain_destroy(struct domain *d);

#endif /* HYPERVISOR_DOMAIN_H */
