/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ioreq-test-server: plays the device model for integration tests. It
 * connects to a domain's control socket, creates an ioreq server, maps its
 * pages from the guest memfd, claims ports 0x500-0x50f, port 0x80 (which
 * must never reach it) and the MMIO page 0xE0000000, enables it, unpauses the
 * domain and answers requests until the domain stops:
 * - port reads return 0xC0FFEE00 | size; port writes are printed;
 * - a write to port 0x508 is answered only after the server has claimed
 *   ports 0x510-0x51f over the control socket, as QEMU maps a BAR while
 *   the guest's config write is still pending (dm-abi.md 4.4);
 * - writes to port 0x50c change interrupt lines over the control socket
 *   (PIRQ link route, PCI INTx, ISA IRQ: the irq guest's steps);
 * - a write to port 0x50e requests a reboot over the control socket
 *   before it is answered, as QEMU handles a reset;
 * - the MMIO page behaves as 4 KiB of RAM, and so does the VGA window
 *   (0xA0000-0xBFFFF), whose writes hvm-domain posts on the buffered
 *   ring: like QEMU, the server takes what the ring holds before it
 *   answers any request, and when the ring's port is notified;
 * - a read of port 0x50a answers 1 if the ring brought a write of
 *   VGA_MARKER to VGA_MARKER_ADDR before that read (so hvm-domain posted
 *   it while the guest made no exit), else 0;
 * - rep string port accesses arrive as one request with data_is_ptr and a
 *   buffer in hvm-domain's bounce pages (the top of low RAM, whose memfd
 *   offset is its address), read or written through the guest memfd like
 *   QEMU's mapcache would.
 * With --garbage it answers the first request with an invalid slot state,
 * which hvm-domain must treat as a protocol violation (crash the domain).
 * With --slow it answers the first request only after SLOW_SECS seconds,
 * longer than hvm-domain waits before it logs an unanswered request.
 * With --vram it acts like QEMU's framebuffer setup instead (dm-abi.md
 * 4.3, 4.4): populates 16 pages above a 64 MiB guest's RAM, writes "VRAM"
 * there through the memfd, relocates them to 0xE0100000, unpauses, waits
 * for the vram guest's answer in the same pages and asks for a reboot. On
 * the way it prints the block's place from MEM_INFO and the pages the
 * dirty log reports (DIRTY_VRAM) before and after the guest wrote.
 * Prints "served N requests" and the domain's stop reason at the end.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <xen/hvm/ioreq.h>
#include <xen/hvm/dm_op.h>

#include "hypervisor/ctl_proto.h"

#define PORT_BASE 0x500
#define PORT_LAST 0x50f
#define PORT_MAP_TRIGGER 0x508
#define PORT_IRQ_STEP 0x50c
#define PORT_RESET 0x50e
#define PORT_VGA_SEEN 0x50a
#define VGA_BASE 0xa0000ULL
#define VGA_SIZE 0x20000u
#define VGA_MARKER_ADDR 0xbfff0ULL
#define VGA_MARKER 0x5a5aa5a5u
#define PORT2_BASE 0x510
#define PORT2_LAST 0x51f
#define MMIO_BASE 0xe0000000ULL
#define MMIO_SIZE 4096u
#define PAGE 4096
/* hvm-domain logs a request unanswered for 10 s (domain_ioreq.c). */
#define SLOW_SECS 12u
#define GARBAGE_STATE 0xf
#define BOUNCE_LEN (8 * PAGE)
/* hvm-domain's bounce pages: the top of a 64 MiB domain's low RAM. */
#define BOUNCE_GPA ((64ULL << 20) - BOUNCE_LEN)

struct server {
	struct ctl_client ctl;
	struct ctl_ioreq_info info;
	int fds[CTL_MAX_FDS];
	unsigned int nr_fds;
	struct ioreq *slots;
	struct buffered_iopage *ring;
	uint8_t vga[VGA_SIZE];
	unsigned long buffered; /* writes taken from the ring */
	bool marker_seen;
	bool marker_early; /* seen before the request being served */
	uint16_t id;
	uint8_t *bounce; /* guest memory at BOUNCE_GPA */
	uint8_t mmio[MMIO_SIZE];
	unsigned long served;
	int garbage;
	int slow; /* hold the first answer back for SLOW_SECS */
	int vram; /* act as the framebuffer setup, not as a device */
};

