/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for dm_build_argv()'s checks: every refusal, each with its
 * message, starting from the valid dm-abi.md 7.1 example and breaking one
 * field; also the edges that must still pass.
 */
#include "dm/dm_launch.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "dm_launch_test.h"
#include "hvm_test.h"

#define SET(field, str) snprintf((field), sizeof(field), "%s", (str))

struct bad_case {
	const char *what;
	void (*breakit)(struct dm_config *c);
	const char *msg; /* a part of the expected message */
};

static void initrd_alone(struct dm_config *c)
{
	SET(c->ramdisk, "/boot/initrd.img");
}
static void append_alone(struct dm_config *c)
{
	SET(c->cmdline, "quiet");
}
static void kernel_rel(struct dm_config *c)
{
	SET(c->kernel, "vmlinuz");
}
static void initrd_rel(struct dm_config *c)
{
	SET(c->kernel, "/boot/vmlinuz");
	SET(c->ramdisk, "initrd.img");
}
static void append_nl(struct dm_config *c)
{
	SET(c->kernel, "/boot/vmlinuz");
	SET(c->cmdline, "quiet\ninit=/bin/sh");
}
static void no_qemu(struct dm_config *c)
{
	SET(c->qemu_path, "qemu");
}
static void nl_qemu(struct dm_config *c)
{
	SET(c->qemu_path, "/bin/q\nx");
}
static void domid0(struct dm_config *c)
{
	c->domid = 0;
}
static void domid_big(struct dm_config *c)
{
	c->domid = 0x7ff0;
}
static void name_nl(struct dm_config *c)
{
	SET(c->name, "a\nb");
}
static void name_long(struct dm_config *c)
{
	memset(c->name, 'x', sizeof(c->name));
}
static void vcpus0(struct dm_config *c)
{
	c->vcpus = 0;
}
static void vcpus65(struct dm_config *c)
{
	c->vcpus = 65;
}
static void max_low(struct dm_config *c)
{
	c->maxvcpus = 1;
}
static void max_big(struct dm_config *c)
{
	c->maxvcpus = 65;
}
static void vram_odd(struct dm_config *c)
{
	c->videoram_mib = 24;
}
static void vram_small(struct dm_config *c)
{
	c->videoram_mib = 8;
}
static void vram_big(struct dm_config *c)
{
	c->videoram_mib = 512;
}
static void cirrus_4(struct dm_config *c)
{
	c->vga = DM_VGA_CIRRUS;
	c->videoram_mib = 4;
}
static void none_vram(struct dm_config *c)
{
	c->vga = DM_VGA_NONE;
	c->videoram_mib = 8;
}
static void vga_bad(struct dm_config *c)
{
	c->vga = (enum dm_vga)7;
}
static void mem_small(struct dm_config *c)
{
	c->memory_mib = 31;
}
static void mem_big(struct dm_config *c)
{
	c->memory_mib = (1U << 20) + 1;
}
static void boot_bad(struct dm_config *c)
{
	SET(c->boot, "cx");
}
static void boot_dup(struct dm_config *c)
{
	SET(c->boot, "cdc");
}
static void vnc_comma(struct dm_config *c)
{
	SET(c->vnc_listen, "a,b");
}
static void vnc_empty(struct dm_config *c)
{
	c->vnc_listen[0] = '\0';
}
static void vnc_disp(struct dm_config *c)
{
	c->vnc_display = 100;
}
static void qmp_rel(struct dm_config *c)
{
	SET(c->qmp_path, "qmp.sock");
}
static void qmp_nl(struct dm_config *c)
{
	SET(c->qmp_stat_path, "/q\n");
}
static void log_rel(struct dm_config *c)
{
	SET(c->serial_log, "serial.log");
}
static void log_noserial(struct dm_config *c)
{
	SET(c->serial_log, "/var/log/hvm/console/x.log");
	c->serial_pty = false;
}
static void qmp_same(struct dm_config *c)
{
	SET(c->qmp_stat_path, c->qmp_path);
}
static void qmp_long(struct dm_config *c)
{
	memset(c->qmp_path, 'q', sizeof(c->qmp_path));
	c->qmp_path[0] = '/';
}
static void disks_5(struct dm_config *c)
{
	c->nr_disks = 5;
}
static void disk_idx(struct dm_config *c)
{
	c->disks[1].index = 4;
}
static void disk_dup(struct dm_config *c)
{
	c->disks[1].index = 0;
}
static void disk_fmt(struct dm_config *c)
{
	c->disks[0].format = (enum dm_disk_format)2;
}
static void disk_empty(struct dm_config *c)
{
	c->disks[0].path[0] = '\0';
}
static void disk_rel(struct dm_config *c)
{
	SET(c->disks[0].path, "nbd:host:10809");
}
static void disk_nl(struct dm_config *c)
{
	SET(c->disks[1].path, "/a\nb.iso");
}
static void disk_long(struct dm_config *c)
{
	memset(c->disks[0].path, 'p', sizeof(c->disks[0].path));
	c->disks[0].path[0] = '/';
}
static void disk_ro(struct dm_config *c)
{
	c->disks[0].readonly = true;
}
static void nics_9(struct dm_config *c)
{
	c->nr_nics = 9;
}
static void nic_model(struct dm_config *c)
{
	c->nics[0].model = (enum dm_nic_model)3;
}
static void mac_short(struct dm_config *c)
{
	SET(c->nics[0].mac, "00:16:3e");
}
static void mac_hex(struct dm_config *c)
{
	SET(c->nics[0].mac, "00:16:3g:12:34:56");
}
static void mac_sep(struct dm_config *c)
{
	SET(c->nics[0].mac, "00-16-3e-12-34-56");
}
static void mac_mcast(struct dm_config *c)
{
	SET(c->nics[0].mac, "01:16:3e:12:34:56");
}
static void mac_zero(struct dm_config *c)
{
	SET(c->nics[0].mac, "00:00:00:00:00:00");
}
static void mac_dup(struct dm_config *c)
{
	c->nr_nics = 2;
	SET(c->nics[1].mac, "00:16:3E:12:34:56");
}
static void if_dup(struct dm_config *c)
{
	c->nr_nics = 2;
	SET(c->nics[1].mac, "00:16:3e:12:34:57");
	SET(c->nics[1].ifname, "vif5.0-emu");
}
static void if_comma(struct dm_config *c)
{
	SET(c->nics[0].ifname, "a,b");
}
static void if_slash(struct dm_config *c)
{
	SET(c->nics[0].ifname, "a/b");
}
static void if_long(struct dm_config *c)
{
	memset(c->nics[0].ifname, 'i', sizeof(c->nics[0].ifname));
}
static void br_space(struct dm_config *c)
{
	SET(c->nics[0].bridge, "x br");
}

