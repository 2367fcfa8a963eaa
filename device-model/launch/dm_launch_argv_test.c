/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for dm_build_argv(): the exact command line of dm-abi.md 7.1
 * (with and without the platform device) and each variant of 7.1: VGA
 * types and the -m rule, VNC forms, serial, -smp, ACPI, NIC models and
 * tap names, empty CD-ROMs, qcow2 disks, and comma escaping.
 */
#include "dm/dm_launch.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "dm_launch_test.h"
#include "hvm_test.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

static char err[512];

/* @a from argument @from on, as a vector of its own (not to be freed). */
static struct dm_argv tail_of(const struct dm_argv *a, int from)
{
	if (from < 0 || (unsigned int)from > a->argc)
		from = (int)a->argc;
	return (struct dm_argv){a->argv + from, a->argc - (unsigned int)from,
				0};
}

/* dm-abi.md 7.1, word for word. */
static const char *const example_argv[] = {
	"/usr/libexec/xen-qemu-system-i386",
	"-xen-domid",
	"5",
	"-no-shutdown",
	"-chardev",
	"socket,id=libxl-cmd,path=/var/run/xen/qmp-libxl-5,server=on,wait=off",
	"-mon",
	"chardev=libxl-cmd,mode=control",
	"-chardev",
	"socket,id=libxenstat-cmd,path=/var/run/xen/qmp-libxenstat-5,server=on,wait=off",
	"-mon",
	"chardev=libxenstat-cmd,mode=control",
	"-nodefaults",
	"-no-user-config",
	"-name",
	"guest",
	"-vnc",
	"127.0.0.1:0,to=99",
	"-display",
	"none",
	"-serial",
	"pty",
	"-device",
	"VGA,vgamem_mb=16",
	"-boot",
	"order=dc",
	"-smp",
	"2,maxcpus=2",
	"-device",
	"ne2k_pci,id=nic0,netdev=net0,mac=00:16:3e:12:34:56",
	"-netdev",
	"type=tap,id=net0,ifname=vif5.0-emu,br=xenbr0,script=no,downscript=no",
	"-machine",
	"xenfv,suppress-vmdesc=on",
	"-m",
	"1008",
	"-drive",
	"file=/path/disk.img,if=ide,index=0,media=disk,format=raw,cache=writeback",
	"-drive",
	"if=none,readonly=on,id=ide-5632,file=/path/cd.iso,format=raw",
	"-device",
	"ide-cd,id=ide-5632,drive=ide-5632,bus=ide.1,unit=0",
	NULL};

/* Builds @c, expecting success, into @a. */
static void build_ok(const struct dm_config *c, struct dm_argv *a)
{
	int rc = dm_build_argv(c, a, err, sizeof(err));

	CHECK_EQ(0, rc);
	if (rc)
		fprintf(stderr, "dm_build_argv: %s\n", err);
}

/* The value after option @opt (its first occurrence), or "". */
static const char *opt_value(const struct dm_argv *a, const char *opt)
{
	int i = dm_test_find(a, 0, opt);

	return i >= 0 && (unsigned int)i + 1 < a->argc ? a->argv[i + 1] : "";
}

static void test_example(void)
{
	struct dm_config c;
	struct dm_argv a;

	dm_test_example(&c);
	build_ok(&c, &a);
	CHECK_ARGV(&a, example_argv);
	CHECK_EQ(0, strlen(err));
	dm_argv_free(&a);
	dm_argv_free(&a); /* idempotent */
	CHECK(a.argv == NULL && a.argc == 0);
}

/*
 * The example's command line with its -machine value @machine, built from
 * the example's config changed by @tweak.
 */
static void check_example_machine(const char *machine,
				  void (*tweak)(struct dm_config *c))
{
	const char *exp[ARRAY_LEN(example_argv)];
	struct dm_config c;
	struct dm_argv a;
	unsigned int i;

	memcpy(exp, example_argv, sizeof(exp));
	for (i = 0; exp[i]; i++)
		if (!strcmp(exp[i], "xenfv,suppress-vmdesc=on"))
			exp[i] = machine;
	dm_test_example(&c);
	tweak(&c);
	build_ok(&c, &a);
	CHECK_ARGV(&a, exp);
	dm_argv_free(&a);
}

