/* SPDX-License-Identifier: GPL-2.0-only */
/* Unit tests of the PV block devices' xenstore nodes (hvmd_xsdev.c). */
#include "hvmd_xsdev.h"

#include <stdio.h>
#include <string.h>

#include "hvm_test.h"

#define CHECK_TEXT(want, got)                                                  \
	do {                                                                   \
		if (strcmp((want), (got)))                                     \
			hvm_test_fail(__FILE__, __LINE__,                      \
				      "expected:\n%ssaw:\n%s", (want), (got)); \
	} while (0)

static char seen[4096];
static unsigned int nr_puts, stop_after;

/* Records "path=value" or "path/ (owner,reader)" lines. */
static bool record(void *ctx, const char *path, const char *value,
		   unsigned int owner, unsigned int reader)
{
	size_t n = strlen(seen);

	(void)ctx;
	if (value)
		snprintf(seen + n, sizeof(seen) - n, "%s=%s\n", path, value);
	else
		snprintf(seen + n, sizeof(seen) - n, "%s/ (%u,%u)\n", path,
			 owner, reader);
	return ++nr_puts != stop_after;
}

static struct domain_disk disk(const char *vdev, const char *target,
			       enum domain_disk_format f, bool ro)
{
	struct domain_disk d;

	memset(&d, 0, sizeof(d));
	snprintf(d.vdev, sizeof(d.vdev), "%s", vdev);
	d.target = (char *)target;
	d.format = f;
	d.readonly = ro;
	return d;
}

/* Every node libxl writes for a raw hda of domain 7, in its order. */
static void test_raw_hda(void)
{
	struct domain_disk d =
		disk("hda", "/srv/a b.img", DOMAIN_DISK_FORMAT_RAW, false);
	static const char want[] =
		"/local/domain/0/backend/qdisk/7/768/ (0,7)\n"
		"/local/domain/0/backend/qdisk/7/768/frontend=/local/domain/7/device/vbd/768\n"
		"/local/domain/0/backend/qdisk/7/768/frontend-id=7\n"
		"/local/domain/0/backend/qdisk/7/768/params=aio:/srv/a b.img\n"
		"/local/domain/0/backend/qdisk/7/768/online=1\n"
		"/local/domain/0/backend/qdisk/7/768/removable=0\n"
		"/local/domain/0/backend/qdisk/7/768/bootable=1\n"
		"/local/domain/0/backend/qdisk/7/768/state=1\n"
		"/local/domain/0/backend/qdisk/7/768/dev=hda\n"
		"/local/domain/0/backend/qdisk/7/768/type=qdisk\n"
		"/local/domain/0/backend/qdisk/7/768/mode=w\n"
		"/local/domain/0/backend/qdisk/7/768/device-type=disk\n"
		"/local/domain/0/backend/qdisk/7/768/discard-enable=1\n"
		"/local/domain/0/backend/qdisk/7/768/specification=xen\n"
		"/local/domain/7/device/vbd/768/ (7,0)\n"
		"/local/domain/7/device/vbd/768/backend=/local/domain/0/backend/qdisk/7/768\n"
		"/local/domain/7/device/vbd/768/backend-id=0\n"
		"/local/domain/7/device/vbd/768/state=1\n"
		"/local/domain/7/device/vbd/768/virtual-device=768\n"
		"/local/domain/7/device/vbd/768/device-type=disk\n"
		"/local/domain/7/device/vbd/768/trusted=1\n";

	seen[0] = '\0';
	stop_after = 0;
	CHECK(hvmd_vbd_nodes(&d, 7, record, NULL));
	CHECK_TEXT(want, seen);
}

/* Formats as libxl names them; a read-only disk is mode r, no discard. */
static void test_formats_and_modes(void)
{
	struct domain_disk d =
		disk("xvdb", "/i/q.qcow2", DOMAIN_DISK_FORMAT_QCOW2, true);

	seen[0] = '\0';
	CHECK(hvmd_vbd_nodes(&d, 3, record, NULL));
	CHECK_STR_CONTAINS(seen,
			   "/backend/qdisk/3/51728/params=qcow2:/i/q.qcow2\n");
	CHECK_STR_CONTAINS(seen, "/51728/mode=r\n");
	CHECK_STR_CONTAINS(seen, "/51728/discard-enable=0\n");
	CHECK_STR_CONTAINS(
		seen,
		"/local/domain/3/device/vbd/51728/virtual-device=51728\n");
	CHECK(!strstr(seen, "direct-io-safe"));
	/* xl's flags: no-discard, direct-io-safe, untrusted. */
	d = disk("hda", "/i/f.img", DOMAIN_DISK_FORMAT_RAW, false);
	d.no_discard = d.direct_io_safe = d.untrusted = true;
	seen[0] = '\0';
	CHECK(hvmd_vbd_nodes(&d, 3, record, NULL));
	CHECK_STR_CONTAINS(seen, "/768/direct-io-safe=1\n");
	CHECK_STR_CONTAINS(seen, "/768/discard-enable=0\n");
	CHECK_STR_CONTAINS(seen, "/vbd/768/trusted=0\n");
	d = disk("hdd", "/i/v.vhd", DOMAIN_DISK_FORMAT_VHD, false);
	seen[0] = '\0';
	CHECK(hvmd_vbd_nodes(&d, 3, record, NULL));
	CHECK_STR_CONTAINS(seen, "/backend/qdisk/3/5696/params=vhd:/i/v.vhd\n");
	d = disk("hdc", "/i/e.qed", DOMAIN_DISK_FORMAT_QED, false);
	seen[0] = '\0';
	CHECK(hvmd_vbd_nodes(&d, 3, record, NULL));
	CHECK_STR_CONTAINS(seen, "/backend/qdisk/3/5632/params=qed:/i/e.qed\n");
	d = disk("hdb", "/i/o.qcow", DOMAIN_DISK_FORMAT_QCOW, false);
	seen[0] = '\0';
	CHECK(hvmd_vbd_nodes(&d, 3, record, NULL));
	CHECK_STR_CONTAINS(seen,
			   "/backend/qdisk/3/832/params=qcow:/i/o.qcow\n");
}

