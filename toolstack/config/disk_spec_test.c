/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for disk specs: every example of xl-disk-configuration(5),
 * empty CD-ROM drives, raw and qcow2, the legacy xm forms (file:, phy:,
 * tap:aio:, tap:qcow2:, hdc:cdrom), the IDE vdev mapping, and each error
 * with its message.
 */
#include "toolstack/disk_spec.h"

#include <errno.h>
#include <string.h>

#include "hvm_test.h"

static struct domain_disk d;
static char err[256];

/* Parses @spec and checks the fields every disk has. */
#define CHECK_DISK(spec, target_, format_, vdev_, ide_, ro_, cdrom_)           \
	check_disk(__LINE__, (spec), (target_), (format_), (vdev_), (ide_),    \
		   (ro_), (cdrom_))

static void check_disk(int line, const char *spec, const char *target,
		       enum domain_disk_format format, const char *vdev,
		       unsigned int ide, bool ro, bool cdrom)
{
	int rc = disk_spec_parse(spec, &d, err, sizeof(err));

	if (rc) {
		hvm_test_fail(__FILE__, line, "'%s': rc %d, %s", spec, rc, err);
		return;
	}
	if ((target == NULL) != (d.target == NULL) ||
	    (target && strcmp(target, d.target)))
		hvm_test_fail(__FILE__, line,
			      "'%s': target '%s', expected '%s'", spec,
			      d.target ? d.target : "(none)",
			      target ? target : "(none)");
	if (d.format != format || strcmp(d.vdev, vdev) || d.ide_index != ide ||
	    d.readonly != ro || d.cdrom != cdrom)
		hvm_test_fail(__FILE__, line,
			      "'%s': format %d vdev %s ide %u ro %d cdrom %d",
			      spec, d.format, d.vdev, d.ide_index, d.readonly,
			      d.cdrom);
	disk_spec_clear(&d);
}

#define CHECK_BAD(spec, needle) check_bad(__LINE__, (spec), (needle))

static void check_bad(int line, const char *spec, const char *needle)
{
	int rc = disk_spec_parse(spec, &d, err, sizeof(err));

	if (rc != -EINVAL)
		hvm_test_fail(__FILE__, line, "'%s': rc %d, expected -EINVAL",
			      spec, rc);
	else if (!strstr(err, needle))
		hvm_test_fail(__FILE__, line, "'%s': \"%s\" lacks \"%s\"", spec,
			      err, needle);
	/* A failed parse owns nothing. */
	CHECK(d.target == NULL && d.script == NULL);
}

/* The man page's first group: all the same disk. */
static void test_man_disk_examples(void)
{
	static const char *const specs[] = {
		"/dev/vg/guest-volume,,hda",
		"/dev/vg/guest-volume,raw,hda,rw",
		"format=raw, vdev=hda, access=rw, target=/dev/vg/guest-volume",
		"raw:/dev/vg/guest-volume,hda,w",
	};
	unsigned int i;

	for (i = 0; i < 4; i++)
		CHECK_DISK(specs[i], "/dev/vg/guest-volume",
			   DOMAIN_DISK_FORMAT_RAW, "hda", 0, false, false);
}

/* The man page's second group: all the same CD-ROM. */
static void test_man_cdrom_examples(void)
{
	static const char *const specs[] = {
		"/root/image.iso,,hdc,cdrom",
		"/root/image.iso,,hdc,,cdrom",
		"/root/image.iso,raw,hdc,devtype=cdrom",
		"format=raw, vdev=hdc, access=ro, devtype=cdrom, target=/root/image.iso",
		"raw:/root/image.iso,hdc:cdrom,ro",
	};
	unsigned int i;

	for (i = 0; i < 5; i++)
		CHECK_DISK(specs[i], "/root/image.iso", DOMAIN_DISK_FORMAT_RAW,
			   "hdc", 2, true, true);
}

