/* SPDX-License-Identifier: GPL-2.0-only */
/* The guest xenstore ring fuzz target's input format (ring_fuzz.c). */
#ifndef XENSTORED_RING_FUZZ_H
#define XENSTORED_RING_FUZZ_H

#include <stddef.h>
#include <stdint.h>

/*
 * An input is a list of steps, each one opcode byte and its operands:
 *   0: the guest appends N (next byte) bytes that follow to its requests
 *   1: the guest appends a request header: type, length (2 bytes), then
 *      that many payload bytes that follow, as a well-framed message
 *   2: the guest reads up to N (next byte) * 8 reply bytes
 *   3: the guest sets one of the four indexes (next byte & 3) to the
 *      32-bit value that follows
 *   4: the daemon's round: ring_pull, then ring_push
 * anything else: a daemon round. A connection the target killed is
 * replaced by a fresh one, as a domain introduced again.
 */
enum ring_fuzz_op {
	RING_FUZZ_BYTES,
	RING_FUZZ_REQUEST,
	RING_FUZZ_TAKE,
	RING_FUZZ_INDEX,
	RING_FUZZ_ROUND,
};

/* libFuzzer's entry point: runs one input; always returns 0. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif /* XENSTORED_RING_FUZZ_H */
