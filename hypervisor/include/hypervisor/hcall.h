/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Xen hypercalls of an HVM domain: a table-driven dispatcher that decodes
 * the hypercalls hvmloader, SeaBIOS and a Linux HVM guest make (xen_version,
 * memory_op, hvm_op, vcpu_op, console_io, sched_op) and answers them with
 * Xen errno values. The logic is pure: it reaches guest memory and the rest
 * of the domain only through the callbacks in struct hcall_ops, so it is
 * unit-tested without KVM. The KVM_EXIT_XEN path calls hcall_dispatch().
 * Event channels (event_channel.c) keep their port table here; the bits
 * in the guest's shared_info and the upcall belong to the domain's ops.
 * The grant table (grant_table.c) is the guest's own, version 1; its
 * frames are the host's, placed where the guest maps them.
 */
#ifndef HYPERVISOR_HCALL_H
#define HYPERVISOR_HCALL_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <xen/xen.h>
#include <xen/hvm/params.h>

/* Hypercall arguments in registers (Xen: rdi..r9, or ebx..ebp for i386). */
#define HCALL_MAX_ARGS 6

/*
 * Xen's hypercall numbers are 0..63 (xen.h, __HYPERVISOR_*). Numbers above
 * that share one "logged once" slot.
 */
#define HCALL_NR_HYPERCALLS 64

/* Largest guest E820 map we return; hvmloader passes a 128-entry buffer. */
#define HCALL_E820_MAX 128

/* The Xen version we report (XENVER_version, CPUID leaf 0x40000001). */
#define HCALL_XEN_MAJOR 4
#define HCALL_XEN_MINOR 17

/* Bytes of one CONSOLEIO_write we pass on; the rest is dropped. */
#define HCALL_CONSOLE_WRITE_MAX 4096

/*
 * Event channel ports of a domain, port 0 reserved as in Xen: xl.cfg's
 * default max_event_channels (1023 usable ports), which is also what the
 * 2-level ABI gives a 32-bit guest (32 x 32 bits).
 */
#define HCALL_EVTCHN_PORTS 1024

/* The most vCPUs a domain may have (Xen's HVM_MAX_VCPUS is 128). */
#define HCALL_MAX_VCPUS 64

/*
 * Grant-table frames of a domain: Xen's default max_grant_frames (64,
 * 32768 v1 entries), and the one frame a table starts with on x86
 * (INITIAL_NR_GRANT_FRAMES).
 */
#define HCALL_GNTTAB_FRAMES 64
#define HCALL_GNTTAB_INITIAL_FRAMES 1

/* One event channel port (state values are private to event_channel.c). */
struct hcall_evtchn {
	uint8_t state;
	uint8_t virq;	       /* bound VIRQ_* */
	uint8_t backend;       /* interdomain, bound by a host-side backend */
	uint16_t remote_port;  /* the other end of a loopback channel */
	uint16_t remote_domid; /* who may bind an unbound port */
	uint32_t notify_vcpu;  /* the vCPU its events go to */
};

/* One entry of the map returned by XENMEM_memory_map (BIOS E820 layout). */
struct hcall_e820_entry {
	uint64_t addr;
	uint64_t size;
	uint32_t type;
} __attribute__((packed));

/*
 * Services the domain provides. Every member is optional; a missing one makes
 * the hypercall that needs it fail cleanly (-XEN_EFAULT for the copies,
 * -XEN_ENOSYS for the others). All are called from vCPU threads, possibly
 * from several at once, and must be thread-safe. Unless noted, a callback
 * returns 0 or a negative errno, which is converted and given to the guest.
 */
