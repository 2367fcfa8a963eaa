/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A driver for the ring fuzz target without libFuzzer, run as a unit test
 * under the sanitizers: deterministic pseudo-random inputs, mostly
 * well-framed requests of the types a guest sends (paths under its home,
 * watches, transactions) with daemon rounds and reads between them, now
 * and then raw bytes or an index set to anything. Any failure is the
 * sanitizers' report or an abort() in the target.
 */
#include "ring_fuzz.h"

#include <stdio.h>
#include <string.h>

#include <xen/io/xs_wire.h>

#include "hvm_test.h"

#define INPUTS 5000
#define MAX_STEPS 40

static uint64_t state = 0x2545f4914f6cdd1dULL;

static uint64_t next(void)
{
	return hvm_test_rand(&state);
}

static const uint8_t types[] = {
	XS_READ,
	XS_WRITE,
	XS_MKDIR,
	XS_RM,
	XS_DIRECTORY,
	XS_GET_PERMS,
	XS_SET_PERMS,
	XS_WATCH,
	XS_UNWATCH,
	XS_TRANSACTION_START,
	XS_TRANSACTION_END,
	XS_GET_DOMAIN_PATH,
	XS_INTRODUCE,
	XS_RELEASE,
	XS_DIRECTORY_PART,
	XS_RESET_WATCHES,
};

static const char *const paths[] = {
	"name",
	"control/shutdown",
	"/local/domain/5/data/x",
	"/secret",
	"/local/domain/7",
	"device",
	"@releaseDomain",
	"/",
	"data/a/b/c",
};

/* One step at @p; returns its length. */
static size_t step(uint8_t *p, size_t room)
{
	uint64_t r = next();
	const char *path;
	size_t n, len;

	switch (r & 15) {
	case 0: /* raw bytes */
		n = (r >> 8) % 40;
		if (n + 2 > room)
			return 0;
		p[0] = 0;
		p[1] = (uint8_t)n;
		for (len = 0; len < n; len++)
			p[2 + len] = (uint8_t)next();
		return n + 2;
	case 1: /* an index */
		if (room < 6)
			return 0;
		p[0] = 3;
		p[1] = (uint8_t)(r >> 8);
		n = (r >> 16) & 1 ? next() : (r >> 24) & 0x7ff;
		memcpy(p + 2, &n, 4);
		return 6;
	case 2:
	case 3: /* the guest reads */
		if (room < 2)
			return 0;
		p[0] = 2;
		p[1] = (uint8_t)(r >> 8);
		return 2;
	case 4:
	case 5: /* the daemon's round */
		p[0] = 4;
		return 1;
	default: /* a request: a path, a NUL, maybe a value */
		path = paths[(r >> 8) % (sizeof(paths) / sizeof(paths[0]))];
		n = strlen(path) + 1;
		len = n + ((r >> 16) & 1 ? (r >> 20) % 24 : 0);
		if (len + 4 > room)
			return 0;
		p[0] = 1;
		p[1] = types[(r >> 32) % sizeof(types)];
		p[2] = (uint8_t)len;
		p[3] = 0;
		memcpy(p + 4, path, n);
		memset(p + 4 + n, (r >> 40) & 1 ? 'v' : 0, len - n);
		return len + 4;
	}
}

int main(void)
{
	static uint8_t buf[MAX_STEPS * 64];
	unsigned int k, steps;
	size_t len, n;

	for (k = 0; k < INPUTS; k++) {
		steps = (unsigned int)(next() % MAX_STEPS);
		len = 0;
		while (steps--) {
			n = step(buf + len, sizeof(buf) - len);
			if (!n)
				break;
			len += n;
		}
		LLVMFuzzerTestOneInput(buf, len);
	}
	printf("%u inputs, 0 failed\n", k);
	return 0;
}
