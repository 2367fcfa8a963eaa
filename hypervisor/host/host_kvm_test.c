/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for the host capability judgement and the module-parameter
 * reader, against a fake /sys/module tree in a temporary directory.
 */
#include "hypervisor/host_kvm.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <linux/kvm.h>

#include "hvm_test.h"

static struct host_kvm_caps good_caps(void)
{
	struct host_kvm_caps c = {
		.api_version = HOST_KVM_API_VERSION,
		.vendor = HOST_KVM_VENDOR_AMD,
		.nested_paging = true,
		.xen_hvm_flags = HOST_KVM_XEN_NEEDED_FLAGS,
		.user_space_msr = true,
	};
	return c;
}

static void test_capable_host_has_no_problems(void)
{
	struct host_kvm_caps c = good_caps();
	char buf[512];

	CHECK_EQ(0,
		 host_kvm_caps_problems(&c, HOST_KVM_HAP_ON, buf, sizeof(buf)));
	CHECK_EQ(0, strlen(buf));
}

static void test_each_missing_capability_is_named(void)
{
	struct host_kvm_caps c;
	char buf[1024];

	c = good_caps();
	c.xen_hvm_flags = 0;
	CHECK_EQ(1,
		 host_kvm_caps_problems(&c, HOST_KVM_HAP_ON, buf, sizeof(buf)));
	CHECK_STR_CONTAINS(buf, "CONFIG_KVM_XEN");
	CHECK_STR_CONTAINS(buf, "bookworm-backports");

	c = good_caps();
	c.xen_hvm_flags &= ~KVM_XEN_HVM_CONFIG_EVTCHN_SEND;
	CHECK_EQ(1,
		 host_kvm_caps_problems(&c, HOST_KVM_HAP_ON, buf, sizeof(buf)));
	CHECK_STR_CONTAINS(buf, "lacks flags 0x");

	c = good_caps();
	c.nested_paging = false;
	CHECK_EQ(1,
		 host_kvm_caps_problems(&c, HOST_KVM_HAP_ON, buf, sizeof(buf)));
	CHECK_STR_CONTAINS(buf, "npt=1");
	c.vendor = HOST_KVM_VENDOR_INTEL;
	CHECK_EQ(1,
		 host_kvm_caps_problems(&c, HOST_KVM_HAP_ON, buf, sizeof(buf)));
	CHECK_STR_CONTAINS(buf, "ept=1");
	CHECK_STR_CONTAINS(buf, "hap=1 needs EPT");
	/* Unset or 0, as in xl: KVM's shadow paging will do. */
	CHECK_EQ(0, host_kvm_caps_problems(&c, HOST_KVM_HAP_DEFAULT, buf,
					   sizeof(buf)));
	CHECK_EQ(0, host_kvm_caps_problems(&c, HOST_KVM_HAP_OFF, buf,
					   sizeof(buf)));

	c = good_caps();
	c.user_space_msr = false;
	c.api_version = 11;
	c.vendor = HOST_KVM_VENDOR_UNKNOWN;
	CHECK_EQ(3,
		 host_kvm_caps_problems(&c, HOST_KVM_HAP_ON, buf, sizeof(buf)));
	CHECK_STR_CONTAINS(buf, "USER_SPACE_MSR");
	CHECK_STR_CONTAINS(buf, "API version is 11");
	CHECK_STR_CONTAINS(buf, "kvm_amd");
}

static void test_paging_note(void)
{
	struct host_kvm_caps c = good_caps();
	bool warn;

	CHECK(host_kvm_paging_note(&c, HOST_KVM_HAP_DEFAULT, &warn) == NULL);
	CHECK(!warn);
	CHECK(host_kvm_paging_note(&c, HOST_KVM_HAP_ON, &warn) == NULL);
	CHECK_STR_CONTAINS(host_kvm_paging_note(&c, HOST_KVM_HAP_OFF, &warn),
			   "hap=0 is not followed");
	CHECK(warn);
	CHECK_STR_CONTAINS(host_kvm_paging_note(&c, HOST_KVM_HAP_OFF, &warn),
			   "npt=0");
	c.vendor = HOST_KVM_VENDOR_INTEL;
	CHECK_STR_CONTAINS(host_kvm_paging_note(&c, HOST_KVM_HAP_OFF, &warn),
			   "ept=0");

	c.nested_paging = false;
	CHECK_STR_CONTAINS(host_kvm_paging_note(&c, HOST_KVM_HAP_OFF, &warn),
			   "shadow paging");
	CHECK(!warn);
	CHECK_STR_CONTAINS(
		host_kvm_paging_note(&c, HOST_KVM_HAP_DEFAULT, &warn), "ept=1");
	CHECK(warn);
	c.vendor = HOST_KVM_VENDOR_AMD;
	CHECK_STR_CONTAINS(
		host_kvm_paging_note(&c, HOST_KVM_HAP_DEFAULT, &warn), "npt=1");
}

static void test_small_buffer_is_truncated_safely(void)
{
	struct host_kvm_caps c = {0};
	char buf[8];

	memset(buf, 'x', sizeof(buf));
	CHECK_EQ(4,
		 host_kvm_caps_problems(&c, HOST_KVM_HAP_ON, buf, sizeof(buf)));
	CHECK(memchr(buf, '\0', sizeof(buf)) != NULL);
}

static void write_param(const char *dir, const char *mod, const char *param,
			const char *val)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, mod);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/%s/parameters", dir, mod);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/%s/parameters/%s", dir, mod, param);
	f = fopen(path, "w");
	CHECK(f != NULL);
	if (f) {
		fputs(val, f);
		fclose(f);
	}
}

static void test_reads_module_parameters(void)
{
	char dir[] = "/tmp/hvm-sysfs-XXXXXX", cmd[600];
	struct host_kvm_caps c = {0};
	int fd;

	CHECK(mkdtemp(dir) != NULL);
	host_kvm_read_paging(dir, &c); /* no KVM module loaded */
	CHECK_EQ(HOST_KVM_VENDOR_UNKNOWN, c.vendor);
	CHECK(!c.nested_paging);

	write_param(dir, "kvm_intel", "ept", "N\n");
	host_kvm_read_paging(dir, &c);
	CHECK_EQ(HOST_KVM_VENDOR_INTEL, c.vendor);
	CHECK(!c.nested_paging);
	write_param(dir, "kvm_intel", "ept", "1\n");
	host_kvm_read_paging(dir, &c);
	CHECK(c.nested_paging);

	snprintf(cmd, sizeof(cmd), "rm -rf %s/kvm_intel", dir);
	CHECK_EQ(0, system(cmd));
	write_param(dir, "kvm_amd", "npt", "Y\n");
	host_kvm_read_paging(dir, &c);
	CHECK_EQ(HOST_KVM_VENDOR_AMD, c.vendor);
	CHECK(c.nested_paging);

	/* Anything but KVM fails KVM_GET_API_VERSION. */
	fd = open("/dev/null", O_RDONLY);
	CHECK(host_kvm_read_caps(fd, dir, &c) < 0);
	close(fd);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	CHECK_EQ(0, system(cmd));
}

int main(void)
{
	HVM_TEST(test_capable_host_has_no_problems);
	HVM_TEST(test_each_missing_capability_is_named);
	HVM_TEST(test_paging_note);
	HVM_TEST(test_small_buffer_is_truncated_safely);
	HVM_TEST(test_reads_module_parameters);
	return hvm_test_summary();
}
