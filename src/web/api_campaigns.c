/*
 * api_campaigns.c — /api/v1/campaigns: issue, list, read, progress, add
 * recipients, reminders, the cascade below a campaign; /api/v1/notices.
 *
 * Authorization is decided before anything in the body is judged
 * (API.md): a body's shape errors are collected while the ids it names
 * are read, core decides whether the caller may act on those ids (403/404),
 * and only then is a shape error answered with 422.
 */
#include "web/api.h"

#include <string.h>

#include "core/campaigns.h"
#include "core/deadline.h"
#include "core/notices.h"
#include "core/reports.h"

json_t *json_time(int64_t t)
{
	char s[32];
	if (!t)
		return json_null();
	local_iso(t, s);
	return json_string(s);
}

static json_t *id_or_null(int64_t id)
{
	return id ? json_integer(id) : json_null();
}

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *campaign_to_json(const campaign *c)
{
	json_t *o = json_pack("{s:I, s:s, s:s, s:I, s:s, s:I, s:i, s:s, s:b, s:b, s:I, s:b, s:b}",
			      "id", (json_int_t)c->id, "title", c->title, "document_no",
			      c->document_no, "issuer_unit_id", (json_int_t)c->issuer_unit_id,
			      "issuer_unit_name", c->issuer_name, "outline_id", (json_int_t)c->outline_id,
			      "outline_version", c->outline_version, "outline_title", c->outline_title,
			      "deadline_date_only", c->deadline_date_only, "require_approval",
			      c->require_approval, "expected", (json_int_t)c->n_recipients,
			      "issuer_side", c->issuer_side, "may_manage", c->may_manage);
	json_object_set_new(o, "document_date", str_or_null(c->document_date));
	json_object_set_new(o, "period", json_pack("{s:o, s:o}", "from", str_or_null(c->period_from),
						   "to", str_or_null(c->period_to)));
	json_object_set_new(o, "deadline", json_time(c->deadline_at));
	json_object_set_new(o, "movement_id", id_or_null(c->movement_id));
	json_object_set_new(o, "movement_title", str_or_null(c->movement_title));
	json_object_set_new(o, "parent_campaign_id", id_or_null(c->parent_campaign_id));
	json_object_set_new(o, "parent_report_id", id_or_null(c->parent_report_id));
	json_object_set_new(o, "my_report_id", id_or_null(c->my_report_id));
	json_object_set_new(o, "created_at", json_time(c->created_at));
	return o;
}

static json_t *row_to_json(const campaign_row *r)
{
	json_t *o = campaign_to_json(&r->c);
	json_object_set_new(o, "submitted", json_integer(r->submitted));
	json_object_set_new(o, "late", json_integer(r->late));
	json_object_set_new(o, "my_report_state",
			    r->my_state >= 0 ? json_string(report_state_name(r->my_state)) : json_null());
	return o;
}

/* ---- reading the body ---- */

/* The integers of array `key` (absent: none). Elements of another type are
 * skipped, and reported in *shape, so authorization sees every id named. */
static void read_ids(arena *ar, json_t *o, const char *key, const int64_t **out, size_t *n,
		     err *shape)
{
	json_t *arr = json_object_get(o, key);
	*out = NULL;
	*n = 0;
	if (!arr || json_is_null(arr))
		return;
	if (!json_is_array(arr)) {
		if (!shape->code)
			err_set(shape, E_INVAL, "Trường \"%s\" phải là một mảng mã số", key);
		return;
	}
	int64_t *v = arena_alloc(ar, (json_array_size(arr) + 1) * sizeof *v);
	for (size_t i = 0; i < json_array_size(arr); i++) {
		json_t *x = json_array_get(arr, i);
		if (json_is_integer(x))
			v[(*n)++] = json_integer_value(x);
		else if (!shape->code)
			err_set(shape, E_INVAL, "Trường \"%s\" chỉ gồm mã số (số nguyên)", key);
	}
	*out = v;
}

static void read_kinds(arena *ar, json_t *o, struct recipient_sel *sel, err *shape)
{
	json_t *arr = json_object_get(o, "kinds");
	if (!arr || json_is_null(arr))
		return;
	if (!json_is_array(arr)) {
		if (!shape->code)
			err_set(shape, E_INVAL, "Trường \"kinds\" phải là một mảng");
		return;
	}
	const char **v = arena_alloc(ar, (json_array_size(arr) + 1) * sizeof *v);
	for (size_t i = 0; i < json_array_size(arr); i++) {
		json_t *x = json_array_get(arr, i);
		if (json_is_string(x))
			v[sel->n_kinds++] = json_string_value(x);
		else if (!shape->code)
			err_set(shape, E_INVAL, "Trường \"kinds\" chỉ gồm mã loại đơn vị");
	}
	sel->kinds = v;
}

