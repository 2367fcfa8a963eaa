/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A driver for the hypercall fuzz target without libFuzzer, run as a unit
 * test under the sanitizers: deterministic pseudo-random inputs, each a
 * short memory image and a few dozen hypercalls, biased towards the
 * implemented hypercalls, small sub-op numbers and argument offsets
 * inside guest memory, so that most calls get past the first checks.
 * Some records are the halves of a backend's channel: the guest's
 * alloc_unbound, and a backend binding a port (bit 5 of byte 0). Any failure is
 * the sanitizers' report or an abort() in the target.
 */
#include "hcall_fuzz.h"

#include <stdio.h>
#include <string.h>

#include <xen/xen.h>
#include <xen/event_channel.h>

#include "hvm_test.h"

#define INPUTS 20000
#define MAX_RECORDS 48

static uint64_t state = 0x9e3779b97f4a7c15ULL;

static uint64_t next(void)
{
	return hvm_test_rand(&state);
}

static const uint8_t hypercalls[] = {
	__HYPERVISOR_memory_op,	       __HYPERVISOR_xen_version,
	__HYPERVISOR_console_io,       __HYPERVISOR_vcpu_op,
	__HYPERVISOR_sched_op,	       __HYPERVISOR_hvm_op,
	__HYPERVISOR_event_channel_op, __HYPERVISOR_set_timer_op,
	__HYPERVISOR_vm_assist,	       __HYPERVISOR_grant_table_op,
};

/* A small value most of the time, anything now and then. */
static uint64_t arg(void)
{
	uint64_t r = next();

	switch (r & 7) {
	case 0:
		return next();
	case 1:
		return (r >> 8) & 0xffff;
	default:
		return (r >> 8) & 0x3f;
	}
}

static void record(uint8_t *p)
{
	unsigned int i;
	uint64_t a;

	memset(p, 0, HCALL_FUZZ_RECORD);
	p[0] = (uint8_t)next();
	/* Mostly CPL 0 and offsets into memory, so calls get somewhere. */
	if (next() & 3)
		p[0] = (uint8_t)((p[0] & 0x19) | 0x80);
	p[1] = (next() & 7) ? hypercalls[next() % sizeof(hypercalls)]
			    : (uint8_t)next();
	p[2] = (uint8_t)next();
	for (i = 0; i < 6; i++) {
		a = arg();
		memcpy(p + 8 + 8 * i, &a, 8);
	}
	/*
	 * Now and then the two halves of a backend's channel, on the low
	 * ports: the guest's alloc_unbound (its struct at a 4-byte offset,
	 * which the "DOMID_SELF, domain 0" pattern may fill), and a
	 * backend's bind as the domain the port was left for.
	 */
	switch (next() & 15) {
	case 0:
		p[0] = 0x81; /* long mode, CPL 0, offsets */
		p[1] = __HYPERVISOR_event_channel_op;
		a = EVTCHNOP_alloc_unbound;
		memcpy(p + 8, &a, 8);
		a = arg() & ~3ULL;
		memcpy(p + 16, &a, 8);
		break;
	case 1:
		p[0] = 0x20 | (p[0] & 0x19);
		a = 1 + next() % 4;
		memcpy(p + 8, &a, 8);
		a = 1;
		memcpy(p + 16, &a, 8);
		break;
	}
}

int main(void)
{
	static uint8_t
		buf[2 + HCALL_FUZZ_MEM_BYTES + MAX_RECORDS * HCALL_FUZZ_RECORD];
	unsigned int n, i, mem, records;
	size_t len;

	for (n = 0; n < INPUTS; n++) {
		mem = (unsigned int)(next() % HCALL_FUZZ_MEM_BYTES);
		records = (unsigned int)(next() % MAX_RECORDS);
		buf[0] = (uint8_t)mem;
		buf[1] = (uint8_t)(mem >> 8);
		for (i = 0; i < mem; i++)
			buf[2 + i] = (next() & 1) ? (uint8_t)next()
						  : (uint8_t)(next() & 7);
		/*
		 * One input in four repeats "DOMID_SELF, domain 0": what
		 * alloc_unbound, status and the grant-table sub-ops need to
		 * get past their domain checks.
		 */
		for (i = 0; !(n & 3) && i + 4 <= mem; i += 4)
			memcpy(buf + 2 + i, "\xf0\x7f\x00\x00", 4);
		len = 2 + mem;
		for (i = 0; i < records; i++, len += HCALL_FUZZ_RECORD)
			record(buf + len);
		LLVMFuzzerTestOneInput(buf, len);
	}
	printf("%u inputs, 0 failed\n", n);
	return 0;
}
