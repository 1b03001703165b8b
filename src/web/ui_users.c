/*
 * ui_users.c — the administrator's user pages: the users of the admin's
 * subtree with a create form, and one user's page with an edit form.
 *
 * A refused form is rendered again with what was typed (never the
 * password, which is not echoed back into a page), so nothing else is lost.
 */
#include "web/ui.h"

#include <string.h>

#include "core/users.h"

/* What the forms hold: typed values on a re-render, stored ones otherwise. */
struct user_form {
	const char *login, *full_name, *role, *unit_code;
	int64_t unit_id;
	bool active;
};

/* Users are an administrator's business; core refuses others as well, this
 * only picks the page they see. */
static bool admin_only(req *r, resp *w)
{
	if (r->who.role == ROLE_ADMIN)
		return true;
	ui_error_page(r, w, 403, "Chỉ quản trị hệ thống được quản lý người dùng.");
	return false;
}

static void role_select(buf *b, const char *selected)
{
	h_raw(b, "<select name=\"role\" id=\"u-role\">");
	for (enum role k = ROLE_ADMIN; k <= ROLE_LEADER; k++)
		h_fmt(b, "<option value=\"%s\"%S>%s</option>", role_name(k),
		      selected && strcmp(selected, role_name(k)) == 0 ? " selected" : "", role_label(k));
	h_raw(b, "</select>");
}

/* The unit picker: a <select> of visible units, or a code typed instead;
 * two cells of the form's grid. */
static void unit_fields(req *r, resp *w, const struct user_form *f)
{
	buf *b = &w->body;
	h_raw(b, "<div><label for=\"u-unit\">Đơn vị</label>");
	ui_unit_select(r, w, "unit_id", "u-unit", f->unit_id, "— Chọn đơn vị —");
	h_fmt(b, "</div><label>hoặc nhập mã đơn vị <input name=\"unit_code\" maxlength=\"64\""
		 " value=\"%s\" placeholder=\"vd: QNG-X-21025\"></label>",
	      f->unit_code ? f->unit_code : "");
}

static void role_field(buf *b, const char *selected)
{
	h_raw(b, "<div><label for=\"u-role\">Vai trò</label>");
	role_select(b, selected);
	h_raw(b, "</div>");
}

