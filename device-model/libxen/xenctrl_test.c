/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for libxenctrl, libxengnttab and libxentoolcore against the
 * fake hvm-domain: populate runs and refusals, shutdown, HVM params, the
 * passthrough stubs, the grant-copy probe, libxenstore's active-handle
 * calls and dup2 of /dev/null, the debug log ($HVM_XENLIB_LOG), and that
 * the libraries write nothing to stdout or stderr.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xenctrl.h>
#include <xengnttab.h>
#include <xentoolcore.h>

#include "hvm_test.h"
#include "xenlib_fake.h"
#include "xenlib_priv.h"

#define DOMID 9

/* libxenstore's active handle as dm-abi.md 2.7 describes it. */
struct active_handle {
	void *restrict_callback;
	struct active_handle *next;
	struct active_handle **prev_next;
};

void xentoolcore__register_active_handle(struct active_handle *ah);
void xentoolcore__deregister_active_handle(struct active_handle *ah);
int xentoolcore__restrict_by_dup2_null(int fd);

static struct fake_dom *f;
static xc_interface *xch;
static char log_path[128];

static void test_populate(void)
{
	xen_pfn_t gfns[] = {0x100, 0x101, 0x102, 0x200, 0x201};
	struct ctl_populate p;

	CHECK_EQ(0,
		 xc_domain_populate_physmap_exact(xch, DOMID, 5, 0, 0, gfns));
	CHECK_EQ(2, fake_count(f, CTL_OP_POPULATE));
	fake_last(f, CTL_OP_POPULATE, &p, sizeof(p));
	CHECK_EQ(0x200, p.gfn);
	CHECK_EQ(2, p.nr_pages);
	CHECK_EQ(0,
		 xc_domain_populate_physmap_exact(xch, DOMID, 0, 0, 0, NULL));
	CHECK_EQ(2, fake_count(f, CTL_OP_POPULATE));
}

static void test_populate_refusals(void)
{
	xen_pfn_t gfns[] = {0x300};

	errno = 0;
	CHECK_EQ(-1,
		 xc_domain_populate_physmap_exact(xch, DOMID, 1, 9, 0, gfns));
	CHECK_EQ(EINVAL, errno);
	CHECK_EQ(-1,
		 xc_domain_populate_physmap_exact(xch, DOMID, 1, 0, 0, NULL));
	CHECK_EQ(EINVAL, errno);
	CHECK_EQ(2, fake_count(f, CTL_OP_POPULATE));
	fake_set_rc(f, CTL_OP_POPULATE, -ENOMEM);
	errno = 0;
	CHECK_EQ(-1,
		 xc_domain_populate_physmap_exact(xch, DOMID, 1, 0, 0, gfns));
	CHECK_EQ(ENOMEM, errno);
	fake_set_rc(f, CTL_OP_POPULATE, 0);
}

static void test_shutdown_and_params(void)
{
	unsigned long v = 7;
	struct ctl_shutdown sd;

	CHECK_EQ(0, xc_domain_shutdown(xch, DOMID, SHUTDOWN_poweroff));
	fake_last(f, CTL_OP_SHUTDOWN, &sd, sizeof(sd));
	CHECK_EQ(SHUTDOWN_poweroff, sd.reason);
	CHECK_EQ(0, xc_set_hvm_param(xch, DOMID, HVM_PARAM_ACPI_S_STATE, 3));
	CHECK_EQ(0, xc_set_hvm_param(xch, DOMID, HVM_PARAM_ACPI_S_STATE, 0));
	CHECK_EQ(0, xc_get_hvm_param(xch, DOMID, HVM_PARAM_ACPI_S_STATE, &v));
	CHECK_EQ(0, v);
	errno = 0;
	CHECK_EQ(-1, xc_get_hvm_param(xch, DOMID, HVM_PARAM_IOREQ_PFN, &v));
	CHECK_EQ(ENOSYS, errno);
	CHECK_EQ(-1, xc_set_hvm_param(xch, DOMID, HVM_PARAM_IOREQ_PFN, 1));
}

static void check_enosys(int r, int line)
{
	if (r != -1 || errno != ENOSYS)
		hvm_test_fail(__FILE__, line, "expected -1/ENOSYS, saw %d/%d",
			      r, errno);
	errno = 0;
}

static void test_passthrough(void)
{
	int pirq = 0;

	errno = 0;
	check_enosys(xc_domain_bind_pt_pci_irq(xch, DOMID, 1, 0, 4, 0),
		     __LINE__);
	check_enosys(xc_domain_unbind_pt_irq(xch, DOMID, 1, 0, 0, 4, 0, 0),
		     __LINE__);
	check_enosys(xc_domain_update_msi_irq(xch, DOMID, 1, 2, 0, 0),
		     __LINE__);
	check_enosys(xc_domain_unbind_msi_irq(xch, DOMID, 1, 2, 0), __LINE__);
	check_enosys(xc_physdev_map_pirq(xch, DOMID, 1, &pirq), __LINE__);
	check_enosys(xc_physdev_map_pirq_msi(xch, DOMID, 1, &pirq, 0, 0, 0, 0),
		     __LINE__);
	check_enosys(xc_physdev_unmap_pirq(xch, DOMID, 1), __LINE__);
	check_enosys(xc_domain_memory_mapping(xch, DOMID, 1, 1, 1, 1),
		     __LINE__);
	check_enosys(xc_domain_ioport_mapping(xch, DOMID, 1, 1, 1, 1),
		     __LINE__);
	check_enosys(xc_domain_iomem_permission(xch, DOMID, 1, 1, 1), __LINE__);
}