static void test_empty_cdrom(void)
{
	CHECK_DISK(",raw,hdc,cdrom", NULL, DOMAIN_DISK_FORMAT_RAW, "hdc", 2,
		   true, true);
	CHECK_DISK("vdev=hdc,devtype=cdrom", NULL, DOMAIN_DISK_FORMAT_RAW,
		   "hdc", 2, true, true);
	CHECK_DISK(",,hdc,cdrom", NULL, DOMAIN_DISK_FORMAT_RAW, "hdc", 2, true,
		   true);
	CHECK_DISK("vdev=hdd, devtype=cdrom, target=", NULL,
		   DOMAIN_DISK_FORMAT_RAW, "hdd", 3, true, true);
	/* xm's empty drive: no target, vdev with the :cdrom suffix. */
	CHECK_DISK(",hdc:cdrom,r", NULL, DOMAIN_DISK_FORMAT_RAW, "hdc", 2, true,
		   true);
}

static void test_formats(void)
{
	CHECK_DISK("/srv/a.qcow2,qcow2,hda", "/srv/a.qcow2",
		   DOMAIN_DISK_FORMAT_QCOW2, "hda", 0, false, false);
	CHECK_DISK("fmt=qcow2,vdev=hdb,mode=r,devtype=cdrom,target=/srv/b",
		   "/srv/b", DOMAIN_DISK_FORMAT_QCOW2, "hdb", 1, true, true);
	CHECK_DISK("/srv/c.vhd,vhd,hdb:cdrom,ro", "/srv/c.vhd",
		   DOMAIN_DISK_FORMAT_VHD, "hdb", 1, true, true);
	CHECK_DISK("/srv/d,qcow,hdb", "/srv/d", DOMAIN_DISK_FORMAT_QCOW, "hdb",
		   1, false, false);
	CHECK_DISK("/srv/e,qed,hdb", "/srv/e", DOMAIN_DISK_FORMAT_QED, "hdb", 1,
		   false, false);
	CHECK_DISK("qcow2:/srv/f,hda,w", "/srv/f", DOMAIN_DISK_FORMAT_QCOW2,
		   "hda", 0, false, false);
}

static void test_legacy_xm(void)
{
	CHECK_DISK("file:/srv/xp.img,hda,w", "/srv/xp.img",
		   DOMAIN_DISK_FORMAT_RAW, "hda", 0, false, false);
	CHECK_DISK("phy:/dev/vg/xp,hdb,w", "/dev/vg/xp", DOMAIN_DISK_FORMAT_RAW,
		   "hdb", 1, false, false);
	CHECK(!disk_spec_parse("phy:/dev/vg/xp,hdb,w", &d, err, sizeof(err)));
	CHECK_EQ(DOMAIN_DISK_BACKEND_PHY, d.backend);
	disk_spec_clear(&d);
	CHECK_DISK("tap:aio:/srv/xp.img,hda,w", "/srv/xp.img",
		   DOMAIN_DISK_FORMAT_RAW, "hda", 0, false, false);
	CHECK_DISK("tap:qcow2:/srv/xp.qcow2,hda,w", "/srv/xp.qcow2",
		   DOMAIN_DISK_FORMAT_QCOW2, "hda", 0, false, false);
	CHECK(!disk_spec_parse("tap:qcow2:/x,hda,w", &d, err, sizeof(err)));
	CHECK_EQ(DOMAIN_DISK_BACKEND_TAP, d.backend);
	disk_spec_clear(&d);
	CHECK_DISK("file:/srv/xp.iso,hdc:cdrom,r", "/srv/xp.iso",
		   DOMAIN_DISK_FORMAT_RAW, "hdc", 2, true, true);
	CHECK_DISK("file:/srv/a.img,ioemu:hda,w", "/srv/a.img",
		   DOMAIN_DISK_FORMAT_RAW, "hda", 0, false, false);
	/* xm without a prefix: the vdev in the format position. */
	CHECK_DISK("/srv/a.img,hdb,w", "/srv/a.img", DOMAIN_DISK_FORMAT_RAW,
		   "hdb", 1, false, false);
	CHECK_DISK("/srv/a.img,hdb:disk,w", "/srv/a.img",
		   DOMAIN_DISK_FORMAT_RAW, "hdb", 1, false, false);
	/* Read-only hard disks are refused, as libxl does for qemu-xen. */
	CHECK_BAD("/srv/a.img,hdb:disk,ro",
		  "a read-only hard disk cannot be emulated");
	CHECK_BAD("fmt=raw,vdev=hda,access=ro,target=/a",
		  "use access=rw, or devtype=cdrom");
}

