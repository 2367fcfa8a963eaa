/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Wire protocol of the per-domain control socket (/run/hvm/<domid>/ctl)
 * spoken between an hvm-domain process and its clients (hvmd, the device
 * model libraries): message layouts, a codec that checks every received
 * message, and socket helpers. It is not the server's dispatch.
 *
 * Transport: AF_UNIX SOCK_SEQPACKET, one message per packet: a struct
 * ctl_hdr, then the op's payload, with file descriptors attached as
 * SCM_RIGHTS. All fields are host (little-endian) order and naturally
 * aligned; the structs have no implicit padding. Both ends distrust each
 * other: ctl_recv() rejects anything malformed and closes every descriptor
 * that came with it.
 *
 * Ops, request payload -> response payload:
 *   CTL_OP_QUERY            none                    -> ctl_domain_info
 *   CTL_OP_PAUSE            none                    -> none
 *   CTL_OP_UNPAUSE          none                    -> none
 *   CTL_OP_DESTROY          none                    -> none
 *   CTL_OP_IOREQ_CREATE     ctl_ioreq_create        -> ctl_ioreq_id
 *   CTL_OP_IOREQ_INFO       ctl_ioreq_id            -> ctl_ioreq_info + fds
 *   CTL_OP_IOREQ_MAP        ctl_ioreq_range         -> none
 *   CTL_OP_IOREQ_UNMAP      ctl_ioreq_range         -> none
 *   CTL_OP_IOREQ_SET_STATE  ctl_ioreq_state         -> none
 *   CTL_OP_IOREQ_DESTROY    ctl_ioreq_id            -> none
 *   CTL_OP_SET_ISA_IRQ      ctl_isa_irq             -> none
 *   CTL_OP_INJECT_MSI       ctl_msi                 -> none
 *   CTL_OP_SHUTDOWN         ctl_shutdown            -> none
 *   CTL_OP_POPULATE         ctl_populate            -> none
 *   CTL_OP_RELOCATE         ctl_relocate            -> none
 *   CTL_OP_VCPU_REGS        ctl_vcpu_id             -> ctl_vcpu_regs
 *   CTL_OP_SET_PCI_INTX     ctl_pci_intx            -> none
 *   CTL_OP_SET_PCI_LINK     ctl_pci_link            -> none
 *   CTL_OP_MEM_INFO         none                    -> ctl_mem_info + memfd
 *   CTL_OP_EVTCHN           ctl_evtchn              -> ctl_evtchn + 2 fds
 *   CTL_OP_DIRTY_VRAM       ctl_dirty_req           -> ctl_dirty_bitmap
 *   CTL_OP_POWER_BUTTON     none                    -> none
 *   CTL_OP_GET_PARAM        ctl_param               -> ctl_param
 * A request has rc 0 and never carries fds. A response has rc 0 or a
 * negative errno; with rc < 0 it has no payload and no fds.
 */
#ifndef HYPERVISOR_CTL_PROTO_H
#define HYPERVISOR_CTL_PROTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CTL_MAGIC 0x434d5648 /* "HVMC" in little-endian byte order */
#define CTL_VERSION 1
#define CTL_MAX_VCPUS 64
#define CTL_DETAIL_LEN 256

/* Largest errno magnitude a response's rc may carry (as in Linux). */
#define CTL_ERRNO_MAX 4095

/*
 * IOREQ_INFO descriptors: [0] the guest-memory memfd, then a notify and a
 * done eventfd per port. Ports 0..nr_vcpus-1 are the vCPUs' ports, port
 * nr_vcpus is the buffered port.
 */
#define CTL_IOREQ_FD_MEM 0
#define CTL_IOREQ_FD_NOTIFY(port) (1 + 2 * (port))
#define CTL_IOREQ_FD_DONE(port) (2 + 2 * (port))
#define CTL_IOREQ_INFO_NR_FDS(nr_vcpus) (1 + 2 * ((nr_vcpus) + 1))

/* Most descriptors any message carries. */
#define CTL_MAX_FDS CTL_IOREQ_INFO_NR_FDS(CTL_MAX_VCPUS)

enum ctl_op {
	CTL_OP_QUERY = 1,
	CTL_OP_PAUSE,
	CTL_OP_UNPAUSE,
	CTL_OP_DESTROY,
	CTL_OP_IOREQ_CREATE,
	CTL_OP_IOREQ_INFO,
	CTL_OP_IOREQ_MAP,
	CTL_OP_IOREQ_UNMAP,
	CTL_OP_IOREQ_SET_STATE,
	CTL_OP_IOREQ_DESTROY,
	CTL_OP_SET_ISA_IRQ,
	CTL_OP_INJECT_MSI,
	CTL_OP_SHUTDOWN,
	CTL_OP_POPULATE,
	CTL_OP_RELOCATE,
	CTL_OP_VCPU_REGS,
	CTL_OP_SET_PCI_INTX,
	CTL_OP_SET_PCI_LINK,
	CTL_OP_MEM_INFO,
	CTL_OP_EVTCHN,
	CTL_OP_DIRTY_VRAM,
	/* The ACPI power button (xl trigger DOM power; hvmctl shutdown). */
	CTL_OP_POWER_BUTTON,
	/* An HVM parameter, as xc_hvm_param_get (the xenstore ring's). */
	CTL_OP_GET_PARAM,
	CTL_OP_NR, /* one past the last op, not an op */
};

