/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Inside the fake hvm-domain (xenlib_fake.h): its state, shared by the
 * server loop (xenlib_fake.c) and the op handlers (xenlib_fake_ops.c).
 */
#ifndef DEVICE_MODEL_XENLIB_FAKE_PRIV_H
#define DEVICE_MODEL_XENLIB_FAKE_PRIV_H

#include <pthread.h>
#include <stdbool.h>

#include "xenlib_fake.h"

#define FAKE_CLIENTS 4
#define FAKE_LAST_MAX 32
#define FAKE_MAX_SERVERS 8

struct fake_dom {
	uint32_t domid;
	char dir[80];
	char path[108];
	int listen_fd;
	int stop_efd;
	pthread_t thread;
	bool started;
	int clients[FAKE_CLIENTS];

	/* Everything below is guarded by @lock. */
	pthread_mutex_t lock;
	unsigned int count[CTL_OP_NR];
	uint8_t last[CTL_OP_NR][FAKE_LAST_MAX];
	int force_rc[CTL_OP_NR];
	int memfd;
	uint64_t mem_size;
	struct ctl_mem_info mem;
	uint64_t home[CTL_MEM_MAX_REGIONS]; /* populate-time GFN of a region */
	bool server_live[FAKE_MAX_SERVERS];
	uint16_t next_id;
	int notify[FAKE_MAX_PORTS];
	int done[FAKE_MAX_PORTS];
};

/*
 * Answers one request (already checked by ctl_recv()): fills @resp and up to
 * CTL_MAX_FDS borrowed descriptors. Returns the reply's rc. Holds f->lock.
 */
int fake_dispatch(struct fake_dom *f, uint16_t op, const void *req, void *resp,
		  int *fds, unsigned int *nr_fds);

/* Creates the eventfd pair of remote port @port if needed; -errno. */
int fake_port_init(struct fake_dom *f, uint32_t port);

#endif /* DEVICE_MODEL_XENLIB_FAKE_PRIV_H */
