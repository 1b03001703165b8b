/*
 * units.c — the unit hierarchy: reads, visibility, create/update/move and
 * bulk import, keeping the closure table `unit_ancestors` in step.
 */
#include "units.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "core/award_counts.h"
#include "core/validate.h"
#include "text/text.h"


static void read_unit(db_stmt *st, arena *ar, unit *u)
{
	memset(u, 0, sizeof *u);
	u->id = db_col_i64(st, 0);
	u->code = arena_strdup(ar, db_col_text(st, 1));
	u->name = arena_strdup(ar, db_col_text(st, 2));
	u->kind = arena_strdup(ar, db_col_text(st, 3));
	u->parent_id = db_col_null(st, 4) ? 0 : db_col_i64(st, 4);
	u->active = db_col_i64(st, 5) != 0;
	u->valid_from = arena_strdup(ar, db_col_text(st, 6));
	u->valid_to = arena_strdup(ar, db_col_text(st, 7));
}

static int get_one(db *d, arena *ar, unit *out, err *e, const char *where, const char *types,
		   int64_t id, const char *code)
{
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT " UNIT_COLS " FROM units u WHERE %s", where);
	db_stmt *st;
	int rc = *types == 'l' ? db_query(d, &st, e, sql, "l", id) : db_query(d, &st, e, sql, "t", code);
	if (rc)
		return rc;
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		read_unit(st, ar, out);
		rc = 0;
	} else if (rc == DB_DONE) {
		rc = err_set(e, E_NOTFOUND, "Không tìm thấy đơn vị");
	}
	db_finalize(st);
	return rc;
}

int unit_get(db *d, arena *ar, int64_t id, unit *out, err *e)
{
	return get_one(d, ar, out, e, "u.id = $1", "l", id, NULL);
}

int unit_by_code(db *d, arena *ar, const char *code, unit *out, err *e)
{
	return get_one(d, ar, out, e, "u.code = $1", "t", 0, code);
}

bool unit_within(db *d, int64_t ancestor_id, int64_t unit_id)
{
	int64_t n = 0;
	err e;
	if (db_get_i64(d, &n, &e,
		       "SELECT COUNT(*) FROM unit_ancestors WHERE unit_id = $1 AND ancestor_id = $2", "ll",
		       unit_id, ancestor_id))
		return false;
	return n > 0;
}

bool unit_visible(db *d, const actor *a, int64_t unit_id)
{
	return unit_within(d, a->unit_id, unit_id);
}

