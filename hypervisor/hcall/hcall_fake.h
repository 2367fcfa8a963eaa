/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A fake domain for the hypercall unit tests: guest memory is a plain
 * buffer where guest virtual address == offset (-EFAULT beyond it), and
 * every other service records its arguments so tests can check them.
 */
#ifndef HYPERVISOR_HCALL_FAKE_H
#define HYPERVISOR_HCALL_FAKE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "hypervisor/hcall.h"

#define FAKE_MEM_SIZE 0x10000
#define FAKE_CONSOLE_SIZE 8192

struct hcall_fake {
	uint8_t mem[FAKE_MEM_SIZE];
	unsigned int nr_copies;
	/* map_shared_info */
	unsigned int nr_shared_info;
	uint64_t shared_info_gfn;
	/* register_vcpu_info */
	unsigned int nr_vcpu_info;
	unsigned int vcpu_info_vcpu;
	uint64_t vcpu_info_gpa;
	/* set_callback_vector */
	unsigned int nr_vector;
	uint8_t vector;
	/* set_vcpu_upcall_vector: the last vector set for each vCPU */
	uint8_t vcpu_vector[4];
	/* console_write: everything written, and the largest single call */
	char console[FAKE_CONSOLE_SIZE];
	size_t console_len;
	size_t console_max_call;
	/* shutdown */
	unsigned int nr_shutdown;
	unsigned int shutdown_reason;
	/* param_set */
	unsigned int nr_param_set;
	unsigned int param_index;
	uint64_t param_value;
	/* Returned by param_set when non-zero. */
	int param_set_rc;
	/*
	 * Event channels: the 2-level bits as shared_info holds them, the
	 * upcalls raised (count and last vCPU), the host routes (send port
	 * -> port, vCPU; 0 = none), and a failure to return from
	 * evtchn_set_pending when non-zero.
	 */
	uint8_t evtchn_pending[HCALL_EVTCHN_PORTS / 8];
	uint8_t evtchn_mask[HCALL_EVTCHN_PORTS / 8];
	unsigned int nr_upcalls;
	unsigned int upcall_vcpu;
	unsigned int route_port[HCALL_EVTCHN_PORTS];
	unsigned int route_vcpu[HCALL_EVTCHN_PORTS];
	int set_pending_rc;
	/*
	 * Backend ports: sends per port, the last update per port (vCPU, or
	 * -1 unbound; -2 never updated), updates in all, and a failure to
	 * return from evtchn_backend_send when non-zero.
	 */
	unsigned int backend_sends[HCALL_EVTCHN_PORTS];
	int backend_vcpu[HCALL_EVTCHN_PORTS];
	unsigned int nr_backend_updates;
	int backend_send_rc;
	/* latch_shinfo_mode */
	unsigned int nr_latch;
	bool latched_longmode;
	/* timer_set: the last call */
	unsigned int nr_timer_set;
	unsigned int timer_vcpu;
	unsigned int timer_port;
	uint64_t timer_expires;
	/* periodic_set: the last call */
	unsigned int nr_periodic_set;
	unsigned int periodic_vcpu;
	uint64_t periodic_ns;
	/* register_runstate: the last call */
	unsigned int nr_runstate;
	unsigned int runstate_caller;
	unsigned int runstate_vcpu;
	uint64_t runstate_gva;
	size_t runstate_len;
	/* register_time_area: the last call */
	unsigned int nr_time_area;
	unsigned int time_area_vcpu;
	uint64_t time_area_gva;
	/* runstate_update_flag */
	unsigned int nr_update_flag;
	bool update_flag;
	/* grant_frames_place: the last call, and a failure to return */
	unsigned int nr_grant_place;
	uint64_t grant_base;
	unsigned int grant_frames;
	int grant_place_rc;
};

/* Reads or sets a bit of the fake's pending or mask array. */
bool hcall_fake_bit(const uint8_t *bits, unsigned int port);
void hcall_fake_set_bit(uint8_t *bits, unsigned int port, bool on);

/* Ops with every service present, backed by a struct hcall_fake. */
extern const struct hcall_ops hcall_fake_ops;

/* Zeroes @f and sets up @d and a vCPU @v (id 0, long mode, CPL 0). */
void hcall_fake_init(struct hcall_fake *f, struct hcall_domain *d,
		     struct hcall_vcpu *v);

/* Dispatches hypercall @nr with up to three arguments. */
long hcall_fake_call(struct hcall_vcpu *v, uint64_t nr, uint64_t a0,
		     uint64_t a1, uint64_t a2);

/* Where stderr went while a test captures log lines. */
struct hcall_fake_capture {
	int saved_stderr;
	FILE *file;
};

/*
 * Redirects stderr into a temporary file until hcall_fake_capture_end(),
 * which restores it and returns how many lines contained @needle.
 */
void hcall_fake_capture_begin(struct hcall_fake_capture *c);
unsigned int hcall_fake_capture_end(struct hcall_fake_capture *c,
				    const char *needle);

#endif /* HYPERVISOR_HCALL_FAKE_H */
