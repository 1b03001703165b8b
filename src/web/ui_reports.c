/*
 * ui_reports.c — the unit's side of campaigns: the inbox ("Báo cáo của đơn
 * vị": notices and the campaigns received, with deadlines and days left),
 * one report's page (the form to fill, or the document to read with the
 * issuer's return/accept), saving (a form post, or the autosave script
 * asking for JSON), submitting, asking for approval, attachments and the
 * versions kept in the history.
 */
#include "web/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/campaigns.h"
#include "core/deadline.h"
#include "core/notices.h"
#include "core/reports.h"
#include "web/ui_report_form.h"

/* ---- small views ---- */

static void state_badge(buf *b, int state)
{
	h_fmt(b, "<span class=\"state %s\">%s</span>", report_state_name(state), report_state_label(state));
}

static const char *when(req *r, int64_t t)
{
	char s[32];
	if (!t)
		return "—";
	local_stamp_vn(t, s);
	return arena_strdup(r->a, s);
}

/* "còn 3 ngày" / "hôm nay là hạn cuối" / "quá hạn 2 ngày". */
static void days_left(req *r, buf *b, int64_t deadline_at)
{
	int64_t now = now_unix(), left = deadline_days_left(deadline_at, now);
	if (deadline_is_late(deadline_at, now))
		h_fmt(b, "<span class=\"days over\">quá hạn %lld ngày</span>",
		      (long long)(left < 0 ? -left : 0));
	else if (left == 0)
		h_raw(b, "<span class=\"days today\">hôm nay là hạn cuối</span>");
	else
		h_fmt(b, "<span class=\"days\">còn %lld ngày</span>", (long long)left);
	(void)r;
}

static const char *deadline_str(req *r, int64_t at, bool date_only)
{
	char s[32];
	deadline_text(at, date_only, s);
	return arena_strdup(r->a, s);
}

/* ---- inbox ---- */

static void notices_panel(req *r, resp *w)
{
	buf *b = &w->body;
	notice *v;
	size_t n;
	err e;
	if (notices_list(r->db, r->a, &r->who, false, 30, &v, &n, &e) || n == 0)
		return;
	h_raw(b, "<section class=\"panel\" id=\"notices\"><h2>Thông báo</h2><ul class=\"notices\">");
	bool unread = false;
	for (size_t i = 0; i < n; i++) {
		unread |= !v[i].read_at;
		h_fmt(b, "<li class=\"%S\"><span class=\"when\">%s</span> ", v[i].read_at ? "read" : "unread",
		      when(r, v[i].created_at));
		if (v[i].report_id)
			h_fmt(b, "<a href=\"/reports/%lld\">%s</a>", (long long)v[i].report_id, v[i].message);
		else
			h_fmt(b, "%s", v[i].message);
		if (!v[i].read_at) {
			h_fmt(b, " <form method=\"post\" action=\"/notices/%lld/read\" class=\"inline\">",
			      (long long)v[i].id);
			ui_csrf(r, w);
			h_raw(b, "<button type=\"submit\" class=\"small\">Đã đọc</button></form>");
		}
		h_raw(b, "</li>");
	}
	h_raw(b, "</ul>");
	if (unread) {
		h_raw(b, "<form method=\"post\" action=\"/notices/read\">");
		ui_csrf(r, w);
		h_raw(b, "<button type=\"submit\" class=\"small\">Đánh dấu tất cả đã đọc</button></form>");
	}
	h_raw(b, "</section>");
}

static void inbox_row(req *r, buf *b, const campaign_row *c)
{
	const campaign *k = &c->c;
	h_fmt(b, "<tr><td><a href=\"/reports/%lld\">%s</a>", (long long)k->my_report_id, k->title);
	if (*k->document_no)
		h_fmt(b, "<br><span class=\"hint\">Văn bản số %s</span>", k->document_no);
	h_fmt(b, "</td><td>%s</td><td class=\"nowrap\">%s</td><td class=\"nowrap\">", k->issuer_name,
	      deadline_str(r, k->deadline_at, k->deadline_date_only));
	if (report_state_counts(c->my_state))
		h_raw(b, "—");
	else
		days_left(r, b, k->deadline_at);
	h_raw(b, "</td><td>");
	state_badge(b, c->my_state);
	h_fmt(b, "</td><td><a class=\"button\" href=\"/reports/%lld\">%S</a></td></tr>",
	      (long long)k->my_report_id,
	      c->my_state == RS_DRAFT || c->my_state == RS_RETURNED ? "Soạn báo cáo" : "Xem báo cáo");
}