static int die(const char *what, int rc)
{
	fprintf(stderr, "ioreq-test-server: %s: %s\n", what, strerror(-rc));
	exit(1);
}

static void call(struct server *s, uint16_t op, const void *req, void *resp)
{
	unsigned int n = 0;
	int rc = ctl_call(&s->ctl, op, req, resp, NULL, 0, &n);

	if (rc)
		die("control request failed", rc);
}

static void claim(struct server *s, uint16_t id, uint32_t type, uint64_t start,
		  uint64_t end)
{
	struct ctl_ioreq_range r = {
		.id = id,
		.type = type,
		.start = start,
		.end = end,
	};

	call(s, CTL_OP_IOREQ_MAP, &r, NULL);
}

static void setup(struct server *s, const char *path)
{
	struct ctl_ioreq_create c = {.bufioreq = 2}; /* atomic ring */
	struct ctl_ioreq_id id;
	struct ctl_ioreq_state st = {.enabled = 1};
	uint8_t *pages;
	int rc;

	s->ctl.sock = ctl_connect(path);
	if (s->ctl.sock < 0)
		die("cannot connect", s->ctl.sock);
	call(s, CTL_OP_IOREQ_CREATE, &c, &id);
	rc = ctl_call(&s->ctl, CTL_OP_IOREQ_INFO, &id, &s->info, s->fds,
		      CTL_MAX_FDS, &s->nr_fds);
	if (rc)
		die("IOREQ_INFO failed", rc);
	pages = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED,
		     s->fds[CTL_IOREQ_FD_MEM], (off_t)s->info.pages_offset);
	if (pages == MAP_FAILED)
		die("cannot map the ioreq pages", -errno);
	s->ring = (struct buffered_iopage *)pages;
	s->slots = (struct ioreq *)(pages + PAGE);
	s->bounce = mmap(NULL, BOUNCE_LEN, PROT_READ | PROT_WRITE, MAP_SHARED,
			 s->fds[CTL_IOREQ_FD_MEM], (off_t)BOUNCE_GPA);
	if (s->bounce == MAP_FAILED)
		die("cannot map the bounce pages", -errno);
	claim(s, id.id, XEN_DMOP_IO_RANGE_PORT, PORT_BASE, PORT_LAST);
	/* As QEMU does; hvm-domain must keep the I/O delay port itself. */
	claim(s, id.id, XEN_DMOP_IO_RANGE_PORT, 0x80, 0x80);
	claim(s, id.id, XEN_DMOP_IO_RANGE_MEMORY, MMIO_BASE,
	      MMIO_BASE + MMIO_SIZE - 1);
	claim(s, id.id, XEN_DMOP_IO_RANGE_MEMORY, VGA_BASE,
	      VGA_BASE + VGA_SIZE - 1);
	st.id = id.id;
	s->id = id.id;
	call(s, CTL_OP_IOREQ_SET_STATE, &st, NULL);
	if (!s->vram)
		call(s, CTL_OP_UNPAUSE, NULL, NULL);
}

/* A rep port access: r->count items of r->size bytes at guest r->data. */
static void handle_rep(struct server *s, const struct ioreq *r)
{
	uint64_t off = r->data - BOUNCE_GPA, val;
	unsigned int i;

	if (r->data < BOUNCE_GPA || r->size > 4 || r->count > PAGE ||
	    off + (uint64_t)r->size * r->count > BOUNCE_LEN) {
		printf("bad rep request: data 0x%llx count %u\n",
		       (unsigned long long)r->data, r->count);
		return;
	}
	if (r->dir == IOREQ_READ)
		printf("pio rep read port 0x%llx size %u count %u via data_is_ptr\n",
		       (unsigned long long)r->addr, r->size, r->count);
	for (i = 0; i < r->count; i++) {
		uint8_t *item = s->bounce + off + (uint64_t)i * r->size;

		val = 0;
		if (r->dir == IOREQ_READ) {
			val = 0xc0ffee00ULL | r->size;
			memcpy(item, &val, r->size);
		} else {
			memcpy(&val, item, r->size);
			printf("pio rep write port 0x%llx size %u data 0x%llx\n",
			       (unsigned long long)r->addr, r->size,
			       (unsigned long long)val);
		}
	}
}

/*
 * The irq guest's steps (tests/guests/irq/irq.c): change interrupt lines
 * over the control socket as QEMU's devices do, inside the ioreq.
 */
