/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Tests of the hvm-dm-launch binary with fake QEMU shell scripts and
 * --no-wait-running (no xenstore, hvm-domain or QMP): the command line and
 * environment QEMU gets, output relayed line by line into the log, exit
 * statuses, SIGTERM forwarding, and the failures that must be reported
 * (missing QEMU, missing control socket or QMP directory, bad config).
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "hvm_test.h"
#include "launch_cli_test_util.h"

#define DOMID "7"

static char dir[CLI_PATH_MAX], log_path[CLI_PATH_MAX + 8];
static char shim[CLI_PATH_MAX + 8], xs[CLI_PATH_MAX + 8];
static char out_path[CLI_PATH_MAX + 8];

/* Runs @qemu with the common options plus @extra; returns the status. */
static int run_fake(const char *qemu, const char *extra)
{
	const char *args[] = {"--qemu",
			      qemu,
			      "--shim-dir",
			      shim,
			      "--xenstored-path",
			      xs,
			      "--run-dir",
			      dir,
			      "--log",
			      log_path,
			      "--no-wait-running",
			      "domid=" DOMID,
			      "name=cli",
			      "memory=64",
			      extra,
			      NULL};

	return cli_run(args);
}

static void setup(void)
{
	cli_mkdtemp(dir, 7);
	snprintf(log_path, sizeof(log_path), "%s/log", dir);
	snprintf(shim, sizeof(shim), "%s/shim", dir);
	snprintf(xs, sizeof(xs), "%s/xs.sock", dir);
	snprintf(out_path, sizeof(out_path), "%s/out", dir);
	cli_set_output(out_path);
	cli_make_shims(shim);
}

static void test_relay_and_env(void)
{
	char qemu[CLI_PATH_MAX], want[4 * CLI_PATH_MAX];
	const char *log;

	cli_write_script(
		dir, "qemu-ok",
		"echo \"args: $*\"\n"
		"echo \"env: $LD_LIBRARY_PATH|$XENSTORED_PATH|$HVM_RUN_DIR|$XEN_DOMAIN_ID\"\n"
		"echo 'oops on stderr' >&2\n"
		"printf 'ctl\\033[2Jchars\\n'\n"
		"printf 'no newline'\n",
		qemu);
	CHECK_EQ(0, run_fake(qemu, "vcpus=2"));
	log = cli_read(log_path);
	snprintf(want, sizeof(want), "info d7 dm-launch: started %s (pid ",
		 qemu);
	CHECK_STR_CONTAINS(log, want);
	snprintf(
		want, sizeof(want),
		"info d7 qemu: args: -xen-domid 7 -no-shutdown -chardev socket,id=libxl-cmd,path=%s/7/qmp,server=on,wait=off -mon chardev=libxl-cmd,mode=control -nodefaults -no-user-config -name cli -vnc 127.0.0.1:0,to=99 -display none -serial pty -device VGA,vgamem_mb=16 -boot order=cda -smp 2,maxcpus=2 -net none -machine xenfv,suppress-vmdesc=on -m 48\n",
		dir);
	CHECK_STR_CONTAINS(log, want);
	snprintf(want, sizeof(want), "info d7 qemu: env: %s", shim);
	CHECK_STR_CONTAINS(log, want);
	snprintf(want, sizeof(want), "|%s|%s|7\n", xs, dir);
	CHECK_STR_CONTAINS(log, want);
	CHECK_STR_CONTAINS(log, "info d7 qemu: oops on stderr\n");
	CHECK_STR_CONTAINS(log, "info d7 qemu: ctl?[2Jchars\n");
	CHECK_STR_CONTAINS(log, "info d7 qemu: no newline\n");
	CHECK_STR_CONTAINS(log,
			   "info d7 dm-launch: qemu exited with status 0\n");
}

static void test_exit_status(void)
{
	char qemu[CLI_PATH_MAX];

	cli_write_script(dir, "qemu-3", "echo failing\nexit 3\n", qemu);
	CHECK_EQ(1, run_fake(qemu, NULL));
	CHECK_STR_CONTAINS(
		cli_read(log_path),
		"err d7 dm-launch: qemu exited with status 3; see the qemu lines above\n");

	cli_write_script(dir, "qemu-kill", "kill -9 $$\n", qemu);
	CHECK_EQ(1, run_fake(qemu, NULL));
	CHECK_STR_CONTAINS(cli_read(log_path),
			   "err d7 dm-launch: qemu was killed by signal 9");
}

static void test_missing_qemu(void)
{
	char qemu[CLI_PATH_MAX + 16], want[4 * CLI_PATH_MAX];

	snprintf(qemu, sizeof(qemu), "%s/no-such-qemu", dir);
	CHECK_EQ(1, run_fake(qemu, NULL));
	snprintf(
		want, sizeof(want),
		"err d7 dm-launch: cannot start %s: No such file or directory; install qemu-system-xen or give --qemu\n",
		qemu);
	CHECK_STR_CONTAINS(cli_read(log_path), want);
}

