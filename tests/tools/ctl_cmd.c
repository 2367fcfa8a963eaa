/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hvm-ctl-cmd: sends one control-socket request to an hvm-domain, for
 * tests and debugging: query (prints the domain's state), pause, unpause,
 * destroy, regs N (vCPU N's registers; the domain must be paused), or
 * touch (MEM_INFO, then makes every page of guest RAM resident through the
 * memfd without changing its contents, so a test can watch the host's
 * memory being used and freed).
 * Exit status: 0 done, 1 the request failed, 2 usage.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "hypervisor/ctl_proto.h"
#include "hypervisor/parse_num.h"

static const struct {
	const char *name;
	uint16_t op;
} verbs[] = {
	{"query", CTL_OP_QUERY},     {"pause", CTL_OP_PAUSE},
	{"unpause", CTL_OP_UNPAUSE}, {"destroy", CTL_OP_DESTROY},
	{"regs", CTL_OP_VCPU_REGS},  {"touch", CTL_OP_MEM_INFO},
};

union reply {
	struct ctl_domain_info info;
	struct ctl_vcpu_regs regs;
	struct ctl_mem_info mem;
};

/* Reads and writes back one byte per page of every RAM region. */
static int touch_ram(const struct ctl_mem_info *m, int memfd)
{
	uint64_t total = 0;
	uint32_t i;

	for (i = 0; i < m->nr_regions; i++) {
		const struct ctl_mem_region *r = &m->r[i];
		volatile uint8_t *p;
		uint64_t off;

		if (r->kind != CTL_MEM_RAM)
			continue;
		p = mmap(NULL, r->size, PROT_READ | PROT_WRITE, MAP_SHARED,
			 memfd, (off_t)r->offset);
		if (p == MAP_FAILED)
			return -errno;
		for (off = 0; off < r->size; off += 4096)
			p[off] = p[off];
		munmap((void *)p, r->size);
		total += r->size;
	}
	printf("touched %llu MiB of guest RAM\n",
	       (unsigned long long)(total >> 20));
	return 0;
}

static const char *const states[] = {"running", "paused", "stopped"};

static void print_reply(uint16_t op, const union reply *r)
{
	if (op == CTL_OP_QUERY)
		printf("domid=%u state=%s vcpus=%u memory=%llu\n",
		       r->info.domid,
		       r->info.state < 3 ? states[r->info.state] : "?",
		       r->info.nr_vcpus,
		       (unsigned long long)(r->info.ram_size >> 20));
	else if (op == CTL_OP_VCPU_REGS)
		printf("rip=0x%llx rsp=0x%llx rflags=0x%llx cr0=0x%llx cr3=0x%llx cr4=0x%llx efer=0x%llx cs=0x%x\n",
		       (unsigned long long)r->regs.rip,
		       (unsigned long long)r->regs.gpr[4],
		       (unsigned long long)r->regs.rflags,
		       (unsigned long long)r->regs.cr0,
		       (unsigned long long)r->regs.cr3,
		       (unsigned long long)r->regs.cr4,
		       (unsigned long long)r->regs.efer, r->regs.cs);
}

/* The verb's index, or -1; for "regs" the vCPU number goes to *@vcpu. */
static int find_verb(int argc, char **argv, struct ctl_vcpu_id *vcpu)
{
	uint64_t v;
	unsigned int i;

	for (i = 0; argc >= 3 && i < sizeof(verbs) / sizeof(verbs[0]); i++) {
		if (strcmp(argv[2], verbs[i].name))
			continue;
		if (verbs[i].op != CTL_OP_VCPU_REGS)
			return argc == 3 ? (int)i : -1;
		if (argc != 4 || parse_num_u64(argv[3], 10, CTL_MAX_VCPUS, &v))
			return -1;
		vcpu->vcpu = (uint32_t)v;
		return (int)i;
	}
	return -1;
}

int main(int argc, char **argv)
{
	struct ctl_client c = {.sock = -1};
	struct ctl_vcpu_id vcpu = {0};
	union reply r;
	unsigned int n = 0;
	int i, rc;
	uint16_t op;

	i = find_verb(argc, argv, &vcpu);
	if (i < 0) {
		fprintf(stderr,
			"usage: hvm-ctl-cmd SOCKET query|pause|unpause|destroy|touch|regs VCPU\n");
		return 2;
	}
	op = verbs[i].op;
	c.sock = ctl_connect(argv[1]);
	if (c.sock < 0) {
		fprintf(stderr, "hvm-ctl-cmd: cannot connect to %s: %s\n",
			argv[1], strerror(-c.sock));
		return 1;
	}
	int memfd = -1;

	rc = ctl_call(&c, op, op == CTL_OP_VCPU_REGS ? &vcpu : NULL,
		      ctl_payload_size(op, true) ? &r : NULL, &memfd, 1, &n);
	close(c.sock);
	if (!rc && op == CTL_OP_MEM_INFO)
		rc = touch_ram(&r.mem, memfd);
	if (memfd >= 0)
		close(memfd);
	if (rc) {
		fprintf(stderr, "hvm-ctl-cmd: %s failed: %s\n", argv[2],
			strerror(-rc));
		return 1;
	}
	if (op != CTL_OP_MEM_INFO)
		print_reply(op, &r);
	return 0;
}