static void irq_step(struct server *s, uint64_t step)
{
	struct ctl_pci_link link = {.link = 0, .irq = 11};
	struct ctl_pci_intx intx = {.device = 4, .intx = 0};
	struct ctl_isa_irq isa = {.irq = 4};

	printf("irq step %llu\n", (unsigned long long)step);
	switch (step) {
	case 1:
		call(s, CTL_OP_SET_PCI_LINK, &link, NULL);
		/* fall through */
	case 5:
		intx.level = 1;
		/* fall through */
	case 2:
	case 6:
		call(s, CTL_OP_SET_PCI_INTX, &intx, NULL);
		break;
	case 3:
		isa.level = 1;
		/* fall through */
	case 4:
		call(s, CTL_OP_SET_ISA_IRQ, &isa, NULL);
		break;
	default:
		break;
	}
}

/* As QEMU on a reset: ask for a reboot before answering the write. */
static void request_reset(struct server *s)
{
	struct ctl_shutdown sd = {.reason = 1}; /* SHUTDOWN_reboot */

	printf("reset requested inside an ioreq\n");
	call(s, CTL_OP_SHUTDOWN, &sd, NULL);
}

/* A write to the VGA window, from the ring or a request. */
static void vga_write(struct server *s, uint64_t addr, unsigned int size,
		      uint64_t data)
{
	uint64_t off = addr - VGA_BASE;

	if (addr < VGA_BASE || off >= VGA_SIZE || size > VGA_SIZE - off) {
		printf("bad VGA write: addr 0x%llx size %u\n",
		       (unsigned long long)addr, size);
		return;
	}
	memcpy(s->vga + off, &data, size);
	if (addr == VGA_MARKER_ADDR && size == 4 && data == VGA_MARKER)
		s->marker_seen = true;
}

/*
 * Takes every write the ring holds, as QEMU's handle_buffered_iopage()
 * does: an 8-byte write fills two slots, the second with the high half.
 */
static void drain_ring(struct server *s)
{
	struct buffered_iopage *pg = s->ring;
	uint32_t rd, wr;
	buf_ioreq_t b, hi;
	uint64_t data;
	unsigned int size, slots;

	for (;;) {
		rd = __atomic_load_n(&pg->read_pointer, __ATOMIC_ACQUIRE);
		wr = __atomic_load_n(&pg->write_pointer, __ATOMIC_ACQUIRE);
		if (rd == wr)
			return;
		b = pg->buf_ioreq[rd % IOREQ_BUFFER_SLOT_NUM];
		size = 1u << b.size;
		data = b.data;
		slots = 1;
		if (size == 8) {
			hi = pg->buf_ioreq[(rd + 1) % IOREQ_BUFFER_SLOT_NUM];
			data |= (uint64_t)hi.data << 32;
			slots = 2;
		}
		if (b.type != IOREQ_TYPE_COPY || b.dir != IOREQ_WRITE)
			printf("bad buffered request: type %u dir %u\n", b.type,
			       b.dir);
		else
			vga_write(s, b.addr, size, data);
		s->buffered++;
		/* An add, as QEMU's: hvm-domain may rebase both pointers. */
		__atomic_add_fetch(&pg->read_pointer, slots, __ATOMIC_ACQ_REL);
	}
}

