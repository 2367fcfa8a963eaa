/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for dm_config_init(), dm_config_set() (every key, the disk
 * and nic forms, each parse error) and dm_build_env() (variables set,
 * replaced and kept, LD_LIBRARY_PATH order, refused paths).
 */
#include "dm/dm_launch.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "dm_launch_test.h"
#include "hvm_test.h"

static char err[512];

static int set(struct dm_config *c, const char *kv)
{
	return dm_config_set(c, kv, err, sizeof(err));
}

static void test_defaults(void)
{
	struct dm_config c;

	dm_config_init(&c);
	CHECK_EQ(0, strcmp(c.qemu_path, DM_QEMU_DEFAULT));
	CHECK_EQ(0, c.domid);
	CHECK_EQ(1024, c.memory_mib);
	CHECK_EQ(1, c.vcpus);
	CHECK_EQ(0, c.maxvcpus);
	CHECK_EQ(0, strcmp(c.boot, "cda"));
	CHECK_EQ(DM_VGA_STD, c.vga);
	CHECK_EQ(0, c.videoram_mib);
	CHECK(c.vnc && c.vnc_find_unused && c.serial_pty);
	CHECK(c.platform_pci && c.acpi && c.hpet);
	CHECK(!c.usb && c.usbdevs == 0 && c.keymap[0] == '\0');
	CHECK_EQ(0, strcmp(c.vnc_listen, "127.0.0.1"));
	CHECK_EQ(0, c.nr_disks + c.nr_nics);
	CHECK_EQ(0, strlen(c.qmp_path) + strlen(c.qmp_stat_path));
}

/* The 7.1 example through keys gives the same config as the helper. */
static void test_keys_make_example(void)
{
	static const char *const kvs[] = {
		"domid=5",
		"name=guest",
		"memory=1024",
		"vcpus=2",
		"boot=dc",
		"disk=hda,raw,disk,rw,/path/disk.img",
		"disk=hdc,raw,cdrom,ro,/path/cd.iso",
		"nic=model=ne2k_pci,mac=00:16:3e:12:34:56,bridge=xenbr0",
		"qmp=/var/run/xen/qmp-libxl-5",
		"qmp-stat=/var/run/xen/qmp-libxenstat-5"};
	struct dm_config c, exp;
	struct dm_argv a, b;
	unsigned int i;

	dm_config_init(&c);
	for (i = 0; i < sizeof(kvs) / sizeof(kvs[0]); i++)
		CHECK_EQ(0, set(&c, kvs[i]));
	dm_test_example(&exp);
	CHECK_EQ(0, dm_build_argv(&c, &a, err, sizeof(err)));
	CHECK_EQ(0, dm_build_argv(&exp, &b, err, sizeof(err)));
	CHECK_EQ(b.argc, a.argc);
	for (i = 0; i < a.argc && i < b.argc; i++)
		CHECK_EQ(0, strcmp(a.argv[i], b.argv[i]));
	dm_argv_free(&a);
	dm_argv_free(&b);
}

