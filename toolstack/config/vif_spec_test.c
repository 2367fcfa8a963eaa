/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for vif specs and MAC helpers: defaults (rtl8139, random MAC
 * requested), every supported key, xm-style "type=ioemu, bridge=...",
 * refused keys with their messages, MAC parsing edge cases and the random
 * generator's OUI.
 */
#include "toolstack/vif_spec.h"

#include <errno.h>
#include <string.h>

#include "hvm_test.h"

static struct domain_vif v;
static char err[256];

static void test_defaults(void)
{
	CHECK_EQ(0, vif_spec_parse("", &v, err, sizeof(err)));
	CHECK_EQ(DOMAIN_NIC_RTL8139, v.model);
	CHECK(v.mac_generated);
	CHECK(v.bridge == NULL && v.vifname == NULL && v.script == NULL);
	CHECK_EQ(0, v.mtu);
	vif_spec_clear(&v);
	/* xm style: type=ioemu and blanks around items. */
	CHECK_EQ(0, vif_spec_parse(" type=ioemu , bridge=xenbr0 ,", &v, err,
				   sizeof(err)));
	CHECK(v.bridge && !strcmp(v.bridge, "xenbr0"));
	vif_spec_clear(&v);
}

static void test_all_keys(void)
{
	CHECK_EQ(
		0,
		vif_spec_parse(
			"mac=00:16:3E:0a:0B:0c, bridge=br0, model=e1000, vifname=web1-eth0, mtu=9000, ip=192.0.2.5 192.0.2.6, script=vif-bridge",
			&v, err, sizeof(err)));
	CHECK(!v.mac_generated);
	CHECK_EQ(0x00, v.mac[0]);
	CHECK_EQ(0x3e, v.mac[2]);
	CHECK_EQ(0x0c, v.mac[5]);
	CHECK(v.bridge && !strcmp(v.bridge, "br0"));
	CHECK_EQ(DOMAIN_NIC_E1000, v.model);
	CHECK(v.vifname && !strcmp(v.vifname, "web1-eth0"));
	CHECK_EQ(9000, v.mtu);
	CHECK(v.ip && !strcmp(v.ip, "192.0.2.5 192.0.2.6"));
	CHECK(v.script && !strcmp(v.script, "vif-bridge"));
	vif_spec_clear(&v);
	CHECK_EQ(0, vif_spec_parse("model=ne2k_pci", &v, err, sizeof(err)));
	CHECK_EQ(DOMAIN_NIC_NE2K_PCI, v.model);
	vif_spec_clear(&v);
	vif_spec_clear(&v);
}

#define CHECK_BAD(spec, needle)                                                \
	do {                                                                   \
		CHECK_EQ(-EINVAL,                                              \
			 vif_spec_parse((spec), &v, err, sizeof(err)));        \
		CHECK_STR_CONTAINS(err, (needle));                             \
		CHECK(v.bridge == NULL && v.ip == NULL);                       \
	} while (0)

static void test_errors(void)
{
	CHECK_BAD("model=virtio",
		  "unknown model 'virtio'; use rtl8139, ne2k_pci or e1000");
	CHECK_BAD("bridge=br0,type=vif", "PV drivers are not available yet");
	CHECK_BAD("type=netfront", "unknown type 'netfront'");
	CHECK_BAD("script=vif-bridge;reboot", "bad script 'vif-bridge;reboot'");
	CHECK_BAD("script=../../bin/sh", "bad script");
	CHECK_BAD("script=a b", "bad script");
	CHECK_BAD("mac=01:16:3e:00:00:01", "bad mac '01:16:3e:00:00:01'");
	CHECK_BAD("mac=00:16:3e:00:00", "bad mac");
	CHECK_BAD("mac=00-16-3e-00-00-01", "bad mac");
	CHECK_BAD("bridge=br0,bridge=br1", "bridge given twice");
	CHECK_BAD("bridge=a/b", "bad bridge 'a/b'");
	CHECK_BAD("bridge=averyveryverylongbridge", "bad bridge");
	CHECK_BAD("vifname=..", "bad vifname");
	CHECK_BAD("mtu=20", "bad mtu '20'; use 68 to 65535");
	CHECK_BAD("mtu=99999999999999999999", "bad mtu");
	CHECK_BAD("ip=1.2.3.4;rm", "bad ip");
	CHECK_BAD("rate=10Mb/s",
		  "rate, backend, gatewaydev and accel are not supported");
	CHECK_BAD("colour=blue", "unknown vif parameter 'colour'");
	CHECK_BAD("bridge", "'bridge' is not key=value");
	CHECK_BAD("bridge=br0\t\x01", "control character");
	CHECK_BAD("bridge=br0,bridge=br0,ip=1.2.3.4", "given twice");
}

static void test_mac(void)
{
	uint8_t mac[6] = {1, 2, 3, 4, 5, 6};
	char text[VIF_SPEC_MAC_STR_LEN + 1];

	CHECK_EQ(0, vif_spec_mac_parse("aa:BB:cc:00:11:22", mac));
	CHECK_EQ(0xaa, mac[0]);
	vif_spec_mac_format(mac, text);
	CHECK(!strcmp(text, "aa:bb:cc:00:11:22"));
	CHECK_EQ(-EINVAL, vif_spec_mac_parse("00:00:00:00:00:00", mac));
	CHECK_EQ(-EINVAL, vif_spec_mac_parse("ff:ff:ff:ff:ff:ff", mac));
	CHECK_EQ(-EINVAL, vif_spec_mac_parse("aa:bb:cc:00:11:22:33", mac));
	CHECK_EQ(-EINVAL, vif_spec_mac_parse("aa:bb:cc:00:11:2g", mac));
	CHECK_EQ(-EINVAL, vif_spec_mac_parse("", mac));
	/* Unchanged on error. */
	CHECK_EQ(0xaa, mac[0]);
}

static void test_generate(void)
{
	uint8_t a[6], b[6];
	unsigned int tries = 0;

	CHECK_EQ(0, vif_spec_mac_generate(a));
	CHECK(a[0] == 0x00 && a[1] == 0x16 && a[2] == 0x3e);
	/* Random bytes: three equal draws in a row have odds of 2^-72. */
	do {
		CHECK_EQ(0, vif_spec_mac_generate(b));
	} while (!memcmp(a, b, 6) && ++tries < 3);
	CHECK(memcmp(a, b, 6) != 0);
}

int main(void)
{
	HVM_TEST(test_defaults);
	HVM_TEST(test_all_keys);
	HVM_TEST(test_errors);
	HVM_TEST(test_mac);
	HVM_TEST(test_generate);
	return hvm_test_summary();
}