static void handle(struct server *s, struct ioreq *r)
{
	if (r->data_is_ptr && r->type == IOREQ_TYPE_PIO) {
		handle_rep(s, r);
		return;
	}
	if (r->type == IOREQ_TYPE_COPY && r->addr >= VGA_BASE &&
	    r->addr < VGA_BASE + VGA_SIZE && r->size <= 8 &&
	    r->addr + r->size <= VGA_BASE + VGA_SIZE) {
		if (r->dir == IOREQ_WRITE)
			vga_write(s, r->addr, r->size, r->data);
		else
			memcpy(&r->data, s->vga + (r->addr - VGA_BASE),
			       r->size);
		return;
	}
	if (r->type == IOREQ_TYPE_PIO && r->dir == IOREQ_READ &&
	    r->addr == PORT_VGA_SEEN) {
		r->data = s->marker_early;
		printf("VGA marker %s before the read of port 0x%x\n",
		       s->marker_early ? "came on the ring" : "had not come",
		       PORT_VGA_SEEN);
		return;
	}

	uint64_t off = r->addr - MMIO_BASE;
	bool mmio = r->type == IOREQ_TYPE_COPY;

	if (mmio && (off >= MMIO_SIZE || r->size > MMIO_SIZE - off)) {
		r->data = ~0ULL;
		return;
	}
	if (r->dir == IOREQ_WRITE && mmio)
		memcpy(s->mmio + off, &r->data, r->size);
	else if (r->dir == IOREQ_WRITE && r->addr == PORT_MAP_TRIGGER)
		claim(s, s->id, XEN_DMOP_IO_RANGE_PORT, PORT2_BASE, PORT2_LAST);
	else if (r->dir == IOREQ_WRITE && r->addr == PORT_RESET)
		request_reset(s);
	else if (r->dir == IOREQ_WRITE && r->addr == PORT_IRQ_STEP)
		irq_step(s, r->data);
	else if (r->dir == IOREQ_WRITE)
		printf("pio write port 0x%llx size %u data 0x%llx\n",
		       (unsigned long long)r->addr, r->size,
		       (unsigned long long)r->data);
	else if (mmio)
		memcpy(&r->data, s->mmio + off, r->size);
	else
		r->data = 0xc0ffee00ULL | r->size;
}

/* Serves vCPU @i's slot if it holds a request (dm-abi.md 3.3). */
static void serve_slot(struct server *s, unsigned int i)
{
	struct ioreq *r = &s->slots[i];
	uint64_t one = 1;

	if (__atomic_load_n((uint8_t *)r + 30, __ATOMIC_ACQUIRE) % 16 !=
	    STATE_IOREQ_READY)
		return;
	r->state = STATE_IOREQ_INPROCESS;
	/* What the ring brought before this request (port 0x50a). */
	s->marker_early = s->marker_seen;
	/* Earlier buffered writes come first, as in QEMU. */
	drain_ring(s);
	if (s->slow && !s->served) {
		printf("holding the first request back for %u s\n", SLOW_SECS);
		sleep(SLOW_SECS);
	}
	handle(s, r);
	s->served++;
	__atomic_thread_fence(__ATOMIC_RELEASE);
	r->state = s->garbage ? GARBAGE_STATE : STATE_IORESP_READY;
	if (write(s->fds[CTL_IOREQ_FD_DONE(i)], &one, sizeof(one)) < 0)
		die("cannot signal done", -errno);
}

static bool domain_stopped(struct server *s)
{
	struct ctl_domain_info info;
	unsigned int n = 0;
	int rc;

	rc = ctl_call(&s->ctl, CTL_OP_QUERY, NULL, &info, NULL, 0, &n);
	if (rc == -ECONNRESET || rc == -EPIPE) {
		printf("domain gone (control socket closed)\n");
		return true;
	}
	if (rc)
		die("QUERY failed", rc);
	if (info.state != CTL_STATE_STOPPED)
		return false;
	printf("domain stopped: reason %u (%s)\n", info.stop_reason,
	       info.detail);
	return true;
}

/* The vCPUs' ports, then the buffered ring's (dm-abi.md 3.2). */
static void serve(struct server *s)
{
	struct pollfd pfd[CTL_MAX_VCPUS + 1];
	unsigned int i, n = s->info.nr_vcpus;
	uint64_t cnt;

	for (i = 0; i <= n; i++)
		pfd[i] = (struct pollfd){.fd = s->fds[CTL_IOREQ_FD_NOTIFY(i)],
					 .events = POLLIN};
	for (;;) {
		if (poll(pfd, n + 1, 200) == 0 && domain_stopped(s))
			return;
		for (i = 0; i <= n; i++) {
			if (!(pfd[i].revents & POLLIN))
				continue;
			if (read(pfd[i].fd, &cnt, sizeof(cnt)) < 0)
				die("cannot read a notification", -errno);
			if (i == n)
				drain_ring(s);
			else
				serve_slot(s, i);
		}
	}
}

#define VRAM_GFN 0x4000ULL /* the first page above 64 MiB of RAM */
#define VRAM_BAR_GFN 0xe0100ULL
#define VRAM_PAGES 16
#define VRAM_MARKER 0x4d415256u
#define GUEST_ANSWER 0x600dcafeu

/* Waits up to 30 s for the guest's answer in the block. */
static bool wait_answer(volatile uint32_t *vram)
{
	unsigned int i;

	for (i = 0; i < 3000; i++) {
		if (vram[1] == GUEST_ANSWER)
			return true;
		usleep(10000);
	}
	return false;
}

