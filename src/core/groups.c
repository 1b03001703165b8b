/*
 * groups.c — emulation clusters and blocks: reads, create, rename, and the
 * member set, each change in one transaction with an audit row holding the
 * group (with its member ids) before and after.
 */
#include "groups.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/validate.h"
#include "text/text.h"

/* A cluster of every commune of a province is ~100 units; the cap keeps one
 * request's work bounded. */
#define GROUP_MAX_MEMBERS 1000

#define GROUP_SELECT                                                                               \
	"SELECT g.id, g.name, g.kind, g.year, g.owner_unit_id, u.name,"                            \
	" (SELECT COUNT(*) FROM unit_group_members m WHERE m.group_id = g.id)"                     \
	" FROM unit_groups g JOIN units u ON u.id = g.owner_unit_id"

static const char *const NOT_FOUND = "Không tìm thấy cụm, khối thi đua";

const char *group_kind_label(const char *kind)
{
	if (kind && strcmp(kind, "cluster") == 0)
		return "Cụm thi đua";
	if (kind && strcmp(kind, "block") == 0)
		return "Khối thi đua";
	return kind ? kind : "";
}

/* The kind as a common noun inside a sentence. */
static const char *kind_noun(const char *kind)
{
	return strcmp(kind, "block") == 0 ? "khối thi đua" : "cụm thi đua";
}

static bool may_change(const actor *a)
{
	return a->role == ROLE_ADMIN || a->role == ROLE_OFFICER;
}

static void read_group(db_stmt *st, arena *ar, group *g)
{
	g->id = db_col_i64(st, 0);
	g->name = arena_strdup(ar, db_col_text(st, 1));
	g->kind = arena_strdup(ar, db_col_text(st, 2));
	g->year = db_col_null(st, 3) ? 0 : (int)db_col_i64(st, 3);
	g->owner_unit_id = db_col_i64(st, 4);
	g->owner_name = arena_strdup(ar, db_col_text(st, 5));
	g->n_members = db_col_i64(st, 6);
}

/* Reads a group without any authorization check. */
static int load_group(db *d, arena *ar, int64_t id, group *out, err *e)
{
	db_stmt *st;
	int rc = db_query(d, &st, e, GROUP_SELECT " WHERE g.id = $1", "l", id);
	if (rc)
		return rc;
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		read_group(st, ar, out);
		rc = 0;
	} else if (rc == DB_DONE) {
		rc = err_set(e, E_NOTFOUND, "%s", NOT_FOUND);
	}
	db_finalize(st);
	return rc;
}

/* ---- authorization ---- */

int group_check_create(db *d, const actor *a, int64_t owner_unit_id, err *e)
{
	if (!may_change(a))
		return err_set(e, E_FORBIDDEN,
			       "Chỉ cán bộ thi đua - khen thưởng hoặc quản trị hệ thống được lập cụm, khối thi đua");
	if (!unit_visible(d, a, owner_unit_id ? owner_unit_id : a->unit_id))
		return err_set(e, E_FORBIDDEN, "Không có quyền lập cụm, khối thi đua cho đơn vị này");
	return 0;
}

int group_check_change(db *d, const actor *a, int64_t id, err *e)
{
	int64_t owner = 0;
	int rc = db_get_i64(d, &owner, e, "SELECT owner_unit_id FROM unit_groups WHERE id = $1", "l", id);
	if (rc == E_NOTFOUND || (rc == 0 && !unit_visible(d, a, owner)))
		return err_set(e, E_NOTFOUND, "%s", NOT_FOUND);
	if (rc)
		return rc;
	if (!may_change(a))
		return err_set(e, E_FORBIDDEN,
			       "Chỉ cán bộ thi đua - khen thưởng hoặc quản trị hệ thống được sửa cụm, khối thi đua");
	return 0;
}

/* ---- reads ---- */

int groups_list(db *d, arena *ar, const actor *a, group **out, size_t *n, err *e)
{
	*out = NULL;
	*n = 0;
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  GROUP_SELECT " JOIN unit_ancestors x ON x.unit_id = g.owner_unit_id"
				       " WHERE x.ancestor_id = $1"
				       " ORDER BY COALESCE(g.year, 0) DESC, g.kind, g.search_key, g.id",
			  "l", a->unit_id);
	if (rc)
		return rc;
	size_t cap = 0;
	while ((rc = db_step(st, e)) == DB_ROW)
		read_group(st, ar, arena_push(ar, out, n, &cap, sizeof **out));
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

static int load_members(db *d, arena *ar, int64_t id, unit_list *out, err *e)
{
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  "SELECT " UNIT_COLS " FROM unit_group_members m JOIN units u ON u.id = m.unit_id"
			  " WHERE m.group_id = $1 ORDER BY u.position, u.search_key, u.id",
			  "l", id);
	return rc ? rc : units_collect(st, ar, out, e);
}