enum ctl_state {
	CTL_STATE_RUNNING = 0,
	CTL_STATE_PAUSED = 1,
	CTL_STATE_STOPPED = 2,
};

struct ctl_hdr {
	uint32_t magic;	  /* CTL_MAGIC */
	uint16_t version; /* CTL_VERSION */
	uint16_t op;	  /* enum ctl_op */
	uint32_t seq;	  /* set by the client, echoed in the response */
	int32_t rc;	  /* responses: 0 or negative errno; requests: 0 */
	uint32_t len;	  /* payload bytes after the header */
	uint32_t nr_fds;  /* descriptors attached as SCM_RIGHTS */
};

struct ctl_domain_info {
	uint32_t domid;
	uint32_t state; /* enum ctl_state */
	uint32_t stop_reason;
	uint32_t nr_vcpus;
	uint64_t ram_size;
	char detail[CTL_DETAIL_LEN]; /* NUL-terminated */
};

struct ctl_ioreq_create {
	uint8_t bufioreq;
	uint8_t pad[7];
};

struct ctl_ioreq_id {
	uint16_t id;
	uint16_t pad[3];
};

struct ctl_ioreq_info {
	/*
	 * Byte offset in the guest-memory memfd of the server's two pages:
	 * the buffered ring, then the per-vCPU ioreq slots.
	 */
	uint64_t pages_offset;
	uint32_t nr_vcpus; /* 1..CTL_MAX_VCPUS */
	uint32_t buf_port;
	uint32_t vcpu_port[CTL_MAX_VCPUS];
};

struct ctl_ioreq_range {
	uint16_t id;
	uint16_t pad;
	/* XEN_DMOP_IO_RANGE_PORT, _MEMORY or _PCI from <xen/hvm/dm_op.h> */
	uint32_t type;
	uint64_t start;
	uint64_t end; /* inclusive, as in Xen's dm_op */
};

struct ctl_ioreq_state {
	uint16_t id;
	uint8_t enabled;
	uint8_t pad[5];
};

/* The device model's requests (dm-abi.md 2.3, 4.3, 4.4, 5.3). */
struct ctl_isa_irq {
	uint32_t irq; /* 0..15 */
	uint8_t level;
	uint8_t pad[3];
};

struct ctl_msi {
	uint64_t addr;
	uint32_t data;
	uint32_t pad;
};

struct ctl_shutdown {
	uint32_t reason; /* SHUTDOWN_* from <xen/sched.h> */
	uint32_t pad;
};

struct ctl_populate {
	uint64_t gfn;
	uint64_t nr_pages;
};

struct ctl_relocate {
	uint64_t src_gfn; /* where the block was populated (its home) */
	uint64_t dst_gfn;
	uint64_t nr_pages;
};

/* VCPU_REGS: the registers of a paused or stopped domain's vCPU. */
struct ctl_vcpu_id {
	uint32_t vcpu;
	uint32_t pad;
};

struct ctl_vcpu_regs {
	/* rax, rcx, rdx, rbx, rsp, rbp, rsi, rdi, r8..r15 (x86 encoding) */
	uint64_t gpr[16];
	uint64_t rip;
	uint64_t rflags;
	uint64_t cr0;
	uint64_t cr2;
	uint64_t cr3;
	uint64_t cr4;
	uint64_t efer;
	uint16_t cs;
	uint16_t ss;
	uint32_t pad;
};

/*
 * SET_PCI_INTX: the level of INTx pin @intx (0..3 = INTA..INTD) of device
 * @device (0..31) on bus 0 (xendevicemodel_set_pci_intx_level; segment 0).
 */
struct ctl_pci_intx {
	uint8_t bus;
	uint8_t device;
	uint8_t intx;
	uint8_t level;
	uint32_t pad;
};

/* SET_PCI_LINK: PIIX3 PIRQ link @link (0..3) routed to ISA IRQ @irq, 0 = off.
 */
struct ctl_pci_link {
	uint8_t link;
	uint8_t irq;
	uint8_t pad[6];
};

/*
 * MEM_INFO: the guest-memory regions, with the memfd attached as the one
 * descriptor. Guest-physical [gpa, gpa + size) is memfd bytes [offset,
 * offset + size). A relocated block (the framebuffer) is listed where the
 * guest sees it now; a device model maps a GFN by finding its region.
 */
