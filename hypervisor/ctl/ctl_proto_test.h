/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Helpers shared by the two halves of the control-socket unit test
 * (ctl_proto_test.c: the codec; ctl_proto_sock_test.c: sockets and
 * ctl_call()), and the test cases the second half provides.
 */
#ifndef HYPERVISOR_CTL_PROTO_TEST_H
#define HYPERVISOR_CTL_PROTO_TEST_H

#include "hypervisor/ctl_proto.h"

/* The largest payload of any op. */
#define MAX_PAYLOAD sizeof(struct ctl_dirty_bitmap)

/* A connected close-on-exec SOCK_SEQPACKET pair; closed by the caller. */
void ctl_test_pair(int sv[2]);
void ctl_test_close_pair(int sv[2]);

/* Opens @nr non-blocking eventfds into @fds. */
void ctl_test_eventfds(int *fds, unsigned int nr);

/* A 4 KiB memfd, or -1 (and a failed check). */
int ctl_test_memfd(void);

/* Check that @a and @b refer to the same eventfd / memfd. */
void ctl_test_same_eventfd(int a, int b);
void ctl_test_same_memfd(int a, int b);

void ctl_test_listen_connect(void);
void ctl_test_call(void);

#endif /* HYPERVISOR_CTL_PROTO_TEST_H */
