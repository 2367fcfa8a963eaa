/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * SeaBIOS reads the DSDT with a small AML walker to learn whether a PS/2
 * keyboard (PNP0303) exists, and skips PS/2 setup only if it is sure there
 * is none (firmware.md 2.12). Its walker accepts only a subset of AML at
 * declaration level: Name, Scope, Device, Method, Buffer, Package, Field,
 * Processor, Mutex, PowerResource, ThermalZone, OperationRegion with
 * constant integer operands, and integer and string constants; anything
 * else ends the walk of that scope. This test walks our DSDT under the
 * same rules (an independent walker written from ACPI 6.5 chapter 20)
 * and requires a clean walk that finds the keyboard device.
 */
#include <stdbool.h>
#include <string.h>

#include "hvm_test.h"
#include "hvmloader/acpi_tables.h"
#include "hvmloader/dsdt.h"

#define MAX_DEPTH 16
/* EisaId ("PNP0303") as iasl stores it: DWordPrefix 0x0303D041. */
static const uint8_t kbd_hid[] = {0x0c, 0x41, 0xd0, 0x03, 0x03};

struct walker {
	unsigned int depth;
	bool error;
	unsigned int devices;
	bool kbd;
};

/* PkgLength (20.2.4): returns its encoded size, the length in *@len. */
static uint32_t pkg_length(const uint8_t *p, uint32_t *len)
{
	uint32_t extra = p[0] >> 6, i;

	if (!extra) {
		*len = p[0] & 0x3f;
		return 1;
	}
	*len = p[0] & 0x0f;
	for (i = 1; i <= extra; i++)
		*len |= (uint32_t)p[i] << (4 + 8 * (i - 1));
	return extra + 1;
}

static uint32_t name_string(struct walker *w, const uint8_t *p)
{
	uint32_t n = 0;

	while (p[n] == '\\' || p[n] == '^')
		n++;
	if (p[n] == 0x00)
		return n + 1;
	if (p[n] == 0x2e)
		return n + 1 + 8;
	if (p[n] == 0x2f)
		return n + 2 + 4u * p[n + 1];
	if ((p[n] >= 'A' && p[n] <= 'Z') || p[n] == '_')
		return n + 4;
	w->error = true;
	return n + 1;
}

/* Only constant integers: what SeaBIOS evaluates in OperationRegion. */
static uint32_t int_const(struct walker *w, const uint8_t *p)
{
	static const uint8_t sizes[] = {[0x0a] = 2, [0x0b] = 3, [0x0c] = 5};

	if (p[0] == 0x00 || p[0] == 0x01)
		return 1;
	if (p[0] < sizeof(sizes) && sizes[p[0]])
		return sizes[p[0]];
	w->error = true;
	return 1;
}

static void term_list(struct walker *w, const uint8_t *p, uint32_t off,
		      uint32_t end);

/* A Scope or Device at @p (after the opcode); returns its length. */
static uint32_t named_pkg(struct walker *w, const uint8_t *p, bool device)
{
	uint32_t len, off = pkg_length(p, &len);

	off += name_string(w, p + off);
	if (device)
		w->devices++;
	term_list(w, p, off, len);
	return len;
}

static uint32_t ext_term(struct walker *w, const uint8_t *p)
{
	uint32_t len, off = 1;

	switch (p[0]) {
	case 0x01: /* Mutex */
		return 1 + name_string(w, p + 1) + 1;
	case 0x80: /* OperationRegion */
		off += name_string(w, p + off) + 1;
		off += int_const(w, p + off);
		return off + int_const(w, p + off);
	case 0x81: /* Field, Processor, PowerResource, ThermalZone */
	case 0x83:
	case 0x84:
	case 0x85:
		pkg_length(p + 1, &len);
		return 1 + len;
	case 0x82:
		return 1 + named_pkg(w, p + 1, true);
	default:
		w->error = true;
		return 1;
	}
}

static uint32_t term(struct walker *w, const uint8_t *p)
{
	uint32_t len, n;

	switch (p[0]) {
	case 0x00:
	case 0x01:
	case 0x0a:
	case 0x0b:
	case 0x0c:
		return int_const(w, p);
	case 0x08: /* Name */
		n = 1 + name_string(w, p + 1);
		if (!memcmp(p + 1, "_HID", 4) && !memcmp(p + n, kbd_hid, 5))
			w->kbd = true;
		return n + term(w, p + n);
	case 0x0d: /* String */
		return 2 + (uint32_t)strlen((const char *)p + 1);
	case 0x10:
		return 1 + named_pkg(w, p + 1, false);
	case 0x11: /* Buffer: the size must be a constant */
		n = pkg_length(p + 1, &len);
		int_const(w, p + 1 + n);
		return 1 + len;
	case 0x12: /* Package, VarPackage, Method: skipped whole */
	case 0x13:
	case 0x14:
		pkg_length(p + 1, &len);
		return 1 + len;
	case 0x5b:
		return 1 + ext_term(w, p + 1);
	default:
		w->error = true;
		return 1;
	}
}

static void term_list(struct walker *w, const uint8_t *p, uint32_t off,
		      uint32_t end)
{
	if (++w->depth > MAX_DEPTH) {
		w->error = true;
		return;
	}
	while (off < end && !w->error)
		off += term(w, p + off);
	if (off != end)
		w->error = true;
	w->depth--;
}

static void test_seabios_subset(void)
{
	struct walker w = {0};
	uint32_t start = sizeof(struct acpi_header);

	term_list(&w, dsdt_aml, start, dsdt_aml_len);
	CHECK(!w.error);
	CHECK(w.kbd);
	/* PCI0, ISA, 11 devices behind ISA, HPET, 4 links. */
	CHECK_EQ(18, w.devices);
}

static void test_walker_rejects(void)
{
	/* OperationRegion with a name as its offset, as SeaBIOS refuses. */
	static const uint8_t bad[] = {0x5b, 0x80, 'B', 'I', 'O',  'S', 0x00,
				      'B',  'I',  'A', 'D', 0x0a, 0x20};
	struct walker w = {0};

	term_list(&w, bad, 0, sizeof(bad));
	CHECK(w.error);
}

int main(void)
{
	HVM_TEST(test_seabios_subset);
	HVM_TEST(test_walker_rejects);
	return hvm_test_summary();
}
