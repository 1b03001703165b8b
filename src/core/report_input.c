/*
 * report_input.c — a report's content as data: the outline's schema (what
 * each item accepts), reading the API's JSON, checking and cleaning
 * content against the schema, and the JSON view. No database here, so the
 * checks can be fuzzed and the form handler and the API share them.
 */
#include "reports.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "outline/outline.h"
#include "text/text.h"

/* ---- schema ---- */

static int cmp_schema(const void *a, const void *b)
{
	int64_t x = ((const struct report_schema_item *)a)->id;
	int64_t y = ((const struct report_schema_item *)b)->id;
	return x < y ? -1 : x > y;
}

/* A label worth naming in a path ("-" bullets and empty labels are not). */
static bool named_label(const char *l)
{
	return l && *l && strcmp(l, "-") != 0 && strcmp(l, "+") != 0;
}

void report_schema_build(arena *ar, const stored_outline *o, report_schema *out)
{
	out->n = o->n_items;
	out->v = arena_alloc(ar, (o->n_items ? o->n_items : 1) * sizeof *out->v);
	const char *path[OUTLINE_STORE_MAX_DEPTH + 2] = {0};
	for (size_t i = 0; i < o->n_items; i++) {
		const stored_item *it = &o->items[i];
		int d = it->depth < 1 ? 1 : (it->depth > OUTLINE_STORE_MAX_DEPTH ? OUTLINE_STORE_MAX_DEPTH : it->depth);
		const char *parent = d > 1 ? path[d - 1] : "";
		const char *mine;
		if (!named_label(it->label))
			mine = parent;
		else if (parent && *parent)
			mine = arena_printf(ar, "%s.%s", parent, it->label);
		else
			mine = it->label;
		path[d] = mine;
		out->v[i] = (struct report_schema_item){it->id, i, it->asks, it->table,
							*mine ? mine : arena_printf(ar, "thứ %zu", i + 1),
							it->title};
	}
	qsort(out->v, out->n, sizeof *out->v, cmp_schema);
}

const struct report_schema_item *report_schema_find(const report_schema *s, int64_t id)
{
	struct report_schema_item key = {.id = id};
	return s->n ? bsearch(&key, s->v, s->n, sizeof key, cmp_schema) : NULL;
}

/* ---- small helpers ---- */

static const char *const model_kinds[][2] = {
	{"collective", "Tập thể"},
	{"individual", "Cá nhân"},
	{"household", "Hộ gia đình"},
	{"model", "Mô hình"},
};

bool report_model_kind_valid(const char *kind)
{
	for (size_t i = 0; kind && i < 4; i++)
		if (strcmp(kind, model_kinds[i][0]) == 0)
			return true;
	return false;
}

const char *report_model_kind_label(const char *kind)
{
	for (size_t i = 0; kind && i < 4; i++)
		if (strcmp(kind, model_kinds[i][0]) == 0)
			return model_kinds[i][1];
	return kind ? kind : "";
}

void report_value_text(double v, char out[32])
{
	if (v == 0)
		v = 0; /* no "-0" */
	snprintf(out, 32, "%.15g", v);
}

bool report_value_parse(const char *s, double *out)
{
	char tmp[64];
	size_t k = 0;
	bool mark = false, digit = false;
	for (const char *p = s ? s : ""; *p; p++) {
		char c = *p;
		if (c == ' ')
			continue;
		if (k + 1 >= sizeof tmp)
			return false;
		if (c == '-' && k == 0) {
			tmp[k++] = c;
		} else if ((c == '.' || c == ',') && !mark) {
			mark = true;
			tmp[k++] = '.';
		} else if (c >= '0' && c <= '9') {
			digit = true;
			tmp[k++] = c;
		} else {
			return false;
		}
	}
	if (!digit)
		return false;
	tmp[k] = '\0';
	char *end;
	*out = strtod(tmp, &end);
	return *end == '\0' && isfinite(*out);
}

/* ---- JSON → content (types only) ---- */

