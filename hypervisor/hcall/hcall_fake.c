/* SPDX-License-Identifier: GPL-2.0-only */
/* The fake domain behind hcall_fake.h, for unit tests only. */
#include "hcall_fake.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define FAKE_DOMID 7
#define FAKE_MAX_VCPUS 4

static bool in_mem(uint64_t gva, size_t len)
{
	return len <= FAKE_MEM_SIZE && gva <= FAKE_MEM_SIZE - len;
}

static int fake_copy_from(void *opaque, unsigned int vcpu_id, void *dst,
			  uint64_t gva, size_t len)
{
	struct hcall_fake *f = opaque;

	(void)vcpu_id;
	f->nr_copies++;
	if (!in_mem(gva, len))
		return -EFAULT;
	memcpy(dst, f->mem + gva, len);
	return 0;
}

static int fake_copy_to(void *opaque, unsigned int vcpu_id, uint64_t gva,
			const void *src, size_t len)
{
	struct hcall_fake *f = opaque;

	(void)vcpu_id;
	f->nr_copies++;
	if (!in_mem(gva, len))
		return -EFAULT;
	memcpy(f->mem + gva, src, len);
	return 0;
}

static int fake_map_shared_info(void *opaque, uint64_t gfn)
{
	struct hcall_fake *f = opaque;

	f->nr_shared_info++;
	f->shared_info_gfn = gfn;
	return 0;
}

static int fake_register_vcpu_info(void *opaque, unsigned int vcpu_id,
				   uint64_t gpa)
{
	struct hcall_fake *f = opaque;

	f->nr_vcpu_info++;
	f->vcpu_info_vcpu = vcpu_id;
	f->vcpu_info_gpa = gpa;
	return 0;
}

static int fake_set_callback_vector(void *opaque, uint8_t vector)
{
	struct hcall_fake *f = opaque;

	f->nr_vector++;
	f->vector = vector;
	return 0;
}

static int fake_set_vcpu_upcall_vector(void *opaque, unsigned int vcpu_id,
				       uint8_t vector)
{
	struct hcall_fake *f = opaque;

	if (vcpu_id >= sizeof(f->vcpu_vector))
		return -ENOENT;
	f->vcpu_vector[vcpu_id] = vector;
	return 0;
}

static int fake_console_write(void *opaque, const char *buf, size_t len)
{
	struct hcall_fake *f = opaque;

	if (len > f->console_max_call)
		f->console_max_call = len;
	if (len > sizeof(f->console) - f->console_len)
		return -ENOSPC;
	memcpy(f->console + f->console_len, buf, len);
	f->console_len += len;
	return 0;
}

static int fake_shutdown(void *opaque, unsigned int vcpu_id,
			 unsigned int reason)
{
	struct hcall_fake *f = opaque;

	(void)vcpu_id;
	f->nr_shutdown++;
	f->shutdown_reason = reason;
	return 0;
}

static int fake_param_set(void *opaque, unsigned int index, uint64_t value)
{
	struct hcall_fake *f = opaque;

	if (f->param_set_rc)
		return f->param_set_rc;
	f->nr_param_set++;
	f->param_index = index;
	f->param_value = value;
	return 0;
}

bool hcall_fake_bit(const uint8_t *bits, unsigned int port)
{
	return bits[port / 8] & (1U << (port % 8));
}

void hcall_fake_set_bit(uint8_t *bits, unsigned int port, bool on)
{
	if (on)
		bits[port / 8] |= (uint8_t)(1U << (port % 8));
	else
		bits[port / 8] &= (uint8_t) ~(1U << (port % 8));
}

/* Xen's 2-level rule, without the selector word: upcall if unmasked. */
static int fake_evtchn_set_pending(void *opaque, unsigned int port,
				   unsigned int vcpu_id)
{
	struct hcall_fake *f = opaque;

	if (f->set_pending_rc)
		return f->set_pending_rc;
	if (hcall_fake_bit(f->evtchn_pending, port))
		return 0;
	hcall_fake_set_bit(f->evtchn_pending, port, true);
	if (!hcall_fake_bit(f->evtchn_mask, port)) {
		f->nr_upcalls++;
		f->upcall_vcpu = vcpu_id;
	}
	return 0;
}

static int fake_evtchn_unmask(void *opaque, unsigned int port,
			      unsigned int vcpu_id)
{
	struct hcall_fake *f = opaque;
	bool was_masked = hcall_fake_bit(f->evtchn_mask, port);

	hcall_fake_set_bit(f->evtchn_mask, port, false);
	if (was_masked && hcall_fake_bit(f->evtchn_pending, port)) {
		f->nr_upcalls++;
		f->upcall_vcpu = vcpu_id;
	}
	return 0;
}

static int fake_evtchn_clear(void *opaque, unsigned int port)
{
	struct hcall_fake *f = opaque;

	hcall_fake_set_bit(f->evtchn_pending, port, false);
	return 0;
}

static int fake_evtchn_route(void *opaque, unsigned int send_port,
			     unsigned int port, unsigned int vcpu_id)
{
	struct hcall_fake *f = opaque;

	f->route_port[send_port] = port;
	f->route_vcpu[send_port] = vcpu_id;
	return 0;
}

static int fake_evtchn_backend_send(void *opaque, unsigned int port)
{
	struct hcall_fake *f = opaque;

	if (f->backend_send_rc)
		return f->backend_send_rc;
	f->backend_sends[port]++;
	return 0;
}

