/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for disk= and vif= as whole keys: lists and single strings,
 * per-entry errors naming the entry, the IDE slot checks (duplicates,
 * xvdX aliasing hdX, at most four), script= (warned for disks, kept for
 * vifs), MAC generation and duplicate MACs, and the vif limit.
 */
#include <errno.h>
#include <string.h>

#include "config_test_util.h"

static void test_disks(void)
{
	CHECK_OK("disk = [ 'file:/srv/a.img,hda,w',\n"
		 "         '/srv/b.qcow2,qcow2,xvdb',\n"
		 "         ',raw,hdc,cdrom',\n"
		 "         'phy:/dev/vg/d,hdd,w' ]");
	CHECK_EQ(4, cfg.nr_disks);
	CHECK(!strcmp(cfg.disks[0].target, "/srv/a.img"));
	CHECK_EQ(DOMAIN_DISK_FORMAT_QCOW2, cfg.disks[1].format);
	CHECK_EQ(1, cfg.disks[1].ide_index);
	CHECK(!strcmp(cfg.disks[1].vdev, "xvdb"));
	CHECK(cfg.disks[2].cdrom && cfg.disks[2].target == NULL);
	CHECK(!cfg.disks[3].readonly && !cfg.disks[3].cdrom);
	CHECK(cfg.disks[2].readonly);
	/* A single string is a list of one. */
	CHECK_OK("disk = '/srv/a.img,raw,hda'");
	CHECK_EQ(1, cfg.nr_disks);
	CHECK_OK("disk = []");
	CHECK_EQ(0, cfg.nr_disks);
}

static void test_disk_errors(void)
{
	CHECK_ERR(
		"disk = [ '/srv/a,raw,hda',\n  '/srv/b,vmdkx,hdb' ]",
		"guest.cfg:3: disk[1]: unknown format 'vmdkx'; use raw or qcow2");
	CHECK_ERR("disk = [ '/srv/a,raw,hda', '/srv/b,raw,hda' ]",
		  "guest.cfg:2: disk[1]: hda is already used by disk[0]");
	CHECK_ERR("disk = [ '/srv/a,raw,hdb', '/srv/b,raw,xvdb' ]",
		  "disk[1]: xvdb is the same IDE slot as hdb in disk[0]");
	CHECK_ERR(
		"disk = [ '/a,,hda', '/b,,hdb', '/c,,hdc', '/d,,hdd', '/e,,hda' ]",
		"guest.cfg:2: disk: 5 disks given, but the emulated IDE controller has only 4 slots (hda-hdd)");
	CHECK_ERR("disk = [ '/srv/a,raw,sda' ]",
		  "disk[0]: SCSI disks (sda) are not emulated");
	CHECK_ERR("disk = [ '/srv/a,raw,hda,r' ]",
		  "disk[0]: a read-only hard disk cannot be emulated");
	CHECK_ERR("disk = [ 1 ]", "disk[0]: expected a quoted string");
	CHECK_ERR("disk = [ ['/a,,hda'] ]",
		  "disk[0]: expected a string, saw a list");
	/* Every bad entry is reported, not just the first. */
	CHECK_EQ(-EINVAL, load_extra("disk = [ '/a,x,hda', '/b,y,hdb' ]"));
	CHECK_DIAG(&diag, "disk[0]: unknown format 'x'");
	CHECK_DIAG(&diag, "disk[1]: unknown format 'y'");
	CHECK_WARN(
		"disk = [ '/a,,hda,no-discard' ]\nxen_platform_pci = 0",
		"disk[0]: no-discard, direct-io-safe and untrusted apply to its PV disk only");
	CHECK_OK("disk = [ '/a,,hda,no-discard' ]");
	CHECK_EQ(0, diag.nr_warnings);
	CHECK_WARN(
		"disk = [ '/a,,hdc,cdrom,untrusted' ]",
		"disk[0]: no-discard, direct-io-safe and untrusted apply to its PV disk only; a CD-ROM has none");
	CHECK_WARN(
		"disk = [ '/a,,hda,script=block-iscsi' ]",
		"disk[0]: script=block-iscsi ignored: hvm does not run block hotplug scripts");
}

/* A list that is too long is reported, and so are its bad items. */
static void test_too_many_with_bad_items(void)
{
	CHECK_EQ(-EINVAL,
		 load_extra("disk = [ '/a,x,hda', '/b,,hdb', '/c,,hdc',\n"
			    "         '/d,,hdd', '/e,y,hda' ]"));
	CHECK_DIAG(&diag, "disk: 5 disks given");
	CHECK_DIAG(&diag, "disk[0]: unknown format 'x'");
	/* Items past the limit are not looked at. */
	CHECK(!config_diag_find(&diag, "disk[4]"));
	CHECK_EQ(-EINVAL,
		 load_extra("vif = [ 'model=virtio', '', '', '', '', '', '',\n"
			    "        '', '' ]"));
	CHECK_DIAG(&diag, "9 vifs given; at most 8");
	CHECK_DIAG(&diag, "vif[0]: unknown model 'virtio'");
}

static void test_vifs(void)
{
	unsigned int i;

	CHECK_OK(
		"vif = [ 'mac=00:16:3e:00:00:01,bridge=br0', '', 'model=ne2k_pci' ]");
	CHECK_EQ(3, cfg.nr_vifs);
	CHECK(!cfg.vifs[0].mac_generated);
	CHECK_EQ(1, cfg.vifs[0].mac[5]);
	for (i = 1; i < 3; i++) {
		CHECK(cfg.vifs[i].mac_generated);
		CHECK(cfg.vifs[i].mac[0] == 0 && cfg.vifs[i].mac[1] == 0x16 &&
		      cfg.vifs[i].mac[2] == 0x3e);
	}
	CHECK(memcmp(cfg.vifs[1].mac, cfg.vifs[2].mac, 6) != 0);
	CHECK_EQ(DOMAIN_NIC_RTL8139, cfg.vifs[1].model);
	CHECK_EQ(DOMAIN_NIC_NE2K_PCI, cfg.vifs[2].model);
	CHECK_OK("vif = 'bridge=xenbr0'");
	CHECK_EQ(1, cfg.nr_vifs);
}

static void test_vif_errors(void)
{
	CHECK_ERR(
		"vif = [ 'bridge=br0', 'model=virtio' ]",
		"guest.cfg:2: vif[1]: unknown model 'virtio'; use rtl8139, ne2k_pci or e1000");
	CHECK_ERR("vif = [ 'mac=00:16:3e:00:00:01', 'mac=00:16:3E:00:00:01' ]",
		  "vif[1]: MAC address used twice");
	CHECK_ERR("vif = [ 'type=vif' ]",
		  "vif[0]: type=vif asks for a PV-only NIC");
	CHECK_ERR("vif = [ '', '', '', '', '', '', '', '', '' ]",
		  "9 vifs given; at most 8");
	/* hvmd runs vif hotplug scripts: script= is kept, without a word. */
	CHECK_OK("vif = [ 'script=vif-bridge' ]");
	CHECK(cfg.vifs[0].script && !strcmp(cfg.vifs[0].script, "vif-bridge"));
}

int main(void)
{
	domain_config_init(&cfg);
	HVM_TEST(test_disks);
	HVM_TEST(test_disk_errors);
	HVM_TEST(test_too_many_with_bad_items);
	HVM_TEST(test_vifs);
	HVM_TEST(test_vif_errors);
	domain_config_free(&cfg);
	return hvm_test_summary();
}
