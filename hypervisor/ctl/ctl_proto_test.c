/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for the control-socket codec over socketpair(SOCK_SEQPACKET):
 * every op round-trips in both directions (with real eventfds and a memfd
 * for IOREQ_INFO), ctl_send() refuses malformed headers, ctl_recv()
 * rejects hostile packets written raw with sendmsg() and closes the fds
 * that came with them. ctl_proto_sock_test.c tests the socket helpers and
 * ctl_call().
 */
#define _GNU_SOURCE
#include "hypervisor/ctl_proto.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include "ctl_proto_test.h"
#include "hvm_test.h"

/* Room to send more than the largest payload. */
#define RAW_MAX (MAX_PAYLOAD + 64)

struct raw_msg {
	struct ctl_hdr h;
	uint8_t payload[RAW_MAX];
};

/* A raw packet: @len bytes of @m, with @nr_attach fresh eventfds. */
struct hostile {
	bool response;
	struct raw_msg m;
	size_t len;
	unsigned int nr_attach;
};

static unsigned int count_fds(void)
{
	DIR *dir = opendir("/proc/self/fd");
	unsigned int n = 0;

	if (!dir) {
		CHECK(!"/proc/self/fd is readable");
		return 0;
	}
	while (readdir(dir))
		n++;
	closedir(dir);
	return n;
}

static void hdr_init(struct ctl_hdr *h, uint16_t op, int32_t rc, uint32_t len,
		     uint32_t nr_fds)
{
	*h = (struct ctl_hdr){.magic = CTL_MAGIC,
			      .version = CTL_VERSION,
			      .op = op,
			      .seq = 42,
			      .rc = rc,
			      .len = len,
			      .nr_fds = nr_fds};
}

static int raw_send(int sock, const void *buf, size_t len, const int *fds,
		    unsigned int nr_fds)
{
	char ctrl[CMSG_SPACE(sizeof(int) * 256)] = {0};
	struct iovec iov = {.iov_base = (void *)buf, .iov_len = len};
	struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1};
	struct cmsghdr *cm;

	if (nr_fds) {
		msg.msg_control = ctrl;
		msg.msg_controllen = CMSG_SPACE(sizeof(int) * nr_fds);
		cm = CMSG_FIRSTHDR(&msg);
		cm->cmsg_level = SOL_SOCKET;
		cm->cmsg_type = SCM_RIGHTS;
		cm->cmsg_len = CMSG_LEN(sizeof(int) * nr_fds);
		memcpy(CMSG_DATA(cm), fds, sizeof(int) * nr_fds);
	}
	return sendmsg(sock, &msg, MSG_NOSIGNAL) == (ssize_t)len ? 0 : -errno;
}

/*
 * A valid, non-trivial payload for @op in @buf; returns its size. Built in
 * locals and copied, as @buf need not be aligned.
 */
static size_t sample_payload(uint16_t op, bool response, void *buf)
{
	struct ctl_domain_info di = {.domid = 7,
				     .state = CTL_STATE_PAUSED,
				     .nr_vcpus = 2,
				     .ram_size = 256ULL << 20,
				     .detail = "paused by hvmctl"};
	struct ctl_ioreq_info ii = {.pages_offset = 0x10000,
				    .nr_vcpus = 1,
				    .buf_port = 9,
				    .vcpu_port = {8}};
	struct ctl_ioreq_range r = {
		.id = 3, .type = 1, .start = 0xfe000000, .end = 0xfe000fff};
	size_t len = ctl_payload_size(op, response);

	if (len == SIZE_MAX)
		return 0; /* an unknown op: send no payload */
	memset(buf, 0, len);
	if (op == CTL_OP_QUERY && response)
		memcpy(buf, &di, len);
	else if (op == CTL_OP_IOREQ_INFO && response)
		memcpy(buf, &ii, len);
	else if (op == CTL_OP_IOREQ_MAP || op == CTL_OP_IOREQ_UNMAP)
		memcpy(buf, &r, len);
	else if (len)
		*(uint8_t *)buf = 1; /* create/id/state: the first field */
	return len;
}