static int json_text(json_t *o, const char *key, const char *where, char **out, err *e)
{
	json_t *v = json_object_get(o, key);
	*out = NULL;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return err_set(e, E_INVAL, "%s: trường \"%s\" phải là chuỗi", where, key);
	*out = (char *)json_string_value(v);
	return 0;
}

static int json_count(json_t *o, const char *key, const char *where, int64_t *out, err *e)
{
	json_t *v = json_object_get(o, key);
	*out = -1;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_integer(v))
		return err_set(e, E_INVAL, "%s: trường \"%s\" phải là số nguyên", where, key);
	*out = json_integer_value(v);
	return 0;
}

static int cells_from_json(arena *ar, json_t *arr, const char *where, struct report_answer *a,
			   err *e)
{
	if (!json_is_array(arr))
		return err_set(e, E_INVAL, "%s: \"figures\" phải là một mảng", where);
	a->n_cells = json_array_size(arr);
	a->cells = arena_alloc(ar, (a->n_cells ? a->n_cells : 1) * sizeof *a->cells);
	for (size_t k = 0; k < a->n_cells; k++) {
		json_t *c = json_array_get(arr, k);
		json_t *row = json_object_get(c, "row"), *col = json_object_get(c, "col"),
		       *val = json_object_get(c, "value");
		if (!json_is_object(c) || !json_is_string(row) || !json_is_string(col))
			return err_set(e, E_INVAL,
				       "%s: mỗi ô số liệu cần \"row\" và \"col\" là chuỗi", where);
		if (!json_is_number(val))
			return err_set(e, E_INVAL, "%s, ô (%s, %s): giá trị phải là số", where,
				       json_string_value(row), json_string_value(col));
		a->cells[k] = (struct report_cell){(char *)json_string_value(row),
						   (char *)json_string_value(col), json_number_value(val)};
	}
	return 0;
}

static int model_from_json(json_t *m, const char *where, struct report_model *out, err *e)
{
	if (!json_is_object(m))
		return err_set(e, E_INVAL, "%s: mỗi mô hình phải là một đối tượng JSON", where);
	int rc;
	if ((rc = json_text(m, "name", where, &out->name, e)) ||
	    (rc = json_text(m, "kind", where, &out->kind, e)) ||
	    (rc = json_text(m, "address", where, &out->address, e)) ||
	    (rc = json_text(m, "phone", where, &out->phone, e)) ||
	    (rc = json_text(m, "summary", where, &out->summary, e)) ||
	    (rc = json_count(m, "jobs_created", where, &out->jobs_created, e)) ||
	    (rc = json_count(m, "households_helped", where, &out->households_helped, e)) ||
	    (rc = json_count(m, "members", where, &out->members, e)))
		return rc;
	return 0;
}

static int models_from_json(arena *ar, json_t *arr, const char *where, struct report_answer *a,
			    err *e)
{
	if (!json_is_array(arr))
		return err_set(e, E_INVAL, "%s: \"models\" phải là một mảng", where);
	a->n_models = json_array_size(arr);
	a->models = arena_alloc(ar, (a->n_models ? a->n_models : 1) * sizeof *a->models);
	for (size_t k = 0; k < a->n_models; k++) {
		int rc = model_from_json(json_array_get(arr, k), where, &a->models[k], e);
		if (rc)
			return rc;
	}
	return 0;
}

int report_content_from_json(arena *ar, json_t *items, struct report_content *out, err *e)
{
	out->n = 0;
	out->items = NULL;
	if (!json_is_array(items))
		return err_set(e, E_INVAL, "Trường \"items\" phải là một mảng");
	size_t n = json_array_size(items);
	out->items = arena_alloc(ar, (n ? n : 1) * sizeof *out->items);
	for (size_t i = 0; i < n; i++) {
		json_t *it = json_array_get(items, i);
		json_t *id = json_object_get(it, "item_id");
		char where[64];
		snprintf(where, sizeof where, "Phần tử thứ %zu của \"items\"", i + 1);
		if (!json_is_object(it) || !json_is_integer(id))
			return err_set(e, E_INVAL, "%s phải là đối tượng có \"item_id\" là số nguyên",
				       where);
		struct report_answer *a = &out->items[out->n++];
		a->item_id = json_integer_value(id);
		int rc = json_text(it, "text", where, &a->text, e);
		json_t *f = json_object_get(it, "figures"), *m = json_object_get(it, "models");
		if (rc == 0 && f && !json_is_null(f))
			rc = cells_from_json(ar, f, where, a, e);
		if (rc == 0 && m && !json_is_null(m))
			rc = models_from_json(ar, m, where, a, e);
		if (rc)
			return rc;
	}
	return 0;
}

