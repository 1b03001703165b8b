/*
 * ui.c — the page route table, layout, flash messages, error pages and the
 * embedded static files.
 */
#include "web/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <sodium.h>
#include <string.h>

#include "core/notices.h"
#include "core/units.h"
#include "util/embedded.h"

const struct route ui_routes[] = {
	{"GET", "/static/app.css", ui_static, ROUTE_PUBLIC},
	{"GET", "/static/app.js", ui_static, ROUTE_PUBLIC},
	{"GET", "/static/report.js", ui_static, ROUTE_PUBLIC},
	{"GET", "/static/outlines.css", ui_static, ROUTE_PUBLIC},
	{"GET", "/login", ui_login_form, ROUTE_PUBLIC},
	{"POST", "/login", ui_login_post, ROUTE_PUBLIC},
	{"POST", "/logout", ui_logout, 0},
	{"GET", "/", ui_home, 0},
	{"GET", "/units/import", ui_units_import_form, 0},
	{"GET", "/units/import/mau.csv", ui_units_import_template, 0},
	{"POST", "/units/import", ui_units_import, 0},
	{"GET", "/units/{id}", ui_unit_page, 0},
	{"POST", "/units/{id}", ui_unit_update, 0},
	{"POST", "/units", ui_unit_create, 0},
	{"GET", "/users", ui_users, 0},
	{"POST", "/users", ui_users_create, 0},
	{"GET", "/users/{id}", ui_user_page, 0},
	{"POST", "/users/{id}", ui_user_update, 0},
	{"GET", "/movements", ui_movements, 0},
	{"POST", "/movements", ui_movements_create, 0},
	{"GET", "/movements/{id}", ui_movement_page, 0},
	{"GET", "/groups", ui_groups, 0},
	{"POST", "/groups", ui_groups_create, 0},
	{"GET", "/groups/{id}", ui_group_page, 0},
	{"POST", "/groups/{id}", ui_group_update, 0},
	{"POST", "/groups/{id}/members", ui_group_add_members, 0},
	{"POST", "/groups/{id}/members/{id}/remove", ui_group_remove_member, 0},
	{"GET", "/campaigns", ui_campaigns, 0},
	{"GET", "/campaigns/new", ui_campaign_new, 0},
	{"POST", "/campaigns", ui_campaigns_create, 0},
	{"GET", "/campaigns/{id}", ui_campaign_page, 0},
	{"POST", "/campaigns/{id}/recipients", ui_campaign_add_recipients, 0},
	{"POST", "/campaigns/{id}/remind", ui_campaign_remind, 0},
	{"GET", "/inbox", ui_inbox, 0},
	{"POST", "/notices/read", ui_notice_read, 0},
	{"POST", "/notices/{id}/read", ui_notice_read, 0},
	{"GET", "/reports/{id}", ui_report_page, 0},
	{"POST", "/reports/{id}", ui_report_save, 0},
	{"POST", "/reports/{id}/submit", ui_report_submit, 0},
	{"POST", "/reports/{id}/request-approval", ui_report_request_approval, 0},
	{"POST", "/reports/{id}/return", ui_report_return, 0},
	{"POST", "/reports/{id}/accept", ui_report_accept, 0},
	{"GET", "/reports/{id}/attachments/{id}", ui_report_attachment, 0},
	{"GET", "/reports/{id}/versions/{id}", ui_report_version, 0},
	{"GET", "/outlines", ui_outlines, 0},
	{"POST", "/outlines", ui_outlines_import, 0},
	{"GET", "/outlines/{id}", ui_outline_page, 0},
	{"POST", "/outlines/{id}", ui_outline_post, 0},
	{"GET", "/outlines/{id}/edit", ui_outline_edit, 0},
	{"POST", "/outlines/{id}/copy", ui_outline_copy, 0},
	{"GET", "/outlines/{id}/versions/{id}", ui_outline_version, 0},
	{"POST", "/outlines/{id}/tables", ui_outline_table_create, 0},
	{"POST", "/outlines/{id}/tables/{id}", ui_outline_table_update, 0},
	{"GET", "/decisions", ui_decisions, 0},
	{"GET", "/decisions/new", ui_decision_new, 0},
	{"POST", "/decisions", ui_decision_create, 0},
	{"GET", "/decisions/{id}", ui_decision_page, 0},
	{"GET", "/awards/import", ui_awards_import_form, 0},
	{"GET", "/awards/import/mau.csv", ui_awards_import_template, 0},
	{"POST", "/awards/import", ui_awards_import, 0},
	{"GET", "/awards/search", ui_awards_search, 0},
	{"GET", "/awards/stats", ui_awards_stats, 0},
	{"GET", "/award-forms", ui_award_forms, 0},
	{"POST", "/award-forms", ui_award_forms_create, 0},
	{"POST", "/award-forms/edit", ui_award_forms_update, 0},
	{NULL, NULL, NULL, 0},
};

