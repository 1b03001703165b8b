/*
 * api_reports.c — /api/v1/reports: list, read, save (PUT with the version
 * the client started from; 409 when stale), submit, ask for approval,
 * return, accept, history, submitted versions and attachments.
 *
 * Each handler asks core whether the caller may act on the report (404
 * when it may not see it, 403 when it may see but not act) before the body
 * is read; content errors (422) come next and state conflicts (409) last.
 */
#include "web/api.h"

#include <stdio.h>
#include <string.h>

#include "core/reports.h"

static json_t *report_json(const report *r)
{
	json_t *o = json_pack("{s:I, s:I, s:I, s:s, s:s, s:s, s:i, s:I, s:b}", "id", (json_int_t)r->id,
			      "campaign_id", (json_int_t)r->campaign_id, "unit_id",
			      (json_int_t)r->unit_id, "unit_name", r->unit_name, "unit_code",
			      r->unit_code, "state", report_state_name(r->state), "version", r->version,
			      "outline_id", (json_int_t)r->outline_id, "require_approval",
			      r->require_approval);
	json_object_set_new(o, "late", r->late < 0 ? json_null() : json_boolean(r->late == 1));
	json_object_set_new(o, "first_submitted_at", json_time(r->first_submitted_at));
	json_object_set_new(o, "submitted_at", json_time(r->submitted_at));
	json_object_set_new(o, "accepted_at", json_time(r->accepted_at));
	json_object_set_new(o, "deadline", json_time(r->deadline_at));
	return o;
}

void api_reports_list(req *r, resp *w)
{
	int64_t campaign = q_int(r, "campaign");
	if (campaign < 0) {
		resp_json_error(w, 400, "Tham số campaign phải là mã số đợt báo cáo");
		return;
	}
	report *v;
	size_t n;
	err e = {0};
	if (reports_list(r->db, r->a, &r->who, campaign, &v, &n, &e)) {
		resp_api_err(w, &e);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, report_json(&v[i]));
	resp_json(w, 200, json_pack("{s:o}", "reports", arr));
}

static json_t *files_json(const attachment *v, size_t n)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_pack("{s:I, s:s, s:s, s:I, s:s}", "id", (json_int_t)v[i].id, "name",
				      v[i].name, "mime", v[i].mime, "size", (json_int_t)v[i].size,
				      "sha256", v[i].sha256);
		json_object_set_new(o, "created_at", json_time(v[i].created_at));
		json_array_append_new(arr, o);
	}
	return arr;
}

void api_report_get(req *r, resp *w)
{
	report rep;
	struct report_rights rt;
	struct report_content c;
	attachment *files;
	size_t n_files;
	err e = {0};
	if (report_get(r->db, r->a, &r->who, r->id[0], &rep, &rt, &e) ||
	    report_content_load(r->db, r->a, rep.id, &c, &e) ||
	    report_attachments(r->db, r->a, rep.id, &files, &n_files, &e)) {
		resp_api_err(w, &e);
		return;
	}
	json_t *o = report_json(&rep);
	json_object_set_new(o, "items", report_content_json(&c));
	json_object_set_new(o, "attachments", files_json(files, n_files));
	char *reason = rep.state == RS_RETURNED ? report_last_return(r->db, r->a, rep.id, NULL) : NULL;
	json_object_set_new(o, "return_reason", reason ? json_string(reason) : json_null());
	bool open = rep.state == RS_DRAFT || rep.state == RS_RETURNED;
	json_object_set_new(o, "may", json_pack("{s:b, s:b, s:b}", "edit", rt.own_unit && open,
						"submit", rt.submit && open, "review",
						rt.review && rep.state == RS_SUBMITTED));
	resp_json(w, 200, o);
}

void api_report_update(req *r, resp *w)
{
	err e = {0};
	if (report_check_edit(r->db, &r->who, r->id[0], &e)) {
		resp_api_err(w, &e);
		return;
	}
	json_t *j = req_json(r, w);
	if (!j)
		return;
	int64_t version = 0;
	int now = 0;
	struct report_content c = {0};
	json_t *items = json_object_get(j, "items");
	if (j_int(j, "version", true, &version, &e) == 0) {
		if (!items)
			err_set(&e, E_INVAL, "Thiếu trường \"items\"");
		else if (report_content_from_json(r->a, items, &c, &e) == 0)
			report_save(r->db, &r->who, r->id[0], version, &c, &now, &e);
	}
	json_decref(j);
	if (e.code == E_CONFLICT) {
		/* the version now, so the client can show what changed */
		resp_json(w, 409, json_pack("{s:s, s:i}", "error", e.msg, "version", now));
		return;
	}
	if (e.code)
		resp_api_err(w, &e);
	else
		resp_json(w, 200, json_pack("{s:i}", "version", now));
}

void api_report_submit(req *r, resp *w)
{
	bool late = false;
	err e = {0};
	if (report_submit(r->db, &r->who, r->id[0], &late, &e)) {
		resp_api_err(w, &e);
		return;
	}
	resp_json(w, 200, json_pack("{s:s, s:b}", "state", "submitted", "late", late));
}

void api_report_request_approval(req *r, resp *w)
{
	err e = {0};
	if (report_request_approval(r->db, &r->who, r->id[0], &e)) {
		resp_api_err(w, &e);
		return;
	}
	resp_json(w, 200, json_pack("{s:b}", "requested", 1));
}

