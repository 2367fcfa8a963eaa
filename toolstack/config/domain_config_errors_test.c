/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for loading whole configs: the sample fixtures in tests/,
 * errors that name the file, line, key and fix, the error kinds (I/O,
 * syntax, config), command-line overrides and their messages, a missing
 * name, and a full message list.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "config_test_util.h"

#define FIXTURE(name) CONFIG_FIXTURE_DIR "/" name

static int load_file(const char *path, const char *const *ov, unsigned int nr)
{
	domain_config_free(&cfg);
	config_diag_init(&diag);
	return domain_config_load(&cfg, path, ov, nr, &diag);
}

static void test_debian_fixture(void)
{
	int rc = load_file(FIXTURE("debian-install.cfg"), NULL, 0);

	CHECK_CLEAN(rc, &diag);
	CHECK(cfg.name && !strcmp(cfg.name, "debian12"));
	CHECK_EQ(1024, cfg.memory_mib);
	CHECK_EQ(2, cfg.vcpus);
	CHECK(!strcmp(cfg.boot, "dc"));
	CHECK_EQ(2, cfg.nr_disks);
	CHECK_EQ(DOMAIN_DISK_FORMAT_QCOW2, cfg.disks[0].format);
	CHECK(cfg.disks[1].cdrom && cfg.disks[1].ide_index == 2);
	CHECK_EQ(1, cfg.nr_vifs);
	CHECK_EQ(DOMAIN_NIC_E1000, cfg.vifs[0].model);
	CHECK_EQ(DOMAIN_VGA_STD, cfg.vga);
	CHECK_EQ(3, cfg.vnc.display);
	CHECK_EQ(DOMAIN_SERIAL_PTY, cfg.serial);
	CHECK(cfg.usb && cfg.nr_usbdevs == 1);
	CHECK_EQ(DOMAIN_ACTION_PRESERVE, cfg.on_crash);
	CHECK(!cfg.uuid_generated);
}

static void test_winxp_fixture(void)
{
	CHECK_EQ(0, load_file(FIXTURE("winxp-xm.cfg"), NULL, 0));
	CHECK_EQ(0, diag.nr_errors);
	CHECK_DIAG(&diag, "winxp-xm.cfg:4: kernel: ignored");
	CHECK_DIAG(&diag, "winxp-xm.cfg:6: device_model: ignored");
	CHECK_DIAG(
		&diag,
		"winxp-xm.cfg:26: on_crash: core dumps are not supported yet");
	CHECK_DIAG(
		&diag,
		"winxp-xm.cfg: 1 xl key that hvm does not implement, ignored: viridian (line 25)");
	CHECK_EQ(3, cfg.nr_disks);
	CHECK_EQ(DOMAIN_DISK_BACKEND_PHY, cfg.disks[1].backend);
	CHECK(cfg.disks[2].cdrom && cfg.disks[2].readonly);
	CHECK(cfg.localtime);
	CHECK(cfg.vifs[0].bridge && !strcmp(cfg.vifs[0].bridge, "xenbr0"));
	CHECK_EQ(DOMAIN_ACTION_RESTART, cfg.on_crash);
}

static void test_broken_fixture(void)
{
	CHECK_EQ(-EINVAL, load_file(FIXTURE("broken.cfg"), NULL, 0));
	CHECK_EQ(CONFIG_ERR_CONFIG, diag.first_error);
	CHECK_EQ(5, diag.nr_errors);
	CHECK_DIAG(
		&diag,
		"broken.cfg:6: disk[1]: unknown format 'vmdkx'; use raw or qcow2");
	CHECK_DIAG(&diag,
		   "broken.cfg:6: disk[2]: hda is already used by disk[0]");
	CHECK_DIAG(&diag, "broken.cfg:7: vif[0]: unknown model 'virtio'");
	CHECK_DIAG(&diag, "broken.cfg:8: boot: bad boot order 'cx'");
	CHECK_DIAG(
		&diag,
		"broken.cfg:9: xen_platform_pci: expected 0 or 1, saw 'yes'");
	CHECK_DIAG(
		&diag,
		"broken.cfg: 1 unknown key ignored: memroy (line 10, did you mean memory?)");
	/* A failed load leaves nothing behind. */
	CHECK(cfg.name == NULL && cfg.nr_disks == 0 && cfg.nr_vifs == 0);
}

static void test_io_errors(void)
{
	CHECK_EQ(-ENOENT, load_file(FIXTURE("missing.cfg"), NULL, 0));
	CHECK_EQ(CONFIG_ERR_IO, diag.first_error);
	CHECK_DIAG(
		&diag,
		"missing.cfg: cannot read the config: No such file or directory");
	CHECK_EQ(-EINVAL, load_file(CONFIG_FIXTURE_DIR, NULL, 0));
	CHECK_EQ(CONFIG_ERR_IO, diag.first_error);
	CHECK_DIAG(&diag, "not a regular file");
}

static void test_error_kinds(void)
{
	CHECK_EQ(-EINVAL, load_cfg(&cfg, &diag, "name = web\n", NULL, 0));
	CHECK_EQ(CONFIG_ERR_SYNTAX, diag.first_error);
	CHECK_EQ(-EINVAL,
		 load_cfg(&cfg, &diag, "name = 'web'\nmemory = 1\n", NULL, 0));
	CHECK_EQ(CONFIG_ERR_CONFIG, diag.first_error);
	CHECK_EQ(-EINVAL, load_cfg(&cfg, &diag, "memory = 256\n", NULL, 0));
	CHECK_DIAG(
		&diag,
		"guest.cfg: name: no name given; add name = \"...\" to the config or name=... on the command line");
	/* Warnings alone do not fail a load. */
	CHECK_EQ(0, load_cfg(&cfg, &diag, "name = 'a'\nfoo = 1\n", NULL, 0));
	CHECK_EQ(1, diag.nr_warnings);
	CHECK_EQ(CONFIG_ERR_NONE, diag.first_error);
}

