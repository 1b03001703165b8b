/*
 * api_outlines.c — /api/v1/outlines: import (JSON text or a .docx body),
 * list, read, save (PUT with the version the client started from), copy,
 * and the custom figure tables of an outline.
 *
 * Every handler asks core whether the caller may act (403/404) before it
 * looks at the body, so a refused caller learns nothing from 415/422/409.
 *
 * PUT items are given in document order with a depth; the tree follows
 * from order + depth (docs/api.md). "parent_id"/"parent_index" are not
 * needed and are ignored, so what GET returns can be PUT back unchanged.
 */
#include "web/api.h"

#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/outlines.h"

#define DOCX_MIME "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

/* ISO 8601 in Vietnam's time (UTC+7 all year, no daylight saving). */
static json_t *local_time_json(int64_t t)
{
	time_t local = (time_t)(t + 7 * 3600);
	struct tm tm;
	char s[32];
	gmtime_r(&local, &tm);
	strftime(s, sizeof s, "%Y-%m-%dT%H:%M:%S+07:00", &tm);
	return json_string(s);
}

void api_outlines_list(req *r, resp *w)
{
	outline_summary *v;
	size_t n;
	err e = {0};
	int64_t limit = q_int(r, "limit"), offset = q_int(r, "offset");
	if (limit < 0 || offset < 0) {
		resp_json_error(w, 400, "Tham số limit, offset phải là số nguyên không âm");
		return;
	}
	if (outlines_list(r->db, r->a, &r->who, req_query(r, "q"), &v, &n, &e)) {
		resp_api_err(w, &e);
		return;
	}
	size_t end = n;
	if (limit > 0 && (uint64_t)limit < n && (uint64_t)offset < n - (size_t)limit)
		end = (size_t)offset + (size_t)limit;
	json_t *arr = json_array();
	for (size_t i = (size_t)offset; (uint64_t)offset < n && i < end; i++) {
		json_t *o = json_pack("{s:I, s:s, s:i, s:I, s:s, s:I}", "id", (json_int_t)v[i].id,
				      "title", v[i].title, "version", v[i].version, "owner_unit_id",
				      (json_int_t)v[i].owner_unit_id, "owner_unit_name", v[i].owner_name,
				      "items_count", (json_int_t)v[i].n_items);
		json_object_set_new(o, "updated_at", local_time_json(v[i].updated_at));
		json_array_append_new(arr, o);
	}
	resp_json(w, 200, json_pack("{s:o}", "outlines", arr));
}

/* The media type without parameters equals `want` (case-insensitive). */
static bool media_is(const char *ct, const char *want)
{
	size_t n = strlen(want);
	return ct && strncasecmp(ct, want, n) == 0 && (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ');
}

static void answer_created(resp *w, const outline_created *v, size_t n)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, json_pack("{s:I, s:s}", "id", (json_int_t)v[i].id, "title",
						     v[i].title));
	resp_json(w, 201, json_pack("{s:o}", "outlines", arr));
}

void api_outlines_create(req *r, resp *w)
{
	err e = {0};
	if (outline_check_import(&r->who, &e)) {
		resp_api_err(w, &e);
		return;
	}
	const char *ct = req_header(r, "Content-Type");
	bool docx = media_is(ct, DOCX_MIME);
	if (!docx && !media_is(ct, "application/json")) {
		resp_json_error(w, 415, "Cần gửi JSON {\"text\": \"…\"} hoặc tệp Word .docx (Content-Type: " DOCX_MIME ")");
		return;
	}
	json_t *j = NULL;
	const char *data = r->body.p ? r->body.p : "";
	size_t n = r->body.len;
	if (!docx) {
		if (!(j = req_json(r, w)))
			return;
		if (j_str(j, "text", true, &data, &e)) {
			json_decref(j);
			resp_api_err(w, &e);
			return;
		}
		n = strlen(data);
	}
	outline_created *v = NULL;
	size_t nv = 0;
	int rc = outline_store_import(r->db, r->a, &r->who, data, n, docx, &v, &nv, &e);
	json_decref(j);
	/* the request arrived whole; a body that is not UTF-8 or not a real
	 * .docx is content the server cannot use */
	if (rc == E_PARSE)
		e.code = E_INVAL;
	if (rc)
		resp_api_err(w, &e);
	else
		answer_created(w, v, nv);
}

