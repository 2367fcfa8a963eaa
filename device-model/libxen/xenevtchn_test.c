/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for libxenevtchn against the fake hvm-domain: the handle's
 * fd is readable exactly while a deliverable port exists, pending() is
 * FIFO and non-blocking, a delivered port stays masked until unmask() and
 * then delivers what arrived meanwhile, notify() signals the done eventfd,
 * handles are independent, and unbind, close and bind errors are clean.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <unistd.h>
#include <xenevtchn.h>

#include "hvm_test.h"
#include "xenlib_fake.h"
#include "xenlib_priv.h"

#define DOMID 5

static struct fake_dom *f;

/* The hypervisor side: signal remote port @port. */
static void signal_port(uint32_t port)
{
	uint64_t one = 1;

	CHECK_EQ(sizeof(one),
		 write(fake_notify_fd(f, port), &one, sizeof(one)));
}

static bool is_readable(xenevtchn_handle *xce)
{
	struct pollfd pfd = {.fd = xenevtchn_fd(xce), .events = POLLIN};

	return poll(&pfd, 1, 0) == 1 && (pfd.revents & POLLIN);
}

static void test_fifo(void)
{
	xenevtchn_handle *xce = xenevtchn_open(NULL, 0);
	int a, b, c;

	a = xenevtchn_bind_interdomain(xce, DOMID, FAKE_VCPU_PORT(0));
	b = xenevtchn_bind_interdomain(xce, DOMID, FAKE_VCPU_PORT(1));
	c = xenevtchn_bind_interdomain(xce, DOMID, FAKE_BUF_PORT);
	CHECK(a >= 0 && b >= 0 && c >= 0);
	CHECK(a != b && b != c && a != c);
	CHECK(!is_readable(xce));
	errno = 0;
	CHECK_EQ(-1, xenevtchn_pending(xce));
	CHECK_EQ(EAGAIN, errno);

	signal_port(FAKE_VCPU_PORT(1));
	signal_port(FAKE_VCPU_PORT(0));
	signal_port(FAKE_BUF_PORT);
	CHECK(is_readable(xce));
	CHECK_EQ(b, xenevtchn_pending(xce));
	CHECK_EQ(a, xenevtchn_pending(xce));
	CHECK_EQ(c, xenevtchn_pending(xce));
	/* All three delivered and masked: nothing to report. */
	CHECK(!is_readable(xce));
	CHECK_EQ(-1, xenevtchn_pending(xce));
	CHECK_EQ(0, xenevtchn_close(xce));
}

static void test_masking(void)
{
	xenevtchn_handle *xce = xenevtchn_open(NULL, 0);
	int port = xenevtchn_bind_interdomain(xce, DOMID, FAKE_VCPU_PORT(0));

	CHECK(port >= 0);
	signal_port(FAKE_VCPU_PORT(0));
	signal_port(FAKE_VCPU_PORT(0)); /* coalesces with the first */
	CHECK_EQ(port, xenevtchn_pending(xce));
	CHECK(!is_readable(xce));
	/* An event while masked is held, and the fd stays quiet. */
	signal_port(FAKE_VCPU_PORT(0));
	CHECK(!is_readable(xce));
	CHECK_EQ(-1, xenevtchn_pending(xce));
	CHECK_EQ(0, xenevtchn_unmask(xce, port));
	CHECK(is_readable(xce));
	CHECK_EQ(port, xenevtchn_pending(xce));
	/* Unmasked with nothing new: not readable. */
	CHECK_EQ(0, xenevtchn_unmask(xce, port));
	CHECK(!is_readable(xce));
	CHECK_EQ(-1, xenevtchn_pending(xce));
	/* Unmasking an unmasked or unknown port changes nothing. */
	CHECK_EQ(0, xenevtchn_unmask(xce, port));
	CHECK_EQ(0, xenevtchn_unmask(xce, 999));
	CHECK(!is_readable(xce));
	signal_port(FAKE_VCPU_PORT(0));
	CHECK_EQ(port, xenevtchn_pending(xce));
	CHECK_EQ(0, xenevtchn_close(xce));
}

static void test_notify(void)
{
	xenevtchn_handle *xce = xenevtchn_open(NULL, 0);
	int port = xenevtchn_bind_interdomain(xce, DOMID, FAKE_VCPU_PORT(1));
	uint64_t v = 0;

	CHECK(port >= 0);
	CHECK_EQ(0, xenevtchn_notify(xce, port));
	CHECK_EQ(sizeof(v),
		 read(fake_done_fd(f, FAKE_VCPU_PORT(1)), &v, sizeof(v)));
	CHECK_EQ(1, v);
	errno = 0;
	CHECK_EQ(-1, xenevtchn_notify(xce, port + 100));
	CHECK_EQ(ENOTCONN, errno);
	/* Our own notification is not an event for us. */
	CHECK(!is_readable(xce));
	CHECK_EQ(0, xenevtchn_close(xce));
}

