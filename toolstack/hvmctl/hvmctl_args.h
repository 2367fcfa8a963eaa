/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hvmctl's command line: global options, the verb and its options and
 * arguments, parsed into one struct hvmctl_cmd without side effects (so
 * unit tests can check every form). The verbs run elsewhere.
 */
#ifndef HVMCTL_HVMCTL_ARGS_H
#define HVMCTL_HVMCTL_ARGS_H

#include <stdbool.h>
#include <stddef.h>

#define HVMCTL_MAX_SETS 96
/* Positional arguments a verb takes at most (vcpu-pin DOM VCPU CPUS). */
#define HVMCTL_MAX_ARGS 3
#define HVMCTL_SOCKET_DEFAULT "/run/hvm/hvmd.sock"

enum hvmctl_verb {
	HVMCTL_HELP,
	HVMCTL_CREATE,
	HVMCTL_LIST,
	HVMCTL_DOMID,
	HVMCTL_DOMNAME,
	HVMCTL_DOMINFO,
	HVMCTL_CONSOLE,
	HVMCTL_VNCVIEWER,
	HVMCTL_SCREENSHOT,
	HVMCTL_SHUTDOWN,
	HVMCTL_REBOOT,
	HVMCTL_DESTROY,
	HVMCTL_PAUSE,
	HVMCTL_UNPAUSE,
	HVMCTL_BLOCK_LIST,
	HVMCTL_VCPU_LIST,
	HVMCTL_VCPU_PIN,
	HVMCTL_VCPU_SET,
};

struct hvmctl_cmd {
	enum hvmctl_verb verb;
	const char *verb_name;
	const char *socket; /* --socket or $HVMCTL_SOCKET; default above */
	bool socket_default;
	bool console;	    /* create -c */
	bool vnc;	    /* create -V */
	bool paused;	    /* create -p */
	bool wait;	    /* shutdown -w */
	bool acpi_fallback; /* shutdown/reboot -F: ACPI without PV drivers */
	bool long_list;	    /* list -l */
	bool pv_console;    /* console -t pv (-t serial: the default) */
	const char *config; /* create: the config file, or NULL */
	const char *sets[HVMCTL_MAX_SETS]; /* create: KEY=VALUE, in order */
	unsigned int nr_sets;
	const char *dom;  /* the domain argument */
	const char *file; /* screenshot: the output file */
	/* All positional arguments, in order: dom is args[0], file args[1]. */
	const char *args[HVMCTL_MAX_ARGS];
	unsigned int nr_args;
	const char *help_verb; /* help VERB */
};

/*
 * Parses @argc/@argv (argv[0] is the program) into @cmd, reading the
 * environment only for $HVMCTL_SOCKET (@env_socket, may be NULL). Returns
 * 0, or -EINVAL with a message for the user in @err.
 */
int hvmctl_args_parse(struct hvmctl_cmd *cmd, int argc, char **argv,
		      const char *env_socket, char *err, size_t errlen)
	__attribute__((warn_unused_result));

/* Prints the usage of @verb (NULL: every verb) to stdout. */
void hvmctl_args_usage(const char *verb);

#endif /* HVMCTL_HVMCTL_ARGS_H */
