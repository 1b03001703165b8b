/*
 * api_session.c — POST/DELETE /api/v1/session, GET /api/v1/me.
 */
#include "web/api.h"

void api_session_create(req *r, resp *w)
{
	json_t *j = req_json(r, w);
	if (!j)
		return;
	const char *login = NULL, *password = NULL;
	err e = {0};
	if (j_str(j, "login", true, &login, &e) || j_str(j, "password", true, &password, &e)) {
		json_decref(j);
		resp_json_error(w, 400, e.msg);
		return;
	}
	actor who;
	struct session s;
	int rc = auth_login(r->db, login, password, "api", &who, &s, &e);
	json_decref(j);
	if (rc) {
		resp_api_err(w, &e);
		return;
	}
	resp_json(w, 200,
		  json_pack("{s:s, s:I, s:{s:I, s:s, s:s, s:I, s:s}}", "token", s.token, "expires_at",
			    (json_int_t)s.expires_at, "user", "id", (json_int_t)who.user_id, "login",
			    who.login, "full_name", who.full_name, "unit_id", (json_int_t)who.unit_id,
			    "role", role_name(who.role)));
}

void api_session_delete(req *r, resp *w)
{
	err e = {0};
	if (auth_logout(r->db, r->token, &e)) {
		resp_api_err(w, &e);
		return;
	}
	resp_json(w, 200, json_pack("{s:b}", "ok", 1));
}

void api_me(req *r, resp *w)
{
	resp_json(w, 200,
		  json_pack("{s:I, s:s, s:s, s:I, s:s}", "id", (json_int_t)r->who.user_id, "login",
			    r->who.login, "full_name", r->who.full_name, "unit_id",
			    (json_int_t)r->who.unit_id, "role", role_name(r->who.role)));
}