static void test_two_handles(void)
{
	xenevtchn_handle *h1 = xenevtchn_open(NULL, 0);
	xenevtchn_handle *h2 = xenevtchn_open(NULL, 0);
	int p1 = xenevtchn_bind_interdomain(h1, DOMID, 3);
	int p2 = xenevtchn_bind_interdomain(h2, DOMID, 4);

	CHECK(p1 >= 0 && p2 >= 0);
	CHECK(xenevtchn_fd(h1) != xenevtchn_fd(h2));
	signal_port(4);
	CHECK(!is_readable(h1));
	CHECK(is_readable(h2));
	CHECK_EQ(-1, xenevtchn_pending(h1));
	CHECK_EQ(p2, xenevtchn_pending(h2));
	CHECK_EQ(0, xenevtchn_close(h1));
	CHECK_EQ(0, xenevtchn_close(h2));
}

static void test_unbind(void)
{
	xenevtchn_handle *xce = xenevtchn_open(NULL, 0);
	int port = xenevtchn_bind_interdomain(xce, DOMID, 6), again;

	CHECK(port >= 0);
	CHECK_EQ(0, xenevtchn_unbind(xce, port));
	errno = 0;
	CHECK_EQ(-1, xenevtchn_unbind(xce, port));
	CHECK_EQ(ENOTCONN, errno);
	CHECK_EQ(-1, xenevtchn_notify(xce, port));
	signal_port(6);
	CHECK(!is_readable(xce));
	/* A masked port can be unbound too, and its number is reused. */
	again = xenevtchn_bind_interdomain(xce, DOMID, 6);
	CHECK_EQ(port, again);
	CHECK_EQ(again, xenevtchn_pending(xce)); /* the event from before */
	CHECK_EQ(0, xenevtchn_unbind(xce, again));
	CHECK(!is_readable(xce));
	CHECK_EQ(0, xenevtchn_close(xce));
	CHECK_EQ(0, xenevtchn_close(NULL));
}

static void test_bind_errors(void)
{
	xenevtchn_handle *xce = xenevtchn_open(NULL, 0);

	errno = 0;
	CHECK_EQ(-1, xenevtchn_bind_interdomain(xce, DOMID, FAKE_MAX_PORTS));
	CHECK_EQ(ENOENT, errno);
	errno = 0;
	CHECK_EQ(-1, xenevtchn_bind_interdomain(xce, 66, 1));
	CHECK_EQ(ENOENT, errno);
	fake_set_rc(f, CTL_OP_EVTCHN, -EOPNOTSUPP);
	errno = 0;
	CHECK_EQ(-1, xenevtchn_bind_interdomain(xce, DOMID, 1));
	CHECK_EQ(EOPNOTSUPP, errno);
	fake_set_rc(f, CTL_OP_EVTCHN, 0);
	CHECK_EQ(-1, xenevtchn_bind_unbound_port(xce, DOMID));
	CHECK_EQ(-1, xenevtchn_bind_virq(xce, 0));
	CHECK(!xenevtchn_open(NULL, 0x80));
	CHECK(!xenevtchn_fdopen(NULL, 0, 0));
	CHECK_EQ(0, xenevtchn_close(xce));
}

/* Many ports: lowest free numbers, table growth, all delivered. */
static void test_many_ports(void)
{
	xenevtchn_handle *xce = xenevtchn_open(NULL, 0);
	int ports[FAKE_MAX_PORTS];
	unsigned int i;

	for (i = 0; i < FAKE_MAX_PORTS; i++) {
		ports[i] = xenevtchn_bind_interdomain(xce, DOMID, i);
		CHECK(ports[i] >= 1);
	}
	for (i = 0; i < FAKE_MAX_PORTS; i++)
		signal_port(i);
	for (i = 0; i < FAKE_MAX_PORTS; i++)
		CHECK_EQ(ports[i], xenevtchn_pending(xce));
	CHECK(!is_readable(xce));
	CHECK_EQ(0, xenevtchn_close(xce));
}

int main(void)
{
	fake_rundir_init();
	f = fake_start(DOMID);
	if (f) {
		HVM_TEST(test_fifo);
		HVM_TEST(test_masking);
		HVM_TEST(test_notify);
		HVM_TEST(test_two_handles);
		HVM_TEST(test_unbind);
		HVM_TEST(test_bind_errors);
		HVM_TEST(test_many_ports);
	}
	xenlib_conn_reset_all();
	fake_stop(f);
	fake_rundir_cleanup();
	return hvm_test_summary();
}