static void test_keys_each(void)
{
	struct dm_config c;

	dm_config_init(&c);
	CHECK_EQ(0, set(&c, "qemu=/opt/qemu"));
	CHECK_EQ(0, set(&c, "maxvcpus=8"));
	CHECK_EQ(0, set(&c, "vga=cirrus"));
	CHECK_EQ(0, set(&c, "videoram=16"));
	CHECK_EQ(0, set(&c, "vnc=off"));
	CHECK_EQ(0, set(&c, "vnc-listen=0.0.0.0"));
	CHECK_EQ(0, set(&c, "vnc-display=4"));
	CHECK_EQ(0, set(&c, "vnc-unused=no"));
	CHECK_EQ(0, set(&c, "serial=none"));
	CHECK_EQ(0, set(&c, "platform-pci=0"));
	CHECK_EQ(0, set(&c, "acpi=false"));
	CHECK_EQ(0, set(&c, "hpet=off"));
	CHECK_EQ(0, set(&c, "keymap=fr-ch"));
	CHECK_EQ(0, set(&c, "usbdevice=tablet"));
	CHECK_EQ(0, set(&c, "usbdevice=keyboard"));
	CHECK_EQ(0, set(&c, "name=a=b,c"));
	CHECK_EQ(0, set(&c, "kernel=/k/vmlinuz"));
	CHECK_EQ(0, set(&c, "ramdisk=/k/initrd"));
	CHECK_EQ(0, set(&c, "cmdline=root=/dev/sda1 quiet"));
	CHECK_EQ(0, strcmp(c.kernel, "/k/vmlinuz"));
	CHECK_EQ(0, strcmp(c.ramdisk, "/k/initrd"));
	CHECK_EQ(0, strcmp(c.cmdline, "root=/dev/sda1 quiet"));
	CHECK_EQ(0, strcmp(c.qemu_path, "/opt/qemu"));
	CHECK_EQ(8, c.maxvcpus);
	CHECK_EQ(DM_VGA_CIRRUS, c.vga);
	CHECK_EQ(16, c.videoram_mib);
	CHECK(!c.vnc && !c.vnc_find_unused && !c.serial_pty);
	CHECK(!c.platform_pci && !c.acpi && !c.hpet);
	CHECK_EQ(0, strcmp(c.keymap, "fr-ch"));
	CHECK(c.usb);
	CHECK_EQ(DM_USB_TABLET | DM_USB_KEYBOARD, c.usbdevs);
	CHECK_EQ(0, strcmp(c.vnc_listen, "0.0.0.0"));
	CHECK_EQ(4, c.vnc_display);
	CHECK_EQ(0, strcmp(c.name, "a=b,c"));
	CHECK_EQ(0, set(&c, "vga=none"));
	CHECK_EQ(DM_VGA_NONE, c.vga);
	CHECK_EQ(0, set(&c, "serial=pty"));
	CHECK(c.serial_pty);
	CHECK_EQ(0, set(&c, "serial-log=/var/log/hvm/console/a.log"));
	CHECK_EQ(0, strcmp(c.serial_log, "/var/log/hvm/console/a.log"));
}

static void test_disk_and_nic_forms(void)
{
	struct dm_config c;

	dm_config_init(&c);
	CHECK_EQ(0, set(&c, "disk=hdb,qcow2,disk,rw,/a,b,c.qcow2"));
	CHECK_EQ(0, set(&c, "disk=hdd,raw,cdrom,ro,"));
	CHECK_EQ(2, c.nr_disks);
	CHECK_EQ(1, c.disks[0].index);
	CHECK_EQ(DM_DISK_QCOW2, c.disks[0].format);
	CHECK(!c.disks[0].cdrom && !c.disks[0].readonly);
	CHECK_EQ(0, strcmp(c.disks[0].path, "/a,b,c.qcow2"));
	CHECK_EQ(3, c.disks[1].index);
	CHECK(c.disks[1].cdrom && c.disks[1].readonly);
	CHECK_EQ(0, strlen(c.disks[1].path));

	CHECK_EQ(0, set(&c, "nic=mac=00:16:3e:00:00:01,model=e1000,ifname=t0"));
	CHECK_EQ(1, c.nr_nics);
	CHECK_EQ(DM_NIC_E1000, c.nics[0].model);
	CHECK_EQ(0, strcmp(c.nics[0].mac, "00:16:3e:00:00:01"));
	CHECK_EQ(0, strcmp(c.nics[0].ifname, "t0"));
	CHECK_EQ(0, strlen(c.nics[0].bridge));
}

struct set_err {
	const char *kv;
	int rc;
	const char *msg;
};

