/* SPDX-License-Identifier: GPL-2.0-only */
/* Screenshots as PPM, for builds without libpng (hvmctl_shot.h). */
#include "hvmctl_shot.h"

int hvmctl_shot_write(const struct vnc_frame *f, const char *path)
{
	return vnc_frame_write_ppm(f, path);
}

const char *hvmctl_shot_format(void)
{
	return "PPM: hvmctl was built without libpng";
}
