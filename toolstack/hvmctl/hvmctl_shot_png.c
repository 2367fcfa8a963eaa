/* SPDX-License-Identifier: GPL-2.0-only */
/* Screenshots as 8-bit RGB PNG through libpng (hvmctl_shot.h). */
#include "hvmctl_shot.h"

#include <errno.h>
#include <png.h>
#include <stdio.h>

static int write_rows(png_structp png, png_infop info,
		      const struct vnc_frame *f, FILE *out)
{
	unsigned int y;

	if (setjmp(png_jmpbuf(png)))
		return -EIO;
	png_init_io(png, out);
	png_set_IHDR(png, info, f->width, f->height, 8, PNG_COLOR_TYPE_RGB,
		     PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
		     PNG_FILTER_TYPE_DEFAULT);
	png_write_info(png, info);
	/* The frame is R, G, B, pad: drop the fourth byte of each pixel. */
	png_set_filler(png, 0, PNG_FILLER_AFTER);
	for (y = 0; y < f->height; y++)
		png_write_row(png, f->rgbx + (size_t)y * f->width * 4);
	png_write_end(png, NULL);
	return 0;
}

int hvmctl_shot_write(const struct vnc_frame *f, const char *path)
{
	png_structp png;
	png_infop info;
	FILE *out;
	int rc;

	out = fopen(path, "wbe");
	if (!out)
		return -errno;
	png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
	info = png ? png_create_info_struct(png) : NULL;
	rc = info ? write_rows(png, info, f, out) : -ENOMEM;
	png_destroy_write_struct(&png, info ? &info : NULL);
	if (fclose(out) != 0 && rc == 0)
		rc = -EIO;
	return rc;
}

const char *hvmctl_shot_format(void)
{
	return "PNG";
}