static void fake_evtchn_backend_update(void *opaque, unsigned int port,
				       int vcpu_id)
{
	struct hcall_fake *f = opaque;

	f->backend_vcpu[port] = vcpu_id;
	f->nr_backend_updates++;
}

static int fake_latch_shinfo_mode(void *opaque, bool longmode)
{
	struct hcall_fake *f = opaque;

	f->nr_latch++;
	f->latched_longmode = longmode;
	return 0;
}

static int fake_timer_set(void *opaque, unsigned int vcpu_id, unsigned int port,
			  uint64_t expires_ns)
{
	struct hcall_fake *f = opaque;

	f->nr_timer_set++;
	f->timer_vcpu = vcpu_id;
	f->timer_port = port;
	f->timer_expires = expires_ns;
	return 0;
}

static int fake_periodic_set(void *opaque, unsigned int vcpu_id,
			     uint64_t period_ns)
{
	struct hcall_fake *f = opaque;

	f->nr_periodic_set++;
	f->periodic_vcpu = vcpu_id;
	f->periodic_ns = period_ns;
	return 0;
}

static int fake_register_runstate(void *opaque, unsigned int caller,
				  unsigned int vcpu_id, uint64_t gva,
				  size_t len)
{
	struct hcall_fake *f = opaque;

	f->nr_runstate++;
	f->runstate_caller = caller;
	f->runstate_vcpu = vcpu_id;
	f->runstate_gva = gva;
	f->runstate_len = len;
	return 0;
}

static int fake_register_time_area(void *opaque, unsigned int caller,
				   unsigned int vcpu_id, uint64_t gva,
				   size_t len)
{
	struct hcall_fake *f = opaque;

	f->nr_time_area++;
	f->time_area_vcpu = vcpu_id;
	f->time_area_gva = gva;
	(void)caller;
	(void)len;
	return 0;
}

static int fake_runstate_update_flag(void *opaque, bool on)
{
	struct hcall_fake *f = opaque;

	f->nr_update_flag++;
	f->update_flag = on;
	return 0;
}

static int fake_grant_frames_place(void *opaque, uint64_t base_gfn,
				   unsigned int nr_frames)
{
	struct hcall_fake *f = opaque;

	f->nr_grant_place++;
	if (f->grant_place_rc)
		return f->grant_place_rc;
	f->grant_base = base_gfn;
	f->grant_frames = nr_frames;
	return 0;
}

const struct hcall_ops hcall_fake_ops = {
	.grant_frames_place = fake_grant_frames_place,
	.latch_shinfo_mode = fake_latch_shinfo_mode,
	.timer_set = fake_timer_set,
	.periodic_set = fake_periodic_set,
	.register_runstate = fake_register_runstate,
	.register_time_area = fake_register_time_area,
	.runstate_update_flag = fake_runstate_update_flag,
	.copy_from_guest = fake_copy_from,
	.copy_to_guest = fake_copy_to,
	.map_shared_info = fake_map_shared_info,
	.register_vcpu_info = fake_register_vcpu_info,
	.set_callback_vector = fake_set_callback_vector,
	.set_vcpu_upcall_vector = fake_set_vcpu_upcall_vector,
	.console_write = fake_console_write,
	.shutdown = fake_shutdown,
	.param_set = fake_param_set,
	.evtchn_set_pending = fake_evtchn_set_pending,
	.evtchn_unmask = fake_evtchn_unmask,
	.evtchn_clear = fake_evtchn_clear,
	.evtchn_route = fake_evtchn_route,
	.evtchn_backend_send = fake_evtchn_backend_send,
	.evtchn_backend_update = fake_evtchn_backend_update,
};

void hcall_fake_init(struct hcall_fake *f, struct hcall_domain *d,
		     struct hcall_vcpu *v)
{
	unsigned int i;

	memset(f, 0, sizeof(*f));
	for (i = 0; i < HCALL_EVTCHN_PORTS; i++)
		f->backend_vcpu[i] = -2;
	hcall_domain_init(d, FAKE_DOMID, FAKE_MAX_VCPUS, &hcall_fake_ops, f);
	*v = (struct hcall_vcpu){.d = d, .id = 0, .longmode = true};
}

long hcall_fake_call(struct hcall_vcpu *v, uint64_t nr, uint64_t a0,
		     uint64_t a1, uint64_t a2)
{
	const uint64_t args[HCALL_MAX_ARGS] = {a0, a1, a2};

	return hcall_dispatch(v, nr, args);
}

void hcall_fake_capture_begin(struct hcall_fake_capture *c)
{
	fflush(stderr);
	c->file = tmpfile();
	c->saved_stderr = dup(STDERR_FILENO);
	if (c->file && c->saved_stderr >= 0)
		dup2(fileno(c->file), STDERR_FILENO);
}

unsigned int hcall_fake_capture_end(struct hcall_fake_capture *c,
				    const char *needle)
{
	char line[1024];
	unsigned int n = 0;

	fflush(stderr);
	if (c->saved_stderr >= 0) {
		dup2(c->saved_stderr, STDERR_FILENO);
		close(c->saved_stderr);
		c->saved_stderr = -1;
	}
	if (!c->file)
		return 0;
	rewind(c->file);
	while (fgets(line, sizeof(line), c->file)) {
		fputs(line, stderr); /* keep it visible in the test log */
		if (strstr(line, needle))
			n++;
	}
	fclose(c->file);
	c->file = NULL;
	return n;
}