static void no_platform(struct dm_config *c)
{
	c->platform_pci = false;
}

static void no_hpet(struct dm_config *c)
{
	c->hpet = false;
}

/* xen_platform_pci = 0: the same command line but for -machine. */
static void test_example_no_platform(void)
{
	check_example_machine("pc,accel=xen,suppress-vmdesc=on", no_platform);
}

/* hpet=off: the board without QEMU's HPET, as xl's hpet=0. */
static void test_example_no_hpet(void)
{
	check_example_machine("xenfv,suppress-vmdesc=on,hpet=off", no_hpet);
}

/* keymap, usb and usbdevice: -k after -vnc, -usb and its devices after
 * -machine. */
static void test_keymap_and_usb(void)
{
	struct dm_config c;
	struct dm_argv a;
	int k, m, usb;

	dm_test_example(&c);
	snprintf(c.keymap, sizeof(c.keymap), "de");
	c.usb = true;
	c.usbdevs = DM_USB_TABLET | DM_USB_MOUSE;
	build_ok(&c, &a);
	k = dm_test_find(&a, 0, "-k");
	CHECK(k > 0 && !strcmp(a.argv[k + 1], "de"));
	CHECK(k > dm_test_find(&a, 0, "-vnc"));
	m = dm_test_find(&a, 0, "-machine");
	usb = dm_test_find(&a, 0, "-usb");
	CHECK(usb > m);
	CHECK(usb > 0 && !strcmp(a.argv[usb + 1], "-device") &&
	      !strcmp(a.argv[usb + 2], "usb-tablet") &&
	      !strcmp(a.argv[usb + 3], "-device") &&
	      !strcmp(a.argv[usb + 4], "usb-mouse"));
	CHECK_EQ(-1, dm_test_find(&a, 0, "usb-kbd"));
	dm_argv_free(&a);
	/* Devices without the controller are refused. */
	c.usb = false;
	CHECK_EQ(-EINVAL, dm_build_argv(&c, &a, err, sizeof(err)));
	CHECK_STR_CONTAINS(err, "usbdevice needs usb=on");
}

/* Direct kernel boot: -kernel, -initrd, -append after -boot, as libxl. */
static void test_kernel(void)
{
	struct dm_config c;
	struct dm_argv a;
	int k;

	dm_test_example(&c);
	snprintf(c.kernel, sizeof(c.kernel), "/srv/k/vmlinuz");
	snprintf(c.ramdisk, sizeof(c.ramdisk), "/srv/k/initrd,x.img");
	snprintf(c.cmdline, sizeof(c.cmdline), "root=/dev/sda1 console=ttyS0");
	build_ok(&c, &a);
	k = dm_test_find(&a, 0, "-kernel");
	CHECK(k > dm_test_find(&a, 0, "-boot"));
	CHECK(k > 0 && !strcmp(a.argv[k + 1], "/srv/k/vmlinuz") &&
	      !strcmp(a.argv[k + 2], "-initrd") &&
	      !strcmp(a.argv[k + 3], "/srv/k/initrd,x.img") &&
	      !strcmp(a.argv[k + 4], "-append") &&
	      !strcmp(a.argv[k + 5], "root=/dev/sda1 console=ttyS0"));
	dm_argv_free(&a);
	/* A kernel alone; nothing without one. */
	c.ramdisk[0] = c.cmdline[0] = '\0';
	build_ok(&c, &a);
	CHECK_EQ(-1, dm_test_find(&a, 0, "-initrd"));
	CHECK_EQ(-1, dm_test_find(&a, 0, "-append"));
	dm_argv_free(&a);
	dm_test_example(&c);
	build_ok(&c, &a);
	CHECK_EQ(-1, dm_test_find(&a, 0, "-kernel"));
	dm_argv_free(&a);
}

/*
 * dm-arg and dm-arg-hvm (xl's device_model_args and _hvm): in order,
 * before -machine and right after the machine type, as libxl puts them.
 */
