/*
 * ui_report_form.c — the report form generated from the outline: numbered
 * items, guidance in italics, narrative boxes, figure tables with totals,
 * lists of exemplary models; the same items read-only (narrative through
 * the light markup); and the posted form back into content.
 */
#include "web/ui_report_form.h"

#include <stdlib.h>
#include <string.h>

#include "outline/outline.h"

/* ---- values by field name ---- */

static _Thread_local const char **sort_names;

static int cmp_index(const void *a, const void *b)
{
	return strcmp(sort_names[*(const size_t *)a], sort_names[*(const size_t *)b]);
}

/* Sorts names and values together by name. */
static void sort_values(arena *ar, struct form_values *v)
{
	size_t *idx = arena_alloc(ar, (v->n ? v->n : 1) * sizeof *idx);
	for (size_t i = 0; i < v->n; i++)
		idx[i] = i;
	sort_names = v->names;
	qsort(idx, v->n, sizeof *idx, cmp_index);
	const char **names = arena_alloc(ar, (v->n ? v->n : 1) * sizeof *names);
	const char **values = arena_alloc(ar, (v->n ? v->n : 1) * sizeof *values);
	for (size_t i = 0; i < v->n; i++) {
		names[i] = v->names[idx[i]];
		values[i] = v->values[idx[i]];
	}
	v->names = names;
	v->values = values;
}

