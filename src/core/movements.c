/*
 * movements.c — the movements catalogue.
 */
#include "movements.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "core/units.h"
#include "core/validate.h"
#include "text/text.h"

/* Visible: launched in the actor's subtree, or by one of its ancestors. */
#define VISIBLE_UNITS                                                                              \
	" (m.unit_id IN (SELECT unit_id FROM unit_ancestors WHERE ancestor_id = $1)"               \
	" OR m.unit_id IN (SELECT ancestor_id FROM unit_ancestors WHERE unit_id = $1))"

#define MOVEMENT_SELECT                                                                            \
	"SELECT m.id, m.title, m.unit_id, u.name, m.start_year, m.end_year, m.parent_id, m.kind,"  \
	" m.description FROM movements m JOIN units u ON u.id = m.unit_id"

static void read_movement(db_stmt *st, arena *ar, movement *m)
{
	m->id = db_col_i64(st, 0);
	m->title = arena_strdup(ar, db_col_text(st, 1));
	m->unit_id = db_col_i64(st, 2);
	m->unit_name = arena_strdup(ar, db_col_text(st, 3));
	m->start_year = (int)db_col_i64(st, 4);
	m->end_year = (int)db_col_i64(st, 5);
	m->parent_id = db_col_null(st, 6) ? 0 : db_col_i64(st, 6);
	m->kind = arena_strdup(ar, db_col_text(st, 7));
	m->description = arena_strdup(ar, db_col_text(st, 8));
}

/* Steps a movement query to the end, collecting rows into an arena array. */
static int collect(db_stmt *st, arena *ar, movement **out, size_t *n, err *e)
{
	int rc;
	size_t cap = 0;
	while ((rc = db_step(st, e)) == DB_ROW)
		read_movement(st, ar, arena_push(ar, out, n, &cap, sizeof **out));
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

int movements_list(db *d, arena *ar, const actor *a, const char *q, movement **out, size_t *n,
		   err *e)
{
	char *key = text_search_pattern(q);
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  MOVEMENT_SELECT " WHERE" VISIBLE_UNITS
					  " AND m.search_key LIKE '%' || $2 || '%' ESCAPE '\\'"
					  " ORDER BY m.start_year DESC, m.search_key, m.id",
			  "lt", a->unit_id, key);
	free(key);
	*out = NULL;
	*n = 0;
	return rc ? rc : collect(st, ar, out, n, e);
}

int movements_children(db *d, arena *ar, const actor *a, int64_t id, movement **out, size_t *n,
		       err *e)
{
	*out = NULL;
	*n = 0;
	movement parent;
	int rc = movement_get(d, ar, a, id, &parent, e);
	if (rc)
		return rc;
	db_stmt *st;
	rc = db_query(d, &st, e,
		      MOVEMENT_SELECT " WHERE" VISIBLE_UNITS " AND m.parent_id = $2"
				      " ORDER BY m.start_year DESC, m.search_key, m.id",
		      "ll", a->unit_id, id);
	return rc ? rc : collect(st, ar, out, n, e);
}

int movement_get(db *d, arena *ar, const actor *a, int64_t id, movement *out, err *e)
{
	db_stmt *st;
	int rc = db_query(d, &st, e, MOVEMENT_SELECT " WHERE" VISIBLE_UNITS " AND m.id = $2", "ll",
			  a->unit_id, id);
	if (rc)
		return rc;
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		read_movement(st, ar, out);
		rc = 0;
	} else if (rc == DB_DONE) {
		rc = err_set(e, E_NOTFOUND, "Không tìm thấy phong trào thi đua");
	}
	db_finalize(st);
	return rc;
}

struct create_ctx {
	const actor *a;
	const struct movement_input *in;
	const char *title, *kind, *description;
	int64_t id;
};

static int create_tx(db *d, void *p, err *e)
{
	struct create_ctx *c = p;
	char *key = text_search_key(c->title);
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  "INSERT INTO movements (title, unit_id, start_year, end_year, parent_id, kind,"
			  " description, search_key, created_at)"
			  " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
			  "tlllnttt" "l", c->title, c->in->unit_id, c->in->start_year, c->in->end_year,
			  c->kind, c->description, key, now_unix());
	free(key);
	if (rc)
		return rc;
	if (c->in->parent_id)
		db_bind_i64(st, 5, c->in->parent_id);
	rc = db_step(st, e);
	if (rc == DB_ROW)
		c->id = db_col_i64(st, 0);
	db_finalize(st);
	if (rc < 0)
		return rc;
	json_t *o = json_pack("{s:s, s:I, s:I, s:I, s:s}", "title", c->title, "unit_id",
			      (json_int_t)c->in->unit_id, "start_year", (json_int_t)c->in->start_year,
			      "end_year", (json_int_t)c->in->end_year, "kind", c->kind);
	if (c->in->parent_id)
		json_object_set_new(o, "parent_id", json_integer(c->in->parent_id));
	char *after = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(o);
	rc = audit_log(d, c->a, "create", "movement", c->id, NULL, after, e);
	free(after);
	return rc;
}

int movement_create(db *d, const actor *a, const struct movement_input *in, int64_t *id, err *e)
{
	if (a->role != ROLE_ADMIN && a->role != ROLE_OFFICER)
		return err_set(e, E_FORBIDDEN, "Chỉ cán bộ thi đua - khen thưởng được phát động phong trào");
	if (!in->unit_id)
		return err_set(e, E_INVAL, "Cần chọn đơn vị phát động");
	if (!unit_visible(d, a, in->unit_id))
		return err_set(e, E_FORBIDDEN, "Không có quyền phát động phong trào cho đơn vị này");
	arena *ar = arena_new();
	char *title = NULL, *desc = NULL;
	movement parent;
	int rc = 0;
	if (in->parent_id && (rc = movement_get(d, ar, a, in->parent_id, &parent, e))) {
		rc = err_set(e, E_INVAL, "Phong trào cấp trên không tồn tại");
		goto out;
	}
	if ((rc = validate_name(in->title, 500, "Tên phong trào", &title, e)) ||
	    (rc = validate_year(in->start_year, "Năm bắt đầu", e)) ||
	    (rc = validate_year(in->end_year, "Năm kết thúc", e)))
		goto out;
	if (in->end_year < in->start_year) {
		rc = err_set(e, E_INVAL, "Năm kết thúc phải không sớm hơn năm bắt đầu");
		goto out;
	}
	const char *kind = in->kind ? in->kind : "regular";
	if (strcmp(kind, "regular") && strcmp(kind, "thematic") && strcmp(kind, "campaign")) {
		rc = err_set(e, E_INVAL, "Loại phong trào phải là regular, thematic hoặc campaign");
		goto out;
	}
	if (in->description) {
		desc = text_nfc(in->description, strlen(in->description));
		if (!desc) {
			rc = err_set(e, E_INVAL, "Mô tả không phải văn bản UTF-8 hợp lệ");
			goto out;
		}
	}
	struct create_ctx c = {a, in, title, kind, desc ? desc : "", 0};
	rc = core_tx(d, e, create_tx, &c);
	if (rc == 0 && id)
		*id = c.id;
out:
	free(title);
	free(desc);
	arena_free(ar);
	return rc;
}
