/*
 * core.h — who is acting, and the audit trail every state change writes.
 *
 * Core functions take the acting user (`actor`) and decide authorization
 * themselves before validating anything (API.md: 403/404 come before
 * 409/422). They run their writes in one transaction with an audit row.
 */
#ifndef THIDUA_CORE_H
#define THIDUA_CORE_H

#include <stdbool.h>
#include <stdint.h>

#include "db/db.h"

enum role { ROLE_ADMIN, ROLE_OFFICER, ROLE_STAFF, ROLE_LEADER, ROLE_INVALID = -1 };

typedef struct actor {
	int64_t user_id; /* 0 for the system (command line) */
	int64_t unit_id; /* the unit the user acts for */
	enum role role;
	char login[64];
	char full_name[128];
} actor;

/* "admin" … → enum; ROLE_INVALID for anything else. */
enum role role_parse(const char *s);
const char *role_name(enum role r);
/* Vietnamese label for screens: "Quản trị", "Cán bộ TĐKT", … */
const char *role_label(enum role r);

/* The command-line actor: an administrator of the top unit. */
int actor_system(db *d, actor *out, err *e);

/* Current time in Unix seconds (one place, so tests could pin it). */
int64_t now_unix(void);

/* Writes one audit row; call inside the action's transaction.
 * before/after are JSON texts or NULL. */
int audit_log(db *d, const actor *a, const char *action, const char *entity, int64_t entity_id,
	      const char *before, const char *after, err *e);

/* Runs `fn` inside a write transaction: commit on 0, roll back otherwise. */
int core_tx(db *d, err *e, int (*fn)(db *d, void *ctx, err *e), void *ctx);

#endif
