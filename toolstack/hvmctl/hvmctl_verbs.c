/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The verbs that are one or a few hvmd requests: create, list, domid,
 * domname, dominfo, pause, unpause, destroy, reboot, shutdown [-w].
 */
#include "hvmctl_verbs.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_REQ (HVMCTL_MAX_SETS + 8)
#define SET_MAX 4200

static void sleep_ms(unsigned int ms)
{
	struct timespec ts = {.tv_sec = ms / 1000,
			      .tv_nsec = (long)(ms % 1000) * 1000000L};

	nanosleep(&ts, NULL);
}

struct create_ctx {
	unsigned int domid;
	char name[64];
};

static void create_cb(void *ctx, char **f, unsigned int nr)
{
	struct hvmctl_domain d;
	struct create_ctx *x = ctx;

	hvmctl_domain_parse(&d, f + 1, nr - 1);
	x->domid = d.domid;
	snprintf(x->name, sizeof(x->name), "%s", d.name);
}

static int after_create(const struct hvmctl_cmd *c, struct create_ctx *x)
{
	struct hvmctl_domain d;
	char id[16];
	int rc;

	snprintf(id, sizeof(id), "%u", x->domid);
	printf("created domain %s (domid %u)\n", x->name, x->domid);
	fflush(stdout);
	if (c->vnc) {
		rc = hvmctl_wait_field(c, id, "vnc", 90, &d);
		if (rc)
			return rc;
		printf("VNC on %s\n", d.vnc);
		fflush(stdout);
	}
	if (c->console) {
		struct hvmctl_cmd cc = *c;

		cc.dom = id;
		return hvmctl_verb_console(&cc);
	}
	return 0;
}

int hvmctl_verb_create(const struct hvmctl_cmd *c)
{
	static char sets[HVMCTL_MAX_SETS][SET_MAX];
	char cwd[PATH_MAX], cwdf[PATH_MAX + 8], file[PATH_MAX + 8];
	const char *req[MAX_REQ];
	struct create_ctx x = {0};
	unsigned int n = 0, i;
	int rc;

	req[n++] = "create";
	req[n++] = c->paused ? "paused=1" : "paused=0";
	if (getcwd(cwd, sizeof(cwd))) {
		snprintf(cwdf, sizeof(cwdf), "cwd=%s", cwd);
		req[n++] = cwdf;
	}
	if (c->config) {
		char abs[PATH_MAX];

		if (!realpath(c->config, abs)) {
			fprintf(stderr,
				"hvmctl: cannot read config file %s: %m; check the path\n",
				c->config);
			return 2;
		}
		snprintf(file, sizeof(file), "file=%s", abs);
		req[n++] = file;
	}
	for (i = 0; i < c->nr_sets; i++) {
		snprintf(sets[i], sizeof(sets[i]), "set=%s", c->sets[i]);
		req[n++] = sets[i];
	}
	rc = hvmctl_client_call(c, req, n, create_cb, &x, false);
	return rc ? rc : after_create(c, &x);
}

struct list_ctx {
	const struct hvmctl_cmd *c;
	unsigned int count;
};

static void print_domain_long(const struct hvmctl_domain *d)
{
	printf("name:         %s\n"
	       "domid:        %u\n"
	       "uuid:         %s\n"
	       "memory:       %llu MiB\n"
	       "vcpus:        %u\n"
	       "state:        %s (%s)\n"
	       "cpu time:     %s s\n"
	       "console:      %s\n"
	       "console log:  %s\n"
	       "vnc:          %s\n"
	       "log:          %s\n"
	       "actions:      %s (on_poweroff, on_reboot, on_crash)\n",
	       d->name, d->domid, d->uuid, d->memory, d->vcpus, d->state,
	       d->flags, d->cputime, d->console[0] ? d->console : "-",
	       d->console_log[0] ? d->console_log : "-",
	       d->vnc[0] ? d->vnc : "-", d->log, d->actions);
}

static void list_cb(void *ctx, char **f, unsigned int nr)
{
	struct list_ctx *x = ctx;
	struct hvmctl_domain d;

	if (strcmp(f[0], "domain")) {
		if (!strcmp(f[0], "config") && nr == 2)
			printf("    %s\n", f[1]);
		return;
	}
	hvmctl_domain_parse(&d, f + 1, nr - 1);
	if (x->c->dom && strcmp(x->c->dom, d.name) &&
	    strtoul(x->c->dom, NULL, 10) != d.domid)
		return;
	x->count++;
	if (x->c->long_list)
		print_domain_long(&d);
	else
		printf("%-32s %5u %6llu %5u %6s %9s\n", d.name, d.domid,
		       d.memory, d.vcpus, d.flags, d.cputime);
}

