/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hvm-dm-launch's whole startup without QEMU or KVM: a real hvm-xenstored,
 * a fake hvm-domain control socket and a fake QMP server (threads here),
 * and a fake QEMU script that writes the "running" key with Debian's
 * xenstore-write through the XENSTORED_PATH the launcher gave it. Checks
 * that a stale "running" is ignored, that the domain is unpaused once and
 * only after QEMU's write, that consoles are logged and published, and the
 * failures: no "running" in time, an unpause the domain refuses.
 */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>
#include <xenstore.h>

#include "hvm_test.h"
#include "hypervisor/ctl_proto.h"
#include "launch_cli_test_util.h"

/* snprintf that must fit. */
#define P(buf, ...)                                                            \
	CHECK(snprintf((buf), sizeof(buf), __VA_ARGS__) < (int)sizeof(buf))

struct fake_servers {
	pthread_t ctl_thread, qmp_thread;
	int ctl_fd, qmp_fd;
	int unpause_rc; /* what the fake hvm-domain answers */
	int nr_unpause;
	int nr_qmp_cmds;
	volatile int stop;
	char marker[CLI_PATH_MAX + 16]; /* created at the first unpause */
};

static char dir[CLI_PATH_MAX], log_path[CLI_PATH_MAX + 8];
static char xs_path[CLI_PATH_MAX + 8], run_qemu[CLI_PATH_MAX];
static char shim_dir[CLI_PATH_MAX + 8];
static pid_t xenstored = -1;

static void touch(const char *path)
{
	FILE *fp = fopen(path, "w");

	CHECK(fp != NULL);
	if (fp)
		fclose(fp);
}

static bool wait_readable(int fd, volatile int *stop)
{
	struct pollfd pfd = {.fd = fd, .events = POLLIN};

	while (!*stop)
		if (poll(&pfd, 1, 50) > 0)
			return true;
	return false;
}

static void ctl_serve_one(struct fake_servers *f, int sock)
{
	struct ctl_hdr h;
	int rc;

	rc = ctl_recv(sock, false, &h, NULL, 0, NULL, 0, NULL);
	if (rc) {
		hvm_test_fail(__FILE__, __LINE__,
			      "fake hvm-domain: bad request: %d", rc);
		return;
	}
	CHECK_EQ(CTL_OP_UNPAUSE, h.op);
	if (f->nr_unpause++ == 0)
		touch(f->marker);
	h.rc = f->unpause_rc;
	CHECK_EQ(0, ctl_send(sock, &h, NULL, NULL, 0));
}

static void *ctl_main(void *arg)
{
	struct fake_servers *f = arg;
	int sock;

	while (wait_readable(f->ctl_fd, &f->stop)) {
		sock = ctl_accept(f->ctl_fd);
		if (sock < 0)
			continue;
		if (wait_readable(sock, &f->stop))
			ctl_serve_one(f, sock);
		close(sock);
	}
	return NULL;
}

/* QEMU 7.2's replies, with an event before one of them. */
static const char *qmp_answer(const char *cmd)
{
	if (strstr(cmd, "\"qmp_capabilities\""))
		return "{\"return\": {}}\r\n";
	if (strstr(cmd, "\"query-chardev\""))
		return "{\"timestamp\": {\"seconds\": 1, \"microseconds\": 2}, \"event\": \"NIC_RX_FILTER_CHANGED\", \"data\": {\"path\": \"/x\"}}\r\n"
		       "{\"return\": [{\"frontend-open\": false, \"filename\": \"unix:/x,server=on\", \"label\": \"libxl-cmd\"}, {\"frontend-open\": true, \"filename\": \"pty:/dev/pts/42\", \"label\": \"serial0\"}]}\r\n";
	if (strstr(cmd, "\"query-vnc\""))
		return "{\"return\": {\"enabled\": true, \"auth\": \"none\", \"family\": \"ipv4\", \"clients\": [], \"service\": \"5901\", \"host\": \"127.0.0.1\"}}\r\n";
	return "{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"no\"}}\r\n";
}

static void send_all(int sock, const char *s)
{
	CHECK_EQ((ssize_t)strlen(s), send(sock, s, strlen(s), MSG_NOSIGNAL));
}

static void qmp_serve_one(struct fake_servers *f, int sock)
{
	char buf[1024], *nl;
	size_t len = 0;
	ssize_t r;

	send_all(
		sock,
		"{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 22, \"minor\": 2, \"major\": 7}, \"package\": \"\"}, \"capabilities\": [\"oob\"]}}\r\n");
	while (wait_readable(sock, &f->stop)) {
		r = read(sock, buf + len, sizeof(buf) - 1 - len);
		if (r <= 0)
			return;
		len += (size_t)r;
		buf[len] = '\0';
		while ((nl = strchr(buf, '\n'))) {
			*nl = '\0';
			f->nr_qmp_cmds++;
			send_all(sock, qmp_answer(buf));
			len -= (size_t)(nl + 1 - buf);
			memmove(buf, nl + 1, len + 1);
		}
		CHECK(len < sizeof(buf) - 1);
		if (len >= sizeof(buf) - 1)
			return;
	}
}

