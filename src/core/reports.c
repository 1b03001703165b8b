/*
 * reports.c — who may do what with a report, reading and listing reports,
 * and the state machine (submit, ask for approval, return, accept). Each
 * change is one transaction with an event, the notices it causes and an
 * audit row. Content is stored by report_store.c, files by report_files.c.
 */
#include "reports_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/deadline.h"
#include "core/notices.h"
#include "core/units.h"
#include "text/text.h"

static const char *const state_names[] = {"draft", "submitted", "returned", "accepted"};
static const char *const state_labels[] = {"Đang soạn", "Đã nộp", "Bị trả lại", "Đã tiếp nhận"};

const char *report_state_name(int s)
{
	return s >= RS_DRAFT && s <= RS_ACCEPTED ? state_names[s] : "?";
}

const char *report_state_label(int s)
{
	return s >= RS_DRAFT && s <= RS_ACCEPTED ? state_labels[s] : "?";
}

int report_state_parse(const char *s)
{
	for (int i = 0; s && i < 4; i++)
		if (strcmp(s, state_names[i]) == 0)
			return i;
	return RS_INVALID;
}

bool report_state_counts(int s)
{
	return s == RS_SUBMITTED || s == RS_ACCEPTED;
}

static const char *const NOT_FOUND = "Không tìm thấy báo cáo";

/* ---- reading ---- */

#define REPORT_SELECT                                                                              \
	"SELECT r.id, r.campaign_id, r.unit_id, u.name, u.code, r.state, r.version,"               \
	" r.first_submitted_at, r.submitted_at, r.accepted_at, r.approved_at, r.approved_by,"     \
	" r.updated_at, r.late, c.issuer_unit_id, c.outline_id, c.deadline_at,"                    \
	" c.deadline_date_only, c.require_approval, c.title"                                      \
	" FROM reports r JOIN units u ON u.id = r.unit_id JOIN campaigns c ON c.id = r.campaign_id"

static int64_t opt_i64(db_stmt *st, int col)
{
	return db_col_null(st, col) ? 0 : db_col_i64(st, col);
}

static void read_report(db_stmt *st, arena *ar, report *r)
{
	memset(r, 0, sizeof *r);
	r->id = db_col_i64(st, 0);
	r->campaign_id = db_col_i64(st, 1);
	r->unit_id = db_col_i64(st, 2);
	r->unit_name = arena_strdup(ar, db_col_text(st, 3));
	r->unit_code = arena_strdup(ar, db_col_text(st, 4));
	r->state = report_state_parse(db_col_text(st, 5));
	r->version = (int)db_col_i64(st, 6);
	r->first_submitted_at = opt_i64(st, 7);
	r->submitted_at = opt_i64(st, 8);
	r->accepted_at = opt_i64(st, 9);
	r->approved_at = opt_i64(st, 10);
	r->approved_by = opt_i64(st, 11);
	r->updated_at = db_col_i64(st, 12);
	r->late = db_col_null(st, 13) ? -1 : (int)db_col_i64(st, 13);
	r->issuer_unit_id = db_col_i64(st, 14);
	r->outline_id = db_col_i64(st, 15);
	r->deadline_at = db_col_i64(st, 16);
	r->deadline_date_only = db_col_i64(st, 17) != 0;
	r->require_approval = db_col_i64(st, 18) != 0;
	r->campaign_title = arena_strdup(ar, db_col_text(st, 19));
}

int report_load(db *d, arena *ar, int64_t id, report *out, err *e)
{
	db_stmt *st;
	int rc = db_query(d, &st, e, REPORT_SELECT " WHERE r.id = $1", "l", id);
	if (rc)
		return rc;
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		read_report(st, ar, out);
		rc = 0;
	} else if (rc == DB_DONE) {
		rc = err_set(e, E_NOTFOUND, "%s", NOT_FOUND);
	}
	db_finalize(st);
	return rc;
}

static bool reviewer_role(const actor *a)
{
	return a->role == ROLE_OFFICER || a->role == ROLE_LEADER || a->role == ROLE_ADMIN;
}

void report_rights_of(db *d, const actor *a, const report *r, struct report_rights *out)
{
	out->own_unit = a->unit_id == r->unit_id;
	out->read = out->own_unit || unit_within(d, a->unit_id, r->unit_id) ||
		    unit_within(d, a->unit_id, r->issuer_unit_id);
	out->submit = out->own_unit &&
		      (!r->require_approval || a->role == ROLE_LEADER || a->role == ROLE_ADMIN);
	out->review = a->unit_id == r->issuer_unit_id && reviewer_role(a);
}

