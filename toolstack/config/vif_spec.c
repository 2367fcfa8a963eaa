/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Network interface specifications (vif_spec.h), per
 * xl-network-configuration(5). The NIC model defaults to rtl8139, xl's
 * default for HVM guests, so configs behave the same under xl and hvm;
 * ne2k_pci and e1000 are the other models QEMU offers here. type=vif asks
 * for a PV-only NIC and is refused until PV drivers exist. rate, backend,
 * gatewaydev and accel are refused rather than silently dropped.
 */
#include "toolstack/vif_spec.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg_random_priv.h"

/* Limits for ip= (informational; xl passes it to hotplug scripts). */
#define VIF_IP_MAX 255
#define VIF_MTU_MIN 68
#define VIF_MTU_MAX 65535

struct parse {
	struct domain_vif *v;
	char *err;
	size_t err_size;
	unsigned int seen; /* bit per entry of params[] */
};

typedef int param_fn(struct parse *p, const char *val);

static int fail(struct parse *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int fail(struct parse *p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(p->err, p->err_size, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int vif_spec_mac_parse(const char *s, uint8_t mac[6])
{
	uint8_t m[6], any = 0;
	int hi, lo;
	size_t i;

	if (strnlen(s, VIF_SPEC_MAC_STR_LEN + 1) != VIF_SPEC_MAC_STR_LEN)
		return -EINVAL;
	for (i = 0; i < 6; i++) {
		hi = hex_digit(s[i * 3]);
		lo = hex_digit(s[i * 3 + 1]);
		if (hi < 0 || lo < 0 || (i < 5 && s[i * 3 + 2] != ':'))
			return -EINVAL;
		m[i] = (uint8_t)(hi << 4 | lo);
		any |= m[i];
	}
	/* Bit 0 of the first octet marks a group address (IEEE 802-2014 8.2).
	 */
	if (!any || (m[0] & 1))
		return -EINVAL;
	memcpy(mac, m, sizeof(m));
	return 0;
}

void vif_spec_mac_format(const uint8_t mac[6],
			 char out[VIF_SPEC_MAC_STR_LEN + 1])
{
	snprintf(out, VIF_SPEC_MAC_STR_LEN + 1, "%02x:%02x:%02x:%02x:%02x:%02x",
		 mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
}

int vif_spec_mac_generate(uint8_t mac[6])
{
	int rc;

	mac[0] = 0x00;
	mac[1] = 0x16;
	mac[2] = 0x3e;
	rc = cfg_random_bytes(mac + 3, 3);
	if (rc)
		memset(mac, 0, 6);
	return rc;
}

static int set_mac(struct parse *p, const char *val)
{
	if (vif_spec_mac_parse(val, p->v->mac))
		return fail(
			p,
			"bad mac '%.40s'; write six hex pairs such as 00:16:3e:12:34:56 (not multicast, not all zeros), or leave mac out for a random one",
			val);
	p->v->mac_generated = false;
	return 0;
}

static bool is_ifname(const char *s)
{
	size_t i, n = strlen(s);

	if (!n || n > DOMAIN_CONFIG_IFNAME_MAX || !strcmp(s, ".") ||
	    !strcmp(s, ".."))
		return false;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		      (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9') || strchr("_.-", s[i])))
			return false;
	return true;
}

static int set_ifname(struct parse *p, const char *what, const char *val,
		      char **dst)
{
	if (!is_ifname(val))
		return fail(
			p,
			"bad %s '%.40s'; use up to %d letters, digits, '_', '-' or '.'",
			what, val, DOMAIN_CONFIG_IFNAME_MAX);
	*dst = strdup(val);
	return *dst ? 0 : -ENOMEM;
}

static int set_bridge(struct parse *p, const char *val)
{
	return set_ifname(p, "bridge", val, &p->v->bridge);
}

static int set_vifname(struct parse *p, const char *val)
{
	return set_ifname(p, "vifname", val, &p->v->vifname);
}

static int set_model(struct parse *p, const char *val)
{
	const char *name;
	int i;

	for (i = 0; (name = domain_config_nic_name(i)) != NULL; i++) {
		if (!strcmp(val, name)) {
			p->v->model = (enum domain_nic_model)i;
			return 0;
		}
	}
	return fail(p, "unknown model '%.40s'; use rtl8139, ne2k_pci or e1000",
		    val);
}

static int set_type(struct parse *p, const char *val)
{
	if (!strcmp(val, "ioemu"))
		return 0;
	if (!strcmp(val, "vif"))
		return fail(
			p,
			"type=vif asks for a PV-only NIC, but PV drivers are not available yet; use type=ioemu or leave type out");
	return fail(p, "unknown type '%.40s'; use ioemu", val);
}

static int set_mtu(struct parse *p, const char *val)
{
	unsigned long n;
	char *end;

	if (val[0] < '0' || val[0] > '9')
		goto bad;
	errno = 0;
	n = strtoul(val, &end, 10);
	if (errno || *end || n < VIF_MTU_MIN || n > VIF_MTU_MAX)
		goto bad;
	p->v->mtu = (unsigned int)n;
	return 0;
bad:
	return fail(p, "bad mtu '%.40s'; use %d to %d", val, VIF_MTU_MIN,
		    VIF_MTU_MAX);
}

static int set_ip(struct parse *p, const char *val)
{
	size_t i, n = strlen(val);

	for (i = 0; i < n; i++)
		if (hex_digit(val[i]) < 0 && !strchr(".:/ ", val[i]))
			break;
	if (!n || n > VIF_IP_MAX || i < n)
		return fail(
			p,
			"bad ip '%.40s'; give IP addresses separated by spaces",
			val);
	p->v->ip = strdup(val);
	return p->v->ip ? 0 : -ENOMEM;
}

/*
 * hvmd runs the script as root: only a plain file name or path, so the
 * name cannot smuggle shell syntax, control characters or log lines.
 */
static int set_script(struct parse *p, const char *val)
{
	size_t n = strspn(val, "abcdefghijklmnopqrstuvwxyz"
			       "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/-");

	if (!*val)
		return fail(p, "empty script; leave script out");
	if (val[n] || strstr(val, ".."))
		return fail(
			p,
			"bad script '%.40s'; use a name or path of letters, digits and . _ / - without ..",
			val);
	p->v->script = strdup(val);
	return p->v->script ? 0 : -ENOMEM;
}

static int refuse(struct parse *p, const char *val)
{
	(void)val;
	return fail(
		p,
		"rate, backend, gatewaydev and accel are not supported; remove them");
}

static const struct {
	const char *key;
	param_fn *fn;
} params[] = {
	{"mac", set_mac},    {"bridge", set_bridge},   {"model", set_model},
	{"type", set_type},  {"vifname", set_vifname}, {"mtu", set_mtu},
	{"ip", set_ip},	     {"script", set_script},   {"rate", refuse},
	{"backend", refuse}, {"gatewaydev", refuse},   {"accel", refuse},
};

static int one_param(struct parse *p, char *param)
{
	char *eq = strchr(param, '=');
	unsigned int i;

	if (!eq)
		return fail(p,
			    "'%.40s' is not key=value; write e.g. bridge=br0",
			    param);
	*eq = '\0';
	for (i = 0; i < sizeof(params) / sizeof(params[0]); i++) {
		if (strcmp(param, params[i].key))
			continue;
		if (p->seen & (1u << i))
			return fail(p,
				    "%s given twice; give each parameter once",
				    param);
		p->seen |= 1u << i;
		return params[i].fn(p, eq + 1);
	}
	return fail(
		p,
		"unknown vif parameter '%.40s'; use mac, bridge, model, type, vifname, mtu, ip or script",
		param);
}

/* Strips blanks around the NUL-terminated @s in place. */
static char *trim(char *s)
{
	size_t n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

static int parse_params(struct parse *p, char *buf)
{
	char *s = buf, *end, *param;
	int rc;

	for (;;) {
		end = strchr(s, ',');
		if (end)
			*end = '\0';
		param = trim(s);
		/* Empty items (",," or a trailing comma) are harmless. */
		rc = *param ? one_param(p, param) : 0;
		if (rc || !end)
			return rc;
		s = end + 1;
	}
}

static int check_spec(struct parse *p, const char *spec)
{
	size_t i, n = strnlen(spec, VIF_SPEC_MAX_LEN + 1);

	if (n > VIF_SPEC_MAX_LEN)
		return fail(p, "vif spec longer than %d bytes",
			    VIF_SPEC_MAX_LEN);
	for (i = 0; i < n; i++)
		if ((unsigned char)spec[i] < 0x20 || spec[i] == 0x7f)
			return fail(p, "vif spec contains a control character");
	return 0;
}

int vif_spec_parse(const char *spec, struct domain_vif *out, char *err,
		   size_t err_size)
{
	struct parse p = {.v = out, .err = err, .err_size = err_size};
	char *buf = NULL;
	int rc;

	memset(out, 0, sizeof(*out));
	out->model = DOMAIN_NIC_RTL8139;
	out->mac_generated = true;
	if (err_size)
		err[0] = '\0';
	rc = check_spec(&p, spec);
	if (!rc) {
		buf = strdup(spec);
		rc = buf ? parse_params(&p, buf) : -ENOMEM;
	}
	free(buf);
	if (rc)
		vif_spec_clear(out);
	return rc;
}

void vif_spec_clear(struct domain_vif *v)
{
	free(v->bridge);
	free(v->vifname);
	free(v->script);
	free(v->ip);
	memset(v, 0, sizeof(*v));
}