struct hcall_ops {
	/*
	 * Copy @len bytes between guest virtual address @gva of vCPU @vcpu_id
	 * (translated through its current page tables, or linear while paging
	 * is off) and a host buffer. Return 0 or -EFAULT; anything else is
	 * treated as -EFAULT. The range never wraps the guest address space.
	 */
	int (*copy_from_guest)(void *opaque, unsigned int vcpu_id, void *dst,
			       uint64_t gva, size_t len);
	int (*copy_to_guest)(void *opaque, unsigned int vcpu_id, uint64_t gva,
			     const void *src, size_t len);
	/* Place the shared_info page at guest frame @gfn (unchecked value). */
	int (*map_shared_info)(void *opaque, uint64_t gfn);
	/*
	 * Place vCPU @vcpu_id's vcpu_info at guest-physical @gpa. The range
	 * [gpa, gpa + sizeof(struct vcpu_info)) is already checked to lie in
	 * one page and to be aligned. Return -EINVAL if it is already
	 * registered or @gpa is not RAM (as Xen does).
	 */
	int (*register_vcpu_info)(void *opaque, unsigned int vcpu_id,
				  uint64_t gpa);
	/* Deliver event upcalls on @vector (0x10..0xff); 0 turns them off. */
	int (*set_callback_vector)(void *opaque, uint8_t vector);
	/*
	 * Deliver vCPU @vcpu_id's upcalls on local APIC @vector (0x10..0xff,
	 * the guest EOIs it), before the domain-wide callback vector.
	 */
	int (*set_vcpu_upcall_vector)(void *opaque, unsigned int vcpu_id,
				      uint8_t vector);
	/*
	 * Raw guest console bytes: not NUL-terminated, may hold control
	 * characters; the sink escapes them before showing them to anyone.
	 */
	int (*console_write)(void *opaque, const char *buf, size_t len);
	/*
	 * SCHEDOP_shutdown from vCPU @vcpu_id with a valid SHUTDOWN_* @reason.
	 * On 0 the domain must stop running its vCPUs (the hypercall still
	 * returns 0 to the caller's run loop, which checks the domain state
	 * before it resumes the vCPU, like Xen never returning to the guest).
	 */
	int (*shutdown)(void *opaque, unsigned int vcpu_id,
			unsigned int reason);
	/*
	 * The guest set HVM parameter @index (other than CALLBACK_IRQ) to a
	 * value already checked here. On error the old value stays.
	 */
	int (*param_set)(void *opaque, unsigned int index, uint64_t value);
	/*
	 * Event channels, 2-level ABI (event_channel.c). All three take a
	 * port below HCALL_EVTCHN_PORTS and a valid vCPU, and touch only
	 * the guest's shared_info and vcpu_info. evtchn_set_pending raises
	 * @port as Xen does: its pending bit and, unless it is masked, the
	 * vCPU's selector bit, upcall flag and upcall. evtchn_unmask clears
	 * the mask bit and raises the upcall if the port was masked and is
	 * pending. evtchn_clear clears the pending bit of a closed port.
	 * Without evtchn_set_pending the domain has no event channels.
	 */
	int (*evtchn_set_pending)(void *opaque, unsigned int port,
				  unsigned int vcpu_id);
	int (*evtchn_unmask)(void *opaque, unsigned int port,
			     unsigned int vcpu_id);
	int (*evtchn_clear)(void *opaque, unsigned int port);
	/*
	 * Optional fast path: let the host deliver the guest's EVTCHNOP_send
	 * on @send_port to @port on @vcpu_id without leaving the kernel;
	 * @port 0 removes the route. Errors are ignored: sends then come to
	 * event_channel.c, which delivers them through evtchn_set_pending.
	 */
	int (*evtchn_route)(void *opaque, unsigned int send_port,
			    unsigned int port, unsigned int vcpu_id);
	/*
	 * Interdomain channels whose other end is a backend outside the
	 * domain (the device model, xenstored: a process of domain 0),
	 * bound with hcall_domain_evtchn_bind_backend(). The guest sent on
	 * @port (a send the host did not take itself). And: @port now
	 * notifies vCPU @vcpu_id, or is no longer bound to its backend
	 * (@vcpu_id -1: the guest closed it), called under the port lock
	 * so that calls for one port come in order. Without
	 * evtchn_backend_send no backend can bind.
	 */
	int (*evtchn_backend_send)(void *opaque, unsigned int port);
	void (*evtchn_backend_update)(void *opaque, unsigned int port,
				      int vcpu_id);
	/*
	 * The guest set HVM_PARAM_CALLBACK_IRQ from a vCPU in 64-bit mode
	 * (@longmode) or not: shared_info and vcpu_info take that layout
	 * from now on. This is where Xen 4.17 latches it
	 * (hvm_latch_shinfo_size(), also run when the hypercall page is
	 * written, which KVM latches by itself).
	 */
	int (*latch_shinfo_mode)(void *opaque, bool longmode);
	/*
	 * Xen timers (vcpu_timer.c). vCPU @vcpu_id's VIRQ_TIMER is now
	 * @port (0: unbound) and its single-shot timer is due at
	 * @expires_ns of Xen system time (0: not armed). With a port bound
	 * the host runs the timer and raises the port when it is due.
	 */
	int (*timer_set)(void *opaque, unsigned int vcpu_id, unsigned int port,
			 uint64_t expires_ns);
	/*
	 * VCPUOP_set_periodic_timer / stop_periodic_timer: vCPU @vcpu_id's
	 * periodic timer ticks every @period_ns (1 ms .. 2^62 ns, checked
	 * here; 0: stopped). The host sends each tick through
	 * hcall_domain_send_virq_timer(). Without it, setting one is
	 * refused with -ENOSYS.
	 */
	int (*periodic_set)(void *opaque, unsigned int vcpu_id,
			    uint64_t period_ns);
	/*
	 * VCPUOP_register_runstate_memory_area from vCPU @caller: keep vCPU
	 * @vcpu_id's struct vcpu_runstate_info (@len bytes in the caller's
	 * ABI) at guest virtual address @gva of @caller (0: stop). Return
	 * -EFAULT if it is not RAM.
	 */
	int (*register_runstate)(void *opaque, unsigned int caller,
				 unsigned int vcpu_id, uint64_t gva,
				 size_t len);
	/*
	 * VCPUOP_register_vcpu_time_memory_area, the same way: a second copy
	 * of vCPU @vcpu_id's vcpu_time_info (@len bytes) that the guest maps
	 * for its vDSO.
	 */
	int (*register_time_area)(void *opaque, unsigned int caller,
				  unsigned int vcpu_id, uint64_t gva,
				  size_t len);
	/* VMASST_TYPE_runstate_update_flag turned on or off. */
	int (*runstate_update_flag)(void *opaque, bool on);
	/*
	 * Map the domain's @nr_frames grant-table frames at guest frames
	 * [@base_gfn, @base_gfn + @nr_frames), frame i at @base_gfn + i,
	 * moving them if they are mapped elsewhere (@base_gfn unchecked).
	 * Return 0, or -EINVAL where the range is not free (RAM, another
	 * region, beyond the guest-physical space). Without it the domain
	 * has no grant table: grant_table_op answers -ENOSYS.
	 */
	int (*grant_frames_place)(void *opaque, uint64_t base_gfn,
				  unsigned int nr_frames);
};

