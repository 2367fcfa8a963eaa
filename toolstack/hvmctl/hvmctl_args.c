/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hvmctl's argument parser (hvmctl_args.h): xl's verbs and options.
 *   hvmctl [--socket PATH] VERB [OPTIONS] [ARGS]
 */
#include "hvmctl_args.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

struct verb_desc {
	const char *name;
	enum hvmctl_verb verb;
	const char *opts;     /* option letters it takes */
	unsigned int nr_args; /* positional args after the options */
	const char *usage;
};

static const struct verb_desc verbs[] = {
	{"create", HVMCTL_CREATE, "cVpf", 0,
	 "create [-c] [-V] [-p] [[-f] CFG] [KEY=VALUE ...]   create a domain (builder=hvm)"},
	{"list", HVMCTL_LIST, "l", 0,
	 "list [-l] [DOM]                 list domains (-l: details and config)"},
	{"domid", HVMCTL_DOMID, "", 1,
	 "domid NAME                      print the domain's id"},
	{"domname", HVMCTL_DOMNAME, "", 1,
	 "domname ID                      print the domain's name"},
	{"dominfo", HVMCTL_DOMINFO, "", 1,
	 "dominfo DOM                     print details and config"},
	{"console", HVMCTL_CONSOLE, "", 1,
	 "console [-t pv|serial] DOM      attach to the serial (default) or PV console (Ctrl-] detaches)"},
	{"vncviewer", HVMCTL_VNCVIEWER, "", 1,
	 "vncviewer DOM                   start a VNC viewer, or print HOST:PORT"},
	{"screenshot", HVMCTL_SCREENSHOT, "", 2,
	 "screenshot DOM FILE             save the VNC screen (PNG, or PPM without libpng)"},
	{"shutdown", HVMCTL_SHUTDOWN, "wF", 1,
	 "shutdown [-w] [-F] DOM          PV shutdown; -F: ACPI power button without PV (-w: wait)"},
	{"reboot", HVMCTL_REBOOT, "F", 1,
	 "reboot [-F] DOM                 PV reboot; -F: without PV, rebuild the domain (new domid)"},
	{"destroy", HVMCTL_DESTROY, "", 1,
	 "destroy DOM                     stop the domain at once"},
	{"pause", HVMCTL_PAUSE, "", 1,
	 "pause DOM                       stop the domain's vCPUs"},
	{"unpause", HVMCTL_UNPAUSE, "", 1,
	 "unpause DOM                     resume them"},
	{"block-list", HVMCTL_BLOCK_LIST, "", 1,
	 "block-list DOM                  list the domain's PV disks (xl's columns)"},
	{"vcpu-list", HVMCTL_VCPU_LIST, "", 0,
	 "vcpu-list [DOM]                 list vCPUs: host CPU, state, time, affinity"},
	{"vcpu-pin", HVMCTL_VCPU_PIN, "", 3,
	 "vcpu-pin DOM VCPU CPUS          run vCPU VCPU (or all) on host CPUS (0-3,6 or all)"},
	{"vcpu-set", HVMCTL_VCPU_SET, "", 2,
	 "vcpu-set DOM N                  change the vCPU count (refused: no vCPU hotplug yet)"},
	{"help", HVMCTL_HELP, "", 0,
	 "help [VERB]                     this text"},
};

#define NR_VERBS (sizeof(verbs) / sizeof(verbs[0]))

void hvmctl_args_usage(const char *verb)
{
	unsigned int i;

	if (!verb)
		printf("usage: hvmctl [--socket PATH] VERB [OPTIONS] [ARGS]\n"
		       "DOM is a domain name or id. Exit status: 0 ok, 1 the operation failed, 2 usage or config error.\n");
	for (i = 0; i < NR_VERBS; i++)
		if (!verb || !strcmp(verb, verbs[i].name))
			printf("  %s\n", verbs[i].usage);
}

static const struct verb_desc *find_verb(const char *name)
{
	unsigned int i;

	for (i = 0; i < NR_VERBS; i++)
		if (!strcmp(name, verbs[i].name))
			return &verbs[i];
	return NULL;
}

static int set_flag(struct hvmctl_cmd *c, char opt)
{
	switch (opt) {
	case 'c':
		c->console = true;
		break;
	case 'V':
		c->vnc = true;
		break;
	case 'p':
		c->paused = true;
		break;
	case 'w':
		c->wait = true;
		break;
	case 'l':
		c->long_list = true;
		break;
	case 'F':
		c->acpi_fallback = true;
		break;
	default:
		return -EINVAL;
	}
	return 0;
}

/* create's arguments: [CFG] then KEY=VALUE ...; "-f CFG" also names it. */
static int create_arg(struct hvmctl_cmd *c, const char *a, char *err,
		      size_t errlen)
{
	if (strchr(a, '=')) {
		if (c->nr_sets >= HVMCTL_MAX_SETS)
			return snprintf(
				       err, errlen,
				       "too many KEY=VALUE arguments (at most %d)",
				       HVMCTL_MAX_SETS),
			       -EINVAL;
		c->sets[c->nr_sets++] = a;
		return 0;
	}
	if (c->config || c->nr_sets)
		return snprintf(
			       err, errlen,
			       "create takes one config file, before any KEY=VALUE; \"%s\" is extra",
			       a),
		       -EINVAL;
	c->config = a;
	return 0;
}

