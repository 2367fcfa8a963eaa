/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Image files for screenshots: PNG (hvmctl_shot_png.c, with libpng) or
 * PPM (hvmctl_shot_ppm.c, without). One of the two files is built.
 */
#ifndef HVMCTL_HVMCTL_SHOT_H
#define HVMCTL_HVMCTL_SHOT_H

#include "vnc/vnc_grab.h"

/* Writes @f to @path; 0 or a negative errno. */
int hvmctl_shot_write(const struct vnc_frame *f, const char *path)
	__attribute__((warn_unused_result));

/* "PNG" or "PPM (hvmctl was built without libpng)". */
const char *hvmctl_shot_format(void);

#endif /* HVMCTL_HVMCTL_SHOT_H */
