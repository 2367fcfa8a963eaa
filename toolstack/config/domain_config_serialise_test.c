/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Round-trip tests for the canonical text: parse -> serialise -> parse
 * gives an equal config and serialising again gives the same text, for a
 * config using every key (with awkward bytes in strings) and for each
 * sample fixture. Also checks the text's shape and its refusals.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "config_test_util.h"

#define FIXTURE(name) CONFIG_FIXTURE_DIR "/" name

static const char rich[] =
	"type = 'hvm'\nname = 'rich.one'\n"
	"uuid = '6ba7b810-9dad-11d1-80b4-00c04fd430c8'\n"
	"memory = 768\nmaxmem = 768\nvcpus = 2\nmaxvcpus = 4\n"
	"cpus = '0-3,8,^2,200-255'\nboot = 'nd'\n"
	"kernel = '/srv/k/vmlinuz'\nramdisk = '/srv/k/initrd \"x\".img'\n"
	"root = '/dev/xvda1'\nextra = 'console=hvc0 quiet'\n"
	"bios = 'seabios'\nbios_path_override = '/srv/fw/bios.bin'\n"
	"firmware_override = '/srv/fw/hvmloader'\n"
	"device_model_args = [ '-msg', 'timestamp=on' ]\n"
	"device_model_args_hvm = [ '-name', 'x \"y\"' ]\n"
	"disk = [ 'vdev=hda, target=/srv/we,ird \"na=me\\\\.img',\n"
	"         'tap:qcow2:/srv/b.qcow2,xvdb,w,backendtype=tap',\n"
	"         ',raw,hdc,cdrom',\n"
	"         'phy:/dev/vg/x,hdd,w,script=block-x,no-discard,direct-io-safe,untrusted' ]\n"
	"vif = [ 'mac=00:16:3e:aa:bb:cc,bridge=br0,model=e1000,vifname=rich0,"
	"mtu=1400,ip=192.0.2.1 192.0.2.2,script=vif-x', 'model=ne2k_pci' ]\n"
	"vnc = 1\nvnclisten = '0.0.0.0:4'\nvncunused = 0\n"
	"vncpasswd = 'pa\"ss\\tw'\nkeymap = 'fr-ch'\n"
	"vga = 'stdvga'\nvideoram = 32\nserial = 'pty'\n"
	"usbdevice = [ 'tablet', 'keyboard' ]\n"
	"acpi = 0\napic = 1\npae = 0\nhpet = 0\nhap = 0\nmax_grant_frames = 16\n"
	"localtime = 1\n"
	"rtc_timeoffset = -7200\nxen_platform_pci = 0\n"
	"on_poweroff = 'preserve'\non_reboot = 'rename-restart'\n"
	"on_crash = 'coredump-restart'\n";

static int same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