const char *form_value(const struct form_values *v, const char *name)
{
	size_t lo = 0, hi = v->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(v->names[mid], name);
		if (c == 0)
			return v->values[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

struct builder {
	arena *ar;
	struct form_values *v;
	size_t cap;
};

static void put(struct builder *b, const char *name, const char *value)
{
	if (b->v->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 64;
		const char **n = arena_alloc(b->ar, cap * sizeof *n), **v = arena_alloc(b->ar, cap * sizeof *v);
		if (b->v->n) {
			memcpy(n, b->v->names, b->v->n * sizeof *n);
			memcpy(v, b->v->values, b->v->n * sizeof *v);
		}
		b->v->names = n;
		b->v->values = v;
		b->cap = cap;
	}
	b->v->names[b->v->n] = name;
	b->v->values[b->v->n++] = value;
}

static const char *count_text(arena *ar, int64_t v)
{
	return v < 0 ? "" : arena_printf(ar, "%lld", (long long)v);
}

static void put_model(struct builder *b, int64_t item, size_t k, const struct report_model *m)
{
	static const char *const fields[] = {"name", "kind", "address", "phone", "summary"};
	const char *vals[] = {m->name, m->kind, m->address, m->phone, m->summary};
	for (int f = 0; f < 5; f++)
		put(b, arena_printf(b->ar, "m.%lld.%zu.%s", (long long)item, k, fields[f]),
		    vals[f] ? vals[f] : "");
	put(b, arena_printf(b->ar, "m.%lld.%zu.jobs", (long long)item, k), count_text(b->ar, m->jobs_created));
	put(b, arena_printf(b->ar, "m.%lld.%zu.households", (long long)item, k),
	    count_text(b->ar, m->households_helped));
	put(b, arena_printf(b->ar, "m.%lld.%zu.members", (long long)item, k), count_text(b->ar, m->members));
}

void form_values_from_content(arena *ar, const struct report_content *c, struct form_values *out)
{
	memset(out, 0, sizeof *out);
	struct builder b = {ar, out, 0};
	for (size_t i = 0; i < c->n; i++) {
		const struct report_answer *a = &c->items[i];
		if (a->text && *a->text)
			put(&b, arena_printf(ar, "t.%lld", (long long)a->item_id), a->text);
		for (size_t k = 0; k < a->n_cells; k++) {
			char v[32];
			report_value_text(a->cells[k].value, v);
			put(&b, arena_printf(ar, "f.%lld.%s.%s", (long long)a->item_id, a->cells[k].row,
					     a->cells[k].col),
			    arena_strdup(ar, v));
		}
		for (size_t k = 0; k < a->n_models; k++)
			put_model(&b, a->item_id, k, &a->models[k]);
	}
	sort_values(ar, out);
}

void form_values_from_request(req *r, struct form_values *out)
{
	memset(out, 0, sizeof *out);
	struct builder b = {r->a, out, 0};
	size_t n;
	const form_field *f = req_form_fields(r, &n);
	for (size_t i = 0; i < n; i++)
		if (!f[i].filename && (f[i].name[0] == 't' || f[i].name[0] == 'f' || f[i].name[0] == 'm') &&
		    f[i].name[1] == '.')
			put(&b, f[i].name, f[i].value);
	sort_values(r->a, out);
}

/* ---- rendering ---- */

/* "I." "1." "III.1." for numbers, "a)" for a letter, bullets and other
 * labels as printed. */
static const char *label_text(arena *ar, const char *l)
{
	if (!l || !*l)
		return "";
	if ((l[0] >= 'a' && l[0] <= 'z' && !l[1]) || strcmp(l, "đ") == 0)
		return arena_printf(ar, "%s)", l);
	for (const char *p = l; *p; p++)
		if (!strchr("IVXLCDM0123456789.", *p))
			return l;
	return arena_printf(ar, "%s.", l);
}

/* Guidance is plain text from the outline: each line a paragraph, in italics. */
static void guidance(buf *b, const char *g)
{
	if (!g || !*g)
		return;
	h_raw(b, "<div class=\"guidance\">");
	const char *p = g;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		if (n) {
			char *line = xstrndup(p, n);
			h_fmt(b, "<p><em>%s</em></p>", line);
			free(line);
		}
		p += n + (nl ? 1 : 0);
	}
	h_raw(b, "</div>");
}

static bool is_leaf(const stored_outline *o, size_t i)
{
	return i + 1 >= o->n_items || o->items[i + 1].depth <= o->items[i].depth;
}

/* The item asks for narrative (a leaf that asks nothing explicit gets a
 * box too: something is expected under every numbered line). */
static bool wants_text(const stored_outline *o, size_t i)
{
	unsigned asks = o->items[i].asks;
	return (asks & OUTLINE_ASK_TEXT) || (asks == 0 && is_leaf(o, i));
}

static bool sum_value(const char *s, double *sum)
{
	double v;
	if (!s || !*s || !report_value_parse(s, &v))
		return false;
	*sum += v;
	return true;
}

static const char *sum_text(arena *ar, double v, bool any)
{
	char t[32];
	if (!any)
		return "";
	report_value_text(v, t);
	return arena_strdup(ar, t);
}

static void table_head(buf *b, const figure_table *t, bool totals)
{
	h_fmt(b, "<caption>%s", t->name);
	if (t->measure && *t->measure)
		h_fmt(b, " <span class=\"measure\">(đơn vị tính: %s)</span>", t->measure);
	h_raw(b, "</caption><thead><tr><th scope=\"col\"></th>");
	for (size_t c = 0; c < t->n_cols; c++)
		h_fmt(b, "<th scope=\"col\">%s</th>", t->cols[c].label);
	if (totals)
		h_raw(b, "<th scope=\"col\" class=\"total\">Tổng</th>");
	h_raw(b, "</tr></thead><tbody>");
}

static void cell(buf *b, arena *ar, const figure_table *t, int64_t item, size_t row, size_t col,
		 const char *v, bool editable)
{
	if (!editable) {
		h_fmt(b, "<td class=\"num\">%s</td>", v ? v : "");
		return;
	}
	bool integer = strcmp(t->value_kind, "integer") == 0;
	h_fmt(b,
	      "<td><input type=\"number\" name=\"f.%lld.%s.%s\" value=\"%s\" %S"
	      " aria-label=\"%s – %s\"></td>",
	      (long long)item, t->rows[row].key, t->cols[col].key, v ? v : "",
	      integer ? "min=\"0\" step=\"1\" inputmode=\"numeric\"" : "step=\"any\" inputmode=\"decimal\"",
	      t->rows[row].label, t->cols[col].label);
	(void)ar;
}

/* A figure table; integer tables (counts) get row and column totals. */
static void figure_table_html(buf *b, arena *ar, const figure_table *t, int64_t item,
			      const struct form_values *v, bool editable)
{
	bool totals = strcmp(t->value_kind, "integer") == 0;
	h_fmt(b, "<div class=\"figures-wrap\"><table class=\"figures\" data-totals=\"%S\">",
	      totals ? "1" : "0");
	table_head(b, t, totals);
	double *col_sum = arena_alloc(ar, (t->n_cols + 1) * sizeof *col_sum);
	bool *col_any = arena_alloc(ar, (t->n_cols + 1) * sizeof *col_any);
	for (size_t r = 0; r < t->n_rows; r++) {
		double row_sum = 0;
		bool row_any = false;
		h_fmt(b, "<tr><th scope=\"row\">%s</th>", t->rows[r].label);
		for (size_t c = 0; c < t->n_cols; c++) {
			const char *name = arena_printf(ar, "f.%lld.%s.%s", (long long)item,
							t->rows[r].key, t->cols[c].key);
			const char *val = form_value(v, name);
			cell(b, ar, t, item, r, c, val, editable);
			double one = 0;
			if (sum_value(val, &one)) {
				row_sum += one;
				col_sum[c] += one;
				row_any = col_any[c] = col_any[t->n_cols] = true;
				col_sum[t->n_cols] += one;
			}
		}
		if (totals)
			h_fmt(b, "<td class=\"num total\">%s</td>", sum_text(ar, row_sum, row_any));
		h_raw(b, "</tr>");
	}
	if (totals) {
		h_raw(b, "<tr class=\"total\"><th scope=\"row\">Tổng cộng</th>");
		for (size_t c = 0; c <= t->n_cols; c++)
			h_fmt(b, "<td class=\"num\">%s</td>", sum_text(ar, col_sum[c], col_any[c]));
		h_raw(b, "</tr>");
	}
	h_raw(b, "</tbody></table></div>");
}

/* Models K of item: how many rows the values hold. */
static size_t model_count(arena *ar, const struct form_values *v, int64_t item)
{
	const char *prefix = arena_printf(ar, "m.%lld.", (long long)item);
	size_t plen = strlen(prefix), n = 0;
	for (size_t i = 0; i < v->n; i++) {
		if (strncmp(v->names[i], prefix, plen) != 0 || !*v->values[i])
			continue;
		char *field;
		size_t k = strtoul(v->names[i] + plen, &field, 10);
		/* a row with only its kind chosen is the blank row of the form */
		if (*field == '.' && strcmp(field + 1, "kind") != 0 && k + 1 > n && k < REPORT_MODELS_MAX * 2)
			n = k + 1;
	}
	return n;
}

static const char *mv(arena *ar, const struct form_values *v, int64_t item, size_t k,
		      const char *field)
{
	const char *s = form_value(v, arena_printf(ar, "m.%lld.%zu.%s", (long long)item, k, field));
	return s ? s : "";
}

static void kind_select(buf *b, const char *name, const char *selected)
{
	static const char *const kinds[] = {"model", "collective", "household", "individual"};
	h_fmt(b, "<select name=\"%s\">", name);
	for (size_t i = 0; i < 4; i++)
		h_fmt(b, "<option value=\"%s\"%S>%s</option>", kinds[i],
		      selected && strcmp(selected, kinds[i]) == 0 ? " selected" : "",
		      report_model_kind_label(kinds[i]));
	h_raw(b, "</select>");
}

static void model_fieldset(buf *b, arena *ar, const struct form_values *v, int64_t item, size_t k,
			   bool blank)
{
	const char *p = arena_printf(ar, "m.%lld.%zu.", (long long)item, k);
	if (blank)
		h_raw(b, "<fieldset class=\"model new\"><legend>Thêm mô hình, điển hình</legend>");
	else
		h_fmt(b, "<fieldset class=\"model\"><legend>Mô hình, điển hình %zu</legend>", k + 1);
	h_fmt(b, "<label class=\"wide\">Tên mô hình, điển hình <input name=\"%sname\" value=\"%s\""
		 " maxlength=\"300\"></label><label>Loại ",
	      p, mv(ar, v, item, k, "name"));
	kind_select(b, arena_printf(ar, "%skind", p), mv(ar, v, item, k, "kind"));
	h_fmt(b,
	      "</label><label>Địa chỉ <input name=\"%saddress\" value=\"%s\" maxlength=\"500\"></label>"
	      "<label>Số điện thoại <input type=\"tel\" name=\"%sphone\" value=\"%s\" maxlength=\"50\"></label>"
	      "<label>Số việc làm tạo ra <input type=\"number\" min=\"0\" step=\"1\" name=\"%sjobs\""
	      " value=\"%s\"></label>"
	      "<label>Số hộ được giúp đỡ <input type=\"number\" min=\"0\" step=\"1\""
	      " name=\"%shouseholds\" value=\"%s\"></label>"
	      "<label>Số thành viên <input type=\"number\" min=\"0\" step=\"1\" name=\"%smembers\""
	      " value=\"%s\"></label>"
	      "<label class=\"wide\">Tóm tắt (2–3 trang) <textarea name=\"%ssummary\" rows=\"5\">%s"
	      "</textarea></label></fieldset>",
	      p, mv(ar, v, item, k, "address"), p, mv(ar, v, item, k, "phone"), p,
	      mv(ar, v, item, k, "jobs"), p, mv(ar, v, item, k, "households"), p,
	      mv(ar, v, item, k, "members"), p, mv(ar, v, item, k, "summary"));
}

static void models_view(buf *b, arena *ar, const struct form_values *v, int64_t item, size_t n)
{
	h_raw(b, "<ol class=\"models-view\">");
	for (size_t k = 0; k < n; k++) {
		const char *name = mv(ar, v, item, k, "name");
		if (!*name)
			continue;
		h_fmt(b, "<li><strong>%s</strong> <span class=\"kind\">(%s)</span>", name,
		      report_model_kind_label(mv(ar, v, item, k, "kind")));
		const char *addr = mv(ar, v, item, k, "address"), *phone = mv(ar, v, item, k, "phone");
		if (*addr || *phone)
			h_fmt(b, "<br>%s%S%s", addr, *addr && *phone ? " · ĐT: " : (*phone ? "ĐT: " : ""),
			      phone);
		h_fmt(b, "<br><span class=\"facts\">Việc làm tạo ra: %s · Hộ được giúp đỡ: %s · Thành viên: %s</span>",
		      *mv(ar, v, item, k, "jobs") ? mv(ar, v, item, k, "jobs") : "—",
		      *mv(ar, v, item, k, "households") ? mv(ar, v, item, k, "households") : "—",
		      *mv(ar, v, item, k, "members") ? mv(ar, v, item, k, "members") : "—");
		const char *summary = mv(ar, v, item, k, "summary");
		if (*summary) {
			h_raw(b, "<div class=\"narrative\">");
			h_markup(b, summary);
			h_raw(b, "</div>");
		}
		h_raw(b, "</li>");
	}
	h_raw(b, "</ol>");
}

/* Has the item any figure or model in `v`? */
static bool has_other(arena *ar, const struct form_values *v, int64_t item)
{
	const char *f = arena_printf(ar, "f.%lld.", (long long)item);
	const char *m = arena_printf(ar, "m.%lld.", (long long)item);
	for (size_t i = 0; i < v->n; i++)
		if ((strncmp(v->names[i], f, strlen(f)) == 0 || strncmp(v->names[i], m, strlen(m)) == 0) &&
		    *v->values[i])
			return true;
	return false;
}

static void item_body(buf *b, arena *ar, const stored_outline *o, size_t i,
		      const struct form_values *v, bool editable)
{
	const stored_item *it = &o->items[i];
	if (wants_text(o, i)) {
		const char *t = form_value(v, arena_printf(ar, "t.%lld", (long long)it->id));
		if (editable) {
			h_fmt(b, "<textarea name=\"t.%lld\" id=\"t-%lld\" rows=\"6\" aria-label=\"Nội dung mục %s %s\">%s</textarea>",
			      (long long)it->id, (long long)it->id, it->label, it->title, t ? t : "");
		} else if (t && *t) {
			h_raw(b, "<div class=\"narrative\">");
			h_markup(b, t);
			h_raw(b, "</div>");
		} else if (!has_other(ar, v, it->id)) {
			h_raw(b, "<p class=\"empty\">(chưa có nội dung)</p>");
		}
	}
	if (it->table)
		figure_table_html(b, ar, it->table, it->id, v, editable);
	if (it->asks & OUTLINE_ASK_MODELS) {
		size_t n = model_count(ar, v, it->id);
		if (editable) {
			h_fmt(b, "<div class=\"models\" id=\"models-%lld\">", (long long)it->id);
			for (size_t k = 0; k < n; k++)
				model_fieldset(b, ar, v, it->id, k, false);
			model_fieldset(b, ar, v, it->id, n, true);
			h_raw(b, "</div>");
		} else if (n) {
			models_view(b, ar, v, it->id, n);
		}
	}
}

void report_form_render(buf *b, arena *ar, const stored_outline *o, const struct form_values *v,
			bool editable)
{
	for (size_t i = 0; i < o->n_items; i++) {
		const stored_item *it = &o->items[i];
		int h = it->depth <= 1 ? 2 : it->depth == 2 ? 3 : 4;
		h_fmt(b, "<section class=\"item d%d\" id=\"item-%lld\"><h%d>", it->depth > 4 ? 4 : it->depth,
		      (long long)it->id, h);
		const char *label = label_text(ar, it->label);
		if (*label)
			h_fmt(b, "<span class=\"no\">%s</span> ", label);
		h_fmt(b, "%s</h%d>", it->title, h);
		guidance(b, it->guidance);
		item_body(b, ar, o, i, v, editable);
		h_raw(b, "</section>");
	}
}

/* ---- parsing ---- */

struct answers {
	arena *ar;
	struct report_content *c;
	size_t cap;
	size_t *model_cap;
};

static struct report_answer *answer_for(struct answers *x, int64_t item)
{
	for (size_t i = x->c->n; i-- > 0;)
		if (x->c->items[i].item_id == item)
			return &x->c->items[i];
	if (x->c->n == x->cap) {
		size_t cap = x->cap ? x->cap * 2 : 32;
		struct report_answer *nv = arena_alloc(x->ar, cap * sizeof *nv);
		size_t *mc = arena_alloc(x->ar, cap * sizeof *mc);
		if (x->c->n) {
			memcpy(nv, x->c->items, x->c->n * sizeof *nv);
			memcpy(mc, x->model_cap, x->c->n * sizeof *mc);
		}
		x->c->items = nv;
		x->model_cap = mc;
		x->cap = cap;
	}
	struct report_answer *a = &x->c->items[x->c->n++];
	memset(a, 0, sizeof *a);
	a->item_id = item;
	return a;
}

static const char *item_path(const report_schema *s, int64_t item)
{
	const struct report_schema_item *si = report_schema_find(s, item);
	return si ? si->path : "?";
}

static const char *line_label(const figure_line *v, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].key, key) == 0)
			return v[i].label;
	return key;
}

