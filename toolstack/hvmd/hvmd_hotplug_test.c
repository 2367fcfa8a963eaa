/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests of vif hotplug scripts (hvmd_hotplug.c): path resolution,
 * the executable check, the environment, and real runs of small shell
 * scripts in a temporary directory (exit status, output on the given fd,
 * a clean environment, killing an overrunning script and its children).
 * Needs /bin/sh and sleep; no root, network or taps.
 */
#include "hvmd_hotplug.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "hvm_test.h"

static char dir[] = "/tmp/hvmd_hotplug_test.XXXXXX";

static const uint8_t test_mac[6] = {0x00, 0x16, 0x3e, 0x0a, 0xb1, 0xff};

static const struct hvmd_hotplug_vif test_vif = {
	.tap = "vif7.1-emu",
	.bridge = "br-test",
	.mac = test_mac,
	.domid = 7,
	.devid = 1,
};

/* Writes @body as an executable script DIR/@name, or a file of @mode. */
static void write_file(const char *name, const char *body, mode_t mode)
{
	char path[PATH_MAX];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "we");
	CHECK(f != NULL);
	if (!f)
		return;
	fputs(body, f);
	fclose(f);
	CHECK_EQ(0, chmod(path, mode));
}

static void remove_file(const char *name)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	unlink(path);
}

static void test_path(void)
{
	char buf[64];

	CHECK_EQ(0, hvmd_hotplug_path("/etc/hvm/scripts", "vif-bridge", buf,
				      sizeof(buf)));
	CHECK(!strcmp(buf, "/etc/hvm/scripts/vif-bridge"));
	CHECK_EQ(0, hvmd_hotplug_path("/etc/hvm/scripts", "/opt/x/vif-ovs", buf,
				      sizeof(buf)));
	CHECK(!strcmp(buf, "/opt/x/vif-ovs"));
	CHECK_EQ(-EINVAL,
		 hvmd_hotplug_path("/etc/hvm/scripts", "", buf, sizeof(buf)));
	CHECK_EQ(-EINVAL, hvmd_hotplug_path("/etc/hvm/scripts", "sub/vif", buf,
					    sizeof(buf)));
	CHECK_EQ(-EINVAL, hvmd_hotplug_path("/etc/hvm/scripts", "../bin/sh",
					    buf, sizeof(buf)));
	CHECK_EQ(-ENAMETOOLONG,
		 hvmd_hotplug_path("/etc/hvm/scripts", "vif-bridge", buf, 20));
	CHECK_EQ(-ENAMETOOLONG,
		 hvmd_hotplug_path("/d", "/etc/hvm/scripts/vif-bridge", buf,
				   27));
}

static void test_check(void)
{
	char path[PATH_MAX];

	write_file("exec", "#!/bin/sh\nexit 0\n", 0755);
	write_file("noexec", "#!/bin/sh\nexit 0\n", 0644);
	snprintf(path, sizeof(path), "%s/exec", dir);
	CHECK_EQ(0, hvmd_hotplug_check(path));
	snprintf(path, sizeof(path), "%s/noexec", dir);
	CHECK_EQ(-EACCES, hvmd_hotplug_check(path));
	snprintf(path, sizeof(path), "%s/missing", dir);
	CHECK_EQ(-ENOENT, hvmd_hotplug_check(path));
	CHECK_EQ(-EISDIR, hvmd_hotplug_check(dir));
	CHECK_EQ(-EINVAL, hvmd_hotplug_check("/dev/null"));
	remove_file("exec");
	remove_file("noexec");
}

static void test_env(void)
{
	static const char *const want[] = {
		"vif=vif7.1-emu",
		"bridge=br-test",
		"mac=00:16:3e:0a:b1:ff",
		"domid=7",
		"devid=1",
		"type_if=tap",
		"XENBUS_PATH=backend/vif/7/1",
		"PATH=" HVMD_HOTPLUG_PATH,
	};
	struct hvmd_argv env = {0};
	unsigned int i;

	hvmd_hotplug_env(&test_vif, &env);
	CHECK_EQ(0, env.rc);
	CHECK_EQ(sizeof(want) / sizeof(want[0]), env.n);
	for (i = 0; i < env.n && i < sizeof(want) / sizeof(want[0]); i++)
		if (strcmp(env.v[i], want[i]))
			hvm_test_fail(__FILE__, __LINE__,
				      "env[%u]: expected \"%s\", saw \"%s\"", i,
				      want[i], env.v[i]);
	CHECK(env.v[env.n] == NULL);
	hvmd_argv_free(&env);
}

