/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for the domain and display keys, loaded through the public
 * API: defaults, each key's accepted forms and its errors, warnings for
 * ignored keys, and the one warning that lists all unknown keys.
 */
#include <errno.h>
#include <string.h>

#include "config_test_util.h"
#include "toolstack/domain_uuid.h"

static void test_defaults(void)
{
	CHECK_OK("");
	CHECK(cfg.name && !strcmp(cfg.name, "t"));
	CHECK_EQ(128, cfg.memory_mib);
	CHECK_EQ(128, cfg.maxmem_mib);
	CHECK_EQ(1, cfg.vcpus);
	CHECK_EQ(1, cfg.maxvcpus);
	CHECK(!cfg.cpus.set);
	CHECK(!strcmp(cfg.boot, "cd"));
	CHECK(cfg.vnc.enabled && cfg.vnc.find_unused && !cfg.vnc.display_set);
	CHECK(cfg.vnc.listen && !strcmp(cfg.vnc.listen, "127.0.0.1"));
	CHECK(cfg.vnc.passwd == NULL && cfg.vnc.keymap[0] == '\0');
	CHECK_EQ(DOMAIN_VGA_CIRRUS, cfg.vga);
	CHECK_EQ(8, cfg.videoram_mib);
	CHECK_EQ(DOMAIN_SERIAL_NONE, cfg.serial);
	CHECK(!cfg.usb && cfg.nr_usbdevs == 0);
	CHECK(cfg.acpi && cfg.apic && cfg.pae && cfg.hpet);
	CHECK_EQ(DOMAIN_HAP_DEFAULT, cfg.hap);
	CHECK(!cfg.localtime && cfg.rtc_timeoffset == 0);
	CHECK(cfg.xen_platform_pci); /* xl's default */
	CHECK_EQ(DOMAIN_ACTION_DESTROY, cfg.on_poweroff);
	CHECK_EQ(DOMAIN_ACTION_RESTART, cfg.on_reboot);
	CHECK_EQ(DOMAIN_ACTION_DESTROY, cfg.on_crash);
	CHECK_EQ(0, cfg.nr_disks);
	CHECK_EQ(0, cfg.nr_vifs);
	/* A random version 4 UUID. */
	CHECK(cfg.uuid_generated);
	CHECK_EQ(0x40, cfg.uuid[6] & 0xf0);
	CHECK_EQ(0x80, cfg.uuid[8] & 0xc0);
}

static void test_type(void)
{
	CHECK_OK("type = 'hvm'");
	CHECK_OK("builder = \"hvm\"");
	CHECK_OK("type = 'hvm'\nbuilder = 'hvm'");
	CHECK_ERR(
		"type = 'pv'",
		"guest.cfg:2: type: 'pv' is not supported: hvm runs HVM guests only; set type = \"hvm\"");
	CHECK_ERR("type = 'pvh'", "'pvh' is not supported");
	CHECK_ERR("builder = 'generic'",
		  "guest.cfg:2: builder: 'generic' is not supported");
	CHECK_ERR("type = 1", "expected a quoted string, saw the number 1");
}

static void test_name(void)
{
	CHECK_OK("name = 'web-1.example_a'");
	CHECK(!strcmp(cfg.name, "web-1.example_a"));
	CHECK_ERR("name = ''",
		  "guest.cfg:2: name: bad name '': the name is empty");
	CHECK_ERR("name = 'a b'", "use only letters, digits");
	CHECK_ERR("name = '-a'", "must not start with '-' or '.'");
	CHECK_ERR("name = '123'", "would be read as a domain id");
	CHECK_ERR("name = 'Domain-0'", "Domain-0 is the host's name");
	CHECK_ERR(
		"name = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'",
		"longer than 63");
	CHECK_ERR("name = ['a']", "expected a string, saw a list");
}

static void test_uuid(void)
{
	char text[DOMAIN_UUID_STR_LEN + 1];

	CHECK_OK("uuid = '6BA7B810-9dad-11d1-80b4-00c04fd430c8'");
	CHECK(!cfg.uuid_generated);
	domain_uuid_format(cfg.uuid, text);
	CHECK(!strcmp(text, "6ba7b810-9dad-11d1-80b4-00c04fd430c8"));
	CHECK_ERR("uuid = '6ba7b810-9dad-11d1-80b4'",
		  "guest.cfg:2: uuid: '6ba7b810-9dad-11d1-80b4' is not a UUID");
	CHECK_ERR("uuid = '6ba7b8109dad11d180b400c04fd430c8'", "is not a UUID");
	CHECK_ERR("uuid = '00000000-0000-0000-0000-000000000000'",
		  "not all zeros");
	CHECK_ERR("uuid = 'g ba7b810-9dad-11d1-80b4-00c04fd430c8'",
		  "is not a UUID");
}

