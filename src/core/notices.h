/*
 * notices.h — in-app notices to a unit (thông báo): a campaign received,
 * a reminder, a report returned or accepted, a request to approve. A notice
 * may be meant for one role of the unit only (leaders asked to approve).
 * Read state is kept per notice: one user reading it marks it for the unit.
 */
#ifndef THIDUA_NOTICES_H
#define THIDUA_NOTICES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/core.h"

typedef struct notice {
	int64_t id, unit_id, campaign_id, report_id; /* 0 when none */
	char *kind;                                  /* campaign, reminder, returned, accepted, approval */
	char *message;
	int64_t created_at, read_at; /* read_at 0 while unread */
} notice;

/* Writes one notice; call inside the action's transaction. role NULL:
 * every user of the unit. */
int notice_add(db *d, const actor *a, int64_t unit_id, const char *role, int64_t campaign_id,
	       int64_t report_id, const char *kind, const char *message, err *e);

/* The notices for the actor (its unit, its role), newest first; at most
 * `limit` (0: 200). */
int notices_list(db *d, arena *ar, const actor *a, bool unread_only, int64_t limit, notice **out,
		 size_t *n, err *e);
int64_t notices_unread(db *d, const actor *a);
/* Marks one notice (id > 0) or all of the actor's (id 0) as read. */
int notice_mark_read(db *d, const actor *a, int64_t id, err *e);

#endif
