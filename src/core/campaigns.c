/*
 * campaigns.c — issuing a campaign (authorization, validation, one
 * transaction), reading and listing campaigns, adding recipients later.
 */
#include "campaigns_int.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/deadline.h"
#include "core/movements.h"
#include "core/outlines.h"
#include "core/reports.h"
#include "core/units.h"
#include "core/validate.h"
#include "text/text.h"

static const char *const NOT_FOUND = "Không tìm thấy đợt báo cáo";

/* $1 is the actor's unit in every query below. */
#define CAMPAIGN_SELECT                                                                            \
	"SELECT c.id, c.issuer_unit_id, iu.name, c.title, c.document_no, c.document_date,"        \
	" c.period_from, c.period_to, c.outline_id, c.outline_version, o.title, c.deadline_at,"    \
	" c.deadline_date_only, c.movement_id, m.title, c.parent_campaign_id, c.parent_report_id,"  \
	" c.require_approval, c.created_by, c.created_at,"                                         \
	" (SELECT COUNT(*) FROM campaign_recipients cr WHERE cr.campaign_id = c.id),"             \
	" (SELECT r.id FROM reports r WHERE r.campaign_id = c.id AND r.unit_id = $1),"            \
	" CASE WHEN EXISTS (SELECT 1 FROM unit_ancestors v WHERE v.unit_id = c.issuer_unit_id"    \
	"                   AND v.ancestor_id = $1) THEN 1 ELSE 0 END"

#define CAMPAIGN_FROM                                                                              \
	" FROM campaigns c JOIN units iu ON iu.id = c.issuer_unit_id"                              \
	" JOIN outlines o ON o.id = c.outline_id LEFT JOIN movements m ON m.id = c.movement_id"

/* Seen by the issuing unit and its ancestors, and by the recipients and
 * their ancestors. */
#define CAMPAIGN_VISIBLE                                                                           \
	" (EXISTS (SELECT 1 FROM unit_ancestors v WHERE v.unit_id = c.issuer_unit_id"             \
	"          AND v.ancestor_id = $1)"                                                        \
	"  OR EXISTS (SELECT 1 FROM unit_ancestors v JOIN campaign_recipients cr"                 \
	"             ON cr.unit_id = v.unit_id WHERE v.ancestor_id = $1 AND cr.campaign_id = c.id))"

/* Extra columns of list rows (after the 23 of CAMPAIGN_SELECT). */
#define CAMPAIGN_COUNTS                                                                            \
	", (SELECT COUNT(*) FROM reports r WHERE r.campaign_id = c.id"                             \
	"   AND r.state IN ('submitted', 'accepted')),"                                            \
	" (SELECT COUNT(*) FROM reports r WHERE r.campaign_id = c.id"                              \
	"   AND r.state IN ('submitted', 'accepted') AND r.late = 1),"                             \
	" (SELECT r.state FROM reports r WHERE r.campaign_id = c.id AND r.unit_id = $1),"         \
	" (SELECT r.version FROM reports r WHERE r.campaign_id = c.id AND r.unit_id = $1)"

static char *opt_text(arena *ar, db_stmt *st, int col)
{
	return db_col_null(st, col) ? NULL : arena_strdup(ar, db_col_text(st, col));
}

static int64_t opt_id(db_stmt *st, int col)
{
	return db_col_null(st, col) ? 0 : db_col_i64(st, col);
}