/* 0 when the actor may return or accept report `id`; else answered. */
static int check_review(req *r, resp *w)
{
	report rep;
	struct report_rights rt;
	err e = {0};
	if (report_get(r->db, r->a, &r->who, r->id[0], &rep, &rt, &e) == 0 && !rt.review)
		err_set(&e, E_FORBIDDEN,
			"Chỉ cán bộ thi đua - khen thưởng, lãnh đạo hoặc quản trị của đơn vị ban hành "
			"đợt báo cáo được trả lại hoặc tiếp nhận báo cáo");
	if (e.code)
		resp_api_err(w, &e);
	return e.code;
}

void api_report_return(req *r, resp *w)
{
	if (check_review(r, w))
		return;
	json_t *j = req_json(r, w);
	if (!j)
		return;
	const char *reason = NULL;
	err e = {0};
	if (j_str(j, "reason", true, &reason, &e) == 0)
		report_return(r->db, &r->who, r->id[0], reason, &e);
	json_decref(j);
	if (e.code)
		resp_api_err(w, &e);
	else
		resp_json(w, 200, json_pack("{s:s}", "state", "returned"));
}

void api_report_accept(req *r, resp *w)
{
	err e = {0};
	if (report_accept(r->db, &r->who, r->id[0], &e)) {
		resp_api_err(w, &e);
		return;
	}
	resp_json(w, 200, json_pack("{s:s}", "state", "accepted"));
}

void api_report_history(req *r, resp *w)
{
	report rep;
	report_event *ev;
	int *versions;
	int64_t *saved;
	size_t n_ev, n_v;
	err e = {0};
	if (report_get(r->db, r->a, &r->who, r->id[0], &rep, NULL, &e) ||
	    report_events(r->db, r->a, rep.id, &ev, &n_ev, &e) ||
	    report_versions(r->db, r->a, rep.id, &versions, &saved, &n_v, &e)) {
		resp_api_err(w, &e);
		return;
	}
	json_t *events = json_array(), *vs = json_array();
	for (size_t i = 0; i < n_ev; i++) {
		json_t *o = json_pack("{s:s, s:i, s:s, s:s}", "event", ev[i].event, "version",
				      ev[i].version, "reason", ev[i].reason, "user", ev[i].user_name);
		json_object_set_new(o, "at", json_time(ev[i].at));
		json_object_set_new(o, "late", ev[i].late < 0 ? json_null() : json_boolean(ev[i].late));
		json_array_append_new(events, o);
	}
	for (size_t i = 0; i < n_v; i++) {
		json_t *o = json_pack("{s:i}", "version", versions[i]);
		json_object_set_new(o, "saved_at", json_time(saved[i]));
		json_array_append_new(vs, o);
	}
	resp_json(w, 200, json_pack("{s:o, s:o}", "events", events, "versions", vs));
}

void api_report_version(req *r, resp *w)
{
	char *snap;
	int64_t at;
	err e = {0};
	if (r->id[1] > 1000000000 ||
	    report_version_get(r->db, r->a, &r->who, r->id[0], (int)r->id[1], &snap, &at, &e)) {
		if (!e.code)
			err_set(&e, E_NOTFOUND, "Không có phiên bản này");
		resp_api_err(w, &e);
		return;
	}
	resp_text(w, 200, "application/json; charset=utf-8", snap, strlen(snap));
}

/* ---- attachments ---- */

void api_report_attachments(req *r, resp *w)
{
	attachment *v;
	size_t n;
	err e = {0};
	if (report_get(r->db, r->a, &r->who, r->id[0], &(report){0}, NULL, &e) ||
	    report_attachments(r->db, r->a, r->id[0], &v, &n, &e)) {
		resp_api_err(w, &e);
		return;
	}
	resp_json(w, 200, json_pack("{s:o}", "attachments", files_json(v, n)));
}

void api_report_attach(req *r, resp *w)
{
	err e = {0};
	int64_t id = 0;
	const char *name = req_query(r, "name");
	if (report_check_edit(r->db, &r->who, r->id[0], &e) == 0)
		report_attach(r->db, &r->who, r->id[0], name, r->body.p, r->body.len, &id, &e);
	if (e.code) {
		resp_api_err(w, &e);
		return;
	}
	report rep;
	report_get(r->db, r->a, &r->who, r->id[0], &rep, NULL, &e);
	resp_json(w, 201, json_pack("{s:I, s:i}", "id", (json_int_t)id, "version", rep.version));
}

void api_report_attachment_get(req *r, resp *w)
{
	attachment f;
	err e = {0};
	if (report_attachment_get(r->db, r->a, &r->who, r->id[0], r->id[1], &f, &e)) {
		resp_api_err(w, &e);
		return;
	}
	resp_download(r, w, f.name, f.mime, f.data, (size_t)f.size);
}

void api_report_detach(req *r, resp *w)
{
	err e = {0};
	if (report_detach(r->db, &r->who, r->id[0], r->id[1], &e)) {
		resp_api_err(w, &e);
		return;
	}
	report rep;
	report_get(r->db, r->a, &r->who, r->id[0], &rep, NULL, &e);
	resp_json(w, 200, json_pack("{s:i}", "version", rep.version));
}