static int parse_cell(struct answers *x, const report_schema *s, int64_t item, const char *rest,
		      const char *value, err *e)
{
	const char *dot = strchr(rest, '.');
	if (!dot || !*value)
		return 0;
	struct report_answer *a = answer_for(x, item);
	char *row = arena_strndup(x->ar, rest, (size_t)(dot - rest)), *col = arena_strdup(x->ar, dot + 1);
	double v;
	if (!report_value_parse(value, &v)) {
		const struct report_schema_item *si = report_schema_find(s, item);
		const figure_table *t = si ? si->table : NULL;
		return err_set(e, E_INVAL, "Mục %s, ô “%s – %s”: “%s” không phải là số",
			       item_path(s, item), t ? line_label(t->rows, t->n_rows, row) : row,
			       t ? line_label(t->cols, t->n_cols, col) : col, value);
	}
	struct report_cell *nv = arena_alloc(x->ar, (a->n_cells + 1) * sizeof *nv);
	if (a->n_cells)
		memcpy(nv, a->cells, a->n_cells * sizeof *nv);
	nv[a->n_cells++] = (struct report_cell){row, col, v};
	a->cells = nv;
	return 0;
}

static int model_count_field(const char *value, int64_t *out, const char *what, const char *path,
			     err *e)
{
	*out = -1;
	if (!*value)
		return 0;
	if (parse_i64(value, out) || *out < 0)
		return err_set(e, E_INVAL, "Mục %s: %s phải là số nguyên không âm", path, what);
	return 0;
}

