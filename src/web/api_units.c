/*
 * api_units.c — /api/v1/units: list and search, read, create, update
 * (rename, move, deactivate), and the unit kinds.
 */
#include "web/api.h"

#include <string.h>
#include <strings.h>

#include "core/units_table.h"

void api_units_list(req *r, resp *w)
{
	struct unit_filter f = {0};
	f.q = req_query(r, "q");
	f.parent_id = q_int(r, "parent");
	f.limit = q_int(r, "limit");
	f.offset = q_int(r, "offset");
	const char *all = req_query(r, "all");
	f.all = all && strcmp(all, "1") == 0;
	const char *sub = req_query(r, "subtree");
	f.subtree = sub && strcmp(sub, "1") == 0;
	if (f.parent_id < 0 || f.limit < 0 || f.offset < 0) {
		resp_json_error(w, 400, "Tham số parent, limit, offset phải là số nguyên không âm");
		return;
	}
	if (f.parent_id && !unit_visible(r->db, &r->who, f.parent_id)) {
		resp_json_error(w, 404, "Không tìm thấy đơn vị");
		return;
	}
	unit_list l;
	err e = {0};
	if (units_list(r->db, r->a, &r->who, &f, &l, &e)) {
		resp_api_err(w, &e);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < l.n; i++) {
		json_t *o = unit_to_json(&l.v[i]);
		json_object_set_new(o, "children", json_integer(l.v[i].n_children));
		json_array_append_new(arr, o);
	}
	resp_json(w, 200, json_pack("{s:o}", "units", arr));
}

void api_unit_get(req *r, resp *w)
{
	err e = {0};
	unit u;
	unit_list path;
	if (!unit_visible(r->db, &r->who, r->id[0])) {
		resp_json_error(w, 404, "Không tìm thấy đơn vị");
		return;
	}
	if (unit_get(r->db, r->a, r->id[0], &u, &e) || unit_path(r->db, r->a, u.id, &path, &e)) {
		resp_api_err(w, &e);
		return;
	}
	json_t *o = unit_to_json(&u);
	json_t *p = json_array();
	for (size_t i = 0; i < path.n; i++)
		json_array_append_new(p, json_pack("{s:I, s:s, s:s}", "id", (json_int_t)path.v[i].id,
						   "code", path.v[i].code, "name", path.v[i].name));
	json_object_set_new(o, "path", p);
	resp_json(w, 200, o);
}

/* Reads the writable fields; on update every field is optional. */
static int read_unit_input(json_t *j, bool creating, struct unit_input *in, err *e)
{
	memset(in, 0, sizeof *in);
	in->active = -1;
	int rc = j_str(j, "name", creating, &in->name, e);
	if (!rc)
		rc = j_str(j, "kind", creating, &in->kind, e);
	if (!rc)
		rc = j_str(j, "code", creating, &in->code, e);
	if (!rc)
		rc = j_int(j, "parent_id", creating, &in->parent_id, e);
	if (!rc)
		rc = j_bool(j, "active", &in->active, e);
	if (!rc)
		rc = j_str(j, "valid_from", false, &in->valid_from, e);
	if (!rc)
		rc = j_str(j, "valid_to", false, &in->valid_to, e);
	return rc;
}

void api_units_create(req *r, resp *w)
{
	json_t *j = req_json(r, w);
	if (!j)
		return;
	struct unit_input in;
	err e = {0};
	int64_t id = 0;
	/* authorization before validation: who may create under that parent */
	int64_t parent = 0;
	json_t *pv = json_object_get(j, "parent_id");
	if (json_is_integer(pv))
		parent = json_integer_value(pv);
	if (r->who.role != ROLE_ADMIN)
		err_set(&e, E_FORBIDDEN, "Chỉ quản trị hệ thống được tạo đơn vị");
	else if (parent && !unit_visible(r->db, &r->who, parent))
		err_set(&e, E_FORBIDDEN, "Không có quyền tạo đơn vị dưới đơn vị này");
	else if (read_unit_input(j, true, &in, &e) == 0)
		unit_create(r->db, &r->who, &in, &id, &e);
	json_decref(j);
	if (e.code)
		resp_api_err(w, &e);
	else
		resp_json(w, 201, json_pack("{s:I}", "id", (json_int_t)id));
}

void api_unit_update(req *r, resp *w)
{
	if (!unit_visible(r->db, &r->who, r->id[0])) {
		resp_json_error(w, 404, "Không tìm thấy đơn vị");
		return;
	}
	if (r->who.role != ROLE_ADMIN) {
		resp_json_error(w, 403, "Chỉ quản trị hệ thống được sửa đơn vị");
		return;
	}
	json_t *j = req_json(r, w);
	if (!j)
		return;
	struct unit_input in;
	err e = {0};
	if (read_unit_input(j, false, &in, &e) == 0)
		unit_update(r->db, &r->who, r->id[0], &in, &e);
	json_decref(j);
	if (e.code)
		resp_api_err(w, &e);
	else
		resp_json(w, 200, json_pack("{s:I}", "id", (json_int_t)r->id[0]));
}

void api_unit_kinds(req *r, resp *w)
{
	char **codes, **names;
	size_t n;
	err e = {0};
	if (unit_kinds(r->db, r->a, &codes, &names, &n, &e)) {
		resp_api_err(w, &e);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, json_pack("{s:s, s:s}", "code", codes[i], "name", names[i]));
	resp_json(w, 200, json_pack("{s:o}", "kinds", arr));
}

/* POST /units/import: a CSV or XLSX body; nothing is written unless every
 * row is valid, and a refusal names the row. */
void api_units_import(req *r, resp *w)
{
	const char *ct = req_header(r, "Content-Type");
	const char *hint = NULL;
	if (ct && strncasecmp(ct, "text/csv", 8) == 0)
		hint = "csv";
	else if (ct && strncasecmp(ct, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 65) == 0)
		hint = "xlsx";
	else if (!ct || strncasecmp(ct, "application/octet-stream", 24) != 0) {
		resp_json_error(w, 415, "Cần gửi tệp CSV (text/csv) hoặc Excel .xlsx");
		return;
	}
	if (r->who.role != ROLE_ADMIN) {
		resp_json_error(w, 403, "Chỉ quản trị hệ thống được nhập danh sách đơn vị");
		return;
	}
	int64_t created = 0;
	int bad_row = 0;
	err e = {0};
	if (units_import_file(r->db, &r->who, r->body.p, r->body.len, hint, &created, &bad_row, &e)) {
		int status = http_status_of(e.code);
		if (status == 400 || status == 415)
			status = e.code == E_MEDIA ? 415 : 422;
		json_t *o = json_pack("{s:s}", "error", e.msg);
		if (bad_row)
			json_object_set_new(o, "row", json_integer(bad_row));
		resp_json(w, status, o);
		return;
	}
	resp_json(w, 200, json_pack("{s:I}", "created", (json_int_t)created));
}
