/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Per-domain control connections of our Xen libraries (xenlib_priv.h).
 * QEMU never says which domain a handle is for until it makes a call, and
 * hvm-domain accepts only a few clients, so every library and handle of the
 * process shares one connection per domid, opened on first use and guarded
 * by a mutex (QEMU calls from several threads). The table of connections is
 * process-wide by nature: it is what the libraries' handles share.
 */
#define _GNU_SOURCE
#include "xenlib_priv.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define DEFAULT_RUN_DIR "/run/hvm"

static pthread_mutex_t conn_table_lock = PTHREAD_MUTEX_INITIALIZER;
static struct xenlib_conn *conn_table;

static const char *const op_names[CTL_OP_NR] = {
	[CTL_OP_QUERY] = "query",
	[CTL_OP_PAUSE] = "pause",
	[CTL_OP_UNPAUSE] = "unpause",
	[CTL_OP_DESTROY] = "destroy",
	[CTL_OP_IOREQ_CREATE] = "ioreq-create",
	[CTL_OP_IOREQ_INFO] = "ioreq-info",
	[CTL_OP_IOREQ_MAP] = "ioreq-map",
	[CTL_OP_IOREQ_UNMAP] = "ioreq-unmap",
	[CTL_OP_IOREQ_SET_STATE] = "ioreq-set-state",
	[CTL_OP_IOREQ_DESTROY] = "ioreq-destroy",
	[CTL_OP_SET_ISA_IRQ] = "set-isa-irq",
	[CTL_OP_INJECT_MSI] = "inject-msi",
	[CTL_OP_SHUTDOWN] = "shutdown",
	[CTL_OP_POPULATE] = "populate",
	[CTL_OP_RELOCATE] = "relocate",
	[CTL_OP_VCPU_REGS] = "vcpu-regs",
	[CTL_OP_SET_PCI_INTX] = "set-pci-intx",
	[CTL_OP_SET_PCI_LINK] = "set-pci-link",
	[CTL_OP_MEM_INFO] = "mem-info",
	[CTL_OP_EVTCHN] = "evtchn",
	[CTL_OP_DIRTY_VRAM] = "dirty-vram",
	[CTL_OP_POWER_BUTTON] = "power-button",
	[CTL_OP_GET_PARAM] = "get-param",
};

static const char *op_name(uint16_t op)
{
	if (op >= ARRAY_SIZE(op_names) || !op_names[op])
		return "unknown";
	return op_names[op];
}

static struct xenlib_conn *conn_new(uint32_t domid)
{
	struct xenlib_conn *c = calloc(1, sizeof(*c));

	if (!c)
		return NULL;
	c->domid = domid;
	c->client.sock = -1;
	c->mem.memfd = -1;
	pthread_mutex_init(&c->lock, NULL);
	pthread_mutex_init(&c->mem.lock, NULL);
	return c;
}

int xenlib_conn_get(uint32_t domid, struct xenlib_conn **out)
{
	struct xenlib_conn *c;

	pthread_mutex_lock(&conn_table_lock);
	for (c = conn_table; c; c = c->next) {
		if (c->domid == domid)
			break;
	}
	if (!c) {
		c = conn_new(domid);
		if (c) {
			c->next = conn_table;
			conn_table = c;
		}
	}
	pthread_mutex_unlock(&conn_table_lock);
	*out = c;
	return c ? 0 : -ENOMEM;
}

/* $HVM_RUN_DIR/<domid>/ctl, read at each connection attempt. */
static int ctl_path(uint32_t domid, char *buf, size_t size)
{
	const char *dir = getenv("HVM_RUN_DIR");
	int n;

	if (!dir || !*dir)
		dir = DEFAULT_RUN_DIR;
	n = snprintf(buf, size, "%s/%u/ctl", dir, domid);
	if (n < 0)
		return -EINVAL;
	return (size_t)n < size ? 0 : -ENAMETOOLONG;
}

/* Caller holds c->lock. */
static int conn_connect(struct xenlib_conn *c)
{
	char path[PATH_MAX];
	int fd, rc;

	if (c->client.sock >= 0)
		return 0;
	rc = ctl_path(c->domid, path, sizeof(path));
	if (rc)
		return rc;
	fd = ctl_connect(path);
	if (fd < 0) {
		xenlib_log(
			XENLIB_LOG_ERR, c->domid,
			"cannot connect to hvm-domain at %s: errno %d; check that the domain runs and HVM_RUN_DIR",
			path, -fd);
		return fd;
	}
	c->client.sock = fd;
	c->client.seq = 0;
	xenlib_log(XENLIB_LOG_DEBUG, c->domid, "connected to %s", path);
	return 0;
}

/* Caller holds c->lock. */
static void conn_drop(struct xenlib_conn *c)
{
	if (c->client.sock >= 0)
		close(c->client.sock);
	c->client.sock = -1;
}

/*
 * Errors after which the connection is unusable or out of step (a reply
 * we could not read may still be queued). A server's own rc of the same
 * value only costs a reconnection.
 */
static bool is_transport_error(int rc)
{
	return rc == -ECONNRESET || rc == -EPIPE || rc == -EPROTO ||
	       rc == -EMSGSIZE || rc == -ENOTCONN || rc == -EBADF || rc == -EIO;
}

int xenlib_conn_call(uint32_t domid, uint16_t op, const void *req, void *resp,
		     int *fds, unsigned int fds_max, unsigned int *nr_fds)
{
	struct xenlib_conn *c;
	int rc;

	if (nr_fds)
		*nr_fds = 0;
	rc = xenlib_conn_get(domid, &c);
	if (rc)
		return rc;
	pthread_mutex_lock(&c->lock);
	rc = conn_connect(c);
	if (!rc) {
		rc = ctl_call(&c->client, op, req, resp, fds, fds_max, nr_fds);
		if (is_transport_error(rc))
			conn_drop(c);
	}
	pthread_mutex_unlock(&c->lock);
	xenlib_log(rc ? XENLIB_LOG_INFO : XENLIB_LOG_DEBUG, domid, "%s: rc %d",
		   op_name(op), rc);
	return rc;
}

int xenlib_conn_ioreq_info(uint32_t domid, uint16_t id,
			   struct ctl_ioreq_info *info, int *memfd)
{
	struct ctl_ioreq_id req = {.id = id};
	int fds[CTL_MAX_FDS];
	unsigned int nr = 0;
	int rc;

	if (memfd)
		*memfd = -1;
	rc = xenlib_conn_call(domid, CTL_OP_IOREQ_INFO, &req, info, fds,
			      CTL_MAX_FDS, &nr);
	if (rc)
		return rc;
	/* The codec checked the count against nr_vcpus: fd 0 is the memfd. */
	if (info->pages_offset % XENLIB_PAGE_SIZE) {
		xenlib_log(XENLIB_LOG_ERR, domid,
			   "ioreq server %u: pages at unaligned offset 0x%llx",
			   id, (unsigned long long)info->pages_offset);
		rc = -EPROTO;
	} else if (memfd) {
		*memfd = fds[CTL_IOREQ_FD_MEM];
		fds[CTL_IOREQ_FD_MEM] = -1;
	}
	ctl_close_fds(fds, nr);
	return rc;
}

void xenlib_conn_reset_all(void)
{
	struct xenlib_conn *c;

	pthread_mutex_lock(&conn_table_lock);
	for (c = conn_table; c; c = c->next) {
		xenlib_mem_forget(&c->mem);
		pthread_mutex_lock(&c->lock);
		conn_drop(c);
		pthread_mutex_unlock(&c->lock);
	}
	pthread_mutex_unlock(&conn_table_lock);
}
