/*
 * outlines.c — stored outlines: who may read and change them, reading one
 * with its items and tables, listing, and the JSON view that the API
 * answers with and outline_versions keeps for every version.
 */
#include "outlines_int.h"

#include <stdlib.h>
#include <string.h>

#include "core/units.h"
#include "outline/outline.h"
#include "text/text.h"

/*
 * The reading rule, as one SQL condition on the alias `o` with the actor's
 * unit as $1, shared by outline_readable() and outlines_list() so the two
 * can never disagree: the actor's unit is the owner or one of its
 * ancestors, or it received a campaign using the outline (API.md) or is an
 * ancestor of a unit that did (it reads those units' reports).
 */
#define OUTLINE_READABLE                                                                           \
	" (EXISTS (SELECT 1 FROM unit_ancestors ra"                                                \
	"          WHERE ra.unit_id = o.owner_unit_id AND ra.ancestor_id = $1)"                     \
	"  OR EXISTS (SELECT 1 FROM campaigns rc JOIN campaign_recipients rr"                      \
	"             ON rr.campaign_id = rc.id JOIN unit_ancestors ra ON ra.unit_id = rr.unit_id" \
	"             WHERE rc.outline_id = o.id AND ra.ancestor_id = $1))"

static const char *const NOT_FOUND = "Không tìm thấy đề cương";

bool outline_may_write(const actor *a)
{
	return a->role == ROLE_ADMIN || a->role == ROLE_OFFICER;
}

bool outline_readable(db *d, const actor *a, int64_t id)
{
	int64_t n = 0;
	err e;
	return db_get_i64(d, &n, &e,
			  "SELECT COUNT(*) FROM outlines o WHERE o.id = $2 AND" OUTLINE_READABLE, "ll",
			  a->unit_id, id) == 0 &&
	       n > 0;
}

int outline_check_import(const actor *a, err *e)
{
	if (!outline_may_write(a))
		return err_set(e, E_FORBIDDEN,
			       "Chỉ cán bộ thi đua - khen thưởng hoặc quản trị hệ thống được nhập đề cương");
	return 0;
}

int outline_check_read(db *d, const actor *a, int64_t id, int64_t *owner, err *e)
{
	int rc = db_get_i64(d, owner, e, "SELECT owner_unit_id FROM outlines WHERE id = $1", "l", id);
	if (rc == E_NOTFOUND || (rc == 0 && !outline_readable(d, a, id)))
		return err_set(e, E_NOTFOUND, "%s", NOT_FOUND);
	return rc;
}

int outline_check_edit(db *d, const actor *a, int64_t id, err *e)
{
	int64_t owner = 0;
	int rc = outline_check_read(d, a, id, &owner, e);
	if (rc)
		return rc;
	if (!outline_may_write(a))
		return err_set(e, E_FORBIDDEN,
			       "Chỉ cán bộ thi đua - khen thưởng hoặc quản trị hệ thống được sửa đề cương");
	/* readers through a campaign may use an outline, not change it */
	if (!unit_within(d, a->unit_id, owner))
		return err_set(e, E_FORBIDDEN,
			       "Chỉ đơn vị soạn đề cương (hoặc đơn vị cấp trên) được sửa đề cương này; "
			       "hãy tạo bản sao để sửa");
	return 0;
}

int outline_check_unused(db *d, int64_t id, err *e)
{
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  "SELECT title FROM campaigns WHERE outline_id = $1 ORDER BY id LIMIT 1", "l", id);
	if (rc)
		return rc;
	if ((rc = db_step(st, e)) == DB_ROW)
		rc = err_set(e, E_CONFLICT,
			     "Đề cương đang được dùng cho đợt báo cáo “%s” nên không sửa được nữa "
			     "(các đơn vị đang báo cáo theo đúng đề cương này); hãy tạo bản sao để sửa",
			     db_col_text(st, 0));
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

int outline_check_copy(db *d, const actor *a, int64_t id, err *e)
{
	int64_t owner = 0;
	int rc = outline_check_read(d, a, id, &owner, e);
	if (rc)
		return rc;
	if (!outline_may_write(a))
		return err_set(e, E_FORBIDDEN,
			       "Chỉ cán bộ thi đua - khen thưởng hoặc quản trị hệ thống được sao chép đề cương");
	return 0;
}

/* ---- reads ---- */

