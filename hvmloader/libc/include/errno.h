/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hvmloader's mini libc: the errno values its functions return (negated),
 * numbered as on Linux. There is no errno variable.
 */
#ifndef HVMLOADER_LIBC_ERRNO_H
#define HVMLOADER_LIBC_ERRNO_H

#define ENOENT 2
#define E2BIG 7
#define ENOMEM 12
#define EFAULT 14
#define ENODEV 19
#define EINVAL 22
#define ENOSPC 28
#define ENOSYS 38

#endif /* HVMLOADER_LIBC_ERRNO_H */