void ui_inbox(req *r, resp *w)
{
	campaign_row *v;
	size_t n;
	err e = {0};
	if (campaigns_list(r->db, r->a, &r->who, CAMPAIGNS_RECEIVED, &v, &n, &e)) {
		ui_core_error(r, w, &e);
		return;
	}
	ui_begin(r, w, "Báo cáo của đơn vị", "inbox");
	buf *b = &w->body;
	h_raw(b, "<h1>Báo cáo của đơn vị</h1>");
	notices_panel(r, w);
	h_fmt(b, "<h2>Các đợt báo cáo đơn vị nhận (%zu)</h2>", n);
	if (n == 0) {
		h_raw(b, "<p class=\"empty\">Đơn vị chưa nhận đợt báo cáo nào.</p>");
	} else {
		h_raw(b, "<table class=\"data\" id=\"inbox\"><thead><tr><th>Đợt báo cáo</th>"
			 "<th>Đơn vị yêu cầu</th><th>Hạn nộp</th><th>Thời gian còn lại</th>"
			 "<th>Trạng thái</th><th></th></tr></thead><tbody>");
		for (size_t i = 0; i < n; i++)
			inbox_row(r, b, &v[i]);
		h_raw(b, "</tbody></table>");
	}
	ui_end(r, w);
}

void ui_notice_read(req *r, resp *w)
{
	err e = {0};
	if (notice_mark_read(r->db, &r->who, r->n_id ? r->id[0] : 0, &e)) {
		ui_core_error(r, w, &e);
		return;
	}
	resp_redirect(w, "/inbox");
}

/* ---- the report page ---- */

struct page {
	report rep;
	struct report_rights rt;
	campaign c;
	stored_outline o;
	report_schema s;
};

static int load_page(req *r, struct page *p, err *e)
{
	int rc = report_get(r->db, r->a, &r->who, r->id[0], &p->rep, &p->rt, e);
	if (rc == 0)
		rc = campaign_get(r->db, r->a, &r->who, p->rep.campaign_id, &p->c, e);
	if (rc == 0)
		rc = report_schema_load(r->db, r->a, p->rep.outline_id, &p->o, &p->s, e);
	return rc;
}

static bool editable(const struct page *p)
{
	return p->rt.own_unit && (p->rep.state == RS_DRAFT || p->rep.state == RS_RETURNED);
}

/* The campaigns this report's unit forwarded to its own units: their
 * reports feed this one (compilation). */
static void forwarded(req *r, buf *b, const struct page *p)
{
	campaign_row *v;
	size_t n;
	err e;
	if (campaign_children(r->db, r->a, &r->who, p->rep.campaign_id, &v, &n, &e))
		return;
	for (size_t i = 0; i < n; i++)
		if (v[i].c.parent_report_id == p->rep.id)
			h_fmt(b, "<dt>Chuyển tiếp</dt><dd><a href=\"/campaigns/%lld\">%s</a>: %lld/%lld đơn vị "
				 "cấp dưới đã nộp</dd>",
			      (long long)v[i].c.id, v[i].c.title, (long long)v[i].submitted,
			      (long long)v[i].expected);
	int64_t below = 0;
	if (p->rt.own_unit && (r->who.role == ROLE_ADMIN || r->who.role == ROLE_OFFICER) &&
	    db_get_i64(r->db, &below, &e, "SELECT COUNT(*) FROM units WHERE parent_id = $1 AND active = 1",
		       "l", p->rep.unit_id) == 0 &&
	    below)
		h_fmt(b, "<dt></dt><dd><a href=\"/campaigns/new?parent=%lld\" id=\"forward\">Chuyển tiếp "
			 "cho đơn vị cấp dưới</a></dd>",
		      (long long)p->rep.campaign_id);
}