static const struct bad_case bad_cases[] = {
	{"relative qemu", no_qemu,
	 "qemu path \"qemu\" is not absolute; give the full path"},
	{"newline in qemu", nl_qemu,
	 "qemu path contains a newline or control character"},
	{"domid 0", domid0, "domid 0 is out of range; use 1..32751"},
	{"reserved domid", domid_big, "domid 32752 is out of range"},
	{"newline in name", name_nl,
	 "domain name is unterminated or has control characters"},
	{"unterminated name", name_long,
	 "use a printable name of at most 127 bytes"},
	{"no vcpus", vcpus0, "vcpus=0 is out of range; use 1..64"},
	{"65 vcpus", vcpus65, "vcpus=65 is out of range"},
	{"maxvcpus < vcpus", max_low,
	 "maxvcpus=1 is out of range; use vcpus (2)..64"},
	{"65 maxvcpus", max_big, "maxvcpus=65 is out of range"},
	{"std 24 MiB", vram_odd,
	 "videoram=24 is not valid for vga=std; use 16, 32, 64, 128 or 256"},
	{"std 8 MiB", vram_small, "videoram=8 is not valid for vga=std"},
	{"std 512 MiB", vram_big, "videoram=512 is not valid for vga=std"},
	{"cirrus 4 MiB", cirrus_4,
	 "videoram=4 is not valid for vga=cirrus; use 8 or 16"},
	{"vram without vga", none_vram,
	 "videoram=8 needs a VGA; set vga=std or vga=cirrus, or drop videoram"},
	{"bad vga", vga_bad, "vga type 7 is unknown; use std, cirrus or none"},
	{"too little memory", mem_small,
	 "memory=31 MiB leaves too little RAM beside 16 MiB of video RAM; use memory=32 or more"},
	{"too much memory", mem_big,
	 "memory=1048577 MiB is too large; use at most 1048576"},
	{"bad boot letter", boot_bad,
	 "boot order \"cx\" has 'x'; use letters from \"acdn\""},
	{"boot letter twice", boot_dup, "boot order \"cdc\" names 'c' twice"},
	{"comma in vnc-listen", vnc_comma,
	 "vnc-listen \"a,b\" is not an IP address or host name"},
	{"empty vnc-listen", vnc_empty, "vnc-listen \"\" is not an IP address"},
	{"vnc display 100", vnc_disp,
	 "vnc-display=100 is out of range; use 0..99"},
	{"relative serial-log", log_rel,
	 "serial-log path \"serial.log\" is not absolute"},
	{"serial-log without serial", log_noserial,
	 "serial-log needs a serial port; drop serial-log or set serial=pty"},
	{"relative qmp", qmp_rel,
	 "qmp socket path \"qmp.sock\" is not absolute"},
	{"newline in qmp-stat", qmp_nl,
	 "qmp-stat socket path contains a newline"},
	{"same qmp sockets", qmp_same,
	 "qmp and qmp-stat are the same socket /var/run/xen/qmp-libxl-5"},
	{"qmp path too long", qmp_long,
	 "qmp socket path is too long (limit 107 bytes)"},
	{"5 disks", disks_5,
	 "5 disks given; QEMU emulates at most 4 IDE drives (hda..hdd)"},
	{"IDE index 4", disk_idx,
	 "disk 1: IDE index 4 is out of range; use 0..3 (hda..hdd)"},
	{"IDE index twice", disk_dup, "disk 1: hda is already used by disk 0"},
	{"bad format", disk_fmt,
	 "disk hda: format 2 is unknown; use raw or qcow2"},
	{"disk without path", disk_empty,
	 "disk hda: a hard disk needs an image path"},
	{"protocol path", disk_rel,
	 "disk hda: path \"nbd:host:10809\" is not absolute"},
	{"newline in path", disk_nl,
	 "disk hdc: path contains a newline or control character"},
	{"unterminated path", disk_long,
	 "disk hda: path is too long; use at most 4095 bytes"},
	{"read-only disk", disk_ro,
	 "disk hda: QEMU's IDE hard disks cannot be read-only"},
	{"9 nics", nics_9, "9 NICs given; use at most 8"},
	{"bad model", nic_model,
	 "nic 0: model 3 is unknown; use ne2k_pci, rtl8139 or e1000"},
	{"short mac", mac_short,
	 "nic 0: mac \"00:16:3e\" is not a unicast address like 00:16:3e:12:34:56"},
	{"non-hex mac", mac_hex,
	 "nic 0: mac \"00:16:3g:12:34:56\" is not a unicast"},
	{"dashed mac", mac_sep, "nic 0: mac \"00-16-3e-12-34-56\" is not"},
	{"multicast mac", mac_mcast,
	 "nic 0: mac \"01:16:3e:12:34:56\" is not a unicast"},
	{"zero mac", mac_zero,
	 "nic 0: mac \"00:00:00:00:00:00\" is not a unicast"},
	{"mac twice", mac_dup,
	 "nic 1: mac 00:16:3E:12:34:56 is already used by nic 0"},
	{"ifname twice", if_dup,
	 "nic 1: interface vif5.0-emu is already used by nic 0"},
	{"comma in ifname", if_comma,
	 "nic 0: ifname \"a,b\" is not a valid interface name"},
	{"slash in ifname", if_slash, "nic 0: ifname \"a/b\" is not a valid"},
	{"unterminated ifname", if_long,
	 "nic 0: ifname \"iiiiiiiiiiiiiii\" is not a valid"},
	{"space in bridge", br_space,
	 "nic 0: bridge \"x br\" is not a valid interface name"},
	{"initrd without kernel", initrd_alone,
	 "ramdisk and cmdline need kernel (direct kernel boot)"},
	{"append without kernel", append_alone,
	 "ramdisk and cmdline need kernel"},
	{"relative kernel", kernel_rel, "kernel \"vmlinuz\" is not absolute"},
	{"relative initrd", initrd_rel,
	 "ramdisk \"initrd.img\" is not absolute"},
	{"newline in cmdline", append_nl,
	 "cmdline contains a newline or control character"},
};

