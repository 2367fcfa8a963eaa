/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The fake hvm-domain's op handlers (xenlib_fake_priv.h): what hvm-domain
 * answers, reduced to what the library tests observe. Every request is
 * counted and its payload kept before the handler runs.
 */
#define _GNU_SOURCE
#include "xenlib_fake_priv.h"

#include <errno.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include <xen/hvm/hvm_op.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
/* Most pages one POPULATE may add (keeps the memfd small). */
#define FAKE_POPULATE_MAX 4096

struct fake_op {
	struct fake_dom *f;
	const void *req;
	void *resp;
	int *fds;
	unsigned int *nr_fds;
};

typedef int (*fake_handler_fn)(struct fake_op *x);

int fake_port_init(struct fake_dom *f, uint32_t port)
{
	if (port >= FAKE_MAX_PORTS)
		return -ENOENT;
	if (f->notify[port] >= 0)
		return 0;
	f->notify[port] = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	f->done[port] = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (f->notify[port] >= 0 && f->done[port] >= 0)
		return 0;
	return -errno;
}

static void add_fd(struct fake_op *x, int fd)
{
	x->fds[(*x->nr_fds)++] = fd;
}

static bool server_is_live(const struct fake_dom *f, uint16_t id)
{
	return id < FAKE_MAX_SERVERS && f->server_live[id];
}

static int op_query(struct fake_op *x)
{
	struct ctl_domain_info *info = x->resp;

	info->domid = x->f->domid;
	info->nr_vcpus = FAKE_NR_VCPUS;
	info->ram_size = x->f->mem_size;
	return 0;
}

static int op_ioreq_create(struct fake_op *x)
{
	const struct ctl_ioreq_create *c = x->req;
	struct ctl_ioreq_id *out = x->resp;
	struct fake_dom *f = x->f;

	if (c->bufioreq != HVM_IOREQSRV_BUFIOREQ_OFF &&
	    c->bufioreq != HVM_IOREQSRV_BUFIOREQ_ATOMIC)
		return -EOPNOTSUPP;
	if (f->next_id + 1 >= FAKE_MAX_SERVERS)
		return -ENOSPC;
	out->id = ++f->next_id;
	f->server_live[out->id] = true;
	return 0;
}

static int add_port(struct fake_op *x, uint32_t port)
{
	int rc = fake_port_init(x->f, port);

	if (rc)
		return rc;
	add_fd(x, x->f->notify[port]);
	add_fd(x, x->f->done[port]);
	return 0;
}

static int op_ioreq_info(struct fake_op *x)
{
	const struct ctl_ioreq_id *id = x->req;
	struct ctl_ioreq_info *info = x->resp;
	unsigned int i;
	int rc = 0;

	if (!server_is_live(x->f, id->id))
		return -ENOENT;
	info->pages_offset = FAKE_IOREQ_PAGE * FAKE_PAGE;
	info->nr_vcpus = FAKE_NR_VCPUS;
	info->buf_port = FAKE_BUF_PORT;
	add_fd(x, x->f->memfd);
	for (i = 0; i < FAKE_NR_VCPUS && !rc; i++) {
		info->vcpu_port[i] = FAKE_VCPU_PORT(i);
		rc = add_port(x, FAKE_VCPU_PORT(i));
	}
	return rc ? rc : add_port(x, FAKE_BUF_PORT);
}

/* MAP, UNMAP and SET_STATE only need a live server here. */
static int op_ioreq_range(struct fake_op *x)
{
	const struct ctl_ioreq_range *r = x->req;

	return server_is_live(x->f, r->id) ? 0 : -ENOENT;
}

static int op_ioreq_set_state(struct fake_op *x)
{
	const struct ctl_ioreq_state *s = x->req;

	return server_is_live(x->f, s->id) ? 0 : -ENOENT;
}

static int op_ioreq_destroy(struct fake_op *x)
{
	const struct ctl_ioreq_id *id = x->req;

	if (!server_is_live(x->f, id->id))
		return -ENOENT;
	x->f->server_live[id->id] = false;
	return 0;
}

static int op_accept(struct fake_op *x)
{
	(void)x;
	return 0;
}

