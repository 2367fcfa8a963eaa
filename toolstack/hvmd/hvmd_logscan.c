/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Reading the domain log for what the helpers reported there: the serial
 * pty and VNC address that hvm-dm-launch logs once QEMU runs ("info dN
 * qemu: serial console on /dev/pts/N", "... PV console on ...", "... VNC
 * on HOST:PORT", only at the start of a line), and, for a
 * domain re-adopted from an earlier hvmd (not our child, so no exit
 * status), the "stop=REASON" line hvm-domain prints when it ends.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hvmd_priv.h"
#include "hypervisor/ctl_proto.h"

#define SCAN_CHUNK 65536
#define TAIL_BYTES 65536

static void copy_word(char *dst, size_t size, const char *src)
{
	size_t n = strcspn(src, " \t\r\n");

	if (n >= size)
		n = size - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

void hvmd_logscan_line(struct domtab_dom *d, const char *line)
{
	char tag[32];
	const char *p;

	/*
	 * "LEVEL dN qemu: " must open the line: the same words further on
	 * are someone else's text, e.g. a guest's on its debug console
	 * ("info dN console: ..."), which would otherwise choose the pty
	 * hvmctl console opens.
	 */
	snprintf(tag, sizeof(tag), " d%u qemu: ", d->domid);
	p = strchr(line, ' ');
	if (!p || strncmp(p, tag, strlen(tag)))
		return;
	p += strlen(tag);
	if (!strncmp(p, "serial console on ", 18))
		copy_word(d->console, sizeof(d->console), p + 18);
	else if (!strncmp(p, "PV console on ", 14))
		copy_word(d->pv_console, sizeof(d->pv_console), p + 14);
	else if (!strncmp(p, "VNC on ", 7))
		copy_word(d->vnc, sizeof(d->vnc), p + 7);
}

/* create -p: pause as soon as QEMU has started (and unpaused) the guest. */
static void pause_if_pending(struct hvmd *h, struct domtab_dom *d)
{
	if (!d->pause_pending || (!d->console[0] && !d->vnc[0]))
		return;
	d->pause_pending = false;
	if (hvmd_ctl_op(h, d, CTL_OP_PAUSE) == 0) {
		d->state = DOMTAB_PAUSED;
		hvmd_log(d, "info",
			 "paused as requested at creation (create -p)");
	} else {
		hvmd_log(
			d, "warn",
			"cannot pause the domain as create -p asked; pause it with hvmctl pause");
	}
	hvmd_state_save(h, d);
}

void hvmd_logscan(struct hvmd *h, struct domtab_dom *d)
{
	char path[PATH_MAX + 80], buf[SCAN_CHUNK + 1], *line, *nl;
	bool changed = false;
	ssize_t n;
	int fd;

	/*
	 * hvm-dm-launch logs the PV console between the serial pty and VNC:
	 * once both are known, so is the PV console, if there is one.
	 */
	if (d->console[0] && d->vnc[0] && !d->pause_pending)
		return;
	hvmd_log_path(h, d, path, sizeof(path));
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	n = pread(fd, buf, SCAN_CHUNK, d->log_scan);
	close(fd);
	if (n <= 0) {
		pause_if_pending(h, d);
		return;
	}
	buf[n] = '\0';
	for (line = buf; (nl = strchr(line, '\n')) != NULL; line = nl + 1) {
		*nl = '\0';
		hvmd_logscan_line(d, line);
		changed = true;
	}
	/* A partial last line is read again next time. */
	d->log_scan += line - buf;
	if (changed && d->console[0] && d->vnc[0])
		hvmd_state_save(h, d);
	pause_if_pending(h, d);
}

int hvmd_logscan_exit_status(struct hvmd *h, struct domtab_dom *d)
{
	char path[PATH_MAX + 80], buf[TAIL_BYTES + 1], *p, *last = NULL;
	struct stat st;
	ssize_t n;
	off_t off;
	int fd;

	hvmd_log_path(h, d, path, sizeof(path));
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) < 0) {
		if (fd >= 0)
			close(fd);
		return 1;
	}
	off = st.st_size > TAIL_BYTES ? st.st_size - TAIL_BYTES : 0;
	n = pread(fd, buf, TAIL_BYTES, off);
	close(fd);
	buf[n > 0 ? n : 0] = '\0';
	for (p = buf; (p = strstr(p, "stop=")) != NULL; p += 5)
		if (p == buf || p[-1] == '\n')
			last = p + 5;
	if (!last)
		return 1;
	if (!strncmp(last, "poweroff", 8))
		return 0;
	return strncmp(last, "reboot", 6) ? 1 : 3;
}