static void test_gnttab(void)
{
	xengnttab_handle *xgt = xengnttab_open(NULL, 0);
	xengnttab_grant_copy_segment_t seg;
	uint32_t ref = 8;

	CHECK(xgt != NULL);
	CHECK_EQ(0, xengnttab_grant_copy(xgt, 0, NULL));
	/* A segment with neither side a grant: refused, as gntdev does. */
	memset(&seg, 0, sizeof(seg));
	errno = 0;
	CHECK_EQ(-1, xengnttab_grant_copy(xgt, 1, &seg));
	CHECK_EQ(EINVAL, errno);
	CHECK_EQ(0, xengnttab_set_max_grants(xgt, 128));
	/* This fake guest has no grant table (xengnttab_test has one). */
	errno = 0;
	CHECK(!xengnttab_map_domain_grant_refs(xgt, 1, DOMID, &ref, 3));
	CHECK_EQ(EINVAL, errno);
	CHECK_EQ(-1, xengnttab_unmap(xgt, NULL, 1));
	CHECK_EQ(0, xengnttab_close(xgt));
}

static void test_toolcore(void)
{
	struct active_handle a = {0}, b = {0};
	struct stat null_st, st;
	int fds[2];

	xentoolcore__register_active_handle(&a);
	xentoolcore__register_active_handle(&b);
	CHECK(b.next == &a);
	CHECK(a.prev_next == &b.next);
	CHECK_EQ(0, xentoolcore_restrict_all(DOMID));
	xentoolcore__deregister_active_handle(&b);
	CHECK(a.prev_next != &b.next);
	xentoolcore__deregister_active_handle(&a);
	xentoolcore__deregister_active_handle(&a); /* harmless twice */
	CHECK(a.next == NULL);

	CHECK_EQ(0, pipe(fds));
	CHECK_EQ(0, xentoolcore__restrict_by_dup2_null(fds[0]));
	CHECK_EQ(0, stat("/dev/null", &null_st));
	CHECK_EQ(0, fstat(fds[0], &st));
	CHECK_EQ(null_st.st_rdev, st.st_rdev);
	CHECK(S_ISCHR(st.st_mode));
	close(fds[0]);
	close(fds[1]);
}

/* The log file got lines, including a failed call's. */
static void test_log_file(void)
{
	char buf[4096] = "";
	int fd = open(log_path, O_RDONLY);
	ssize_t n;

	CHECK(fd >= 0);
	if (fd < 0)
		return;
	n = read(fd, buf, sizeof(buf) - 1);
	CHECK(n > 0);
	buf[n > 0 ? n : 0] = '\0';
	CHECK_STR_CONTAINS(buf, "d9 xenlib[");
	CHECK_STR_CONTAINS(buf, "populate: rc -12");
	close(fd);
}

/* A domain without hvm-domain, with stdout and stderr captured. */
static void test_silent(void)
{
	char path[] = "/tmp/xenlib_quiet.XXXXXX";
	int out = mkstemp(path), saved1 = dup(1), saved2 = dup(2);
	xen_pfn_t gfn = 1;
	struct stat st;

	CHECK(out >= 0 && saved1 >= 0 && saved2 >= 0);
	fflush(stdout);
	dup2(out, 1);
	dup2(out, 2);
	errno = 0;
	CHECK_EQ(-1, xc_domain_populate_physmap_exact(xch, 55, 1, 0, 0, &gfn));
	CHECK_EQ(ENOENT, errno);
	CHECK_EQ(-1, xc_domain_shutdown(xch, 55, 0));
	dup2(saved1, 1);
	dup2(saved2, 2);
	CHECK_EQ(0, fstat(out, &st));
	CHECK_EQ(0, st.st_size);
	close(out);
	close(saved1);
	close(saved2);
	unlink(path);
}

int main(void)
{
	fake_rundir_init();
	snprintf(log_path, sizeof(log_path), "%s/xenlib.log", fake_rundir());
	CHECK_EQ(0, setenv("HVM_XENLIB_LOG", log_path, 1));
	f = fake_start(DOMID);
	xch = xc_interface_open(NULL, NULL, 0);
	CHECK(xch != NULL);
	if (f && xch) {
		HVM_TEST(test_populate);
		HVM_TEST(test_populate_refusals);
		HVM_TEST(test_shutdown_and_params);
		HVM_TEST(test_passthrough);
		HVM_TEST(test_gnttab);
		HVM_TEST(test_toolcore);
		HVM_TEST(test_log_file);
		HVM_TEST(test_silent);
	}
	CHECK_EQ(0, xc_interface_close(xch));
	xenlib_conn_reset_all();
	fake_stop(f);
	unlink(log_path);
	fake_rundir_cleanup();
	return hvm_test_summary();
}