#define SAME(field)                                                            \
	do {                                                                   \
		if (memcmp(&a->field, &b->field, sizeof(a->field)))            \
			hvm_test_fail(__FILE__, line, "%s differs", #field);   \
	} while (0)
#define SAME_STR(field)                                                        \
	do {                                                                   \
		if (!same_str(a->field, b->field))                             \
			hvm_test_fail(__FILE__, line, "%s: '%s' vs '%s'",      \
				      #field, a->field ? a->field : "(null)",  \
				      b->field ? b->field : "(null)");         \
	} while (0)

static void check_disks(int line, const struct domain_config *a,
			const struct domain_config *b)
{
	unsigned int i;

	SAME(nr_disks);
	for (i = 0; i < a->nr_disks && i < b->nr_disks; i++) {
		SAME_STR(disks[i].target);
		SAME_STR(disks[i].script);
		SAME(disks[i].format);
		SAME(disks[i].backend);
		SAME(disks[i].vdev);
		SAME(disks[i].ide_index);
		SAME(disks[i].cdrom);
		SAME(disks[i].readonly);
		SAME(disks[i].no_discard);
		SAME(disks[i].direct_io_safe);
		SAME(disks[i].untrusted);
	}
}

static void check_vifs(int line, const struct domain_config *a,
		       const struct domain_config *b)
{
	unsigned int i;

	SAME(nr_vifs);
	for (i = 0; i < a->nr_vifs && i < b->nr_vifs; i++) {
		SAME(vifs[i].mac);
		SAME(vifs[i].model);
		SAME(vifs[i].mtu);
		SAME_STR(vifs[i].bridge);
		SAME_STR(vifs[i].vifname);
		SAME_STR(vifs[i].script);
		SAME_STR(vifs[i].ip);
	}
}

/* Checks every field; generated-ness flags excepted (canonical = given). */
static void check_equal(int line, const struct domain_config *a,
			const struct domain_config *b)
{
	SAME_STR(name);
	SAME(uuid);
	SAME(memory_mib);
	SAME(maxmem_mib);
	SAME(vcpus);
	SAME(maxvcpus);
	SAME(cpus);
	SAME(boot);
	SAME_STR(kernel);
	SAME_STR(ramdisk);
	SAME_STR(cmdline);
	SAME_STR(loader);
	SAME_STR(bios_path);
	SAME(bios_named);
	SAME(nr_dm_args);
	SAME(nr_dm_args_hvm);
	for (unsigned int i = 0; i < a->nr_dm_args && i < b->nr_dm_args; i++)
		SAME_STR(dm_args[i]);
	for (unsigned int i = 0; i < a->nr_dm_args_hvm && i < b->nr_dm_args_hvm;
	     i++)
		SAME_STR(dm_args_hvm[i]);
	check_disks(line, a, b);
	check_vifs(line, a, b);
	SAME(vnc.enabled);
	SAME_STR(vnc.listen);
	SAME(vnc.display_set);
	SAME(vnc.display);
	SAME(vnc.find_unused);
	SAME_STR(vnc.passwd);
	SAME(vnc.keymap);
	SAME(vga);
	SAME(videoram_mib);
	SAME(serial);
	SAME(usb);
	SAME(nr_usbdevs);
	SAME(usbdevs);
	SAME(acpi);
	SAME(apic);
	SAME(pae);
	SAME(hpet);
	SAME(hap);
	SAME(max_grant_frames);
	SAME(localtime);
	SAME(rtc_timeoffset);
	SAME(xen_platform_pci);
	SAME(on_poweroff);
	SAME(on_reboot);
	SAME(on_crash);
}

/* Serialises @first, reloads it, and checks equality and a fixed point. */
#define CHECK_ROUND_TRIP(first) check_round_trip(__LINE__, (first))

static void check_round_trip(int line, const struct domain_config *first)
{
	struct domain_config second;
	struct config_diag d;
	char *text1 = NULL, *text2 = NULL;

	domain_config_init(&second);
	config_diag_init(&d);
	CHECK_EQ(0, domain_config_serialise(first, &text1));
	if (!text1)
		return;
	CHECK_EQ(0, domain_config_load_buffer(&second, "state.cfg", text1,
					      strlen(text1), NULL, 0, &d));
	CHECK_EQ(0, d.nr_errors);
	if (d.nr_errors) {
		dump_diag(&d);
		fprintf(stderr, "%s", text1);
	}
	check_equal(line, first, &second);
	CHECK_EQ(0, domain_config_serialise(&second, &text2));
	if (text2 && strcmp(text1, text2))
		hvm_test_fail(__FILE__, line, "not a fixed point:\n%s\n---\n%s",
			      text1, text2);
	free(text1);
	free(text2);
	domain_config_free(&second);
}

static void test_rich(void)
{
	int rc = load_cfg(&cfg, &diag, rich, NULL, 0);

	CHECK_EQ(0, rc);
	CHECK_EQ(0, diag.nr_errors);
	CHECK(!strcmp(cfg.disks[0].target, "/srv/we,ird \"na=me\\.img"));
	CHECK(!strcmp(cfg.cmdline, "root=/dev/xvda1 console=hvc0 quiet"));
	CHECK_ROUND_TRIP(&cfg);
}

static void test_fixtures(void)
{
	static const char *const files[] = {FIXTURE("debian-install.cfg"),
					    FIXTURE("winxp-xm.cfg")};
	unsigned int i;

	for (i = 0; i < 2; i++) {
		domain_config_free(&cfg);
		config_diag_init(&diag);
		CHECK_EQ(0, domain_config_load(&cfg, files[i], NULL, 0, &diag));
		CHECK_ROUND_TRIP(&cfg);
	}
}

static void test_minimal_and_generated(void)
{
	CHECK_EQ(0, load_cfg(&cfg, &diag, "name = 'm'\nvif = ['', '']\n", NULL,
			     0));
	/* Generated UUID and MACs are written, so they survive restarts. */
	CHECK_ROUND_TRIP(&cfg);
}

static void test_text_shape(void)
{
	char *text = NULL;

	CHECK_EQ(0, load_cfg(&cfg, &diag, rich, NULL, 0));
	CHECK_EQ(0, domain_config_serialise(&cfg, &text));
	if (!text)
		return;
	CHECK_STR_CONTAINS(text, "type = \"hvm\"\nname = \"rich.one\"\n");
	CHECK_STR_CONTAINS(text,
			   "uuid = \"6ba7b810-9dad-11d1-80b4-00c04fd430c8\"\n");
	CHECK_STR_CONTAINS(text, "cpus = \"0-1,3,8,200-255\"\n");
	CHECK_STR_CONTAINS(
		text,
		"\t\"format=raw, vdev=hda, access=rw, target=/srv/we,ird \\\"na=me\\\\.img\",\n");
	CHECK_STR_CONTAINS(
		text, "\"format=raw, vdev=hdc, access=ro, devtype=cdrom\"");
	CHECK_STR_CONTAINS(
		text,
		"\"mac=00:16:3e:aa:bb:cc, model=e1000, bridge=br0, vifname=rich0, mtu=1400, ip=192.0.2.1 192.0.2.2, script=vif-x\"");
	CHECK_STR_CONTAINS(text, "vncpasswd = \"pa\\\"ss\\x09w\"\n");
	CHECK_STR_CONTAINS(text, "rtc_timeoffset = -7200\n");
	CHECK_STR_CONTAINS(text, "on_crash = \"restart\"\n");
	CHECK_STR_CONTAINS(text, "usbdevice = [ \"tablet\", \"keyboard\" ]\n");
	free(text);
}

static void test_refusals(void)
{
	struct domain_config empty;
	char *text = NULL;

	domain_config_init(&empty);
	CHECK_EQ(-EINVAL, domain_config_serialise(&empty, &text));
	CHECK(text == NULL);
	CHECK_EQ(0, load_cfg(&cfg, &diag, "name = 'x'\n", NULL, 0));
	cfg.on_crash = (enum domain_action)42;
	CHECK_EQ(-EINVAL, domain_config_serialise(&cfg, &text));
	cfg.on_crash = DOMAIN_ACTION_DESTROY;
	cfg.nr_disks = DOMAIN_CONFIG_MAX_DISKS + 1;
	CHECK_EQ(-EINVAL, domain_config_serialise(&cfg, &text));
	cfg.nr_disks = 0;
}

int main(void)
{
	domain_config_init(&cfg);
	HVM_TEST(test_rich);
	HVM_TEST(test_fixtures);
	HVM_TEST(test_minimal_and_generated);
	HVM_TEST(test_text_shape);
	HVM_TEST(test_refusals);
	domain_config_free(&cfg);
	return hvm_test_summary();
}