/* "recipients": [ids] and "recipient_rules": {"subtrees","kinds","groups"}. */
static void read_selection(arena *ar, json_t *j, struct recipient_sel *sel, err *shape)
{
	memset(sel, 0, sizeof *sel);
	read_ids(ar, j, "recipients", &sel->units, &sel->n_units, shape);
	json_t *rules = json_object_get(j, "recipient_rules");
	if (!rules || json_is_null(rules))
		return;
	if (!json_is_object(rules)) {
		if (!shape->code)
			err_set(shape, E_INVAL, "Trường \"recipient_rules\" phải là một đối tượng");
		return;
	}
	read_ids(ar, rules, "subtrees", &sel->subtrees, &sel->n_subtrees, shape);
	read_ids(ar, rules, "groups", &sel->groups, &sel->n_groups, shape);
	read_kinds(ar, rules, sel, shape);
}

/* The fields of POST /campaigns other than the recipients. */
static int read_fields(json_t *j, struct campaign_input *in, err *e)
{
	int approval = 0, rc;
	json_t *period = json_object_get(j, "period");
	if ((rc = j_str(j, "title", true, &in->title, e)) ||
	    (rc = j_str(j, "deadline", true, &in->deadline, e)) ||
	    (rc = j_int(j, "outline_id", !in->parent_campaign_id, &in->outline_id, e)) ||
	    (rc = j_str(j, "document_no", false, &in->document_no, e)) ||
	    (rc = j_str(j, "document_date", false, &in->document_date, e)) ||
	    (rc = j_int(j, "movement_id", false, &in->movement_id, e)) ||
	    (rc = j_bool(j, "require_approval", &approval, e)))
		return rc;
	in->require_approval = approval != 0;
	if (period && !json_is_null(period)) {
		if (!json_is_object(period))
			return err_set(e, E_INVAL, "Trường \"period\" phải là {\"from\", \"to\"}");
		if ((rc = j_str(period, "from", false, &in->period_from, e)) ||
		    (rc = j_str(period, "to", false, &in->period_to, e)))
			return rc;
	}
	json_t *rec = json_object_get(j, "recipients");
	if (rec && !json_is_null(rec) && !json_is_array(rec))
		return err_set(e, E_INVAL, "Trường \"recipients\" phải là một mảng mã đơn vị");
	return 0;
}

static bool may_issue(const actor *a)
{
	return a->role == ROLE_ADMIN || a->role == ROLE_OFFICER;
}

void api_campaigns_create(req *r, resp *w)
{
	if (!may_issue(&r->who)) {
		resp_json_error(w, 403, "Chỉ cán bộ thi đua - khen thưởng hoặc quản trị hệ thống được ban hành đợt báo cáo");
		return;
	}
	json_t *j = req_json(r, w);
	if (!j)
		return;
	err e = {0}, shape = {0};
	struct campaign_input in = {0};
	read_selection(r->a, j, &in.rec, &shape);
	json_t *parent = json_object_get(j, "parent_campaign_id");
	if (json_is_integer(parent))
		in.parent_campaign_id = json_integer_value(parent);
	else if (parent && !json_is_null(parent) && !shape.code)
		err_set(&shape, E_INVAL, "Trường \"parent_campaign_id\" phải là số nguyên");
	int64_t id = 0;
	if (campaign_check_issue(r->db, &r->who, &in, &e) == 0) {
		if (shape.code)
			e = shape;
		else if (read_fields(j, &in, &e) == 0)
			campaign_issue(r->db, &r->who, &in, &id, &e);
	}
	json_decref(j);
	if (e.code)
		resp_api_err(w, &e);
	else
		resp_json(w, 201, json_pack("{s:I}", "id", (json_int_t)id));
}

void api_campaigns_list(req *r, resp *w)
{
	const char *s = req_query(r, "scope");
	enum campaign_scope scope = CAMPAIGNS_ALL;
	if (s && strcmp(s, "issued") == 0)
		scope = CAMPAIGNS_ISSUED;
	else if (s && strcmp(s, "received") == 0)
		scope = CAMPAIGNS_RECEIVED;
	else if (s && *s && strcmp(s, "all") != 0) {
		resp_json_error(w, 400, "Tham số scope phải là all, issued hoặc received");
		return;
	}
	campaign_row *v;
	size_t n;
	err e = {0};
	if (campaigns_list(r->db, r->a, &r->who, scope, &v, &n, &e)) {
		resp_api_err(w, &e);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, row_to_json(&v[i]));
	resp_json(w, 200, json_pack("{s:o}", "campaigns", arr));
}

void api_campaign_get(req *r, resp *w)
{
	campaign c;
	err e = {0};
	if (campaign_get(r->db, r->a, &r->who, r->id[0], &c, &e)) {
		resp_api_err(w, &e);
		return;
	}
	resp_json(w, 200, campaign_to_json(&c));
}

void api_campaign_children(req *r, resp *w)
{
	campaign c;
	campaign_row *v;
	size_t n;
	err e = {0};
	if (campaign_get(r->db, r->a, &r->who, r->id[0], &c, &e) ||
	    campaign_children(r->db, r->a, &r->who, c.id, &v, &n, &e)) {
		resp_api_err(w, &e);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, row_to_json(&v[i]));
	resp_json(w, 200, json_pack("{s:o}", "campaigns", arr));
}

