/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A deterministic fuzz test, meant for ASan+UBSan builds: random bytes,
 * truncations and token-level mutations of real configs, huge nesting,
 * random overrides, and random disk and vif specs. Nothing may crash or
 * leak, every result is 0 or -EINVAL, and any config that loads must
 * serialise to text that loads back to the same text.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "config_test_util.h"
#include "toolstack/disk_spec.h"
#include "toolstack/vif_spec.h"

#define SEED 0x5eed0f1e1dULL
#define ROUNDS 5000
#define MAX_INPUT 2048

static uint64_t rng = SEED;

/* xorshift64*: small, fast and the same everywhere. */
static uint64_t next_random(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 0x2545f4914f6cdd1dULL;
}

static unsigned int below(unsigned int n)
{
	return n ? (unsigned int)(next_random() % n) : 0;
}

static const char *const pieces[] = {
	"[",
	"]",
	"'",
	"\"",
	"\\",
	",",
	"=",
	"+=",
	"\n",
	"#",
	";",
	" ",
	"0x",
	"-",
	"99999999999999999999999",
	"18446744073709551616",
	"\\x",
	"\\0",
	"\\\n",
	"name",
	"memory",
	"disk",
	"vif",
	"vga",
	"boot",
	"maxmem",
	"usbdevice",
	"cpus",
	"'hvm'",
	"'cd'",
	"hdc:cdrom",
	"tap:",
	"aio:",
	"target=",
	"vdev=",
	"format=",
	"devtype=cdrom",
	"mac=",
	"00:16:3e:00:00:01",
	"bridge=br0",
	"model=",
	"xvda",
	"hda",
	"raw",
	"qcow2",
	"'/x,,hda'",
	"',raw,hdc,cdrom'",
	"^",
	"0-3",
	"\0",
	"\xff",
	"\r\n",
};

static const char base[] =
	"name = 'fuzz'\nmemory = 256\nvcpus = 2\nboot = 'dc'\n"
	"disk = [ 'file:/srv/a.img,hda,w', ',raw,hdc,cdrom' ]\n"
	"vif = [ 'mac=00:16:3e:00:00:01,bridge=br0', 'model=e1000' ]\n"
	"vnclisten = '0.0.0.0:1'\nvga = 'stdvga'\nusbdevice = 'tablet'\n"
	"cpus = '0-3'\non_crash = 'preserve'\nserial = 'pty'\n";

static size_t add(char *buf, size_t n, const char *s, size_t len)
{
	if (len > MAX_INPUT - n)
		len = MAX_INPUT - n;
	memcpy(buf + n, s, len);
	return n + len;
}

/* Appends 1..16 random whole lines of the base config. */
static size_t shuffle_lines(char *buf)
{
	unsigned int i, nr = 1 + below(16), skip;
	const char *line, *end;
	size_t n = 0;

	for (i = 0; i < nr; i++) {
		line = base;
		for (skip = below(13); skip && strchr(line, '\n'); skip--)
			line = strchr(line, '\n') + 1;
		end = strchr(line, '\n');
		n = add(buf, n, line,
			end ? (size_t)(end - line) + 1 : strlen(line));
	}
	return n;
}

/* Builds an input from random pieces and a slice of the base config. */
static size_t make_input(char *buf)
{
	unsigned int i, nr = below(64);
	size_t n = 0, cut = below(sizeof(base));
	const char *p;

	switch (below(4)) {
	case 3: /* Whole lines of the base config, dropped or repeated. */
		return shuffle_lines(buf);
	case 0: /* Random bytes. */
		n = below(MAX_INPUT);
		for (i = 0; i < n; i++)
			buf[i] = (char)next_random();
		return n;
	case 1: /* A truncated base config with random bytes flipped. */
		n = add(buf, 0, base, cut);
		for (i = 0; n && i < below(8); i++)
			buf[below((unsigned int)n)] = (char)next_random();
		return n;
	default: /* Base config with random pieces spliced in. */
		n = add(buf, 0, base, cut);
		for (i = 0; i < nr; i++) {
			p = pieces[below(sizeof(pieces) / sizeof(pieces[0]))];
			n = add(buf, n, p, *p ? strlen(p) : 1);
		}
		return add(buf, n, base + cut, sizeof(base) - 1 - cut);
	}
}

