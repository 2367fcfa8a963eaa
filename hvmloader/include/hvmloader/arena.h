/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A bump allocator over a piece of guest memory seen through a host
 * pointer. The table builders (ACPI, MP, SMBIOS, E820, ...) allocate from
 * arenas and write guest-physical addresses into the tables, so the same
 * code runs inside hvmloader (host pointer = guest address) and in host
 * unit tests (host pointer = a test buffer standing for the guest range).
 */
#ifndef HVMLOADER_ARENA_H
#define HVMLOADER_ARENA_H

#include <stddef.h>
#include <stdint.h>

struct arena {
	uint8_t *host; /* what guest address gpa looks like to us */
	uint32_t gpa;
	uint32_t size;
	uint32_t used;
};

/* An empty arena for guest range [@gpa, @gpa + @size) at @host. */
void arena_init(struct arena *a, void *host, uint32_t gpa, uint32_t size);

/*
 * Takes @size bytes aligned to @align (a power of two, at least 1), zeroes
 * them and returns their host pointer, with the guest address in *@gpa if
 * @gpa is not NULL. Returns NULL, changing nothing, if they do not fit.
 */
void *arena_alloc(struct arena *a, uint32_t size, uint32_t align,
		  uint32_t *gpa);

/* The host pointer of guest range [@gpa, @gpa + @len) if inside @a. */
void *arena_ptr(const struct arena *a, uint32_t gpa, uint32_t len);

/* The first guest address past the allocated part. */
uint32_t arena_end(const struct arena *a);

#endif /* HVMLOADER_ARENA_H */