static void read_campaign(db_stmt *st, arena *ar, const actor *a, campaign *c)
{
	memset(c, 0, sizeof *c);
	c->id = db_col_i64(st, 0);
	c->issuer_unit_id = db_col_i64(st, 1);
	c->issuer_name = arena_strdup(ar, db_col_text(st, 2));
	c->title = arena_strdup(ar, db_col_text(st, 3));
	c->document_no = arena_strdup(ar, db_col_text(st, 4));
	c->document_date = opt_text(ar, st, 5);
	c->period_from = opt_text(ar, st, 6);
	c->period_to = opt_text(ar, st, 7);
	c->outline_id = db_col_i64(st, 8);
	c->outline_version = (int)db_col_i64(st, 9);
	c->outline_title = arena_strdup(ar, db_col_text(st, 10));
	c->deadline_at = db_col_i64(st, 11);
	c->deadline_date_only = db_col_i64(st, 12) != 0;
	c->movement_id = opt_id(st, 13);
	c->movement_title = opt_text(ar, st, 14);
	c->parent_campaign_id = opt_id(st, 15);
	c->parent_report_id = opt_id(st, 16);
	c->require_approval = db_col_i64(st, 17) != 0;
	c->created_by = opt_id(st, 18);
	c->created_at = db_col_i64(st, 19);
	c->n_recipients = db_col_i64(st, 20);
	c->my_report_id = opt_id(st, 21);
	c->issuer_side = db_col_i64(st, 22) != 0;
	c->may_manage = a->unit_id == c->issuer_unit_id && campaign_role_may_issue(a);
}

int campaign_get(db *d, arena *ar, const actor *a, int64_t id, campaign *out, err *e)
{
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  CAMPAIGN_SELECT CAMPAIGN_FROM " WHERE c.id = $2 AND" CAMPAIGN_VISIBLE, "ll",
			  a->unit_id, id);
	if (rc)
		return rc;
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		read_campaign(st, ar, a, out);
		rc = 0;
	} else if (rc == DB_DONE) {
		rc = err_set(e, E_NOTFOUND, "%s", NOT_FOUND);
	}
	db_finalize(st);
	return rc;
}

static int collect_rows(db_stmt *st, arena *ar, const actor *a, campaign_row **out, size_t *n,
			err *e)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	int rc;
	while ((rc = db_step(st, e)) == DB_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			campaign_row *nv = arena_alloc(ar, cap * sizeof *nv);
			if (*n)
				memcpy(nv, *out, *n * sizeof *nv);
			*out = nv;
		}
		campaign_row *r = &(*out)[(*n)++];
		read_campaign(st, ar, a, &r->c);
		r->expected = r->c.n_recipients;
		r->submitted = db_col_i64(st, 23);
		r->late = db_col_i64(st, 24);
		r->my_state = db_col_null(st, 25) ? -1 : report_state_parse(db_col_text(st, 25));
		r->my_version = db_col_null(st, 26) ? 0 : (int)db_col_i64(st, 26);
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

int campaigns_list(db *d, arena *ar, const actor *a, enum campaign_scope scope, campaign_row **out,
		   size_t *n, err *e)
{
	const char *where = scope == CAMPAIGNS_ISSUED
				    ? " WHERE EXISTS (SELECT 1 FROM unit_ancestors v"
				      " WHERE v.unit_id = c.issuer_unit_id AND v.ancestor_id = $1)"
			    : scope == CAMPAIGNS_RECEIVED
				    ? " WHERE EXISTS (SELECT 1 FROM reports r WHERE r.campaign_id = c.id"
				      " AND r.unit_id = $1)"
				    : " WHERE" CAMPAIGN_VISIBLE;
	char *sql = arena_printf(ar, "%s%s%s%s ORDER BY c.created_at DESC, c.id DESC",
				 CAMPAIGN_SELECT, CAMPAIGN_COUNTS, CAMPAIGN_FROM, where);
	db_stmt *st;
	int rc = db_query(d, &st, e, sql, "l", a->unit_id);
	return rc ? rc : collect_rows(st, ar, a, out, n, e);
}

int campaign_children(db *d, arena *ar, const actor *a, int64_t id, campaign_row **out, size_t *n,
		      err *e)
{
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  CAMPAIGN_SELECT CAMPAIGN_COUNTS CAMPAIGN_FROM
			  " WHERE c.parent_campaign_id = $2 AND" CAMPAIGN_VISIBLE
			  " ORDER BY iu.search_key, c.id",
			  "ll", a->unit_id, id);
	return rc ? rc : collect_rows(st, ar, a, out, n, e);
}