int report_access(db *d, arena *ar, const actor *a, int64_t id, report *r,
		  struct report_rights *rights, err *e)
{
	int rc = report_load(d, ar, id, r, e);
	if (rc)
		return rc;
	report_rights_of(d, a, r, rights);
	if (!rights->read)
		return err_set(e, E_NOTFOUND, "%s", NOT_FOUND);
	return 0;
}

int report_get(db *d, arena *ar, const actor *a, int64_t id, report *out,
	       struct report_rights *rights, err *e)
{
	struct report_rights tmp;
	return report_access(d, ar, a, id, out, rights ? rights : &tmp, e);
}

int report_require_own(const struct report_rights *rt, err *e)
{
	if (!rt->own_unit)
		return err_set(e, E_FORBIDDEN,
			       "Chỉ đơn vị được giao báo cáo mới soạn, sửa và nộp báo cáo này");
	return 0;
}

int report_check_edit(db *d, const actor *a, int64_t id, err *e)
{
	arena *ar = arena_new();
	report r;
	struct report_rights rt;
	int rc = report_access(d, ar, a, id, &r, &rt, e);
	if (rc == 0)
		rc = report_require_own(&rt, e);
	arena_free(ar);
	return rc;
}

/* Visible reports: of the actor's subtree, or of campaigns issued by its
 * unit or a unit below it. $1 the actor's unit. */
#define REPORT_VISIBLE                                                                             \
	" (EXISTS (SELECT 1 FROM unit_ancestors v WHERE v.unit_id = r.unit_id AND v.ancestor_id = $1)" \
	" OR EXISTS (SELECT 1 FROM unit_ancestors v WHERE v.unit_id = c.issuer_unit_id"           \
	"            AND v.ancestor_id = $1))"

int reports_list(db *d, arena *ar, const actor *a, int64_t campaign_id, report **out, size_t *n,
		 err *e)
{
	*out = NULL;
	*n = 0;
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  REPORT_SELECT " WHERE (r.campaign_id = $2 OR $2 = 0) AND" REPORT_VISIBLE
					" ORDER BY r.campaign_id DESC, u.search_key, r.id",
			  "ll", a->unit_id, campaign_id);
	if (rc)
		return rc;
	size_t cap = 0;
	while ((rc = db_step(st, e)) == DB_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			report *nv = arena_alloc(ar, cap * sizeof *nv);
			if (*n)
				memcpy(nv, *out, *n * sizeof *nv);
			*out = nv;
		}
		read_report(st, ar, &(*out)[(*n)++]);
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

/* ---- shared by the changes ---- */

int report_event_add(db *d, const actor *a, int64_t id, const char *event, int version,
		     const char *reason, int late, err *e)
{
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  "INSERT INTO report_events (report_id, at, user_id, event, version, reason, late)"
			  " VALUES ($1, $2, NULLIF(CAST($3 AS BIGINT), 0), $4, $5, $6, $7)",
			  "llltitn", id, now_unix(), a ? a->user_id : 0, event, version,
			  reason ? reason : "");
	if (rc)
		return rc;
	if (late >= 0)
		db_bind_i64(st, 7, late);
	rc = db_step(st, e);
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

static char *report_audit_json(const report *r, int state, int version, const char *reason)
{
	json_t *o = json_pack("{s:I, s:I, s:s, s:i}", "campaign_id", (json_int_t)r->campaign_id,
			      "unit_id", (json_int_t)r->unit_id, "state", report_state_name(state),
			      "version", version);
	if (reason)
		json_object_set_new(o, "reason", json_string(reason));
	char *s = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(o);
	return s;
}

int report_audit(db *d, const actor *a, const char *action, const report *r, int state_after,
		 int version_after, const char *reason, err *e)
{
	char *before = report_audit_json(r, r->state, r->version, NULL);
	char *after = report_audit_json(r, state_after, version_after, reason);
	int rc = audit_log(d, a, action, "report", r->id, before, after, e);
	free(before);
	free(after);
	return rc;
}

