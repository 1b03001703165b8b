/*
 * ui_login.c — the login form, login and logout for browsers.
 */
#include "web/ui.h"

#include <string.h>

/* Only local paths are followed after login (no open redirect). */
static const char *safe_next(const char *next)
{
	if (!next || next[0] != '/' || next[1] == '/' || strchr(next, '\\') || strstr(next, "://"))
		return "/";
	return next;
}

static void login_page(req *r, resp *w, const char *error, const char *login)
{
	ui_begin(r, w, "Đăng nhập", NULL);
	buf *b = &w->body;
	h_raw(b, "<section class=\"login\"><h1>Đăng nhập</h1>"
		 "<p class=\"sub\">Hệ thống quản lý thi đua, khen thưởng</p>");
	if (error)
		h_fmt(b, "<p class=\"flash err\" role=\"alert\">%s</p>", error);
	const char *next = req_query(r, "next");
	if (!next)
		next = req_form(r, "next");
	h_fmt(b,
	      "<form method=\"post\" action=\"/login\">"
	      "<input type=\"hidden\" name=\"next\" value=\"%s\">"
	      "<label>Tên đăng nhập <input name=\"login\" autocomplete=\"username\" required"
	      " autofocus value=\"%s\"></label>"
	      "<label>Mật khẩu <input type=\"password\" name=\"password\""
	      " autocomplete=\"current-password\" required></label>"
	      "<button type=\"submit\">Đăng nhập</button></form></section>",
	      safe_next(next), login ? login : "");
	ui_end(r, w);
}

void ui_login_form(req *r, resp *w)
{
	login_page(r, w, NULL, NULL);
}

void ui_login_post(req *r, resp *w)
{
	const char *login = req_form(r, "login"), *password = req_form(r, "password");
	actor who;
	struct session s;
	err e = {0};
	if (auth_login(r->db, login, password, "browser", &who, &s, &e) != 0) {
		w->status = http_status_of(e.code) == 500 ? 500 : (e.code == E_RATE ? 429 : 401);
		login_page(r, w, e.code == E_AUTH || e.code == E_RATE ? e.msg : "Lỗi hệ thống, vui lòng thử lại.",
			   login);
		return;
	}
	char *cookie = arena_printf(r->a, "thidua_session=%s; Path=/; HttpOnly; SameSite=Lax; Max-Age=%d",
				    s.token, 12 * 3600);
	resp_header(w, "Set-Cookie", cookie);
	resp_redirect(w, safe_next(req_form(r, "next")));
}

void ui_logout(req *r, resp *w)
{
	err e;
	auth_logout(r->db, r->token, &e);
	resp_header(w, "Set-Cookie", "thidua_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
	resp_redirect(w, "/login");
}