void ui_static(req *r, resp *w)
{
	const char *name = strrchr(r->path, '/') + 1;
	for (const struct embedded_file *f = embedded_static; f->name; f++) {
		if (strcmp(f->name, name) != 0)
			continue;
		const char *ct = strstr(name, ".css") ? "text/css; charset=utf-8"
						      : "text/javascript; charset=utf-8";
		resp_text(w, 200, ct, f->data, f->len);
		resp_header(w, "Cache-Control", "public, max-age=3600");
		return;
	}
	ui_not_found(r, w);
}

static void nav_item(buf *b, const char *href, const char *label, bool active)
{
	h_fmt(b, "<a href=\"%s\"%S>%s</a>", href, active ? " aria-current=\"page\"" : "", label);
}

void ui_begin(req *r, resp *w, const char *title, const char *nav)
{
	buf *b = &w->body;
	buf_reset(b);
	h_fmt(b,
	      "<!doctype html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
	      "<title>%s — Thi đua, khen thưởng</title>"
	      "<link rel=\"stylesheet\" href=\"/static/app.css\">"
	      "<script src=\"/static/app.js\" defer></script></head><body>",
	      title);
	h_raw(b, "<header class=\"top\"><a class=\"brand\" href=\"/\">Thi đua – Khen thưởng</a>");
	if (r->authed) {
		h_raw(b, "<nav>");
		nav_item(b, "/", "Đơn vị", nav && strcmp(nav, "home") == 0);
		nav_item(b, "/movements", "Phong trào thi đua", nav && strcmp(nav, "movements") == 0);
		nav_item(b, "/groups", "Cụm, khối thi đua", nav && strcmp(nav, "groups") == 0);
		nav_item(b, "/outlines", "Đề cương", nav && strcmp(nav, "outlines") == 0);
		nav_item(b, "/campaigns", "Đợt báo cáo", nav && strcmp(nav, "campaigns") == 0);
		int64_t unread = notices_unread(r->db, &r->who);
		nav_item(b, "/inbox",
			 unread ? arena_printf(r->a, "Báo cáo của đơn vị (%lld)", (long long)unread)
				: "Báo cáo của đơn vị",
			 nav && strcmp(nav, "inbox") == 0);
		nav_item(b, "/decisions", "Khen thưởng", nav && strcmp(nav, "awards") == 0);
		if (r->who.role == ROLE_ADMIN)
			nav_item(b, "/users", "Người dùng", nav && strcmp(nav, "users") == 0);
		h_raw(b, "</nav>");
		unit u;
		err e;
		const char *unit_name = unit_get(r->db, r->a, r->who.unit_id, &u, &e) == 0 ? u.name : "";
		h_fmt(b,
		      "<div class=\"who\"><span class=\"user\">%s</span> · <span>%s</span> · "
		      "<span class=\"unit\">%s</span>"
		      "<form method=\"post\" action=\"/logout\" class=\"inline\">",
		      r->who.full_name[0] ? r->who.full_name : r->who.login, role_label(r->who.role),
		      unit_name);
		ui_csrf(r, w);
		h_raw(b, "<button type=\"submit\" class=\"link\">Đăng xuất</button></form></div>");
	}
	h_raw(b, "</header><main>");
	ui_flash(r, w);
}

void ui_end(req *r, resp *w)
{
	h_raw(&w->body, "</main><footer>thidua · Hệ thống quản lý thi đua, khen thưởng</footer>"
			"</body></html>\n");
	w->status = w->status ? w->status : 200;
	w->content_type = "text/html; charset=utf-8";
}

void ui_csrf(req *r, resp *w)
{
	h_fmt(&w->body, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">", r->csrf);
}

/* A flash message travels in the redirect's URL, so it is signed with the
 * session's CSRF secret: a crafted link cannot make our page say anything. */
static void flash_sig(const req *r, const char *kind, const char *msg, char out[33])
{
	unsigned char h[16];
	crypto_generichash_state st;
	crypto_generichash_init(&st, (const unsigned char *)r->csrf, strlen(r->csrf), sizeof h);
	crypto_generichash_update(&st, (const unsigned char *)kind, strlen(kind) + 1);
	crypto_generichash_update(&st, (const unsigned char *)msg, strlen(msg));
	crypto_generichash_final(&st, h, sizeof h);
	sodium_bin2hex(out, 33, h, sizeof h);
}