static void test_keys_and_flags(void)
{
	/* target= swallows commas and '='. */
	CHECK_DISK("vdev=hda, target=/srv/a,b=c.img", "/srv/a,b=c.img",
		   DOMAIN_DISK_FORMAT_RAW, "hda", 0, false, false);
	/* Keys before positionals; positionals fill what is left. */
	CHECK_DISK("format=qcow2, /srv/a, hdb", "/srv/a",
		   DOMAIN_DISK_FORMAT_QCOW2, "hdb", 1, false, false);
	CHECK_DISK("  /srv/a ,  raw , hda , rw ", "/srv/a",
		   DOMAIN_DISK_FORMAT_RAW, "hda", 0, false, false);
	CHECK_DISK("/srv/a,raw,hda,rw,discard,direct-io-safe", "/srv/a",
		   DOMAIN_DISK_FORMAT_RAW, "hda", 0, false, false);
	CHECK(!disk_spec_parse("/a,raw,hda,no-discard,untrusted,direct-io-safe",
			       &d, err, sizeof(err)));
	CHECK(d.no_discard && d.untrusted && d.direct_io_safe);
	disk_spec_clear(&d);
	/* The last of a pair wins, as in libxl. */
	CHECK(!disk_spec_parse(
		"/a,raw,hda,no-discard,discard,untrusted,trusted", &d, err,
		sizeof(err)));
	CHECK(!d.no_discard && !d.untrusted && !d.direct_io_safe);
	disk_spec_clear(&d);
	CHECK_DISK("/srv/a,raw,hda,rw,", "/srv/a", DOMAIN_DISK_FORMAT_RAW,
		   "hda", 0, false, false);
	CHECK(!disk_spec_parse("/x,,hda,backendtype=qdisk,script=block-x", &d,
			       err, sizeof(err)));
	CHECK_EQ(DOMAIN_DISK_BACKEND_QDISK, d.backend);
	CHECK(d.script && !strcmp(d.script, "block-x"));
	disk_spec_clear(&d);
	CHECK_DISK("/x,,xvda,specification=xen", "/x", DOMAIN_DISK_FORMAT_RAW,
		   "xvda", 0, false, false);
}

static void test_vdev_mapping(void)
{
	static const char *const good[] = {"hda",  "hdb",  "hdc",  "hdd",
					   "xvda", "xvdb", "xvdc", "xvdd"};
	unsigned int i;

	for (i = 0; i < 8; i++)
		CHECK_EQ(i % 4, disk_spec_ide_index(good[i], err, sizeof(err)));
	CHECK_EQ(-EINVAL, disk_spec_ide_index("hde", err, sizeof(err)));
	CHECK_STR_CONTAINS(err, "hde does not exist");
	CHECK_EQ(-EINVAL, disk_spec_ide_index("xvde", err, sizeof(err)));
	CHECK_STR_CONTAINS(err, "only xvda-xvdd");
	CHECK_EQ(-EINVAL, disk_spec_ide_index("sda", err, sizeof(err)));
	CHECK_STR_CONTAINS(err, "SCSI disks (sda) are not emulated");
	CHECK_EQ(-EINVAL, disk_spec_ide_index("hda1", err, sizeof(err)));
	CHECK_EQ(-EINVAL, disk_spec_ide_index("fd0", err, sizeof(err)));
	CHECK_STR_CONTAINS(err, "unknown vdev 'fd0'; use hda, hdb, hdc or hdd");
}