/*
 * The guest's grant table: how many frames it has (grows up to max_frames,
 * never shrinks) and where they are mapped, under lock.
 */
struct hcall_gnttab {
	pthread_mutex_t lock;
	uint32_t nr_frames;
	uint32_t max_frames; /* 0: no grant table */
	bool mapped;	     /* frame i is at base_gfn + i */
	bool moved_logged;
	uint64_t base_gfn;
};

/*
 * One vCPU's Xen timer as the guest set it while no VIRQ_TIMER port was
 * bound (the host owns it once one is), and whether the host must be
 * told of a change (see vcpu_timer.c).
 */
struct hcall_vcpu_timer {
	uint64_t expires_ns;
	uint32_t port;
	bool dirty;
};

/*
 * Per-domain hypercall state. Set it up with hcall_domain_init() and the
 * setters below before the first vCPU runs; after that only the dispatcher
 * changes it (params and the log bitmaps are updated atomically).
 */
struct hcall_domain {
	const struct hcall_ops *ops;
	void *opaque;
	uint16_t domid;
	unsigned int max_vcpus;
	uint32_t xen_major;
	uint32_t xen_minor;
	/* XENVER_get_features submap 0: XENFEAT_* bits we really implement. */
	uint32_t features;
	/* The domain's UUID, returned by XENVER_guest_handle. */
	xen_domain_handle_t handle;
	uint64_t params[HVM_NR_PARAMS];
	/* Event channels: the port table, under evtchn_lock. */
	bool evtchn_enabled;
	bool evtchn_fail_logged;
	bool timer_fail_logged; /* atomic */
	/* A vCPU has its own upcall vector (HVMOP_set_evtchn_upcall_vector). */
	bool percpu_upcall;
	pthread_mutex_t evtchn_lock;
	struct hcall_evtchn evtchn[HCALL_EVTCHN_PORTS];
	/* Per-vCPU Xen timers, also under evtchn_lock. */
	struct hcall_vcpu_timer timers[HCALL_MAX_VCPUS];
	struct hcall_gnttab gnttab;
	struct hcall_e820_entry e820[HCALL_E820_MAX];
	unsigned int nr_e820;
	/* Bit n: unknown hypercall n logged (bit 64: any number >= 64). */
	uint64_t unknown_logged[2];
	/* Bit s of word n: unknown sub-op s of hypercall n logged (63: >= 63).
	 */
	uint64_t unknown_subop_logged[HCALL_NR_HYPERCALLS];
};

/* The calling vCPU, as the KVM exit path sees it. */
struct hcall_vcpu {
	struct hcall_domain *d;
	unsigned int id;
	/* The vCPU is in 64-bit mode; otherwise the 32-bit ABI applies. */
	bool longmode;
	/* Current privilege level; Xen refuses hypercalls from CPL > 0. */
	uint8_t cpl;
};

/*
 * Resets @d for domain @domid with @max_vcpus vCPUs. Reports Xen 4.17 and
 * the XENFEAT_* bits backed by this code and @ops (see xen_version.c),
 * XENFEAT_hvm_safe_pvclock among them when @ops back the Xen timers and
 * runstate areas. @max_vcpus is capped at HCALL_MAX_VCPUS. @ops may be
 * NULL (no services) and must outlive @d.
 */