static void test_refusals(void)
{
	struct dm_config c;
	struct dm_argv a;
	char err[512];
	unsigned int i;
	int rc;

	for (i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		dm_test_example(&c);
		bad_cases[i].breakit(&c);
		memset(&a, 0x5a, sizeof(a));
		err[0] = '\0';
		rc = dm_build_argv(&c, &a, err, sizeof(err));
		if (rc != -EINVAL)
			hvm_test_fail(__FILE__, __LINE__,
				      "%s: expected -EINVAL, saw %d",
				      bad_cases[i].what, rc);
		if (!strstr(err, bad_cases[i].msg))
			hvm_test_fail(
				__FILE__, __LINE__,
				"%s: expected a message with \"%s\", saw \"%s\"",
				bad_cases[i].what, bad_cases[i].msg, err);
		CHECK(a.argv == NULL && a.argc == 0);
	}
}

/* Limits that are still fine. */
static void test_edges(void)
{
	struct dm_config c;
	struct dm_argv a;
	char err[256];

	dm_test_example(&c);
	c.domid = 0x7fef;
	c.vcpus = c.maxvcpus = 64;
	c.memory_mib = 32;
	c.vnc_display = 99;
	SET(c.vnc_listen, "vnc-host.example");
	SET(c.boot, "ncda");
	SET(c.nics[0].ifname, "abcdefghijklmno");
	c.disks[0].readonly = false;
	c.disks[1].readonly = true; /* CD-ROMs are read-only anyway */
	c.nr_disks = 4;
	c.disks[2] = (struct dm_disk){.index = 1, .cdrom = true};
	c.disks[3] = (struct dm_disk){.index = 3, .cdrom = true};
	CHECK_EQ(0, dm_build_argv(&c, &a, err, sizeof(err)));
	CHECK(dm_test_find(&a, 0, "-xen-domid") == 1);
	CHECK(dm_test_find(&a, 0, "32751") == 2);
	CHECK_HAS_ARG(
		&a,
		"type=tap,id=net0,ifname=abcdefghijklmno,br=xenbr0,script=no,downscript=no");
	CHECK_HAS_ARG(&a, "ide-cd,id=ide-5696,drive=ide-5696,bus=ide.1,unit=1");
	CHECK_HAS_ARG(&a, "ide-cd,id=ide-832,drive=ide-832,bus=ide.0,unit=1");
	dm_argv_free(&a);
}