static void round_trip(uint16_t op, bool response)
{
	uint8_t out[MAX_PAYLOAD], in[MAX_PAYLOAD];
	int sent[CTL_MAX_FDS], got[CTL_MAX_FDS];
	unsigned int i, nr = 0, nr_got = 99;
	struct ctl_hdr h, rh;
	size_t len;
	int sv[2];

	ctl_test_pair(sv);
	len = sample_payload(op, response, out);
	if (response && op == CTL_OP_IOREQ_INFO) {
		nr = CTL_IOREQ_INFO_NR_FDS(1);
		sent[0] = ctl_test_memfd();
		ctl_test_eventfds(sent + 1, nr - 1);
	} else if (response && op == CTL_OP_MEM_INFO) {
		nr = 1;
		sent[0] = ctl_test_memfd();
	} else if (response && op == CTL_OP_EVTCHN) {
		nr = 2;
		ctl_test_eventfds(sent, nr);
	}
	hdr_init(&h, op, 0, len, nr);
	CHECK_EQ(0, ctl_send(sv[0], &h, out, sent, nr));
	CHECK_EQ(0, ctl_recv(sv[1], response, &rh, in, sizeof(in), got,
			     CTL_MAX_FDS, &nr_got));
	CHECK_EQ(0, memcmp(&h, &rh, sizeof(h)));
	CHECK_EQ(0, memcmp(out, in, len));
	CHECK_EQ(nr, nr_got);
	for (i = 0; i < nr && nr == nr_got; i++) {
		CHECK_EQ(FD_CLOEXEC, fcntl(got[i], F_GETFD) & FD_CLOEXEC);
		if (i == CTL_IOREQ_FD_MEM && op != CTL_OP_EVTCHN)
			ctl_test_same_memfd(got[i], sent[i]);
		else
			ctl_test_same_eventfd(got[i], sent[i]);
	}
	ctl_close_fds(sent, nr);
	ctl_close_fds(got, nr_got);
	ctl_test_close_pair(sv);
}

static void test_sizes(void)
{
	CHECK_EQ(0, ctl_payload_size(CTL_OP_QUERY, false));
	CHECK_EQ(280, ctl_payload_size(CTL_OP_QUERY, true));
	CHECK_EQ(8, ctl_payload_size(CTL_OP_IOREQ_CREATE, false));
	CHECK_EQ(8, ctl_payload_size(CTL_OP_IOREQ_CREATE, true));
	CHECK_EQ(8, ctl_payload_size(CTL_OP_IOREQ_INFO, false));
	CHECK_EQ(272, ctl_payload_size(CTL_OP_IOREQ_INFO, true));
	CHECK_EQ(24, ctl_payload_size(CTL_OP_IOREQ_UNMAP, false));
	CHECK_EQ(0, ctl_payload_size(CTL_OP_IOREQ_SET_STATE, true));
	CHECK_EQ(SIZE_MAX, ctl_payload_size(0, false));
	CHECK_EQ(SIZE_MAX, ctl_payload_size(CTL_OP_NR, true));
	CHECK_EQ(SIZE_MAX, ctl_payload_size(0xffff, true));
	CHECK_EQ(131, ctl_max_fds(CTL_OP_IOREQ_INFO, true));
	CHECK_EQ(0, ctl_max_fds(CTL_OP_IOREQ_INFO, false));
	CHECK_EQ(0, ctl_max_fds(CTL_OP_QUERY, true));
	CHECK_EQ(0, ctl_max_fds(0xffff, true));
}

static void test_round_trip_every_op(void)
{
	struct ctl_hdr h, rh;
	uint16_t op;
	int sv[2];

	for (op = 1; op < CTL_OP_NR; op++) {
		round_trip(op, false);
		round_trip(op, true);
		/* an error response has no payload, whatever the op */
		ctl_test_pair(sv);
		hdr_init(&h, op, -ENOENT, 0, 0);
		CHECK_EQ(0, ctl_send(sv[0], &h, NULL, NULL, 0));
		CHECK_EQ(0, ctl_recv(sv[1], true, &rh, NULL, 0, NULL, 0, NULL));
		CHECK_EQ(-ENOENT, rh.rc);
		ctl_test_close_pair(sv);
	}
}