static void *qmp_main(void *arg)
{
	struct fake_servers *f = arg;
	int sock;

	while (wait_readable(f->qmp_fd, &f->stop)) {
		sock = accept(f->qmp_fd, NULL, NULL);
		if (sock < 0)
			continue;
		qmp_serve_one(f, sock);
		close(sock);
	}
	return NULL;
}

static int listen_unix(const char *path)
{
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

	P(sa.sun_path, "%s", path);
	CHECK(fd >= 0);
	CHECK_EQ(0, bind(fd, (struct sockaddr *)&sa, sizeof(sa)));
	CHECK_EQ(0, listen(fd, 4));
	return fd;
}

static void servers_start(struct fake_servers *f)
{
	char path[CLI_PATH_MAX + 16];

	memset(f, 0, sizeof(*f));
	P(f->marker, "%s/unpaused", dir);
	P(path, "%s/9/ctl", dir);
	f->ctl_fd = ctl_listen(path);
	CHECK(f->ctl_fd >= 0);
	P(path, "%s/9/qmp", dir);
	f->qmp_fd = listen_unix(path);
	CHECK_EQ(0, pthread_create(&f->ctl_thread, NULL, ctl_main, f));
	CHECK_EQ(0, pthread_create(&f->qmp_thread, NULL, qmp_main, f));
}

static void servers_stop(struct fake_servers *f)
{
	f->stop = 1;
	pthread_join(f->ctl_thread, NULL);
	pthread_join(f->qmp_thread, NULL);
	close(f->ctl_fd);
	close(f->qmp_fd);
}

/* Starts hvm-xenstored and waits for its socket. */
static void xenstored_start(void)
{
	char out[CLI_PATH_MAX + 16];
	struct timespec tick = {.tv_nsec = 20 * 1000 * 1000};
	struct stat st;
	unsigned int i;

	P(out, "%s/xenstored.log", dir);
	xenstored = fork();
	if (xenstored == 0) {
		if (!freopen(out, "a", stdout) || !freopen(out, "a", stderr))
			_exit(127);
		execl(HVM_XENSTORED_BIN, HVM_XENSTORED_BIN, "--foreground",
		      "--socket", xs_path, (char *)NULL);
		_exit(127);
	}
	for (i = 0; i < 250 && stat(xs_path, &st); i++)
		nanosleep(&tick, NULL);
	if (stat(xs_path, &st))
		hvm_test_fail(__FILE__, __LINE__,
			      "%s did not create %s within 5 s: %s",
			      HVM_XENSTORED_BIN, xs_path, cli_read(out));
}

/* Reads @path from xenstore into a static buffer ("" if missing). */
static const char *xs_get(const char *path)
{
	static char val[128];
	struct xs_handle *h = xs_open(0);
	unsigned int len = 0;
	char *v = h ? xs_read(h, XBT_NULL, path, &len) : NULL;

	P(val, "%.*s", v ? (int)len : 0, v ? v : "");
	free(v);
	xs_close(h);
	return val;
}

static void xs_put(const char *path, const char *val)
{
	struct xs_handle *h = xs_open(0);

	CHECK(h != NULL);
	if (h)
		CHECK(xs_write(h, XBT_NULL, path, val, strlen(val)));
	xs_close(h);
}

static int launch(const char *qemu, const char *wait_s)
{
	const char *args[] = {"--qemu",
			      qemu,
			      "--shim-dir",
			      shim_dir,
			      "--xenstored-path",
			      xs_path,
			      "--run-dir",
			      dir,
			      "--log",
			      log_path,
			      "--wait",
			      wait_s,
			      "domid=9",
			      "name=e2e",
			      "memory=128",
			      NULL};

	return cli_run(args);
}

/* Bounded, so that a broken launcher leaves no process behind for long. */
#define LOOP_20S "i=0; while [ $i -lt 400 ]; do sleep 0.05; i=$((i+1)); done"

/* Fake QEMU: checks it was not unpaused early, writes "running". */
static const char qemu_body[] =
	"command -v xenstore-write >/dev/null || { echo 'xenstore-write is missing; install xenstore-utils'; exit 9; }\n"
	"sleep 0.3\n"
	"[ -e %s ] && echo 'premature unpause'\n"
	"xenstore-write /local/domain/0/device-model/$XEN_DOMAIN_ID/state running || { echo 'xenstore-write failed'; exit 9; }\n"
	"%s\n";

static void write_qemu(struct fake_servers *f, const char *name,
		       const char *then)
{
	char body[2 * CLI_PATH_MAX + sizeof(qemu_body)];

	P(body, qemu_body, f->marker, then);
	cli_write_script(dir, name, body, run_qemu);
}