/* The state now, for a refused transition's message. */
int report_state_refused(db *d, int64_t id, const char *doing, err *e)
{
	db_stmt *st;
	int rc = db_query(d, &st, e, "SELECT state FROM reports WHERE id = $1", "l", id);
	if (rc)
		return rc;
	int s = RS_INVALID;
	if (db_step(st, e) == DB_ROW)
		s = report_state_parse(db_col_text(st, 0));
	db_finalize(st);
	return err_set(e, E_CONFLICT, "Không %s được: báo cáo đang ở trạng thái “%s”", doing,
		       report_state_label(s));
}

/* ---- submit ---- */

struct submit_ctx {
	const actor *a;
	report *r;
	bool approve;
	bool late;
	int state_before;
};

static int submit_tx(db *d, void *p, err *e)
{
	struct submit_ctx *c = p;
	int64_t now = now_unix();
	int late_now = deadline_is_late(c->r->deadline_at, now) ? 1 : 0;
	int64_t changed = db_run(d, e,
				 "UPDATE reports SET state = 'submitted', submitted_at = $1,"
				 " first_submitted_at = COALESCE(first_submitted_at, $1),"
				 " late = COALESCE(late, $2),"
				 " approved_by = CASE WHEN $3 = 1 THEN NULLIF(CAST($4 AS BIGINT), 0) ELSE approved_by END,"
				 " approved_at = CASE WHEN $3 = 1 THEN $1 ELSE approved_at END"
				 " WHERE id = $5 AND state IN ('draft', 'returned')",
				 "liill", now, late_now, c->approve ? 1 : 0, c->a->user_id, c->r->id);
	if (changed < 0)
		return (int)changed;
	if (changed == 0)
		return report_state_refused(d, c->r->id, "nộp báo cáo", e);
	int64_t late = 0;
	int rc = db_get_i64(d, &late, e, "SELECT late FROM reports WHERE id = $1", "l", c->r->id);
	c->late = late != 0;
	if (rc == 0)
		rc = report_snapshot(d, c->a, c->r->id, e);
	if (rc == 0)
		rc = report_event_add(d, c->a, c->r->id, c->approve ? "approve_submit" : "submit",
				      c->r->version, NULL, c->late, e);
	if (rc == 0)
		rc = report_audit(d, c->a, "submit", c->r, RS_SUBMITTED, c->r->version, NULL, e);
	return rc;
}

int report_submit(db *d, const actor *a, int64_t id, bool *late, err *e)
{
	arena *ar = arena_new();
	report r;
	struct report_rights rt;
	int rc = report_access(d, ar, a, id, &r, &rt, e);
	if (rc == 0)
		rc = report_require_own(&rt, e);
	if (rc == 0 && !rt.submit)
		rc = err_set(e, E_FORBIDDEN,
			     "Đợt báo cáo này yêu cầu lãnh đạo đơn vị phê duyệt trước khi nộp: hãy "
			     "“Trình lãnh đạo duyệt”, lãnh đạo đơn vị sẽ duyệt và nộp");
	struct submit_ctx c = {a, &r, r.require_approval, false, r.state};
	if (rc == 0)
		rc = core_tx(d, e, submit_tx, &c);
	if (rc == 0 && late)
		*late = c.late;
	arena_free(ar);
	return rc;
}

/* ---- approval request ---- */

struct approval_ctx {
	const actor *a;
	report *r;
};

static int approval_tx(db *d, void *p, err *e)
{
	struct approval_ctx *c = p;
	int64_t state = 0;
	db_stmt *st;
	int rc = db_query(d, &st, e, "SELECT state FROM reports WHERE id = $1", "l", c->r->id);
	if (rc)
		return rc;
	if (db_step(st, e) == DB_ROW)
		state = report_state_parse(db_col_text(st, 0));
	db_finalize(st);
	if (state != RS_DRAFT && state != RS_RETURNED)
		return report_state_refused(d, c->r->id, "trình duyệt", e);
	const char *who = c->a->full_name[0] ? c->a->full_name : c->a->login;
	char *msg = xasprintf("%s trình lãnh đạo duyệt và nộp báo cáo đợt “%s”", who,
			      c->r->campaign_title);
	rc = notice_add(d, c->a, c->r->unit_id, "leader", c->r->campaign_id, c->r->id, "approval",
			msg, e);
	free(msg);
	if (rc == 0)
		rc = report_event_add(d, c->a, c->r->id, "approval_requested", c->r->version, NULL, -1, e);
	if (rc == 0)
		rc = report_audit(d, c->a, "request_approval", c->r, c->r->state, c->r->version, NULL, e);
	return rc;
}

