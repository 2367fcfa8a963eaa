/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The fake hvm-domain's life cycle, server loop and test accessors
 * (xenlib_fake.h). The op handlers are in xenlib_fake_ops.c.
 */
#define _GNU_SOURCE
#include "xenlib_fake_priv.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hvm_test.h"

static char rundir[64];

void fake_rundir_init(void)
{
	snprintf(rundir, sizeof(rundir), "/tmp/xenlib_test.XXXXXX");
	if (!mkdtemp(rundir)) {
		CHECK(!"mkdtemp in /tmp works");
		return;
	}
	CHECK_EQ(0, setenv("HVM_RUN_DIR", rundir, 1));
}

const char *fake_rundir(void)
{
	return rundir;
}

void fake_rundir_cleanup(void)
{
	CHECK_EQ(0, rmdir(rundir));
}

/* Union of every payload the fake receives or sends. */
union fake_payload {
	struct ctl_domain_info info;
	struct ctl_ioreq_info ioreq;
	struct ctl_mem_info mem;
	struct ctl_dirty_bitmap dirty;
	uint8_t bytes[FAKE_LAST_MAX];
};

static int serve_one(struct fake_dom *f, int fd)
{
	union fake_payload req, resp;
	int fds[CTL_MAX_FDS];
	unsigned int nr = 0;
	struct ctl_hdr h;
	int rc;

	rc = ctl_recv(fd, false, &h, &req, sizeof(req), NULL, 0, NULL);
	if (rc)
		return rc;
	memset(&resp, 0, sizeof(resp));
	pthread_mutex_lock(&f->lock);
	h.rc = fake_dispatch(f, h.op, &req, &resp, fds, &nr);
	pthread_mutex_unlock(&f->lock);
	h.len = h.rc < 0 ? 0 : (uint32_t)ctl_payload_size(h.op, true);
	h.nr_fds = h.rc < 0 ? 0 : nr;
	return ctl_send(fd, &h, &resp, fds, h.nr_fds);
}

static void add_client(struct fake_dom *f)
{
	int fd = ctl_accept(f->listen_fd);
	unsigned int i;

	if (fd < 0)
		return;
	for (i = 0; i < FAKE_CLIENTS; i++) {
		if (f->clients[i] < 0) {
			f->clients[i] = fd;
			return;
		}
	}
	close(fd);
}

static int poll_once(struct fake_dom *f)
{
	struct pollfd pfd[FAKE_CLIENTS + 2];
	unsigned int i;

	pfd[0] = (struct pollfd){.fd = f->stop_efd, .events = POLLIN};
	pfd[1] = (struct pollfd){.fd = f->listen_fd, .events = POLLIN};
	for (i = 0; i < FAKE_CLIENTS; i++)
		pfd[i + 2] =
			(struct pollfd){.fd = f->clients[i], .events = POLLIN};
	if (poll(pfd, FAKE_CLIENTS + 2, -1) < 0)
		return errno == EINTR ? 0 : -errno;
	if (pfd[0].revents)
		return -ECANCELED;
	if (pfd[1].revents & POLLIN)
		add_client(f);
	for (i = 0; i < FAKE_CLIENTS; i++) {
		if (f->clients[i] < 0 || !pfd[i + 2].revents)
			continue;
		if (serve_one(f, f->clients[i])) {
			close(f->clients[i]);
			f->clients[i] = -1;
		}
	}
	return 0;
}

static void *fake_thread(void *arg)
{
	struct fake_dom *f = arg;

	while (!poll_once(f))
		;
	return NULL;
}

static struct fake_dom *fake_new(uint32_t domid)
{
	struct fake_dom *f = calloc(1, sizeof(*f));
	unsigned int i;

	if (!f)
		return NULL;
	f->domid = domid;
	f->listen_fd = f->stop_efd = f->memfd = -1;
	for (i = 0; i < FAKE_CLIENTS; i++)
		f->clients[i] = -1;
	for (i = 0; i < FAKE_MAX_PORTS; i++)
		f->notify[i] = f->done[i] = -1;
	pthread_mutex_init(&f->lock, NULL);
	snprintf(f->dir, sizeof(f->dir), "%s/%u", rundir, domid);
	snprintf(f->path, sizeof(f->path), "%s/ctl", f->dir);
	f->mem_size = FAKE_MEM_PAGES * FAKE_PAGE;
	return f;
}

struct fake_dom *fake_start(uint32_t domid)
{
	struct fake_dom *f = fake_new(domid);