/* Fresh pages at the end of the memfd, where the guest asked. */
static int op_populate(struct fake_op *x)
{
	const struct ctl_populate *p = x->req;
	struct fake_dom *f = x->f;
	struct ctl_mem_region *r;

	if (!p->nr_pages || p->nr_pages > FAKE_POPULATE_MAX)
		return -ENOMEM;
	if (f->mem.nr_regions >= CTL_MEM_MAX_REGIONS)
		return -ENOSPC;
	if (ftruncate(f->memfd, (off_t)(f->mem_size + p->nr_pages * FAKE_PAGE)))
		return -errno;
	f->home[f->mem.nr_regions] = p->gfn;
	r = &f->mem.r[f->mem.nr_regions++];
	*r = (struct ctl_mem_region){.gpa = p->gfn * FAKE_PAGE,
				     .size = p->nr_pages * FAKE_PAGE,
				     .offset = f->mem_size,
				     .kind = CTL_MEM_POPULATED};
	f->mem_size += p->nr_pages * FAKE_PAGE;
	return 0;
}

/* Moves a populated block, found by its home GFN, to @dst_gfn. */
static int op_relocate(struct fake_op *x)
{
	const struct ctl_relocate *rl = x->req;
	struct fake_dom *f = x->f;
	unsigned int i;

	for (i = 0; i < f->mem.nr_regions; i++) {
		if (f->mem.r[i].kind != CTL_MEM_POPULATED ||
		    f->home[i] != rl->src_gfn)
			continue;
		if (f->mem.r[i].size != rl->nr_pages * FAKE_PAGE)
			return -EINVAL;
		f->mem.r[i].gpa = rl->dst_gfn * FAKE_PAGE;
		return 0;
	}
	return -ENOENT;
}

static int op_mem_info(struct fake_op *x)
{
	memcpy(x->resp, &x->f->mem, sizeof(x->f->mem));
	add_fd(x, x->f->memfd);
	return 0;
}

static int op_evtchn(struct fake_op *x)
{
	const struct ctl_evtchn *e = x->req;
	struct ctl_evtchn *out = x->resp;
	int rc = fake_port_init(x->f, e->port);

	if (rc)
		return rc;
	out->port = e->port;
	add_fd(x, x->f->notify[e->port]);
	add_fd(x, x->f->done[e->port]);
	return 0;
}

/*
 * Every third page is dirty, including bits past @nr that the library
 * must not copy out. Stopping (nr 0) reports nothing.
 */
static int op_dirty_vram(struct fake_op *x)
{
	const struct ctl_dirty_req *d = x->req;
	struct ctl_dirty_bitmap *bm = x->resp;
	unsigned int i;

	if (!d->nr)
		return 0;
	for (i = 0; i < CTL_DIRTY_MAX_PAGES; i += 3)
		bm->bits[i / 64] |= 1ULL << (i % 64);
	return 0;
}

static const fake_handler_fn handlers[CTL_OP_NR] = {
	[CTL_OP_QUERY] = op_query,
	[CTL_OP_IOREQ_CREATE] = op_ioreq_create,
	[CTL_OP_IOREQ_INFO] = op_ioreq_info,
	[CTL_OP_IOREQ_MAP] = op_ioreq_range,
	[CTL_OP_IOREQ_UNMAP] = op_ioreq_range,
	[CTL_OP_IOREQ_SET_STATE] = op_ioreq_set_state,
	[CTL_OP_IOREQ_DESTROY] = op_ioreq_destroy,
	[CTL_OP_SET_ISA_IRQ] = op_accept,
	[CTL_OP_INJECT_MSI] = op_accept,
	[CTL_OP_SHUTDOWN] = op_accept,
	[CTL_OP_POPULATE] = op_populate,
	[CTL_OP_RELOCATE] = op_relocate,
	[CTL_OP_SET_PCI_INTX] = op_accept,
	[CTL_OP_SET_PCI_LINK] = op_accept,
	[CTL_OP_MEM_INFO] = op_mem_info,
	[CTL_OP_EVTCHN] = op_evtchn,
	[CTL_OP_DIRTY_VRAM] = op_dirty_vram,
};

int fake_dispatch(struct fake_dom *f, uint16_t op, const void *req, void *resp,
		  int *fds, unsigned int *nr_fds)
{
	struct fake_op x = {
		.f = f, .req = req, .resp = resp, .fds = fds, .nr_fds = nr_fds};
	size_t len = ctl_payload_size(op, false);

	*nr_fds = 0;
	if (op >= ARRAY_SIZE(handlers) || !handlers[op])
		return -EOPNOTSUPP;
	f->count[op]++;
	memcpy(f->last[op], req, len < FAKE_LAST_MAX ? len : FAKE_LAST_MAX);
	if (f->force_rc[op])
		return f->force_rc[op];
	return handlers[op](&x);
}
