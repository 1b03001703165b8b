/*
 * api_awards.c — /api/v1 commendation: the award forms catalogue,
 * decisions, award lists imported from CSV/XLSX, recipient search, and
 * statistics as JSON or as an XLSX workbook.
 */
#include "web/api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "core/award_counts.h"
#include "core/award_rules.h"
#include "core/awards.h"
#include "core/awards_table.h"
#include "core/validate.h"

/* ---- the catalogue ---- */

static json_t *types_array(const char *list)
{
	json_t *arr = json_array();
	char *copy = xstrdup(list ? list : "");
	for (char *save = NULL, *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save))
		json_array_append_new(arr, json_string(t));
	free(copy);
	return arr;
}

static json_t *form_to_json(const award_form *f)
{
	json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:o, s:s, s:i, s:s, s:b}", "code", f->code, "name",
			      f->name, "kind", f->kind, "authority", f->authority, "recipient_types",
			      types_array(f->recipient_types), "authority_label",
			      award_authority_label(f->authority), "position", f->position,
			      "report_row", f->report_row, "builtin", f->builtin);
	json_object_set_new(o, "valid_from", f->valid_from ? json_string(f->valid_from) : json_null());
	json_object_set_new(o, "valid_to", f->valid_to ? json_string(f->valid_to) : json_null());
	json_t *aliases = json_array();
	char *copy = xstrdup(f->aliases ? f->aliases : "");
	for (char *save = NULL, *t = strtok_r(copy, "|", &save); t; t = strtok_r(NULL, "|", &save))
		json_array_append_new(aliases, json_string(t));
	free(copy);
	json_object_set_new(o, "aliases", aliases);
	return o;
}

void api_award_forms_list(req *r, resp *w)
{
	const char *on = req_query(r, "valid_on");
	err e = {0};
	if (on && *on && validate_date(on, "valid_on", &e)) {
		resp_json_error(w, 400, e.msg);
		return;
	}
	award_form *v;
	size_t n;
	if (award_forms_list(r->db, r->a, on && *on ? on : NULL, &v, &n, &e)) {
		resp_api_err(w, &e);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, form_to_json(&v[i]));
	resp_json(w, 200, json_pack("{s:o}", "forms", arr));
}

/* Reads a form's fields; recipient_types is a list or a comma string. */
static int read_form_input(json_t *j, struct award_form_input *in, arena *ar, err *e)
{
	memset(in, 0, sizeof *in);
	in->position = -1;
	json_t *types = json_object_get(j, "recipient_types");
	if (json_is_array(types)) {
		buf b = BUF_INIT;
		size_t i;
		json_t *t;
		json_array_foreach(types, i, t)
		{
			if (!json_is_string(t)) {
				buf_free(&b);
				return err_set(e, E_INVAL, "Trường \"recipient_types\" phải là danh sách chuỗi");
			}
			if (b.len)
				buf_putc(&b, ',');
			buf_puts(&b, json_string_value(t));
		}
		in->recipient_types = arena_strdup(ar, buf_cstr(&b));
		buf_free(&b);
	} else if (j_str(j, "recipient_types", false, &in->recipient_types, e)) {
		return e->code;
	}
	json_t *aliases = json_object_get(j, "aliases");
	if (json_is_array(aliases)) {
		buf b = BUF_INIT;
		size_t i;
		json_t *t;
		json_array_foreach(aliases, i, t)
		{
			if (json_is_string(t)) {
				if (b.len)
					buf_putc(&b, '|');
				buf_puts(&b, json_string_value(t));
			}
		}
		in->aliases = arena_strdup(ar, buf_cstr(&b));
		buf_free(&b);
	} else if (j_str(j, "aliases", false, &in->aliases, e)) {
		return e->code;
	}
	if (j_str(j, "code", false, &in->code, e) || j_str(j, "name", false, &in->name, e) ||
	    j_str(j, "kind", false, &in->kind, e) || j_str(j, "authority", false, &in->authority, e) ||
	    j_str(j, "valid_from", false, &in->valid_from, e) ||
	    j_str(j, "valid_to", false, &in->valid_to, e) ||
	    j_str(j, "report_row", false, &in->report_row, e) ||
	    j_int(j, "position", false, &in->position, e))
		return e->code;
	return 0;
}