/* The largest IOREQ_INFO: 64 vCPUs, 131 descriptors. */
static void test_ioreq_info_max_vcpus(void)
{
	int sent[CTL_MAX_FDS], got[CTL_MAX_FDS];
	struct ctl_ioreq_info info = {.nr_vcpus = CTL_MAX_VCPUS}, rinfo;
	unsigned int nr = CTL_MAX_FDS, nr_got = 0;
	struct ctl_hdr h, rh;
	int sv[2];

	ctl_test_pair(sv);
	ctl_test_eventfds(sent, nr);
	hdr_init(&h, CTL_OP_IOREQ_INFO, 0, sizeof(info), nr);
	CHECK_EQ(0, ctl_send(sv[0], &h, &info, sent, nr));
	CHECK_EQ(0, ctl_recv(sv[1], true, &rh, &rinfo, sizeof(rinfo), got,
			     CTL_MAX_FDS, &nr_got));
	CHECK_EQ(nr, nr_got);
	if (nr_got == nr) {
		ctl_test_same_eventfd(got[CTL_IOREQ_FD_NOTIFY(CTL_MAX_VCPUS)],
				      sent[CTL_IOREQ_FD_NOTIFY(CTL_MAX_VCPUS)]);
		ctl_test_same_eventfd(sent[CTL_IOREQ_FD_DONE(0)],
				      got[CTL_IOREQ_FD_DONE(0)]);
	}
	ctl_close_fds(sent, nr);
	ctl_close_fds(got, nr_got);
	ctl_test_close_pair(sv);
}

static void expect_send_einval(int sock, const struct ctl_hdr *h,
			       const void *payload, unsigned int nr_fds,
			       int line)
{
	int fds[CTL_MAX_FDS];
	int rc;

	ctl_test_eventfds(fds, nr_fds);
	rc = ctl_send(sock, h, payload, fds, nr_fds);
	if (rc != -EINVAL)
		hvm_test_fail(__FILE__, line, "ctl_send: expected %d, saw %d",
			      -EINVAL, rc);
	ctl_close_fds(fds, nr_fds);
}

#define EXPECT_SEND_EINVAL(h, payload, nr_fds)                                 \
	expect_send_einval(sv[0], h, payload, nr_fds, __LINE__)

static void test_send_refuses_malformed(void)
{
	uint8_t buf[MAX_PAYLOAD];
	struct ctl_hdr h;
	int sv[2];

	ctl_test_pair(sv);
	hdr_init(&h, CTL_OP_PAUSE, 0, 0, 0);
	h.magic = 0;
	EXPECT_SEND_EINVAL(&h, NULL, 0);
	hdr_init(&h, CTL_OP_NR, 0, 0, 0);
	EXPECT_SEND_EINVAL(&h, NULL, 0);
	hdr_init(&h, CTL_OP_PAUSE, 0, 8, 0);
	EXPECT_SEND_EINVAL(&h, buf, 0);
	hdr_init(&h, CTL_OP_PAUSE, 0, 0, 1); /* header says 1, 0 passed */
	EXPECT_SEND_EINVAL(&h, NULL, 0);
	hdr_init(&h, CTL_OP_PAUSE, 0, 0, 1); /* fds on a fd-less op */
	EXPECT_SEND_EINVAL(&h, NULL, 1);
	hdr_init(&h, CTL_OP_PAUSE, 5, 0, 0);
	EXPECT_SEND_EINVAL(&h, NULL, 0);
	hdr_init(&h, CTL_OP_QUERY, -EIO, sizeof(struct ctl_domain_info), 0);
	sample_payload(CTL_OP_QUERY, true, buf);
	EXPECT_SEND_EINVAL(&h, buf, 0);
	memset(buf + offsetof(struct ctl_domain_info, detail), 'x',
	       CTL_DETAIL_LEN);
	hdr_init(&h, CTL_OP_QUERY, 0, sizeof(struct ctl_domain_info), 0);
	EXPECT_SEND_EINVAL(&h, buf, 0);
	hdr_init(&h, CTL_OP_IOREQ_INFO, 0, sizeof(struct ctl_ioreq_info), 4);
	sample_payload(CTL_OP_IOREQ_INFO, true, buf);
	EXPECT_SEND_EINVAL(&h, buf, 4); /* nr_vcpus 1 needs 5 */
	hdr_init(&h, CTL_OP_IOREQ_SET_STATE, 0, 8, 0);
	memset(buf, 0, 8);
	buf[7] = 1;
	EXPECT_SEND_EINVAL(&h, buf, 0);
	/* nothing reached the peer */
	CHECK_EQ(-1, recv(sv[1], buf, sizeof(buf), MSG_DONTWAIT));
	CHECK_EQ(EAGAIN, errno);
	ctl_test_close_pair(sv);
}