/* ---- issue ---- */

static int check_role(const actor *a, err *e)
{
	if (!campaign_role_may_issue(a))
		return err_set(e, E_FORBIDDEN,
			       "Chỉ cán bộ thi đua - khen thưởng hoặc quản trị hệ thống được ban hành "
			       "đợt báo cáo");
	return 0;
}

/* The parent campaign of a cascade: one the actor's unit received. */
static int check_parent(db *d, arena *ar, const actor *a, int64_t id, campaign *parent, err *e)
{
	int rc = campaign_get(d, ar, a, id, parent, e);
	if (rc == 0 && !parent->my_report_id)
		rc = err_set(e, E_FORBIDDEN,
			     "Đơn vị của bạn không nhận đợt báo cáo này nên không chuyển tiếp được");
	return rc;
}

int campaign_check_issue(db *d, const actor *a, const struct campaign_input *in, err *e)
{
	int rc = check_role(a, e);
	if (rc == 0 && in->parent_campaign_id) {
		arena *ar = arena_new();
		campaign parent;
		rc = check_parent(d, ar, a, in->parent_campaign_id, &parent, e);
		arena_free(ar);
	}
	return rc ? rc : recipients_authorize(d, a, &in->rec, e);
}

/* Validated fields of an issue. */
struct issue {
	const actor *a;
	char *title, *document_no;
	const char *document_date, *period_from, *period_to;
	int64_t deadline_at;
	bool date_only;
	int64_t outline_id, movement_id, parent_id, parent_report_id;
	bool require_approval;
	struct idset units;
	const char *issuer_name;
	int64_t id;
};

static int check_dates(const struct campaign_input *in, err *e)
{
	if (in->document_date && *in->document_date &&
	    validate_date(in->document_date, "Ngày văn bản", e))
		return e->code;
	if (in->period_from && *in->period_from && validate_date(in->period_from, "Kỳ báo cáo từ ngày", e))
		return e->code;
	if (in->period_to && *in->period_to && validate_date(in->period_to, "Kỳ báo cáo đến ngày", e))
		return e->code;
	if (in->period_from && *in->period_from && in->period_to && *in->period_to &&
	    strcmp(in->period_from, in->period_to) > 0)
		return err_set(e, E_INVAL, "Kỳ báo cáo: ngày bắt đầu phải trước ngày kết thúc");
	return 0;
}

static const char *opt_date(const char *s)
{
	return s && *s ? s : NULL;
}

/* Outline and movement: ones the actor may see; a cascade keeps the
 * parent's outline, so compiling can match items one to one. */
static int check_refs(db *d, arena *ar, const struct campaign_input *in, const campaign *parent,
		      struct issue *is, err *e)
{
	is->outline_id = in->outline_id;
	if (parent) {
		if (!is->outline_id)
			is->outline_id = parent->outline_id;
		if (is->outline_id != parent->outline_id)
			return err_set(e, E_INVAL,
				       "Đợt chuyển tiếp dùng đề cương của đợt báo cáo cấp trên");
		if (is->deadline_at > parent->deadline_at) {
			char t[32];
			deadline_text(parent->deadline_at, parent->deadline_date_only, t);
			return err_set(e, E_INVAL,
				       "Hạn nộp của đợt chuyển tiếp phải không muộn hơn hạn của đợt cấp "
				       "trên (%s)",
				       t);
		}
	} else if (!is->outline_id) {
		return err_set(e, E_INVAL, "Cần chọn đề cương báo cáo");
	} else if (!outline_readable(d, is->a, is->outline_id)) {
		return err_set(e, E_INVAL, "Không tìm thấy đề cương số %lld", (long long)is->outline_id);
	}
	movement m;
	if (in->movement_id && movement_get(d, ar, is->a, in->movement_id, &m, e))
		return err_set(e, E_INVAL, "Không tìm thấy phong trào thi đua số %lld",
			       (long long)in->movement_id);
	is->movement_id = in->movement_id;
	return 0;
}