int group_get(db *d, arena *ar, const actor *a, int64_t id, group *out, unit_list *members,
	      err *e)
{
	int rc = load_group(d, ar, id, out, e);
	if (rc)
		return rc;
	if (!unit_visible(d, a, out->owner_unit_id))
		return err_set(e, E_NOTFOUND, "%s", NOT_FOUND);
	return members ? load_members(d, ar, id, members, e) : 0;
}

/* ---- audit ---- */

/* The group as stored now, members as sorted ids (malloc'd JSON). */
static int group_json(db *d, int64_t id, char **out, err *e)
{
	arena *ar = arena_new();
	group g;
	db_stmt *st = NULL;
	int rc = load_group(d, ar, id, &g, e);
	if (rc == 0)
		rc = db_query(d, &st, e,
			      "SELECT unit_id FROM unit_group_members WHERE group_id = $1 ORDER BY unit_id",
			      "l", id);
	if (rc == 0) {
		json_t *ids = json_array();
		while ((rc = db_step(st, e)) == DB_ROW)
			json_array_append_new(ids, json_integer(db_col_i64(st, 0)));
		db_finalize(st);
		json_t *o = json_pack("{s:I, s:s, s:s, s:I, s:o}", "id", (json_int_t)g.id, "name",
				      g.name, "kind", g.kind, "owner_unit_id",
				      (json_int_t)g.owner_unit_id, "members", ids);
		json_object_set_new(o, "year", g.year ? json_integer(g.year) : json_null());
		*out = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
		json_decref(o);
		rc = rc < 0 ? rc : 0;
	}
	arena_free(ar);
	return rc;
}

static int audit_group(db *d, const actor *a, const char *action, int64_t id, const char *before,
		       err *e)
{
	char *after = NULL;
	int rc = group_json(d, id, &after, e);
	if (rc == 0)
		rc = audit_log(d, a, action, "group", id, before, after, e);
	free(after);
	return rc;
}

/* ---- duplicates ---- */

static void year_phrase(char *out, size_t n, int64_t year)
{
	if (year)
		snprintf(out, n, " năm %lld", (long long)year);
	else
		out[0] = '\0';
}

/* Within one owner, kind and year a name is used once (compared by search
 * key, so "Cụm số 1" and "cum so 1" clash); `self` is the group renamed. */
static int check_name_free(db *d, int64_t owner, const char *kind, int64_t year, const char *name,
			   int64_t self, err *e)
{
	char *key = text_search_key(name);
	int64_t n = 0;
	int rc = db_get_i64(d, &n, e,
			    "SELECT COUNT(*) FROM unit_groups WHERE owner_unit_id = $1 AND kind = $2"
			    " AND COALESCE(year, 0) = $3 AND search_key = $4 AND id <> $5",
			    "ltltl", owner, kind, year, key, self);
	free(key);
	if (rc)
		return rc;
	if (n > 0) {
		char yp[32];
		year_phrase(yp, sizeof yp, year);
		return err_set(e, E_CONFLICT, "Đơn vị đã có %s tên “%s”%s", kind_noun(kind), name, yp);
	}
	return 0;
}

/* A unit belongs to one group per owner, kind and year: a commune is in
 * one of the province's clusters for 2025, not two. Checks `unit_id`
 * joining `g` (with g's year replaced by `year`). */
static int check_no_clash(db *d, const group *g, int64_t year, int64_t unit_id, err *e)
{
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  "SELECT u.name, o.name FROM unit_group_members m"
			  " JOIN unit_groups o ON o.id = m.group_id JOIN units u ON u.id = m.unit_id"
			  " WHERE m.unit_id = $1 AND o.id <> $2 AND o.owner_unit_id = $3 AND o.kind = $4"
			  " AND COALESCE(o.year, 0) = $5 ORDER BY o.id LIMIT 1",
			  "llltl", unit_id, g->id, g->owner_unit_id, g->kind, year);
	if (rc)
		return rc;
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		char yp[32];
		year_phrase(yp, sizeof yp, year);
		rc = err_set(e, E_CONFLICT, "%s đã thuộc %s “%s”%s", db_col_text(st, 0),
			     kind_noun(g->kind), db_col_text(st, 1), yp);
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

static bool is_member(db *d, int64_t id, int64_t unit_id)
{
	int64_t n = 0;
	err e;
	return db_get_i64(d, &n, &e,
			  "SELECT COUNT(*) FROM unit_group_members WHERE group_id = $1 AND unit_id = $2",
			  "ll", id, unit_id) == 0 &&
	       n > 0;
}

/* ---- create, update ---- */

static int check_kind(const char *kind, err *e)
{
	if (!kind || (strcmp(kind, "cluster") && strcmp(kind, "block")))
		return err_set(e, E_INVAL, "Loại phải là cluster (cụm thi đua) hoặc block (khối thi đua)");
	return 0;
}

