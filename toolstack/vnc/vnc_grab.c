/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * One VNC frame through libvncclient (vnc_grab.h). libvncclient keeps the
 * framebuffer in the client; we request a full, non-incremental update,
 * pump messages until the server says the update is finished, and copy
 * the pixels out. Its logging goes nowhere: errors come back in @err.
 */
#include "vnc/vnc_grab.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <rfb/rfbclient.h>

#define BYTES_PER_PIXEL 4
#define WAIT_SLICE_US 50000

static void quiet_log(const char *fmt, ...)
{
	(void)fmt;
}

static void finished(rfbClient *cl)
{
	rfbClientSetClientData(cl, (void *)finished, (void *)1);
}

static bool is_finished(rfbClient *cl)
{
	return rfbClientGetClientData(cl, (void *)finished) != NULL;
}

static uint64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/* Pumps messages until the requested update is complete. */
static int wait_frame(rfbClient *cl, unsigned int timeout_ms)
{
	uint64_t deadline = now_ms() + timeout_ms;
	int n;

	while (!is_finished(cl)) {
		if (now_ms() >= deadline)
			return -ETIMEDOUT;
		n = WaitForMessage(cl, WAIT_SLICE_US);
		if (n < 0)
			return -EPROTO;
		if (n > 0 && !HandleRFBServerMessage(cl))
			return -EPROTO;
	}
	return 0;
}

static void clear_finished(rfbClient *cl)
{
	rfbClientSetClientData(cl, (void *)finished, NULL);
}

/*
 * QEMU redraws the guest's screen into its VNC copy only on its refresh
 * timer, and only while a client is connected: the first frame a new
 * client gets can be stale. Keep asking for incremental updates for
 * @settle_ms so the frame catches up with what the guest drew.
 */
static int settle(rfbClient *cl, unsigned int settle_ms)
{
	uint64_t deadline = now_ms() + settle_ms;
	int n;

	while (now_ms() < deadline) {
		clear_finished(cl);
		if (!SendFramebufferUpdateRequest(cl, 0, 0, cl->width,
						  cl->height, TRUE))
			return -EPROTO;
		while (!is_finished(cl) && now_ms() < deadline) {
			n = WaitForMessage(cl, WAIT_SLICE_US);
			if (n < 0 || (n > 0 && !HandleRFBServerMessage(cl)))
				return -EPROTO;
		}
	}
	return 0;
}

static int copy_frame(rfbClient *cl, struct vnc_frame *out)
{
	size_t len = (size_t)cl->width * (size_t)cl->height * BYTES_PER_PIXEL;

	out->rgbx = malloc(len ? len : 1);
	if (!out->rgbx)
		return -ENOMEM;
	memcpy(out->rgbx, cl->frameBuffer, len);
	out->width = (unsigned int)cl->width;
	out->height = (unsigned int)cl->height;
	return 0;
}

int vnc_grab(const char *host, int port, unsigned int timeout_ms,
	     unsigned int settle_ms, struct vnc_frame *out, char *err,
	     size_t errlen)
{
	rfbClient *cl;
	int rc;

	memset(out, 0, sizeof(*out));
	rfbClientLog = rfbClientErr = quiet_log;
	cl = rfbGetClient(8, 3, BYTES_PER_PIXEL);
	if (!cl)
		return -ENOMEM;
	free(cl->serverHost); /* rfbGetClient's placeholder */
	cl->serverHost = strdup(host);
	cl->serverPort = port;
	cl->canHandleNewFBSize = TRUE;
	cl->FinishedFrameBufferUpdate = finished;
	if (!rfbInitClient(cl, NULL, NULL)) { /* frees cl on failure */
		snprintf(
			err, errlen,
			"cannot connect to the VNC server at %s:%d; is the domain running with vnc=1?",
			host, port);
		return -ECONNREFUSED;
	}
	rc = SendFramebufferUpdateRequest(cl, 0, 0, cl->width, cl->height,
					  FALSE)
		     ? wait_frame(cl, timeout_ms)
		     : -EPROTO;
	if (!rc)
		rc = settle(cl, settle_ms);
	if (!rc)
		rc = copy_frame(cl, out);
	else
		snprintf(err, errlen, "no complete frame from %s:%d: %s", host,
			 port, strerror(-rc));
	/* The default MallocFrameBuffer memory is ours to free. */
	free(cl->frameBuffer);
	cl->frameBuffer = NULL;
	rfbClientCleanup(cl);
	return rc;
}

void vnc_frame_free(struct vnc_frame *f)
{
	free(f->rgbx);
	f->rgbx = NULL;
}

unsigned long vnc_frame_count_lit(const struct vnc_frame *f, unsigned int x,
				  unsigned int y, unsigned int w,
				  unsigned int h)
{
	unsigned long lit = 0;
	unsigned int i, j;

	for (j = y; j < f->height && j - y < h; j++) {
		for (i = x; i < f->width && i - x < w; i++) {
			const uint8_t *p =
				f->rgbx + ((size_t)j * f->width + i) * 4;

			lit += (p[0] | p[1] | p[2]) != 0;
		}
	}
	return lit;
}

int vnc_frame_write_ppm(const struct vnc_frame *f, const char *path)
{
	FILE *fp = fopen(path, "wb");
	size_t i, n = (size_t)f->width * f->height;
	int rc = 0;

	if (!fp)
		return -errno;
	fprintf(fp, "P6\n%u %u\n255\n", f->width, f->height);
	for (i = 0; i < n && !rc; i++) {
		if (fwrite(f->rgbx + i * 4, 1, 3, fp) != 3)
			rc = -EIO;
	}
	if (fclose(fp) && !rc)
		rc = -errno;
	return rc;
}
