/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hvmctl: the command-line tool of the hvm toolstack, with xl's verbs. It
 * talks only to hvmd (README.md in toolstack/hvmd). Results go to stdout,
 * diagnostics to stderr. Exit status: 0 ok, 1 the operation failed, 2 a
 * usage or config error.
 */
#include <stdio.h>
#include <stdlib.h>

#include "hvmctl_args.h"
#include "hvmctl_verbs.h"

typedef int (*verb_fn)(const struct hvmctl_cmd *c);

static const verb_fn verb_table[] = {
	[HVMCTL_CREATE] = hvmctl_verb_create,
	[HVMCTL_LIST] = hvmctl_verb_list,
	[HVMCTL_DOMID] = hvmctl_verb_domid,
	[HVMCTL_DOMNAME] = hvmctl_verb_domid,
	[HVMCTL_DOMINFO] = hvmctl_verb_dominfo,
	[HVMCTL_CONSOLE] = hvmctl_verb_console,
	[HVMCTL_VNCVIEWER] = hvmctl_verb_vncviewer,
	[HVMCTL_SCREENSHOT] = hvmctl_verb_screenshot,
	[HVMCTL_SHUTDOWN] = hvmctl_verb_shutdown,
	[HVMCTL_REBOOT] = hvmctl_verb_simple,
	[HVMCTL_DESTROY] = hvmctl_verb_simple,
	[HVMCTL_PAUSE] = hvmctl_verb_simple,
	[HVMCTL_UNPAUSE] = hvmctl_verb_simple,
	[HVMCTL_BLOCK_LIST] = hvmctl_verb_block_list,
	[HVMCTL_VCPU_LIST] = hvmctl_verb_vcpu_list,
	[HVMCTL_VCPU_PIN] = hvmctl_verb_vcpu_args,
	[HVMCTL_VCPU_SET] = hvmctl_verb_vcpu_args,
};

int main(int argc, char **argv)
{
	struct hvmctl_cmd cmd;
	char err[512];

	if (hvmctl_args_parse(&cmd, argc, argv, getenv("HVMCTL_SOCKET"), err,
			      sizeof(err))) {
		fprintf(stderr, "hvmctl: %s\n", err);
		return 2;
	}
	if (cmd.verb == HVMCTL_HELP) {
		hvmctl_args_usage(cmd.help_verb);
		return 0;
	}
	if ((unsigned int)cmd.verb >=
		    sizeof(verb_table) / sizeof(verb_table[0]) ||
	    !verb_table[cmd.verb])
		return 2;
	return verb_table[cmd.verb](&cmd);
}
