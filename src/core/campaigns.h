/*
 * campaigns.h — campaigns (đợt báo cáo): a unit asks units of its subtree
 * for reports on one outline by one deadline, watches who submitted, sends
 * reminders, and may forward a campaign it received to its own subordinates
 * (cascade) with an earlier deadline.
 *
 * Rules (docs/campaigns.md):
 *  - officers and admins issue, for their own unit; recipients are strict
 *    descendants of it, picked one by one, as whole subtrees, by unit kind
 *    or by cluster/block; each gets a draft report and a notice;
 *  - a campaign is seen by users of the issuing unit and its ancestors
 *    (with the progress of every report) and by users of the recipients
 *    and their ancestors (their own reports only);
 *  - the outline is frozen while a campaign uses it;
 *  - a deadline is a date (end of that day, UTC+7) or a date-time; a past
 *    deadline is allowed and makes every submission late;
 *  - a cascaded campaign keeps its parent campaign and the forwarding
 *    unit's report in it, uses the parent's outline and a deadline no later
 *    than the parent's.
 */
#ifndef THIDUA_CAMPAIGNS_H
#define THIDUA_CAMPAIGNS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/core.h"

#define CAMPAIGN_MAX_RECIPIENTS 10000
#define CAMPAIGN_TITLE_MAX 500

typedef struct campaign {
	int64_t id, issuer_unit_id;
	char *issuer_name;
	char *title, *document_no;
	char *document_date, *period_from, *period_to; /* NULL when not given */
	int64_t outline_id;
	int outline_version;
	char *outline_title;
	int64_t deadline_at;
	bool deadline_date_only;
	int64_t movement_id; /* 0: none */
	char *movement_title;
	int64_t parent_campaign_id, parent_report_id; /* 0: not a cascade */
	bool require_approval;
	int64_t created_by, created_at;
	int64_t n_recipients;
	/* for the actor who read it */
	bool issuer_side;     /* acts for the issuing unit or an ancestor: sees progress */
	bool may_manage;      /* officer/admin of the issuing unit: adds recipients, reminds */
	int64_t my_report_id; /* the actor's unit's report in it, 0 if none */
} campaign;

/* Who receives: the union of units named one by one, groups' members,
 * and every active unit of the given subtrees (of the issuer's subtree
 * when none is given) whose kind is listed — or, without kinds, every
 * active unit of the given subtrees. */
struct recipient_sel {
	const int64_t *units;
	size_t n_units;
	const int64_t *subtrees;
	size_t n_subtrees;
	const char *const *kinds;
	size_t n_kinds;
	const int64_t *groups;
	size_t n_groups;
};

struct campaign_input {
	const char *title;
	const char *document_no;   /* NULL → "" */
	const char *document_date; /* YYYY-MM-DD or NULL */
	const char *period_from, *period_to;
	const char *deadline; /* deadline_parse() text */
	int64_t outline_id;   /* 0 with a parent: the parent's outline */
	int64_t movement_id;
	int64_t parent_campaign_id;
	bool require_approval;
	struct recipient_sel rec;
};

/* Authorization of an issue, before any validation: E_FORBIDDEN for a role
 * that may not issue, recipients outside the actor's subtree, an outline or
 * movement the actor may not see; E_NOTFOUND / E_FORBIDDEN for a parent
 * campaign the actor's unit did not receive. */
int campaign_check_issue(db *d, const actor *a, const struct campaign_input *in, err *e);
/* Issues the campaign (one transaction: campaign, recipients, draft
 * reports, notices, audit). */
int campaign_issue(db *d, const actor *a, const struct campaign_input *in, int64_t *id, err *e);

/* One campaign the actor may see (E_NOTFOUND otherwise). */
int campaign_get(db *d, arena *ar, const actor *a, int64_t id, campaign *out, err *e);

/* A campaign in a list, with counts of its reports. */
typedef struct campaign_row {
	campaign c;
	int64_t expected, submitted, late;
	int my_state; /* the actor's unit's report state, -1 when none */
	int my_version;
} campaign_row;

enum campaign_scope {
	CAMPAIGNS_ALL,      /* every campaign the actor may see */
	CAMPAIGNS_ISSUED,   /* issued by the actor's unit or its subtree */
	CAMPAIGNS_RECEIVED, /* where the actor's unit has a report */
};

/* Newest first. */
int campaigns_list(db *d, arena *ar, const actor *a, enum campaign_scope scope, campaign_row **out,
		   size_t *n, err *e);
/* The campaigns forwarding this one (cascade), visible to the actor. */
int campaign_children(db *d, arena *ar, const actor *a, int64_t id, campaign_row **out, size_t *n,
		      err *e);

/* Authorization of adding recipients: the campaign visible (E_NOTFOUND),
 * the actor an officer/admin of the issuing unit, the selection (may be
 * NULL) within its subtree (E_FORBIDDEN). */
int campaign_check_add(db *d, const actor *a, int64_t id, const struct recipient_sel *sel, err *e);
/* Adds recipients later (officers/admins of the issuing unit); units
 * already receiving it are skipped. *added counts the new ones. */
int campaign_add_recipients(db *d, const actor *a, int64_t id, const struct recipient_sel *sel,
			    int64_t *added, err *e);

/* ---- progress ---- */

struct progress_row {
	int64_t unit_id, report_id;
	char *unit_name, *unit_code, *parent_name;
	int state;
	int64_t first_submitted_at, submitted_at; /* 0: never */
	int late;                                 /* -1 never submitted, 0, 1 */
	int64_t reminded_at;                      /* latest reminder, 0: none */
};

/*
 * expected = recipients; submitted = reports now submitted or accepted =
 * on_time + late (judged at each one's first submission); missing =
 * expected − submitted (drafts and returned reports), before and after
 * the deadline alike.
 */
struct progress {
	int64_t expected, submitted, on_time, late, missing;
	int64_t drafts, returned, accepted;
	struct progress_row *rows; /* parent name, then unit name */
	size_t n;
};

/* Issuing unit and its ancestors only (E_FORBIDDEN for recipients). */
int campaign_progress(db *d, arena *ar, const actor *a, int64_t id, struct progress *out, err *e);

/* Filters rows by a progress category: a state name, "missing",
 * "on_time" or "late"; NULL or "" keeps all. False for an unknown one. */
bool progress_filter_valid(const char *f);
bool progress_row_matches(const struct progress_row *r, const char *f);

/*
 * Reminders: an in-app notice to every unit still missing (draft or
 * returned), telling the days left or overdue. This is also the extension
 * point of the reminder letter: a document writer takes the same
 * `struct progress` rows that match "missing" (campaign_progress) and the
 * campaign (campaign_get) — see docs/campaigns.md.
 */
int campaign_remind(db *d, const actor *a, int64_t id, int64_t *sent, err *e);

#endif
