/*
 * api_movements.c — /api/v1/movements: list, read, create.
 */
#include "web/api.h"

void api_movements_list(req *r, resp *w)
{
	movement *v;
	size_t n;
	err e = {0};
	if (movements_list(r->db, r->a, &r->who, req_query(r, "q"), &v, &n, &e)) {
		resp_api_err(w, &e);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, movement_to_json(&v[i]));
	resp_json(w, 200, json_pack("{s:o}", "movements", arr));
}

void api_movement_get(req *r, resp *w)
{
	movement m;
	err e = {0};
	if (movement_get(r->db, r->a, &r->who, r->id[0], &m, &e)) {
		resp_api_err(w, &e);
		return;
	}
	resp_json(w, 200, movement_to_json(&m));
}

void api_movements_create(req *r, resp *w)
{
	json_t *j = req_json(r, w);
	if (!j)
		return;
	err e = {0};
	struct movement_input in = {0};
	int64_t id = 0;
	json_t *uv = json_object_get(j, "unit_id");
	if (r->who.role != ROLE_ADMIN && r->who.role != ROLE_OFFICER)
		err_set(&e, E_FORBIDDEN, "Chỉ cán bộ thi đua - khen thưởng được phát động phong trào");
	else if (json_is_integer(uv) && !unit_visible(r->db, &r->who, json_integer_value(uv)))
		err_set(&e, E_FORBIDDEN, "Không có quyền phát động phong trào cho đơn vị này");
	else if (!j_str(j, "title", true, &in.title, &e) && !j_int(j, "unit_id", true, &in.unit_id, &e) &&
		 !j_int(j, "start_year", true, &in.start_year, &e) &&
		 !j_int(j, "end_year", true, &in.end_year, &e) &&
		 !j_int(j, "parent_id", false, &in.parent_id, &e) &&
		 !j_str(j, "kind", false, &in.kind, &e) &&
		 !j_str(j, "description", false, &in.description, &e))
		movement_create(r->db, &r->who, &in, &id, &e);
	json_decref(j);
	if (e.code)
		resp_api_err(w, &e);
	else
		resp_json(w, 201, json_pack("{s:I}", "id", (json_int_t)id));
}
