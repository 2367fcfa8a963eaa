/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The xl.cfg parser: turns a file's text or one command-line override into
 * assignments in a cfg_doc. Syntax (xl.cfg(5)): one "KEY = VALUE" (or
 * "KEY += LIST") per line or separated by ';'; VALUE is a quoted string, a
 * number or a list "[ v, v, ... ]" that may span lines and end in a comma.
 * The first syntax error stops parsing of that source.
 */
#ifndef TOOLSTACK_CFG_PARSE_PRIV_H
#define TOOLSTACK_CFG_PARSE_PRIV_H

#include <stddef.h>

#include "cfg_doc_priv.h"
#include "toolstack/config_diag.h"

/*
 * Parses @len bytes of @text, naming it @src in messages, into @doc.
 * Returns 0, -EINVAL after a syntax error (in @diag), or -ENOMEM.
 */
int cfg_parse_text(struct cfg_doc *doc, const char *src, const char *text,
		   size_t len, struct config_diag *diag)
	__attribute__((warn_unused_result));

/*
 * Parses one override "KEY=VALUE" or "KEY+=VALUE" from the command line.
 * A VALUE starting with a quote or '[' uses the file syntax; anything else
 * is taken literally as a string (numbers convert later), so name=web1 and
 * memory=256 need no quotes. Returns 0, -EINVAL or -ENOMEM.
 */
int cfg_parse_override(struct cfg_doc *doc, const char *arg,
		       struct config_diag *diag)
	__attribute__((warn_unused_result));

#endif /* TOOLSTACK_CFG_PARSE_PRIV_H */