/* ---- checking ---- */

/* Multi-line text: valid UTF-8, NFC, CR and control characters other than
 * line feed and tab dropped, trailing space trimmed. NULL if not UTF-8. */
static char *clean_block(arena *ar, const char *s)
{
	char *nfc = text_nfc(s, strlen(s));
	if (!nfc)
		return NULL;
	size_t k = 0;
	for (size_t i = 0; nfc[i]; i++) {
		unsigned char c = (unsigned char)nfc[i];
		if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F)
			continue;
		nfc[k++] = (char)c;
	}
	while (k && (nfc[k - 1] == ' ' || nfc[k - 1] == '\n' || nfc[k - 1] == '\t'))
		k--;
	nfc[k] = '\0';
	char *out = arena_strdup(ar, nfc);
	free(nfc);
	return out;
}

/* A one-line field of a model: cleaned, at most `max` code points;
 * *out "" when absent. */
static int model_line(arena *ar, char **field, size_t max, const char *what, const char *where,
		      err *e)
{
	if (!*field) {
		*field = "";
		return 0;
	}
	char *c = text_clean_line(*field, strlen(*field));
	if (!c)
		return err_set(e, E_INVAL, "%s: %s không phải văn bản UTF-8 hợp lệ", where, what);
	size_t len = text_length(c);
	*field = arena_strdup(ar, c);
	free(c);
	if (len > max)
		return err_set(e, E_INVAL, "%s: %s dài quá %zu ký tự", where, what, max);
	return 0;
}

static bool phone_valid(const char *p)
{
	for (; *p; p++)
		if (!isdigit((unsigned char)*p) && !strchr(" +-.()/", *p))
			return false;
	return true;
}

static int check_count(int64_t v, const char *what, const char *where, err *e)
{
	if (v < -1 || v > 1000000000)
		return err_set(e, E_INVAL, "%s: %s phải là số nguyên không âm (tối đa 1.000.000.000)",
			       where, what);
	return 0;
}

static bool model_empty(const struct report_model *m)
{
	return !*m->name && !*m->address && !*m->phone && !*m->summary && m->jobs_created < 0 &&
	       m->households_helped < 0 && m->members < 0;
}

static int check_model(arena *ar, struct report_model *m, const char *where, err *e)
{
	int rc;
	if ((rc = model_line(ar, &m->name, 300, "tên mô hình", where, e)) ||
	    (rc = model_line(ar, &m->address, 500, "địa chỉ", where, e)) ||
	    (rc = model_line(ar, &m->phone, 50, "số điện thoại", where, e)))
		return rc;
	if (m->summary) {
		char *s = clean_block(ar, m->summary);
		if (!s)
			return err_set(e, E_INVAL, "%s: tóm tắt không phải văn bản UTF-8 hợp lệ", where);
		if (text_length(s) > 20000)
			return err_set(e, E_INVAL, "%s: tóm tắt dài quá 20.000 ký tự", where);
		m->summary = s;
	} else {
		m->summary = "";
	}
	if (!phone_valid(m->phone))
		return err_set(e, E_INVAL, "%s: số điện thoại chỉ gồm chữ số, dấu cách và + - . ( ) /",
			       where);
	if ((rc = check_count(m->jobs_created, "số việc làm tạo ra", where, e)) ||
	    (rc = check_count(m->households_helped, "số hộ được giúp đỡ", where, e)) ||
	    (rc = check_count(m->members, "số thành viên", where, e)))
		return rc;
	if (model_empty(m))
		return 0;
	if (!*m->name)
		return err_set(e, E_INVAL, "%s: mỗi mô hình cần có tên", where);
	if (!m->kind || !*m->kind)
		m->kind = "model";
	if (!report_model_kind_valid(m->kind))
		return err_set(e, E_INVAL,
			       "%s: loại mô hình phải là collective, individual, household hoặc model",
			       where);
	return 0;
}