void api_outline_get(req *r, resp *w)
{
	stored_outline o;
	err e = {0};
	if (outline_store_get(r->db, r->a, &r->who, r->id[0], &o, &e)) {
		resp_api_err(w, &e);
		return;
	}
	json_t *j = outline_store_json(&o);
	json_object_set_new(j, "updated_at", local_time_json(o.updated_at));
	resp_json(w, 200, j);
}

void api_outline_versions(req *r, resp *w)
{
	outline_version *v;
	size_t n;
	err e = {0};
	if (outline_versions_list(r->db, r->a, &r->who, r->id[0], &v, &n, &e)) {
		resp_api_err(w, &e);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_pack("{s:i, s:o, s:s}", "version", v[i].version, "saved_at",
				      local_time_json(v[i].saved_at), "saved_by_name", v[i].saved_by_name);
		json_object_set_new(o, "saved_by", v[i].saved_by ? json_integer(v[i].saved_by) : json_null());
		json_array_append_new(arr, o);
	}
	resp_json(w, 200, json_pack("{s:o}", "versions", arr));
}

/* The snapshot is served as kept: the outline's GET answer at that version. */
void api_outline_version_get(req *r, resp *w)
{
	char *snap = NULL;
	err e = {0};
	if (r->id[1] > INT32_MAX) {
		err_set(&e, E_NOTFOUND, "Đề cương không có phiên bản này");
		resp_api_err(w, &e);
		return;
	}
	if (outline_version_get(r->db, r->a, &r->who, r->id[0], (int)r->id[1], NULL, &snap, NULL, &e)) {
		resp_api_err(w, &e);
		return;
	}
	json_error_t je;
	json_t *j = json_loads(snap, 0, &je);
	if (!j) {
		err_set(&e, E_INTERNAL, "phiên bản lưu không đọc được");
		resp_api_err(w, &e);
		return;
	}
	resp_json(w, 200, j);
}

/* "asks": an array of "text" | "figures" | "models". */
static int read_asks(json_t *it, size_t i, unsigned *out, err *e)
{
	json_t *v = json_object_get(it, "asks");
	*out = 0;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_array(v))
		return err_set(e, E_INVAL, "Mục thứ %zu: \"asks\" phải là mảng các yêu cầu", i + 1);
	for (size_t k = 0; k < json_array_size(v); k++) {
		const char *name = json_string_value(json_array_get(v, k));
		int bit = outline_ask_bit(name);
		if (bit < 0)
			return err_set(e, E_INVAL,
				       "Mục thứ %zu: yêu cầu phải là \"text\", \"figures\" hoặc \"models\"",
				       i + 1);
		*out |= (unsigned)bit;
	}
	return 0;
}

/* An optional id field: absent or null → 0; else a positive integer. */
static int read_ref(json_t *it, const char *key, size_t i, int64_t *out, err *e)
{
	json_t *v = json_object_get(it, key);
	*out = 0;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_integer(v) || json_integer_value(v) <= 0)
		return err_set(e, E_INVAL, "Mục thứ %zu: \"%s\" phải là số nguyên dương hoặc null", i + 1,
			       key);
	*out = json_integer_value(v);
	return 0;
}