static void report_facts(req *r, buf *b, const struct page *p)
{
	const campaign *c = &p->c;
	h_fmt(b, "<dl class=\"facts\"><dt>Đợt báo cáo</dt><dd><a href=\"/campaigns/%lld\">%s</a></dd>"
		 "<dt>Đơn vị yêu cầu</dt><dd>%s</dd>",
	      (long long)c->id, c->title, c->issuer_name);
	if (*c->document_no || c->document_date) {
		char d[16] = "";
		if (c->document_date)
			snprintf(d, sizeof d, "%.2s/%.2s/%.4s", c->document_date + 8, c->document_date + 5,
				 c->document_date);
		h_fmt(b, "<dt>Văn bản</dt><dd>Số %s%S%s</dd>", *c->document_no ? c->document_no : "…",
		      c->document_date ? " ngày " : "", d);
	}
	h_fmt(b, "<dt>Hạn nộp</dt><dd>%s ", deadline_str(r, c->deadline_at, c->deadline_date_only));
	if (!report_state_counts(p->rep.state))
		days_left(r, b, c->deadline_at);
	h_raw(b, "</dd><dt>Trạng thái</dt><dd>");
	state_badge(b, p->rep.state);
	if (p->rep.first_submitted_at)
		h_fmt(b, " · nộp lần đầu %s%S", when(r, p->rep.first_submitted_at),
		      p->rep.late == 1 ? " <span class=\"late\">(muộn)</span>" : " (đúng hạn)");
	if (p->rep.submitted_at && p->rep.submitted_at != p->rep.first_submitted_at)
		h_fmt(b, " · nộp lại %s", when(r, p->rep.submitted_at));
	h_fmt(b, "</dd><dt>Phiên bản</dt><dd id=\"version-no\">%d</dd>", p->rep.version);
	forwarded(r, b, p);
	if (c->require_approval)
		h_raw(b, "<dt>Phê duyệt</dt><dd>Lãnh đạo đơn vị duyệt trước khi nộp</dd>");
	h_raw(b, "</dl>");
}

static void return_notice(req *r, buf *b, const struct page *p)
{
	if (p->rep.state != RS_RETURNED)
		return;
	int64_t at = 0;
	char *reason = report_last_return(r->db, r->a, p->rep.id, &at);
	h_fmt(b, "<div class=\"flash err returned\" role=\"alert\" id=\"return-reason\"><strong>Báo cáo bị "
		 "trả lại</strong> (%s): %s<br>Hãy sửa theo yêu cầu rồi nộp lại.</div>",
	      when(r, at), reason ? reason : "");
}

static void attachments_block(req *r, buf *b, const struct page *p, bool edit)
{
	attachment *v;
	size_t n;
	err e;
	if (report_attachments(r->db, r->a, p->rep.id, &v, &n, &e))
		n = 0;
	h_raw(b, "<section class=\"attachments\" id=\"attachments\"><h2>Tệp đính kèm</h2>");
	if (n == 0)
		h_raw(b, "<p class=\"empty\">Chưa có tệp đính kèm.</p>");
	else
		h_raw(b, "<ul class=\"files\">");
	for (size_t i = 0; i < n; i++) {
		h_fmt(b, "<li><a href=\"/reports/%lld/attachments/%lld\">%s</a> <span class=\"hint\">(%lld KB)</span>",
		      (long long)p->rep.id, (long long)v[i].id, v[i].name,
		      (long long)((v[i].size + 1023) / 1024));
		if (edit)
			h_fmt(b, " <button type=\"submit\" class=\"small\" name=\"detach\" value=\"%lld\""
				 " formnovalidate>Gỡ tệp</button>",
			      (long long)v[i].id);
		h_raw(b, "</li>");
	}
	if (n)
		h_raw(b, "</ul>");
	if (edit)
		h_fmt(b, "<label>Đính kèm tệp (tối đa %d MB; lưu cùng bản nháp) <input type=\"file\" name=\"file\"></label>",
		      (int)(ATTACHMENT_MAX_SIZE >> 20));
	h_raw(b, "</section>");
}

