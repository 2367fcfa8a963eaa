/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Control-socket request handlers, one per op, dispatched through a table
 * (STYLE.md 3). Payloads arrive validated for size and padding; handlers
 * check values (server ids, range types, bufioreq modes).
 */
#include "domain_ctl_priv.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <xen/hvm/hvm_op.h>

#include "hypervisor/domain.h"
#include "hypervisor/domain_ioreq.h"
#include "hypervisor/domain_irq.h"
#include "hypervisor/domain_mem.h"
#include "hypervisor/log.h"
#include "hypervisor/pmtimer.h"
#include "hypervisor/vcpu.h"
#include "hypervisor/vcpu_regs.h"
#include "hypervisor/hcall.h"
#include "domain_evtchn_backend.h"
#include "vm_kvm.h"

struct ctl_ctx {
	struct domain *d;
	const void *req;
	void *resp;
	int *fds;
	unsigned int *nr_fds;
};

typedef int (*ctl_handler_fn)(struct ctl_ctx *x);

static int op_query(struct ctl_ctx *x)
{
	struct ctl_domain_info *info = x->resp;
	struct domain *d = x->d;
	size_t n;

	pthread_mutex_lock(&d->lock);
	info->domid = d->domid;
	info->stop_reason = d->stop;
	info->state = d->stop != DOMAIN_RUNNING ? CTL_STATE_STOPPED
		      : d->paused		? CTL_STATE_PAUSED
						: CTL_STATE_RUNNING;
	/* The wire field is shorter than the log's: cut, keep the NUL. */
	n = strnlen(d->detail, sizeof(info->detail) - 1);
	memcpy(info->detail, d->detail, n);
	info->detail[n] = '\0';
	pthread_mutex_unlock(&d->lock);
	info->nr_vcpus = d->nr_vcpus;
	info->ram_size = d->mem->ram_size;
	return 0;
}

static int op_pause(struct ctl_ctx *x)
{
	return domain_pause(x->d, true);
}

static int op_unpause(struct ctl_ctx *x)
{
	return domain_pause(x->d, false);
}

/* The ACPI power button: a running guest's OS then powers off. */
static int op_power_button(struct ctl_ctx *x)
{
	struct domain *d = x->d;
	bool running;

	pthread_mutex_lock(&d->lock);
	running = d->stop == DOMAIN_RUNNING;
	pthread_mutex_unlock(&d->lock);
	if (!running || !d->pmtimer)
		return -ESRCH;
	pmtimer_press(d->pmtimer, PMTIMER_POWER_BUTTON);
	log_info("ctl", "ACPI power button pressed");
	return 0;
}

static int op_destroy(struct ctl_ctx *x)
{
	domain_stop(x->d, DOMAIN_STOP_DESTROYED,
		    "destroyed through the control socket");
	return 0;
}

static int op_ioreq_create(struct ctl_ctx *x)
{
	const struct ctl_ioreq_create *c = x->req;
	struct ctl_ioreq_id *out = x->resp;

	/* QEMU asks for the atomic ring; the legacy one is not offered. */
	if (c->bufioreq != HVM_IOREQSRV_BUFIOREQ_OFF &&
	    c->bufioreq != HVM_IOREQSRV_BUFIOREQ_ATOMIC)
		return -EOPNOTSUPP;
	return domain_ioreq_create(x->d, c->bufioreq, &out->id);
}

static void add_port_fds(struct ctl_ctx *x, const struct domain_ioreq_port *p)
{
	x->fds[(*x->nr_fds)++] = p->notify_efd;
	x->fds[(*x->nr_fds)++] = p->done_efd;
}

static int op_ioreq_info(struct ctl_ctx *x)
{
	const struct ctl_ioreq_id *id = x->req;
	struct ctl_ioreq_info *info = x->resp;
	const struct domain_ioreq_srv *s = domain_ioreq_get(x->d, id->id);
	unsigned int i;

	if (!s)
		return -ENOENT;
	info->pages_offset = s->pages_offset;
	info->nr_vcpus = x->d->nr_vcpus;
	info->buf_port = s->buf_port.port;
	*x->nr_fds = 0;
	x->fds[(*x->nr_fds)++] = x->d->mem->fd;
	for (i = 0; i < x->d->nr_vcpus && i < CTL_MAX_VCPUS; i++) {
		info->vcpu_port[i] = s->vcpu_port[i].port;
		add_port_fds(x, &s->vcpu_port[i]);
	}
	add_port_fds(x, &s->buf_port);
	return 0;
}

static int range_op(struct ctl_ctx *x, bool map)
{
	const struct ctl_ioreq_range *r = x->req;

	return domain_ioreq_map(x->d, r->id, r->type, r->start, r->end, map);
}

static int op_ioreq_map(struct ctl_ctx *x)
{
	return range_op(x, true);
}

static int op_ioreq_unmap(struct ctl_ctx *x)
{
	return range_op(x, false);
}

static int op_ioreq_set_state(struct ctl_ctx *x)
{
	const struct ctl_ioreq_state *s = x->req;

	return domain_ioreq_set_state(x->d, s->id, s->enabled != 0);
}

static int op_ioreq_destroy(struct ctl_ctx *x)
{
	const struct ctl_ioreq_id *id = x->req;

	return domain_ioreq_remove(x->d, id->id);
}

static int op_set_isa_irq(struct ctl_ctx *x)
{
	const struct ctl_isa_irq *q = x->req;

	return domain_irq_isa(x->d, IRQ_SRC_DM, q->irq, q->level != 0);
}

static int op_set_pci_intx(struct ctl_ctx *x)
{
	const struct ctl_pci_intx *q = x->req;

	return domain_irq_pci_intx(x->d, q->bus, q->device, q->intx,
				   q->level != 0);
}