/* "table_id", or the "id" of a "table" object as GET returns it. */
static int read_table(json_t *it, size_t i, int64_t *out, err *e)
{
	if (json_object_get(it, "table_id"))
		return read_ref(it, "table_id", i, out, e);
	json_t *t = json_object_get(it, "table");
	*out = 0;
	if (!t || json_is_null(t))
		return 0;
	if (!json_is_object(t))
		return err_set(e, E_INVAL, "Mục thứ %zu: \"table\" phải là null hoặc một biểu có \"id\"",
			       i + 1);
	return read_ref(t, "id", i, out, e);
}

static int read_item(json_t *it, size_t i, struct outline_item_input *out, err *e)
{
	if (!json_is_object(it))
		return err_set(e, E_INVAL, "Mục thứ %zu phải là một đối tượng JSON", i + 1);
	int64_t depth = 0;
	int rc = j_int(it, "depth", true, &depth, e);
	if (rc == 0 && (rc = j_str(it, "title", true, &out->title, e)) == 0 &&
	    (rc = j_str(it, "label", false, &out->label, e)) == 0)
		rc = j_str(it, "guidance", false, &out->guidance, e);
	if (rc == 0 && (rc = read_ref(it, "id", i, &out->id, e)) == 0 &&
	    (rc = read_ref(it, "repeat_of", i, &out->repeat_of, e)) == 0 &&
	    (rc = read_table(it, i, &out->table_id, e)) == 0)
		rc = read_asks(it, i, &out->asks, e);
	if (rc)
		return rc;
	out->depth = depth >= 1 && depth <= 1000 ? (int)depth : 0; /* core names the range */
	return 0;
}

static int read_save(req *r, json_t *j, struct outline_save_input *in, err *e)
{
	int rc = j_int(j, "version", true, &in->expected_version, e);
	if (rc == 0)
		rc = j_str(j, "title", false, &in->title, e);
	json_t *items = json_object_get(j, "items");
	if (rc == 0 && !json_is_array(items))
		rc = err_set(e, E_INVAL, "Trường \"items\" phải là mảng các mục của đề cương");
	if (rc)
		return rc;
	in->n_items = json_array_size(items);
	if (in->n_items > OUTLINE_STORE_MAX_ITEMS)
		return err_set(e, E_INVAL, "Một đề cương có tối đa %d mục", OUTLINE_STORE_MAX_ITEMS);
	struct outline_item_input *v = arena_alloc(r->a, (in->n_items + 1) * sizeof *v);
	for (size_t i = 0; rc == 0 && i < in->n_items; i++)
		rc = read_item(json_array_get(items, i), i, &v[i], e);
	in->items = v;
	return rc;
}

void api_outline_update(req *r, resp *w)
{
	err e = {0};
	if (outline_check_edit(r->db, &r->who, r->id[0], &e)) {
		resp_api_err(w, &e);
		return;
	}
	json_t *j = req_json(r, w);
	if (!j)
		return;
	struct outline_save_input in = {0};
	int version = 0;
	if (read_save(r, j, &in, &e) == 0)
		outline_store_save(r->db, &r->who, r->id[0], &in, &version, &e);
	json_decref(j);
	if (e.code == E_CONFLICT)
		resp_json(w, 409, json_pack("{s:s, s:i}", "error", e.msg, "version", version));
	else if (e.code)
		resp_api_err(w, &e);
	else
		resp_json(w, 200, json_pack("{s:i}", "version", version));
}

void api_outline_copy(req *r, resp *w)
{
	err e = {0};
	if (outline_check_copy(r->db, &r->who, r->id[0], &e)) {
		resp_api_err(w, &e);
		return;
	}
	json_t *j = NULL;
	const char *title = NULL;
	if (r->body.len > 0) { /* the body is optional: {"title": "…"} */
		if (!(j = req_json(r, w)))
			return;
		j_str(j, "title", false, &title, &e);
	}
	int64_t id = 0;
	if (!e.code)
		outline_store_copy(r->db, &r->who, r->id[0], title, &id, &e);
	json_decref(j);
	if (e.code)
		resp_api_err(w, &e);
	else
		resp_json(w, 201, json_pack("{s:I}", "id", (json_int_t)id));
}