void api_award_forms_create(req *r, resp *w)
{
	if (r->who.role != ROLE_ADMIN) {
		resp_json_error(w, 403, "Chỉ quản trị hệ thống được bổ sung danh mục khen thưởng");
		return;
	}
	json_t *j = req_json(r, w);
	if (!j)
		return;
	struct award_form_input in;
	err e = {0};
	if (read_form_input(j, &in, r->a, &e) == 0)
		award_form_create(r->db, &r->who, &in, &e);
	json_decref(j);
	if (e.code)
		resp_api_err(w, &e);
	else
		resp_json(w, 201, json_pack("{s:s}", "code", in.code));
}

/* PATCH /award-forms with {"code", …changed fields}: codes are text, and
 * route parameters are numeric ids, so the code travels in the body. */
void api_award_forms_update(req *r, resp *w)
{
	if (r->who.role != ROLE_ADMIN) {
		resp_json_error(w, 403, "Chỉ quản trị hệ thống được sửa danh mục khen thưởng");
		return;
	}
	json_t *j = req_json(r, w);
	if (!j)
		return;
	struct award_form_input in;
	err e = {0};
	const char *code = NULL;
	if (j_str(j, "code", true, &code, &e) == 0 && read_form_input(j, &in, r->a, &e) == 0) {
		in.code = NULL;
		award_form_update(r->db, &r->who, code, &in, &e);
	}
	json_t *out = json_pack("{s:s}", "code", code ? code : "");
	json_decref(j);
	if (e.code) {
		json_decref(out);
		resp_api_err(w, &e);
	} else {
		resp_json(w, 200, out);
	}
}

/* ---- decisions ---- */

static json_t *award_to_json(const award *a)
{
	json_t *o = json_pack("{s:I, s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:i, s:s}", "id",
			      (json_int_t)a->id, "decision_id", (json_int_t)a->decision_id, "form_code",
			      a->form_code, "form_name", a->form_name, "recipient_type",
			      a->recipient_type, "name", a->name, "position", a->position, "unit_name",
			      a->unit_name, "year", a->year, "achievement", a->achievement);
	json_object_set_new(o, "unit_id", a->unit_id ? json_integer(a->unit_id) : json_null());
	json_object_set_new(o, "movement_id", a->movement_id ? json_integer(a->movement_id) : json_null());
	if (a->decision_number) {
		json_object_set_new(o, "decision_number", json_string(a->decision_number));
		json_object_set_new(o, "decision_date", json_string(a->decision_date));
	}
	return o;
}

static json_t *decision_to_json(const decision *x)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:I, s:s, s:s, s:s, s:I}", "id", (json_int_t)x->id,
			 "number", x->number, "date", x->date, "signer", x->signer, "signer_title",
			 x->signer_title, "unit_id", (json_int_t)x->unit_id, "unit_name", x->unit_name,
			 "form_code", x->form_code, "form_name", x->form_name, "awards_count",
			 (json_int_t)x->n_awards);
}

/* One element of "awards"; field errors name the element. */
static int read_award(json_t *o, size_t i, struct award_input *w, err *e)
{
	memset(w, 0, sizeof *w);
	if (!json_is_object(o))
		return err_set(e, E_INVAL, "Phần tử %zu của \"awards\" phải là một đối tượng", i + 1);
	if (j_str(o, "recipient_type", true, &w->recipient_type, e) ||
	    j_str(o, "name", true, &w->name, e) || j_str(o, "position", false, &w->position, e) ||
	    j_int(o, "unit_id", false, &w->unit_id, e) || j_str(o, "unit_name", false, &w->unit_name, e) ||
	    j_int(o, "movement_id", false, &w->movement_id, e) || j_int(o, "year", false, &w->year, e) ||
	    j_str(o, "achievement", false, &w->achievement, e)) {
		char msg[sizeof e->msg];
		snprintf(msg, sizeof msg, "%s", e->msg);
		return err_set(e, E_INVAL, "Phần tử %zu của \"awards\": %s", i + 1, msg);
	}
	if (w->unit_id < 0 || w->movement_id < 0)
		return err_set(e, E_INVAL, "Phần tử %zu của \"awards\": mã đơn vị, phong trào không hợp lệ",
			       i + 1);
	return 0;
}