/* Sends @m raw and checks that ctl_recv() fails with @want, leaking no fd. */
static void expect_reject(const struct hostile *m, unsigned int fds_max,
			  int want, int line)
{
	int sent[256], got[CTL_MAX_FDS];
	unsigned int before, nr_got = 99;
	uint8_t in[MAX_PAYLOAD];
	struct ctl_hdr rh;
	int sv[2], rc;

	ctl_test_pair(sv);
	ctl_test_eventfds(sent, m->nr_attach);
	before = count_fds();
	CHECK_EQ(0, raw_send(sv[0], &m->m, m->len, sent, m->nr_attach));
	rc = ctl_recv(sv[1], m->response, &rh, in, sizeof(in), got, fds_max,
		      &nr_got);
	if (rc != want)
		hvm_test_fail(__FILE__, line, "ctl_recv: expected %d, saw %d",
			      want, rc);
	CHECK_EQ(0, nr_got);
	if (count_fds() != before)
		hvm_test_fail(__FILE__, line, "fds open: expected %u, saw %u",
			      before, count_fds());
	ctl_close_fds(sent, m->nr_attach);
	ctl_test_close_pair(sv);
}

#define EXPECT_REJECT(m, want) expect_reject(m, CTL_MAX_FDS, want, __LINE__)

/* A valid message of @op to start each hostile variant from. */
static void hostile_init(struct hostile *m, uint16_t op, bool response,
			 unsigned int nr_attach)
{
	size_t len;

	memset(m, 0, sizeof(*m));
	m->response = response;
	len = sample_payload(op, response, m->m.payload);
	hdr_init(&m->m.h, op, 0, len, nr_attach);
	m->len = sizeof(m->m.h) + len;
	m->nr_attach = nr_attach;
}

static void test_recv_rejects_bad_header(void)
{
	struct hostile m;

	hostile_init(&m, CTL_OP_PAUSE, false, 1);
	m.m.h.magic = 0x48564d43; /* byte-swapped */
	EXPECT_REJECT(&m, -EPROTO);
	hostile_init(&m, CTL_OP_PAUSE, false, 0);
	m.m.h.version = CTL_VERSION + 1;
	EXPECT_REJECT(&m, -EPROTO);
	hostile_init(&m, 0, false, 0);
	EXPECT_REJECT(&m, -EPROTO);
	hostile_init(&m, CTL_OP_NR, false, 0);
	EXPECT_REJECT(&m, -EPROTO);
	hostile_init(&m, 0xffff, true, 0);
	EXPECT_REJECT(&m, -EPROTO);
	hostile_init(&m, CTL_OP_PAUSE, false, 0);
	m.len = 10; /* shorter than a header */
	EXPECT_REJECT(&m, -EPROTO);
	hostile_init(&m, CTL_OP_PAUSE, false, 0);
	m.m.h.rc = -EIO; /* rc in a request */
	EXPECT_REJECT(&m, -EPROTO);
	hostile_init(&m, CTL_OP_PAUSE, true, 0);
	m.m.h.rc = 1;
	EXPECT_REJECT(&m, -EPROTO);
	m.m.h.rc = -(CTL_ERRNO_MAX + 1);
	EXPECT_REJECT(&m, -EPROTO);
	m.m.h.rc = INT32_MIN;
	EXPECT_REJECT(&m, -EPROTO);
}

static void test_recv_rejects_bad_length(void)
{
	struct hostile m;

	hostile_init(&m, CTL_OP_PAUSE, false, 0);
	m.m.h.len = m.len = 8; /* consistent, but PAUSE has no payload */
	m.len += sizeof(m.m.h);
	EXPECT_REJECT(&m, -EPROTO);
	hostile_init(&m, CTL_OP_IOREQ_MAP, false, 0);
	m.len -= 4; /* header claims more than was sent */
	EXPECT_REJECT(&m, -EPROTO);
	hostile_init(&m, CTL_OP_IOREQ_MAP, false, 0);
	m.m.h.len = m.len = 0; /* a request sent as a response shape */
	m.len += sizeof(m.m.h);
	EXPECT_REJECT(&m, -EPROTO);
	hostile_init(&m, CTL_OP_QUERY, true, 0);
	m.m.h.rc = -ENOENT; /* error responses carry no payload */
	EXPECT_REJECT(&m, -EPROTO);
	hostile_init(&m, CTL_OP_QUERY, false, 0);
	m.m.h.len = RAW_MAX; /* bigger than any payload buffer */
	m.len = sizeof(m.m);
	EXPECT_REJECT(&m, -EMSGSIZE);
	m.nr_attach = m.m.h.nr_fds = 2; /* and its fds are closed */
	EXPECT_REJECT(&m, -EMSGSIZE);
}

