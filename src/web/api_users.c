/*
 * api_users.c — /api/v1/users: list, create, update.
 */
#include "web/api.h"

#include <string.h>

void api_users_list(req *r, resp *w)
{
	user *v;
	size_t n;
	err e = {0};
	if (users_list(r->db, r->a, &r->who, &v, &n, &e)) {
		resp_api_err(w, &e);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, user_to_json(&v[i]));
	resp_json(w, 200, json_pack("{s:o}", "users", arr));
}

static int read_user_input(json_t *j, bool creating, struct user_input *in, err *e)
{
	memset(in, 0, sizeof *in);
	in->active = -1;
	int rc = j_str(j, "login", creating, &in->login, e);
	if (!rc)
		rc = j_str(j, "password", creating, &in->password, e);
	if (!rc)
		rc = j_str(j, "full_name", false, &in->full_name, e);
	if (!rc)
		rc = j_int(j, "unit_id", creating, &in->unit_id, e);
	if (!rc)
		rc = j_str(j, "role", creating, &in->role, e);
	if (!rc)
		rc = j_bool(j, "active", &in->active, e);
	return rc;
}

void api_users_create(req *r, resp *w)
{
	json_t *j = req_json(r, w);
	if (!j)
		return;
	err e = {0};
	struct user_input in;
	int64_t id = 0;
	json_t *uv = json_object_get(j, "unit_id");
	if (r->who.role != ROLE_ADMIN)
		err_set(&e, E_FORBIDDEN, "Chỉ quản trị hệ thống được tạo người dùng");
	else if (json_is_integer(uv) && !unit_visible(r->db, &r->who, json_integer_value(uv)))
		err_set(&e, E_FORBIDDEN, "Không có quyền tạo người dùng cho đơn vị này");
	else if (read_user_input(j, true, &in, &e) == 0)
		user_create(r->db, &r->who, &in, &id, &e);
	json_decref(j);
	if (e.code)
		resp_api_err(w, &e);
	else
		resp_json(w, 201, json_pack("{s:I}", "id", (json_int_t)id));
}

void api_user_update(req *r, resp *w)
{
	err e = {0};
	user u;
	if (user_get(r->db, r->a, &r->who, r->id[0], &u, &e)) {
		resp_api_err(w, &e);
		return;
	}
	json_t *j = req_json(r, w);
	if (!j)
		return;
	struct user_input in;
	if (read_user_input(j, false, &in, &e) == 0)
		user_update(r->db, &r->who, r->id[0], &in, &e);
	json_decref(j);
	if (e.code)
		resp_api_err(w, &e);
	else
		resp_json(w, 200, json_pack("{s:I}", "id", (json_int_t)r->id[0]));
}