void api_decisions_create(req *r, resp *w)
{
	json_t *j = req_json(r, w);
	if (!j)
		return;
	err e = {0};
	int64_t id = 0;
	json_t *uv = json_object_get(j, "unit_id");
	json_t *list = json_object_get(j, "awards");
	struct decision_input in = {0};
	/* authorization before validation: the role, then the issuing unit */
	if (r->who.role != ROLE_ADMIN && r->who.role != ROLE_OFFICER)
		err_set(&e, E_FORBIDDEN,
			"Chỉ cán bộ thi đua - khen thưởng hoặc quản trị hệ thống được nhập quyết định khen thưởng");
	else if (json_is_integer(uv) && !unit_visible(r->db, &r->who, json_integer_value(uv)))
		err_set(&e, E_FORBIDDEN, "Không có quyền nhập quyết định của đơn vị này");
	else if (!j_str(j, "number", true, &in.number, &e) && !j_str(j, "date", true, &in.date, &e) &&
		 !j_str(j, "signer", false, &in.signer, &e) &&
		 !j_str(j, "signer_title", false, &in.signer_title, &e) &&
		 !j_int(j, "unit_id", true, &in.unit_id, &e) &&
		 !j_str(j, "form_code", true, &in.form_code, &e)) {
		if (!json_is_array(list))
			err_set(&e, E_INVAL, "Trường \"awards\" phải là danh sách người, tập thể được khen");
		else if (json_array_size(list) > AWARD_MAX_PER_DECISION)
			err_set(&e, E_INVAL, "Một quyết định có tối đa %d người, tập thể được khen",
				AWARD_MAX_PER_DECISION);
	}
	if (!e.code) {
		in.n_awards = json_array_size(list);
		in.awards = arena_alloc(r->a, (in.n_awards ? in.n_awards : 1) * sizeof *in.awards);
		for (size_t i = 0; i < in.n_awards && !e.code; i++)
			read_award(json_array_get(list, i), i, &in.awards[i], &e);
		if (!e.code)
			decision_create(r->db, &r->who, &in, &id, &e);
	}
	json_decref(j);
	if (e.code)
		resp_api_err(w, &e);
	else
		resp_json(w, 201, json_pack("{s:I}", "id", (json_int_t)id));
}

void api_decisions_list(req *r, resp *w)
{
	struct decision_filter f = {0};
	f.q = req_query(r, "q");
	f.unit_id = q_int(r, "unit");
	int64_t year = q_int(r, "year");
	f.limit = q_int(r, "limit");
	f.offset = q_int(r, "offset");
	if (f.unit_id < 0 || year < 0 || year > 9999 || f.limit < 0 || f.offset < 0) {
		resp_json_error(w, 400, "Tham số unit, year, limit, offset phải là số nguyên không âm");
		return;
	}
	f.year = (int)year;
	decision *v;
	size_t n;
	err e = {0};
	if (decisions_list(r->db, r->a, &r->who, &f, &v, &n, &e)) {
		resp_api_err(w, &e);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, decision_to_json(&v[i]));
	resp_json(w, 200, json_pack("{s:o}", "decisions", arr));
}

void api_decision_get(req *r, resp *w)
{
	decision x;
	award *v;
	size_t n;
	err e = {0};
	if (decision_get(r->db, r->a, &r->who, r->id[0], &x, &v, &n, &e)) {
		resp_api_err(w, &e);
		return;
	}
	json_t *o = decision_to_json(&x);
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, award_to_json(&v[i]));
	json_object_set_new(o, "awards", arr);
	resp_json(w, 200, o);
}

/* ---- import ---- */

/* The media type of an uploaded list: "csv", "xlsx", NULL to sniff; 415
 * is answered here for anything else. */
static bool list_media(req *r, resp *w, const char **hint)
{
	const char *ct = req_header(r, "Content-Type");
	*hint = NULL;
	if (ct && strncasecmp(ct, "text/csv", 8) == 0)
		*hint = "csv";
	else if (ct && strncasecmp(ct, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
				   65) == 0)
		*hint = "xlsx";
	else if (!ct || strncasecmp(ct, "application/octet-stream", 24) != 0) {
		resp_json_error(w, 415, "Cần gửi tệp CSV (text/csv) hoặc Excel .xlsx");
		return false;
	}
	return true;
}