/* Appends to an arena array that doubles as it fills. */
static void *grow(arena *ar, void *v, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return v;
	*cap = *cap ? *cap * 2 : 16;
	void *nv = arena_alloc(ar, *cap * size);
	if (n)
		memcpy(nv, v, n * size);
	return nv;
}

int outlines_list(db *d, arena *ar, const actor *a, const char *q, outline_summary **out,
		  size_t *n, err *e)
{
	*out = NULL;
	*n = 0;
	char *key = text_search_pattern(q ? q : "");
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  "SELECT o.id, o.title, o.version, o.owner_unit_id, u.name, o.updated_at,"
			  " (SELECT COUNT(*) FROM outline_items i WHERE i.outline_id = o.id)"
			  " FROM outlines o JOIN units u ON u.id = o.owner_unit_id"
			  " WHERE" OUTLINE_READABLE " AND o.search_key LIKE '%' || $2 || '%' ESCAPE '\\'"
			  " ORDER BY o.updated_at DESC, o.id DESC",
			  "lt", a->unit_id, key);
	free(key);
	if (rc)
		return rc;
	size_t cap = 0;
	while ((rc = db_step(st, e)) == DB_ROW) {
		*out = grow(ar, *out, *n, &cap, sizeof **out);
		outline_summary *s = &(*out)[(*n)++];
		s->id = db_col_i64(st, 0);
		s->title = arena_strdup(ar, db_col_text(st, 1));
		s->version = (int)db_col_i64(st, 2);
		s->owner_unit_id = db_col_i64(st, 3);
		s->owner_name = arena_strdup(ar, db_col_text(st, 4));
		s->updated_at = db_col_i64(st, 5);
		s->n_items = db_col_i64(st, 6);
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

/* Rows or columns of a table, in position order. */
static int load_lines(db *d, arena *ar, const char *sql, int64_t id, figure_line **out, size_t *n,
		      err *e)
{
	db_stmt *st;
	int rc = db_query(d, &st, e, sql, "l", id);
	if (rc)
		return rc;
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	while ((rc = db_step(st, e)) == DB_ROW) {
		*out = grow(ar, *out, *n, &cap, sizeof **out);
		(*out)[*n].key = arena_strdup(ar, db_col_text(st, 0));
		(*out)[*n].label = arena_strdup(ar, db_col_text(st, 1));
		(*n)++;
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

int figure_table_load(db *d, arena *ar, int64_t id, figure_table *t, err *e)
{
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  "SELECT id, outline_id, code, name, measure, value_kind FROM figure_tables"
			  " WHERE id = $1",
			  "l", id);
	if (rc)
		return rc;
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		memset(t, 0, sizeof *t);
		t->id = db_col_i64(st, 0);
		t->outline_id = db_col_null(st, 1) ? 0 : db_col_i64(st, 1);
		t->code = db_col_null(st, 2) ? NULL : arena_strdup(ar, db_col_text(st, 2));
		t->name = arena_strdup(ar, db_col_text(st, 3));
		t->measure = arena_strdup(ar, db_col_text(st, 4));
		t->value_kind = arena_strdup(ar, db_col_text(st, 5));
		rc = 0;
	} else if (rc == DB_DONE) {
		rc = err_set(e, E_NOTFOUND, "Không tìm thấy biểu số liệu");
	}
	db_finalize(st);
	if (rc == 0)
		rc = load_lines(d, ar,
				"SELECT key, label FROM figure_rows WHERE table_id = $1 ORDER BY position, key",
				id, &t->rows, &t->n_rows, e);
	if (rc == 0)
		rc = load_lines(d, ar,
				"SELECT key, label FROM figure_cols WHERE table_id = $1 ORDER BY position, key",
				id, &t->cols, &t->n_cols, e);
	return rc;
}

static int load_items(db *d, arena *ar, stored_outline *o, err *e)
{
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  "SELECT id, parent_id, depth, label, title, guidance, asks, table_id, repeat_of"
			  " FROM outline_items WHERE outline_id = $1 ORDER BY position, id",
			  "l", o->id);
	if (rc)
		return rc;
	size_t cap = 0;
	while ((rc = db_step(st, e)) == DB_ROW) {
		o->items = grow(ar, o->items, o->n_items, &cap, sizeof *o->items);
		stored_item *it = &o->items[o->n_items++];
		it->id = db_col_i64(st, 0);
		it->parent_id = db_col_null(st, 1) ? 0 : db_col_i64(st, 1);
		it->depth = (int)db_col_i64(st, 2);
		it->label = arena_strdup(ar, db_col_text(st, 3));
		it->title = arena_strdup(ar, db_col_text(st, 4));
		it->guidance = arena_strdup(ar, db_col_text(st, 5));
		it->asks = (unsigned)db_col_i64(st, 6);
		it->table_id = db_col_null(st, 7) ? 0 : db_col_i64(st, 7);
		it->repeat_of = db_col_null(st, 8) ? 0 : db_col_i64(st, 8);
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

static figure_table *find_table(stored_outline *o, int64_t id)
{
	for (size_t i = 0; i < o->n_tables; i++)
		if (o->tables[i].id == id)
			return &o->tables[i];
	return NULL;
}

static int add_table(db *d, arena *ar, stored_outline *o, size_t *cap, int64_t id, err *e)
{
	if (find_table(o, id))
		return 0;
	o->tables = grow(ar, o->tables, o->n_tables, cap, sizeof *o->tables);
	int rc = figure_table_load(d, ar, id, &o->tables[o->n_tables], e);
	if (rc == 0)
		o->n_tables++;
	return rc;
}

/* The tables the items use (in order of first use), then the outline's own
 * tables no item uses yet; each item then points at its table. */
static int load_tables(db *d, arena *ar, stored_outline *o, err *e)
{
	size_t cap = 0;
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < o->n_items; i++)
		if (o->items[i].table_id)
			rc = add_table(d, ar, o, &cap, o->items[i].table_id, e);
	db_stmt *st;
	if (rc == 0)
		rc = db_query(d, &st, e, "SELECT id FROM figure_tables WHERE outline_id = $1 ORDER BY id",
			      "l", o->id);
	if (rc)
		return rc;
	int64_t *own = NULL;
	size_t n_own = 0, own_cap = 0;
	while ((rc = db_step(st, e)) == DB_ROW) {
		own = grow(ar, own, n_own, &own_cap, sizeof *own);
		own[n_own++] = db_col_i64(st, 0);
	}
	db_finalize(st);
	for (size_t i = 0; rc >= 0 && i < n_own; i++)
		rc = add_table(d, ar, o, &cap, own[i], e);
	if (rc < 0)
		return rc;
	for (size_t i = 0; i < o->n_items; i++)
		o->items[i].table = o->items[i].table_id ? find_table(o, o->items[i].table_id) : NULL;
	return 0;
}

int outline_load(db *d, arena *ar, int64_t id, stored_outline *o, err *e)
{
	memset(o, 0, sizeof *o);
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  "SELECT o.id, o.owner_unit_id, u.name, o.title, o.source_text, o.source_kind,"
			  " o.version, o.created_by, o.created_at, o.updated_at, o.copied_from,"
			  " o.copied_version FROM outlines o JOIN units u ON u.id = o.owner_unit_id"
			  " WHERE o.id = $1",
			  "l", id);
	if (rc)
		return rc;
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		o->id = db_col_i64(st, 0);
		o->owner_unit_id = db_col_i64(st, 1);
		o->owner_name = arena_strdup(ar, db_col_text(st, 2));
		o->title = arena_strdup(ar, db_col_text(st, 3));
		o->source_text = arena_strdup(ar, db_col_text(st, 4));
		o->source_kind = arena_strdup(ar, db_col_text(st, 5));
		o->version = (int)db_col_i64(st, 6);
		o->created_by = db_col_null(st, 7) ? 0 : db_col_i64(st, 7);
		o->created_at = db_col_i64(st, 8);
		o->updated_at = db_col_i64(st, 9);
		o->copied_from = db_col_null(st, 10) ? 0 : db_col_i64(st, 10);
		o->copied_version = db_col_null(st, 11) ? 0 : (int)db_col_i64(st, 11);
		rc = 0;
	} else if (rc == DB_DONE) {
		rc = err_set(e, E_NOTFOUND, "%s", NOT_FOUND);
	}
	db_finalize(st);
	if (rc == 0)
		rc = load_items(d, ar, o, e);
	if (rc == 0)
		rc = load_tables(d, ar, o, e);
	return rc;
}