int hvmctl_verb_list(const struct hvmctl_cmd *c)
{
	struct list_ctx x = {.c = c};
	const char *req[1] = {"list"};
	int rc;

	if (!c->long_list)
		printf("%-32s %5s %6s %5s %6s %9s\n", "Name", "ID", "Mem",
		       "VCPUs", "State", "Time(s)");
	rc = hvmctl_client_call(c, req, 1, list_cb, &x, false);
	if (rc == 0 && c->dom && x.count == 0) {
		fprintf(stderr, "hvmctl: no domain \"%s\"\n", c->dom);
		return 1;
	}
	return rc;
}

int hvmctl_verb_domid(const struct hvmctl_cmd *c)
{
	struct hvmctl_domain d;
	int rc = hvmctl_client_info(c, c->dom, &d, false);

	if (rc)
		return rc;
	if (c->verb == HVMCTL_DOMID)
		printf("%u\n", d.domid);
	else
		printf("%s\n", d.name);
	return 0;
}

int hvmctl_verb_dominfo(const struct hvmctl_cmd *c)
{
	struct hvmctl_cmd lc = *c;
	struct list_ctx x = {.c = &lc};
	const char *req[2] = {"info", c->dom};

	lc.long_list = true;
	lc.dom = NULL;
	return hvmctl_client_call(c, req, 2, list_cb, &x, false);
}

int hvmctl_verb_simple(const struct hvmctl_cmd *c)
{
	const char *req[3] = {c->verb_name, c->dom, "-F"};

	return hvmctl_client_call(c, req, c->acpi_fallback ? 3 : 2, NULL, NULL,
				  false);
}

/* shutdown -w: until the domain is gone, preserved, or has a new domid. */
static int wait_gone(const struct hvmctl_cmd *c, unsigned int domid)
{
	struct hvmctl_domain d;
	char id[16];

	snprintf(id, sizeof(id), "%u", domid);
	for (;;) {
		int rc = hvmctl_client_info(c, id, &d, true);

		if (rc == 1 ||
		    (strcmp(d.state, "running") && strcmp(d.state, "paused") &&
		     strcmp(d.state, "building")))
			break;
		if (rc)
			return rc;
		sleep_ms(500);
	}
	printf("domain %u has shut down\n", domid);
	return 0;
}

int hvmctl_verb_shutdown(const struct hvmctl_cmd *c)
{
	struct hvmctl_domain d;
	int rc;

	rc = hvmctl_client_info(c, c->dom, &d, false);
	if (rc == 0)
		rc = hvmctl_verb_simple(c);
	if (rc == 0 && c->wait)
		rc = wait_gone(c, d.domid);
	return rc;
}

int hvmctl_wait_field(const struct hvmctl_cmd *c, const char *dom,
		      const char *field, unsigned int timeout_s,
		      struct hvmctl_domain *d)
{
	unsigned int waited;

	for (waited = 0; waited < timeout_s * 10; waited++) {
		int rc = hvmctl_client_info(c, dom, d, false);

		if (rc)
			return rc;
		if (!strcmp(field, "vnc")	   ? d->vnc[0]
		    : !strcmp(field, "pv_console") ? d->pv_console[0]
						   : d->console[0])
			return 0;
		sleep_ms(100);
	}
	fprintf(stderr,
		"hvmctl: domain %s has no %s after %u s; is it enabled in the config (vnc=1, serial=\"pty\"; a PV console needs hvm-domain's event channels)? see %s\n",
		dom, field, timeout_s, d->log);
	return 1;
}

int hvmctl_vnc_address(const struct hvmctl_cmd *c, unsigned int timeout_s,
		       struct hvmctl_domain *d, char *host, size_t size,
		       int *port)
{
	int rc = hvmctl_wait_field(c, c->dom, "vnc", timeout_s, d);

	if (rc)
		return rc;
	if (hvmctl_split_hostport(d->vnc, host, size, port)) {
		fprintf(stderr,
			"hvmctl: hvmd reported an unusable VNC address \"%s\"\n",
			d->vnc);
		return 1;
	}
	return 0;
}

int hvmctl_split_hostport(const char *s, char *host, size_t size, int *port)
{
	const char *colon = strrchr(s, ':');
	size_t n;
	char *end;
	long p;

	if (!colon || colon == s)
		return -EINVAL;
	p = strtol(colon + 1, &end, 10);
	if (*end || p <= 0 || p > 65535)
		return -EINVAL;
	n = (size_t)(colon - s);
	if (s[0] == '[' && n >= 2 && s[n - 1] == ']') {
		s++;
		n -= 2;
	}
	if (n >= size)
		return -EINVAL;
	memcpy(host, s, n);
	host[n] = '\0';
	*port = (int)p;
	return 0;
}
