/*
 * reports.h — one unit's report in a campaign (báo cáo): its content
 * (narrative, figure cells, exemplary models, attachments), its state
 * machine and its history.
 *
 * States: draft → submitted → accepted, or submitted → returned →
 * submitted. `version` counts saves of the content; a save names the
 * version it started from and fails with E_CONFLICT when someone saved
 * first, so two people never silently overwrite each other.
 *
 * Who may do what (decided before any validation or state check):
 *   read        users of the report's unit and of its ancestors, users of
 *               the issuing unit and of its ancestors;
 *   edit/submit users of the report's own unit, in draft or returned; when
 *               the campaign requires approval only its leaders (and
 *               admins) submit — the others ask for approval;
 *   return/accept officers, leaders and admins of the issuing unit, when
 *               submitted.
 * A user who may not read a report gets E_NOTFOUND, one who may read but
 * not act E_FORBIDDEN; then E_INVAL for content; then E_CONFLICT for state.
 */
#ifndef THIDUA_REPORTS_H
#define THIDUA_REPORTS_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/core.h"
#include "core/outlines.h"

enum report_state { RS_DRAFT, RS_SUBMITTED, RS_RETURNED, RS_ACCEPTED, RS_INVALID = -1 };

/* "draft" … and back; RS_INVALID for anything else. */
const char *report_state_name(int s);
int report_state_parse(const char *s);
/* Vietnamese label: "Đang soạn", "Đã nộp", "Bị trả lại", "Đã tiếp nhận". */
const char *report_state_label(int s);
/* Submitted or accepted: the report counts as submitted in progress. */
bool report_state_counts(int s);

/* ---- limits of one report ---- */
#define REPORT_TEXT_MAX 100000    /* code points of one item's narrative */
#define REPORT_MODELS_MAX 50      /* models per item */
#define REPORT_VALUE_MAX 1e12     /* |value| of a figure cell */
#define REPORT_REASON_MAX 2000    /* a return reason */
#define ATTACHMENT_MAX_SIZE (10u * 1024 * 1024)
#define ATTACHMENTS_MAX 20        /* files per report */

/* ---- content ---- */

struct report_cell {
	char *row, *col; /* keys of the item's table */
	double value;
};

/* An exemplary model (điển hình tiên tiến); counts are -1 when not given. */
struct report_model {
	char *name, *kind, *address, *phone, *summary;
	int64_t jobs_created, households_helped, members;
};

struct report_answer {
	int64_t item_id;
	char *text; /* light markup; "" for none */
	struct report_cell *cells;
	size_t n_cells;
	struct report_model *models;
	size_t n_models;
};

/* Answers in outline order once checked; only items with content. */
struct report_content {
	struct report_answer *items;
	size_t n;
};

/* What an outline item accepts, looked up by item id. */
struct report_schema_item {
	int64_t id;
	size_t position; /* in the outline */
	unsigned asks;   /* OUTLINE_ASK_* */
	const figure_table *table;
	const char *path; /* "II.5": the labels down to it, for messages */
	const char *title;
};

typedef struct report_schema {
	struct report_schema_item *v; /* sorted by id */
	size_t n;
} report_schema;

/* The schema of an outline (arena memory; tables point into `o`). */
void report_schema_build(arena *ar, const stored_outline *o, report_schema *out);
const struct report_schema_item *report_schema_find(const report_schema *s, int64_t id);

/* Model kinds: collective, individual, household, model. */
bool report_model_kind_valid(const char *kind);
const char *report_model_kind_label(const char *kind);

/*
 * The API's "items" array as content, checking JSON types only: every item
 * an object with an integer "item_id", "text" a string, "figures" an array
 * of {"row","col","value"} with a JSON number, "models" an array of model
 * objects (each may be null/absent). Strings point into `items`.
 */
int report_content_from_json(arena *ar, json_t *items, struct report_content *out, err *e);
/*
 * Checks content against the schema and cleans it in place (arena copies):
 * items of the outline, once each; narrative valid UTF-8, NFC, control
 * characters dropped, at most REPORT_TEXT_MAX; figures only on items with
 * a table, only its row and column keys, once per cell, finite, within
 * REPORT_VALUE_MAX, whole and non-negative in integer (count) tables;
 * models only where the item asks for them, each with a name and a known
 * kind. Empty answers are dropped; the rest are put in outline order.
 * E_INVAL naming the item and cell.
 */
int report_content_check(arena *ar, const report_schema *s, struct report_content *c, err *e);
/* [{"item_id","text","figures":[{"row","col","value"}],"models":[…]}] —
 * in the order of the content (checked or loaded content is in outline
 * order, cells in the table's row-major order). */
