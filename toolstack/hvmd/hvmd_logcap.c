/* SPDX-License-Identifier: GPL-2.0-only */
/* Size limits for guest-written log files (hvmd_logcap.h). */
#include "hvmd_logcap.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hypervisor/parse_num.h"

#define COPY_CHUNK 65536

int hvmd_logcap_parse(const char *s, uint64_t *out)
{
	char digits[24];
	size_t n = strlen(s);
	unsigned int shift = 0;
	uint64_t v;

	if (n && strchr("kKmMgG", s[n - 1])) {
		shift = strchr("kK", s[n - 1])	 ? 10
			: strchr("mM", s[n - 1]) ? 20
						 : 30;
		n--;
	}
	if (n == 0 || n >= sizeof(digits))
		return -EINVAL;
	memcpy(digits, s, n);
	digits[n] = '\0';
	if (parse_num_u64(digits, 10, UINT64_MAX >> shift, &v))
		return -EINVAL;
	*out = v << shift;
	return 0;
}

/* Copies all of @src to @dst (created or replaced, mode 0640). */
static int copy_file(int src, const char *dst)
{
	char buf[COPY_CHUNK];
	ssize_t r;
	int fd, rc = 0;

	fd = open(dst, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
	if (fd < 0)
		return -errno;
	while ((r = read(src, buf, sizeof(buf))) != 0) {
		ssize_t off = 0, w;

		if (r < 0) {
			if (errno == EINTR)
				continue;
			rc = -errno;
			break;
		}
		while (off < r) {
			w = write(fd, buf + off, (size_t)(r - off));
			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0) {
				rc = w < 0 ? -errno : -EIO;
				break;
			}
			off += w;
		}
		if (rc)
			break;
	}
	if (close(fd) < 0 && !rc)
		rc = -errno;
	return rc;
}

int hvmd_logcap_apply(const char *path, uint64_t max)
{
	char old[PATH_MAX + 8], tmp[PATH_MAX + 16];
	struct stat st;
	int fd, rc;

	if (!max)
		return 0;
	fd = open(path, O_RDWR | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return errno == ENOENT ? 0 : -errno;
	if (fstat(fd, &st) < 0) {
		rc = -errno;
		close(fd);
		return rc;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return -EINVAL;
	}
	if ((uint64_t)st.st_size <= max) {
		close(fd);
		return 0;
	}
	snprintf(old, sizeof(old), "%s.1", path);
	snprintf(tmp, sizeof(tmp), "%s.1.tmp", path);
	/* The old copy is replaced only once the new one is complete. */
	rc = copy_file(fd, tmp);
	if (!rc && rename(tmp, old) < 0)
		rc = -errno;
	if (!rc && ftruncate(fd, 0) < 0)
		rc = -errno;
	if (rc)
		unlink(tmp);
	close(fd);
	return rc ? rc : 1;
}
