/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A fake hvm-domain for the unit tests of our Xen libraries: one server
 * thread per fake domain on $HVM_RUN_DIR/<domid>/ctl (a temporary run
 * directory) that answers every op the libraries send, records each
 * request, and can be told to fail an op. Its memory is a memfd with
 * regions the test chooses; populate and relocate change them as
 * hvm-domain does. Remote event-channel ports 0..FAKE_MAX_PORTS-1 exist,
 * each an eventfd pair the test can signal and read.
 *
 * Test-only code: accessors are for the main (test) thread.
 */
#ifndef DEVICE_MODEL_XENLIB_FAKE_H
#define DEVICE_MODEL_XENLIB_FAKE_H

#include <stddef.h>
#include <stdint.h>

#include "hypervisor/ctl_proto.h"

#define FAKE_NR_VCPUS 2
#define FAKE_VCPU_PORT(i) (10 + (i))
#define FAKE_BUF_PORT 20
#define FAKE_MAX_PORTS 32
/* Initial memfd size, and the memfd page holding the ioreq pages. */
#define FAKE_MEM_PAGES 64
#define FAKE_IOREQ_PAGE 60
#define FAKE_PAGE 4096ULL

struct fake_dom;

/* Creates a temporary run directory and points HVM_RUN_DIR at it. */
void fake_rundir_init(void);
const char *fake_rundir(void);
/* Removes the run directory (all fakes must be stopped). */
void fake_rundir_cleanup(void);

/* Starts a fake hvm-domain for @domid; NULL (and a failed CHECK) if not. */
struct fake_dom *fake_start(uint32_t domid);
void fake_stop(struct fake_dom *f);

/* Makes @op answer @rc (a negative errno) from now on; 0 restores it. */
void fake_set_rc(struct fake_dom *f, uint16_t op, int rc);
/* How many @op requests arrived. */
unsigned int fake_count(struct fake_dom *f, uint16_t op);
/* Copies the payload of the last @op request (at most 32 bytes). */
void fake_last(struct fake_dom *f, uint16_t op, void *buf, size_t len);
/* Adds a guest-memory region: guest [gpa, gpa + size) is memfd [offset..). */
void fake_add_region(struct fake_dom *f, uint64_t gpa, uint64_t size,
		     uint64_t offset);
/* The same for the guest's grant-table frames (CTL_MEM_GRANT). */
void fake_add_grant_region(struct fake_dom *f, uint64_t gpa, uint64_t size,
			   uint64_t offset);
/* The memfd behind guest memory and the ioreq pages (owned by the fake). */
int fake_memfd(struct fake_dom *f);
/* Reads or writes the byte at memfd offset @off (a CHECK fails if not). */
uint8_t fake_memfd_byte(struct fake_dom *f, uint64_t off);
void fake_memfd_put(struct fake_dom *f, uint64_t off, uint8_t b);
/* The eventfds of remote port @port: hypervisor-to-DM and DM-to-hypervisor. */
int fake_notify_fd(struct fake_dom *f, uint32_t port);
int fake_done_fd(struct fake_dom *f, uint32_t port);

/* The protection of the page at @addr from /proc/self/maps ("rw-s"...). */
void fake_page_prot(const void *addr, char prot[5]);

#endif /* DEVICE_MODEL_XENLIB_FAKE_H */