	if (!f)
		goto err;
	if (mkdir(f->dir, 0700) < 0 && errno != EEXIST)
		goto err;
	f->memfd = memfd_create("xenlib-fake", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	/* Sealed against shrinking as hvm-domain's; it may still grow. */
	if (f->memfd < 0 || ftruncate(f->memfd, (off_t)f->mem_size) < 0 ||
	    fcntl(f->memfd, F_ADD_SEALS, F_SEAL_SHRINK) < 0)
		goto err;
	f->stop_efd = eventfd(0, EFD_CLOEXEC);
	f->listen_fd = ctl_listen(f->path);
	if (f->stop_efd < 0 || f->listen_fd < 0)
		goto err;
	if (pthread_create(&f->thread, NULL, fake_thread, f))
		goto err;
	f->started = true;
	return f;
err:
	CHECK(!"the fake hvm-domain starts");
	fake_stop(f);
	return NULL;
}

void fake_stop(struct fake_dom *f)
{
	uint64_t one = 1;
	unsigned int i;

	if (!f)
		return;
	if (f->started) {
		CHECK_EQ(sizeof(one), write(f->stop_efd, &one, sizeof(one)));
		pthread_join(f->thread, NULL);
	}
	for (i = 0; i < FAKE_CLIENTS; i++)
		if (f->clients[i] >= 0)
			close(f->clients[i]);
	for (i = 0; i < FAKE_MAX_PORTS; i++) {
		if (f->notify[i] >= 0)
			close(f->notify[i]);
		if (f->done[i] >= 0)
			close(f->done[i]);
	}
	if (f->listen_fd >= 0) {
		close(f->listen_fd);
		unlink(f->path);
	}
	rmdir(f->dir);
	if (f->stop_efd >= 0)
		close(f->stop_efd);
	if (f->memfd >= 0)
		close(f->memfd);
	pthread_mutex_destroy(&f->lock);
	free(f);
}

void fake_set_rc(struct fake_dom *f, uint16_t op, int rc)
{
	pthread_mutex_lock(&f->lock);
	if (op < CTL_OP_NR)
		f->force_rc[op] = rc;
	pthread_mutex_unlock(&f->lock);
}

unsigned int fake_count(struct fake_dom *f, uint16_t op)
{
	unsigned int n = 0;

	pthread_mutex_lock(&f->lock);
	if (op < CTL_OP_NR)
		n = f->count[op];
	pthread_mutex_unlock(&f->lock);
	return n;
}

void fake_last(struct fake_dom *f, uint16_t op, void *buf, size_t len)
{
	memset(buf, 0, len);
	if (op >= CTL_OP_NR || len > FAKE_LAST_MAX) {
		CHECK(!"fake_last() gets a known op and a small buffer");
		return;
	}
	pthread_mutex_lock(&f->lock);
	memcpy(buf, f->last[op], len);
	pthread_mutex_unlock(&f->lock);
}

void fake_add_region(struct fake_dom *f, uint64_t gpa, uint64_t size,
		     uint64_t offset)
{
	struct ctl_mem_region *r;

	pthread_mutex_lock(&f->lock);
	if (f->mem.nr_regions < CTL_MEM_MAX_REGIONS) {
		r = &f->mem.r[f->mem.nr_regions++];
		*r = (struct ctl_mem_region){
			.gpa = gpa, .size = size, .offset = offset};
	}
	pthread_mutex_unlock(&f->lock);
}

void fake_add_grant_region(struct fake_dom *f, uint64_t gpa, uint64_t size,
			   uint64_t offset)
{
	pthread_mutex_lock(&f->lock);
	if (f->mem.nr_regions < CTL_MEM_MAX_REGIONS)
		f->mem.r[f->mem.nr_regions++] =
			(struct ctl_mem_region){.gpa = gpa,
						.size = size,
						.offset = offset,
						.kind = CTL_MEM_GRANT};
	pthread_mutex_unlock(&f->lock);
}

uint8_t fake_memfd_byte(struct fake_dom *f, uint64_t off)
{
	uint8_t b = 0;

	CHECK_EQ(1, pread(f->memfd, &b, 1, (off_t)off));
	return b;
}

void fake_memfd_put(struct fake_dom *f, uint64_t off, uint8_t b)
{
	CHECK_EQ(1, pwrite(f->memfd, &b, 1, (off_t)off));
}

int fake_memfd(struct fake_dom *f)
{
	return f->memfd;
}

static int port_fd(struct fake_dom *f, uint32_t port, bool notify)
{
	int fd = -1;

	pthread_mutex_lock(&f->lock);
	if (fake_port_init(f, port) == 0)
		fd = notify ? f->notify[port] : f->done[port];
	pthread_mutex_unlock(&f->lock);
	CHECK(fd >= 0);
	return fd;
}

int fake_notify_fd(struct fake_dom *f, uint32_t port)
{
	return port_fd(f, port, true);
}

int fake_done_fd(struct fake_dom *f, uint32_t port)
{
	return port_fd(f, port, false);
}

void fake_page_prot(const void *addr, char prot[5])
{
	unsigned long lo, hi, a = (unsigned long)addr;
	char line[512], perms[8];
	FILE *maps = fopen("/proc/self/maps", "r");

	snprintf(prot, 5, "none");
	if (!maps) {
		CHECK(!"/proc/self/maps is readable");
		return;
	}
	while (fgets(line, sizeof(line), maps)) {
		if (sscanf(line, "%lx-%lx %7s", &lo, &hi, perms) == 3 &&
		    a >= lo && a < hi) {
			memcpy(prot, perms, 4);
			prot[4] = '\0';
			break;
		}
	}
	fclose(maps);
}