void api_awards_import(req *r, resp *w)
{
	const char *hint;
	if (!list_media(r, w, &hint))
		return;
	if (r->who.role != ROLE_ADMIN && r->who.role != ROLE_OFFICER) {
		resp_json_error(w, 403,
				"Chỉ cán bộ thi đua - khen thưởng hoặc quản trị hệ thống được nhập danh sách khen thưởng");
		return;
	}
	struct award_import_defaults def = {req_query(r, "number"), req_query(r, "date"),
					    req_query(r, "signer"), req_query(r, "signer_title"),
					    req_query(r, "form"), q_int(r, "unit")};
	if (def.unit_id < 0) {
		resp_json_error(w, 400, "Tham số unit phải là số nguyên không âm");
		return;
	}
	int64_t created = 0;
	int bad_row = 0;
	err e = {0};
	if (awards_import_file(r->db, &r->who, r->body.p, r->body.len, hint, &def, &created, &bad_row,
			       &e)) {
		int status = http_status_of(e.code);
		if (status == 400 || status == 409)
			status = 422; /* a malformed file is invalid content here */
		if (status == 500 || status == 503) {
			resp_api_err(w, &e);
			return;
		}
		json_t *o = json_pack("{s:s}", "error", e.msg);
		if (bad_row)
			json_object_set_new(o, "row", json_integer(bad_row));
		resp_json(w, status, o);
		return;
	}
	resp_json(w, 200, json_pack("{s:I}", "created", (json_int_t)created));
}

/* ---- search ---- */

void api_awards_search(req *r, resp *w)
{
	int64_t limit = q_int(r, "limit"), offset = q_int(r, "offset");
	if (limit < 0 || offset < 0 || limit > 10000) {
		resp_json_error(w, 400, "Tham số limit (tối đa 10000), offset phải là số nguyên không âm");
		return;
	}
	award *v;
	size_t n;
	err e = {0};
	if (awards_search(r->db, r->a, &r->who, req_query(r, "q"), limit, offset, &v, &n, &e)) {
		resp_api_err(w, &e);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, award_to_json(&v[i]));
	resp_json(w, 200, json_pack("{s:o}", "awards", arr));
}

/* ---- statistics ---- */

/* A year parameter: 0 when absent; -1 when malformed. */
static int year_param(req *r, const char *name)
{
	int64_t y = q_int(r, name);
	if (y == 0)
		return 0;
	return y >= 1945 && y <= 2100 ? (int)y : -1;
}

int award_stats_from_query(req *r, struct award_stats_query *q, err *e)
{
	memset(q, 0, sizeof *q);
	if (award_stats_parse_by(req_query(r, "by"), q, e) ||
	    award_stats_parse_periods(req_query(r, "period"), q, e))
		return e->code;
	q->from = year_param(r, "from");
	q->to = year_param(r, "to");
	q->unit_id = q_int(r, "unit");
	q->movement_id = q_int(r, "movement");
	if (q->from < 0 || q->to < 0)
		return err_set(e, E_PARSE, "Tham số from, to phải là năm từ 1945 đến 2100");
	if (q->unit_id < 0 || q->movement_id < 0)
		return err_set(e, E_PARSE, "Tham số unit, movement phải là số nguyên không âm");
	const char *form = req_query(r, "form"), *type = req_query(r, "recipient_type");
	q->form = form && *form ? form : NULL;
	q->recipient_type = type && *type ? type : NULL;
	if (q->recipient_type && !award_type_valid(q->recipient_type))
		return err_set(e, E_PARSE, "recipient_type phải là collective, household hoặc individual");
	return 0;
}

static json_t *stat_row_json(const struct award_stats_query *q, const struct award_stat_row *s,
			     arena *ar)
{
	json_t *o = json_object();
	for (size_t k = 0; k < q->n_keys; k++) {
		const char *name = award_key_name(q->keys[k]);
		json_t *v = NULL;
		switch (q->keys[k]) {
		case AK_FORM: v = json_string(s->form); break;
		case AK_TYPE: v = json_string(s->recipient_type); break;
		case AK_YEAR: v = json_integer(s->year); break;
		case AK_UNIT: v = json_integer(s->unit_id); break;
		case AK_MOVEMENT: v = s->movement_id ? json_integer(s->movement_id) : json_null(); break;
		case AK_PERIOD: v = json_string(award_period_label(ar, &q->periods[s->period])); break;
		default: v = json_null(); break;
		}
		json_object_set_new(o, name, v);
	}
	json_object_set_new(o, "count", json_integer(s->count));
	return o;
}

void api_awards_stats(req *r, resp *w)
{
	struct award_stats_query q;
	err e = {0};
	if (award_stats_from_query(r, &q, &e)) {
		resp_api_err(w, &e);
		return;
	}
	struct award_stat_row *v;
	size_t n;
	if (award_stats(r->db, r->a, &r->who, &q, &v, &n, &e)) {
		resp_api_err(w, &e);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, stat_row_json(&q, &v[i], r->a));
	resp_json(w, 200, json_pack("{s:o}", "rows", arr));
}

