/*
 * outlines_tables.c — custom figure tables (biểu số liệu) owned by an
 * outline: a name, a unit of measure, integer or decimal values, and rows
 * and columns with stable keys. Built-in tables (the commendation table)
 * come from the migrations and are never changed here.
 */
#include "outlines_int.h"

#include <stdlib.h>
#include <string.h>

#include "core/validate.h"
#include "text/text.h"

#define FIGURE_NAME_MAX 200
#define FIGURE_MEASURE_MAX 100
#define FIGURE_LABEL_MAX 300

bool figure_key_valid(const char *key)
{
	size_t n = key ? strlen(key) : 0;
	if (n == 0 || n > FIGURE_KEY_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((key[i] >= 'a' && key[i] <= 'z') || (key[i] >= '0' && key[i] <= '9') ||
		      key[i] == '_'))
			return false;
	return true;
}

void figure_key_from_label(const char *label, char *out)
{
	char *key = text_search_key(label ? label : "");
	size_t k = 0;
	bool gap = false;
	for (const char *p = key; *p && k < FIGURE_KEY_MAX; p++) {
		char c = *p;
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (gap && k > 0 && k < FIGURE_KEY_MAX - 1)
				out[k++] = '_';
			out[k++] = c;
			gap = false;
		} else {
			gap = true; /* spaces, punctuation, letters the fold left outside a–z */
		}
	}
	out[k] = '\0';
	free(key);
}

/* ---- writing ---- */

int figure_lines_insert(db *d, const char *what, int64_t table_id, const figure_line *v, size_t n,
			err *e)
{
	char *sql = xasprintf("INSERT INTO %s (table_id, key, label, position) VALUES ($1, $2, $3, $4)",
			      what);
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < n; i++) {
		int64_t k = db_run(d, e, sql, "lttl", table_id, v[i].key, v[i].label, (int64_t)(i + 1));
		rc = k < 0 ? (int)k : 0;
	}
	free(sql);
	return rc;
}

int figure_table_insert(db *d, int64_t outline_id, const figure_table *t, int64_t *id, err *e)
{
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  "INSERT INTO figure_tables (outline_id, code, name, measure, value_kind)"
			  " VALUES ($1, NULL, $2, $3, $4) RETURNING id",
			  "nttt", t->name, t->measure, t->value_kind);
	if (rc)
		return rc;
	if (outline_id)
		db_bind_i64(st, 1, outline_id);
	rc = db_step(st, e);
	if (rc == DB_ROW)
		*id = db_col_i64(st, 0);
	db_finalize(st);
	if (rc < 0)
		return rc;
	rc = figure_lines_insert(d, "figure_rows", *id, t->rows, t->n_rows, e);
	return rc ? rc : figure_lines_insert(d, "figure_cols", *id, t->cols, t->n_cols, e);
}

/* ---- validation ---- */

static void table_free(figure_table *t)
{
	for (size_t i = 0; i < t->n_rows; i++) {
		free(t->rows[i].key);
		free(t->rows[i].label);
	}
	for (size_t i = 0; i < t->n_cols; i++) {
		free(t->cols[i].key);
		free(t->cols[i].label);
	}
	free(t->rows);
	free(t->cols);
	free(t->name);
	free(t->measure);
	free(t->value_kind);
	memset(t, 0, sizeof *t);
}

static bool key_taken(const figure_line *v, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].key && strcmp(v[i].key, key) == 0)
			return true;
	return false;
}

/* A derived key made unique among the lines before it: "tong_so",
 * "tong_so_2", … (a generic "hang_3" / "cot_3" when the label has no
 * letter or digit). */
static char *unique_key(const figure_line *v, size_t i, const char *label, const char *generic)
{
	char base[FIGURE_KEY_MAX + 1];
	figure_key_from_label(label, base);
	if (!base[0])
		snprintf(base, sizeof base, "%s_%zu", generic, i + 1);
	if (!key_taken(v, i, base))
		return xstrdup(base);
	for (int n = 2;; n++) {
		char suffix[16];
		int sl = snprintf(suffix, sizeof suffix, "_%d", n);
		char *k = xasprintf("%.*s%s", FIGURE_KEY_MAX - sl, base, suffix);
		if (!key_taken(v, i, k))
			return k;
		free(k);
	}
}

