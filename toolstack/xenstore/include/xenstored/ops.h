/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The request handlers behind the dispatch table in proto.c, one file per
 * concern: ops_query.c (reading), ops_update.c (changing nodes),
 * ops_watch.c, ops_txn.c and ops_domain.c. Each decodes and validates the
 * payload (dm-abi.md 6.2), acts through access.c / watch.c / txn.c, and
 * queues its reply; see proto.h for the return convention.
 */
#ifndef XENSTORED_OPS_H
#define XENSTORED_OPS_H

#include "xenstored/proto.h"

/* ops_query.c */
int ops_query_read(const struct proto_req *r);
int ops_query_directory(const struct proto_req *r);
int ops_query_directory_part(const struct proto_req *r);
int ops_query_get_perms(const struct proto_req *r);

/* ops_update.c */
int ops_update_write(const struct proto_req *r);
int ops_update_mkdir(const struct proto_req *r);
int ops_update_rm(const struct proto_req *r);
int ops_update_set_perms(const struct proto_req *r);

/* ops_watch.c */
int ops_watch_watch(const struct proto_req *r);
int ops_watch_unwatch(const struct proto_req *r);
int ops_watch_reset(const struct proto_req *r);

/* ops_txn.c */
int ops_txn_start(const struct proto_req *r);
int ops_txn_end(const struct proto_req *r);

/* ops_domain.c */
int ops_domain_introduce(const struct proto_req *r);
int ops_domain_release(const struct proto_req *r);
int ops_domain_is_introduced(const struct proto_req *r);
int ops_domain_resume(const struct proto_req *r);
int ops_domain_get_path(const struct proto_req *r);

#endif /* XENSTORED_OPS_H */
