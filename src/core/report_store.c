/*
 * report_store.c — a report's content in the database: loading it in
 * outline order, replacing it under optimistic versioning, the snapshot
 * kept at every submission, and the history (events, submitted versions).
 */
#include "reports_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/deadline.h"

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

int report_schema_load(db *d, arena *ar, int64_t outline_id, stored_outline *o, report_schema *s,
		       err *e)
{
	/* every reader of a report may read its outline (docs/campaigns.md), so
	 * the system actor's unrestricted read gives the same answer faster */
	actor sys = {.role = ROLE_ADMIN};
	int rc = db_get_i64(d, &sys.unit_id, e,
			    "SELECT ancestor_id FROM unit_ancestors WHERE unit_id ="
			    " (SELECT owner_unit_id FROM outlines WHERE id = $1) ORDER BY depth DESC LIMIT 1",
			    "l", outline_id);
	if (rc == 0)
		rc = outline_store_get(d, ar, &sys, outline_id, o, e);
	if (rc == 0)
		report_schema_build(ar, o, s);
	return rc;
}

/* ---- loading ---- */

/* One answer per outline position, created on first use. */
struct loader {
	arena *ar;
	struct report_answer **slot;
	int64_t n_slots;
};

static struct report_answer *answer_at(struct loader *l, int64_t pos, int64_t item_id)
{
	if (pos < 0 || pos >= l->n_slots)
		return NULL; /* cannot happen while the outline is frozen */
	if (!l->slot[pos]) {
		l->slot[pos] = arena_alloc(l->ar, sizeof **l->slot);
		l->slot[pos]->item_id = item_id;
		l->slot[pos]->text = "";
	}
	return l->slot[pos];
}

