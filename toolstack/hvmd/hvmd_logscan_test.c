/* SPDX-License-Identifier: GPL-2.0-only */
/* Unit tests of the domain log scan's line matching (hvmd_logscan.c). */
#include <string.h>

#include "hvm_test.h"
#include "hvmd_priv.h"

static struct domtab_dom d;

static void reset(unsigned int domid)
{
	memset(&d, 0, sizeof(d));
	d.domid = domid;
}

static void test_reports(void)
{
	reset(7);
	hvmd_logscan_line(&d, "info d7 qemu: serial console on /dev/pts/3");
	hvmd_logscan_line(&d, "info d7 qemu: PV console on /dev/pts/4");
	hvmd_logscan_line(&d, "info d7 qemu: VNC on 127.0.0.1:5901");
	CHECK(!strcmp(d.console, "/dev/pts/3"));
	CHECK(!strcmp(d.pv_console, "/dev/pts/4"));
	CHECK(!strcmp(d.vnc, "127.0.0.1:5901"));
}

/* Another domain's lines, and the words inside someone else's text. */
static void test_not_reports(void)
{
	reset(7);
	hvmd_logscan_line(&d, "info d17 qemu: serial console on /dev/pts/9");
	hvmd_logscan_line(&d, "info d70 qemu: VNC on 10.0.0.1:1");
	/* A guest's debug console line naming a file of its choice. */
	hvmd_logscan_line(
		&d, "info d7 console: x d7 qemu: PV console on /etc/shadow");
	hvmd_logscan_line(&d,
			  "info d7 console: info d7 qemu: VNC on 0.0.0.0:1");
	hvmd_logscan_line(&d, "d7 qemu: serial console on /dev/tty1");
	hvmd_logscan_line(&d, "");
	CHECK_EQ(0, d.console[0]);
	CHECK_EQ(0, d.pv_console[0]);
	CHECK_EQ(0, d.vnc[0]);
}

int main(void)
{
	HVM_TEST(test_reports);
	HVM_TEST(test_not_reports);
	return hvm_test_summary();
}