int units_collect(db_stmt *st, arena *ar, unit_list *out, err *e)
{
	size_t cap = 0;
	out->n = 0;
	out->v = NULL;
	int rc;
	while ((rc = db_step(st, e)) == DB_ROW) {
		unit *u = arena_push(ar, &out->v, &out->n, &cap, sizeof *out->v);
		read_unit(st, ar, u);
		if (db_col_count(st) > 8)
			u->depth = (int)db_col_i64(st, 8);
		if (db_col_count(st) > 9)
			u->n_children = db_col_i64(st, 9);
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

int unit_path(db *d, arena *ar, int64_t id, unit_list *out, err *e)
{
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  "SELECT " UNIT_COLS ", x.depth FROM unit_ancestors x JOIN units u ON u.id = x.ancestor_id"
			  " WHERE x.unit_id = $1 ORDER BY x.depth DESC",
			  "l", id);
	return rc ? rc : units_collect(st, ar, out, e);
}

/* Index of a list sorted by (parent_id, fetched order): children of a unit
 * form one contiguous run found by binary search. */
struct by_parent {
	const unit *v;
	size_t *idx;
	size_t n;
};

/* qsort has no context argument; the base travels in a thread-local. */
static _Thread_local const unit *sort_base;

static int cmp_parent(const void *a, const void *b)
{
	const unit *x = &sort_base[*(const size_t *)a], *y = &sort_base[*(const size_t *)b];
	if (x->parent_id != y->parent_id)
		return x->parent_id < y->parent_id ? -1 : 1;
	return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

static int cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

/* First position in bp->idx whose parent_id >= parent. */
static size_t first_child(const struct by_parent *bp, int64_t parent)
{
	size_t lo = 0, hi = bp->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (bp->v[bp->idx[mid]].parent_id < parent)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Orders a flat list depth-first (siblings in fetched order) and sets each
 * unit's depth below the top of what is listed. Units whose parent is not
 * in the list are the roots. */
static void tree_order(arena *ar, unit_list *l)
{
	size_t n = l->n;
	if (n < 2) {
		if (n)
			l->v[0].depth = 0;
		return;
	}
	struct by_parent bp = {l->v, arena_alloc(ar, n * sizeof(size_t)), n};
	int64_t *ids = arena_alloc(ar, n * sizeof *ids);
	for (size_t i = 0; i < n; i++) {
		bp.idx[i] = i;
		ids[i] = l->v[i].id;
	}
	sort_base = l->v;
	qsort(bp.idx, n, sizeof(size_t), cmp_parent);
	qsort(ids, n, sizeof *ids, cmp_id);

	unit *out = arena_alloc(ar, n * sizeof *out);
	size_t *stack = arena_alloc(ar, n * sizeof *stack);
	int *depth = arena_alloc(ar, n * sizeof *depth);
	size_t sp = 0, on = 0;
	for (size_t i = n; i-- > 0;) {
		int64_t p = l->v[i].parent_id;
		if (!p || !bsearch(&p, ids, n, sizeof *ids, cmp_id)) {
			stack[sp] = i;
			depth[sp++] = 0;
		}
	}
	while (sp) {
		size_t i = stack[--sp];
		int dep = depth[sp];
		out[on] = l->v[i];
		out[on++].depth = dep;
		size_t a = first_child(&bp, l->v[i].id), b = a;
		while (b < n && l->v[bp.idx[b]].parent_id == l->v[i].id)
			b++;
		for (size_t k = b; k-- > a;) { /* reversed: the first child pops first */
			stack[sp] = bp.idx[k];
			depth[sp++] = dep + 1;
		}
	}
	l->v = out;
	l->n = on;
}

int units_list(db *d, arena *ar, const actor *a, const struct unit_filter *f, unit_list *out,
	       err *e)
{
	buf sql = BUF_INIT;
	buf_puts(&sql, "SELECT " UNIT_COLS ", 0,"
		       " (SELECT COUNT(*) FROM units c WHERE c.parent_id = u.id)"
		       " FROM unit_ancestors v JOIN units u ON u.id = v.unit_id"
		       " WHERE v.ancestor_id = $1");
	char *key = NULL;
	int64_t parent = f ? f->parent_id : 0;
	if (!f || !f->all)
		buf_puts(&sql, " AND u.active = 1");
	if (f && f->q && *f->q) {
		key = text_search_pattern(f->q);
		buf_puts(&sql, " AND u.search_key LIKE '%' || $2 || '%' ESCAPE '\\'");
	} else {
		buf_puts(&sql, " AND $2 = ''");
	}
	if (parent && f->subtree)
		buf_puts(&sql, " AND u.id IN (SELECT unit_id FROM unit_ancestors WHERE ancestor_id = $3)");
	else if (parent)
		buf_puts(&sql, " AND u.parent_id = $3");
	else
		buf_puts(&sql, " AND $3 = 0");
	buf_puts(&sql, " ORDER BY u.position, u.search_key, u.id");
	if (f && f->limit > 0)
		buf_printf(&sql, " LIMIT %lld OFFSET %lld", (long long)f->limit, (long long)f->offset);
	db_stmt *st;
	int rc = db_query(d, &st, e, buf_cstr(&sql), "ltl", a->unit_id, key ? key : "", parent);
	buf_free(&sql);
	free(key);
	if (rc)
		return rc;
	rc = units_collect(st, ar, out, e);
	/* A plain listing reads best as a tree; a search as a ranked list. */
	if (rc == 0 && !(f && f->q && *f->q) && !(f && f->limit > 0))
		tree_order(ar, out);
	return rc;
}

bool unit_kind_exists(db *d, const char *kind)
{
	int64_t n = 0;
	err e;
	return kind && db_get_i64(d, &n, &e, "SELECT COUNT(*) FROM unit_kinds WHERE code = $1", "t",
				  kind) == 0 &&
	       n > 0;
}

int unit_kinds(db *d, arena *ar, char ***codes, char ***names, size_t *n, err *e)
{
	db_stmt *st;
	int rc = db_query(d, &st, e, "SELECT code, name FROM unit_kinds ORDER BY position, code", NULL);
	if (rc)
		return rc;
	size_t cap = 64;
	*codes = arena_alloc(ar, cap * sizeof **codes);
	*names = arena_alloc(ar, cap * sizeof **names);
	*n = 0;
	while ((rc = db_step(st, e)) == DB_ROW && *n < cap) {
		(*codes)[*n] = arena_strdup(ar, db_col_text(st, 0));
		(*names)[*n] = arena_strdup(ar, db_col_text(st, 1));
		(*n)++;
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

/* ---- writes ---- */

static char *unit_json(const unit *u)
{
	json_t *o = json_pack("{s:I, s:s, s:s, s:s, s:b}", "id", (json_int_t)u->id, "code", u->code,
			      "name", u->name, "kind", u->kind, "active", u->active);
	if (u->parent_id)
		json_object_set_new(o, "parent_id", json_integer(u->parent_id));
	if (u->valid_from)
		json_object_set_new(o, "valid_from", json_string(u->valid_from));
	if (u->valid_to)
		json_object_set_new(o, "valid_to", json_string(u->valid_to));
	char *s = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(o);
	return s;
}

/* Closure rows for a new leaf: itself, plus each ancestor of its parent. */
static int link_closure(db *d, int64_t id, int64_t parent, err *e)
{
	int64_t rc = db_run(d, e, "INSERT INTO unit_ancestors (unit_id, ancestor_id, depth) VALUES ($1, $1, 0)",
			    "l", id);
	if (rc >= 0 && parent)
		rc = db_run(d, e,
			    "INSERT INTO unit_ancestors (unit_id, ancestor_id, depth)"
			    " SELECT $1, ancestor_id, depth + 1 FROM unit_ancestors WHERE unit_id = $2",
			    "ll", id, parent);
	return rc < 0 ? (int)rc : 0;
}

/* Checks and normalises the fields of a new unit (or the changed ones). */
static int check_input(db *d, const struct unit_input *in, bool creating, arena *ar,
		       struct unit_input *out, err *e)
{
	*out = *in;
	if (creating || in->code) {
		int rc = validate_code(in->code, "Mã đơn vị", e);
		if (rc)
			return rc;
	}
	if (creating || in->name) {
		char *name = NULL;
		int rc = validate_name(in->name, 200, "Tên đơn vị", &name, e);
		if (rc)
			return rc;
		out->name = arena_strdup(ar, name);
		free(name);
	}
	if ((creating || in->kind) && !unit_kind_exists(d, in->kind))
		return err_set(e, E_INVAL, "Loại đơn vị không hợp lệ: %s", in->kind ? in->kind : "(trống)");
	if (in->valid_from && *in->valid_from && validate_date(in->valid_from, "Ngày hiệu lực", e))
		return e->code;
	if (in->valid_to && *in->valid_to && validate_date(in->valid_to, "Ngày hết hiệu lực", e))
		return e->code;
	if (in->valid_from && !*in->valid_from)
		out->valid_from = NULL;
	if (in->valid_to && !*in->valid_to)
		out->valid_to = NULL;
	return 0;
}

struct create_ctx {
	const actor *a;
	const struct unit_input *in;
	int64_t id;
};

static int create_tx(db *d, void *p, err *e)
{
	struct create_ctx *c = p;
	const struct unit_input *in = c->in;
	char *key = text_search_key(in->name);
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  "INSERT INTO units (code, name, kind, parent_id, active, valid_from, valid_to,"
			  " position, search_key, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8, $9)"
			  " RETURNING id",
			  "tttnittt" "l", in->code, in->name, in->kind, in->active ? 1 : 0, in->valid_from,
			  in->valid_to, key, now_unix());
	free(key);
	if (rc)
		return rc;
	if (in->parent_id)
		db_bind_i64(st, 4, in->parent_id);
	rc = db_step(st, e);
	if (rc == DB_ROW)
		c->id = db_col_i64(st, 0);
	db_finalize(st);
	if (rc == E_CONFLICT)
		return err_set(e, E_CONFLICT, "Mã đơn vị \"%s\" đã được dùng", in->code);
	if (rc < 0)
		return rc;
	rc = link_closure(d, c->id, in->parent_id, e);
	if (rc)
		return rc;
	arena *ar = arena_new();
	unit u;
	rc = unit_get(d, ar, c->id, &u, e);
	if (rc == 0) {
		char *after = unit_json(&u);
		rc = audit_log(d, c->a, "create", "unit", c->id, NULL, after, e);
		free(after);
	}
	arena_free(ar);
	return rc;
}

static int64_t count_units(db *d)
{
	int64_t n = 0;
	err e;
	db_get_i64(d, &n, &e, "SELECT COUNT(*) FROM units", NULL);
	return n;
}

int unit_create(db *d, const actor *a, const struct unit_input *in, int64_t *id, err *e)
{
	/* authorization first: admins create inside their own subtree; the
	 * system actor alone may create the very first (top) unit */
	if (a->role != ROLE_ADMIN)
		return err_set(e, E_FORBIDDEN, "Chỉ quản trị hệ thống được tạo đơn vị");
	if (in->parent_id) {
		if (!unit_visible(d, a, in->parent_id))
			return err_set(e, E_FORBIDDEN, "Không có quyền tạo đơn vị dưới đơn vị này");
	} else if (a->user_id != 0 || count_units(d) > 0) {
		return err_set(e, E_INVAL, "Cần chọn đơn vị cấp trên");
	}
	arena *ar = arena_new();
	struct unit_input ok;
	int rc = check_input(d, in, true, ar, &ok, e);
	if (rc == 0) {
		ok.active = in->active < 0 ? 1 : in->active;
		struct create_ctx c = {a, &ok, 0};
		rc = core_tx(d, e, create_tx, &c);
		if (rc == 0 && id)
			*id = c.id;
	}
	arena_free(ar);
	return rc;
}

struct update_ctx {
	const actor *a;
	int64_t id;
	const struct unit_input *in;
	const unit *before;
};

/* Moves the subtree of `id` under `parent` in the closure table. */
static int move_closure(db *d, int64_t id, int64_t parent, err *e)
{
	int64_t rc = db_run(d, e,
			    "DELETE FROM unit_ancestors WHERE unit_id IN"
			    " (SELECT unit_id FROM unit_ancestors WHERE ancestor_id = $1)"
			    " AND ancestor_id NOT IN (SELECT unit_id FROM unit_ancestors WHERE ancestor_id = $1)",
			    "l", id);
	if (rc >= 0)
		rc = db_run(d, e,
			    "INSERT INTO unit_ancestors (unit_id, ancestor_id, depth)"
			    " SELECT sub.unit_id, sup.ancestor_id, sup.depth + sub.depth + 1"
			    " FROM unit_ancestors sup, unit_ancestors sub"
			    " WHERE sup.unit_id = $1 AND sub.ancestor_id = $2",
			    "ll", parent, id);
	return rc < 0 ? (int)rc : 0;
}

static int update_tx(db *d, void *p, err *e)
{
	struct update_ctx *c = p;
	const struct unit_input *in = c->in;
	const unit *b = c->before;
	const char *name = in->name ? in->name : b->name;
	char *key = text_search_key(name);
	int active = in->active >= 0 ? in->active : b->active;
	int64_t parent = in->parent_id ? in->parent_id : b->parent_id;
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  "UPDATE units SET code = $1, name = $2, kind = $3, active = $4, valid_from = $5,"
			  " valid_to = $6, search_key = $7, parent_id = $8 WHERE id = $9",
			  "tttitttnl", in->code ? in->code : b->code, name, in->kind ? in->kind : b->kind,
			  active, in->valid_from ? in->valid_from : b->valid_from,
			  in->valid_to ? in->valid_to : b->valid_to, key, c->id);
	free(key);
	if (rc)
		return rc;
	if (parent)
		db_bind_i64(st, 8, parent);
	rc = db_step(st, e);
	db_finalize(st);
	if (rc == E_CONFLICT)
		return err_set(e, E_CONFLICT, "Mã đơn vị \"%s\" đã được dùng", in->code ? in->code : "");
	if (rc < 0)
		return rc;
	if (in->parent_id && in->parent_id != b->parent_id) {
		/* the award counts of the old ancestors lose the subtree's
		 * awards and the new ones gain them, in this transaction */
		rc = award_counts_detach(d, c->id, e);
		if (rc == 0)
			rc = move_closure(d, c->id, in->parent_id, e);
		if (rc == 0)
			rc = award_counts_attach(d, c->id, e);
		if (rc)
			return rc;
	}
	arena *ar = arena_new();
	unit after;
	rc = unit_get(d, ar, c->id, &after, e);
	if (rc == 0) {
		char *bj = unit_json(b), *aj = unit_json(&after);
		rc = audit_log(d, c->a, "update", "unit", c->id, bj, aj, e);
		free(bj);
		free(aj);
	}
	arena_free(ar);
	return rc;
}

int unit_update(db *d, const actor *a, int64_t id, const struct unit_input *in, err *e)
{
	arena *ar = arena_new();
	unit before;
	int rc = 0;
	if (!unit_visible(d, a, id)) {
		rc = err_set(e, E_NOTFOUND, "Không tìm thấy đơn vị");
		goto out;
	}
	if (a->role != ROLE_ADMIN) {
		rc = err_set(e, E_FORBIDDEN, "Chỉ quản trị hệ thống được sửa đơn vị");
		goto out;
	}
	if (in->parent_id && !unit_visible(d, a, in->parent_id)) {
		rc = err_set(e, E_FORBIDDEN, "Không có quyền chuyển đơn vị tới đơn vị cấp trên này");
		goto out;
	}
	rc = unit_get(d, ar, id, &before, e);
	if (rc)
		goto out;
	bool moving = in->parent_id && in->parent_id != before.parent_id;
	if (moving && id == a->unit_id) {
		rc = err_set(e, E_FORBIDDEN, "Không thể chuyển đơn vị mà mình đang đại diện");
		goto out;
	}
	if (moving && unit_within(d, id, in->parent_id)) {
		rc = err_set(e, E_INVAL, "Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó");
		goto out;
	}
	if (in->active == 0 && id == a->unit_id) {
		rc = err_set(e, E_INVAL, "Không thể ngừng hoạt động đơn vị mà mình đang đại diện");
		goto out;
	}
	struct unit_input ok;
	rc = check_input(d, in, false, ar, &ok, e);
	if (rc)
		goto out;
	struct update_ctx c = {a, id, &ok, &before};
	rc = core_tx(d, e, update_tx, &c);
out:
	arena_free(ar);
	return rc;
}

/* ---- import ---- */

/* The row as the user sees it in the file (header = row 1). */
static int row_number(const struct unit_row *rows, size_t i)
{
	return rows[i].line ? rows[i].line : (int)i + 2;
}

struct import_ctx {
	const actor *a;
	const struct unit_row *rows;
	size_t n;
	int64_t *ids;
	int *bad_row;
	int64_t created;
};

/* Parent of row i: an earlier row of the import, or an existing unit. */
static int64_t resolve_parent(db *d, const struct import_ctx *c, size_t i)
{
	const char *pc = c->rows[i].parent_code;
	for (size_t k = 0; k < i; k++)
		if (strcmp(c->rows[k].code, pc) == 0)
			return c->ids[k];
	int64_t id = 0;
	err e;
	if (db_get_i64(d, &id, &e, "SELECT id FROM units WHERE code = $1", "t", pc))
		return 0;
	return id;
}

static int import_tx(db *d, void *p, err *e)
{
	struct import_ctx *c = p;
	for (size_t i = 0; i < c->n; i++) {
		const struct unit_row *r = &c->rows[i];
		*c->bad_row = row_number(c->rows, i);
		int64_t parent = resolve_parent(d, c, i);
		if (!parent)
			return err_set(e, E_INVAL, "không tìm thấy đơn vị cấp trên có mã \"%s\"",
				       r->parent_code);
		if (!unit_visible(d, c->a, parent))
			return err_set(e, E_FORBIDDEN, "không có quyền tạo đơn vị dưới \"%s\"",
				       r->parent_code);
		struct unit_input in = {r->code, r->name, r->kind, parent, r->active,
					r->valid_from, r->valid_to};
		struct create_ctx cc = {c->a, &in, 0};
		int rc = create_tx(d, &cc, e);
		if (rc)
			return rc;
		c->ids[i] = cc.id;
		c->created++;
	}
	*c->bad_row = 0;
	return 0;
}

int units_import(db *d, const actor *a, const struct unit_row *rows, size_t n, int64_t *created,
		 int *bad_row, err *e)
{
	*bad_row = 0;
	*created = 0;
	if (a->role != ROLE_ADMIN)
		return err_set(e, E_FORBIDDEN, "Chỉ quản trị hệ thống được nhập danh sách đơn vị");
	if (n == 0)
		return err_set(e, E_INVAL, "Tệp không có dòng dữ liệu nào");
	/* Validate every row's own fields before touching the database; the
	 * import then works on a normalised copy. */
	arena *ar = arena_new();
	struct unit_row *norm = arena_alloc(ar, n * sizeof *norm);
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		struct unit_input in = {rows[i].code, rows[i].name, rows[i].kind, 0, rows[i].active,
					rows[i].valid_from, rows[i].valid_to}, ok;
		rc = check_input(d, &in, true, ar, &ok, e);
		if (rc == 0 && (!rows[i].parent_code || !*rows[i].parent_code))
			rc = err_set(e, E_INVAL, "thiếu mã đơn vị cấp trên");
		for (size_t k = 0; rc == 0 && k < i; k++)
			if (strcmp(rows[k].code, rows[i].code) == 0)
				rc = err_set(e, E_INVAL, "mã \"%s\" trùng với dòng %d", rows[i].code,
					     row_number(rows, k));
		if (rc)
			*bad_row = row_number(rows, i);
		norm[i] = rows[i];
		norm[i].name = (char *)ok.name;
		norm[i].valid_from = (char *)ok.valid_from;
		norm[i].valid_to = (char *)ok.valid_to;
	}
	if (rc == 0) {
		struct import_ctx c = {a, norm, n, arena_alloc(ar, n * sizeof(int64_t)), bad_row, 0};
		rc = core_tx(d, e, import_tx, &c);
		*created = rc == 0 ? c.created : 0;
	}
	if (rc && *bad_row) {
		char msg[sizeof e->msg];
		snprintf(msg, sizeof msg, "%s", e->msg);
		err_set(e, rc == E_FORBIDDEN ? E_FORBIDDEN : (rc == E_CONFLICT ? E_INVAL : rc), "Dòng %d: %s",
			*bad_row, msg);
		rc = e->code;
	}
	arena_free(ar);
	return rc;
}
