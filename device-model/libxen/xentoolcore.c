/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libxentoolcore.so.1 (dm-abi.md 2.7): the public xentoolcore_restrict_all
 * and the three internal calls Debian's libxenstore.so.4 makes (it fails to
 * load without them). Libraries register an "active handle" (a restrict
 * callback and a list link, embedded in their own handle) on open and
 * deregister it on close; we keep the list but do not call the callbacks:
 * our other libraries cannot restrict themselves, and cutting QEMU off
 * xenstore alone would only break it. restrict_all therefore succeeds
 * without effect; do not pass -xen-domid-restrict to QEMU.
 */
#define _GNU_SOURCE
#include "xenlib_priv.h"

#include <fcntl.h>
#include <unistd.h>

#pragma GCC visibility push(default)
#include <xentoolcore.h>
#pragma GCC visibility pop

struct xentoolcore_active_handle;

typedef int xentoolcore_restrict_fn(struct xentoolcore_active_handle *ah,
				    domid_t domid);

/*
 * Layout of libxenstore's embedded handle (dm-abi.md 2.7): the callback,
 * then a list entry of "next" and "address of the previous next". We own
 * the entry while the handle is registered and never free the handle.
 */
struct xentoolcore_active_handle {
	xentoolcore_restrict_fn *restrict_callback;
	struct xentoolcore_active_handle *next;
	struct xentoolcore_active_handle **prev_next;
};

#pragma GCC visibility push(default)
void xentoolcore__register_active_handle(struct xentoolcore_active_handle *ah);
void xentoolcore__deregister_active_handle(
	struct xentoolcore_active_handle *ah);
int xentoolcore__restrict_by_dup2_null(int fd);
#pragma GCC visibility pop

static pthread_mutex_t handles_lock = PTHREAD_MUTEX_INITIALIZER;
static struct xentoolcore_active_handle *handles;

void xentoolcore__register_active_handle(struct xentoolcore_active_handle *ah)
{
	if (!ah)
		return;
	pthread_mutex_lock(&handles_lock);
	ah->next = handles;
	ah->prev_next = &handles;
	if (handles)
		handles->prev_next = &ah->next;
	handles = ah;
	pthread_mutex_unlock(&handles_lock);
}

void xentoolcore__deregister_active_handle(struct xentoolcore_active_handle *ah)
{
	if (!ah)
		return;
	pthread_mutex_lock(&handles_lock);
	if (!ah->prev_next) { /* not registered */
		pthread_mutex_unlock(&handles_lock);
		return;
	}
	*ah->prev_next = ah->next;
	if (ah->next)
		ah->next->prev_next = ah->prev_next;
	ah->next = NULL;
	ah->prev_next = NULL;
	pthread_mutex_unlock(&handles_lock);
}

int xentoolcore__restrict_by_dup2_null(int fd)
{
	int null_fd, r, rc = 0;

	null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	if (null_fd < 0)
		return -1;
	/* @fd was not open and /dev/null took its number: done. */
	if (null_fd == fd)
		return 0;
	do {
		r = dup3(null_fd, fd, O_CLOEXEC);
	} while (r < 0 && errno == EINTR);
	if (r < 0)
		rc = -errno;
	close(null_fd);
	return xenlib_ret(rc);
}

int xentoolcore_restrict_all(domid_t domid)
{
	xenlib_log(
		XENLIB_LOG_WARN, domid,
		"xentoolcore_restrict_all: restriction is not supported; the device model keeps its access");
	return 0;
}