static void submit_buttons(buf *b, const struct page *p)
{
	long long id = (long long)p->rep.id;
	h_raw(b, "<div class=\"actions\"><button type=\"submit\" id=\"save\">Lưu bản nháp</button>");
	if (p->rt.submit)
		h_fmt(b, " <button type=\"submit\" formaction=\"/reports/%lld/submit\" id=\"submit\">%S</button>",
		      id, p->rep.require_approval ? "Duyệt và nộp báo cáo" : "Nộp báo cáo");
	else if (p->rep.require_approval)
		h_fmt(b, " <button type=\"submit\" formaction=\"/reports/%lld/request-approval\""
			 " id=\"request-approval\">Trình lãnh đạo duyệt</button>",
		      id);
	h_raw(b, " <span id=\"autosave-status\" role=\"status\" class=\"hint\"></span></div>");
}

/* The form to fill; `v` holds what it shows (stored, or as typed). */
static void editor(req *r, resp *w, const struct page *p, const struct form_values *v, int version)
{
	buf *b = &w->body;
	h_fmt(b, "<form method=\"post\" action=\"/reports/%lld\" id=\"report-form\""
		 " enctype=\"multipart/form-data\" data-autosave=\"%lld\" class=\"report\">",
	      (long long)p->rep.id, (long long)p->rep.id);
	ui_csrf(r, w);
	h_fmt(b, "<input type=\"hidden\" name=\"version\" value=\"%d\">", version);
	h_raw(b, "<p class=\"hint markup-help\">Trình bày nội dung: để một dòng trống giữa các đoạn; "
		 "dòng bắt đầu bằng “- ” là một ý liệt kê; <strong>**chữ đậm**</strong>, "
		 "<em>*chữ nghiêng*</em>. Bản nháp được tự động lưu sau vài giây.</p>");
	report_form_render(b, r->a, &p->o, v, true);
	attachments_block(r, b, p, true);
	submit_buttons(b, p);
	h_raw(b, "</form>");
}

static void review_forms(req *r, resp *w, const struct page *p)
{
	if (!p->rt.review || p->rep.state != RS_SUBMITTED)
		return;
	buf *b = &w->body;
	long long id = (long long)p->rep.id;
	h_raw(b, "<section class=\"panel review\" id=\"review\"><h2>Xử lý báo cáo</h2>");
	h_fmt(b, "<form method=\"post\" action=\"/reports/%lld/accept\" class=\"inline\">", id);
	ui_csrf(r, w);
	h_raw(b, "<button type=\"submit\" id=\"accept\">Tiếp nhận báo cáo</button></form>");
	h_fmt(b, "<form method=\"post\" action=\"/reports/%lld/return\" class=\"return\">", id);
	ui_csrf(r, w);
	h_raw(b, "<label>Lý do trả lại <textarea name=\"reason\" rows=\"3\" required maxlength=\"2000\""
		 " placeholder=\"Nêu rõ nội dung cần bổ sung, sửa đổi\"></textarea></label>"
		 "<button type=\"submit\" id=\"return\" class=\"secondary\">Trả lại báo cáo</button></form></section>");
}

static const char *event_label(const char *ev)
{
	static const char *const map[][2] = {
		{"submit", "Nộp báo cáo"},
		{"approve_submit", "Lãnh đạo duyệt và nộp báo cáo"},
		{"approval_requested", "Trình lãnh đạo duyệt"},
		{"return", "Trả lại báo cáo"},
		{"accept", "Tiếp nhận báo cáo"},
		{"attach", "Đính kèm tệp"},
		{"detach", "Gỡ tệp đính kèm"},
	};
	for (size_t i = 0; i < sizeof map / sizeof *map; i++)
		if (strcmp(ev, map[i][0]) == 0)
			return map[i][1];
	return ev;
}