static void test_memory(void)
{
	CHECK_OK("memory = 2048");
	CHECK_EQ(2048, cfg.memory_mib);
	CHECK_EQ(2048, cfg.maxmem_mib);
	CHECK_OK("memory = '512'\nmaxmem = 512");
	CHECK_EQ(512, cfg.memory_mib);
	CHECK_OK("memory = 0x200");
	CHECK_EQ(512, cfg.memory_mib);
	/* libxlutil's strtol(base 0): a leading 0 is octal, with a warning. */
	CHECK_WARN(
		"memory = 0100",
		"memory: 0100 is octal, as xl reads it: 64; drop the leading 0");
	CHECK_EQ(64, cfg.memory_mib);
	CHECK_WARN("memory = '01000'", "01000 is octal, as xl reads it: 512");
	CHECK_EQ(512, cfg.memory_mib);
	CHECK_ERR(
		"memory = 0800",
		"memory: '0800' is not a number as xl reads it: a leading 0 means octal (digits 0-7); drop the 0");
	CHECK_OK("rtc_timeoffset = 0");
	CHECK_EQ(0, diag.nr_warnings);
	/* 01-07 mean the same either way: no warning. */
	CHECK_OK("vcpus = 02");
	CHECK_EQ(0, diag.nr_warnings);
	CHECK_EQ(2, cfg.vcpus);
	CHECK_ERR("memory = 0.5", "memory: expected a whole number, saw '0.5'");
	CHECK_ERR(
		"memory = 8",
		"guest.cfg:2: memory: 8 is out of range; use 16 to 1048576 MiB");
	CHECK_ERR("memory = 99999999999999999999999",
		  "memory: 99999999999999999999999 is too large");
	CHECK_ERR("memory = 18446744073709551615", "out of range");
	CHECK_ERR("memory = 1.5", "memory: expected a whole number, saw '1.5'");
	CHECK_ERR("memory = -5", "-5 is out of range");
	CHECK_ERR("memory = '512M'", "expected a whole number, saw '512M'");
	CHECK_ERR("memory = [512]", "expected a number, saw a list");
	CHECK_ERR("memory = 0x", "expected a whole number");
	CHECK_ERR(
		"memory = 1024\nmaxmem = 2048",
		"guest.cfg:3: maxmem: maxmem=2048 is above memory=1024, which needs ballooning; hvm cannot balloon yet (no PV drivers), so remove maxmem or set it to 1024");
	CHECK_ERR("memory = 1024\nmaxmem = 512",
		  "maxmem=512 is below memory=1024");
}

static void test_vcpus(void)
{
	CHECK_OK("vcpus = 4\nmaxvcpus = 8");
	CHECK_EQ(4, cfg.vcpus);
	CHECK_EQ(8, cfg.maxvcpus);
	CHECK_OK("vcpus = 3");
	CHECK_EQ(3, cfg.maxvcpus);
	CHECK_ERR("vcpus = 4\nmaxvcpus = 2",
		  "guest.cfg:3: maxvcpus: maxvcpus=2 is below vcpus=4");
	CHECK_ERR("vcpus = 0", "0 is out of range; use 1 to 128");
	CHECK_ERR("vcpus = 129", "129 is out of range");
}

static void test_cpus(void)
{
	CHECK_OK("cpus = '0-3,6,^2'");
	CHECK(cfg.cpus.set);
	CHECK_EQ(0x4b, cfg.cpus.bits[0]);
	CHECK_OK("cpus = '^1'");
	CHECK_EQ(~2ULL, cfg.cpus.bits[0]);
	CHECK_EQ(~0ULL, cfg.cpus.bits[3]);
	CHECK_OK("cpus = '255'");
	CHECK_EQ(1ULL << 63, cfg.cpus.bits[3]);
	CHECK_OK("cpus = 'all'");
	CHECK(!cfg.cpus.set);
	CHECK_ERR("cpus = ['0', '1']", "per-vCPU lists are not supported");
	CHECK_ERR("cpus = '0-'", "bad CPU list '0-'");
	CHECK_ERR("cpus = '256'", "bad CPU list");
	CHECK_ERR("cpus = '3-1'", "bad CPU list");
	CHECK_ERR("cpus = '^0-255'", "bad CPU list");
	CHECK_ERR("cpus = 'nodes:0'", "bad CPU list");
	CHECK_ERR("cpus = ''", "bad CPU list");
}