static void test_overrides(void)
{
	static const char *const ov[] = {
		"name=web1", "memory=256", "disk+=['/srv/extra.img,raw,hdb']",
		"vif=[]",    "vcpus = 2",
	};
	static const char *const bad[] = {"memory=lots", "vga=qxl"};
	static const char *const clear[] = {"disk=", "vif=bridge=br9"};

	CHECK_EQ(0, load_file(FIXTURE("debian-install.cfg"), ov, 5));
	CHECK_EQ(0, diag.nr_msgs);
	CHECK(cfg.name && !strcmp(cfg.name, "web1"));
	CHECK_EQ(256, cfg.memory_mib);
	CHECK_EQ(2, cfg.vcpus);
	CHECK_EQ(3, cfg.nr_disks);
	CHECK_EQ(1, cfg.disks[2].ide_index);
	CHECK_EQ(0, cfg.nr_vifs);
	/* An empty bare value clears a list; a bare spec is a list of one. */
	CHECK_EQ(0, load_file(FIXTURE("debian-install.cfg"), clear, 2));
	CHECK_EQ(0, cfg.nr_disks);
	CHECK_EQ(1, cfg.nr_vifs);
	CHECK(cfg.vifs[0].bridge && !strcmp(cfg.vifs[0].bridge, "br9"));
	CHECK_EQ(-EINVAL, load_file(FIXTURE("debian-install.cfg"), bad, 2));
	CHECK_DIAG(&diag,
		   "command line: memory: expected a whole number, saw 'lots'");
	CHECK_DIAG(&diag, "command line: vga: unknown value 'qxl'");
	/* No file at all: everything from the command line. */
	CHECK_EQ(0, load_file(NULL, ov, 2));
	CHECK(cfg.name && !strcmp(cfg.name, "web1"));
	CHECK_EQ(-EINVAL, load_file(NULL, ov + 1, 1));
	CHECK_DIAG(&diag, "command line: name: no name given");
}

static void test_message_overflow(void)
{
	char text[4096];
	size_t n = 0;
	unsigned int i;

	n += (size_t)snprintf(text, sizeof(text), "name = 'a'\n");
	for (i = 0; i < CONFIG_DIAG_MAX_MSGS + 8; i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n,
				      "k%u = 1\nvga = 'x'\n", i);
	/*
	 * Dozens of duplicate-key warnings fill the list; the one error (only
	 * vga's last value counts) still gets in, ahead of warnings.
	 */
	CHECK_EQ(-EINVAL, load_cfg(&cfg, &diag, text, NULL, 0));
	CHECK_EQ(1, diag.nr_errors);
	CHECK(diag.nr_dropped > 0);
	CHECK_EQ(CONFIG_DIAG_MAX_MSGS, diag.nr_msgs);
	CHECK_DIAG(&diag, "vga: unknown value 'x'");
	n = (size_t)snprintf(text, sizeof(text), "name = 'a'\ndisk = [");
	for (i = 0; i < 4; i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n,
				      "'/x,bad,hd%c',", 'a' + i);
	snprintf(text + n, sizeof(text) - n, "]\n");
	CHECK_EQ(-EINVAL, load_cfg(&cfg, &diag, text, NULL, 0));
	CHECK_EQ(4, diag.nr_errors);
}

static void test_diag_bounds(void)
{
	struct config_diag d;
	unsigned int i;
	char big[CONFIG_DIAG_TEXT_MAX * 2];

	config_diag_init(&d);
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	for (i = 0; i < CONFIG_DIAG_MAX_MSGS + 5; i++)
		config_diag_add(&d, CONFIG_SEV_ERROR, CONFIG_ERR_SYNTAX, "%s",
				big);
	CHECK_EQ(CONFIG_DIAG_MAX_MSGS, d.nr_msgs);
	CHECK_EQ(5, d.nr_dropped);
	CHECK_EQ(CONFIG_DIAG_MAX_MSGS + 5, d.nr_errors);
	CHECK_EQ(CONFIG_DIAG_TEXT_MAX - 1, strlen(d.msgs[0].text));
	config_diag_init(&d);
	config_diag_add(&d, CONFIG_SEV_WARNING, CONFIG_ERR_SYNTAX,
			"a\nb\x1b[0m");
	CHECK(!strcmp(d.msgs[0].text, "a?b?[0m"));
	CHECK_EQ(CONFIG_ERR_NONE, d.msgs[0].kind);
	CHECK(!config_diag_has_errors(&d));
}

int main(void)
{
	domain_config_init(&cfg);
	HVM_TEST(test_debian_fixture);
	HVM_TEST(test_winxp_fixture);
	HVM_TEST(test_broken_fixture);
	HVM_TEST(test_io_errors);
	HVM_TEST(test_error_kinds);
	HVM_TEST(test_overrides);
	HVM_TEST(test_message_overflow);
	HVM_TEST(test_diag_bounds);
	domain_config_free(&cfg);
	return hvm_test_summary();
}