/* console -t TYPE: xl's console types of an HVM guest. */
static int console_type(struct hvmctl_cmd *c, const char *t, char *err,
			size_t errlen)
{
	if (strcmp(t, "pv") && strcmp(t, "serial"))
		return snprintf(err, errlen,
				"console: -t takes pv or serial, not \"%s\"",
				t),
		       -EINVAL;
	c->pv_console = !strcmp(t, "pv");
	return 0;
}

static int take_option(struct hvmctl_cmd *c, const struct verb_desc *v,
		       const char *a, char *err, size_t errlen)
{
	const char *p;

	for (p = a + 1; *p; p++) {
		if (!strchr(v->opts, *p) || *p == 'f' || set_flag(c, *p))
			return snprintf(
				       err, errlen,
				       "%s: unknown option -%c; see hvmctl help %s",
				       v->name, *p, v->name),
			       -EINVAL;
	}
	return 0;
}

static int positional(struct hvmctl_cmd *c, const struct verb_desc *v,
		      const char *a, unsigned int *n, char *err, size_t errlen)
{
	if (v->verb == HVMCTL_CREATE)
		return create_arg(c, a, err, errlen);
	if (v->verb == HVMCTL_HELP && !c->help_verb)
		return c->help_verb = a, 0;
	if ((v->verb == HVMCTL_LIST || v->verb == HVMCTL_VCPU_LIST) && !c->dom)
		return c->dom = a, 0;
	if (*n >= v->nr_args || *n >= HVMCTL_MAX_ARGS)
		return snprintf(
			       err, errlen,
			       "%s: unexpected argument \"%s\"; see hvmctl help %s",
			       v->name, a, v->name),
		       -EINVAL;
	c->args[(*n)++] = a;
	c->nr_args = *n;
	c->dom = c->args[0];
	c->file = c->args[1];
	return 0;
}

static int verb_args(struct hvmctl_cmd *c, const struct verb_desc *v, int argc,
		     char **argv, int i, char *err, size_t errlen)
{
	unsigned int n = 0;
	bool opts_done = false;
	int rc = 0;

	for (; i < argc && rc == 0; i++) {
		const char *a = argv[i];

		if (!opts_done && !strcmp(a, "--"))
			opts_done = true;
		else if (!opts_done && !strcmp(a, "-f") &&
			 v->verb == HVMCTL_CREATE && i + 1 < argc)
			rc = create_arg(c, argv[++i], err, errlen);
		else if (!opts_done && !strcmp(a, "-t") &&
			 v->verb == HVMCTL_CONSOLE)
			rc = i + 1 < argc
				     ? console_type(c, argv[++i], err, errlen)
				     : (snprintf(
						err, errlen,
						"console: -t needs pv or serial"),
					-EINVAL);
		else if (!opts_done && a[0] == '-' && a[1])
			rc = take_option(c, v, a, err, errlen);
		else
			rc = positional(c, v, a, &n, err, errlen);
	}
	if (rc == 0 && n < v->nr_args)
		return snprintf(err, errlen,
				"%s: missing argument; usage: hvmctl %s",
				v->name, v->usage),
		       -EINVAL;
	return rc;
}

int hvmctl_args_parse(struct hvmctl_cmd *c, int argc, char **argv,
		      const char *env_socket, char *err, size_t errlen)
{
	const struct verb_desc *v;
	int i = 1;

	memset(c, 0, sizeof(*c));
	c->socket = env_socket && env_socket[0] ? env_socket
						: HVMCTL_SOCKET_DEFAULT;
	c->socket_default = !(env_socket && env_socket[0]);
	while (i < argc && argv[i][0] == '-') {
		if (!strcmp(argv[i], "--socket") && i + 1 < argc) {
			c->socket = argv[i + 1];
			c->socket_default = false;
			i += 2;
		} else if (!strcmp(argv[i], "-h") ||
			   !strcmp(argv[i], "--help")) {
			c->verb = HVMCTL_HELP;
			c->verb_name = "help";
			return 0;
		} else {
			return snprintf(err, errlen,
					"unknown option %s; see hvmctl help",
					argv[i]),
			       -EINVAL;
		}
	}
	if (i >= argc)
		return snprintf(err, errlen, "no verb given; see hvmctl help"),
		       -EINVAL;
	v = find_verb(argv[i]);
	if (!v)
		return snprintf(err, errlen,
				"unknown verb \"%s\"; see hvmctl help",
				argv[i]),
		       -EINVAL;
	c->verb = v->verb;
	c->verb_name = v->name;
	return verb_args(c, v, argc, argv, i + 1, err, errlen);
}
