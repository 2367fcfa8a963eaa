/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Diagnostics from the domain config parser: a bounded list of warnings and
 * errors, each one finished message such as
 * "guest.cfg:7: disk[1]: unknown format 'vmdkx'; use raw or qcow2". The
 * library never prints; the caller logs the messages with its own log API
 * and picks the exit code from the error kind (a syntax or config error is
 * a usage error, an I/O error an operational one).
 */
#ifndef TOOLSTACK_CONFIG_DIAG_H
#define TOOLSTACK_CONFIG_DIAG_H

#include <stdbool.h>

/* Messages kept; later ones are counted in nr_dropped. */
#define CONFIG_DIAG_MAX_MSGS 32
/* Longest message kept, including the NUL; longer ones are truncated. */
#define CONFIG_DIAG_TEXT_MAX 512

enum config_severity {
	CONFIG_SEV_WARNING,
	CONFIG_SEV_ERROR,
};

/* What kind of failure an error is. Warnings carry CONFIG_ERR_NONE. */
enum config_error {
	CONFIG_ERR_NONE = 0,
	CONFIG_ERR_IO,	   /* the file could not be read */
	CONFIG_ERR_SYNTAX, /* not valid xl.cfg syntax */
	CONFIG_ERR_CONFIG, /* valid syntax, but a bad or unsupported value */
	CONFIG_ERR_NOMEM,  /* out of memory */
};

struct config_msg {
	enum config_severity severity;
	enum config_error kind;
	char text[CONFIG_DIAG_TEXT_MAX];
};

struct config_diag {
	struct config_msg msgs[CONFIG_DIAG_MAX_MSGS];
	unsigned int nr_msgs;	  /* entries used in msgs[] */
	unsigned int nr_errors;	  /* errors seen, kept or not */
	unsigned int nr_warnings; /* warnings seen, kept or not */
	unsigned int nr_dropped; /* messages not kept because msgs[] was full */
	enum config_error first_error; /* kind of the first error, or NONE */
};

/* Where a message points: "SRC:LINE: KEY[INDEX]: ". */
struct config_loc {
	const char *src;   /* file name or "command line"; NULL: none */
	unsigned int line; /* 0: no line */
	const char *key;   /* NULL: no key */
	int index;	   /* list index after the key, or -1 */
};

/* Empties @d. Cannot fail. */
void config_diag_init(struct config_diag *d);

/*
 * Appends one message. @kind is ignored for warnings. The text is formatted
 * with vsnprintf and truncated to CONFIG_DIAG_TEXT_MAX - 1 bytes. When the
 * list is full, an error replaces the latest warning (errors are what the
 * user must act on); otherwise the message is only counted. Control characters
 * (which may come from config values) are replaced by '?'.
 */
void config_diag_add(struct config_diag *d, enum config_severity sev,
		     enum config_error kind, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/*
 * As config_diag_add(), with the prefix @loc describes, e.g.
 * "guest.cfg:7: disk[1]: ", "command line: memory: " or "guest.cfg: ".
 */
void config_diag_add_at(struct config_diag *d, enum config_severity sev,
			enum config_error kind, const struct config_loc *loc,
			const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* True once any error has been added. */
bool config_diag_has_errors(const struct config_diag *d);

/*
 * Returns the text of the first kept message whose text contains @needle,
 * or NULL. Meant for tests and for callers that look for one key.
 */
const char *config_diag_find(const struct config_diag *d, const char *needle);

#endif /* TOOLSTACK_CONFIG_DIAG_H */