static int op_set_pci_link(struct ctl_ctx *x)
{
	const struct ctl_pci_link *q = x->req;

	return domain_irq_link(x->d, q->link, q->irq);
}

static int op_mem_info(struct ctl_ctx *x)
{
	struct ctl_mem_info *out = x->resp;
	struct domain *d = x->d;

	pthread_rwlock_rdlock(&d->mem_lock);
	domain_mem_describe(d, out);
	pthread_rwlock_unlock(&d->mem_lock);
	x->fds[(*x->nr_fds)++] = d->mem->fd;
	return 0;
}

static int op_evtchn(struct ctl_ctx *x)
{
	const struct ctl_evtchn *q = x->req;
	struct ctl_evtchn *out = x->resp;
	int rc = q->port < HCALL_EVTCHN_PORTS
			 ? domain_evtchn_backend_fds(x->d, q->port, &x->fds[0],
						     &x->fds[1])
			 : domain_ioreq_port_fds(x->d, q->port, &x->fds[0],
						 &x->fds[1]);

	if (rc)
		return rc;
	*x->nr_fds = 2;
	out->port = q->port;
	return 0;
}

static int op_get_param(struct ctl_ctx *x)
{
	const struct ctl_param *q = x->req;
	struct ctl_param *out = x->resp;
	uint64_t value;
	int rc = hcall_domain_get_param(x->d->hcall, q->index, &value);

	if (rc)
		return rc;
	out->index = q->index;
	out->value = value;
	return 0;
}

static int op_dirty_vram(struct ctl_ctx *x)
{
	const struct ctl_dirty_req *q = x->req;
	struct ctl_dirty_bitmap *out = x->resp;

	return domain_mem_dirty_vram(x->d, q->first_pfn, q->nr, out->bits);
}

static int op_inject_msi(struct ctl_ctx *x)
{
	const struct ctl_msi *m = x->req;

	return vm_kvm_signal_msi(x->d, m->addr, m->data);
}

static int op_shutdown(struct ctl_ctx *x)
{
	const struct ctl_shutdown *s = x->req;

	domain_shutdown(x->d, s->reason, "the device model");
	return 0;
}

static int op_populate(struct ctl_ctx *x)
{
	const struct ctl_populate *p = x->req;

	return domain_mem_populate(x->d, p->gfn, p->nr_pages);
}

static int op_relocate(struct ctl_ctx *x)
{
	const struct ctl_relocate *r = x->req;

	return domain_mem_relocate(x->d, r->src_gfn, r->dst_gfn, r->nr_pages);
}

/*
 * Only a vCPU outside KVM_RUN can be read without waiting for it: KVM_RUN
 * holds the vCPU's mutex. So the domain must be paused or stopped.
 */
static int op_vcpu_regs(struct ctl_ctx *x)
{
	const struct ctl_vcpu_id *id = x->req;
	struct ctl_vcpu_regs *out = x->resp;
	struct domain *d = x->d;
	bool quiet;

	pthread_mutex_lock(&d->lock);
	quiet = d->paused || d->stop != DOMAIN_RUNNING;
	pthread_mutex_unlock(&d->lock);
	if (!quiet)
		return -EBUSY;
	if (id->vcpu >= d->nr_vcpus || !d->vcpus[id->vcpu])
		return -ENOENT;
	return vcpu_regs_read(d->vcpus[id->vcpu]->fd, out);
}

static const ctl_handler_fn ctl_handlers[] = {
	[CTL_OP_QUERY] = op_query,
	[CTL_OP_PAUSE] = op_pause,
	[CTL_OP_UNPAUSE] = op_unpause,
	[CTL_OP_DESTROY] = op_destroy,
	[CTL_OP_IOREQ_CREATE] = op_ioreq_create,
	[CTL_OP_IOREQ_INFO] = op_ioreq_info,
	[CTL_OP_IOREQ_MAP] = op_ioreq_map,
	[CTL_OP_IOREQ_UNMAP] = op_ioreq_unmap,
	[CTL_OP_IOREQ_SET_STATE] = op_ioreq_set_state,
	[CTL_OP_IOREQ_DESTROY] = op_ioreq_destroy,
	[CTL_OP_SET_ISA_IRQ] = op_set_isa_irq,
	[CTL_OP_INJECT_MSI] = op_inject_msi,
	[CTL_OP_SHUTDOWN] = op_shutdown,
	[CTL_OP_POPULATE] = op_populate,
	[CTL_OP_RELOCATE] = op_relocate,
	[CTL_OP_VCPU_REGS] = op_vcpu_regs,
	[CTL_OP_SET_PCI_INTX] = op_set_pci_intx,
	[CTL_OP_SET_PCI_LINK] = op_set_pci_link,
	[CTL_OP_MEM_INFO] = op_mem_info,
	[CTL_OP_EVTCHN] = op_evtchn,
	[CTL_OP_DIRTY_VRAM] = op_dirty_vram,
	[CTL_OP_POWER_BUTTON] = op_power_button,
	[CTL_OP_GET_PARAM] = op_get_param,
};

int domain_ctl_dispatch(struct domain *d, uint16_t op, const void *req,
			void *resp, int *fds, unsigned int *nr_fds)
{
	struct ctl_ctx x = {
		.d = d,
		.req = req,
		.resp = resp,
		.fds = fds,
		.nr_fds = nr_fds,
	};

	*nr_fds = 0;
	if (op >= sizeof(ctl_handlers) / sizeof(ctl_handlers[0]) ||
	    !ctl_handlers[op])
		return -EOPNOTSUPP;
	return ctl_handlers[op](&x);
}