static void test_extra_args(void)
{
	struct dm_config c;
	struct dm_argv a;
	int m;

	dm_test_example(&c);
	CHECK_EQ(0, dm_config_set(&c, "dm-arg=-msg", err, sizeof(err)));
	CHECK_EQ(0, dm_config_set(&c, "dm-arg=timestamp=on", err, sizeof(err)));
	CHECK_EQ(0, dm_config_set(&c, "dm-arg-hvm=-no-shutdown", err,
				  sizeof(err)));
	build_ok(&c, &a);
	m = dm_test_find(&a, 0, "-machine");
	CHECK(m >= 2 && !strcmp(a.argv[m - 2], "-msg") &&
	      !strcmp(a.argv[m - 1], "timestamp=on") &&
	      !strcmp(a.argv[m + 2], "-no-shutdown"));
	dm_argv_free(&a);
	snprintf(c.extra_args_hvm[0], sizeof(c.extra_args_hvm[0]), "a\nb");
	CHECK_EQ(-EINVAL, dm_build_argv(&c, &a, err, sizeof(err)));
	CHECK_STR_CONTAINS(err, "dm-arg-hvm 0 is too long or has a control");
}

/* The smallest domain: defaults everywhere. */
static void test_defaults(void)
{
	static const char *const exp[] = {"/usr/libexec/xen-qemu-system-i386",
					  "-xen-domid",
					  "3",
					  "-no-shutdown",
					  "-nodefaults",
					  "-no-user-config",
					  "-name",
					  "d3",
					  "-vnc",
					  "127.0.0.1:0,to=99",
					  "-display",
					  "none",
					  "-serial",
					  "pty",
					  "-device",
					  "VGA,vgamem_mb=16",
					  "-boot",
					  "order=cda",
					  "-net",
					  "none",
					  "-machine",
					  "xenfv,suppress-vmdesc=on",
					  "-m",
					  "496",
					  NULL};
	struct dm_config c;
	struct dm_argv a;

	dm_config_init(&c);
	c.domid = 3;
	c.memory_mib = 512;
	build_ok(&c, &a);
	CHECK_ARGV(&a, exp);
	dm_argv_free(&a);
}

/* -m is memory minus the VGA's video RAM (libxl's rule). */
static void test_vga_and_memory(void)
{
	static const struct {
		enum dm_vga vga;
		unsigned int videoram;
		const char *dev, *m;
	} cases[] = {
		{DM_VGA_STD, 0, "VGA,vgamem_mb=16", "1008"},
		{DM_VGA_STD, 64, "VGA,vgamem_mb=64", "960"},
		{DM_VGA_CIRRUS, 0, "cirrus-vga,vgamem_mb=8", "1016"},
		{DM_VGA_CIRRUS, 16, "cirrus-vga,vgamem_mb=16", "1008"},
		{DM_VGA_NONE, 0, NULL, "1024"},
	};
	struct dm_config c;
	struct dm_argv a;
	unsigned int i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		dm_test_example(&c);
		c.vga = cases[i].vga;
		c.videoram_mib = cases[i].videoram;
		build_ok(&c, &a);
		CHECK_STR_CONTAINS(opt_value(&a, "-m"), cases[i].m);
		CHECK_EQ(strlen(cases[i].m), strlen(opt_value(&a, "-m")));
		if (cases[i].dev) {
			CHECK(dm_test_find(&a, 0, cases[i].dev) > 0);
			CHECK_EQ(-1, dm_test_find(&a, 0, "-vga"));
		} else {
			CHECK_EQ(0, strcmp(opt_value(&a, "-vga"), "none"));
			CHECK_EQ(-1, dm_test_find(&a, 0, "VGA,vgamem_mb=16"));
		}
		dm_argv_free(&a);
	}
}

static void test_vnc_forms(void)
{
	struct dm_config c;
	struct dm_argv a;

	dm_test_example(&c);
	c.vnc_find_unused = false;
	c.vnc_display = 7;
	build_ok(&c, &a);
	CHECK_EQ(0, strcmp(opt_value(&a, "-vnc"), "127.0.0.1:7"));
	dm_argv_free(&a);

	snprintf(c.vnc_listen, sizeof(c.vnc_listen), "::1");
	c.vnc_find_unused = true;
	build_ok(&c, &a);
	CHECK_EQ(0, strcmp(opt_value(&a, "-vnc"), "[::1]:7,to=99"));
	dm_argv_free(&a);

	c.vnc = false;
	build_ok(&c, &a);
	CHECK_EQ(0, strcmp(opt_value(&a, "-vnc"), "none"));
	CHECK_EQ(0, strcmp(opt_value(&a, "-display"), "none"));
	dm_argv_free(&a);
}