static int parse_model(struct answers *x, const report_schema *s, int64_t item, const char *rest,
		       const char *value, err *e)
{
	char *end;
	unsigned long k = strtoul(rest, &end, 10);
	if (end == rest || *end != '.' || k >= REPORT_MODELS_MAX * 2)
		return 0;
	const char *field = end + 1;
	struct report_answer *a = answer_for(x, item);
	size_t *cap = &x->model_cap[a - x->c->items];
	while (a->n_models <= k) {
		if (a->n_models == *cap) {
			size_t nc = *cap ? *cap * 2 : 4;
			struct report_model *nv = arena_alloc(x->ar, nc * sizeof *nv);
			if (a->n_models)
				memcpy(nv, a->models, a->n_models * sizeof *nv);
			a->models = nv;
			*cap = nc;
		}
		a->models[a->n_models++] = (struct report_model){.jobs_created = -1,
								 .households_helped = -1, .members = -1};
	}
	struct report_model *m = &a->models[k];
	const char *path = item_path(s, item);
	if (strcmp(field, "name") == 0)
		m->name = (char *)value;
	else if (strcmp(field, "kind") == 0)
		m->kind = (char *)value;
	else if (strcmp(field, "address") == 0)
		m->address = (char *)value;
	else if (strcmp(field, "phone") == 0)
		m->phone = (char *)value;
	else if (strcmp(field, "summary") == 0)
		m->summary = (char *)value;
	else if (strcmp(field, "jobs") == 0)
		return model_count_field(value, &m->jobs_created, "số việc làm tạo ra", path, e);
	else if (strcmp(field, "households") == 0)
		return model_count_field(value, &m->households_helped, "số hộ được giúp đỡ", path, e);
	else if (strcmp(field, "members") == 0)
		return model_count_field(value, &m->members, "số thành viên", path, e);
	return 0;
}

int report_form_parse(req *r, const report_schema *s, struct report_content *out, err *e)
{
	memset(out, 0, sizeof *out);
	struct answers x = {r->a, out, 0, NULL};
	size_t n;
	const form_field *f = req_form_fields(r, &n);
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < n; i++) {
		const char *name = f[i].name;
		if (f[i].filename || !name[0] || name[1] != '.' || !strchr("tfm", name[0]))
			continue;
		char *end;
		long long item = strtoll(name + 2, &end, 10);
		if (item <= 0 || (*end != '\0' && *end != '.'))
			continue;
		if (name[0] == 't' && *end == '\0')
			answer_for(&x, item)->text = (char *)f[i].value;
		else if (name[0] == 'f' && *end == '.')
			rc = parse_cell(&x, s, item, end + 1, f[i].value, e);
		else if (name[0] == 'm' && *end == '.')
			rc = parse_model(&x, s, item, end + 1, f[i].value, e);
	}
	return rc;
}