static void users_table(buf *b, const user *v, size_t n)
{
	h_fmt(b, "<h2>Danh sách người dùng (%zu)</h2>", n);
	h_raw(b, "<table class=\"data\" id=\"users\"><thead><tr><th>Tên đăng nhập</th>"
		 "<th>Họ và tên</th><th>Đơn vị</th><th>Vai trò</th><th>Trạng thái</th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++)
		h_fmt(b,
		      "<tr><td><a href=\"/users/%lld\">%s</a></td><td>%s</td>"
		      "<td><a href=\"/units/%lld\">%s</a></td><td>%s</td><td>%S</td></tr>",
		      (long long)v[i].id, v[i].login, v[i].full_name, (long long)v[i].unit_id,
		      v[i].unit_name, role_label(v[i].role),
		      v[i].active ? "Đang hoạt động" : "<span class=\"tag off\">Đã khóa</span>");
	h_raw(b, "</tbody></table>");
}

static void create_form(req *r, resp *w, const struct user_form *f)
{
	buf *b = &w->body;
	h_raw(b, "<section class=\"panel\" id=\"create\"><h2>Thêm người dùng</h2>"
		 "<form method=\"post\" action=\"/users\" class=\"grid\">");
	ui_csrf(r, w);
	h_fmt(b,
	      "<label>Tên đăng nhập <input name=\"login\" required maxlength=\"64\""
	      " autocomplete=\"off\" value=\"%s\"></label>"
	      "<label>Họ và tên <input name=\"full_name\" required maxlength=\"120\" value=\"%s\"></label>"
	      "<label>Mật khẩu <input type=\"password\" name=\"password\" required minlength=\"8\""
	      " maxlength=\"128\" autocomplete=\"new-password\"></label>",
	      f->login ? f->login : "", f->full_name ? f->full_name : "");
	role_field(b, f->role);
	unit_fields(r, w, f);
	h_raw(b, "<button type=\"submit\">Thêm người dùng</button></form>"
		 "<p class=\"hint\">Tên đăng nhập gồm chữ cái không dấu, chữ số và các dấu . _ -;"
		 " mật khẩu từ 8 đến 128 ký tự. Người dùng làm việc trong phạm vi đơn vị của mình"
		 " và các đơn vị trực thuộc.</p></section>");
}

/* The list page; `e` (may be NULL) is the refusal of a create to show. */
static void users_page(req *r, resp *w, const struct user_form *f, const err *e)
{
	user *v;
	size_t n;
	err le = {0};
	if (users_list(r->db, r->a, &r->who, &v, &n, &le)) {
		ui_core_error(r, w, &le);
		return;
	}
	ui_begin(r, w, "Người dùng", "users");
	h_raw(&w->body, "<h1>Người dùng</h1>");
	if (e) {
		/* the password is never sent back, so say it must be typed again */
		const char *why = ui_err_text(e);
		size_t len = strlen(why);
		const char *msg = arena_printf(r->a, "%s%s Vui lòng nhập lại mật khẩu.", why,
					       len && why[len - 1] == '.' ? "" : ".");
		ui_flash_msg(r, w, false, msg);
	} else {
		h_raw(&w->body, "<p><a class=\"button\" href=\"#create\">Thêm người dùng</a></p>");
	}
	users_table(&w->body, v, n);
	create_form(r, w, f);
	w->status = e ? ui_status_of(e) : 200;
	ui_end(r, w);
}

void ui_users(req *r, resp *w)
{
	if (!admin_only(r, w))
		return;
	struct user_form f = {.role = "staff"};
	users_page(r, w, &f, NULL);
}

void ui_users_create(req *r, resp *w)
{
	if (!admin_only(r, w))
		return;
	const char *role = req_form(r, "role");
	struct user_form f = {req_form(r, "login"), req_form(r, "full_name"), role ? role : "staff",
			      req_form(r, "unit_code"), 0, true};
	err e = {0};
	int64_t id = 0;
	struct user_input in = {f.login, req_form(r, "password"), f.full_name, 0, role, 1};
	if (ui_form_unit(r, "unit_id", "unit_code", &in.unit_id, &e) == 0 &&
	    user_create(r->db, &r->who, &in, &id, &e) == 0) {
		char *msg = arena_printf(r->a, "Đã thêm người dùng “%s”.", f.login);
		ui_redirect_msg(r, w, "/users", true, msg);
		return;
	}
	ui_form_int(r, "unit_id", &f.unit_id);
	users_page(r, w, &f, &e);
}

static void user_facts(buf *b, const user *u)
{
	h_fmt(b,
	      "<dl class=\"facts\"><dt>Tên đăng nhập</dt><dd>%s</dd><dt>Họ và tên</dt><dd>%s</dd>"
	      "<dt>Đơn vị</dt><dd><a href=\"/units/%lld\">%s</a></dd><dt>Vai trò</dt><dd>%s</dd>"
	      "<dt>Trạng thái</dt><dd>%S</dd></dl>",
	      u->login, u->full_name, (long long)u->unit_id, u->unit_name, role_label(u->role),
	      u->active ? "Đang hoạt động" : "Đã khóa");
}

static void edit_form(req *r, resp *w, const user *u, const struct user_form *f)
{
	buf *b = &w->body;
	h_fmt(b,
	      "<section class=\"panel\"><h2>Sửa thông tin người dùng</h2>"
	      "<form method=\"post\" action=\"/users/%lld\" class=\"grid\""
	      " data-confirm-off=\"Khóa tài khoản này? Người dùng sẽ bị đăng xuất ngay.\">",
	      (long long)u->id);
	ui_csrf(r, w);
	h_fmt(b, "<label>Họ và tên <input name=\"full_name\" required maxlength=\"120\" value=\"%s\"></label>",
	      f->full_name ? f->full_name : "");
	role_field(b, f->role);
	h_fmt(b,
	      "<label>Mật khẩu mới <input type=\"password\" name=\"password\" minlength=\"8\""
	      " maxlength=\"128\" autocomplete=\"new-password\" placeholder=\"để trống nếu không đổi\">"
	      "</label>");
	unit_fields(r, w, f);
	h_fmt(b, "<label class=\"check\"><input type=\"checkbox\" name=\"active\" value=\"1\"%S>"
	      " Đang hoạt động</label><button type=\"submit\">Lưu thay đổi</button></form>"
	      "<p class=\"hint\">Đổi mật khẩu, vai trò, đơn vị hoặc khóa tài khoản sẽ đăng xuất"
	      " người dùng khỏi mọi phiên đang mở.</p></section>",
	      f->active ? " checked" : "");
}

static void user_page(req *r, resp *w, int64_t id, const struct user_form *typed, const err *e)
{
	user u;
	err ge = {0};
	if (user_get(r->db, r->a, &r->who, id, &u, &ge)) {
		ui_core_error(r, w, &ge);
		return;
	}
	struct user_form stored = {u.login, u.full_name, role_name(u.role), NULL, u.unit_id, u.active};
	ui_begin(r, w, u.login, "users");
	buf *b = &w->body;
	h_fmt(b, "<p class=\"back\"><a href=\"/users\">← Danh sách người dùng</a></p><h1>%s</h1>",
	      u.full_name[0] ? u.full_name : u.login);
	if (e)
		ui_flash_msg(r, w, false, ui_err_text(e));
	user_facts(b, &u);
	edit_form(r, w, &u, typed ? typed : &stored);
	w->status = e ? ui_status_of(e) : 200;
	ui_end(r, w);
}

void ui_user_page(req *r, resp *w)
{
	if (admin_only(r, w))
		user_page(r, w, r->id[0], NULL, NULL);
}

void ui_user_update(req *r, resp *w)
{
	if (!admin_only(r, w))
		return;
	int64_t id = r->id[0];
	const char *pw = req_form(r, "password");
	struct user_form f = {NULL, req_form(r, "full_name"), req_form(r, "role"),
			      req_form(r, "unit_code"), 0, req_form(r, "active") != NULL};
	struct user_input in = {NULL, pw && *pw ? pw : NULL, f.full_name, 0, f.role, f.active};
	err e = {0};
	if (ui_form_unit(r, "unit_id", "unit_code", &in.unit_id, &e) == 0 &&
	    user_update(r->db, &r->who, id, &in, &e) == 0) {
		ui_redirect_msg(r, w, arena_printf(r->a, "/users/%lld", (long long)id), true,
				"Đã lưu thông tin người dùng.");
		return;
	}
	if (e.code == E_NOTFOUND) {
		ui_not_found(r, w);
		return;
	}
	ui_form_int(r, "unit_id", &f.unit_id);
	user_page(r, w, id, &f, &e);
}