#define CTL_MEM_MAX_REGIONS 32

enum ctl_mem_kind {
	CTL_MEM_RAM = 0,
	CTL_MEM_SPECIAL = 1,
	CTL_MEM_POPULATED = 2,
	/* The guest's grant-table frames, where it mapped them. */
	CTL_MEM_GRANT = 3,
};

struct ctl_mem_region {
	uint64_t gpa;
	uint64_t size;
	uint64_t offset;
	uint32_t kind; /* enum ctl_mem_kind */
	uint32_t pad;
};

struct ctl_mem_info {
	uint32_t nr_regions; /* 0..CTL_MEM_MAX_REGIONS */
	uint32_t pad;
	struct ctl_mem_region r[CTL_MEM_MAX_REGIONS];
};

/*
 * EVTCHN: binds remote event-channel port @port and returns its eventfd
 * pair: descriptor 0 is "notify" (the remote end signals the caller), 1
 * is "done" (the caller signals the remote end). Ports of ioreq servers
 * (from 0x10000, as IOREQ_INFO gives them) are the hypervisor's; ports
 * below 1024 are the guest's, which it allocated unbound for domain 0
 * (a PV frontend's "event-channel"): the caller becomes their backend.
 * The response echoes the port. -ENOENT if no such port.
 */
struct ctl_evtchn {
	uint32_t port;
	uint32_t pad;
};

/*
 * GET_PARAM: HVM parameter @index (HVM_PARAM_*, below HVM_NR_PARAMS) of
 * the domain, e.g. HVM_PARAM_STORE_PFN and STORE_EVTCHN for the
 * toolstack's XS_INTRODUCE. The response echoes @index with @value.
 * -EINVAL for an index out of range.
 */
struct ctl_param {
	uint32_t index;
	uint32_t pad;
	uint64_t value;
};

/*
 * DIRTY_VRAM (xendevicemodel_track_dirty_vram): which of the @nr pages from
 * @first_pfn the guest wrote since the last call; bit i of the bitmap (in
 * 64-bit words) is page first_pfn + i. The first call for a range starts
 * tracking and reports every page dirty. @nr 0 stops tracking. -ENODATA if
 * the range is not one populated block where the guest sees it.
 */
#define CTL_DIRTY_MAX_PAGES 16384

struct ctl_dirty_req {
	uint64_t first_pfn;
	uint32_t nr; /* 0..CTL_DIRTY_MAX_PAGES */
	uint32_t pad;
};

struct ctl_dirty_bitmap {
	uint64_t bits[CTL_DIRTY_MAX_PAGES / 64];
};

/* Both ends must agree on these layouts byte for byte. */
_Static_assert(sizeof(struct ctl_hdr) == 24, "ctl_hdr layout");
_Static_assert(sizeof(struct ctl_domain_info) == 280, "ctl_domain_info");
_Static_assert(sizeof(struct ctl_ioreq_create) == 8, "ctl_ioreq_create");
_Static_assert(sizeof(struct ctl_ioreq_id) == 8, "ctl_ioreq_id layout");
_Static_assert(sizeof(struct ctl_ioreq_info) == 272, "ctl_ioreq_info");
_Static_assert(offsetof(struct ctl_ioreq_info, vcpu_port) == 16,
	       "ctl_ioreq_info layout");
_Static_assert(sizeof(struct ctl_ioreq_range) == 24, "ctl_ioreq_range");
_Static_assert(offsetof(struct ctl_ioreq_range, start) == 8,
	       "ctl_ioreq_range layout");
_Static_assert(sizeof(struct ctl_ioreq_state) == 8, "ctl_ioreq_state");
_Static_assert(sizeof(struct ctl_isa_irq) == 8, "ctl_isa_irq");
_Static_assert(sizeof(struct ctl_msi) == 16, "ctl_msi");
_Static_assert(sizeof(struct ctl_shutdown) == 8, "ctl_shutdown");
_Static_assert(sizeof(struct ctl_populate) == 16, "ctl_populate");
_Static_assert(sizeof(struct ctl_relocate) == 24, "ctl_relocate");
_Static_assert(sizeof(struct ctl_vcpu_id) == 8, "ctl_vcpu_id");
_Static_assert(sizeof(struct ctl_vcpu_regs) == 192, "ctl_vcpu_regs");
_Static_assert(sizeof(struct ctl_pci_intx) == 8, "ctl_pci_intx");
_Static_assert(sizeof(struct ctl_pci_link) == 8, "ctl_pci_link");
_Static_assert(sizeof(struct ctl_mem_region) == 32, "ctl_mem_region");
_Static_assert(sizeof(struct ctl_mem_info) == 8 + 32 * CTL_MEM_MAX_REGIONS,
	       "ctl_mem_info");