void ui_flash(req *r, resp *w)
{
	const char *sig = req_query(r, "sig");
	if (!r->authed || !sig)
		return;
	const char *kinds[] = {"ok", "err"};
	for (int i = 0; i < 2; i++) {
		const char *msg = req_query(r, kinds[i]);
		char want[33];
		if (!msg || !*msg)
			continue;
		flash_sig(r, kinds[i], msg, want);
		if (auth_equal(sig, want))
			ui_flash_msg(r, w, i == 0, msg);
	}
}

void ui_redirect_msg(req *r, resp *w, const char *path, bool ok, const char *msg)
{
	buf loc = BUF_INIT;
	buf_puts(&loc, path);
	buf_puts(&loc, strchr(path, '?') ? "&" : "?");
	buf_puts(&loc, ok ? "ok=" : "err=");
	h_url(&loc, msg);
	char sig[33];
	flash_sig(r, ok ? "ok" : "err", msg, sig);
	buf_printf(&loc, "&sig=%s", sig);
	resp_redirect(w, arena_strdup(r->a, buf_cstr(&loc)));
	buf_free(&loc);
}

void ui_error_page(req *r, resp *w, int status, const char *msg)
{
	ui_begin(r, w, "Lỗi", NULL);
	h_fmt(&w->body, "<h1>Không thực hiện được</h1><p class=\"flash err\">%s</p>"
			"<p><a href=\"/\">Về trang chủ</a></p>",
	      msg);
	w->status = status;
	ui_end(r, w);
}

void ui_not_found(req *r, resp *w)
{
	ui_error_page(r, w, 404, "Không tìm thấy trang hoặc dữ liệu bạn yêu cầu.");
}

void ui_flash_msg(req *r, resp *w, bool ok, const char *msg)
{
	h_fmt(&w->body, "<p class=\"flash %S\" role=\"%S\">%s</p>", ok ? "ok" : "err",
	      ok ? "status" : "alert", msg);
}

int ui_status_of(const err *e)
{
	return e->code ? http_status_of(e->code) : 200;
}

/* What a user may read of a failure: storage details stay in the log. */
const char *ui_err_text(const err *e)
{
	if (http_status_of(e->code) != 500)
		return e->msg;
	fprintf(stderr, "thidua: internal error: %s\n", e->msg);
	return "Lỗi hệ thống; vui lòng thử lại hoặc báo quản trị.";
}

void ui_core_error(req *r, resp *w, const err *e)
{
	if (e->code == E_NOTFOUND)
		ui_not_found(r, w);
	else
		ui_error_page(r, w, http_status_of(e->code), ui_err_text(e));
}

int ui_form_int(req *r, const char *name, int64_t *out)
{
	const char *s = req_form(r, name);
	*out = 0;
	if (!s || !*s)
		return 1;
	return parse_i64(s, out) == 0 ? 0 : -1;
}

void ui_unit_select(req *r, resp *w, const char *name, const char *id_attr, int64_t selected,
		    const char *blank)
{
	buf *b = &w->body;
	struct unit_filter f = {0};
	unit_list l = {0};
	err e;
	if (units_list(r->db, r->a, &r->who, &f, &l, &e))
		l.n = 0;
	h_fmt(b, "<select name=\"%s\" id=\"%s\">", name, id_attr);
	if (blank)
		h_fmt(b, "<option value=\"\">%s</option>", blank);
	for (size_t i = 0; i < l.n; i++) {
		/* no-break spaces indent the tree: options cannot be styled */
		buf pad = BUF_INIT;
		for (int k = 0; k < l.v[i].depth && k < 8; k++)
			buf_puts(&pad, "\u00a0\u00a0\u00a0");
		h_fmt(b, "<option value=\"%lld\"%S>%s%s</option>", (long long)l.v[i].id,
		      l.v[i].id == selected ? " selected" : "", buf_cstr(&pad), l.v[i].name);
		buf_free(&pad);
	}
	h_raw(b, "</select>");
}

int ui_form_unit(req *r, const char *select_name, const char *code_name, int64_t *out, err *e)
{
	const char *code = code_name ? req_form(r, code_name) : NULL;
	*out = 0;
	if (code && *code) {
		unit u;
		/* a unit outside the user's subtree is reported like a missing one */
		if (unit_by_code(r->db, r->a, code, &u, e) || !unit_visible(r->db, &r->who, u.id))
			return err_set(e, E_INVAL, "Không tìm thấy đơn vị có mã “%s”", code);
		*out = u.id;
		return 0;
	}
	if (ui_form_int(r, select_name, out) < 0 || *out < 0)
		return err_set(e, E_INVAL, "Đơn vị được chọn không hợp lệ");
	return 0;
}
