/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hvm-evtchn-peer: plays a backend in domain 0 for one guest event
 * channel, as a PV backend does through libxenevtchn: binds guest port
 * PORT through hvm-domain's control socket (CTL_OP_EVTCHN), then ROUNDS
 * times waits for the guest's send on the "notify" eventfd and answers
 * on the "done" one. A bind starts with one event (Xen's), which it
 * counts apart. Prints one line per step; each wait is bounded (30 s).
 * Exit status: 0 done, 1 a step failed, 2 usage.
 */
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "hypervisor/ctl_proto.h"
#include "hypervisor/parse_num.h"

#define WAIT_MS 30000

/*
 * Waits up to @ms for events and adds how many came (an eventfd sums
 * them) to *@count; 0 or -errno.
 */
static int wait_events(int efd, int ms, uint64_t *count)
{
	struct pollfd p = {.fd = efd, .events = POLLIN};
	uint64_t n;
	int rc = poll(&p, 1, ms);

	if (rc < 0)
		return -errno;
	if (rc == 0)
		return -ETIMEDOUT;
	if (read(efd, &n, sizeof(n)) != sizeof(n))
		return -errno;
	*count += n;
	return 0;
}

int main(int argc, char **argv)
{
	struct ctl_client c = {.sock = -1};
	struct ctl_evtchn req = {0}, resp;
	int fds[2] = {-1, -1}, rc;
	unsigned int nr = 0;
	uint64_t port, rounds, i, one = 1, events = 0;

	if (argc != 4 || parse_num_u64(argv[2], 10, UINT32_MAX, &port) ||
	    parse_num_u64(argv[3], 10, 1000, &rounds)) {
		fprintf(stderr, "usage: hvm-evtchn-peer SOCKET PORT ROUNDS\n");
		return 2;
	}
	c.sock = ctl_connect(argv[1]);
	if (c.sock < 0) {
		fprintf(stderr, "hvm-evtchn-peer: cannot connect to %s: %s\n",
			argv[1], strerror(-c.sock));
		return 1;
	}
	req.port = (uint32_t)port;
	rc = ctl_call(&c, CTL_OP_EVTCHN, &req, &resp, fds, 2, &nr);
	close(c.sock);
	if (rc || nr != 2) {
		fprintf(stderr, "hvm-evtchn-peer: binding port %u failed: %s\n",
			req.port, rc ? strerror(-rc) : "no eventfds");
		return 1;
	}
	printf("bound port %u\n", resp.port);
	/* The guest may have sent already: the first event is the bind's. */
	rc = wait_events(fds[0], 0, &events);
	printf("the bind's own event: %s\n", events ? "yes" : "no");
	events -= events ? 1 : 0;
	for (i = 0; i < rounds; i++) {
		rc = events ? 0 : wait_events(fds[0], WAIT_MS, &events);
		if (rc) {
			printf("round %llu: no event from the guest: %s\n",
			       (unsigned long long)i + 1, strerror(-rc));
			break;
		}
		events--;
		if (write(fds[1], &one, sizeof(one)) != sizeof(one)) {
			rc = -errno;
			printf("round %llu: cannot answer: %s\n",
			       (unsigned long long)i + 1, strerror(-rc));
			break;
		}
		printf("round %llu: the guest's event came, answered\n",
		       (unsigned long long)i + 1);
	}
	ctl_close_fds(fds, 2);
	return rc ? 1 : 0;
}
