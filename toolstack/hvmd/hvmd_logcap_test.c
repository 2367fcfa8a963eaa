/* SPDX-License-Identifier: GPL-2.0-only */
/* Unit tests for the log size limit: parsing and copy-truncate. */
#include "hvmd_logcap.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hvm_test.h"

static char dir[64];

static void test_parse(void)
{
	uint64_t v = 7;

	CHECK_EQ(0, hvmd_logcap_parse("0", &v));
	CHECK_EQ(0, v);
	CHECK_EQ(0, hvmd_logcap_parse("4096", &v));
	CHECK_EQ(4096, v);
	CHECK_EQ(0, hvmd_logcap_parse("16M", &v));
	CHECK_EQ(16u << 20, v);
	CHECK_EQ(0, hvmd_logcap_parse("2k", &v));
	CHECK_EQ(2048, v);
	CHECK_EQ(0, hvmd_logcap_parse("1G", &v));
	CHECK_EQ(1ULL << 30, v);
	v = 7;
	CHECK_EQ(-EINVAL, hvmd_logcap_parse("", &v));
	CHECK_EQ(-EINVAL, hvmd_logcap_parse("M", &v));
	CHECK_EQ(-EINVAL, hvmd_logcap_parse("-1", &v));
	CHECK_EQ(-EINVAL, hvmd_logcap_parse("1T", &v));
	CHECK_EQ(-EINVAL, hvmd_logcap_parse("1 M", &v));
	CHECK_EQ(-EINVAL, hvmd_logcap_parse("17179869184G", &v));
	CHECK_EQ(-EINVAL, hvmd_logcap_parse("99999999999999999999999", &v));
	CHECK_EQ(7, v);
}

static off_t size_of(const char *path)
{
	struct stat st;

	return stat(path, &st) < 0 ? -1 : st.st_size;
}

static void put(int fd, const char *s)
{
	CHECK_EQ((ssize_t)strlen(s), write(fd, s, strlen(s)));
}

static void test_apply(void)
{
	char path[128], old[140], buf[64] = {0};
	int fd, in;

	snprintf(path, sizeof(path), "%s/guest.log", dir);
	snprintf(old, sizeof(old), "%s.1", path);
	/* Missing file, no limit: nothing to do. */
	CHECK_EQ(0, hvmd_logcap_apply(path, 10));
	/* Opened as QEMU opens it, with O_APPEND. */
	fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0640);
	CHECK(fd >= 0);
	put(fd, "0123456789");
	CHECK_EQ(0, hvmd_logcap_apply(path, 10));
	CHECK_EQ(0, hvmd_logcap_apply(path, 0));
	CHECK_EQ(10, size_of(path));
	put(fd, "abc");
	CHECK_EQ(1, hvmd_logcap_apply(path, 10));
	CHECK_EQ(0, size_of(path));
	CHECK_EQ(13, size_of(old));
	/* The writer goes on at the start of the emptied file. */
	put(fd, "new line\n");
	CHECK_EQ(9, size_of(path));
	in = open(path, O_RDONLY);
	CHECK_EQ(9, read(in, buf, sizeof(buf) - 1));
	CHECK_EQ(0, strcmp(buf, "new line\n"));
	close(in);
	/* The next copy replaces the older one. */
	put(fd, "0123456789");
	CHECK_EQ(1, hvmd_logcap_apply(path, 10));
	CHECK_EQ(19, size_of(old));
	close(fd);
	/* Not a regular file: refused, left alone. */
	unlink(path);
	CHECK_EQ(0, mkdir(path, 0700));
	CHECK(hvmd_logcap_apply(path, 1) < 0);
	rmdir(path);
	/* A symlink is not followed. */
	CHECK_EQ(0, symlink(old, path));
	CHECK(hvmd_logcap_apply(path, 1) < 0);
	CHECK_EQ(19, size_of(old));
	unlink(path);
	unlink(old);
}

int main(void)
{
	snprintf(dir, sizeof(dir), "/tmp/hvmd-logcap.XXXXXX");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	HVM_TEST(test_parse);
	HVM_TEST(test_apply);
	rmdir(dir);
	return hvm_test_summary();
}
