/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Keeping guest-written log files bounded. QEMU appends the guest's serial
 * output to LOG/console/NAME.log as fast as the guest writes it; a guest
 * printing in a loop would fill the host's disk. hvmd checks the file's
 * size now and then and, past the limit, copies it to NAME.log.1
 * (replacing an older one) and truncates it: logrotate's "copytruncate",
 * which works because QEMU opens the file with O_APPEND. At most twice the
 * limit stays on disk; bytes the guest writes between the copy and the
 * truncation are lost, as with logrotate.
 */
#ifndef HVMD_LOGCAP_H
#define HVMD_LOGCAP_H

#include <stdint.h>

/*
 * Parses a size limit: a whole number of bytes with an optional K, M or G
 * suffix (powers of 1024); "0" means no limit. 0 or -EINVAL.
 */
int hvmd_logcap_parse(const char *s, uint64_t *out)
	__attribute__((warn_unused_result));

/*
 * If @path is larger than @max bytes (and @max is not 0), moves its
 * contents to @path.1 and empties it. Returns 1 if it did, 0 if the file
 * was within the limit or missing, or a negative errno.
 */
int hvmd_logcap_apply(const char *path, uint64_t max)
	__attribute__((warn_unused_result));

#endif /* HVMD_LOGCAP_H */
