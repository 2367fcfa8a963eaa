/* SPDX-License-Identifier: GPL-2.0-only */
/* cfg_random_bytes() on Linux: getrandom(2), which blocks only at boot. */
#include "cfg_random_priv.h"

#include <errno.h>
#include <sys/random.h>
#include <sys/types.h>

int cfg_random_bytes(void *buf, size_t len)
{
	unsigned char *p = buf;
	ssize_t r;

	while (len) {
		r = getrandom(p, len, 0);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		p += r;
		len -= (size_t)r;
	}
	return 0;
}
