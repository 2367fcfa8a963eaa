/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Keys that describe the domain itself: type/builder, name, uuid, memory,
 * vCPUs and their host CPUs, boot order, platform flags and the on_*
 * actions, plus the PV-only and device-model keys xl users carry over,
 * which are ignored with a warning saying why.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "cfg_keys_priv.h"
#include "cfg_value_priv.h"
#include "toolstack/domain_uuid.h"

static int key_type(struct cfg_ctx *c, const struct cfg_key *k,
		    const struct cfg_value *v)
{
	const char *s;

	if (cfg_value_string(c, v, &s))
		return -EINVAL;
	if (!strcmp(s, "hvm"))
		return 0;
	cfg_value_error(
		c, v,
		"'%s' is not supported: hvm runs HVM guests only; set %s = \"hvm\"",
		s, k->name);
	return -EINVAL;
}

static bool is_name_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	       (ch >= '0' && ch <= '9') || ch == '_' || ch == '-' || ch == '.';
}

/* Why @s cannot name a domain, or NULL if it can. */
static const char *name_problem(const char *s)
{
	size_t i, n = strlen(s), digits = 0;

	if (!n)
		return "the name is empty";
	if (n > DOMAIN_CONFIG_NAME_MAX)
		return "the name is longer than 63 characters";
	for (i = 0; i < n; i++) {
		if (!is_name_char(s[i]))
			return "use only letters, digits, '_', '-' and '.'";
		digits += s[i] >= '0' && s[i] <= '9';
	}
	if (s[0] == '-' || s[0] == '.')
		return "the name must not start with '-' or '.'";
	if (digits == n)
		return "an all-digit name would be read as a domain id; add a letter";
	if (!strcmp(s, "Domain-0"))
		return "Domain-0 is the host's name; pick another";
	return NULL;
}

static int key_name(struct cfg_ctx *c, const struct cfg_key *k,
		    const struct cfg_value *v)
{
	const char *s, *why;

	(void)k;
	if (cfg_value_string(c, v, &s))
		return -EINVAL;
	why = name_problem(s);
	if (why) {
		cfg_value_error(c, v, "bad name '%.80s': %s", s, why);
		return -EINVAL;
	}
	return cfg_value_dup(c, v, &c->cfg->name);
}

static int key_uuid(struct cfg_ctx *c, const struct cfg_key *k,
		    const struct cfg_value *v)
{
	const char *s;

	(void)k;
	if (cfg_value_string(c, v, &s))
		return -EINVAL;
	if (domain_uuid_parse(s, c->cfg->uuid)) {
		cfg_value_error(
			c, v,
			"'%.80s' is not a UUID; write 8-4-4-4-12 hex digits such as 6ba7b810-9dad-11d1-80b4-00c04fd430c8 (not all zeros), or leave uuid out for a random one",
			s);
		return -EINVAL;
	}
	c->cfg->uuid_generated = false;
	return 0;
}

/* Parses a CPU number below DOMAIN_CONFIG_MAX_HOST_CPUS; NULL if bad. */
static const char *cpu_number(const char *s, unsigned int *out)
{
	unsigned int n = 0;

	if (*s < '0' || *s > '9')
		return NULL;
	for (; *s >= '0' && *s <= '9'; s++) {
		n = n * 10 + (unsigned int)(*s - '0');
		if (n >= DOMAIN_CONFIG_MAX_HOST_CPUS)
			return NULL;
	}
	*out = n;
	return s;
}

static void cpus_update(struct domain_cpumap *m, unsigned int lo,
			unsigned int hi, bool clear)
{
	for (; lo <= hi; lo++) {
		if (clear)
			m->bits[lo / 64] &= ~(1ULL << (lo % 64));
		else
			m->bits[lo / 64] |= 1ULL << (lo % 64);
	}
}

/* One "N", "N-M", "^N" or "^N-M" item ending at ',' or the NUL. */
static const char *cpus_item(const char *s, struct domain_cpumap *m)
{
	bool clear = *s == '^';
	unsigned int lo, hi;

	s = cpu_number(s + clear, &lo);
	if (!s)
		return NULL;
	hi = lo;
	if (*s == '-' && !(s = cpu_number(s + 1, &hi)))
		return NULL;
	if (hi < lo || (*s && *s != ','))
		return NULL;
	cpus_update(m, lo, hi, clear);
	return *s ? s + 1 : s;
}

