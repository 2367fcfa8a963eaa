/* SPDX-License-Identifier: GPL-2.0-only */
/* Whole-file reads for boot images (file_read.h). */
#include "hypervisor/file_read.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int read_exact(int fd, uint8_t *buf, size_t len)
{
	size_t done = 0;
	ssize_t n;

	while (done < len) {
		n = read(fd, buf + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n < 0 ? -errno : -EIO;
		done += (size_t)n;
	}
	return 0;
}

int file_read_all(const char *path, size_t max, uint8_t **buf, size_t *len,
		  char *why, size_t why_len)
{
	struct stat st;
	int fd, rc = 0;

	*buf = NULL;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) < 0) {
		rc = -errno;
		snprintf(why, why_len, "cannot read %s: %s", path,
			 strerror(-rc));
		goto out;
	}
	if (st.st_size <= 0 || (uint64_t)st.st_size > max) {
		rc = -EFBIG;
		snprintf(why, why_len, "%s has %lld bytes; expected 1 to %zu",
			 path, (long long)st.st_size, max);
		goto out;
	}
	*len = (size_t)st.st_size;
	*buf = malloc(*len);
	if (!*buf) {
		rc = -ENOMEM;
		snprintf(why, why_len, "no memory to read %s", path);
		goto out;
	}
	rc = read_exact(fd, *buf, *len);
	if (rc) {
		snprintf(why, why_len, "short read of %s", path);
		free(*buf);
		*buf = NULL;
	}
out:
	if (fd >= 0)
		close(fd);
	return rc;
}