static int load_texts(db *d, struct loader *l, int64_t id, err *e)
{
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  "SELECT t.item_id, i.position, t.text FROM report_texts t"
			  " JOIN outline_items i ON i.id = t.item_id WHERE t.report_id = $1",
			  "l", id);
	if (rc)
		return rc;
	while ((rc = db_step(st, e)) == DB_ROW) {
		struct report_answer *a = answer_at(l, db_col_i64(st, 1), db_col_i64(st, 0));
		if (a)
			a->text = arena_strdup(l->ar, db_col_text(st, 2));
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

/* Cells come grouped by item in row-major table order; each answer gets
 * its slice of one array. */
static int load_cells(db *d, struct loader *l, int64_t id, err *e)
{
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  "SELECT v.item_id, i.position, v.row_key, v.col_key, v.value"
			  " FROM report_values v JOIN outline_items i ON i.id = v.item_id"
			  " LEFT JOIN figure_rows fr ON fr.table_id = i.table_id AND fr.key = v.row_key"
			  " LEFT JOIN figure_cols fc ON fc.table_id = i.table_id AND fc.key = v.col_key"
			  " WHERE v.report_id = $1 ORDER BY i.position, fr.position, fc.position",
			  "l", id);
	if (rc)
		return rc;
	struct report_answer *cur = NULL;
	size_t cap = 0;
	while ((rc = db_step(st, e)) == DB_ROW) {
		struct report_answer *a = answer_at(l, db_col_i64(st, 1), db_col_i64(st, 0));
		if (!a)
			continue;
		if (a != cur) {
			cur = a;
			cap = 0;
		}
		a->cells = grow(l->ar, a->cells, a->n_cells, &cap, sizeof *a->cells);
		a->cells[a->n_cells++] = (struct report_cell){arena_strdup(l->ar, db_col_text(st, 2)),
							      arena_strdup(l->ar, db_col_text(st, 3)),
							      db_col_double(st, 4)};
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

static int64_t opt_count(db_stmt *st, int col)
{
	return db_col_null(st, col) ? -1 : db_col_i64(st, col);
}

static int load_models(db *d, struct loader *l, int64_t id, err *e)
{
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  "SELECT m.item_id, i.position, m.name, m.kind, m.address, m.phone,"
			  " m.jobs_created, m.households_helped, m.members, m.summary"
			  " FROM report_models m JOIN outline_items i ON i.id = m.item_id"
			  " WHERE m.report_id = $1 ORDER BY i.position, m.position",
			  "l", id);
	if (rc)
		return rc;
	struct report_answer *cur = NULL;
	size_t cap = 0;
	while ((rc = db_step(st, e)) == DB_ROW) {
		struct report_answer *a = answer_at(l, db_col_i64(st, 1), db_col_i64(st, 0));
		if (!a)
			continue;
		if (a != cur) {
			cur = a;
			cap = 0;
		}
		a->models = grow(l->ar, a->models, a->n_models, &cap, sizeof *a->models);
		struct report_model *m = &a->models[a->n_models++];
		m->name = arena_strdup(l->ar, db_col_text(st, 2));
		m->kind = arena_strdup(l->ar, db_col_text(st, 3));
		m->address = arena_strdup(l->ar, db_col_text(st, 4));
		m->phone = arena_strdup(l->ar, db_col_text(st, 5));
		m->jobs_created = opt_count(st, 6);
		m->households_helped = opt_count(st, 7);
		m->members = opt_count(st, 8);
		m->summary = arena_strdup(l->ar, db_col_text(st, 9));
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

int report_content_load(db *d, arena *ar, int64_t id, struct report_content *out, err *e)
{
	out->items = NULL;
	out->n = 0;
	struct loader l = {ar, NULL, 0};
	int rc = db_get_i64(d, &l.n_slots, e,
			    "SELECT COALESCE(MAX(i.position), -1) + 1 FROM outline_items i"
			    " JOIN campaigns c ON c.outline_id = i.outline_id"
			    " JOIN reports r ON r.campaign_id = c.id WHERE r.id = $1",
			    "l", id);
	if (rc)
		return rc;
	l.slot = arena_alloc(ar, (size_t)(l.n_slots ? l.n_slots : 1) * sizeof *l.slot);
	if ((rc = load_texts(d, &l, id, e)) || (rc = load_cells(d, &l, id, e)) ||
	    (rc = load_models(d, &l, id, e)))
		return rc;
	out->items = arena_alloc(ar, (size_t)(l.n_slots ? l.n_slots : 1) * sizeof *out->items);
	for (int64_t i = 0; i < l.n_slots; i++)
		if (l.slot[i])
			out->items[out->n++] = *l.slot[i];
	return 0;
}

/* ---- saving ---- */

enum { BATCH = 100 };

/* Binds the parameters of row j (0-based) starting at parameter `base`. */
typedef void (*bind_row_fn)(db_stmt *st, int base, const void *ctx, size_t j);

/* INSERT of n rows of `cols` parameters each, BATCH rows per statement:
 * one round trip per batch instead of per row on PostgreSQL. */
static int insert_rows(db *d, const char *head, int cols, size_t n, bind_row_fn fn,
		       const void *ctx, err *e)
{
	int rc = 0;
	for (size_t start = 0; rc == 0 && start < n; start += BATCH) {
		size_t k = n - start < BATCH ? n - start : BATCH;
		buf sql = BUF_INIT;
		buf_puts(&sql, head);
		buf_puts(&sql, " VALUES ");
		for (size_t j = 0; j < k; j++) {
			buf_puts(&sql, j ? ", (" : "(");
			for (int c = 0; c < cols; c++)
				buf_printf(&sql, "%s$%zu", c ? ", " : "", j * (size_t)cols + (size_t)c + 1);
			buf_putc(&sql, ')');
		}
		db_stmt *st;
		rc = db_prepare(d, buf_cstr(&sql), &st, e);
		buf_free(&sql);
		if (rc)
			break;
		for (size_t j = 0; j < k; j++)
			fn(st, (int)(j * (size_t)cols) + 1, ctx, start + j);
		rc = db_step(st, e);
		db_finalize(st);
		rc = rc < 0 ? rc : 0;
	}
	return rc;
}

/* The content flattened: one entry per stored row. */
struct flat {
	int64_t report_id;
	const struct report_answer **answer;
	size_t *index; /* cell or model index within the answer */
	size_t n;
};

static void flatten(arena *ar, const struct report_content *c, int what, struct flat *f)
{
	size_t total = 0;
	for (size_t i = 0; i < c->n; i++)
		total += what == 0 ? (*c->items[i].text != '\0') : what == 1 ? c->items[i].n_cells
									   : c->items[i].n_models;
	f->answer = arena_alloc(ar, (total ? total : 1) * sizeof *f->answer);
	f->index = arena_alloc(ar, (total ? total : 1) * sizeof *f->index);
	f->n = 0;
	for (size_t i = 0; i < c->n; i++) {
		size_t k = what == 0 ? (*c->items[i].text != '\0') : what == 1 ? c->items[i].n_cells
									       : c->items[i].n_models;
		for (size_t j = 0; j < k; j++) {
			f->answer[f->n] = &c->items[i];
			f->index[f->n++] = j;
		}
	}
}

static void bind_text_row(db_stmt *st, int b, const void *ctx, size_t j)
{
	const struct flat *f = ctx;
	db_bind_i64(st, b, f->report_id);
	db_bind_i64(st, b + 1, f->answer[j]->item_id);
	db_bind_text(st, b + 2, f->answer[j]->text);
}

static void bind_cell_row(db_stmt *st, int b, const void *ctx, size_t j)
{
	const struct flat *f = ctx;
	const struct report_cell *c = &f->answer[j]->cells[f->index[j]];
	char v[32];
	report_value_text(c->value, v); /* decimal text: exact in NUMERIC, no binary noise */
	db_bind_i64(st, b, f->report_id);
	db_bind_i64(st, b + 1, f->answer[j]->item_id);
	db_bind_text(st, b + 2, c->row);
	db_bind_text(st, b + 3, c->col);
	db_bind_text(st, b + 4, v);
}

static void bind_count(db_stmt *st, int idx, int64_t v)
{
	if (v < 0)
		db_bind_null(st, idx);
	else
		db_bind_i64(st, idx, v);
}

static void bind_model_row(db_stmt *st, int b, const void *ctx, size_t j)
{
	const struct flat *f = ctx;
	const struct report_model *m = &f->answer[j]->models[f->index[j]];
	db_bind_i64(st, b, f->report_id);
	db_bind_i64(st, b + 1, f->answer[j]->item_id);
	db_bind_i64(st, b + 2, (int64_t)f->index[j]);
	db_bind_text(st, b + 3, m->name);
	db_bind_text(st, b + 4, m->kind);
	db_bind_text(st, b + 5, m->address);
	db_bind_text(st, b + 6, m->phone);
	bind_count(st, b + 7, m->jobs_created);
	bind_count(st, b + 8, m->households_helped);
	bind_count(st, b + 9, m->members);
	db_bind_text(st, b + 10, m->summary);
}

static int write_content(db *d, arena *ar, int64_t id, const struct report_content *c, err *e)
{
	static const char *const tables[] = {"report_texts", "report_values", "report_models"};
	int rc = 0;
	for (int i = 0; rc == 0 && i < 3; i++) {
		char sql[64];
		snprintf(sql, sizeof sql, "DELETE FROM %s WHERE report_id = $1", tables[i]);
		int64_t k = db_run(d, e, sql, "l", id);
		rc = k < 0 ? (int)k : 0;
	}
	struct flat f = {.report_id = id};
	if (rc == 0) {
		flatten(ar, c, 0, &f);
		rc = insert_rows(d, "INSERT INTO report_texts (report_id, item_id, text)", 3, f.n,
				 bind_text_row, &f, e);
	}
	if (rc == 0) {
		flatten(ar, c, 1, &f);
		rc = insert_rows(d,
				 "INSERT INTO report_values (report_id, item_id, row_key, col_key, value)",
				 5, f.n, bind_cell_row, &f, e);
	}
	if (rc == 0) {
		flatten(ar, c, 2, &f);
		rc = insert_rows(d,
				 "INSERT INTO report_models (report_id, item_id, position, name, kind,"
				 " address, phone, jobs_created, households_helped, members, summary)",
				 11, f.n, bind_model_row, &f, e);
	}
	return rc;
}

int report_bump_version(db *d, const actor *a, int64_t id, int64_t expected, int *version,
			const char *doing, err *e)
{
	int64_t changed = db_run(d, e,
				 "UPDATE reports SET version = version + 1, updated_at = $1,"
				 " updated_by = NULLIF(CAST($2 AS BIGINT), 0) WHERE id = $3 AND state IN ('draft', 'returned')"
				 " AND (version = $4 OR $4 = 0)",
				 "llll", now_unix(), a->user_id, id, expected);
	if (changed < 0)
		return (int)changed;
	db_stmt *st;
	int rc = db_query(d, &st, e, "SELECT state, version FROM reports WHERE id = $1", "l", id);
	if (rc)
		return rc;
	int state = RS_INVALID;
	if (db_step(st, e) == DB_ROW) {
		state = report_state_parse(db_col_text(st, 0));
		*version = (int)db_col_i64(st, 1);
	}
	db_finalize(st);
	if (changed)
		return 0;
	if (state != RS_DRAFT && state != RS_RETURNED)
		return report_state_refused(d, id, doing, e);
	return err_set(e, E_CONFLICT,
		       "Báo cáo vừa được người khác lưu (phiên bản %d) sau khi bạn mở phiên bản %lld; "
		       "nội dung của bạn chưa được lưu để không ghi đè lên họ",
		       *version, (long long)expected);
}

struct save_ctx {
	const actor *a;
	report *r;
	int64_t expected;
	struct report_content *c;
	int version;
};

static int save_tx(db *d, void *p, err *e)
{
	struct save_ctx *s = p;
	int rc = report_bump_version(d, s->a, s->r->id, s->expected, &s->version, "lưu báo cáo", e);
	arena *ar = arena_new();
	if (rc == 0)
		rc = write_content(d, ar, s->r->id, s->c, e);
	arena_free(ar);
	if (rc == 0)
		rc = report_audit(d, s->a, "update", s->r, s->r->state, s->version, NULL, e);
	return rc;
}

int report_save(db *d, const actor *a, int64_t id, int64_t expected_version,
		struct report_content *c, int *version, err *e)
{
	arena *ar = arena_new();
	report r;
	struct report_rights rt;
	stored_outline o;
	report_schema s;
	int rc = report_access(d, ar, a, id, &r, &rt, e);
	if (rc == 0)
		rc = report_require_own(&rt, e);
	if (rc == 0)
		rc = report_schema_load(d, ar, r.outline_id, &o, &s, e);
	if (rc == 0)
		rc = report_content_check(ar, &s, c, e);
	if (rc == 0 && expected_version < 1)
		rc = err_set(e, E_INVAL, "Cần cho biết phiên bản báo cáo đang sửa (\"version\")");
	struct save_ctx ctx = {a, &r, expected_version, c, r.version};
	if (rc == 0)
		rc = core_tx(d, e, save_tx, &ctx);
	if (version)
		*version = ctx.version;
	arena_free(ar);
	return rc;
}

/* ---- snapshots and history ---- */

static json_t *time_or_null(int64_t t)
{
	char s[32];
	if (!t)
		return json_null();
	local_iso(t, s);
	return json_string(s);
}

int report_snapshot(db *d, const actor *a, int64_t id, err *e)
{
	arena *ar = arena_new();
	report r;
	struct report_content c;
	attachment *files;
	size_t n_files;
	int rc = report_load(d, ar, id, &r, e);
	if (rc == 0)
		rc = report_content_load(d, ar, id, &c, e);
	if (rc == 0)
		rc = report_attachments(d, ar, id, &files, &n_files, e);
	if (rc == 0) {
		json_t *fj = json_array();
		for (size_t i = 0; i < n_files; i++)
			json_array_append_new(fj, json_pack("{s:I, s:s, s:I, s:s}", "id",
							     (json_int_t)files[i].id, "name", files[i].name,
							     "size", (json_int_t)files[i].size, "sha256",
							     files[i].sha256));
		json_t *j = json_pack("{s:I, s:I, s:I, s:i, s:s, s:o, s:o}", "id", (json_int_t)r.id,
				      "campaign_id", (json_int_t)r.campaign_id, "unit_id",
				      (json_int_t)r.unit_id, "version", r.version, "state",
				      report_state_name(r.state), "items", report_content_json(&c),
				      "attachments", fj);
		json_object_set_new(j, "submitted_at", time_or_null(r.submitted_at));
		char *snap = json_dumps(j, JSON_COMPACT);
		json_decref(j);
		int64_t k = db_run(d, e,
				   "INSERT INTO report_versions (report_id, version, snapshot, saved_by, saved_at)"
				   " VALUES ($1, $2, $3, NULLIF(CAST($4 AS BIGINT), 0), $5)"
				   " ON CONFLICT (report_id, version) DO NOTHING",
				   "litll", id, r.version, snap, a ? a->user_id : 0, now_unix());
		free(snap);
		rc = k < 0 ? (int)k : 0;
	}
	arena_free(ar);
	return rc;
}

int report_events(db *d, arena *ar, int64_t id, report_event **out, size_t *n, err *e)
{
	*out = NULL;
	*n = 0;
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  "SELECT ev.at, ev.user_id, COALESCE(NULLIF(u.full_name, ''), u.login, ''),"
			  " ev.event, ev.version, ev.reason, ev.late FROM report_events ev"
			  " LEFT JOIN users u ON u.id = ev.user_id WHERE ev.report_id = $1"
			  " ORDER BY ev.at, ev.id",
			  "l", id);
	if (rc)
		return rc;
	size_t cap = 0;
	while ((rc = db_step(st, e)) == DB_ROW) {
		*out = grow(ar, *out, *n, &cap, sizeof **out);
		report_event *v = &(*out)[(*n)++];
		v->at = db_col_i64(st, 0);
		v->user_id = db_col_null(st, 1) ? 0 : db_col_i64(st, 1);
		v->user_name = arena_strdup(ar, db_col_text(st, 2));
		v->event = arena_strdup(ar, db_col_text(st, 3));
		v->version = (int)db_col_i64(st, 4);
		v->reason = arena_strdup(ar, db_col_text(st, 5));
		v->late = db_col_null(st, 6) ? -1 : (int)db_col_i64(st, 6);
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

int report_versions(db *d, arena *ar, int64_t id, int **versions, int64_t **saved_at, size_t *n,
		    err *e)
{
	*versions = NULL;
	*saved_at = NULL;
	*n = 0;
	db_stmt *st;
	int rc = db_query(d, &st, e,
			  "SELECT version, saved_at FROM report_versions WHERE report_id = $1"
			  " ORDER BY version DESC",
			  "l", id);
	if (rc)
		return rc;
	size_t cap = 0, cap2 = 0;
	while ((rc = db_step(st, e)) == DB_ROW) {
		*versions = grow(ar, *versions, *n, &cap, sizeof **versions);
		*saved_at = grow(ar, *saved_at, *n, &cap2, sizeof **saved_at);
		(*versions)[*n] = (int)db_col_i64(st, 0);
		(*saved_at)[(*n)++] = db_col_i64(st, 1);
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

int report_version_get(db *d, arena *ar, const actor *a, int64_t id, int version, char **json,
		       int64_t *saved_at, err *e)
{
	report r;
	struct report_rights rt;
	int rc = report_access(d, ar, a, id, &r, &rt, e);
	db_stmt *st;
	if (rc == 0)
		rc = db_query(d, &st, e,
			      "SELECT snapshot, saved_at FROM report_versions"
			      " WHERE report_id = $1 AND version = $2",
			      "li", id, version);
	if (rc)
		return rc;
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		*json = arena_strdup(ar, db_col_text(st, 0));
		*saved_at = db_col_i64(st, 1);
		rc = 0;
	} else if (rc == DB_DONE) {
		rc = err_set(e, E_NOTFOUND, "Không có bản đã nộp ở phiên bản %d", version);
	}
	db_finalize(st);
	return rc;
}

char *report_last_return(db *d, arena *ar, int64_t id, int64_t *at)
{
	db_stmt *st;
	err e;
	char *reason = NULL;
	if (db_query(d, &st, &e,
		     "SELECT reason, at FROM report_events WHERE report_id = $1 AND event = 'return'"
		     " ORDER BY at DESC, id DESC LIMIT 1",
		     "l", id))
		return NULL;
	if (db_step(st, &e) == DB_ROW) {
		reason = arena_strdup(ar, db_col_text(st, 0));
		if (at)
			*at = db_col_i64(st, 1);
	}
	db_finalize(st);
	return reason;
}