static void history(req *r, buf *b, const struct page *p)
{
	report_event *ev;
	int *versions;
	int64_t *saved;
	size_t n, nv;
	err e;
	if (report_events(r->db, r->a, p->rep.id, &ev, &n, &e) ||
	    report_versions(r->db, r->a, p->rep.id, &versions, &saved, &nv, &e) || n == 0)
		return;
	h_raw(b, "<section class=\"history\" id=\"history\"><h2>Lịch sử báo cáo</h2><table class=\"data\">"
		 "<thead><tr><th>Thời gian</th><th>Người thực hiện</th><th>Việc</th><th>Phiên bản</th>"
		 "</tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		h_fmt(b, "<tr><td class=\"nowrap\">%s</td><td>%s</td><td>%s", when(r, ev[i].at),
		      *ev[i].user_name ? ev[i].user_name : "—", event_label(ev[i].event));
		if (ev[i].late == 1)
			h_raw(b, " <span class=\"late\">(muộn)</span>");
		if (*ev[i].reason)
			h_fmt(b, ": <q>%s</q>", ev[i].reason);
		bool kept = false;
		for (size_t k = 0; k < nv; k++)
			kept |= versions[k] == ev[i].version;
		if (kept && (strcmp(ev[i].event, "submit") == 0 || strcmp(ev[i].event, "approve_submit") == 0))
			h_fmt(b, "</td><td><a href=\"/reports/%lld/versions/%d\">Bản đã nộp (phiên bản %d)</a></td></tr>",
			      (long long)p->rep.id, ev[i].version, ev[i].version);
		else
			h_fmt(b, "</td><td>%d</td></tr>", ev[i].version);
	}
	h_raw(b, "</tbody></table></section>");
}

/* The whole page; `typed` (may be NULL) holds a refused form's values, and
 * `version` the version its hidden field should carry. */
static void report_page(req *r, resp *w, struct page *p, const struct form_values *typed,
			int version, const char *refused, int status)
{
	ui_begin(r, w, p->rep.unit_name, "inbox");
	buf *b = &w->body;
	h_fmt(b, "<p class=\"back\"><a href=\"%S\">← %S</a></p><h1>Báo cáo của %s</h1>",
	      p->c.issuer_side ? arena_printf(r->a, "/campaigns/%lld", (long long)p->c.id) : "/inbox",
	      p->c.issuer_side ? "Tiến độ đợt báo cáo" : "Báo cáo của đơn vị", p->rep.unit_name);
	if (refused)
		ui_flash_msg(r, w, false, refused);
	report_facts(r, b, p);
	return_notice(r, b, p);
	bool edit = editable(p) && !req_query(r, "view");
	struct form_values stored;
	if (!typed || !edit) {
		struct report_content c;
		err e;
		if (report_content_load(r->db, r->a, p->rep.id, &c, &e))
			c.n = 0;
		form_values_from_content(r->a, &c, &stored);
	}
	if (edit) {
		editor(r, w, p, typed ? typed : &stored, typed ? version : p->rep.version);
	} else {
		h_raw(b, "<article class=\"report-view\">");
		report_form_render(b, r->a, &p->o, &stored, false);
		h_raw(b, "</article>");
		attachments_block(r, b, p, false);
		review_forms(r, w, p);
		if (editable(p))
			h_fmt(b, "<p><a href=\"/reports/%lld\">Quay lại soạn báo cáo</a></p>", (long long)p->rep.id);
	}
	history(r, b, p);
	h_raw(b, "<script src=\"/static/report.js\" defer></script>");
	w->status = status ? status : 200;
	ui_end(r, w);
}

void ui_report_page(req *r, resp *w)
{
	struct page p = {0};
	err e = {0};
	if (load_page(r, &p, &e)) {
		ui_core_error(r, w, &e);
		return;
	}
	report_page(r, w, &p, NULL, 0, NULL, 200);
}

/* ---- saving ---- */