/* Rows or columns: 1..FIGURE_MAX_LINES, labels required, keys given
 * (checked, unique) or derived from the labels. `what` is "Dòng"/"Cột". */
static int check_lines(const struct figure_line_input *in, size_t n, const char *what,
		       const char *generic, figure_line **out, size_t *n_out, err *e)
{
	*out = xcalloc(n ? n : 1, sizeof **out);
	*n_out = 0;
	if (n == 0)
		return err_set(e, E_INVAL, "Biểu số liệu cần ít nhất một %s", what);
	if (n > FIGURE_MAX_LINES)
		return err_set(e, E_INVAL, "Biểu số liệu có tối đa %d %s", FIGURE_MAX_LINES, what);
	for (size_t i = 0; i < n; i++) {
		char name[64], *label = NULL;
		snprintf(name, sizeof name, "Tên %s thứ %zu", what, i + 1);
		int rc = validate_name(in[i].label, FIGURE_LABEL_MAX, name, &label, e);
		if (rc)
			return rc;
		figure_line *l = &(*out)[(*n_out)++];
		l->label = label;
		if (in[i].key && *in[i].key) {
			if (!figure_key_valid(in[i].key))
				return err_set(e, E_INVAL,
					       "Mã %s thứ %zu phải gồm 1–32 chữ thường không dấu, chữ số "
					       "hoặc dấu _",
					       what, i + 1);
			if (key_taken(*out, i, in[i].key))
				return err_set(e, E_INVAL, "Mã %s “%s” được dùng hai lần", what, in[i].key);
			l->key = xstrdup(in[i].key);
		} else {
			l->key = unique_key(*out, i, label, generic);
		}
	}
	return 0;
}

/* The cleaned table (malloc'd fields) or E_INVAL naming the field. */
static int check_table(const struct figure_table_input *in, figure_table *t, err *e)
{
	memset(t, 0, sizeof *t);
	const char *kind = in->value_kind ? in->value_kind : "integer";
	int rc = validate_name(in->name, FIGURE_NAME_MAX, "Tên biểu số liệu", &t->name, e);
	if (rc)
		return rc;
	char *measure = text_clean_line(in->measure ? in->measure : "",
					strlen(in->measure ? in->measure : ""));
	if (!measure)
		return err_set(e, E_INVAL, "Đơn vị tính không phải văn bản UTF-8 hợp lệ");
	t->measure = measure;
	if (text_length(measure) > FIGURE_MEASURE_MAX)
		return err_set(e, E_INVAL, "Đơn vị tính dài quá %d ký tự", FIGURE_MEASURE_MAX);
	if (strcmp(kind, "integer") && strcmp(kind, "decimal"))
		return err_set(e, E_INVAL, "Kiểu số liệu phải là integer (số nguyên) hoặc decimal (số thập phân)");
	t->value_kind = xstrdup(kind);
	rc = check_lines(in->rows, in->n_rows, "dòng", "hang", &t->rows, &t->n_rows, e);
	return rc ? rc : check_lines(in->cols, in->n_cols, "cột", "cot", &t->cols, &t->n_cols, e);
}

static char *table_audit_json(const figure_table *t, int64_t outline_id)
{
	json_t *o = json_pack("{s:I, s:s, s:s, s:s, s:I, s:I}", "outline_id", (json_int_t)outline_id,
			      "name", t->name, "measure", t->measure, "value_kind", t->value_kind,
			      "rows", (json_int_t)t->n_rows, "cols", (json_int_t)t->n_cols);
	char *s = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(o);
	return s;
}

/* ---- create, update ---- */

struct table_ctx {
	const actor *a;
	int64_t outline_id, table_id;
	figure_table *t;
};

static int create_tx(db *d, void *p, err *e)
{
	struct table_ctx *c = p;
	int rc = figure_table_insert(d, c->outline_id, c->t, &c->table_id, e);
	if (rc == 0) {
		char *after = table_audit_json(c->t, c->outline_id);
		rc = audit_log(d, c->a, "create", "figure_table", c->table_id, NULL, after, e);
		free(after);
	}
	return rc;
}

