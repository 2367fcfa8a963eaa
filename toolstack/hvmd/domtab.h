/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hvmd's domain table: the domains hvmd knows, each with its domid, name,
 * UUID, config, state and helper processes, and the domid allocator. Pure
 * data structure; starting and stopping processes lives elsewhere.
 */
#ifndef HVMD_DOMTAB_H
#define HVMD_DOMTAB_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "toolstack/domain_config.h"

#define DOMTAB_MAX 64
/* Highest domid handed out; Xen's DOMID_FIRST_RESERVED - 1. */
#define DOMTAB_MAX_DOMID 0x7fef

enum domtab_state {
	DOMTAB_BUILDING, /* processes being started */
	DOMTAB_RUNNING,
	DOMTAB_PAUSED,
	DOMTAB_SHUTDOWN, /* powered off or rebooted, kept (preserve) */
	DOMTAB_CRASHED,	 /* crashed, kept (preserve) */
	DOMTAB_DYING,	 /* being torn down */
};

/* One helper process: its pid and start time (guards against pid reuse). */
struct domtab_proc {
	pid_t pid;		  /* 0: none */
	unsigned long long start; /* /proc/PID/stat field 22 */
	bool child;		  /* ours to waitpid(); false once adopted */
};

struct domtab_dom {
	bool used;
	uint32_t domid;
	struct domain_config cfg; /* owns the name; uuid kept across restarts */
	enum domtab_state state;
	struct domtab_proc domain; /* hvm-domain */
	struct domtab_proc dm;	   /* hvm-dm-launch */
	time_t created;
	int log_fd;	     /* the domain's log, O_APPEND; -1 if closed */
	long long log_scan;  /* log bytes scanned for console/VNC lines */
	char console[64];    /* "/dev/pts/N" once QEMU said it */
	char pv_console[64]; /* the PV console's pty, likewise */
	char vnc[80];	     /* "HOST:PORT" once QEMU said it */
	bool pause_pending;  /* create -p: pause once QEMU has started it */
	bool xs_ring;  /* its xenstore ring is introduced: PV works (saved) */
	uint32_t taps; /* bit n: hvmd created vif n's tap (teardown) */
	bool stopping; /* hvmd asked it to stop: destroy, not crash */
	bool restart_after;    /* reboot requested by the administrator */
	unsigned int restarts; /* restarts within the last minute */
	time_t restart_window;
};

struct domtab {
	struct domtab_dom doms[DOMTAB_MAX];
	uint32_t next_domid; /* Xen-like: domids grow, then wrap */
};

/* Empties @t; the next domid is 1. */
void domtab_init(struct domtab *t);

/* Frees every domain's config. */
void domtab_free(struct domtab *t);

/*
 * Takes a free slot for domain @name and gives it a free domid (the next
 * one after the last handed out, skipping those in use). Returns the slot,
 * NULL if the table is full (-ENOSPC in *@rc) or @name is taken (-EEXIST).
 * The slot's cfg is initialised and empty; the caller fills it.
 */
struct domtab_dom *domtab_add(struct domtab *t, const char *name, int *rc);

/* As domtab_add(), but with a given domid (re-adopting a domain). */
struct domtab_dom *domtab_add_at(struct domtab *t, uint32_t domid, int *rc);

/* Frees the slot's config and marks it unused. */
void domtab_remove(struct domtab_dom *d);

struct domtab_dom *domtab_by_name(struct domtab *t, const char *name);
struct domtab_dom *domtab_by_domid(struct domtab *t, uint32_t domid);

/* A name, or a domid written in decimal, as xl accepts. */
struct domtab_dom *domtab_lookup(struct domtab *t, const char *ref);

/* Gives @d a new domid (restart: Xen gives a rebuilt domain a new one). */
int domtab_renumber(struct domtab *t, struct domtab_dom *d)
	__attribute__((warn_unused_result));

/* "running", "paused", ... and xl's six state flags ("r-----"). */
const char *domtab_state_name(enum domtab_state s);
const char *domtab_state_flags(enum domtab_state s);

/* Parses domtab_state_name() output; -EINVAL if unknown. */
int domtab_state_parse(const char *s, enum domtab_state *out)
	__attribute__((warn_unused_result));

#endif /* HVMD_DOMTAB_H */