static void test_recv_rejects_bad_payload(void)
{
	struct hostile m;

	hostile_init(&m, CTL_OP_IOREQ_CREATE, false, 0);
	m.m.payload[offsetof(struct ctl_ioreq_create, pad) + 6] = 1;
	EXPECT_REJECT(&m, -EPROTO);
	hostile_init(&m, CTL_OP_IOREQ_CREATE, true, 0);
	m.m.payload[offsetof(struct ctl_ioreq_id, pad) + 5] = 0x80;
	EXPECT_REJECT(&m, -EPROTO);
	hostile_init(&m, CTL_OP_IOREQ_DESTROY, false, 0);
	m.m.payload[offsetof(struct ctl_ioreq_id, pad)] = 1;
	EXPECT_REJECT(&m, -EPROTO);
	hostile_init(&m, CTL_OP_IOREQ_INFO, false, 0);
	m.m.payload[offsetof(struct ctl_ioreq_id, pad) + 2] = 1;
	EXPECT_REJECT(&m, -EPROTO);
	hostile_init(&m, CTL_OP_IOREQ_UNMAP, false, 0);
	m.m.payload[offsetof(struct ctl_ioreq_range, pad) + 1] = 1;
	EXPECT_REJECT(&m, -EPROTO);
	hostile_init(&m, CTL_OP_IOREQ_SET_STATE, false, 0);
	m.m.payload[offsetof(struct ctl_ioreq_state, pad) + 4] = 1;
	EXPECT_REJECT(&m, -EPROTO);
	hostile_init(&m, CTL_OP_QUERY, true, 0);
	memset(m.m.payload + offsetof(struct ctl_domain_info, detail), 'A',
	       CTL_DETAIL_LEN);
	EXPECT_REJECT(&m, -EPROTO);
}

/* The device model's ops: padding, counts and bounds. */
static void test_recv_rejects_bad_dm_payload(void)
{
	uint32_t big = CTL_MEM_MAX_REGIONS + 1, nr = CTL_DIRTY_MAX_PAGES + 1;
	struct hostile m;

	hostile_init(&m, CTL_OP_SET_PCI_INTX, false, 0);
	m.m.payload[offsetof(struct ctl_pci_intx, pad) + 3] = 1;
	EXPECT_REJECT(&m, -EPROTO);
	hostile_init(&m, CTL_OP_SET_PCI_LINK, false, 0);
	m.m.payload[offsetof(struct ctl_pci_link, pad) + 5] = 1;
	EXPECT_REJECT(&m, -EPROTO);
	hostile_init(&m, CTL_OP_MEM_INFO, true, 1);
	memcpy(m.m.payload, &big, sizeof(big)); /* too many regions */
	EXPECT_REJECT(&m, -EPROTO);
	hostile_init(&m, CTL_OP_MEM_INFO, true, 1);
	/* a region past nr_regions that is not all zero */
	m.m.payload[offsetof(struct ctl_mem_info, r[3].size)] = 1;
	EXPECT_REJECT(&m, -EPROTO);
	hostile_init(&m, CTL_OP_MEM_INFO, true, 0); /* no memfd */
	EXPECT_REJECT(&m, -EPROTO);
	hostile_init(&m, CTL_OP_EVTCHN, true, 1); /* one eventfd of two */
	EXPECT_REJECT(&m, -EPROTO);
	hostile_init(&m, CTL_OP_EVTCHN, false, 0);
	m.m.payload[offsetof(struct ctl_evtchn, pad)] = 1;
	EXPECT_REJECT(&m, -EPROTO);
	hostile_init(&m, CTL_OP_GET_PARAM, false, 0);
	m.m.payload[offsetof(struct ctl_param, pad)] = 1;
	EXPECT_REJECT(&m, -EPROTO);
	hostile_init(&m, CTL_OP_GET_PARAM, false, 0);
	m.m.payload[offsetof(struct ctl_param, value)] = 1;
	EXPECT_REJECT(&m, -EPROTO);
	hostile_init(&m, CTL_OP_GET_PARAM, true, 0);
	m.m.payload[offsetof(struct ctl_param, pad) + 3] = 1;
	EXPECT_REJECT(&m, -EPROTO);
	hostile_init(&m, CTL_OP_DIRTY_VRAM, false, 0);
	memcpy(m.m.payload + offsetof(struct ctl_dirty_req, nr), &nr,
	       sizeof(nr));
	EXPECT_REJECT(&m, -EPROTO);
}

