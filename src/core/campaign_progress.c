/*
 * campaign_progress.c — who submitted: one query over the campaign's
 * reports (the UNIQUE (campaign_id, unit_id) index serves it) counted in C,
 * and reminders to the units still missing.
 */
#include "campaigns_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/deadline.h"
#include "core/reports.h"

static int check_issuer_side(db *d, arena *ar, const actor *a, int64_t id, campaign *c, err *e)
{
	int rc = campaign_get(d, ar, a, id, c, e);
	if (rc == 0 && !c->issuer_side)
		rc = err_set(e, E_FORBIDDEN,
			     "Chỉ đơn vị ban hành đợt báo cáo (và đơn vị cấp trên) theo dõi được tiến độ");
	return rc;
}

static void count_row(struct progress *p, const struct progress_row *r)
{
	if (report_state_counts(r->state)) {
		p->submitted++;
		if (r->late == 1)
			p->late++;
		else
			p->on_time++;
	}
	p->drafts += r->state == RS_DRAFT;
	p->returned += r->state == RS_RETURNED;
	p->accepted += r->state == RS_ACCEPTED;
}

static int load_rows(db *d, arena *ar, int64_t id, struct progress *p, err *e)
{
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  "SELECT r.unit_id, r.id, u.name, u.code, pu.name, r.state,"
			  " r.first_submitted_at, r.submitted_at, r.late,"
			  " (SELECT MAX(n.created_at) FROM notices n WHERE n.campaign_id = r.campaign_id"
			  "   AND n.unit_id = r.unit_id AND n.kind = 'reminder')"
			  " FROM reports r JOIN units u ON u.id = r.unit_id"
			  " LEFT JOIN units pu ON pu.id = u.parent_id"
			  " WHERE r.campaign_id = $1 ORDER BY pu.search_key, u.search_key, u.id",
			  "l", id);
	if (rc)
		return rc;
	size_t cap = 0;
	while ((rc = db_step(st, e)) == DB_ROW) {
		if (p->n == cap) {
			cap = cap ? cap * 2 : 64;
			struct progress_row *nv = arena_alloc(ar, cap * sizeof *nv);
			if (p->n)
				memcpy(nv, p->rows, p->n * sizeof *nv);
			p->rows = nv;
		}
		struct progress_row *r = &p->rows[p->n++];
		r->unit_id = db_col_i64(st, 0);
		r->report_id = db_col_i64(st, 1);
		r->unit_name = arena_strdup(ar, db_col_text(st, 2));
		r->unit_code = arena_strdup(ar, db_col_text(st, 3));
		r->parent_name = db_col_null(st, 4) ? "" : arena_strdup(ar, db_col_text(st, 4));
		r->state = report_state_parse(db_col_text(st, 5));
		r->first_submitted_at = db_col_null(st, 6) ? 0 : db_col_i64(st, 6);
		r->submitted_at = db_col_null(st, 7) ? 0 : db_col_i64(st, 7);
		r->late = db_col_null(st, 8) ? -1 : (int)db_col_i64(st, 8);
		r->reminded_at = db_col_null(st, 9) ? 0 : db_col_i64(st, 9);
		count_row(p, r);
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

int campaign_progress(db *d, arena *ar, const actor *a, int64_t id, struct progress *out, err *e)
{
	memset(out, 0, sizeof *out);
	campaign c;
	int rc = check_issuer_side(d, ar, a, id, &c, e);
	if (rc)
		return rc;
	/* one snapshot: the counts and the rows agree */
	if ((rc = db_begin_read(d, e)))
		return rc;
	rc = load_rows(d, ar, id, out, e);
	db_commit(d, NULL);
	out->expected = (int64_t)out->n;
	out->missing = out->expected - out->submitted;
	return rc;
}

static const char *const filters[] = {"draft", "submitted", "returned", "accepted",
				      "missing", "on_time", "late"};

bool progress_filter_valid(const char *f)
{
	if (!f || !*f)
		return true;
	for (size_t i = 0; i < sizeof filters / sizeof *filters; i++)
		if (strcmp(f, filters[i]) == 0)
			return true;
	return false;
}

bool progress_row_matches(const struct progress_row *r, const char *f)
{
	if (!f || !*f)
		return true;
	bool counted = report_state_counts(r->state);
	if (strcmp(f, "missing") == 0)
		return !counted;
	if (strcmp(f, "on_time") == 0)
		return counted && r->late != 1;
	if (strcmp(f, "late") == 0)
		return counted && r->late == 1;
	return strcmp(f, report_state_name(r->state)) == 0;
}

/* ---- reminders ---- */

struct remind_ctx {
	const actor *a;
	const campaign *c;
	const char *message;
	int64_t sent;
};

static int remind_tx(db *d, void *p, err *e)
{
	struct remind_ctx *x = p;
	int64_t k = db_run(d, e,
			   "INSERT INTO notices (unit_id, role, campaign_id, report_id, kind, message,"
			   " created_by, created_at) SELECT r.unit_id, NULL, r.campaign_id, r.id,"
			   " 'reminder', CAST($2 AS TEXT), NULLIF(CAST($3 AS BIGINT), 0), CAST($4 AS BIGINT)"
			   " FROM reports r WHERE r.campaign_id = $1 AND r.state IN ('draft', 'returned')",
			   "ltll", x->c->id, x->message, x->a->user_id, now_unix());
	if (k < 0)
		return (int)k;
	x->sent = k;
	char after[96];
	snprintf(after, sizeof after, "{\"reminded\":%lld}", (long long)k);
	return audit_log(d, x->a, "remind", "campaign", x->c->id, NULL, after, e);
}

/* "còn 3 ngày", "hạn là hôm nay", "đã quá hạn 2 ngày". */
static char *days_phrase(int64_t deadline_at)
{
	int64_t left = deadline_days_left(deadline_at, now_unix());
	if (left > 0)
		return xasprintf("còn %lld ngày", (long long)left);
	if (left == 0)
		return xstrdup(deadline_is_late(deadline_at, now_unix()) ? "đã quá hạn" : "hạn là hôm nay");
	return xasprintf("đã quá hạn %lld ngày", (long long)-left);
}

int campaign_remind(db *d, const actor *a, int64_t id, int64_t *sent, err *e)
{
	arena *ar = arena_new();
	campaign c;
	int rc = campaign_get(d, ar, a, id, &c, e);
	if (rc == 0 && !c.may_manage)
		rc = err_set(e, E_FORBIDDEN,
			     "Chỉ cán bộ thi đua - khen thưởng hoặc quản trị của đơn vị ban hành được "
			     "gửi nhắc nhở");
	struct remind_ctx x = {a, &c, NULL, 0};
	if (rc == 0) {
		char deadline[32];
		deadline_text(c.deadline_at, c.deadline_date_only, deadline);
		char *days = days_phrase(c.deadline_at);
		char *msg = xasprintf("Nhắc nộp báo cáo đợt “%s” của %s: hạn nộp %s (%s). Đơn vị "
				      "chưa nộp báo cáo.",
				      c.title, c.issuer_name, deadline, days);
		x.message = msg;
		rc = core_tx(d, e, remind_tx, &x);
		free(days);
		free(msg);
	}
	if (sent)
		*sent = x.sent;
	arena_free(ar);
	return rc;
}