static int key_cpus(struct cfg_ctx *c, const struct cfg_key *k,
		    const struct cfg_value *v)
{
	struct domain_cpumap m = {0};
	const char *s, *p;
	unsigned int i, any = 0;

	(void)k;
	if (v->kind == CFG_VAL_LIST) {
		cfg_value_error(
			c, v,
			"per-vCPU lists are not supported; give one string for all vCPUs, e.g. cpus = \"0-3\"");
		return -EINVAL;
	}
	if (cfg_value_string(c, v, &s))
		return -EINVAL;
	if (!strcmp(s, "all")) {
		c->cfg->cpus = m;
		return 0;
	}
	/* A list starting with an exclusion excludes from all CPUs. */
	if (*s == '^')
		cpus_update(&m, 0, DOMAIN_CONFIG_MAX_HOST_CPUS - 1, false);
	for (p = s; p && *p;)
		p = cpus_item(p, &m);
	for (i = 0; i < DOMAIN_CONFIG_MAX_HOST_CPUS / 64; i++)
		any |= m.bits[i] != 0;
	if (!p || !*s || !any) {
		cfg_value_error(
			c, v,
			"bad CPU list '%.80s'; write \"all\" or CPU numbers below %d such as \"0-3,6,^2\"",
			s, DOMAIN_CONFIG_MAX_HOST_CPUS);
		return -EINVAL;
	}
	m.set = true;
	c->cfg->cpus = m;
	return 0;
}

/*
 * localtime and rtc_timeoffset are kept with the domain but not applied
 * yet: the guest's clock would need QEMU's RTC base and an offset on the
 * Xen wall clock that KVM keeps. Anything but the default warns.
 */
#define RTC_UTC_ONLY                                                           \
	"not honoured yet: the guest's RTC and Xen wall clock run on the host's UTC time"

static int key_localtime(struct cfg_ctx *c, const struct cfg_key *k,
			 const struct cfg_value *v)
{
	int rc = cfg_keys_set_bool(c, k, v);

	if (!rc && c->cfg->localtime)
		cfg_value_warn(c, v, "localtime=1 is %s", RTC_UTC_ONLY);
	return rc;
}

static int key_rtc_timeoffset(struct cfg_ctx *c, const struct cfg_key *k,
			      const struct cfg_value *v)
{
	int rc = cfg_keys_set_s64(c, k, v);

	if (!rc && c->cfg->rtc_timeoffset)
		cfg_value_warn(c, v, "an offset is %s", RTC_UTC_ONLY);
	return rc;
}

static int key_hap(struct cfg_ctx *c, const struct cfg_key *k,
		   const struct cfg_value *v)
{
	bool b;

	(void)k;
	if (cfg_value_bool(c, v, &b))
		return -EINVAL;
	c->cfg->hap = b ? DOMAIN_HAP_ON : DOMAIN_HAP_OFF;
	return 0;
}

static int key_boot(struct cfg_ctx *c, const struct cfg_key *k,
		    const struct cfg_value *v)
{
	const char *s;
	size_t i, n;

	(void)k;
	if (cfg_value_string(c, v, &s))
		return -EINVAL;
	n = strlen(s);
	for (i = 0; i < n; i++) {
		if (s[i] == 'a' || s[i] == 'b') {
			cfg_value_error(
				c, v,
				"'%c' (floppy) is not supported: no floppy drive is emulated; use c (disk), d (CD-ROM) and n (network)",
				s[i]);
			return -EINVAL;
		}
		if (!strchr("cdn", s[i]) || strchr(s + i + 1, s[i])) {
			cfg_value_error(
				c, v,
				"bad boot order '%.40s'; use the letters c (disk), d (CD-ROM), n (network), each at most once, e.g. boot = \"dc\"",
				s);
			return -EINVAL;
		}
	}
	if (!n) {
		cfg_value_error(c, v,
				"empty boot order; use e.g. boot = \"cd\"");
		return -EINVAL;
	}
	memcpy(c->cfg->boot, s, n + 1);
	return 0;
}