/* ---- figure tables ---- */

void api_outline_tables(req *r, resp *w)
{
	err e = {0};
	figure_table *v;
	size_t n;
	if (!outline_readable(r->db, &r->who, r->id[0])) {
		resp_json_error(w, 404, "Không tìm thấy đề cương");
		return;
	}
	if (outline_store_tables(r->db, r->a, r->id[0], &v, &n, &e)) {
		resp_api_err(w, &e);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, figure_table_json(&v[i]));
	resp_json(w, 200, json_pack("{s:o}", "tables", arr));
}

/* "rows"/"cols": labels as strings, or {"key","label"} objects. */
static int read_lines(req *r, json_t *j, const char *name, struct figure_line_input **out,
		      size_t *n, err *e)
{
	json_t *arr = json_object_get(j, name);
	if (!json_is_array(arr))
		return err_set(e, E_INVAL, "Trường \"%s\" phải là mảng", name);
	*n = json_array_size(arr);
	if (*n > FIGURE_MAX_LINES)
		return err_set(e, E_INVAL, "Biểu số liệu có tối đa %d dòng, %d cột", FIGURE_MAX_LINES,
			       FIGURE_MAX_LINES);
	*out = arena_alloc(r->a, (*n + 1) * sizeof **out);
	for (size_t i = 0; i < *n; i++) {
		json_t *v = json_array_get(arr, i);
		if (json_is_string(v)) {
			(*out)[i].label = json_string_value(v);
			continue;
		}
		if (!json_is_object(v) || j_str(v, "label", true, &(*out)[i].label, e) ||
		    j_str(v, "key", false, &(*out)[i].key, e))
			return err_set(e, E_INVAL,
				       "Phần tử %zu của \"%s\" phải là chuỗi hoặc {\"key\", \"label\"}",
				       i + 1, name);
	}
	return 0;
}

static int read_table_input(req *r, json_t *j, struct figure_table_input *in, err *e)
{
	if (j_str(j, "name", true, &in->name, e) || j_str(j, "measure", false, &in->measure, e) ||
	    j_str(j, "value_kind", false, &in->value_kind, e))
		return e->code;
	struct figure_line_input *rows = NULL, *cols = NULL;
	int rc = read_lines(r, j, "rows", &rows, &in->n_rows, e);
	if (rc == 0)
		rc = read_lines(r, j, "cols", &cols, &in->n_cols, e);
	in->rows = rows;
	in->cols = cols;
	return rc;
}

void api_outline_table_create(req *r, resp *w)
{
	err e = {0};
	if (outline_check_edit(r->db, &r->who, r->id[0], &e)) {
		resp_api_err(w, &e);
		return;
	}
	json_t *j = req_json(r, w);
	if (!j)
		return;
	struct figure_table_input in = {0};
	int64_t id = 0;
	if (read_table_input(r, j, &in, &e) == 0)
		outline_store_table_create(r->db, &r->who, r->id[0], &in, &id, &e);
	json_decref(j);
	if (e.code)
		resp_api_err(w, &e);
	else
		resp_json(w, 201, json_pack("{s:I}", "id", (json_int_t)id));
}

void api_outline_table_update(req *r, resp *w)
{
	err e = {0};
	if (outline_check_table_edit(r->db, &r->who, r->id[0], r->id[1], &e)) {
		resp_api_err(w, &e);
		return;
	}
	json_t *j = req_json(r, w);
	if (!j)
		return;
	struct figure_table_input in = {0};
	if (read_table_input(r, j, &in, &e) == 0)
		outline_store_table_update(r->db, &r->who, r->id[0], r->id[1], &in, &e);
	json_decref(j);
	if (e.code)
		resp_api_err(w, &e);
	else
		resp_json(w, 200, json_pack("{s:I}", "id", (json_int_t)r->id[1]));
}
