/*
 * api_groups.c — /api/v1/groups: emulation clusters and blocks (cụm, khối
 * thi đua) — list, read with members, create, rename, replace members.
 *
 * Each write asks core whether the caller may act (403/404) before any
 * field of the body is looked at, so a refused caller never learns which
 * fields were wrong (API.md).
 */
#include "web/api.h"

#include "core/groups.h"

static json_t *group_to_json(const group *g)
{
	json_t *o = json_pack("{s:I, s:s, s:s, s:I, s:s, s:I}", "id", (json_int_t)g->id, "name",
			      g->name, "kind", g->kind, "unit_id", (json_int_t)g->owner_unit_id,
			      "unit_name", g->owner_name, "member_count", (json_int_t)g->n_members);
	json_object_set_new(o, "year", g->year ? json_integer(g->year) : json_null());
	return o;
}

void api_groups_list(req *r, resp *w)
{
	group *v;
	size_t n;
	err e = {0};
	if (groups_list(r->db, r->a, &r->who, &v, &n, &e)) {
		resp_api_err(w, &e);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, group_to_json(&v[i]));
	resp_json(w, 200, json_pack("{s:o}", "groups", arr));
}

void api_group_get(req *r, resp *w)
{
	group g;
	unit_list m;
	err e = {0};
	if (group_get(r->db, r->a, &r->who, r->id[0], &g, &m, &e)) {
		resp_api_err(w, &e);
		return;
	}
	json_t *o = group_to_json(&g);
	json_t *arr = json_array();
	for (size_t i = 0; i < m.n; i++)
		json_array_append_new(arr, json_pack("{s:I, s:s, s:s, s:s, s:b}", "id",
						     (json_int_t)m.v[i].id, "code", m.v[i].code, "name",
						     m.v[i].name, "kind", m.v[i].kind, "active",
						     m.v[i].active));
	json_object_set_new(o, "members", arr);
	resp_json(w, 200, o);
}

/* "year": a number, or null / absent for none; *set tells whether given. */
static int read_year(json_t *j, int64_t *year, bool *set, err *e)
{
	json_t *v = json_object_get(j, "year");
	*set = v != NULL;
	*year = 0;
	return j_int(j, "year", false, year, e);
}

void api_groups_create(req *r, resp *w)
{
	json_t *j = req_json(r, w);
	if (!j)
		return;
	err e = {0};
	struct group_input in = {0};
	int64_t id = 0;
	json_t *uv = json_object_get(j, "unit_id");
	int64_t owner = json_is_integer(uv) ? json_integer_value(uv) : 0;
	if (group_check_create(r->db, &r->who, owner, &e) == 0 &&
	    !j_str(j, "name", true, &in.name, &e) && !j_str(j, "kind", true, &in.kind, &e) &&
	    !read_year(j, &in.year, &in.year_set, &e) &&
	    !j_int(j, "unit_id", false, &in.owner_unit_id, &e))
		group_create(r->db, &r->who, &in, &id, &e);
	json_decref(j);
	if (e.code)
		resp_api_err(w, &e);
	else
		resp_json(w, 201, json_pack("{s:I}", "id", (json_int_t)id));
}

void api_group_update(req *r, resp *w)
{
	err e = {0};
	if (group_check_change(r->db, &r->who, r->id[0], &e)) {
		resp_api_err(w, &e);
		return;
	}
	json_t *j = req_json(r, w);
	if (!j)
		return;
	struct group_input in = {0};
	if (!j_str(j, "name", false, &in.name, &e) && !read_year(j, &in.year, &in.year_set, &e))
		group_update(r->db, &r->who, r->id[0], &in, &e);
	json_decref(j);
	if (e.code)
		resp_api_err(w, &e);
	else
		resp_json(w, 200, json_pack("{s:I}", "id", (json_int_t)r->id[0]));
}

/* "unit_ids": an array of positive integers (ids in arena memory). */
static int read_unit_ids(req *r, json_t *j, int64_t **ids, size_t *n, err *e)
{
	json_t *arr = json_object_get(j, "unit_ids");
	if (!json_is_array(arr))
		return err_set(e, E_INVAL, "Trường \"unit_ids\" phải là một mảng mã số đơn vị");
	*n = json_array_size(arr);
	*ids = arena_alloc(r->a, (*n ? *n : 1) * sizeof **ids);
	for (size_t i = 0; i < *n; i++) {
		json_t *v = json_array_get(arr, i);
		if (!json_is_integer(v) || json_integer_value(v) <= 0)
			return err_set(e, E_INVAL, "Phần tử %zu của \"unit_ids\" phải là số nguyên dương",
				       i + 1);
		(*ids)[i] = json_integer_value(v);
	}
	return 0;
}

void api_group_set_members(req *r, resp *w)
{
	err e = {0};
	if (group_check_change(r->db, &r->who, r->id[0], &e)) {
		resp_api_err(w, &e);
		return;
	}
	json_t *j = req_json(r, w);
	if (!j)
		return;
	int64_t *ids = NULL;
	size_t n = 0;
	if (read_unit_ids(r, j, &ids, &n, &e) == 0)
		group_set_members(r->db, &r->who, r->id[0], ids, n, &e);
	json_decref(j);
	if (e.code)
		resp_api_err(w, &e);
	else
		resp_json(w, 200, json_pack("{s:I, s:I}", "id", (json_int_t)r->id[0], "member_count",
					    (json_int_t)n));
}
