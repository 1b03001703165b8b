/*
 * reports_int.h — shared by the files of the reports module only
 * (reports.c rights and state machine, report_store.c content and history,
 * report_files.c attachments).
 */
#ifndef THIDUA_REPORTS_INT_H
#define THIDUA_REPORTS_INT_H

#include "core/reports.h"

/* Reads one report with its campaign's facts, no permission check. */
int report_load(db *d, arena *ar, int64_t id, report *out, err *e);
void report_rights_of(db *d, const actor *a, const report *r, struct report_rights *out);
/* report_load + rights; E_NOTFOUND when the actor may not read it. */
int report_access(db *d, arena *ar, const actor *a, int64_t id, report *r,
		  struct report_rights *rights, err *e);
/* E_FORBIDDEN unless the actor acts for the report's own unit. */
int report_require_own(const struct report_rights *rt, err *e);
/* E_CONFLICT naming the report's current state ("Không <doing> được …"). */
int report_state_refused(db *d, int64_t id, const char *doing, err *e);

/* Inside the action's transaction: one history row (late -1: not a
 * submission), one audit row (state and version before → after). */
int report_event_add(db *d, const actor *a, int64_t id, const char *event, int version,
		     const char *reason, int late, err *e);
int report_audit(db *d, const actor *a, const char *action, const report *r, int state_after,
		 int version_after, const char *reason, err *e);

/* Inside a transaction: raises the version of an editable report from
 * `expected` (0: whatever it is) by one; *version gets the version now.
 * E_CONFLICT naming the state, or the newer version when someone saved
 * first. */
int report_bump_version(db *d, const actor *a, int64_t id, int64_t expected, int *version,
			const char *doing, err *e);

/* Keeps the current content and files as the snapshot of the current
 * version (kept once per version). */
int report_snapshot(db *d, const actor *a, int64_t id, err *e);

#endif