static void test_serial_acpi(void)
{
	struct dm_config c;
	struct dm_argv a;
	int noacpi, i;

	dm_test_example(&c);
	build_ok(&c, &a);
	CHECK_EQ(-1, dm_test_find(&a, 0, "-no-acpi"));
	dm_argv_free(&a);

	/*
	 * A serial log: the pty as chardev serial0 with QEMU's logfile
	 * (commas in the path doubled), and no "-serial pty".
	 */
	snprintf(c.serial_log, sizeof(c.serial_log), "/var/log/a,b.log");
	build_ok(&c, &a);
	i = dm_test_find(
		&a, 0, "pty,id=serial0,logfile=/var/log/a,,b.log,logappend=on");
	CHECK(i > 0 && !strcmp(a.argv[i - 1], "-chardev"));
	CHECK_EQ(0, strcmp(opt_value(&a, "-serial"), "chardev:serial0"));
	CHECK_EQ(-1, dm_test_find(&a, 0, "pty"));
	dm_argv_free(&a);
	c.serial_log[0] = '\0';

	c.serial_pty = false;
	c.acpi = false;
	build_ok(&c, &a);
	CHECK_EQ(-1, dm_test_find(&a, 0, "-serial"));
	noacpi = dm_test_find(&a, 0, "-no-acpi");
	CHECK(noacpi > 0);
	CHECK_EQ(noacpi + 1, dm_test_find(&a, 0, "-machine"));
	dm_argv_free(&a);
}

static void test_smp(void)
{
	struct dm_config c;
	struct dm_argv a;

	dm_test_example(&c);
	c.vcpus = 1;
	build_ok(&c, &a);
	CHECK_EQ(-1, dm_test_find(&a, 0, "-smp"));
	dm_argv_free(&a);

	c.maxvcpus = 4;
	build_ok(&c, &a);
	CHECK_EQ(0, strcmp(opt_value(&a, "-smp"), "1,maxcpus=4"));
	dm_argv_free(&a);

	c.vcpus = 3;
	c.maxvcpus = 0;
	build_ok(&c, &a);
	CHECK_EQ(0, strcmp(opt_value(&a, "-smp"), "3,maxcpus=3"));
	dm_argv_free(&a);
}

static void test_nics(void)
{
	static const char *const exp[] = {
		"-device",
		"rtl8139,id=nic0,netdev=net0,mac=00:16:3e:00:00:01",
		"-netdev",
		"type=tap,id=net0,ifname=vif12.0-emu,script=no,downscript=no",
		"-device",
		"e1000,id=nic1,netdev=net1,mac=00:16:3E:00:00:02",
		"-netdev",
		"type=tap,id=net1,ifname=tap-web,script=no,downscript=no",
		"-machine",
		"xenfv,suppress-vmdesc=on",
		"-m",
		"1008",
		NULL};
	struct dm_config c;
	struct dm_argv a, tail;
	int i;

	dm_test_example(&c);
	c.domid = 12;
	c.nr_disks = 0;
	c.nr_nics = 2;
	c.nics[0].model = DM_NIC_RTL8139;
	snprintf(c.nics[0].mac, sizeof(c.nics[0].mac), "00:16:3e:00:00:01");
	c.nics[0].bridge[0] = '\0';
	c.nics[1].model = DM_NIC_E1000;
	snprintf(c.nics[1].mac, sizeof(c.nics[1].mac), "00:16:3E:00:00:02");
	snprintf(c.nics[1].ifname, sizeof(c.nics[1].ifname), "tap-web");
	build_ok(&c, &a);
	/* The NICs come after the VGA's -device. */
	i = dm_test_find(&a, 0, "-smp");
	CHECK(i > 0);
	tail = tail_of(&a, i + 2);
	CHECK_ARGV(&tail, exp);
	CHECK_EQ(-1, dm_test_find(&a, 0, "-net"));
	dm_argv_free(&a);
}

