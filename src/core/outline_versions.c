/*
 * outline_versions.c — the history of a stored outline: every save keeps
 * the outline as it then was (outline_snapshot() in outlines_write.c);
 * here the history is listed and one old version is read back into a
 * stored_outline, so pages can show it with the same tree as the current
 * one. Readable by whoever may read the outline.
 */
#include <stdlib.h>
#include <string.h>

#include "core/outlines_int.h"

int outline_versions_list(db *d, arena *ar, const actor *a, int64_t id, outline_version **out,
			  size_t *n, err *e)
{
	*out = NULL;
	*n = 0;
	int64_t owner;
	int rc = outline_check_read(d, a, id, &owner, e);
	db_stmt *st;
	if (rc == 0)
		rc = db_query(d, &st, e,
			      "SELECT v.version, v.saved_at, COALESCE(v.saved_by, 0),"
			      " COALESCE(u.full_name, ''), COALESCE(u.login, '')"
			      " FROM outline_versions v LEFT JOIN users u ON u.id = v.saved_by"
			      " WHERE v.outline_id = $1 ORDER BY v.version DESC",
			      "l", id);
	if (rc)
		return rc;
	size_t cap = 0;
	while ((rc = db_step(st, e)) == DB_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			outline_version *v = arena_alloc(ar, cap * sizeof *v);
			if (*n)
				memcpy(v, *out, *n * sizeof *v);
			*out = v;
		}
		outline_version *v = &(*out)[(*n)++];
		v->version = (int)db_col_i64(st, 0);
		v->saved_at = db_col_i64(st, 1);
		v->saved_by = db_col_i64(st, 2);
		const char *name = db_col_text(st, 3);
		v->saved_by_name = arena_strdup(ar, *name ? name : db_col_text(st, 4));
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

/* ---- a snapshot back into a stored_outline ---- */

static char *jstr(arena *ar, json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	return arena_strdup(ar, s ? s : "");
}

static int64_t jid(json_t *o, const char *key)
{
	return json_integer_value(json_object_get(o, key)); /* null or absent: 0 */
}

static void lines_from_json(arena *ar, json_t *arr, figure_line **out, size_t *n)
{
	*n = json_array_size(arr);
	*out = arena_alloc(ar, (*n + 1) * sizeof **out);
	for (size_t i = 0; i < *n; i++) {
		json_t *l = json_array_get(arr, i);
		(*out)[i] = (figure_line){jstr(ar, l, "key"), jstr(ar, l, "label")};
	}
}

static void table_from_json(arena *ar, json_t *j, figure_table *t)
{
	memset(t, 0, sizeof *t);
	t->id = jid(j, "id");
	t->outline_id = jid(j, "outline_id");
	const char *code = json_string_value(json_object_get(j, "code"));
	t->code = code ? arena_strdup(ar, code) : NULL;
	t->name = jstr(ar, j, "name");
	t->measure = jstr(ar, j, "measure");
	t->value_kind = jstr(ar, j, "value_kind");
	lines_from_json(ar, json_object_get(j, "rows"), &t->rows, &t->n_rows);
	lines_from_json(ar, json_object_get(j, "cols"), &t->cols, &t->n_cols);
}

static unsigned asks_from_json(json_t *arr)
{
	unsigned asks = 0;
	for (size_t i = 0; i < json_array_size(arr); i++) {
		int bit = outline_ask_bit(json_string_value(json_array_get(arr, i)));
		if (bit > 0)
			asks |= (unsigned)bit;
	}
	return asks;
}

/* Items point into the outline's table list, as outline_load() leaves them. */
static void item_from_json(arena *ar, json_t *j, const stored_outline *o, stored_item *it)
{
	memset(it, 0, sizeof *it);
	it->id = jid(j, "id");
	it->parent_id = jid(j, "parent_id");
	it->depth = (int)jid(j, "depth");
	it->label = jstr(ar, j, "label");
	it->title = jstr(ar, j, "title");
	it->guidance = jstr(ar, j, "guidance");
	it->asks = asks_from_json(json_object_get(j, "asks"));
	it->table_id = jid(j, "table_id");
	it->repeat_of = jid(j, "repeat_of");
	for (size_t k = 0; it->table_id && k < o->n_tables; k++)
		if (o->tables[k].id == it->table_id)
			it->table = &o->tables[k];
}

/* The snapshot holds what outline_store_json() wrote; fields it lacks
 * (the source text is not kept per version) are left empty. */
static int outline_from_snapshot(arena *ar, const char *text, stored_outline *o, err *e)
{
	json_error_t je;
	json_t *j = json_loads(text, 0, &je);
	if (!json_is_object(j)) {
		json_decref(j);
		return err_set(e, E_INTERNAL, "phiên bản lưu không đọc được: %s", je.text);
	}
	memset(o, 0, sizeof *o);
	o->id = jid(j, "id");
	o->owner_unit_id = jid(j, "owner_unit_id");
	o->owner_name = jstr(ar, j, "owner_unit_name");
	o->title = jstr(ar, j, "title");
	o->source_text = arena_strdup(ar, "");
	o->source_kind = jstr(ar, j, "source_kind");
	o->version = (int)jid(j, "version");
	o->copied_from = jid(j, "copied_from");
	o->copied_version = (int)jid(j, "copied_version");
	json_t *tables = json_object_get(j, "tables"), *items = json_object_get(j, "items");
	o->n_tables = json_array_size(tables);
	o->tables = arena_alloc(ar, (o->n_tables + 1) * sizeof *o->tables);
	for (size_t i = 0; i < o->n_tables; i++)
		table_from_json(ar, json_array_get(tables, i), &o->tables[i]);
	o->n_items = json_array_size(items);
	o->items = arena_alloc(ar, (o->n_items + 1) * sizeof *o->items);
	for (size_t i = 0; i < o->n_items; i++)
		item_from_json(ar, json_array_get(items, i), o, &o->items[i]);
	json_decref(j);
	return 0;
}

int outline_version_get(db *d, arena *ar, const actor *a, int64_t id, int version,
			stored_outline *out, char **json, outline_version *info, err *e)
{
	int64_t owner;
	int rc = outline_check_read(d, a, id, &owner, e);
	db_stmt *st;
	if (rc == 0)
		rc = db_query(d, &st, e,
			      "SELECT v.snapshot, v.saved_at, COALESCE(v.saved_by, 0),"
			      " COALESCE(u.full_name, ''), COALESCE(u.login, '')"
			      " FROM outline_versions v LEFT JOIN users u ON u.id = v.saved_by"
			      " WHERE v.outline_id = $1 AND v.version = $2",
			      "li", id, version);
	if (rc)
		return rc;
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		char *snap = arena_strdup(ar, db_col_text(st, 0));
		if (info) {
			info->version = version;
			info->saved_at = db_col_i64(st, 1);
			info->saved_by = db_col_i64(st, 2);
			const char *name = db_col_text(st, 3);
			info->saved_by_name = arena_strdup(ar, *name ? name : db_col_text(st, 4));
		}
		if (json)
			*json = snap;
		rc = out ? outline_from_snapshot(ar, snap, out, e) : 0;
	} else if (rc == DB_DONE) {
		rc = err_set(e, E_NOTFOUND, "Đề cương không có phiên bản %d", version);
	}
	db_finalize(st);
	return rc;
}