static void test_startup(struct fake_servers *f)
{
	const char *log;
	int status;

	/* A stale "running" from an earlier QEMU must not unpause. */
	xs_put("/local/domain/0/device-model/9/state", "running");
	write_qemu(
		f, "qemu-ok",
		"i=0; while [ ! -e \"$HVM_RUN_DIR/unpaused\" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done; echo \"unpaused: $(ls \"$HVM_RUN_DIR/unpaused\")\"");
	status = launch(run_qemu, "20");
	log = cli_read(log_path);
	CHECK_EQ(0, status);
	CHECK(!strstr(log, "premature"));
	CHECK_EQ(1, f->nr_unpause);
	CHECK_EQ(3, f->nr_qmp_cmds);
	CHECK_STR_CONTAINS(
		log,
		"info d9 dm-launch: qemu is running; unpausing the domain\n");
	CHECK_STR_CONTAINS(log, "info d9 dm-launch: domain 9 unpaused\n");
	CHECK_STR_CONTAINS(log,
			   "info d9 qemu: serial console on /dev/pts/42\n");
	CHECK_STR_CONTAINS(log, "info d9 qemu: VNC on 127.0.0.1:5901\n");
	CHECK_STR_CONTAINS(log, "info d9 qemu: unpaused: ");
	CHECK_STR_CONTAINS(log,
			   "info d9 dm-launch: qemu exited with status 0\n");
	CHECK_EQ(0,
		 strcmp(xs_get("/local/domain/9/serial/0/tty"), "/dev/pts/42"));
	CHECK_EQ(0, strcmp(xs_get("/local/domain/9/console/vnc-listen"),
			   "127.0.0.1"));
	CHECK_EQ(0, strcmp(xs_get("/local/domain/9/console/vnc-port"), "5901"));
	if (status || f->nr_unpause != 1)
		fprintf(stderr, "launcher log:\n%s", log);
}

static void test_never_running(struct fake_servers *f)
{
	char qemu[CLI_PATH_MAX];

	f->nr_unpause = 0;
	cli_write_script(dir, "qemu-mute",
			 "echo waiting forever\n" LOOP_20S "\n", qemu);
	CHECK_EQ(1, launch(qemu, "1"));
	CHECK_STR_CONTAINS(
		cli_read(log_path),
		"err d9 dm-launch: qemu did not report running within 1 s; see the qemu lines above, and check hvm-domain and hvm-xenstored\n");
	CHECK_STR_CONTAINS(cli_read(log_path),
			   "info d9 dm-launch: qemu stopped by signal 15\n");
	CHECK_EQ(0, f->nr_unpause);
}

static void test_unpause_refused(struct fake_servers *f)
{
	char want[4 * CLI_PATH_MAX];

	unlink(f->marker);
	f->nr_unpause = 0;
	f->unpause_rc = -EPERM;
	write_qemu(f, "qemu-refused", LOOP_20S);
	CHECK_EQ(1, launch(run_qemu, "20"));
	P(want,
	  "err d9 dm-launch: cannot unpause domain 9 through %s/9/ctl: Operation not permitted; check that hvm-domain runs with --ctl %s/9/ctl\n",
	  dir, dir);
	CHECK_STR_CONTAINS(cli_read(log_path), want);
	CHECK_EQ(1, f->nr_unpause);
	f->unpause_rc = 0;
}

static void test_no_xenstored(void)
{
	char qemu[CLI_PATH_MAX], want[4 * CLI_PATH_MAX];
	char saved[sizeof(xs_path)];

	memcpy(saved, xs_path, sizeof(saved));
	P(xs_path, "%s/none.sock", dir);
	cli_write_script(dir, "qemu-never", "echo must not run\n", qemu);
	CHECK_EQ(1, launch(qemu, "20"));
	P(want,
	  "err d9 dm-launch: cannot use xenstore at %s: No such file or directory; start hvm-xenstored --socket %s\n",
	  xs_path, xs_path);
	CHECK_STR_CONTAINS(cli_read(log_path), want);
	CHECK(!strstr(cli_read(log_path), "must not run"));
	memcpy(xs_path, saved, sizeof(saved));
}

static struct fake_servers servers;

static void case_startup(void)
{
	test_startup(&servers);
}

static void case_never_running(void)
{
	test_never_running(&servers);
}

static void case_unpause_refused(void)
{
	test_unpause_refused(&servers);
}

int main(void)
{
	cli_mkdtemp(dir, 9);
	P(log_path, "%s/log", dir);
	P(xs_path, "%s/xs.sock", dir);
	P(shim_dir, "%s/shim", dir);
	cli_make_shims(shim_dir);
	/* This process's libxenstore (xs_get, xs_put) too. */
	setenv("XENSTORED_PATH", xs_path, 1);
	signal(SIGPIPE, SIG_IGN);
	xenstored_start();
	servers_start(&servers);
	HVM_TEST(case_startup);
	HVM_TEST(case_never_running);
	HVM_TEST(case_unpause_refused);
	HVM_TEST(test_no_xenstored);
	servers_stop(&servers);
	if (xenstored > 0) {
		kill(xenstored, SIGTERM);
		cli_wait(xenstored);
	}
	cli_rmtree(dir);
	return hvm_test_summary();
}