/* Models of one answer: checked; empty ones (a blank form row) dropped. */
static int check_models(arena *ar, const struct report_schema_item *si, struct report_answer *a,
			const char *where, err *e)
{
	if (a->n_models && !(si->asks & OUTLINE_ASK_MODELS))
		return err_set(e, E_INVAL, "%s không yêu cầu nêu mô hình, điển hình", where);
	size_t k = 0;
	for (size_t i = 0; i < a->n_models; i++) {
		char mw[160];
		snprintf(mw, sizeof mw, "%s, mô hình thứ %zu", where, i + 1);
		int rc = check_model(ar, &a->models[i], mw, e);
		if (rc)
			return rc;
		if (!model_empty(&a->models[i]))
			a->models[k++] = a->models[i];
	}
	a->n_models = k;
	if (k > REPORT_MODELS_MAX)
		return err_set(e, E_INVAL, "%s: tối đa %d mô hình", where, REPORT_MODELS_MAX);
	return 0;
}

static int line_index(const figure_line *v, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].key, key) == 0)
			return (int)i;
	return -1;
}

static int check_value(const figure_table *t, const struct report_cell *c, const char *cell,
		       err *e)
{
	double v = c->value;
	if (!isfinite(v) || fabs(v) > REPORT_VALUE_MAX)
		return err_set(e, E_INVAL, "%s: giá trị vượt giới hạn (±1.000.000.000.000)", cell);
	if (strcmp(t->value_kind, "integer") == 0) {
		if (v != floor(v))
			return err_set(e, E_INVAL, "%s: phải là số nguyên", cell);
		if (v < 0)
			return err_set(e, E_INVAL, "%s: số lượng không được âm", cell);
	}
	return 0;
}

/* Cells of one answer: the item's table only, each cell once. The cells
 * end up in the table's row-major order. */
static int check_cells(arena *ar, const struct report_schema_item *si, struct report_answer *a,
		       const char *where, err *e)
{
	const figure_table *t = si->table;
	if (a->n_cells && !t)
		return err_set(e, E_INVAL, "%s không có biểu số liệu", where);
	if (!a->n_cells)
		return 0;
	size_t cells = t->n_rows * t->n_cols;
	int *slot = arena_alloc(ar, (cells ? cells : 1) * sizeof *slot);
	for (size_t i = 0; i < cells; i++)
		slot[i] = -1;
	for (size_t k = 0; k < a->n_cells; k++) {
		const struct report_cell *c = &a->cells[k];
		int r = line_index(t->rows, t->n_rows, c->row), col = line_index(t->cols, t->n_cols, c->col);
		if (r < 0)
			return err_set(e, E_INVAL, "%s: biểu “%s” không có dòng “%s”", where, t->name, c->row);
		if (col < 0)
			return err_set(e, E_INVAL, "%s: biểu “%s” không có cột “%s”", where, t->name, c->col);
		char cell[400];
		snprintf(cell, sizeof cell, "%s, ô “%s – %s”", where, t->rows[r].label, t->cols[col].label);
		int rc = check_value(t, c, cell, e);
		if (rc)
			return rc;
		size_t at = (size_t)r * t->n_cols + (size_t)col;
		if (slot[at] >= 0)
			return err_set(e, E_INVAL, "%s được nêu hai lần", cell);
		slot[at] = (int)k;
	}
	struct report_cell *sorted = arena_alloc(ar, a->n_cells * sizeof *sorted);
	size_t n = 0;
	for (size_t i = 0; i < cells; i++)
		if (slot[i] >= 0) {
			sorted[n] = a->cells[slot[i]];
			sorted[n].row = t->rows[i / t->n_cols].key;
			sorted[n++].col = t->cols[i % t->n_cols].key;
		}
	a->cells = sorted;
	return 0;
}