static int key_action(struct cfg_ctx *c, const struct cfg_key *k,
		      const struct cfg_value *v)
{
	static const char *const names[] = {
		"destroy",	  "restart",	      "preserve",
		"rename-restart", "coredump-destroy", "coredump-restart",
		"soft-reset",
	};
	enum domain_action *a = (enum domain_action *)((char *)c->cfg + k->off);
	unsigned int i;

	if (cfg_value_pick(c, v, names, 7, &i))
		return -EINVAL;
	if (i == 6) {
		cfg_value_error(
			c, v,
			"soft-reset is not supported (it needs PV drivers); use restart");
		return -EINVAL;
	}
	if (i >= 4)
		cfg_value_warn(
			c, v, "core dumps are not supported yet; %s acts as %s",
			names[i], names[i - 4]);
	*a = (enum domain_action)(i >= 4 ? i - 4 : i);
	return 0;
}

#define DM_FIXED                                                               \
	"ignored: hvm always runs Debian's qemu-system-xen (QEMU 7.2) as the device model"

static const struct cfg_key keys[] = {
	CFG_KEY("type", key_type),
	CFG_KEY("builder", key_type),
	CFG_KEY("name", key_name),
	CFG_KEY("uuid", key_uuid),
	CFG_KEY_RANGE("memory", cfg_keys_set_u64, memory_mib,
		      DOMAIN_CONFIG_MIN_MEMORY_MIB,
		      DOMAIN_CONFIG_MAX_MEMORY_MIB, "MiB"),
	CFG_KEY_RANGE("maxmem", cfg_keys_set_u64, maxmem_mib,
		      DOMAIN_CONFIG_MIN_MEMORY_MIB,
		      DOMAIN_CONFIG_MAX_MEMORY_MIB, "MiB"),
	CFG_KEY_RANGE("vcpus", cfg_keys_set_uint, vcpus, 1,
		      DOMAIN_CONFIG_MAX_VCPUS, NULL),
	CFG_KEY_RANGE("maxvcpus", cfg_keys_set_uint, maxvcpus, 1,
		      DOMAIN_CONFIG_MAX_VCPUS, NULL),
	CFG_KEY("cpus", key_cpus),
	CFG_KEY("boot", key_boot),
	CFG_KEY_AT("on_poweroff", key_action, on_poweroff),
	CFG_KEY_AT("on_reboot", key_action, on_reboot),
	CFG_KEY_AT("on_crash", key_action, on_crash),
	CFG_KEY_AT("acpi", cfg_keys_set_bool, acpi),
	CFG_KEY_AT("apic", cfg_keys_set_bool, apic),
	CFG_KEY_AT("pae", cfg_keys_set_bool, pae),
	CFG_KEY_AT("hpet", cfg_keys_set_bool, hpet),
	CFG_KEY("hap", key_hap),
	CFG_KEY_RANGE("max_grant_frames", cfg_keys_set_uint, max_grant_frames,
		      1, DOMAIN_CONFIG_MAX_GRANT_FRAMES,
		      "(hvm keeps at most 64 grant frames per domain)"),
	CFG_KEY_AT("localtime", key_localtime, localtime),
	CFG_KEY_RANGE("rtc_timeoffset", key_rtc_timeoffset, rtc_timeoffset,
		      INT32_MIN, INT32_MAX, "seconds"),
	CFG_KEY_HINT("bootloader", cfg_keys_warn,
		     "ignored: bootloaders run for PV guests only"),
	CFG_KEY_HINT("device_model_version", cfg_keys_warn, DM_FIXED),
	CFG_KEY_HINT("device_model_override", cfg_keys_warn, DM_FIXED),
	CFG_KEY_HINT("device_model", cfg_keys_warn, DM_FIXED),
};

const struct cfg_key_table cfg_keys_domain_table = {
	keys, sizeof(keys) / sizeof(keys[0])};