/* A failed put stops the walk; a disk without a number writes nothing. */
static void test_failures(void)
{
	struct domain_disk d =
		disk("hda", "/a.img", DOMAIN_DISK_FORMAT_RAW, false);

	nr_puts = 0;
	stop_after = 3;
	seen[0] = '\0';
	CHECK(!hvmd_vbd_nodes(&d, 1, record, NULL));
	CHECK_EQ(3, nr_puts);
	stop_after = 0;
	d = disk("sda", "/a.img", DOMAIN_DISK_FORMAT_RAW, false);
	seen[0] = '\0';
	CHECK(!hvmd_vbd_nodes(&d, 1, record, NULL));
	CHECK_TEXT("", seen);
	d = disk("hda", NULL, DOMAIN_DISK_FORMAT_RAW, false);
	CHECK(!hvmd_vbd_nodes(&d, 1, record, NULL));
}

/* Only hard disks, only with the platform device. */
static void test_wanted(void)
{
	struct domain_config cfg;

	memset(&cfg, 0, sizeof(cfg));
	cfg.nr_disks = 3;
	cfg.disks[0] = disk("hda", "/a.img", DOMAIN_DISK_FORMAT_RAW, false);
	cfg.disks[1] = disk("hdc", "/c.iso", DOMAIN_DISK_FORMAT_RAW, true);
	cfg.disks[1].cdrom = true;
	cfg.disks[2] = disk("hdd", NULL, DOMAIN_DISK_FORMAT_RAW, true);
	cfg.disks[2].cdrom = true;
	CHECK(!hvmd_vbd_wanted(&cfg, 0));
	cfg.xen_platform_pci = true;
	CHECK(hvmd_vbd_wanted(&cfg, 0));
	CHECK(!hvmd_vbd_wanted(&cfg, 1));
	CHECK(!hvmd_vbd_wanted(&cfg, 2));
	CHECK(!hvmd_vbd_wanted(&cfg, 3));
}

/* The PV console of domain 5, its ring on page 0xfefff, port 2. */
static void test_console(void)
{
	static const char want[] =
		"/local/domain/0/backend/console/5/0/ (0,5)\n"
		"/local/domain/0/backend/console/5/0/frontend=/local/domain/5/console\n"
		"/local/domain/0/backend/console/5/0/frontend-id=5\n"
		"/local/domain/0/backend/console/5/0/online=1\n"
		"/local/domain/0/backend/console/5/0/state=1\n"
		"/local/domain/0/backend/console/5/0/protocol=vt100\n"
		"/local/domain/5/console/ (0,5)\n"
		"/local/domain/5/console/backend=/local/domain/0/backend/console/5/0\n"
		"/local/domain/5/console/backend-id=0\n"
		"/local/domain/5/console/limit=1048576\n"
		"/local/domain/5/console/type=ioemu\n"
		"/local/domain/5/console/output=pty\n"
		"/local/domain/5/console/tty=\n"
		"/local/domain/5/console/ring-ref=1044479\n"
		"/local/domain/5/console/port=2\n";

	seen[0] = '\0';
	stop_after = 0;
	CHECK(hvmd_pvconsole_nodes(5, 0xfefff, 2, record, NULL));
	CHECK_TEXT(want, seen);
	nr_puts = 0;
	stop_after = 7;
	CHECK(!hvmd_pvconsole_nodes(5, 0xfefff, 2, record, NULL));
	CHECK_EQ(7, nr_puts);
	stop_after = 0;
}

int main(void)
{
	HVM_TEST(test_raw_hda);
	HVM_TEST(test_formats_and_modes);
	HVM_TEST(test_failures);
	HVM_TEST(test_wanted);
	HVM_TEST(test_console);
	return hvm_test_summary();
}