static int check_answer(arena *ar, const struct report_schema_item *si, struct report_answer *a,
			err *e)
{
	char where[96];
	snprintf(where, sizeof where, "Mục %s", si->path);
	if (a->text) {
		char *t = clean_block(ar, a->text);
		if (!t)
			return err_set(e, E_INVAL, "%s: nội dung không phải văn bản UTF-8 hợp lệ", where);
		if (text_length(t) > REPORT_TEXT_MAX)
			return err_set(e, E_INVAL, "%s: nội dung dài quá %d ký tự", where, REPORT_TEXT_MAX);
		a->text = t;
	} else {
		a->text = "";
	}
	int rc = check_cells(ar, si, a, where, e);
	return rc ? rc : check_models(ar, si, a, where, e);
}

/* qsort context travels in a thread-local (qsort has no argument for it). */
static _Thread_local const report_schema *sort_schema;

static int cmp_position(const void *a, const void *b)
{
	size_t x = report_schema_find(sort_schema, ((const struct report_answer *)a)->item_id)->position;
	size_t y = report_schema_find(sort_schema, ((const struct report_answer *)b)->item_id)->position;
	return x < y ? -1 : x > y;
}

int report_content_check(arena *ar, const report_schema *s, struct report_content *c, err *e)
{
	if (c->n > s->n)
		return err_set(e, E_INVAL, "Báo cáo có nhiều phần trả lời hơn số mục của đề cương");
	for (size_t i = 0; i < c->n; i++) {
		const struct report_schema_item *si = report_schema_find(s, c->items[i].item_id);
		if (!si)
			return err_set(e, E_INVAL, "Mục số %lld không thuộc đề cương của đợt báo cáo",
				       (long long)c->items[i].item_id);
		int rc = check_answer(ar, si, &c->items[i], e);
		if (rc)
			return rc;
	}
	sort_schema = s;
	qsort(c->items, c->n, sizeof *c->items, cmp_position);
	for (size_t i = 1; i < c->n; i++)
		if (c->items[i - 1].item_id == c->items[i].item_id)
			return err_set(e, E_INVAL, "Mục %s được nêu hai lần",
				       report_schema_find(s, c->items[i].item_id)->path);
	size_t k = 0; /* empty answers say nothing: not stored */
	for (size_t i = 0; i < c->n; i++)
		if (*c->items[i].text || c->items[i].n_cells || c->items[i].n_models)
			c->items[k++] = c->items[i];
	c->n = k;
	return 0;
}

/* ---- JSON view ---- */

static json_t *value_json(double v)
{
	if (v == floor(v) && fabs(v) < 9e15)
		return json_integer((json_int_t)v);
	return json_real(v);
}

static json_t *count_json(int64_t v)
{
	return v < 0 ? json_null() : json_integer(v);
}

static json_t *model_json(const struct report_model *m)
{
	json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s}", "name", m->name, "kind", m->kind,
			      "address", m->address, "phone", m->phone, "summary", m->summary);
	json_object_set_new(o, "jobs_created", count_json(m->jobs_created));
	json_object_set_new(o, "households_helped", count_json(m->households_helped));
	json_object_set_new(o, "members", count_json(m->members));
	return o;
}

json_t *report_content_json(const struct report_content *c)
{
	json_t *items = json_array();
	for (size_t i = 0; i < c->n; i++) {
		const struct report_answer *a = &c->items[i];
		json_t *figs = json_array(), *models = json_array();
		for (size_t k = 0; k < a->n_cells; k++) {
			json_t *cell = json_pack("{s:s, s:s}", "row", a->cells[k].row, "col", a->cells[k].col);
			json_object_set_new(cell, "value", value_json(a->cells[k].value));
			json_array_append_new(figs, cell);
		}
		for (size_t k = 0; k < a->n_models; k++)
			json_array_append_new(models, model_json(&a->models[k]));
		json_array_append_new(items, json_pack("{s:I, s:s, s:o, s:o}", "item_id",
						       (json_int_t)a->item_id, "text", a->text,
						       "figures", figs, "models", models));
	}
	return items;
}