int outline_store_get(db *d, arena *ar, const actor *a, int64_t id, stored_outline *out, err *e)
{
	if (!outline_readable(d, a, id))
		return err_set(e, E_NOTFOUND, "%s", NOT_FOUND);
	/* one snapshot: items and tables as one save left them */
	int rc = db_begin_read(d, e);
	if (rc)
		return rc;
	rc = outline_load(d, ar, id, out, e);
	db_commit(d, NULL);
	return rc;
}

int outline_store_tables(db *d, arena *ar, int64_t id, figure_table **out, size_t *n, err *e)
{
	db_stmt *st;
	*out = NULL;
	*n = 0;
	int rc = db_query(d, &st, e,
			  "SELECT id FROM figure_tables WHERE outline_id IS NULL OR outline_id = $1"
			  " ORDER BY CASE WHEN outline_id IS NULL THEN 0 ELSE 1 END, id",
			  "l", id);
	if (rc)
		return rc;
	int64_t *ids = NULL;
	size_t n_ids = 0, cap = 0;
	while ((rc = db_step(st, e)) == DB_ROW) {
		ids = grow(ar, ids, n_ids, &cap, sizeof *ids);
		ids[n_ids++] = db_col_i64(st, 0);
	}
	db_finalize(st);
	if (rc < 0)
		return rc;
	*out = arena_alloc(ar, (n_ids ? n_ids : 1) * sizeof **out);
	for (size_t i = 0; i < n_ids; i++) {
		if ((rc = figure_table_load(d, ar, ids[i], &(*out)[i], e)))
			return rc;
		(*n)++;
	}
	return 0;
}