static const struct set_err set_errs[] = {
	{"domid", -EINVAL, "\"domid\" is not KEY=VALUE; see --help"},
	{"=5", -EINVAL, "\"=5\" is not KEY=VALUE"},
	{"colour=red", -EINVAL, "unknown key \"colour\"; see --help"},
	{"averyveryverylongkey=1", -EINVAL, "is not KEY=VALUE"},
	{"domid=x", -EINVAL, "domid=x: not a decimal number"},
	{"memory=-1", -EINVAL, "memory=-1: not a decimal number"},
	{"vcpus=99999999999", -EINVAL, "vcpus=99999999999: not a decimal"},
	{"vnc=maybe", -EINVAL, "vnc=maybe: use on or off"},
	{"vga=vmware", -EINVAL, "vga=vmware: use std, cirrus or none"},
	{"serial=file", -EINVAL, "serial=file: use pty or none"},
	{"keymap=de;rm", -EINVAL, "keymap=de;rm: use a QEMU keymap name"},
	{"keymap=", -EINVAL, "use a QEMU keymap name"},
	{"usbdevice=joystick", -EINVAL,
	 "usbdevice=joystick: use tablet, mouse or keyboard"},
	{"boot=abcdefghijk", -ENAMETOOLONG, "boot=abcdefghijk: value too long"},
	{"disk=hda,raw,disk", -EINVAL, "use VDEV,FORMAT,MEDIA,ACCESS,PATH"},
	{"disk=sda,raw,disk,rw,/x", -EINVAL,
	 "VDEV is hda..hdd, FORMAT raw or qcow2"},
	{"disk=hda,vhd,disk,rw,/x", -EINVAL, "VDEV is hda..hdd"},
	{"disk=hda,raw,floppy,rw,/x", -EINVAL, "MEDIA disk or cdrom"},
	{"disk=hda,raw,disk,rx,/x", -EINVAL, "ACCESS rw or ro"},
	{"nic=model=e1000", -EINVAL, "model= and mac= are required"},
	{"nic=mac=00:16:3e:00:00:01", -EINVAL, "model= and mac= are required"},
	{"nic=model=virtio,mac=00:16:3e:00:00:01", -EINVAL,
	 "use model=ne2k_pci|rtl8139|e1000"},
	{"nic=model=e1000,mac=00:16:3e:00:00:01,colour=red", -EINVAL,
	 "use model="},
	{"nic=model=e1000,mac=00:16:3e:00:00:01,ifname=abcdefghijklmnop",
	 -EINVAL, "use model="},
	{"nic=model=e1000,mac=00:16:3e:00:00:01,ifname", -EINVAL, "use model="},
};

static void test_set_errors(void)
{
	struct dm_config c;
	unsigned int i;
	int rc;

	for (i = 0; i < sizeof(set_errs) / sizeof(set_errs[0]); i++) {
		dm_config_init(&c);
		err[0] = '\0';
		rc = set(&c, set_errs[i].kv);
		if (rc != set_errs[i].rc)
			hvm_test_fail(__FILE__, __LINE__,
				      "%s: expected %d, saw %d", set_errs[i].kv,
				      set_errs[i].rc, rc);
		if (!strstr(err, set_errs[i].msg))
			hvm_test_fail(
				__FILE__, __LINE__,
				"%s: expected a message with \"%s\", saw \"%s\"",
				set_errs[i].kv, set_errs[i].msg, err);
		CHECK_EQ(0, c.nr_disks + c.nr_nics);
	}
}

static void test_too_many(void)
{
	struct dm_config c;
	char kv[128];
	unsigned int i;

	dm_config_init(&c);
	for (i = 0; i < DM_MAX_DISKS; i++)
		CHECK_EQ(0, set(&c, "disk=hda,raw,cdrom,ro,"));
	CHECK_EQ(-E2BIG, set(&c, "disk=hda,raw,cdrom,ro,"));
	CHECK_STR_CONTAINS(err, "too many disks; at most 4");
	for (i = 0; i < DM_MAX_NICS; i++) {
		snprintf(kv, sizeof(kv),
			 "nic=model=e1000,mac=00:16:3e:00:00:%02x", i);
		CHECK_EQ(0, set(&c, kv));
	}
	CHECK_EQ(-E2BIG, set(&c, kv));
	CHECK_STR_CONTAINS(err, "too many NICs; at most 8");
}