json_t *report_content_json(const struct report_content *c);
/* A figure value as people read it: "12", "12.5" (up to 15 digits). */
void report_value_text(double v, char out[32]);
/* Parses a figure typed in a form: digits with one optional decimal mark
 * ("." or ","), optional leading "-", spaces ignored. false if not a number. */
bool report_value_parse(const char *s, double *out);

/* ---- reports ---- */

typedef struct report {
	int64_t id, campaign_id, unit_id;
	char *unit_name, *unit_code;
	int state;
	int version;
	int64_t first_submitted_at, submitted_at, accepted_at, approved_at, updated_at;
	int64_t approved_by;
	int late; /* -1 until first submitted, then 0 or 1 */
	/* of the campaign */
	int64_t issuer_unit_id, outline_id, deadline_at;
	bool deadline_date_only, require_approval;
	char *campaign_title;
} report;

/* What the actor may do with a report (authorization only, no state). */
struct report_rights {
	bool read;     /* may see it */
	bool own_unit; /* acts for the report's unit: may edit and submit */
	bool submit;   /* own unit, and not held back by required approval */
	bool review;   /* may return or accept (issuing unit's officer/leader/admin) */
};

int report_get(db *d, arena *ar, const actor *a, int64_t id, report *out,
	       struct report_rights *rights, err *e);
/* 0, E_NOTFOUND (may not read) or E_FORBIDDEN (may read, not edit). */
int report_check_edit(db *d, const actor *a, int64_t id, err *e);
/* The schema of the report's campaign outline (arena memory). */
int report_schema_load(db *d, arena *ar, int64_t outline_id, stored_outline *o, report_schema *s,
		       err *e);
/* The current content, in outline order (no permission check). */
int report_content_load(db *d, arena *ar, int64_t id, struct report_content *out, err *e);

/* Reports the actor may see, of one campaign (0: of every campaign). */
int reports_list(db *d, arena *ar, const actor *a, int64_t campaign_id, report **out, size_t *n,
		 err *e);

/* Replaces the content. `expected_version` is the version the editor
 * started from; on E_CONFLICT *version holds the current one (also on
 * success: the new one). */
int report_save(db *d, const actor *a, int64_t id, int64_t expected_version,
		struct report_content *c, int *version, err *e);

/* Submits (or, by a leader when approval is required, approves and
 * submits). *late: judged by the server clock at the first submission. */
int report_submit(db *d, const actor *a, int64_t id, bool *late, err *e);
/* Staff asks the unit's leaders to approve and submit (a notice). */
int report_request_approval(db *d, const actor *a, int64_t id, err *e);
int report_return(db *d, const actor *a, int64_t id, const char *reason, err *e);
int report_accept(db *d, const actor *a, int64_t id, err *e);

/* ---- history ---- */

typedef struct report_event {
	int64_t at, user_id;
	char *user_name;
	char *event; /* submit, approval_requested, return, accept, attach, detach */
	int version;
	char *reason;
	int late; /* submit events: -1 unknown, 0, 1 */
} report_event;

int report_events(db *d, arena *ar, int64_t id, report_event **out, size_t *n, err *e);
/* The snapshot JSON kept when `version` was submitted (E_NOTFOUND if none),
 * after checking the actor may read the report. */
int report_version_get(db *d, arena *ar, const actor *a, int64_t id, int version, char **json,
		       int64_t *saved_at, err *e);
/* The submitted versions, newest first. */
int report_versions(db *d, arena *ar, int64_t id, int **versions, int64_t **saved_at, size_t *n,
		    err *e);
/* The reason of the latest return, or NULL. */
char *report_last_return(db *d, arena *ar, int64_t id, int64_t *at);

/* ---- attachments ---- */

typedef struct attachment {
	int64_t id, report_id, size, created_at;
	char *name, *mime, *sha256;
	const void *data; /* report_attachment_get only */
} attachment;

/* A file name safe to store and to send: the last path component, control
 * characters and quotes removed, at most 200 code points; "tep-dinh-kem"
 * when nothing is left. malloc'd; NULL for invalid UTF-8. */
char *attachment_clean_name(const char *name);
/* The media type stored for a name (by extension; octet-stream otherwise). */
const char *attachment_mime(const char *name);

int report_attach(db *d, const actor *a, int64_t id, const char *name, const void *data, size_t n,
		  int64_t *attachment_id, err *e);
int report_detach(db *d, const actor *a, int64_t id, int64_t attachment_id, err *e);
/* The files currently attached (deleted ones left out). */
int report_attachments(db *d, arena *ar, int64_t id, attachment **out, size_t *n, err *e);
/* One file with its bytes (arena copy), also a removed one (history). */
int report_attachment_get(db *d, arena *ar, const actor *a, int64_t id, int64_t attachment_id,
			  attachment *out, err *e);

#endif
