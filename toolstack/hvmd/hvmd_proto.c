/* SPDX-License-Identifier: GPL-2.0-only */
/* The hvmd line codec (hvmd_proto.h): split, join, read and write lines. */
#include "hvmd/hvmd_proto.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

static int is_ctl(unsigned char c)
{
	return c < 0x20 || c == 0x7f;
}

int hvmd_proto_split(char *line, char **fields, unsigned int max)
{
	size_t len = strlen(line);
	unsigned int nr = 0;
	char *p = line;
	size_t i;

	if (len && line[len - 1] == '\n')
		line[--len] = '\0';
	for (i = 0; i < len; i++)
		if (is_ctl((unsigned char)line[i]) && line[i] != '\t')
			return -EINVAL;
	for (;;) {
		char *tab = strchr(p, '\t');

		if (nr >= max)
			return -E2BIG;
		fields[nr++] = p;
		if (!tab)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	return (int)nr;
}

int hvmd_proto_join(char *buf, size_t size, const char *const *fields,
		    unsigned int nr)
{
	size_t off = 0;
	unsigned int i;

	if (size > HVMD_PROTO_LINE_MAX + 1)
		size = HVMD_PROTO_LINE_MAX + 1;
	for (i = 0; i < nr; i++) {
		const char *f = fields[i] ? fields[i] : "";
		size_t n = strlen(f), j;

		for (j = 0; j < n; j++)
			if (is_ctl((unsigned char)f[j]))
				return -EINVAL;
		/* room for the field, a separator or LF, and the NUL */
		if (n + 2 > size - off)
			return -ENOSPC;
		memcpy(buf + off, f, n);
		off += n;
		buf[off++] = i + 1 < nr ? '\t' : '\n';
	}
	if (nr == 0) {
		if (size < 2)
			return -ENOSPC;
		buf[off++] = '\n';
	}
	buf[off] = '\0';
	return (int)off;
}

const char *hvmd_proto_kv(char *const *fields, unsigned int nr, const char *key)
{
	size_t klen = strlen(key);
	unsigned int i;

	for (i = 0; i < nr; i++)
		if (!strncmp(fields[i], key, klen) && fields[i][klen] == '=')
			return fields[i] + klen + 1;
	return NULL;
}

int hvmd_proto_read_line(int fd, char *buf, size_t size)
{
	size_t len = 0;

	for (;;) {
		char c;
		ssize_t r = read(fd, &c, 1);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -errno;
		if (r == 0)
			return len ? -EPROTO : -ENODATA;
		if (c == '\n')
			break;
		if (len + 1 >= size)
			return -EMSGSIZE;
		buf[len++] = c;
	}
	buf[len] = '\0';
	return (int)len;
}

int hvmd_proto_write_all(int fd, const char *buf, size_t len)
{
	while (len) {
		ssize_t r = write(fd, buf, len);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -errno;
		buf += r;
		len -= (size_t)r;
	}
	return 0;
}

int hvmd_proto_send(int fd, const char *const *fields, unsigned int nr)
{
	char line[HVMD_PROTO_LINE_MAX + 1];
	int n = hvmd_proto_join(line, sizeof(line), fields, nr);

	if (n < 0)
		return n;
	return hvmd_proto_write_all(fd, line, (size_t)n);
}

void hvmd_proto_sanitise(char *out, size_t size, const char *in)
{
	size_t i;

	if (!size)
		return;
	for (i = 0; in[i] && i + 1 < size; i++)
		out[i] = is_ctl((unsigned char)in[i]) ? '?' : in[i];
	out[i] = '\0';
}