static int check_year(int64_t year, err *e)
{
	return year ? validate_year(year, "Năm", e) : 0;
}

struct create_ctx {
	const actor *a;
	const char *name, *kind;
	int64_t year, owner, id;
};

static int create_tx(db *d, void *p, err *e)
{
	struct create_ctx *c = p;
	int rc = check_name_free(d, c->owner, c->kind, c->year, c->name, 0, e);
	if (rc)
		return rc;
	char *key = text_search_key(c->name);
	db_stmt *st;
	rc = db_query(d, &st, e,
		      "INSERT INTO unit_groups (name, kind, year, owner_unit_id, search_key, created_at)"
		      " VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
		      "ttnltl", c->name, c->kind, c->owner, key, now_unix());
	free(key);
	if (rc)
		return rc;
	if (c->year)
		db_bind_i64(st, 3, c->year);
	rc = db_step(st, e);
	if (rc == DB_ROW)
		c->id = db_col_i64(st, 0);
	db_finalize(st);
	if (rc < 0)
		return rc;
	return audit_group(d, c->a, "create", c->id, NULL, e);
}

int group_create(db *d, const actor *a, const struct group_input *in, int64_t *id, err *e)
{
	int64_t owner = in->owner_unit_id ? in->owner_unit_id : a->unit_id;
	int rc = group_check_create(d, a, owner, e);
	if (rc)
		return rc;
	char *name = NULL;
	if ((rc = validate_name(in->name, 200, "Tên cụm, khối", &name, e)) ||
	    (rc = check_kind(in->kind, e)) || (rc = check_year(in->year, e)))
		goto out;
	struct create_ctx c = {a, name, in->kind, in->year, owner, 0};
	rc = core_tx(d, e, create_tx, &c);
	if (rc == 0 && id)
		*id = c.id;
out:
	free(name);
	return rc;
}

struct update_ctx {
	const actor *a;
	const group *b;
	const char *name;
	int64_t year;
};

/* A new year must not make a member clash with another group of that year. */
static int check_members_for_year(db *d, const group *g, int64_t year, err *e)
{
	arena *ar = arena_new();
	unit_list m;
	int rc = load_members(d, ar, g->id, &m, e);
	for (size_t i = 0; rc == 0 && i < m.n; i++)
		rc = check_no_clash(d, g, year, m.v[i].id, e);
	arena_free(ar);
	return rc;
}

static int update_tx(db *d, void *p, err *e)
{
	struct update_ctx *c = p;
	const group *b = c->b;
	char *before = NULL;
	int rc = group_json(d, b->id, &before, e);
	if (rc == 0)
		rc = check_name_free(d, b->owner_unit_id, b->kind, c->year, c->name, b->id, e);
	if (rc == 0 && c->year != b->year)
		rc = check_members_for_year(d, b, c->year, e);
	if (rc == 0) {
		char *key = text_search_key(c->name);
		db_stmt *st;
		rc = db_query(d, &st, e,
			      "UPDATE unit_groups SET name = $1, search_key = $2, year = $3 WHERE id = $4",
			      "ttnl", c->name, key, b->id);
		free(key);
		if (rc == 0) {
			if (c->year)
				db_bind_i64(st, 3, c->year);
			rc = db_step(st, e);
			db_finalize(st);
			rc = rc < 0 ? rc : 0;
		}
	}
	if (rc == 0)
		rc = audit_group(d, c->a, "update", b->id, before, e);
	free(before);
	return rc;
}

int group_update(db *d, const actor *a, int64_t id, const struct group_input *in, err *e)
{
	int rc = group_check_change(d, a, id, e);
	if (rc)
		return rc;
	arena *ar = arena_new();
	char *name = NULL;
	group b;
	if ((rc = load_group(d, ar, id, &b, e)))
		goto out;
	if (in->name && (rc = validate_name(in->name, 200, "Tên cụm, khối", &name, e)))
		goto out;
	if (in->year_set && (rc = check_year(in->year, e)))
		goto out;
	if (!in->name && !in->year_set)
		goto out; /* nothing to change, nothing to audit */
	struct update_ctx c = {a, &b, name ? name : b.name, in->year_set ? in->year : b.year};
	rc = core_tx(d, e, update_tx, &c);
out:
	free(name);
	arena_free(ar);
	return rc;
}

/* ---- members ---- */

/* Units joining a group must be visible to the actor (authorization), then
 * listed once (validation). `current` (may be NULL) holds members that stay:
 * they need no visibility check, so a group's owner can keep members that
 * a higher level put in. */
