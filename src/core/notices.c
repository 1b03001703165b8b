/*
 * notices.c — in-app notices to units.
 */
#include "notices.h"

#include <string.h>

/* Notices for the actor: its unit's, for everyone or for its role (an
 * admin may approve, so it sees the leaders' too). $1 unit, $2 role. */
#define FOR_ACTOR                                                                                  \
	" n.unit_id = $1 AND (n.role IS NULL OR n.role = $2 OR ($2 = 'admin' AND n.role = 'leader'))"

static void bind_opt(db_stmt *st, int idx, int64_t v)
{
	if (v)
		db_bind_i64(st, idx, v);
}

int notice_add(db *d, const actor *a, int64_t unit_id, const char *role, int64_t campaign_id,
	       int64_t report_id, const char *kind, const char *message, err *e)
{
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  "INSERT INTO notices (unit_id, role, campaign_id, report_id, kind, message,"
			  " created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
			  "ltnnttnl", unit_id, role, kind, message, now_unix());
	if (rc)
		return rc;
	bind_opt(st, 3, campaign_id);
	bind_opt(st, 4, report_id);
	bind_opt(st, 7, a ? a->user_id : 0);
	rc = db_step(st, e);
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

int notices_list(db *d, arena *ar, const actor *a, bool unread_only, int64_t limit, notice **out,
		 size_t *n, err *e)
{
	*out = NULL;
	*n = 0;
	db_stmt *st;
	char *sql = arena_printf(ar,
				 "SELECT n.id, n.unit_id, n.campaign_id, n.report_id, n.kind, n.message,"
				 " n.created_at, n.read_at FROM notices n WHERE" FOR_ACTOR "%s"
				 " ORDER BY n.created_at DESC, n.id DESC LIMIT %lld",
				 unread_only ? " AND n.read_at IS NULL" : "",
				 (long long)(limit > 0 && limit < 1000 ? limit : 200));
	int rc = db_query(d, &st, e, sql, "lt", a->unit_id, role_name(a->role));
	if (rc)
		return rc;
	size_t cap = 0;
	while ((rc = db_step(st, e)) == DB_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			notice *nv = arena_alloc(ar, cap * sizeof *nv);
			if (*n)
				memcpy(nv, *out, *n * sizeof *nv);
			*out = nv;
		}
		notice *x = &(*out)[(*n)++];
		x->id = db_col_i64(st, 0);
		x->unit_id = db_col_i64(st, 1);
		x->campaign_id = db_col_null(st, 2) ? 0 : db_col_i64(st, 2);
		x->report_id = db_col_null(st, 3) ? 0 : db_col_i64(st, 3);
		x->kind = arena_strdup(ar, db_col_text(st, 4));
		x->message = arena_strdup(ar, db_col_text(st, 5));
		x->created_at = db_col_i64(st, 6);
		x->read_at = db_col_null(st, 7) ? 0 : db_col_i64(st, 7);
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

int64_t notices_unread(db *d, const actor *a)
{
	int64_t n = 0;
	err e;
	if (db_get_i64(d, &n, &e, "SELECT COUNT(*) FROM notices n WHERE" FOR_ACTOR " AND n.read_at IS NULL",
		       "lt", a->unit_id, role_name(a->role)))
		return 0;
	return n;
}

int notice_mark_read(db *d, const actor *a, int64_t id, err *e)
{
	int64_t changed;
	if (id) {
		int64_t n = 0;
		int rc = db_get_i64(d, &n, e, "SELECT COUNT(*) FROM notices n WHERE n.id = $3 AND" FOR_ACTOR,
				    "ltl", a->unit_id, role_name(a->role), id);
		if (rc)
			return rc;
		if (!n)
			return err_set(e, E_NOTFOUND, "Không tìm thấy thông báo");
		changed = db_run(d, e,
				 "UPDATE notices SET read_at = $1, read_by = $2 WHERE id = $3 AND read_at IS NULL",
				 "lll", now_unix(), a->user_id, id);
	} else {
		changed = db_run(d, e,
				 "UPDATE notices SET read_at = $3, read_by = $4 WHERE read_at IS NULL AND id IN"
				 " (SELECT n.id FROM notices n WHERE" FOR_ACTOR ")",
				 "ltll", a->unit_id, role_name(a->role), now_unix(), a->user_id);
	}
	return changed < 0 ? (int)changed : 0;
}