/* SIGTERM to the launcher reaches QEMU, whose exit status then counts. */
static void test_sigterm_forwarded(void)
{
	char qemu[CLI_PATH_MAX];
	const char *args[] = {"--no-wait-running",
			      "--shim-dir",
			      shim,
			      "--xenstored-path",
			      xs,
			      "--run-dir",
			      dir,
			      "--log",
			      log_path,
			      "--qemu",
			      NULL,
			      "domid=7",
			      NULL};
	pid_t pid;

	cli_write_script(
		dir, "qemu-term",
		"trap 'echo got TERM; exit 0' TERM\n"
		"echo ready\ni=0; while [ $i -lt 400 ]; do sleep 0.05; i=$((i+1)); done\n",
		qemu);
	args[10] = qemu;
	pid = cli_start(args);
	CHECK(cli_wait_for(log_path, "info d7 qemu: ready\n"));
	CHECK_EQ(0, kill(pid, SIGTERM));
	CHECK_EQ(0, cli_wait(pid));
	CHECK_STR_CONTAINS(
		cli_read(log_path),
		"info d7 dm-launch: got signal 15; stopping qemu (pid ");
	CHECK_STR_CONTAINS(cli_read(log_path), "info d7 qemu: got TERM\n");
}

static void test_prereqs(void)
{
	char qemu[CLI_PATH_MAX], want[4 * CLI_PATH_MAX];
	const char *args[] = {"--shim-dir", shim,	 "--xenstored-path",
			      xs,	    "--run-dir", dir,
			      "--log",	    log_path,	 "--qemu",
			      NULL,	    "domid=7",	 NULL};

	cli_write_script(dir, "qemu-never", "echo must not run\n", qemu);
	args[9] = qemu;
	CHECK_EQ(1, cli_run(args));
	snprintf(
		want, sizeof(want),
		"err d7 dm-launch: no control socket at %s/7/ctl; start the domain first with hvm-domain --ctl %s/7/ctl --paused\n",
		dir, dir);
	CHECK_STR_CONTAINS(cli_read(log_path), want);

	CHECK_EQ(1, run_fake(qemu, "qmp=/nonexistent-dir/qmp"));
	CHECK_STR_CONTAINS(
		cli_read(log_path),
		"err d7 dm-launch: directory /nonexistent-dir for the QMP socket does not exist; create it or change qmp=\n");

	args[1] = dir; /* no libxenctrl.so.4.17 there */
	CHECK_EQ(1, cli_run(args));
	snprintf(
		want, sizeof(want),
		"err d7 dm-launch: our Xen libraries are not in %s (no libxenctrl.so.4.17); build the hvm-xenlibs target or give --shim-dir\n",
		dir);
	CHECK_STR_CONTAINS(cli_read(log_path), want);
	CHECK_STR_CONTAINS(
		cli_read(log_path),
		"err d7 dm-launch: directory /nonexistent-dir for the QMP socket does not exist; create it or change qmp=\n");
	CHECK(!strstr(cli_read(log_path), "must not run"));
}

static void test_usage_and_config_errors(void)
{
	char qemu[CLI_PATH_MAX];
	const char *no_domid[] = {"--xenstored-path", xs, "name=x", NULL};
	const char *bad_opt[] = {"--wait", "0", "domid=1", NULL};
	const char *bad_key[] = {"--xenstored-path", xs, "domid=1", "x=y",
				 NULL};
	const char *dry[] = {"--dry-run",
			     "--xenstored-path",
			     xs,
			     "domid=1",
			     "nic=model=e1000,mac=00:16:3e:00:00:01",
			     NULL};

	cli_write_script(dir, "qemu-never", "echo must not run\n", qemu);
	CHECK_EQ(2, cli_run(no_domid));
	CHECK_STR_CONTAINS(
		cli_read(out_path),
		"hvm-dm-launch: domid= is required\nusage: hvm-dm-launch [OPTIONS] domid=N [KEY=VALUE]...\n");
	CHECK_EQ(2, cli_run(bad_opt));
	CHECK_STR_CONTAINS(cli_read(out_path),
			   "hvm-dm-launch: bad value '0' for --wait\n");
	CHECK_EQ(2, cli_run(bad_key));
	CHECK_STR_CONTAINS(
		cli_read(out_path),
		"hvm-dm-launch: unknown key \"x\"; see --help for the keys\n");
	CHECK_EQ(0, cli_run(dry));
	CHECK_STR_CONTAINS(
		cli_read(out_path),
		"\n-device\ne1000,id=nic0,netdev=net0,mac=00:16:3e:00:00:01\n-netdev\ntype=tap,id=net0,ifname=vif1.0-emu,script=no,downscript=no\n-machine\n");
	CHECK_EQ(2, run_fake(qemu, "memory=20"));
	CHECK_STR_CONTAINS(
		cli_read(log_path),
		"err d7 dm-launch: memory=20 MiB leaves too little RAM beside 16 MiB of video RAM; use memory=32 or more\n");
	CHECK_EQ(2, run_fake(qemu, "disk=hda,raw,disk,rw,rel.img"));
	CHECK_STR_CONTAINS(cli_read(log_path),
			   "disk hda: path \"rel.img\" is not absolute");
	CHECK(!strstr(cli_read(log_path), "must not run"));
}

int main(void)
{
	setup();
	HVM_TEST(test_relay_and_env);
	HVM_TEST(test_exit_status);
	HVM_TEST(test_missing_qemu);
	HVM_TEST(test_sigterm_forwarded);
	HVM_TEST(test_prereqs);
	HVM_TEST(test_usage_and_config_errors);
	cli_rmtree(dir);
	return hvm_test_summary();
}