static void test_recv_rejects_bad_fds(void)
{
	size_t nr_vcpus_off = offsetof(struct ctl_ioreq_info, nr_vcpus);
	uint32_t nr_vcpus;
	struct hostile m;

	hostile_init(&m, CTL_OP_PAUSE, false, 1);
	m.m.h.nr_fds = 0; /* header hides an fd */
	EXPECT_REJECT(&m, -EPROTO);
	hostile_init(&m, CTL_OP_PAUSE, false, 1);
	m.m.h.nr_fds = 2; /* header claims more than came */
	EXPECT_REJECT(&m, -EPROTO);
	hostile_init(&m, CTL_OP_IOREQ_DESTROY, false, 1); /* request + fd */
	EXPECT_REJECT(&m, -EPROTO);
	hostile_init(&m, CTL_OP_QUERY, true, 1); /* fd-less response + fd */
	EXPECT_REJECT(&m, -EPROTO);
	hostile_init(&m, CTL_OP_IOREQ_INFO, true, CTL_IOREQ_INFO_NR_FDS(1));
	m.m.h.rc = -EBUSY; /* error responses carry no fds either */
	m.m.h.len = 0;
	m.len = sizeof(m.m.h);
	EXPECT_REJECT(&m, -EPROTO);
	hostile_init(&m, CTL_OP_IOREQ_INFO, true, CTL_IOREQ_INFO_NR_FDS(2));
	EXPECT_REJECT(&m, -EPROTO); /* nr_vcpus 1 needs 5 fds, not 7 */
	nr_vcpus = 0;
	memcpy(m.m.payload + nr_vcpus_off, &nr_vcpus, sizeof(nr_vcpus));
	EXPECT_REJECT(&m, -EPROTO);
	hostile_init(&m, CTL_OP_IOREQ_INFO, true, 0);
	nr_vcpus = CTL_MAX_VCPUS + 1;
	memcpy(m.m.payload + nr_vcpus_off, &nr_vcpus, sizeof(nr_vcpus));
	EXPECT_REJECT(&m, -EPROTO);
	hostile_init(&m, CTL_OP_IOREQ_INFO, true, CTL_IOREQ_INFO_NR_FDS(1));
	expect_reject(&m, 4, -EMSGSIZE, __LINE__); /* more than fds_max */
	hostile_init(&m, CTL_OP_IOREQ_INFO, true, 200);
	EXPECT_REJECT(&m, -EMSGSIZE); /* more than any message may carry */
}

static void test_recv_peer_closed_or_empty(void)
{
	struct hostile m;
	struct ctl_hdr rh;
	int sv[2];

	hostile_init(&m, CTL_OP_PAUSE, false, 0);
	m.len = 0;
	EXPECT_REJECT(&m, -ECONNRESET);
	m.nr_attach = 1; /* an empty packet can still carry fds */
	EXPECT_REJECT(&m, -ECONNRESET);
	ctl_test_pair(sv);
	close(sv[0]);
	CHECK_EQ(-ECONNRESET,
		 ctl_recv(sv[1], true, &rh, NULL, 0, NULL, 0, NULL));
	close(sv[1]);
}

/* Credentials are not part of the protocol; a peer cannot smuggle them. */
static void test_recv_rejects_other_cmsg(void)
{
	struct ctl_hdr h, rh;
	int sv[2], on = 1;

	ctl_test_pair(sv);
	CHECK_EQ(0,
		 setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &on, sizeof(on)));
	hdr_init(&h, CTL_OP_PAUSE, 0, 0, 0);
	CHECK_EQ(0, ctl_send(sv[0], &h, NULL, NULL, 0));
	CHECK_EQ(-EPROTO, ctl_recv(sv[1], false, &rh, NULL, 0, NULL, 0, NULL));
	ctl_test_close_pair(sv);
}

int main(void)
{
	HVM_TEST(test_sizes);
	HVM_TEST(test_round_trip_every_op);
	HVM_TEST(test_ioreq_info_max_vcpus);
	HVM_TEST(test_send_refuses_malformed);
	HVM_TEST(test_recv_rejects_bad_header);
	HVM_TEST(test_recv_rejects_bad_length);
	HVM_TEST(test_recv_rejects_bad_payload);
	HVM_TEST(test_recv_rejects_bad_dm_payload);
	HVM_TEST(test_recv_rejects_bad_fds);
	HVM_TEST(test_recv_peer_closed_or_empty);
	HVM_TEST(test_recv_rejects_other_cmsg);
	HVM_TEST(ctl_test_listen_connect);
	HVM_TEST(ctl_test_call);
	return hvm_test_summary();
}