static bool wants_json(req *r)
{
	const char *a = req_header(r, "Accept");
	return a && strstr(a, "application/json");
}

/* Saves the posted form, then the file it carries or the file it removes.
 * *version gets the version now (the newer one on a conflict). */
static int save_form(req *r, struct page *p, int *version, err *e)
{
	int64_t expected = 0;
	if (ui_form_int(r, "version", &expected) != 0)
		return err_set(e, E_INVAL, "Thiếu phiên bản báo cáo; hãy tải lại trang");
	struct report_content c;
	int rc = report_form_parse(r, &p->s, &c, e);
	if (rc == 0)
		rc = report_save(r->db, &r->who, p->rep.id, expected, &c, version, e);
	const form_field *file = req_form_field(r, "file");
	if (rc == 0 && file && file->filename && *file->filename)
		rc = report_attach(r->db, &r->who, p->rep.id, file->filename, file->value, file->len,
				   NULL, e);
	int64_t detach = 0;
	if (rc == 0 && ui_form_int(r, "detach", &detach) == 0 && detach > 0)
		rc = report_detach(r->db, &r->who, p->rep.id, detach, e);
	if (rc == 0 && (file || detach)) {
		report now;
		if (report_get(r->db, r->a, &r->who, p->rep.id, &now, NULL, e) == 0)
			*version = now.version;
	}
	return rc;
}

/* A refused save: the same page with what was typed, and the message. */
static void refused(req *r, resp *w, struct page *p, int version, const err *e)
{
	if (e->code == E_NOTFOUND || e->code == E_FORBIDDEN) {
		ui_core_error(r, w, e);
		return;
	}
	struct form_values typed;
	form_values_from_request(r, &typed);
	const char *msg = ui_err_text(e);
	if (e->code == E_CONFLICT && version > 0 && editable(p))
		msg = arena_printf(r->a,
				   "%s. Nội dung bạn vừa nhập vẫn ở dưới đây (chưa lưu). Bấm “Lưu bản nháp” "
				   "để ghi đè lên phiên bản %d, hoặc mở bản đang lưu trong thẻ mới để so sánh.",
				   e->msg, version);
	int64_t posted = 0;
	ui_form_int(r, "version", &posted);
	report_page(r, w, p, &typed, e->code == E_CONFLICT ? version : (int)posted, msg,
		    ui_status_of(e));
}

void ui_report_save(req *r, resp *w)
{
	struct page p = {0};
	err e = {0};
	int version = 0;
	bool json = wants_json(r);
	bool loaded = load_page(r, &p, &e) == 0;
	if (loaded)
		save_form(r, &p, &version, &e);
	if (json) {
		if (e.code == E_CONFLICT)
			resp_json(w, 409, json_pack("{s:s, s:i}", "error", e.msg, "version", version));
		else if (e.code)
			resp_api_err(w, &e);
		else
			resp_json(w, 200, json_pack("{s:i}", "version", version));
		return;
	}
	if (!loaded) {
		ui_core_error(r, w, &e);
		return;
	}
	if (e.code) {
		refused(r, w, &p, version, &e);
		return;
	}
	ui_redirect_msg(r, w, arena_printf(r->a, "/reports/%lld", (long long)p.rep.id), true,
			arena_printf(r->a, "Đã lưu bản nháp (phiên bản %d).", version));
}

/* Submit and ask for approval come from the editor's buttons: what was
 * typed is saved first, so nothing on the page is lost. */
static void save_then(req *r, resp *w, bool submit)
{
	struct page p = {0};
	err e = {0};
	int version = 0;
	bool late = false;
	if (load_page(r, &p, &e)) {
		ui_core_error(r, w, &e);
		return;
	}
	if (req_form(r, "version") && save_form(r, &p, &version, &e)) {
		refused(r, w, &p, version, &e);
		return;
	}
	int rc = submit ? report_submit(r->db, &r->who, p.rep.id, &late, &e)
			: report_request_approval(r->db, &r->who, p.rep.id, &e);
	const char *path = arena_printf(r->a, "/reports/%lld", (long long)p.rep.id);
	if (rc)
		ui_redirect_msg(r, w, path, false, ui_err_text(&e));
	else if (submit)
		ui_redirect_msg(r, w, path, true,
				late ? "Đã nộp báo cáo (sau hạn nộp)." : "Đã nộp báo cáo đúng hạn.");
	else
		ui_redirect_msg(r, w, path, true, "Đã trình lãnh đạo đơn vị duyệt báo cáo.");
}