static json_t *progress_row_json(const struct progress_row *p)
{
	bool counted = report_state_counts(p->state);
	json_t *o = json_pack("{s:I, s:s, s:s, s:I, s:s}", "unit_id", (json_int_t)p->unit_id,
			      "unit_name", p->unit_name, "unit_code", p->unit_code, "report_id",
			      (json_int_t)p->report_id, "state", report_state_name(p->state));
	/* as counted: the first submission decides, and only reports now
	 * submitted or accepted count (a returned one is missing again) */
	json_object_set_new(o, "submitted_at", counted ? json_time(p->first_submitted_at) : json_null());
	json_object_set_new(o, "late", counted ? json_boolean(p->late == 1) : json_null());
	json_object_set_new(o, "last_submitted_at", json_time(p->submitted_at));
	json_object_set_new(o, "reminded_at", json_time(p->reminded_at));
	return o;
}

void api_campaign_progress(req *r, resp *w)
{
	const char *filter = req_query(r, "state");
	struct progress p;
	err e = {0};
	if (campaign_progress(r->db, r->a, &r->who, r->id[0], &p, &e)) {
		resp_api_err(w, &e);
		return;
	}
	if (!progress_filter_valid(filter)) {
		resp_json_error(w, 400, "Tham số state phải là draft, submitted, returned, accepted, missing, on_time hoặc late");
		return;
	}
	json_t *units = json_array();
	for (size_t i = 0; i < p.n; i++)
		if (progress_row_matches(&p.rows[i], filter))
			json_array_append_new(units, progress_row_json(&p.rows[i]));
	resp_json(w, 200,
		  json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:o}", "expected",
			    (json_int_t)p.expected, "submitted", (json_int_t)p.submitted, "on_time",
			    (json_int_t)p.on_time, "late", (json_int_t)p.late, "missing",
			    (json_int_t)p.missing, "drafts", (json_int_t)p.drafts, "returned",
			    (json_int_t)p.returned, "accepted", (json_int_t)p.accepted, "units", units));
}

void api_campaign_add_recipients(req *r, resp *w)
{
	err e = {0}, shape = {0};
	/* who may act is known before the body is read */
	if (campaign_check_add(r->db, &r->who, r->id[0], NULL, &e)) {
		resp_api_err(w, &e);
		return;
	}
	json_t *j = req_json(r, w);
	if (!j)
		return;
	struct recipient_sel sel;
	read_selection(r->a, j, &sel, &shape);
	int64_t added = 0;
	campaign c;
	/* the ids that could be read are authorized before a shape error is told */
	if (campaign_check_add(r->db, &r->who, r->id[0], &sel, &e) == 0) {
		if (shape.code)
			e = shape;
		else if (campaign_add_recipients(r->db, &r->who, r->id[0], &sel, &added, &e) == 0)
			campaign_get(r->db, r->a, &r->who, r->id[0], &c, &e);
	}
	json_decref(j);
	if (e.code) {
		resp_api_err(w, &e);
		return;
	}
	resp_json(w, 200, json_pack("{s:I, s:I}", "added", (json_int_t)added, "expected",
				    (json_int_t)c.n_recipients));
}

void api_campaign_remind(req *r, resp *w)
{
	int64_t sent = 0;
	err e = {0};
	if (campaign_remind(r->db, &r->who, r->id[0], &sent, &e)) {
		resp_api_err(w, &e);
		return;
	}
	resp_json(w, 200, json_pack("{s:I}", "sent", (json_int_t)sent));
}

/* ---- notices ---- */

void api_notices_list(req *r, resp *w)
{
	const char *unread = req_query(r, "unread");
	notice *v;
	size_t n;
	err e = {0};
	if (notices_list(r->db, r->a, &r->who, unread && strcmp(unread, "1") == 0, q_int(r, "limit"),
			 &v, &n, &e)) {
		resp_api_err(w, &e);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_pack("{s:I, s:s, s:s, s:b}", "id", (json_int_t)v[i].id, "kind", v[i].kind,
				      "message", v[i].message, "read", v[i].read_at != 0);
		json_object_set_new(o, "campaign_id", id_or_null(v[i].campaign_id));
		json_object_set_new(o, "report_id", id_or_null(v[i].report_id));
		json_object_set_new(o, "created_at", json_time(v[i].created_at));
		json_array_append_new(arr, o);
	}
	resp_json(w, 200, json_pack("{s:o, s:I}", "notices", arr, "unread",
				    (json_int_t)notices_unread(r->db, &r->who)));
}

void api_notice_read(req *r, resp *w)
{
	err e = {0};
	int64_t id = r->n_id ? r->id[0] : 0;
	if (notice_mark_read(r->db, &r->who, id, &e)) {
		resp_api_err(w, &e);
		return;
	}
	resp_json(w, 200, json_pack("{s:I}", "unread", (json_int_t)notices_unread(r->db, &r->who)));
}
