/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hvm-ctl-cmd: sends one control-socket request to an hvm-domain, for
 * tests and debugging: query (prints the domain's state), pause, unpause,
 * destroy, regs N (vCPU N's registers; the domain must be paused), or
 * touch (MEM_INFO, then makes every page of guest RAM resident through the
 * memfd without changing its contents, so a test can watch the host's
 * memory being used and freed), or peek GPA LEN (MEM_INFO, then prints
 * LEN bytes of guest RAM from guest-physical GPA as hex, at most 4096,
 * for a test to show what a stalled guest left in memory).
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
	{"peek", CTL_OP_MEM_INFO},
};

#define PEEK_MAX 4096
#define PEEK_PER_LINE 16

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

/* Prints @len bytes of RAM from @gpa, 16 to a line, each line's address first.
 */
static int peek_ram(const struct ctl_mem_info *m, int memfd, uint64_t gpa,
		    uint64_t len)
{
	uint64_t start, off, i;
	const uint8_t *p;
	uint32_t k;

	for (k = 0; k < m->nr_regions; k++) {
		const struct ctl_mem_region *r = &m->r[k];

		if (r->kind == CTL_MEM_RAM && gpa >= r->gpa &&
		    gpa - r->gpa <= r->size && len <= r->size - (gpa - r->gpa))
			break;
	}
	if (k == m->nr_regions)
		return -ERANGE;
	/* mmap offsets are page-aligned: map from the page holding gpa. */
	off = m->r[k].offset + (gpa - m->r[k].gpa);
	start = off & ~(uint64_t)4095;
	p = mmap(NULL, len + (off - start), PROT_READ, MAP_SHARED, memfd,
		 (off_t)start);
	if (p == MAP_FAILED)
		return -errno;
	for (i = 0; i < len; i++) {
		if (i % PEEK_PER_LINE == 0)
			printf("%s0x%llx:", i ? "\n" : "",
			       (unsigned long long)(gpa + i));
		printf(" %02x", p[off - start + i]);
	}
	printf("\n");
	munmap((void *)p, len + (off - start));
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
		printf("rip=0x%llx rsp=0x%llx rflags=0x%llx cr0=0x%llx cr3=0x%llx cr4=0x%llx efer=0x%llx cs=0x%x ss=0x%x\n",
		       (unsigned long long)r->regs.rip,
		       (unsigned long long)r->regs.gpr[4],
		       (unsigned long long)r->regs.rflags,
		       (unsigned long long)r->regs.cr0,
		       (unsigned long long)r->regs.cr3,
		       (unsigned long long)r->regs.cr4,
		       (unsigned long long)r->regs.efer, r->regs.cs,
		       r->regs.ss);
}

/* "peek GPA LEN": 0 with @peek[0] = GPA and @peek[1] = LEN, or -1. */
static int parse_peek(int argc, char **argv, uint64_t *peek)
{
	if (argc != 5 || parse_num_u64(argv[3], 0, UINT64_MAX, &peek[0]) ||
	    parse_num_u64(argv[4], 0, PEEK_MAX, &peek[1]) || !peek[1])
		return -1;
	return 0;
}

/*
 * The verb's index, or -1; for "regs" the vCPU number goes to *@vcpu, for
 * "peek" the address and length to @peek[0] and @peek[1].
 */
static int find_verb(int argc, char **argv, struct ctl_vcpu_id *vcpu,
		     uint64_t *peek)
{
	uint64_t v;
	unsigned int i;

	for (i = 0; argc >= 3 && i < sizeof(verbs) / sizeof(verbs[0]); i++) {
		if (strcmp(argv[2], verbs[i].name))
			continue;
		if (!strcmp(argv[2], "peek"))
			return parse_peek(argc, argv, peek) ? -1 : (int)i;
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
	uint64_t peek[2] = {0, 0};
	union reply r;
	unsigned int n = 0;
	int i, rc;
	uint16_t op;

	i = find_verb(argc, argv, &vcpu, peek);
	if (i < 0) {
		fprintf(stderr,
			"usage: hvm-ctl-cmd SOCKET query|pause|unpause|destroy|touch|regs VCPU|peek GPA LEN\n");
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
		rc = peek[1] ? peek_ram(&r.mem, memfd, peek[0], peek[1])
			     : touch_ram(&r.mem, memfd);
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
