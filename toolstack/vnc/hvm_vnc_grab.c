/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hvm-vnc-grab: fetches one frame from a VNC server and reports its size
 * and how many pixels are lit (not black), overall and in an optional
 * rectangle; optionally saves it as a PPM file. For tests and debugging.
 *
 * Usage: hvm-vnc-grab HOST PORT [--rect X,Y,W,H] [--ppm FILE]
 * Prints: "frame WxH lit N [rect lit M]". Exit 0, 1 on failure, 2 usage.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vnc/vnc_grab.h"

#define GRAB_TIMEOUT_MS 10000
#define GRAB_SETTLE_MS 1000

static int usage(void)
{
	fprintf(stderr, "usage: hvm-vnc-grab HOST PORT [--rect X,Y,W,H] "
			"[--ppm FILE]\n");
	return 2;
}

int main(int argc, char **argv)
{
	unsigned int r[4] = {0, 0, 0, 0};
	const char *ppm = NULL;
	struct vnc_frame f;
	int have_rect = 0, i, port;
	char err[256];

	if (argc < 3)
		return usage();
	port = atoi(argv[2]);
	for (i = 3; i < argc; i += 2) {
		if (i + 1 >= argc)
			return usage();
		if (!strcmp(argv[i], "--rect") &&
		    sscanf(argv[i + 1], "%u,%u,%u,%u", &r[0], &r[1], &r[2],
			   &r[3]) == 4)
			have_rect = 1;
		else if (!strcmp(argv[i], "--ppm"))
			ppm = argv[i + 1];
		else
			return usage();
	}
	if (port <= 0 || port > 65535)
		return usage();
	if (vnc_grab(argv[1], port, GRAB_TIMEOUT_MS, GRAB_SETTLE_MS, &f, err,
		     sizeof(err))) {
		fprintf(stderr, "hvm-vnc-grab: %s\n", err);
		return 1;
	}
	printf("frame %ux%u lit %lu", f.width, f.height,
	       vnc_frame_count_lit(&f, 0, 0, f.width, f.height));
	if (have_rect)
		printf(" rect lit %lu",
		       vnc_frame_count_lit(&f, r[0], r[1], r[2], r[3]));
	printf("\n");
	if (ppm && vnc_frame_write_ppm(&f, ppm)) {
		fprintf(stderr, "hvm-vnc-grab: cannot write %s\n", ppm);
		vnc_frame_free(&f);
		return 1;
	}
	vnc_frame_free(&f);
	return 0;
}