void ui_report_submit(req *r, resp *w)
{
	save_then(r, w, true);
}

void ui_report_request_approval(req *r, resp *w)
{
	save_then(r, w, false);
}

static void review(req *r, resp *w, bool accept)
{
	err e = {0};
	int rc = accept ? report_accept(r->db, &r->who, r->id[0], &e)
			: report_return(r->db, &r->who, r->id[0], req_form(r, "reason"), &e);
	if (rc == E_NOTFOUND || rc == E_FORBIDDEN) {
		ui_core_error(r, w, &e);
		return;
	}
	ui_redirect_msg(r, w, arena_printf(r->a, "/reports/%lld", (long long)r->id[0]), rc == 0,
			rc ? ui_err_text(&e) : accept ? "Đã tiếp nhận báo cáo." : "Đã trả lại báo cáo cho đơn vị.");
}

void ui_report_accept(req *r, resp *w)
{
	review(r, w, true);
}

void ui_report_return(req *r, resp *w)
{
	review(r, w, false);
}

void ui_report_attachment(req *r, resp *w)
{
	attachment f;
	err e = {0};
	if (report_attachment_get(r->db, r->a, &r->who, r->id[0], r->id[1], &f, &e)) {
		ui_core_error(r, w, &e);
		return;
	}
	resp_download(r, w, f.name, f.mime, f.data, (size_t)f.size);
}

/* A submitted version, read-only, from its snapshot. */
void ui_report_version(req *r, resp *w)
{
	struct page p = {0};
	err e = {0};
	char *snap = NULL;
	int64_t saved = 0;
	if (load_page(r, &p, &e) ||
	    (r->id[1] > 1000000000 && err_set(&e, E_NOTFOUND, "Không có phiên bản này")) ||
	    report_version_get(r->db, r->a, &r->who, p.rep.id, (int)r->id[1], &snap, &saved, &e)) {
		ui_core_error(r, w, &e);
		return;
	}
	json_t *j = json_loads(snap, 0, NULL);
	struct report_content c = {0};
	if (!j || report_content_from_json(r->a, json_object_get(j, "items"), &c, &e))
		c.n = 0;
	struct form_values v;
	form_values_from_content(r->a, &c, &v);
	ui_begin(r, w, p.rep.unit_name, "inbox");
	buf *b = &w->body;
	h_fmt(b, "<p class=\"back\"><a href=\"/reports/%lld\">← Báo cáo hiện tại</a></p>"
		 "<h1>Báo cáo của %s — bản đã nộp, phiên bản %d</h1><p class=\"hint\">Lưu lúc %s</p>",
	      (long long)p.rep.id, p.rep.unit_name, (int)r->id[1], when(r, saved));
	h_raw(b, "<article class=\"report-view\">");
	report_form_render(b, r->a, &p.o, &v, false);
	h_raw(b, "</article>");
	json_t *files = json_object_get(j, "attachments");
	if (json_array_size(files)) {
		h_raw(b, "<h2>Tệp đính kèm khi nộp</h2><ul class=\"files\">");
		for (size_t i = 0; i < json_array_size(files); i++) {
			json_t *f = json_array_get(files, i);
			h_fmt(b, "<li><a href=\"/reports/%lld/attachments/%lld\">%s</a></li>", (long long)p.rep.id,
			      (long long)json_integer_value(json_object_get(f, "id")),
			      json_string_value(json_object_get(f, "name")));
		}
		h_raw(b, "</ul>");
	}
	ui_end(r, w);
	json_decref(j);
}