static void test_boot(void)
{
	CHECK_OK("boot = 'dc'");
	CHECK(!strcmp(cfg.boot, "dc"));
	CHECK_OK("boot = 'ncd'\nvif = ['']");
	CHECK(!strcmp(cfg.boot, "ncd"));
	CHECK_WARN(
		"boot = 'n'",
		"guest.cfg:2: boot: network boot (n) without any vif will fail");
	CHECK_ERR("boot = 'a'", "'a' (floppy) is not supported");
	CHECK_ERR("boot = 'cc'", "bad boot order 'cc'");
	CHECK_ERR("boot = 'cdnx'", "bad boot order");
	CHECK_ERR("boot = ''", "empty boot order");
}

static void test_actions(void)
{
	CHECK_OK(
		"on_poweroff = 'preserve'\non_reboot = 'rename-restart'\non_crash = 'restart'");
	CHECK_EQ(DOMAIN_ACTION_PRESERVE, cfg.on_poweroff);
	CHECK_EQ(DOMAIN_ACTION_RENAME_RESTART, cfg.on_reboot);
	CHECK_EQ(DOMAIN_ACTION_RESTART, cfg.on_crash);
	CHECK_WARN(
		"on_crash = 'coredump-destroy'",
		"guest.cfg:2: on_crash: core dumps are not supported yet; coredump-destroy acts as destroy");
	CHECK_EQ(DOMAIN_ACTION_DESTROY, cfg.on_crash);
	CHECK_WARN("on_crash = 'coredump-restart'",
		   "coredump-restart acts as restart");
	CHECK_EQ(DOMAIN_ACTION_RESTART, cfg.on_crash);
	CHECK_ERR("on_reboot = 'soft-reset'", "soft-reset is not supported");
	CHECK_ERR(
		"on_poweroff = 'explode'",
		"guest.cfg:2: on_poweroff: unknown value 'explode'; use one of: destroy, restart, preserve, rename-restart, coredump-destroy, coredump-restart, soft-reset");
}

static void test_platform_flags(void)
{
	CHECK_WARN(
		"acpi = 0\napic = 0\npae = 0\nhpet = 0\nhap = 0\nlocaltime = 1\nrtc_timeoffset = -3600",
		"guest.cfg:7: localtime: localtime=1 is not honoured yet: the guest's RTC and Xen wall clock run on the host's UTC time");
	CHECK_EQ(2, diag.nr_warnings);
	CHECK(!cfg.acpi && !cfg.apic && !cfg.pae && !cfg.hpet);
	CHECK_EQ(DOMAIN_HAP_OFF, cfg.hap);
	CHECK(cfg.localtime);
	CHECK_EQ(-3600, cfg.rtc_timeoffset);
	CHECK_WARN("acpi = '1'\nrtc_timeoffset = 0x10\nhap = 1",
		   "rtc_timeoffset: an offset is not honoured yet");
	CHECK(cfg.acpi);
	CHECK_EQ(DOMAIN_HAP_ON, cfg.hap);
	CHECK_EQ(16, cfg.rtc_timeoffset);
	CHECK_OK("localtime = 0\nrtc_timeoffset = 0");
	CHECK_EQ(0, cfg.max_grant_frames);
	CHECK_OK("max_grant_frames = 32");
	CHECK_EQ(32, cfg.max_grant_frames);
	CHECK_ERR(
		"max_grant_frames = 65",
		"65 is out of range; use 1 to 64 (hvm keeps at most 64 grant frames per domain)");
	CHECK_ERR("max_grant_frames = 0", "0 is out of range");
	CHECK_ERR("acpi = 2", "guest.cfg:2: acpi: expected 0 or 1, saw '2'");
	CHECK_ERR("hpet = 'yes'", "expected 0 or 1, saw 'yes'");
	CHECK_ERR("hap = 2", "expected 0 or 1");
	CHECK_ERR("pae = [1]", "expected 0 or 1, saw a list");
	CHECK_ERR(
		"rtc_timeoffset = 3000000000",
		"3000000000 is out of range; use -2147483648 to 2147483647 seconds");
	CHECK_ERR("rtc_timeoffset = -9223372036854775809", "out of range");
	CHECK_OK("xen_platform_pci = 0");
	CHECK(!cfg.xen_platform_pci);
	CHECK_OK("xen_platform_pci = 1");
	CHECK(cfg.xen_platform_pci);
}