/* The default tap name of the largest domid and NIC index fits. */
static void test_longest_default_ifname(void)
{
	struct dm_config c;
	struct dm_argv a;
	char err[256];
	unsigned int i;

	dm_test_example(&c);
	c.domid = 0x7fef;
	c.nr_nics = DM_MAX_NICS;
	for (i = 0; i < DM_MAX_NICS; i++) {
		c.nics[i] = (struct dm_nic){.model = DM_NIC_E1000};
		SET(c.nics[i].mac, "00:16:3e:00:00:0");
		c.nics[i].mac[16] = (char)('0' + i);
	}
	CHECK_EQ(0, dm_build_argv(&c, &a, err, sizeof(err)));
	CHECK_HAS_ARG(
		&a,
		"type=tap,id=net7,ifname=vif32751.7-emu,script=no,downscript=no");
	dm_argv_free(&a);
}

static void test_no_message_buffer(void)
{
	struct dm_config c;
	struct dm_argv a;
	char err[256];

	dm_test_example(&c);
	/* Errors still work with no buffer for the message. */
	c.domid = 0;
	CHECK_EQ(-EINVAL, dm_build_argv(&c, &a, NULL, 0));
	/* A tiny buffer truncates, but stays terminated. */
	CHECK_EQ(-EINVAL, dm_build_argv(&c, &a, err, 5));
	CHECK_EQ(4, strlen(err));
}

int main(void)
{
	HVM_TEST(test_refusals);
	HVM_TEST(test_edges);
	HVM_TEST(test_longest_default_ifname);
	HVM_TEST(test_no_message_buffer);
	return hvm_test_summary();
}