static int check_issue(db *d, arena *ar, const struct campaign_input *in, struct issue *is, err *e)
{
	campaign parent;
	int rc = 0;
	if (in->parent_campaign_id &&
	    (rc = check_parent(d, ar, is->a, in->parent_campaign_id, &parent, e)))
		return rc;
	if ((rc = validate_name(in->title, CAMPAIGN_TITLE_MAX, "Tên đợt báo cáo", &is->title, e)))
		return rc;
	if (in->document_no && *in->document_no &&
	    (rc = validate_name(in->document_no, 100, "Số văn bản", &is->document_no, e)))
		return rc;
	if ((rc = check_dates(in, e)))
		return rc;
	if (!in->deadline || !*in->deadline)
		return err_set(e, E_INVAL, "Cần cho biết hạn nộp báo cáo");
	if ((rc = deadline_parse(in->deadline, &is->deadline_at, &is->date_only, e)))
		return rc;
	if ((rc = check_refs(d, ar, in, in->parent_campaign_id ? &parent : NULL, is, e)))
		return rc;
	if (in->parent_campaign_id) {
		is->parent_id = parent.id;
		is->parent_report_id = parent.my_report_id;
	}
	is->document_date = opt_date(in->document_date);
	is->period_from = opt_date(in->period_from);
	is->period_to = opt_date(in->period_to);
	is->require_approval = in->require_approval;
	return recipients_resolve(d, is->a->unit_id, &in->rec, &is->units, e);
}

static char *issue_audit(const struct issue *is, int version)
{
	char iso[32];
	local_iso(is->deadline_at, iso);
	json_t *o = json_pack("{s:s, s:s, s:I, s:i, s:I}", "title", is->title, "deadline", iso,
			      "outline_id", (json_int_t)is->outline_id, "outline_version", version,
			      "recipients", (json_int_t)is->units.n);
	if (is->parent_id)
		json_object_set_new(o, "parent_campaign_id", json_integer(is->parent_id));
	char *s = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(o);
	return s;
}

static int insert_campaign(db *d, struct issue *is, int version, err *e)
{
	char *key_src = xasprintf("%s %s", is->title, is->document_no ? is->document_no : "");
	char *key = text_search_key(key_src);
	free(key_src);
	int rc = db_get_i64(
		d, &is->id, e,
		"INSERT INTO campaigns (issuer_unit_id, title, document_no, document_date, outline_id,"
		" outline_version, period_from, period_to, deadline_at, deadline_date_only, movement_id,"
		" parent_campaign_id, parent_report_id, require_approval, created_by, created_at,"
		" search_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,"
		" NULLIF(CAST($11 AS BIGINT), 0), NULLIF(CAST($12 AS BIGINT), 0),"
		" NULLIF(CAST($13 AS BIGINT), 0), $14, NULLIF(CAST($15 AS BIGINT), 0), $16, $17)"
		" RETURNING id",
		"ltttlittlilllillt", is->a->unit_id, is->title,
		is->document_no ? is->document_no : "", is->document_date, is->outline_id, version,
		is->period_from, is->period_to, is->deadline_at, is->date_only ? 1 : 0,
		is->movement_id, is->parent_id, is->parent_report_id, is->require_approval ? 1 : 0,
		is->a->user_id, now_unix(), key);
	free(key);
	return rc;
}

