/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Fetches one complete frame from a VNC server (a domain's console) with
 * libvncclient: for `hvmctl screenshot` and the tests that look at what a
 * guest draws. Pixels come back as 8-bit R, G, B (+ pad) per pixel.
 */
#ifndef VNC_VNC_GRAB_H
#define VNC_VNC_GRAB_H

#include <stddef.h>
#include <stdint.h>

struct vnc_frame {
	unsigned int width;
	unsigned int height;
	uint8_t *rgbx; /* width * height * 4 bytes: R, G, B, unused */
};

/*
 * Connects to @host:@port (the TCP port, 5900 + display), asks for the
 * whole screen and waits up to @timeout_ms for it, then takes updates for
 * @settle_ms more (QEMU may first send a stale copy). Returns 0 and fills
 * @out (free with vnc_frame_free()), or a negative errno with a reason in
 * @err: -ECONNREFUSED when nobody listens, -ETIMEDOUT, -EPROTO.
 */
int vnc_grab(const char *host, int port, unsigned int timeout_ms,
	     unsigned int settle_ms, struct vnc_frame *out, char *err,
	     size_t errlen) __attribute__((warn_unused_result));

void vnc_frame_free(struct vnc_frame *f);

/* Pixels in the rectangle that are not black (R, G and B all zero). */
unsigned long vnc_frame_count_lit(const struct vnc_frame *f, unsigned int x,
				  unsigned int y, unsigned int w,
				  unsigned int h);

/* Writes @f as a binary PPM (P6) file; 0 or a negative errno. */
int vnc_frame_write_ppm(const struct vnc_frame *f, const char *path)
	__attribute__((warn_unused_result));

#endif /* VNC_VNC_GRAB_H */