_Static_assert(sizeof(struct ctl_evtchn) == 8, "ctl_evtchn");
_Static_assert(sizeof(struct ctl_param) == 16, "ctl_param");
_Static_assert(sizeof(struct ctl_dirty_req) == 16, "ctl_dirty_req");
_Static_assert(sizeof(struct ctl_dirty_bitmap) == CTL_DIRTY_MAX_PAGES / 8,
	       "ctl_dirty_bitmap");

/*
 * A client's end of a control connection: the socket and the sequence
 * number of its last request. Zero-initialise seq; ctl_call() increments
 * it. One call at a time per client (no locking inside).
 */
struct ctl_client {
	int sock;
	uint32_t seq;
};

/*
 * Payload size of @op's request (@response false) or response (@response
 * true, for rc 0), or SIZE_MAX if @op is unknown.
 */
size_t ctl_payload_size(uint16_t op, bool response);

/* Most descriptors @op's request or response may carry; 0 if unknown. */
unsigned int ctl_max_fds(uint16_t op, bool response);

/*
 * Sends one message: header @h (filled in completely by the caller),
 * @h->len bytes of @payload, and the @nr_fds descriptors @fds (which stay
 * open; the peer gets duplicates). Refuses with -EINVAL, before sending,
 * a header that is not a well-formed request or response of its op: wrong
 * magic or version, @h->nr_fds != @nr_fds, a length or descriptor count
 * not matching the op, non-zero padding, an unterminated detail string.
 * Retries on EINTR and never raises SIGPIPE. Returns 0 or a negative errno
 * from sendmsg (-EPIPE if the peer is gone, -EAGAIN if non-blocking).
 */
int ctl_send(int sock, const struct ctl_hdr *h, const void *payload,
	     const int *fds, unsigned int nr_fds)
	__attribute__((warn_unused_result));

/*
 * Receives and checks one message from an untrusted peer: a request if
 * @expect_response is false, else a response. The header goes to @h, the
 * payload to @payload (room for @payload_max bytes), the descriptors
 * (close-on-exec) to @fds (room for @fds_max) and their number to @nr_fds
 * (may be NULL if @fds_max is 0). On success the caller owns the fds.
 *
 * On any failure no descriptor stays open, *@nr_fds is 0, and @h and
 * @payload hold undefined bytes. Errors: -ECONNRESET if the peer closed the
 * connection or sent an empty packet; -EMSGSIZE if the packet or its
 * descriptors did not fit in @payload_max or @fds_max (or the kernel's
 * limits); -EPROTO if it is malformed (bad magic or version, unknown op,
 * length or descriptor count not the op's, rc not 0 in a request or not a
 * negative errno in a response, non-zero padding, unterminated detail, an
 * IOREQ_INFO whose fd count does not match its nr_vcpus); other negative
 * errno values from recvmsg (-EAGAIN if non-blocking).
 */
int ctl_recv(int sock, bool expect_response, struct ctl_hdr *h, void *payload,
	     size_t payload_max, int *fds, unsigned int fds_max,
	     unsigned int *nr_fds) __attribute__((warn_unused_result));

/*
 * One request/response round trip on @c for @op: sends @req (the op's
 * request payload, NULL if it has none) with the next sequence number and
 * waits for the reply, whose payload goes to @resp (the op's response
 * struct, NULL if none) and descriptors to @fds (see ctl_recv()). Returns
 * the server's rc (0 or a negative errno), a transport error from
 * ctl_send()/ctl_recv(), -EINVAL for an unknown op or a missing buffer, or
 * -EPROTO if the reply's seq or op is not this request's. Blocks; use one
 * call at a time per @c.
 */
int ctl_call(struct ctl_client *c, uint16_t op, const void *req, void *resp,
	     int *fds, unsigned int fds_max, unsigned int *nr_fds)
	__attribute__((warn_unused_result));

/*
 * Creates a listening control socket at @path with mode 0600. If a socket
 * file is already there and nobody accepts on it (left by a dead process),
 * it is replaced; if a live server or a non-socket file is there, fails
 * with -EADDRINUSE. The liveness probe is a connection the live server
 * sees close at once. Does not create parent directories. Returns the
 * close-on-exec fd, or -ENAMETOOLONG or another negative errno.
 */
int ctl_listen(const char *path) __attribute__((warn_unused_result));

/* Accepts one connection on @lsock; returns a close-on-exec fd or -errno. */
int ctl_accept(int lsock) __attribute__((warn_unused_result));

/* Connects to the control socket at @path; returns a close-on-exec fd. */
int ctl_connect(const char *path) __attribute__((warn_unused_result));

/* Closes @nr descriptors of @fds and sets them to -1; skips those < 0. */
void ctl_close_fds(int *fds, unsigned int nr);

#endif /* HYPERVISOR_CTL_PROTO_H */