/* vif mtu= and ip=, only when given. */
static void test_env_mtu_ip(void)
{
	struct hvmd_hotplug_vif v = test_vif;
	struct hvmd_argv env = {0};

	v.mtu = 1400;
	v.ip = "10.0.0.5 10.0.0.6";
	hvmd_hotplug_env(&v, &env);
	CHECK_EQ(0, env.rc);
	CHECK_EQ(10, env.n);
	if (env.n == 10) {
		CHECK(!strcmp(env.v[8], "mtu=1400"));
		CHECK(!strcmp(env.v[9], "ip=10.0.0.5 10.0.0.6"));
	}
	hvmd_argv_free(&env);
}

/* Runs DIR/@name @action; returns hvmd_hotplug_run()'s result. */
static int run(const char *name, const char *action, unsigned int timeout_ms,
	       int *status, char *out, size_t size)
{
	char path[PATH_MAX], log[PATH_MAX];
	ssize_t n;
	int fd, rc;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	snprintf(log, sizeof(log), "%s/out", dir);
	fd = open(log, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	CHECK(fd >= 0);
	rc = hvmd_hotplug_run(path, action, &test_vif, fd, timeout_ms, status);
	n = pread(fd, out, size - 1, 0);
	out[n > 0 ? n : 0] = '\0';
	close(fd);
	return rc;
}

static void test_run_env_and_status(void)
{
	char out[1024];
	int status;

	write_file("show",
		   "#!/bin/sh\n"
		   "echo \"action=$1 vif=$vif bridge=$bridge mac=$mac\"\n"
		   "echo \"domid=$domid devid=$devid type_if=$type_if\"\n"
		   "echo \"XENBUS_PATH=$XENBUS_PATH HOME=${HOME:-unset}\"\n"
		   "echo to-stderr >&2\n"
		   "exit 3\n",
		   0755);
	CHECK_EQ(0, run("show", "online", 10000, &status, out, sizeof(out)));
	CHECK_EQ(3, status);
	CHECK_STR_CONTAINS(
		out,
		"action=online vif=vif7.1-emu bridge=br-test mac=00:16:3e:0a:b1:ff");
	CHECK_STR_CONTAINS(out, "domid=7 devid=1 type_if=tap");
	/* Nothing of hvmd's own environment leaks into the script. */
	CHECK_STR_CONTAINS(out, "XENBUS_PATH=backend/vif/7/1 HOME=unset");
	CHECK_STR_CONTAINS(out, "to-stderr");
	remove_file("show");
}

static bool pid_gone(pid_t pid)
{
	char path[64], buf[512], *p;
	FILE *f;
	size_t n;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	f = fopen(path, "re");
	if (!f)
		return true;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	p = strrchr(buf, ')');
	/* A killed child of a script may wait for init as a zombie. */
	return p && (p[2] == 'Z' || p[2] == 'X');
}

static void test_run_timeout_kills_group(void)
{
	struct timespec ts = {.tv_nsec = 20000000L};
	unsigned int tries;
	char out[256];
	long child = 0;
	int status;

	write_file("hang",
		   "#!/bin/sh\n"
		   "sleep 30 &\n"
		   "echo \"child=$!\"\n"
		   "wait\n",
		   0755);
	CHECK_EQ(-ETIMEDOUT,
		 run("hang", "online", 500, &status, out, sizeof(out)));
	CHECK(sscanf(out, "child=%ld", &child) == 1 && child > 0);
	/* SIGKILL is sent before hvmd_hotplug_run() returns; wait for it. */
	for (tries = 0; child > 0 && tries < 100 && !pid_gone(child); tries++)
		nanosleep(&ts, NULL);
	CHECK(child > 0 && pid_gone((pid_t)child));
	if (child > 0 && !pid_gone((pid_t)child))
		kill((pid_t)child, SIGKILL);
	remove_file("hang");
}

static void test_run_missing(void)
{
	char out[64];
	int status;

	CHECK_EQ(-ENOENT,
		 run("missing", "offline", 1000, &status, out, sizeof(out)));
}

int main(void)
{
	int rc;

	if (!mkdtemp(dir)) {
		fprintf(stderr, "hvmd_hotplug_test: cannot create %s: %s\n",
			dir, strerror(errno));
		return 1;
	}
	HVM_TEST(test_path);
	HVM_TEST(test_check);
	HVM_TEST(test_env);
	HVM_TEST(test_env_mtu_ip);
	HVM_TEST(test_run_env_and_status);
	HVM_TEST(test_run_timeout_kills_group);
	HVM_TEST(test_run_missing);
	rc = hvm_test_summary();
	remove_file("out");
	rmdir(dir);
	return rc;
}
