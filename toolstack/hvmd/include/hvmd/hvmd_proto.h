/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The hvmd socket protocol, shared by hvmd and hvmctl: a line codec and
 * the names of verbs, response kinds and exit codes. It does no I/O policy
 * beyond reading and writing whole lines on a blocking descriptor.
 *
 * One request per connection. The client sends one line: fields separated
 * by one TAB, ended by LF; the first field is the verb. hvmd answers with
 * any number of lines and closes the connection. Each answer line is
 * fields separated by TAB; its first field says what it is:
 *   data  FIELD...         a result ("domain key=value key=value ...")
 *   msg   TEXT             a warning or note for the user (to stderr)
 *   ok                     last line: the request succeeded
 *   error CODE TEXT        last line: it failed; CODE is hvmctl's exit
 *                          status (1 operation failed, 2 usage/config)
 * Fields never contain TAB, LF or other control characters; the codec
 * refuses them. Lines are at most HVMD_PROTO_LINE_MAX bytes with the LF.
 */
#ifndef HVMD_HVMD_PROTO_H
#define HVMD_HVMD_PROTO_H

#include <stddef.h>

#define HVMD_PROTO_LINE_MAX 16384
#define HVMD_PROTO_MAX_FIELDS 128

#define HVMD_EXIT_OK 0
#define HVMD_EXIT_FAILED 1
#define HVMD_EXIT_USAGE 2

/*
 * Splits @line (NUL-terminated, with or without a trailing LF) in place at
 * each TAB into @fields (room for @max). Returns the number of fields (at
 * least 1), -EINVAL if the line holds a control character other than TAB
 * or the final LF, or -E2BIG if there are more than @max fields.
 */
int hvmd_proto_split(char *line, char **fields, unsigned int max)
	__attribute__((warn_unused_result));

/*
 * Joins @nr fields with TABs and a final LF into @buf (@size bytes, NUL
 * added). Returns the line length, -EINVAL if a field holds a control
 * character, or -ENOSPC if it does not fit (or exceeds the line maximum).
 */
int hvmd_proto_join(char *buf, size_t size, const char *const *fields,
		    unsigned int nr) __attribute__((warn_unused_result));

/*
 * Finds "KEY=..." among @fields and returns what follows the '=', or NULL
 * if no field starts with @key and '='.
 */
const char *hvmd_proto_kv(char *const *fields, unsigned int nr,
			  const char *key);

/*
 * Reads one line from blocking @fd into @buf (@size bytes), without the
 * LF, NUL-terminated. Reads one byte at a time, so nothing after the LF
 * is consumed. Returns the length (0 for an empty line), -ENODATA at end
 * of file with nothing read,
 * -EMSGSIZE if the line does not fit, -EPROTO for a partial last line, or
 * a negative errno from read().
 */
int hvmd_proto_read_line(int fd, char *buf, size_t size)
	__attribute__((warn_unused_result));

/* Writes all @len bytes of @buf to @fd; 0 or a negative errno. */
int hvmd_proto_write_all(int fd, const char *buf, size_t len)
	__attribute__((warn_unused_result));

/*
 * Joins @fields and writes the line to @fd; 0 or a negative errno (see
 * hvmd_proto_join()).
 */
int hvmd_proto_send(int fd, const char *const *fields, unsigned int nr)
	__attribute__((warn_unused_result));

/* Copies @in into @out (@size bytes) with control characters as '?'. */
void hvmd_proto_sanitise(char *out, size_t size, const char *in);

#endif /* HVMD_HVMD_PROTO_H */