int outline_store_table_create(db *d, const actor *a, int64_t id,
			       const struct figure_table_input *in, int64_t *table_id, err *e)
{
	int rc = outline_check_edit(d, a, id, e);
	if (rc)
		return rc;
	figure_table t;
	rc = check_table(in, &t, e);
	struct table_ctx c = {a, id, 0, &t};
	if (rc == 0)
		rc = core_tx(d, e, create_tx, &c);
	if (rc == 0 && table_id)
		*table_id = c.table_id;
	table_free(&t);
	return rc;
}

/* A table's rows and columns replace the old ones; when items use it, what
 * the outline asks has changed, so the outline gets a new version. */
static int update_tx(db *d, void *p, err *e)
{
	struct table_ctx *c = p;
	arena *ar = arena_new();
	figure_table old;
	char *before = NULL, *after = NULL;
	int64_t used = 0, k;
	int version = 0;
	int rc = figure_table_load(d, ar, c->table_id, &old, e);
	if (rc == 0) {
		before = table_audit_json(&old, c->outline_id);
		k = db_run(d, e,
			   "UPDATE figure_tables SET name = $1, measure = $2, value_kind = $3 WHERE id = $4",
			   "tttl", c->t->name, c->t->measure, c->t->value_kind, c->table_id);
		rc = k < 0 ? (int)k : 0;
	}
	if (rc == 0 && (k = db_run(d, e, "DELETE FROM figure_rows WHERE table_id = $1", "l",
				   c->table_id)) >= 0)
		k = db_run(d, e, "DELETE FROM figure_cols WHERE table_id = $1", "l", c->table_id);
	if (rc == 0)
		rc = k < 0 ? (int)k : 0;
	if (rc == 0)
		rc = figure_lines_insert(d, "figure_rows", c->table_id, c->t->rows, c->t->n_rows, e);
	if (rc == 0)
		rc = figure_lines_insert(d, "figure_cols", c->table_id, c->t->cols, c->t->n_cols, e);
	if (rc == 0)
		rc = db_get_i64(d, &used, e, "SELECT COUNT(*) FROM outline_items WHERE table_id = $1",
				"l", c->table_id);
	if (rc == 0 && used) {
		int64_t cur = 0;
		rc = db_get_i64(d, &cur, e, "SELECT version FROM outlines WHERE id = $1", "l",
				c->outline_id);
		if (rc == 0)
			rc = outline_bump_version(d, c->outline_id, cur, NULL, &version, e);
		if (rc == 0)
			rc = outline_check_unused(d, c->outline_id, e);
		if (rc == 0)
			rc = outline_snapshot(d, c->a, c->outline_id, e);
	}
	if (rc == 0) {
		after = table_audit_json(c->t, c->outline_id);
		rc = audit_log(d, c->a, "update", "figure_table", c->table_id, before, after, e);
	}
	free(before);
	free(after);
	arena_free(ar);
	return rc;
}

int outline_check_table_edit(db *d, const actor *a, int64_t id, int64_t table_id, err *e)
{
	int rc = outline_check_edit(d, a, id, e);
	if (rc)
		return rc;
	int64_t owner = 0;
	rc = db_get_i64(d, &owner, e, "SELECT COALESCE(outline_id, 0) FROM figure_tables WHERE id = $1",
			"l", table_id);
	if (rc == 0 && owner == 0)
		return err_set(e, E_FORBIDDEN, "Biểu số liệu có sẵn của hệ thống không sửa được");
	if (rc == E_NOTFOUND || (rc == 0 && owner != id))
		return err_set(e, E_NOTFOUND, "Không tìm thấy biểu số liệu của đề cương này");
	return rc;
}

int outline_store_table_update(db *d, const actor *a, int64_t id, int64_t table_id,
			       const struct figure_table_input *in, err *e)
{
	int rc = outline_check_table_edit(d, a, id, table_id, e);
	if (rc)
		return rc;
	figure_table t;
	rc = check_table(in, &t, e);
	struct table_ctx c = {a, id, table_id, &t};
	if (rc == 0)
		rc = core_tx(d, e, update_tx, &c);
	table_free(&t);
	return rc;
}