/* The value of @name in @env, or NULL; fails if it is there twice. */
static const char *env_get(const struct dm_argv *env, const char *name)
{
	const char *found = NULL;
	size_t n = strlen(name);
	unsigned int i;

	for (i = 0; i < env->argc; i++) {
		if (strncmp(env->argv[i], name, n) || env->argv[i][n] != '=')
			continue;
		CHECK(found == NULL);
		found = env->argv[i] + n + 1;
	}
	return found;
}

static void test_env(void)
{
	char *base[] = {"PATH=/usr/bin",
			"LD_LIBRARY_PATH=/opt/lib",
			"XENSTORED_PATH=/old",
			"HVM_RUN_DIR=/old",
			"XEN_DOMAIN_ID=1",
			"XEN_DOMAIN_IDX=7",
			"EMPTY=",
			NULL};
	struct dm_env_params p = {"/b/lib/hvm-xen", "/run/hvm/xs.sock",
				  "/run/hvm", 5};
	struct dm_argv env;

	CHECK_EQ(0, dm_build_env(&p, base, &env, err, sizeof(err)));
	CHECK_EQ(7, env.argc);
	CHECK(env.argv[env.argc] == NULL);
	CHECK_EQ(0, strcmp(env_get(&env, "PATH"), "/usr/bin"));
	CHECK_EQ(0, strcmp(env_get(&env, "LD_LIBRARY_PATH"),
			   "/b/lib/hvm-xen:/opt/lib"));
	CHECK_EQ(0,
		 strcmp(env_get(&env, "XENSTORED_PATH"), "/run/hvm/xs.sock"));
	CHECK_EQ(0, strcmp(env_get(&env, "HVM_RUN_DIR"), "/run/hvm"));
	CHECK_EQ(0, strcmp(env_get(&env, "XEN_DOMAIN_ID"), "5"));
	CHECK_EQ(0, strcmp(env_get(&env, "XEN_DOMAIN_IDX"), "7"));
	CHECK_EQ(0, strcmp(env_get(&env, "EMPTY"), ""));
	dm_argv_free(&env);

	/* No base, no old LD_LIBRARY_PATH. */
	CHECK_EQ(0, dm_build_env(&p, NULL, &env, err, sizeof(err)));
	CHECK_EQ(4, env.argc);
	CHECK_EQ(0, strcmp(env.argv[0], "LD_LIBRARY_PATH=/b/lib/hvm-xen"));
	dm_argv_free(&env);
}

static void test_env_errors(void)
{
	static const struct {
		struct dm_env_params p;
		const char *msg;
	} cases[] = {
		{{NULL, "/x", "/r", 5},
		 "shim directory is not set; give its absolute path"},
		{{"lib", "/x", "/r", 5},
		 "shim directory \"lib\" is not absolute"},
		{{"/a:b", "/x", "/r", 5},
		 "shim directory \"/a:b\" contains ':' or a control character"},
		{{"/l", "", "/r", 5}, "xenstored socket path is not set"},
		{{"/l", "/x\n", "/r", 5},
		 "xenstored socket path \"/x\n\" contains"},
		{{"/l", "/x", "run", 5},
		 "run directory \"run\" is not absolute"},
		{{"/l", "/x", "/r", 0},
		 "domid 0 is out of range; use 1..32751"},
	};
	struct dm_argv env;
	unsigned int i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		err[0] = '\0';
		CHECK_EQ(-EINVAL, dm_build_env(&cases[i].p, NULL, &env, err,
					       sizeof(err)));
		CHECK_STR_CONTAINS(err, cases[i].msg);
		CHECK(env.argv == NULL && env.argc == 0);
	}
}

int main(void)
{
	HVM_TEST(test_defaults);
	HVM_TEST(test_keys_make_example);
	HVM_TEST(test_keys_each);
	HVM_TEST(test_disk_and_nic_forms);
	HVM_TEST(test_set_errors);
	HVM_TEST(test_too_many);
	HVM_TEST(test_env);
	HVM_TEST(test_env_errors);
	return hvm_test_summary();
}