/* ---- JSON ---- */

int outline_ask_bit(const char *name)
{
	for (unsigned bit = 1; bit <= 4; bit <<= 1)
		if (name && strcmp(outline_ask_name(bit), name) == 0)
			return (int)bit;
	return -1;
}

static json_t *lines_json(const figure_line *v, size_t n)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, json_pack("{s:s, s:s}", "key", v[i].key, "label", v[i].label));
	return arr;
}

json_t *figure_table_json(const figure_table *t)
{
	json_t *o = json_pack("{s:I, s:s, s:s, s:s, s:o, s:o}", "id", (json_int_t)t->id, "name",
			      t->name, "measure", t->measure, "value_kind", t->value_kind, "rows",
			      lines_json(t->rows, t->n_rows), "cols", lines_json(t->cols, t->n_cols));
	json_object_set_new(o, "code", t->code ? json_string(t->code) : json_null());
	json_object_set_new(o, "outline_id", t->outline_id ? json_integer(t->outline_id) : json_null());
	return o;
}

static json_t *id_or_null(int64_t id)
{
	return id ? json_integer(id) : json_null();
}

static json_t *item_json(const stored_item *it)
{
	json_t *asks = json_array();
	for (unsigned bit = 1; bit <= 4; bit <<= 1)
		if (it->asks & bit)
			json_array_append_new(asks, json_string(outline_ask_name(bit)));
	json_t *o = json_pack("{s:I, s:o, s:i, s:s, s:s, s:s, s:o}", "id", (json_int_t)it->id,
			      "parent_id", id_or_null(it->parent_id), "depth", it->depth, "label",
			      it->label, "title", it->title, "guidance", it->guidance, "asks", asks);
	json_object_set_new(o, "table_id", id_or_null(it->table_id));
	json_object_set_new(o, "table", it->table ? figure_table_json(it->table) : json_null());
	json_object_set_new(o, "repeat_of", id_or_null(it->repeat_of));
	return o;
}

json_t *outline_store_json(const stored_outline *o)
{
	json_t *items = json_array(), *tables = json_array();
	for (size_t i = 0; i < o->n_items; i++)
		json_array_append_new(items, item_json(&o->items[i]));
	for (size_t i = 0; i < o->n_tables; i++)
		json_array_append_new(tables, figure_table_json(&o->tables[i]));
	json_t *j = json_pack("{s:I, s:s, s:i, s:I, s:s, s:s, s:o, s:o}", "id", (json_int_t)o->id,
			      "title", o->title, "version", o->version, "owner_unit_id",
			      (json_int_t)o->owner_unit_id, "owner_unit_name", o->owner_name,
			      "source_kind", o->source_kind, "items", items, "tables", tables);
	json_object_set_new(j, "copied_from", id_or_null(o->copied_from));
	json_object_set_new(j, "copied_version",
			    o->copied_from ? json_integer(o->copied_version) : json_null());
	return j;
}