static int check_joining(db *d, const actor *a, const int64_t *ids, size_t n,
			 const unit_list *current, err *e)
{
	for (size_t i = 0; i < n; i++) {
		bool stays = false;
		for (size_t k = 0; current && k < current->n && !stays; k++)
			stays = current->v[k].id == ids[i];
		if (!stays && !unit_visible(d, a, ids[i]))
			return err_set(e, E_FORBIDDEN,
				       "Không có quyền đưa đơn vị số %lld vào cụm, khối thi đua",
				       (long long)ids[i]);
	}
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < i; k++)
			if (ids[i] == ids[k])
				return err_set(e, E_INVAL, "Đơn vị số %lld được nêu hai lần",
					       (long long)ids[i]);
	return 0;
}

static int insert_member(db *d, const group *g, int64_t unit_id, err *e)
{
	int rc = check_no_clash(d, g, g->year, unit_id, e);
	if (rc)
		return rc;
	int64_t n = db_run(d, e, "INSERT INTO unit_group_members (group_id, unit_id) VALUES ($1, $2)",
			   "ll", g->id, unit_id);
	return n < 0 ? (int)n : 0;
}

struct members_ctx {
	const actor *a;
	int64_t id;
	const int64_t *ids;
	size_t n;
	bool replace; /* set the member set rather than add to it */
};

static const char *unit_name_of(db *d, arena *ar, int64_t id)
{
	unit u;
	err e;
	return unit_get(d, ar, id, &u, &e) == 0 ? u.name : "Đơn vị";
}

static int members_tx(db *d, void *p, err *e)
{
	struct members_ctx *c = p;
	arena *ar = arena_new();
	group g;
	unit_list cur;
	char *before = NULL;
	int rc = load_group(d, ar, c->id, &g, e);
	if (rc == 0)
		rc = load_members(d, ar, c->id, &cur, e);
	if (rc == 0)
		rc = check_joining(d, c->a, c->ids, c->n, c->replace ? &cur : NULL, e);
	if (rc == 0)
		rc = group_json(d, c->id, &before, e);
	if (rc == 0 && c->replace) {
		int64_t k = db_run(d, e, "DELETE FROM unit_group_members WHERE group_id = $1", "l", c->id);
		rc = k < 0 ? (int)k : 0;
	}
	for (size_t i = 0; rc == 0 && i < c->n; i++) {
		if (!c->replace && is_member(d, c->id, c->ids[i])) {
			rc = err_set(e, E_CONFLICT, "%s đã có trong %s này",
				     unit_name_of(d, ar, c->ids[i]), kind_noun(g.kind));
			break;
		}
		rc = insert_member(d, &g, c->ids[i], e);
	}
	if (rc == 0)
		rc = audit_group(d, c->a, c->replace ? "set_members" : "add_members", c->id, before, e);
	free(before);
	arena_free(ar);
	return rc;
}

static int change_members(db *d, const actor *a, int64_t id, const int64_t *ids, size_t n,
			  bool replace, err *e)
{
	int rc = group_check_change(d, a, id, e);
	if (rc)
		return rc;
	if (n > GROUP_MAX_MEMBERS)
		return err_set(e, E_TOOBIG, "Một cụm, khối thi đua có tối đa %d đơn vị", GROUP_MAX_MEMBERS);
	if (n == 0 && !replace)
		return err_set(e, E_INVAL, "Cần chọn ít nhất một đơn vị");
	struct members_ctx c = {a, id, ids, n, replace};
	return core_tx(d, e, members_tx, &c);
}

int group_add_members(db *d, const actor *a, int64_t id, const int64_t *unit_ids, size_t n,
		      err *e)
{
	return change_members(d, a, id, unit_ids, n, false, e);
}

int group_set_members(db *d, const actor *a, int64_t id, const int64_t *unit_ids, size_t n,
		      err *e)
{
	return change_members(d, a, id, unit_ids, n, true, e);
}

struct remove_ctx {
	const actor *a;
	int64_t id, unit_id;
};

static int remove_tx(db *d, void *p, err *e)
{
	struct remove_ctx *c = p;
	if (!is_member(d, c->id, c->unit_id))
		return err_set(e, E_NOTFOUND, "Đơn vị không có trong cụm, khối thi đua này");
	char *before = NULL;
	int rc = group_json(d, c->id, &before, e);
	if (rc == 0) {
		int64_t k = db_run(d, e,
				   "DELETE FROM unit_group_members WHERE group_id = $1 AND unit_id = $2",
				   "ll", c->id, c->unit_id);
		rc = k < 0 ? (int)k : 0;
	}
	if (rc == 0)
		rc = audit_group(d, c->a, "remove_member", c->id, before, e);
	free(before);
	return rc;
}

int group_remove_member(db *d, const actor *a, int64_t id, int64_t unit_id, err *e)
{
	int rc = group_check_change(d, a, id, e);
	if (rc)
		return rc;
	struct remove_ctx c = {a, id, unit_id};
	return core_tx(d, e, remove_tx, &c);
}