/* A loaded config must survive serialise -> load -> serialise. */
static void check_reload(void)
{
	struct domain_config again;
	struct config_diag d;
	char *t1 = NULL, *t2 = NULL;

	domain_config_init(&again);
	config_diag_init(&d);
	CHECK_EQ(0, domain_config_serialise(&cfg, &t1));
	if (!t1)
		return;
	CHECK_EQ(0, domain_config_load_buffer(&again, "state", t1, strlen(t1),
					      NULL, 0, &d));
	CHECK_EQ(0, domain_config_serialise(&again, &t2));
	CHECK(t2 && !strcmp(t1, t2));
	if (d.nr_errors)
		dump_diag(&d);
	free(t1);
	free(t2);
	domain_config_free(&again);
}

static void test_random_configs(void)
{
	static char buf[MAX_INPUT];
	unsigned int round, loaded = 0;
	size_t n;
	int rc;

	for (round = 0; round < ROUNDS; round++) {
		n = make_input(buf);
		config_diag_init(&diag);
		rc = domain_config_load_buffer(&cfg, "fuzz.cfg", buf, n, NULL,
					       0, &diag);
		CHECK(rc == 0 || rc == -EINVAL);
		CHECK_EQ(rc ? 1 : 0, diag.nr_errors ? 1 : 0);
		if (!rc) {
			loaded++;
			check_reload();
		}
		domain_config_free(&cfg);
	}
	/* The mutations must leave some configs valid, or this tests less. */
	printf("%u of %u random configs loaded and round-tripped\n", loaded,
	       ROUNDS);
	CHECK(loaded > ROUNDS / 20);
}

static void test_deep_nesting(void)
{
	size_t n = 100000;
	char *buf = malloc(n);

	CHECK(buf != NULL);
	if (!buf)
		return;
	memcpy(buf, "name = 'a'\ndisk = ", 18);
	memset(buf + 18, '[', n - 18);
	CHECK_EQ(-EINVAL, load_cfg(&cfg, &diag, "", NULL, 0));
	config_diag_init(&diag);
	CHECK_EQ(-EINVAL, domain_config_load_buffer(&cfg, "deep.cfg", buf, n,
						    NULL, 0, &diag));
	CHECK_DIAG(&diag, "deep.cfg:2: disk: lists nested more than 4 deep");
	free(buf);
}

static void random_text(char *buf, size_t size)
{
	size_t n = 0;
	unsigned int i, nr = below(12);
	const char *p;

	for (i = 0; i < nr; i++) {
		p = pieces[below(sizeof(pieces) / sizeof(pieces[0]))];
		if (!*p || strlen(p) >= size - n)
			continue;
		memcpy(buf + n, p, strlen(p));
		n += strlen(p);
	}
	buf[n] = '\0';
}

static void test_random_overrides(void)
{
	char a[128], b[128];
	const char *ov[2] = {a, b};
	unsigned int round;
	int rc;

	for (round = 0; round < ROUNDS / 3; round++) {
		random_text(a, sizeof(a));
		random_text(b, sizeof(b));
		rc = domain_config_load_buffer(&cfg, "o.cfg", base,
					       sizeof(base) - 1, ov, 2, &diag);
		CHECK(rc == 0 || rc == -EINVAL);
		domain_config_free(&cfg);
	}
}

static void test_random_specs(void)
{
	char spec[128], err[256];
	struct domain_disk d;
	struct domain_vif v;
	unsigned int round;
	int rc;

	for (round = 0; round < ROUNDS; round++) {
		random_text(spec, sizeof(spec));
		rc = disk_spec_parse(spec, &d, err, sizeof(err));
		CHECK(rc == 0 || (rc == -EINVAL && err[0]));
		disk_spec_clear(&d);
		rc = vif_spec_parse(spec, &v, err, sizeof(err));
		CHECK(rc == 0 || (rc == -EINVAL && err[0]));
		vif_spec_clear(&v);
	}
}

int main(void)
{
	domain_config_init(&cfg);
	HVM_TEST(test_random_configs);
	HVM_TEST(test_deep_nesting);
	HVM_TEST(test_random_overrides);
	HVM_TEST(test_random_specs);
	domain_config_free(&cfg);
	return hvm_test_summary();
}