/* Xen's numbers, as libxl and Linux's blkfront read them. */
static void test_devid(void)
{
	CHECK_EQ(768, disk_spec_devid("hda"));
	CHECK_EQ(832, disk_spec_devid("hdb"));
	CHECK_EQ(5632, disk_spec_devid("hdc"));
	CHECK_EQ(5696, disk_spec_devid("hdd"));
	CHECK_EQ(51712, disk_spec_devid("xvda"));
	CHECK_EQ(51760, disk_spec_devid("xvdd"));
	CHECK_EQ(-EINVAL, disk_spec_devid("xvde"));
	CHECK_EQ(-EINVAL, disk_spec_devid("sda"));
	CHECK_EQ(-EINVAL, disk_spec_devid(""));
}

static void test_errors(void)
{
	CHECK_BAD("/srv/a.vmdk,vmdkx,hda",
		  "unknown format 'vmdkx'; use raw or qcow2");
	CHECK_BAD("format=vmdk,vdev=hda,target=/x", "unknown format 'vmdk'");
	CHECK_BAD("/srv/a", "no vdev");
	CHECK_BAD("/srv/a,raw,hda,rw,extra", "unexpected 'extra'");
	CHECK_BAD("vdev=hda", "no target; only a CD-ROM drive may be empty");
	CHECK_BAD("/srv/a,raw,sdb", "SCSI disks (sdb) are not emulated");
	CHECK_BAD("/srv/a,raw,hdq", "hdq does not exist");
	CHECK_BAD("/srv/a,raw,hda,rx", "unknown access 'rx'; use ro or rw");
	CHECK_BAD("/srv/a,raw,hda,w!", "w! (writable by several guests)");
	CHECK_BAD("/srv/a.iso,raw,hdc,rw,cdrom", "a CD-ROM is read-only");
	CHECK_BAD("/srv/a,raw,hda,devtype=floppy", "unknown devtype 'floppy'");
	CHECK_BAD("/srv/a,raw,hda,format=qcow2", "format given twice");
	CHECK_BAD("vdev=hda,vdev=hdb,target=/x", "vdev given twice");
	CHECK_BAD("qcow2:/x,format=raw,hda", "format given twice");
	CHECK_BAD("/srv/a,raw,hda,size=4G", "unknown disk parameter 'size'");
	CHECK_BAD("/srv/a=b,raw,hda",
		  "give a path containing '=' or ',' last, as target=PATH");
	CHECK_BAD("iscsi:iqn.2001-04.com.example,hda",
		  "unknown target prefix 'iscsi:'");
	CHECK_BAD("/x,raw,hda,backend=dom1", "driver domain");
	CHECK_BAD("/x,raw,hda,backendtype=nbd", "unknown backendtype 'nbd'");
	CHECK_BAD("/x,raw,hda,specification=virtio", "specification=virtio");
	CHECK_BAD("/x,raw,hda,colo", "colo");
	CHECK_BAD("/x\n,raw,hda", "control character");
	CHECK_BAD("/srv/a,raw,verylongvdevname-xyz", "unknown vdev");
	CHECK_BAD("", "no vdev");
}

static void test_overlong(void)
{
	static char spec[DISK_SPEC_MAX_LEN + 32];

	memcpy(spec, "vdev=hda,target=/", 17);
	memset(spec + 17, 'a', sizeof(spec) - 18);
	spec[sizeof(spec) - 1] = '\0';
	CHECK_BAD(spec, "longer than 4096 bytes");
	spec[DISK_SPEC_MAX_LEN] = '\0';
	CHECK_EQ(0, disk_spec_parse(spec, &d, err, sizeof(err)));
	CHECK(d.target && strlen(d.target) == DISK_SPEC_MAX_LEN - 16);
	disk_spec_clear(&d);
	disk_spec_clear(&d);
}

int main(void)
{
	HVM_TEST(test_man_disk_examples);
	HVM_TEST(test_man_cdrom_examples);
	HVM_TEST(test_empty_cdrom);
	HVM_TEST(test_formats);
	HVM_TEST(test_legacy_xm);
	HVM_TEST(test_keys_and_flags);
	HVM_TEST(test_vdev_mapping);
	HVM_TEST(test_devid);
	HVM_TEST(test_errors);
	HVM_TEST(test_overlong);
	return hvm_test_summary();
}