void hcall_domain_init(struct hcall_domain *d, uint16_t domid,
		       unsigned int max_vcpus, const struct hcall_ops *ops,
		       void *opaque);

/*
 * Turns event channels off (event_channel_op returns -ENOSYS, and
 * XENFEAT_hvm_callback_vector is no longer offered), for hosts that
 * cannot deliver events. Call it before the first vCPU runs.
 */
void hcall_domain_disable_evtchn(struct hcall_domain *d);

/*
 * Withdraws XENFEAT_hvm_safe_pvclock, for hosts that cannot run Xen timers
 * or runstate areas: Linux then keeps its LAPIC timer and native clocks
 * (it BUG()s if a runstate area it was promised cannot be registered).
 * Call it before the first vCPU runs.
 */
void hcall_domain_disable_pv_time(struct hcall_domain *d);

/*
 * xl's max_grant_frames: the guest's grant table grows to at most @max
 * frames (default HCALL_GNTTAB_FRAMES), which is also the block mapped
 * where the guest places its frames. Call it before the first vCPU runs.
 * Returns 0, -EINVAL outside 1..HCALL_GNTTAB_FRAMES, or -ENOSYS if the
 * domain has no grant table.
 */
int hcall_domain_set_grant_frames(struct hcall_domain *d, unsigned int max)
	__attribute__((warn_unused_result));

/*
 * Sets the map XENMEM_memory_map returns (copied). Returns 0, or -EINVAL
 * if @nr is 0 or above HCALL_E820_MAX.
 */
int hcall_domain_set_e820(struct hcall_domain *d,
			  const struct hcall_e820_entry *map, unsigned int nr)
	__attribute__((warn_unused_result));

/*
 * Toolstack access to HVM parameters (no guest permission checks), e.g.
 * HVM_PARAM_STORE_PFN. Return 0, or -EINVAL if @index >= HVM_NR_PARAMS.
 */
int hcall_domain_set_param(struct hcall_domain *d, unsigned int index,
			   uint64_t value) __attribute__((warn_unused_result));
int hcall_domain_get_param(const struct hcall_domain *d, unsigned int index,
			   uint64_t *value) __attribute__((warn_unused_result));

/*
 * Raises vCPU @vcpu_id's VIRQ_TIMER port, if the guest has bound one
 * (what Xen's send_timer_event() does), for the host's periodic timer.
 * Returns true if a port was raised. Safe from any thread.
 */
bool hcall_domain_send_virq_timer(struct hcall_domain *d, unsigned int vcpu_id);

/*
 * A backend of domain @backend_domid (0: a host-side process) binds the
 * guest's @port, which the guest allocated unbound for that domain
 * (EVTCHNOP_alloc_unbound): the port becomes interdomain, its sends go to
 * ops->evtchn_backend_send and ops->evtchn_backend_update learns of it
 * before this returns. Binding a port already bound to that backend
 * binds it again (a backend that restarted). Returns 0, -ENOSYS without
 * event channels or backend support, or -EINVAL if @port is not an
 * unbound or backend port of the guest for @backend_domid (Xen's answer).
 */
int hcall_domain_evtchn_bind_backend(struct hcall_domain *d, unsigned int port,
				     uint16_t backend_domid)
	__attribute__((warn_unused_result));

/*
 * The toolstack allocates a port of the guest unbound for domain
 * @remote_domid, as xc_evtchn_alloc_unbound() does for the xenstore ring
 * (HVM_PARAM_STORE_EVTCHN). Returns the port, -ENOSYS without event
 * channels or -ENOSPC.
 */
long hcall_domain_evtchn_alloc_unbound(struct hcall_domain *d,
				       uint16_t remote_domid)
	__attribute__((warn_unused_result));

/*
 * Runs hypercall @nr with @args for vCPU @v and returns what goes into the
 * guest's RAX/EAX: a non-negative result or a negative Xen errno
 * (-XEN_ENOSYS for unknown hypercalls, logged once per domain and number;
 * -XEN_EPERM from CPL > 0). In 32-bit mode @nr and @args are truncated to
 * 32 bits. Never fails on the host side; safe to call from several vCPU
 * threads at once.
 */
long hcall_dispatch(struct hcall_vcpu *v, uint64_t nr,
		    const uint64_t args[HCALL_MAX_ARGS]);

/*
 * The one conversion to the guest ABI: a negative host errno becomes the
 * negative Xen errno of the same name (xen/errno.h), an unknown one
 * -XEN_EIO; non-negative values pass through.
 */
long hcall_xen_errno(long rc);

#endif /* HYPERVISOR_HCALL_H */