/* Direct kernel boot: xl's kernel, ramdisk and command line rules. */
static void test_direct_kernel_boot(void)
{
	CHECK_OK("kernel = '/boot/vmlinuz'\nramdisk = 'initrd.img'\n"
		 "cmdline = 'console=ttyS0 quiet'");
	CHECK(!strcmp(cfg.kernel, "/boot/vmlinuz"));
	CHECK(!strcmp(cfg.ramdisk, "initrd.img"));
	CHECK(!strcmp(cfg.cmdline, "console=ttyS0 quiet"));
	CHECK(!cfg.root && !cfg.extra);
	CHECK_OK("kernel = '/k'\nroot = '/dev/xvda1'\nextra = 'ro quiet'");
	CHECK(!strcmp(cfg.cmdline, "root=/dev/xvda1 ro quiet"));
	CHECK_OK("kernel = '/k'\nroot = '/dev/sda1'");
	CHECK(!strcmp(cfg.cmdline, "root=/dev/sda1"));
	CHECK_OK("kernel = '/k'\nextra = 'single'");
	CHECK(!strcmp(cfg.cmdline, "single"));
	CHECK_OK("kernel = '/k'");
	CHECK(cfg.cmdline == NULL && cfg.ramdisk == NULL);
	CHECK_WARN("kernel = '/k'\ncmdline = 'a'\nroot = '/dev/sda1'",
		   "root: ignored in favour of cmdline=, as xl does");
	CHECK(!strcmp(cfg.cmdline, "a"));
	/* Text for a kernel that is not there would be dropped. */
	CHECK_ERR("ramdisk = '/i'",
		  "ramdisk is for direct kernel boot and there is no kernel=");
	CHECK_ERR("cmdline = 'quiet'", "cmdline is for direct kernel boot");
	CHECK_ERR("kernel = ''", "kernel is empty");
	/* xm's firmware line, as xl: ignored, no direct kernel boot. */
	CHECK_WARN("kernel = '/usr/lib/xen/boot/hvmloader'", "kernel: ignored");
	CHECK(cfg.kernel == NULL);
	CHECK_ERR("kernel = '/k'\ncmdline = 'a\\tb'", "control character");
}

/* bios=, firmware=, firmware_override=, bios_path_override=, as xl. */
static void test_firmware(void)
{
	CHECK_OK("bios = 'seabios'");
	CHECK(cfg.bios_named && !cfg.loader && !cfg.bios_path);
	CHECK_ERR(
		"bios = 'rombios'",
		"bios=\"rombios\" is refused: rombios needs QEMU traditional");
	CHECK_ERR("bios = 'ovmf'",
		  "UEFI (OVMF) is not supported yet; use seabios");
	CHECK_ERR("bios = 'coreboot'", "unknown BIOS");
	CHECK_OK("firmware = 'bios'");
	CHECK(!cfg.loader);
	CHECK_OK("firmware = 'b'");
	CHECK_OK("firmware = 'seabios'");
	CHECK_ERR("firmware = 'uefi'", "firmware=\"uefi\" is refused: UEFI");
	CHECK_OK("firmware = '/srv/fw/hvmloader'");
	CHECK(!strcmp(cfg.loader, "/srv/fw/hvmloader"));
	CHECK_OK("firmware_override = '/srv/fw/hvmloader2'");
	CHECK(!strcmp(cfg.loader, "/srv/fw/hvmloader2"));
	CHECK_OK("bios = 'seabios'\nbios_path_override = '/srv/fw/bios.bin'");
	CHECK(!strcmp(cfg.bios_path, "/srv/fw/bios.bin"));
	CHECK_WARN(
		"bios_path_override = '/srv/fw/bios.bin'",
		"bios_path_override: given without bios= (xl warns the same)");
	CHECK(!strcmp(cfg.bios_path, "/srv/fw/bios.bin"));
	CHECK_ERR("bios = 'seabios'\nbios_path_override = '/srv/a,b.bin'",
		  "the path has a comma");
	CHECK_ERR("firmware = 'u'", "firmware=\"u\" is refused: UEFI");
	CHECK_ERR("firmware = ''", "firmware=\"\" is refused: UEFI");
}