/* hdb qcow2 disk and an empty CD-ROM at hdd; configuration order kept. */
static void test_disks(void)
{
	static const char *const exp[] = {
		"-drive",
		"file=/img/b.qcow2,if=ide,index=1,media=disk,format=qcow2,cache=writeback",
		"-drive",
		"if=none,readonly=on,id=ide-5696",
		"-device",
		"ide-cd,id=ide-5696,drive=ide-5696,bus=ide.1,unit=1",
		"-drive",
		"if=none,readonly=on,id=ide-768,file=/img/x.iso,format=raw",
		"-device",
		"ide-cd,id=ide-768,drive=ide-768,bus=ide.0,unit=0",
		NULL};
	struct dm_config c;
	struct dm_argv a, tail;
	int i;

	dm_test_example(&c);
	c.nr_disks = 3;
	c.disks[0] = (struct dm_disk){.index = 1, .format = DM_DISK_QCOW2};
	snprintf(c.disks[0].path, sizeof(c.disks[0].path), "/img/b.qcow2");
	c.disks[1] = (struct dm_disk){.index = 3, .cdrom = true};
	c.disks[2] = (struct dm_disk){.index = 0, .cdrom = true};
	snprintf(c.disks[2].path, sizeof(c.disks[2].path), "/img/x.iso");
	build_ok(&c, &a);
	i = dm_test_find(&a, 0, "-drive");
	CHECK(i > 0);
	tail = tail_of(&a, i);
	CHECK_ARGV(&tail, exp);
	dm_argv_free(&a);
}

/* QEMU reads ",," as a literal comma inside an option value. */
static void test_comma_escaping(void)
{
	struct dm_config c;
	struct dm_argv a;

	dm_test_example(&c);
	snprintf(c.name, sizeof(c.name), "web,1,,x");
	snprintf(c.disks[0].path, sizeof(c.disks[0].path), "/img/a,b.img");
	snprintf(c.disks[1].path, sizeof(c.disks[1].path), "/iso/,cd,.iso");
	snprintf(c.qmp_path, sizeof(c.qmp_path), "/run/q,mp");
	build_ok(&c, &a);
	CHECK_HAS_ARG(&a, "web,,1,,,,x");
	CHECK_HAS_ARG(
		&a,
		"file=/img/a,,b.img,if=ide,index=0,media=disk,format=raw,cache=writeback");
	CHECK_HAS_ARG(
		&a,
		"if=none,readonly=on,id=ide-5632,file=/iso/,,cd,,.iso,format=raw");
	CHECK_HAS_ARG(&a,
		      "socket,id=libxl-cmd,path=/run/q,,mp,server=on,wait=off");
	dm_argv_free(&a);
}

/* Longest path: 4094 commas after the '/' double to 8188 characters. */
static void test_long_escaped_path(void)
{
	static const char opts[] =
		",if=ide,index=0,media=disk,format=raw,cache=writeback";
	struct dm_config c;
	struct dm_argv a;
	int i;

	dm_test_example(&c);
	memset(c.disks[0].path, ',', sizeof(c.disks[0].path) - 1);
	c.disks[0].path[0] = '/';
	c.disks[0].path[sizeof(c.disks[0].path) - 1] = '\0';
	build_ok(&c, &a);
	i = dm_test_find(&a, 0, "-drive");
	CHECK(i > 0 && (unsigned int)i + 1 < a.argc);
	if (i > 0 && (unsigned int)i + 1 < a.argc) {
		CHECK_EQ(strlen("file=/") + 2 * 4094 + strlen(opts),
			 strlen(a.argv[i + 1]));
		CHECK_STR_CONTAINS(a.argv[i + 1], opts);
	}
	dm_argv_free(&a);
}

int main(void)
{
	HVM_TEST(test_example);
	HVM_TEST(test_example_no_hpet);
	HVM_TEST(test_keymap_and_usb);
	HVM_TEST(test_kernel);
	HVM_TEST(test_extra_args);
	HVM_TEST(test_example_no_platform);
	HVM_TEST(test_defaults);
	HVM_TEST(test_vga_and_memory);
	HVM_TEST(test_vnc_forms);
	HVM_TEST(test_serial_acpi);
	HVM_TEST(test_smp);
	HVM_TEST(test_nics);
	HVM_TEST(test_disks);
	HVM_TEST(test_comma_escaping);
	HVM_TEST(test_long_escaped_path);
	return hvm_test_summary();
}