/* Column heading and cell text of one key for people. */
static const char *key_heading(enum award_key k)
{
	switch (k) {
	case AK_FORM: return "Hình thức khen thưởng";
	case AK_TYPE: return "Đối tượng";
	case AK_YEAR: return "Năm";
	case AK_UNIT: return "Đơn vị";
	case AK_MOVEMENT: return "Phong trào thi đua";
	case AK_PERIOD: return "Giai đoạn";
	default: return "";
	}
}

const char *award_stat_cell(arena *ar, const struct award_stats_query *q,
			    const struct award_stat_row *s, enum award_key k)
{
	switch (k) {
	case AK_FORM: return s->form_name ? s->form_name : s->form;
	case AK_TYPE: return award_type_label(s->recipient_type);
	case AK_YEAR: return arena_printf(ar, "%d", s->year);
	case AK_UNIT: return s->unit_name ? s->unit_name : "";
	case AK_MOVEMENT: return s->movement_id ? (s->movement_title ? s->movement_title : "")
						: "Không thuộc phong trào";
	case AK_PERIOD: return award_period_label(ar, &q->periods[s->period]);
	default: return "";
	}
}

/* Writes the statistics as a workbook (libxlsxwriter writes files: a temp
 * file read back and removed). Years and counts are numeric cells; the
 * total is a SUM formula stored with its value. */
static int stats_xlsx(arena *ar, const struct award_stats_query *q, const struct award_stat_row *v,
		      size_t n, buf *out, err *e)
{
	char path[] = "/tmp/thidua-stats-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return err_set(e, E_IO, "Không tạo được tệp tạm");
	close(fd);
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = wb ? workbook_add_worksheet(wb, "Thống kê khen thưởng") : NULL;
	if (!ws) {
		if (wb)
			workbook_close(wb);
		unlink(path);
		return err_set(e, E_IO, "Không tạo được bảng tính");
	}
	lxw_format *bold = workbook_add_format(wb);
	format_set_bold(bold);
	lxw_col_t c = 0;
	for (size_t k = 0; k < q->n_keys; k++, c++) {
		worksheet_write_string(ws, 0, c, key_heading(q->keys[k]), bold);
		worksheet_set_column(ws, c, c, q->keys[k] == AK_YEAR ? 8 : 40, NULL);
	}
	worksheet_write_string(ws, 0, c, "Số lượng", bold);
	double total = 0;
	for (size_t i = 0; i < n; i++) {
		lxw_row_t row = (lxw_row_t)(i + 1);
		c = 0;
		for (size_t k = 0; k < q->n_keys; k++, c++) {
			if (q->keys[k] == AK_YEAR)
				worksheet_write_number(ws, row, c, v[i].year, NULL);
			else
				worksheet_write_string(ws, row, c, award_stat_cell(ar, q, &v[i], q->keys[k]),
						       NULL);
		}
		worksheet_write_number(ws, row, c, (double)v[i].count, NULL);
		total += (double)v[i].count;
	}
	lxw_row_t last = (lxw_row_t)(n + 1);
	worksheet_write_string(ws, last, 0, "Tổng cộng", bold);
	char formula[64], col[8];
	lxw_col_to_name(col, c, false);
	snprintf(formula, sizeof formula, "=SUM(%s2:%s%u)", col, col, (unsigned)(n + 1));
	if (n)
		worksheet_write_formula_num(ws, last, c, formula, bold, total);
	else
		worksheet_write_number(ws, last, c, 0, bold);
	int rc = workbook_close(wb) == LXW_NO_ERROR ? 0 : err_set(e, E_IO, "Không ghi được bảng tính");
	if (rc == 0)
		rc = read_file(path, 64u << 20, out, e);
	unlink(path);
	return rc;
}

void api_awards_stats_xlsx(req *r, resp *w)
{
	struct award_stats_query q;
	err e = {0};
	struct award_stat_row *v;
	size_t n;
	if (award_stats_from_query(r, &q, &e) || award_stats(r->db, r->a, &r->who, &q, &v, &n, &e)) {
		resp_api_err(w, &e);
		return;
	}
	buf x = BUF_INIT;
	if (stats_xlsx(r->a, &q, v, n, &x, &e)) {
		buf_free(&x);
		resp_api_err(w, &e);
		return;
	}
	resp_text(w, 200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", x.p,
		  x.len);
	resp_header(w, "Content-Disposition", "attachment; filename=\"thong-ke-khen-thuong.xlsx\"");
	buf_free(&x);
}