int report_request_approval(db *d, const actor *a, int64_t id, err *e)
{
	arena *ar = arena_new();
	report r;
	struct report_rights rt;
	int rc = report_access(d, ar, a, id, &r, &rt, e);
	if (rc == 0)
		rc = report_require_own(&rt, e);
	if (rc == 0 && !r.require_approval)
		rc = err_set(e, E_INVAL, "Đợt báo cáo này không yêu cầu phê duyệt; đơn vị nộp trực tiếp");
	struct approval_ctx c = {a, &r};
	if (rc == 0)
		rc = core_tx(d, e, approval_tx, &c);
	arena_free(ar);
	return rc;
}

/* ---- return and accept ---- */

struct review_ctx {
	const actor *a;
	report *r;
	const char *reason; /* NULL: accept */
};

static int review_tx(db *d, void *p, err *e)
{
	struct review_ctx *c = p;
	bool accept = c->reason == NULL;
	int64_t now = now_unix();
	int64_t changed = accept ? db_run(d, e,
					  "UPDATE reports SET state = 'accepted', accepted_at = $1"
					  " WHERE id = $2 AND state = 'submitted'",
					  "ll", now, c->r->id)
				 : db_run(d, e,
					  "UPDATE reports SET state = 'returned'"
					  " WHERE id = $1 AND state = 'submitted'",
					  "l", c->r->id);
	if (changed < 0)
		return (int)changed;
	if (changed == 0)
		return report_state_refused(d, c->r->id, accept ? "tiếp nhận báo cáo" : "trả lại báo cáo", e);
	char *msg = accept ? xasprintf("Báo cáo đợt “%s” đã được tiếp nhận", c->r->campaign_title)
			   : xasprintf("Báo cáo đợt “%s” bị trả lại: %s", c->r->campaign_title,
				       c->reason);
	int rc = notice_add(d, c->a, c->r->unit_id, NULL, c->r->campaign_id, c->r->id,
			    accept ? "accepted" : "returned", msg, e);
	free(msg);
	if (rc == 0)
		rc = report_event_add(d, c->a, c->r->id, accept ? "accept" : "return", c->r->version,
				      c->reason, -1, e);
	if (rc == 0)
		rc = report_audit(d, c->a, accept ? "accept" : "return", c->r,
				  accept ? RS_ACCEPTED : RS_RETURNED, c->r->version, c->reason, e);
	return rc;
}

static int review(db *d, const actor *a, int64_t id, const char *reason, bool accept, err *e)
{
	arena *ar = arena_new();
	report r;
	struct report_rights rt;
	char *clean = NULL;
	int rc = report_access(d, ar, a, id, &r, &rt, e);
	if (rc == 0 && !rt.review)
		rc = err_set(e, E_FORBIDDEN,
			     "Chỉ cán bộ thi đua - khen thưởng, lãnh đạo hoặc quản trị của đơn vị ban "
			     "hành đợt báo cáo được trả lại hoặc tiếp nhận báo cáo");
	if (rc == 0 && !accept) {
		clean = reason ? text_nfc(reason, strlen(reason)) : NULL;
		char *t = clean ? text_trim(clean, strlen(clean)) : NULL;
		free(clean);
		clean = t;
		if (reason && !clean)
			rc = err_set(e, E_INVAL, "Lý do trả lại không phải văn bản UTF-8 hợp lệ");
		else if (!clean || !*clean)
			rc = err_set(e, E_INVAL, "Cần nêu lý do trả lại báo cáo");
		else if (text_length(clean) > REPORT_REASON_MAX)
			rc = err_set(e, E_INVAL, "Lý do trả lại dài quá %d ký tự", REPORT_REASON_MAX);
	}
	struct review_ctx c = {a, &r, accept ? NULL : clean};
	if (rc == 0)
		rc = core_tx(d, e, review_tx, &c);
	free(clean);
	arena_free(ar);
	return rc;
}

int report_return(db *d, const actor *a, int64_t id, const char *reason, err *e)
{
	return review(d, a, id, reason, false, e);
}

int report_accept(db *d, const actor *a, int64_t id, err *e)
{
	return review(d, a, id, NULL, true, e);
}
