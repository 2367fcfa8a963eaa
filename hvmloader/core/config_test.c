/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests of the configuration parser (config.h) and of the
 * hvm_info_table checks (hvm_info.h).
 */
#include <errno.h>
#include <string.h>

#include "hvm_test.h"
#include "hvmloader/config.h"
#include "hvmloader/hvm_info.h"

static const uint8_t want_uuid[16] = {0x01, 0x23, 0x45, 0x67, 0x89, 0xab,
				      0xcd, 0xef, 0x00, 0x11, 0x22, 0x33,
				      0x44, 0x55, 0x66, 0x77};

static int parse(struct config *c, const char *s)
{
	char why[96] = "";

	config_init(c);
	return config_parse(c, s, strlen(s) + 1, why, sizeof(why));
}

static void test_defaults(void)
{
	struct config c;

	CHECK_EQ(0, parse(&c, ""));
	CHECK(c.acpi);
	CHECK(c.hpet);
	CHECK(!c.have_uuid);
	CHECK_EQ(0, c.boot[0]);
	CHECK_EQ(0, c.nr_unknown);
}

static void test_all_keys(void)
{
	struct config c;

	CHECK_EQ(
		0,
		parse(&c,
		      "firmware uuid=01234567-89ab-cdef-0011-223344556677 acpi=0  hpet=0\tboot=dcn"));
	CHECK(c.have_uuid);
	CHECK(!memcmp(c.uuid, want_uuid, 16));
	CHECK(!c.acpi);
	CHECK(!c.hpet);
	CHECK(!strcmp(c.boot, "dcn"));
	CHECK_EQ(0, parse(&c, "uuid=0123456789ABCDEF0011223344556677"));
	CHECK(!memcmp(c.uuid, want_uuid, 16));
}

static void test_bad_values(void)
{
	static const char *const bad[] = {
		"uuid=0123",
		"uuid=01234567-89ab-cdef-0011-2233445566778",
		"uuid=0123456789abcdef001122334455667g",
		"uuid=-0123",
		"uuid=01234567-89ab-cdef-0011-22334455667-",
		"acpi=2",
		"acpi",
		"hpet=yes",
		"boot=",
		"boot=cdna",
		"boot=x",
	};
	struct config c;
	char why[96];
	unsigned int i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		config_init(&c);
		why[0] = '\0';
		CHECK_EQ(-EINVAL, config_parse(&c, bad[i], strlen(bad[i]), why,
					       sizeof(why)));
		CHECK(why[0] != '\0');
	}
}

static void test_unknown_and_bounds(void)
{
	struct config c;
	const char s[] = "colour=blue acpi=0 size=3";

	CHECK_EQ(0, parse(&c, s));
	CHECK_EQ(2, c.nr_unknown);
	CHECK(!strcmp(c.first_unknown, "colour"));
	CHECK(!c.acpi);
	/* Nothing past @max is read: acpi=0 is cut to "ac". */
	config_init(&c);
	CHECK_EQ(0, config_parse(&c, s, 14, NULL, 0));
	CHECK(c.acpi);
	CHECK_EQ(2, c.nr_unknown);
}

static void test_firmware_word(void)
{
	CHECK(config_is_firmware("firmware", 9));
	CHECK(config_is_firmware("  firmware uuid=1", 18));
	CHECK(!config_is_firmware("firmware=1", 11));
	CHECK(!config_is_firmware("firmwares", 10));
	CHECK(!config_is_firmware("", 1));
	CHECK(!config_is_firmware("firmware", 4));
}

static void test_boot_bytes(void)
{
	uint8_t r3d, r38;

	config_boot_bytes("dcn", &r3d, &r38);
	CHECK_EQ(0x23, r3d);
	CHECK_EQ(0x40, r38);
	config_boot_bytes("c", &r3d, &r38);
	CHECK_EQ(0x02, r3d);
	CHECK_EQ(0, r38);
	config_boot_bytes("an", &r3d, &r38);
	CHECK_EQ(0x41, r3d);
}

static void seal(struct hvm_info_table *t)
{
	const uint8_t *b = (const uint8_t *)t;
	uint8_t sum = 0;
	uint32_t i;

	t->checksum = 0;
	for (i = 0; i < t->length; i++)
		sum = (uint8_t)(sum + b[i]);
	t->checksum = (uint8_t)-sum;
}

static struct hvm_info_table good_info(void)
{
	struct hvm_info_table t;

	memset(&t, 0, sizeof(t));
	memcpy(t.signature, "HVM INFO", 8);
	t.length = sizeof(t);
	t.apic_mode = 1;
	t.nr_vcpus = 2;
	t.low_mem_pgend = 0x8000;
	t.vcpu_online[0] = 3;
	seal(&t);
	return t;
}

static void test_hvm_info(void)
{
	struct hvm_info_table t = good_info();
	char why[64];

	CHECK_EQ(0, hvm_info_check(&t, sizeof(t), why, sizeof(why)));
	CHECK_EQ(-EINVAL, hvm_info_check(&t, sizeof(t) - 1, why, sizeof(why)));
	t.checksum++;
	CHECK_EQ(-EINVAL, hvm_info_check(&t, sizeof(t), why, sizeof(why)));
	CHECK_STR_CONTAINS(why, "checksum");
	t = good_info();
	t.nr_vcpus = 129;
	seal(&t);
	CHECK_EQ(-EINVAL, hvm_info_check(&t, sizeof(t), why, sizeof(why)));
	t = good_info();
	t.high_mem_pgend = 0x100000; /* 4 GiB exactly: empty */
	seal(&t);
	CHECK_EQ(-EINVAL, hvm_info_check(&t, sizeof(t), why, sizeof(why)));
	t = good_info();
	t.low_mem_pgend = 0xf0001; /* into the PCI hole */
	seal(&t);
	CHECK_EQ(-EINVAL, hvm_info_check(&t, sizeof(t), why, sizeof(why)));
	CHECK_STR_CONTAINS(why, "PCI hole");
	t = good_info();
	t.low_mem_pgend = 0xf0000;
	seal(&t);
	CHECK_EQ(0, hvm_info_check(&t, sizeof(t), why, sizeof(why)));
	t = good_info();
	t.signature[0] = 'X';
	CHECK_EQ(-EINVAL, hvm_info_check(&t, sizeof(t), why, sizeof(why)));
	t = good_info();
	t.length = 4096; /* longer than the page allows */
	CHECK_EQ(-EINVAL, hvm_info_check(&t, sizeof(t), why, sizeof(why)));
}

int main(void)
{
	HVM_TEST(test_defaults);
	HVM_TEST(test_all_keys);
	HVM_TEST(test_bad_values);
	HVM_TEST(test_unknown_and_bounds);
	HVM_TEST(test_firmware_word);
	HVM_TEST(test_boot_bytes);
	HVM_TEST(test_hvm_info);
	return hvm_test_summary();
}