static int issue_tx(db *d, void *p, err *e)
{
	struct issue *is = p;
	int64_t version = 0;
	/* a write to the outline's row: waits for (and then sees) a save in
	 * flight, so the outline cannot change between this and the campaign */
	int64_t k = db_run(d, e, "UPDATE outlines SET version = version WHERE id = $1", "l",
			   is->outline_id);
	int rc = k < 0 ? (int)k : 0;
	if (rc == 0)
		rc = db_get_i64(d, &version, e, "SELECT version FROM outlines WHERE id = $1", "l",
				is->outline_id);
	if (rc == 0)
		rc = insert_campaign(d, is, (int)version, e);
	struct campaign_brief b = {is->id, is->title, is->issuer_name, is->deadline_at, is->date_only};
	if (rc == 0)
		rc = recipients_insert(d, is->a, &b, is->units.v, is->units.n, NULL, e);
	if (rc == 0) {
		char *after = issue_audit(is, (int)version);
		rc = audit_log(d, is->a, "issue", "campaign", is->id, NULL, after, e);
		free(after);
	}
	return rc;
}

int campaign_issue(db *d, const actor *a, const struct campaign_input *in, int64_t *id, err *e)
{
	int rc = campaign_check_issue(d, a, in, e);
	if (rc)
		return rc;
	arena *ar = arena_new();
	struct issue is = {.a = a};
	unit issuer;
	rc = unit_get(d, ar, a->unit_id, &issuer, e);
	if (rc == 0) {
		is.issuer_name = issuer.name;
		rc = check_issue(d, ar, in, &is, e);
	}
	if (rc == 0)
		rc = core_tx(d, e, issue_tx, &is);
	if (rc == 0 && id)
		*id = is.id;
	free(is.title);
	free(is.document_no);
	idset_free(&is.units);
	arena_free(ar);
	return rc;
}

/* ---- recipients added later ---- */

struct add_ctx {
	const actor *a;
	const campaign *c;
	struct idset *units;
	int64_t added;
};

static int add_tx(db *d, void *p, err *e)
{
	struct add_ctx *x = p;
	struct campaign_brief b = {x->c->id, x->c->title, x->c->issuer_name, x->c->deadline_at,
				   x->c->deadline_date_only};
	int rc = recipients_insert(d, x->a, &b, x->units->v, x->units->n, &x->added, e);
	if (rc == 0) {
		char before[64], after[64];
		snprintf(before, sizeof before, "{\"recipients\":%lld}", (long long)x->c->n_recipients);
		snprintf(after, sizeof after, "{\"recipients\":%lld}",
			 (long long)(x->c->n_recipients + x->added));
		rc = audit_log(d, x->a, "add_recipients", "campaign", x->c->id, before, after, e);
	}
	return rc;
}

int campaign_check_add(db *d, const actor *a, int64_t id, const struct recipient_sel *sel, err *e)
{
	arena *ar = arena_new();
	campaign c;
	int rc = campaign_get(d, ar, a, id, &c, e);
	if (rc == 0 && !c.may_manage)
		rc = err_set(e, E_FORBIDDEN,
			     "Chỉ cán bộ thi đua - khen thưởng hoặc quản trị của đơn vị ban hành được "
			     "thêm đơn vị nhận");
	if (rc == 0 && sel)
		rc = recipients_authorize(d, a, sel, e);
	arena_free(ar);
	return rc;
}

int campaign_add_recipients(db *d, const actor *a, int64_t id, const struct recipient_sel *sel,
			    int64_t *added, err *e)
{
	arena *ar = arena_new();
	campaign c;
	struct idset units = {0};
	int rc = campaign_check_add(d, a, id, sel, e);
	if (rc == 0)
		rc = campaign_get(d, ar, a, id, &c, e);
	if (rc == 0)
		rc = recipients_resolve(d, c.issuer_unit_id, sel, &units, e);
	struct add_ctx x = {a, &c, &units, 0};
	if (rc == 0)
		rc = core_tx(d, e, add_tx, &x);
	if (added)
		*added = x.added;
	idset_free(&units);
	arena_free(ar);
	return rc;
}
