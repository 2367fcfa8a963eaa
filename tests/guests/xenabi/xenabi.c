/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The Xen ABI test guest (32-bit): checks what hvm-domain gives a guest
 * before and after it detects Xen: the hvm_start_info in EBX with its
 * "firmware" module and memory map, the hvm_info_table at 0x9F800, the Xen
 * CPUID leaves, the hypercall page written through MSR 0x40000000, and the
 * hypercalls xen_version, memory_op(memory_map), hvm_op(get/set_param) and
 * console_io(write). Then it powers off with sched_op(shutdown); the test
 * reads the PASS/FAIL lines from the domain log. Uses Xen's public headers
 * in their 32-bit layout.
 */
/* Xen's headers expect the fixed-width types to be declared first. */
#include <stdint.h>
#include <xen/xen.h>
#include <xen/version.h>
#include <xen/memory.h>
#include <xen/sched.h>
#include <xen/hvm/hvm_op.h>
#include <xen/hvm/params.h>
#include <xen/hvm/hvm_info_table.h>
#include <xen/arch-x86/hvm/start_info.h>

#include "guest.h"
#include "hypercall.h"

#define HVM_INFO_ADDR 0x9f800u

static void check_start_info(const struct hvm_start_info *si)
{
	unsigned int before = guest_failures;
	const struct hvm_modlist_entry *ml;
	const struct hvm_memmap_table_entry *mm;

	GCHECK(si->magic == XEN_HVM_START_MAGIC_VALUE, si->magic);
	GCHECK(si->nr_modules == 1, si->nr_modules);
	ml = (const void *)(uintptr_t)si->modlist_paddr;
	GCHECK(ml->size == 11, ml->size); /* the test's module file */
	GCHECK(guest_memcmp((const void *)(uintptr_t)ml->cmdline_paddr,
			    "firmware", 9) == 0,
	       0);
	GCHECK(guest_memcmp((const void *)(uintptr_t)ml->paddr, "MODULE-DATA",
			    11) == 0,
	       0);
	/* Low RAM, then the reserved bounce pages at its top (32 KiB). */
	GCHECK(si->memmap_entries == 2, si->memmap_entries);
	mm = (const void *)(uintptr_t)si->memmap_paddr;
	GCHECK(mm[0].addr == 0x100000 && mm[0].type == 1, (uint32_t)mm->addr);
	GCHECK(mm[1].addr == (64u << 20) - 0x8000 && mm[1].type == 2,
	       (uint32_t)mm[1].addr);
	guest_pass(before, "start info");
}

static void check_hvm_info(void)
{
	unsigned int before = guest_failures;
	const struct hvm_info_table *t = (const void *)HVM_INFO_ADDR;
	const uint8_t *p = (const void *)t;
	uint8_t sum = 0;
	uint32_t i;

	GCHECK(guest_memcmp(t->signature, "HVM INFO", 8) == 0, 0);
	for (i = 0; i < t->length && i < 4096; i++)
		sum += p[i];
	GCHECK(sum == 0, sum);
	GCHECK(t->nr_vcpus == 1, t->nr_vcpus);
	/* Low RAM less the 8 bounce pages at its top. */
	GCHECK(t->low_mem_pgend == ((64u << 20) >> 12) - 8, t->low_mem_pgend);
	guest_pass(before, "hvm_info_table");
}

static void check_hypercalls(void)
{
	unsigned int before = guest_failures;
	struct xen_memory_map map;
	struct xen_hvm_param param;
	struct e820entry {
		uint64_t addr, size;
		uint32_t type;
	} __attribute__((packed)) e[8];
	static const char msg[] = "xenabi: hello through console_io\n";
	long r;

	guest_hypercall_init();
	r = guest_hypercall3(__HYPERVISOR_xen_version, XENVER_version, 0, 0);
	GCHECK(r == ((4 << 16) | 17), r);

	guest_memset(e, 0, sizeof(e));
	map.nr_entries = 8;
	set_xen_guest_handle(map.buffer, e);
	r = guest_hypercall3(__HYPERVISOR_memory_op, XENMEM_memory_map,
			     (uint32_t)(uintptr_t)&map, 0);
	GCHECK(r == 0, r);
	GCHECK(map.nr_entries == 2, map.nr_entries);
	GCHECK(e[0].addr == 0x100000 && e[0].type == 1, (uint32_t)e[0].addr);
	GCHECK(e[1].addr == (64u << 20) - 0x8000 && e[1].type == 2,
	       (uint32_t)e[1].addr);

	guest_memset(&param, 0, sizeof(param));
	param.domid = DOMID_SELF;
	param.index = 1 << 30; /* hostile index */
	r = guest_hypercall3(__HYPERVISOR_hvm_op, HVMOP_get_param,
			     (uint32_t)(uintptr_t)&param, 0);
	GCHECK(r < 0, r);

	r = guest_hypercall3(__HYPERVISOR_console_io, CONSOLEIO_write,
			     sizeof(msg) - 1, (uint32_t)(uintptr_t)msg);
	GCHECK(r >= 0, r);
	r = guest_hypercall3(63, 0, 0, 0); /* unknown: -ENOSYS, no crash */
	GCHECK(r == -38, r);
	guest_pass(before, "hypercalls");
}

void guest_main(const struct hvm_start_info *si);
void guest_main(const struct hvm_start_info *si)
{
	guest_puts("xenabi: started\n");
	check_start_info(si);
	check_hvm_info();
	guest_check_xen_cpuid();
	check_hypercalls();
	guest_finish("xenabi");
}
