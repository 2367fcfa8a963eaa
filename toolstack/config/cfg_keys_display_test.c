/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for the display and input keys: vnc, vnclisten (with a
 * display), vncdisplay, vncunused, vncpasswd, keymap, vga/stdvga and their
 * precedence, videoram limits per card, serial, usb and usbdevice.
 */
#include <errno.h>
#include <string.h>

#include "config_test_util.h"

static void test_vnc(void)
{
	CHECK_OK("vnc = 0");
	CHECK(!cfg.vnc.enabled);
	CHECK_OK("vnclisten = '0.0.0.0:2'\nvncunused = 0");
	CHECK(!strcmp(cfg.vnc.listen, "0.0.0.0"));
	CHECK(cfg.vnc.display_set && cfg.vnc.display == 2);
	CHECK(!cfg.vnc.find_unused);
	CHECK_OK("vnclisten = 'vnc-host.example'\nvncdisplay = 5");
	CHECK(!strcmp(cfg.vnc.listen, "vnc-host.example"));
	CHECK_EQ(5, cfg.vnc.display);
	CHECK_WARN(
		"vnclisten = '10.0.0.1:7'\nvncdisplay = 5",
		"guest.cfg:2: vnclisten: display :7 ignored because vncdisplay is set");
	CHECK_EQ(5, cfg.vnc.display);
	CHECK_ERR("vnclisten = ''", "guest.cfg:2: vnclisten: bad address ''");
	CHECK_ERR("vnclisten = '::1'", "bad address");
	CHECK_ERR("vnclisten = '1.2.3.4:x'", "bad address");
	CHECK_ERR("vnclisten = '1.2.3.4:99999'", "bad address");
	CHECK_ERR("vncdisplay = 60000",
		  "60000 is out of range; use 0 to 59635");
}

static void test_vncpasswd(void)
{
	CHECK_OK("vncpasswd = 'secret'");
	CHECK(cfg.vnc.passwd && !strcmp(cfg.vnc.passwd, "secret"));
	CHECK_OK("vncpasswd = ''");
	CHECK(cfg.vnc.passwd == NULL);
	CHECK_WARN(
		"vncpasswd = 'muchtoolong'",
		"guest.cfg:2: vncpasswd: VNC uses only the first 8 characters");
	/* The password never appears in a message. */
	CHECK(!config_diag_find(&diag, "muchtoolong"));
}

static void test_keymap(void)
{
	CHECK_OK("keymap = 'de'");
	CHECK(!strcmp(cfg.vnc.keymap, "de"));
	CHECK_OK("keymap = 'en-us'");
	CHECK(!strcmp(cfg.vnc.keymap, "en-us"));
	CHECK_ERR("keymap = 'DE'", "guest.cfg:2: keymap: bad keymap 'DE'");
	CHECK_ERR("keymap = '../../etc'", "bad keymap");
	CHECK_ERR("keymap = 'abcdefghijklmnopq'", "bad keymap");
}

static void test_vga(void)
{
	CHECK_OK("vga = 'stdvga'");
	CHECK_EQ(DOMAIN_VGA_STD, cfg.vga);
	CHECK_EQ(16, cfg.videoram_mib);
	CHECK_OK("vga = 'none'");
	CHECK_EQ(DOMAIN_VGA_NONE, cfg.vga);
	CHECK_EQ(0, cfg.videoram_mib);
	CHECK_OK("stdvga = 1");
	CHECK_EQ(DOMAIN_VGA_STD, cfg.vga);
	CHECK_OK("stdvga = 0");
	CHECK_EQ(DOMAIN_VGA_CIRRUS, cfg.vga);
	/* vga= wins over stdvga=, wherever each appears. */
	CHECK_WARN("stdvga = 1\nvga = 'cirrus'",
		   "guest.cfg:2: stdvga: ignored because vga is set");
	CHECK_EQ(DOMAIN_VGA_CIRRUS, cfg.vga);
	CHECK_ERR(
		"vga = 'qxl'",
		"guest.cfg:2: vga: unknown value 'qxl'; use one of: cirrus, stdvga, none");
}

static void test_videoram(void)
{
	CHECK_OK("videoram = 16");
	CHECK_EQ(16, cfg.videoram_mib);
	CHECK_OK("vga = 'stdvga'\nvideoram = 64");
	CHECK_EQ(64, cfg.videoram_mib);
	CHECK_ERR(
		"videoram = 32",
		"guest.cfg:2: videoram: cirrus takes 8 or 16 MiB of video RAM, not 32");
	CHECK_ERR("vga = 'stdvga'\nvideoram = 8",
		  "guest.cfg:3: videoram: stdvga needs at least 16 MiB");
	CHECK_ERR("videoram = 512", "512 is out of range; use 1 to 256 MiB");
	CHECK_WARN("vga = 'none'\nvideoram = 16",
		   "guest.cfg:3: videoram: ignored because vga is none");
	CHECK_EQ(0, cfg.videoram_mib);
}

static void test_serial(void)
{
	CHECK_OK("serial = 'pty'");
	CHECK_EQ(DOMAIN_SERIAL_PTY, cfg.serial);
	CHECK_OK("serial = ['pty']");
	CHECK_EQ(DOMAIN_SERIAL_PTY, cfg.serial);
	CHECK_OK("serial = 'none'");
	CHECK_EQ(DOMAIN_SERIAL_NONE, cfg.serial);
	CHECK_OK("serial = []");
	CHECK_EQ(DOMAIN_SERIAL_NONE, cfg.serial);
	CHECK_ERR(
		"serial = 'tcp:0.0.0.0:4555'",
		"guest.cfg:2: serial: unknown value 'tcp:0.0.0.0:4555'; use one of: none, pty");
	CHECK_ERR("serial = ['pty', 'pty']",
		  "only one serial port is supported");
	CHECK_ERR("serial = 1", "expected a list of strings");
}

static void test_usb(void)
{
	CHECK_OK("usb = 1");
	CHECK(cfg.usb && cfg.nr_usbdevs == 0);
	CHECK_OK("usbdevice = 'tablet'");
	CHECK(cfg.usb);
	CHECK_EQ(1, cfg.nr_usbdevs);
	CHECK_EQ(DOMAIN_USBDEV_TABLET, cfg.usbdevs[0]);
	CHECK_OK("usb = 1\nusbdevice = ['mouse', 'keyboard']");
	CHECK_EQ(2, cfg.nr_usbdevs);
	CHECK_EQ(DOMAIN_USBDEV_KEYBOARD, cfg.usbdevs[1]);
	CHECK_ERR("usb = 0\nusbdevice = 'tablet'",
		  "guest.cfg:2: usb: usb=0 but usbdevice is set");
	CHECK_ERR("usbdevice = ['tablet', 'tablet']",
		  "guest.cfg:2: usbdevice[1]: tablet given twice");
	CHECK_ERR(
		"usbdevice = 'host:1234:5678'",
		"unknown value 'host:1234:5678'; use one of: tablet, mouse, keyboard");
}

int main(void)
{
	domain_config_init(&cfg);
	HVM_TEST(test_vnc);
	HVM_TEST(test_vncpasswd);
	HVM_TEST(test_keymap);
	HVM_TEST(test_vga);
	HVM_TEST(test_videoram);
	HVM_TEST(test_serial);
	HVM_TEST(test_usb);
	domain_config_free(&cfg);
	return hvm_test_summary();
}