/* Prints the dirty pages of the relocated block as the DM sees them. */
static void show_dirty(struct server *s, const char *when)
{
	static struct ctl_dirty_bitmap bm;
	struct ctl_dirty_req q = {.first_pfn = VRAM_BAR_GFN, .nr = VRAM_PAGES};
	unsigned int i;

	call(s, CTL_OP_DIRTY_VRAM, &q, &bm);
	printf("dirty %s:", when);
	for (i = 0; i < VRAM_PAGES; i++) {
		if (bm.bits[0] & (1ULL << i))
			printf(" %u", i);
	}
	printf("\n");
}

/* MEM_INFO lists the block where the guest sees it, with its memfd. */
static void show_block(struct server *s)
{
	static struct ctl_mem_info info;
	int fd = -1;
	unsigned int n = 0, i;
	int rc = ctl_call(&s->ctl, CTL_OP_MEM_INFO, NULL, &info, &fd, 1, &n);

	if (rc)
		die("MEM_INFO failed", rc);
	for (i = 0; i < info.nr_regions; i++) {
		if (info.r[i].kind == CTL_MEM_POPULATED)
			printf("populated block at gpa 0x%llx offset 0x%llx size 0x%llx\n",
			       (unsigned long long)info.r[i].gpa,
			       (unsigned long long)info.r[i].offset,
			       (unsigned long long)info.r[i].size);
	}
	close(fd);
}

/* Dirty tracking of anything but a populated block is ENODATA. */
static void check_nodata(struct server *s)
{
	static struct ctl_dirty_bitmap bm;
	struct ctl_dirty_req q = {.first_pfn = 0x100, .nr = 16};
	unsigned int n = 0;
	int rc = ctl_call(&s->ctl, CTL_OP_DIRTY_VRAM, &q, &bm, NULL, 0, &n);

	printf("dirty tracking of RAM: %s\n", strerror(-rc));
}

static void vram_mode(struct server *s)
{
	struct ctl_populate pop = {.gfn = VRAM_GFN, .nr_pages = VRAM_PAGES};
	struct ctl_relocate rel = {
		.src_gfn = VRAM_GFN,
		.dst_gfn = VRAM_BAR_GFN,
		.nr_pages = VRAM_PAGES,
	};
	struct ctl_shutdown sd = {.reason = 1}; /* SHUTDOWN_reboot */
	volatile uint32_t *vram;

	call(s, CTL_OP_POPULATE, &pop, NULL);
	vram = mmap(NULL, VRAM_PAGES * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED,
		    s->fds[CTL_IOREQ_FD_MEM], (off_t)(VRAM_GFN * PAGE));
	if (vram == MAP_FAILED)
		die("cannot map the populated block", -errno);
	vram[0] = VRAM_MARKER;
	call(s, CTL_OP_RELOCATE, &rel, NULL);
	show_block(s);
	check_nodata(s);
	show_dirty(s, "at first");
	show_dirty(s, "before the guest ran");
	call(s, CTL_OP_UNPAUSE, NULL, NULL);
	if (!wait_answer(vram))
		die("the guest never answered in the relocated block",
		    -ETIMEDOUT);
	printf("dm saw the guest's write in the relocated block\n");
	show_dirty(s, "after the guest wrote");
	call(s, CTL_OP_SHUTDOWN, &sd, NULL);
	while (!domain_stopped(s))
		usleep(100000);
}

int main(int argc, char **argv)
{
	static struct server s;
	const char *mode = argc == 3 ? argv[2] : "";

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc < 2 || argc > 3 ||
	    (argc == 3 && strcmp(mode, "--garbage") && strcmp(mode, "--slow") &&
	     strcmp(mode, "--vram"))) {
		fprintf(stderr,
			"usage: ioreq-test-server CTL_SOCKET [--garbage|--slow|--vram]\n");
		return 2;
	}
	s.garbage = !strcmp(mode, "--garbage");
	s.slow = !strcmp(mode, "--slow");
	s.vram = !strcmp(mode, "--vram");
	memset(s.mmio, 0xa5, sizeof(s.mmio));
	setup(&s, argv[1]);
	if (s.vram)
		vram_mode(&s);
	else
		serve(&s);
	printf("served %lu requests and %lu buffered writes\n", s.served,
	       s.buffered);
	return 0;
}