/* device_model_args(_hvm)=: kept in order, for QEMU's command line. */
static void test_dm_args(void)
{
	CHECK_OK("device_model_args = [ '-msg', 'timestamp=on' ]\n"
		 "device_model_args_hvm = '-no-hpet'");
	CHECK_EQ(2, cfg.nr_dm_args);
	CHECK(!strcmp(cfg.dm_args[0], "-msg") &&
	      !strcmp(cfg.dm_args[1], "timestamp=on"));
	CHECK_EQ(1, cfg.nr_dm_args_hvm);
	CHECK(!strcmp(cfg.dm_args_hvm[0], "-no-hpet"));
	CHECK_ERR("device_model_args = [ 1 ]", "device_model_args");
	CHECK_ERR("device_model_args_hvm = [ 'a', 'b\\nc' ]",
		  "argument 1 has a control character");
}

static void test_ignored_with_warning(void)
{
	CHECK_WARN(
		"kernel = '/usr/lib/xen/boot/hvmloader'",
		"guest.cfg:2: kernel: ignored: hvmloader is the firmware hvm always runs");
	CHECK_WARN(
		"device_model_version = 'qemu-xen'",
		"guest.cfg:2: device_model_version: ignored: hvm always runs Debian's qemu-system-xen");
	CHECK_WARN("device_model_override = '/usr/bin/qemu'",
		   "device_model_override: ignored");
	CHECK_WARN(
		"soundhw = 'sb16'",
		"guest.cfg:2: soundhw: ignored: hvm emulates no sound hardware");
	CHECK_WARN("sdl = 1", "guest.cfg:2: sdl: sdl=1 ignored");
	CHECK_OK("sdl = 0");
	CHECK_WARN(
		"viridian = 1\nnx = 1",
		"2 xl keys that hvm does not implement, ignored: viridian (line 2), nx (line 3)");
	CHECK_EQ(1, diag.nr_warnings);
	CHECK_ERR("pci = ['01:00.0']",
		  "guest.cfg:2: pci: PCI passthrough is not supported");
}

/* Keys that take a boolean and warn or refuse only when it is 1. */
static void test_bool_hint_keys(void)
{
	CHECK_ERR("sdl = 'yes'",
		  "guest.cfg:2: sdl: expected 0 or 1, saw 'yes'");
	CHECK_EQ(0, diag.nr_warnings);
	CHECK_ERR("sdl = [1]", "expected 0 or 1, saw a list");
	CHECK_OK("sdl = '0'");
	CHECK_ERR("xen_platform_pci = 2",
		  "xen_platform_pci: expected 0 or 1, saw '2'");
	CHECK_OK("xen_platform_pci = '0'");
	CHECK(!cfg.xen_platform_pci);
}

static void test_unknown_keys(void)
{
	CHECK_WARN(
		"memroy = 512\nfoo = 1\nvpcus = 2",
		"guest.cfg: 3 unknown keys ignored: memroy (line 2, did you mean memory?), foo (line 3), vpcus (line 4, did you mean vcpus?); check the spelling against xl.cfg(5)");
	/* One warning for all of them. */
	CHECK_EQ(1, diag.nr_warnings);
	CHECK_EQ(128, cfg.memory_mib);
}

static void test_many_unknown_keys(void)
{
	char text[2048];
	size_t n = 0;
	unsigned int i;

	for (i = 0; i < 60; i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n,
				      "unknown_key_%u = 1\n", i);
	/* Still one warning, with the count, cut short with "...". */
	CHECK_WARN(
		text,
		"guest.cfg: 60 unknown keys ignored: unknown_key_0 (line 2), unknown_key_1 (line 3)");
	CHECK_DIAG(&diag, ", ...; check the spelling");
	CHECK_EQ(1, diag.nr_warnings);
}

int main(void)
{
	domain_config_init(&cfg);
	HVM_TEST(test_defaults);
	HVM_TEST(test_type);
	HVM_TEST(test_name);
	HVM_TEST(test_uuid);
	HVM_TEST(test_memory);
	HVM_TEST(test_vcpus);
	HVM_TEST(test_cpus);
	HVM_TEST(test_boot);
	HVM_TEST(test_actions);
	HVM_TEST(test_platform_flags);
	HVM_TEST(test_direct_kernel_boot);
	HVM_TEST(test_firmware);
	HVM_TEST(test_dm_args);
	HVM_TEST(test_ignored_with_warning);
	HVM_TEST(test_bool_hint_keys);
	HVM_TEST(test_unknown_keys);
	HVM_TEST(test_many_unknown_keys);
	domain_config_free(&cfg);
	return hvm_test_summary();
}
