/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Fuzz target for the hypercall dispatcher (libFuzzer's entry point): a
 * sequence of guest hypercalls against one fake domain (hcall_fake.c), so
 * that state carries from call to call (ports bound, then closed; timers
 * set before and after their VIRQ is bound). The input is:
 *   up to HCALL_FUZZ_MEM_BYTES bytes of guest memory (the structs that
 *   arguments point to), after a 2-byte length;
 *   then records of HCALL_FUZZ_RECORD bytes, one hypercall each:
 *     byte 0: bit 0 long mode, bits 1-2 CPL, bits 3-4 the calling vCPU,
 *             bit 5 not a hypercall: a backend binds the guest port in
 *             the low 16 bits of the first argument, as domain 0 or (bit
 *             0 of the second) as the domain the port was left unbound
 *             for (hcall_domain_evtchn_bind_backend), bit 7 arguments are
 *             offsets into guest memory (low 16 bits)
 *     byte 1: the hypercall number (above 63 too: bit 6 of byte 2 adds 64)
 *     bytes 8-55: six arguments, little-endian.
 * Every result must be a value or a negative Xen errno; the sanitizers
 * catch the rest. Built as a unit test with a driver of its own
 * (hcall_fuzz_main.c), or with clang -fsanitize=fuzzer (HVM_FUZZ=ON).
 */
#include "hcall_fake.h"
#include "hcall_fuzz.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "hypervisor/log.h"

/* Xen's errno values are below 4096 (xen/errno.h). */
#define HCALL_FUZZ_MAX_ERRNO 4095

static uint64_t get_u64(const uint8_t *p)
{
	uint64_t v = 0;
	unsigned int i;

	for (i = 0; i < 8; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return v;
}

/*
 * A backend binds @port: as the domain the guest left it unbound for
 * (@as_remote, so that binds can succeed), or as domain 0.
 */
static long bind_backend(struct hcall_domain *d, unsigned int port,
			 bool as_remote)
{
	uint16_t dom = 0;

	if (as_remote && port < HCALL_EVTCHN_PORTS)
		dom = d->evtchn[port].remote_domid;
	return hcall_domain_evtchn_bind_backend(d, port, dom);
}

static void run_record(struct hcall_vcpu *v, const uint8_t *r)
{
	uint64_t args[HCALL_MAX_ARGS];
	uint64_t nr = r[1] + ((r[2] & 0x40) ? 64 : 0);
	unsigned int i;
	long rc;

	v->longmode = r[0] & 1;
	v->cpl = (r[0] >> 1) & 3;
	v->id = (r[0] >> 3) & 3;
	for (i = 0; i < HCALL_MAX_ARGS; i++) {
		args[i] = get_u64(r + 8 + 8 * i);
		if (r[0] & 0x80)
			args[i] &= FAKE_MEM_SIZE - 1;
	}
	if (r[0] & 0x20) {
		rc = bind_backend(v->d, args[0] & 0xffff, args[1] & 1);
		if (rc != 0 && rc != -EINVAL)
			abort();
		return;
	}
	rc = hcall_dispatch(v, nr, args);
	if (rc < -HCALL_FUZZ_MAX_ERRNO)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct hcall_fake f;
	struct hcall_domain d;
	struct hcall_vcpu v;
	size_t mem;

	/* Unknown sub-ops are logged once per domain: once per input here. */
	log_set_level(LOG_ERR);
	if (size < 2)
		return 0;
	mem = data[0] | (size_t)data[1] << 8;
	data += 2;
	size -= 2;
	if (mem > size)
		mem = size;
	if (mem > HCALL_FUZZ_MEM_BYTES)
		mem = HCALL_FUZZ_MEM_BYTES;
	hcall_fake_init(&f, &d, &v);
	memcpy(f.mem, data, mem);
	data += mem;
	size -= mem;
	while (size >= HCALL_FUZZ_RECORD) {
		run_record(&v, data);
		data += HCALL_FUZZ_RECORD;
		size -= HCALL_FUZZ_RECORD;
	}
	pthread_mutex_destroy(&d.evtchn_lock);
	return 0;
}
