/*
 * award_counts.c — the award counts summary (kept exact by every writer)
 * and the statistics read from it. See award_counts.h for what is counted.
 */
#include "award_counts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/units.h"

#define COUNT_KEY "ancestor_id, form_code, recipient_type, year, movement_id"
#define UPSERT                                                                                     \
	" ON CONFLICT (" COUNT_KEY ") DO UPDATE SET n = award_counts.n + excluded.n"

/* ---- maintenance ---- */

/* Ids per statement: the list is formatted into the SQL text (they are our
 * own integers), far below any statement-length limit. */
#define IDS_PER_STATEMENT 500

int award_counts_add_decisions(db *d, const int64_t *ids, size_t n, int sign, err *e)
{
	for (size_t i = 0; i < n; i += IDS_PER_STATEMENT) {
		buf sql = BUF_INIT;
		buf_printf(&sql,
			   "INSERT INTO award_counts (" COUNT_KEY ", n)"
			   " SELECT x.ancestor_id, a.form_code, a.recipient_type, a.year,"
			   " COALESCE(a.movement_id, 0), %d * COUNT(*)"
			   " FROM awards a JOIN unit_ancestors x ON x.unit_id = a.scope_unit_id"
			   " WHERE x.depth > 0 AND a.decision_id IN (",
			   sign < 0 ? -1 : 1);
		for (size_t k = i; k < n && k < i + IDS_PER_STATEMENT; k++)
			buf_printf(&sql, k > i ? ",%lld" : "%lld", (long long)ids[k]);
		/* SQLite needs the GROUP BY (or a WHERE) to tell the upsert's ON
		 * from a join's */
		buf_puts(&sql, ") GROUP BY x.ancestor_id, a.form_code, a.recipient_type, a.year,"
			       " COALESCE(a.movement_id, 0)" UPSERT);
		int64_t rc = db_run(d, e, buf_cstr(&sql), NULL);
		buf_free(&sql);
		if (rc < 0)
			return (int)rc;
	}
	if (sign < 0 && db_run(d, e, "DELETE FROM award_counts WHERE n = 0", NULL) < 0)
		return e->code;
	return 0;
}

/* Adds (sign 1) or removes (-1) the awards of unit `id`'s subtree at every
 * proper ancestor of `id`: exactly the counts a move changes, since the
 * ancestors inside the subtree move with it. */
static int move_counts(db *d, int64_t id, int sign, err *e)
{
	char sql[1024];
	snprintf(sql, sizeof sql,
		 "INSERT INTO award_counts (" COUNT_KEY ", n)"
		 " SELECT up.ancestor_id, a.form_code, a.recipient_type, a.year,"
		 " COALESCE(a.movement_id, 0), %d * COUNT(*)"
		 " FROM unit_ancestors sub JOIN awards a ON a.scope_unit_id = sub.unit_id"
		 " JOIN unit_ancestors up ON up.unit_id = $1 AND up.depth > 0"
		 " WHERE sub.ancestor_id = $1"
		 " GROUP BY up.ancestor_id, a.form_code, a.recipient_type, a.year,"
		 " COALESCE(a.movement_id, 0)" UPSERT,
		 sign);
	if (db_run(d, e, sql, "l", id) < 0)
		return e->code;
	if (sign < 0 && db_run(d, e, "DELETE FROM award_counts WHERE n = 0", NULL) < 0)
		return e->code;
	return 0;
}

int award_counts_detach(db *d, int64_t id, err *e) { return move_counts(d, id, -1, e); }
int award_counts_attach(db *d, int64_t id, err *e) { return move_counts(d, id, 1, e); }

#define RECOMPUTE                                                                                  \
	"SELECT x.ancestor_id, a.form_code, a.recipient_type, a.year,"                             \
	" COALESCE(a.movement_id, 0) AS movement_id, COUNT(*) AS n"                                \
	" FROM awards a JOIN unit_ancestors x ON x.unit_id = a.scope_unit_id WHERE x.depth > 0"    \
	" GROUP BY x.ancestor_id, a.form_code, a.recipient_type, a.year, COALESCE(a.movement_id, 0)"

int award_counts_rebuild(db *d, err *e)
{
	if (db_run(d, e, "DELETE FROM award_counts", NULL) < 0)
		return e->code;
	if (db_run(d, e, "INSERT INTO award_counts (" COUNT_KEY ", n) " RECOMPUTE, NULL) < 0)
		return e->code;
	return 0;
}

int award_counts_diff(db *d, int64_t *rows, err *e)
{
	return db_get_i64(d, rows, e,
			  "SELECT (SELECT COUNT(*) FROM (SELECT " COUNT_KEY ", n FROM award_counts"
			  "  EXCEPT SELECT * FROM (" RECOMPUTE ") r1) x1)"
			  " + (SELECT COUNT(*) FROM (SELECT * FROM (" RECOMPUTE ") r2"
			  "  EXCEPT SELECT " COUNT_KEY ", n FROM award_counts) x2)",
			  NULL);
}

/* ---- parsing the question ---- */

static const char *const key_names[AK_COUNT] = {"form", "recipient_type", "year",
						"unit", "movement", "period"};

const char *award_key_name(enum award_key k)
{
	return k < AK_COUNT ? key_names[k] : "";
}

static bool has_key(const struct award_stats_query *q, enum award_key k)
{
	for (size_t i = 0; i < q->n_keys; i++)
		if (q->keys[i] == k)
			return true;
	return false;
}

int award_stats_parse_by(const char *by, struct award_stats_query *q, err *e)
{
	q->n_keys = 0;
	if (!by || !*by)
		return 0;
	char *copy = xstrdup(by);
	int rc = 0;
	for (char *save = NULL, *tok = strtok_r(copy, ", ", &save); tok && rc == 0;
	     tok = strtok_r(NULL, ", ", &save)) {
		int k = -1;
		for (int i = 0; i < AK_COUNT; i++)
			if (strcmp(tok, key_names[i]) == 0)
				k = i;
		if (k < 0)
			rc = err_set(e, E_PARSE,
				     "Không thống kê được theo “%s”; dùng form, recipient_type, year, unit, movement, period",
				     tok);
		else if (has_key(q, (enum award_key)k))
			rc = err_set(e, E_PARSE, "“%s” được nêu hai lần trong by", tok);
		else
			q->keys[q->n_keys++] = (enum award_key)k;
	}
	free(copy);
	return rc;
}

int award_stats_parse_periods(const char *s, struct award_stats_query *q, err *e)
{
	q->n_periods = 0;
	if (!s || !*s)
		return 0;
	const char *p = s;
	while (*p) {
		int a, b, used = 0;
		if (sscanf(p, "%4d-%4d%n", &a, &b, &used) != 2 || a < 1945 || b > 2100 || a > b)
			return err_set(e, E_PARSE,
				       "Giai đoạn phải viết dạng 2011-2015,2016-2020 (năm từ 1945 đến 2100)");
		if (q->n_periods == AWARD_MAX_PERIODS)
			return err_set(e, E_PARSE, "Tối đa %d giai đoạn", AWARD_MAX_PERIODS);
		for (size_t i = 0; i < q->n_periods; i++)
			if (a <= q->periods[i].to && b >= q->periods[i].from)
				return err_set(e, E_PARSE, "Các giai đoạn không được chồng lên nhau");
		q->periods[q->n_periods++] = (struct award_period){a, b};
		p += used;
		if (*p == ',')
			p++;
		else if (*p)
			return err_set(e, E_PARSE, "Giai đoạn phải viết dạng 2011-2015,2016-2020");
	}
	if (!has_key(q, AK_PERIOD))
		q->keys[q->n_keys++] = AK_PERIOD;
	return 0;
}

const char *award_period_label(arena *ar, const struct award_period *p)
{
	return arena_printf(ar, "%d-%d", p->from, p->to);
}

/* ---- the query ---- */

/* Columns of one source of counts, and the filter on it. `t` is the alias
 * of the table read (award_counts s, or awards a). */
static void source_filters(buf *b, const char *t, const struct award_stats_query *q, int lo, int hi)
{
	if (lo)
		buf_printf(b, " AND %s.year >= %d", t, lo);
	if (hi)
		buf_printf(b, " AND %s.year <= %d", t, hi);
	if (q->movement_id)
		buf_printf(b, " AND %s.movement_id = %lld", t, (long long)q->movement_id);
	/* always named, so that the statement has every bound parameter */
	buf_printf(b, " AND ($2 = '' OR %s.form_code = $2) AND ($3 = '' OR %s.recipient_type = $3)", t,
		   t);
}

/* The year window: from/to narrowed by the periods' span. */
static void year_window(const struct award_stats_query *q, int *lo, int *hi)
{
	*lo = q->from;
	*hi = q->to;
	if (q->n_periods) {
		int pl = q->periods[0].from, ph = q->periods[0].to;
		for (size_t i = 1; i < q->n_periods; i++) {
			if (q->periods[i].from < pl)
				pl = q->periods[i].from;
			if (q->periods[i].to > ph)
				ph = q->periods[i].to;
		}
		if (!*lo || pl > *lo)
			*lo = pl;
		if (!*hi || ph < *hi)
			*hi = ph;
	}
}

/*
 * One SELECT summing three sources of (bucket, form, type, year, movement,
 * n): the summary rows of the subtree root (or of each child, when counts
 * are asked per unit), and the awards counted directly under the root (and
 * under each child). Every source is an index range. Only the dimensions
 * asked for are grouped on (year too when periods fold years), the others
 * read as constants: grouping on fewer, narrower columns is what keeps a
 * question about the whole country fast. The C side folds the periods.
 */
static char *stats_sql(const struct award_stats_query *q)
{
	int lo, hi;
	year_window(q, &lo, &hi);
	bool per_unit = has_key(q, AK_UNIT);
	const char *cols[5] = {
		per_unit ? "bucket" : NULL,
		has_key(q, AK_FORM) ? "form_code" : NULL,
		has_key(q, AK_TYPE) ? "recipient_type" : NULL,
		has_key(q, AK_YEAR) || q->n_periods ? "year" : NULL,
		has_key(q, AK_MOVEMENT) ? "movement_id" : NULL,
	};
	const char *blank[5] = {"0", "''", "''", "0", "0"};
	buf b = BUF_INIT;
	buf_puts(&b, "SELECT ");
	for (int i = 0; i < 5; i++)
		buf_printf(&b, "%s, ", cols[i] ? cols[i] : blank[i]);
	buf_puts(&b, "SUM(n) FROM (");
	if (per_unit) {
		buf_puts(&b, "SELECT c.id AS bucket, s.form_code, s.recipient_type, s.year,"
			     " s.movement_id, s.n FROM units c JOIN award_counts s ON s.ancestor_id = c.id"
			     " WHERE c.parent_id = $1");
		source_filters(&b, "s", q, lo, hi);
		buf_puts(&b, " UNION ALL SELECT a.scope_unit_id, a.form_code, a.recipient_type, a.year,"
			     " COALESCE(a.movement_id, 0), 1 FROM units c JOIN awards a"
			     " ON a.scope_unit_id = c.id WHERE c.parent_id = $1");
		source_filters(&b, "a", q, lo, hi);
	} else {
		buf_puts(&b, "SELECT s.ancestor_id AS bucket, s.form_code, s.recipient_type, s.year,"
			     " s.movement_id, s.n FROM award_counts s WHERE s.ancestor_id = $1");
		source_filters(&b, "s", q, lo, hi);
	}
	buf_puts(&b, " UNION ALL SELECT a.scope_unit_id, a.form_code, a.recipient_type, a.year,"
		     " COALESCE(a.movement_id, 0), 1 FROM awards a WHERE a.scope_unit_id = $1");
	source_filters(&b, "a", q, lo, hi);
	buf_puts(&b, ") src");
	bool first = true;
	for (int i = 0; i < 5; i++)
		if (cols[i]) {
			buf_printf(&b, "%s%s", first ? " GROUP BY " : ", ", cols[i]);
			first = false;
		}
	return buf_detach(&b);
}

/* Sort context: catalogue positions of forms, and the asked key order. */
struct sort_ctx {
	const struct award_stats_query *q;
	const award_form *forms;
	size_t n_forms;
};

static _Thread_local const struct sort_ctx *sorting;

static int form_rank(const char *code)
{
	for (size_t i = 0; i < sorting->n_forms; i++)
		if (strcmp(sorting->forms[i].code, code) == 0)
			return (int)i;
	return (int)sorting->n_forms;
}

static int type_rank(const char *t)
{
	return strcmp(t, "collective") == 0 ? 0 : strcmp(t, "household") == 0 ? 1 : 2;
}

static int cmp_key(const struct award_stat_row *x, const struct award_stat_row *y, enum award_key k)
{
	long long a = 0, b = 0;
	switch (k) {
	case AK_FORM: a = form_rank(x->form); b = form_rank(y->form); break;
	case AK_TYPE: a = type_rank(x->recipient_type); b = type_rank(y->recipient_type); break;
	case AK_YEAR: a = x->year; b = y->year; break;
	case AK_UNIT: a = x->unit_id; b = y->unit_id; break;
	case AK_MOVEMENT: a = x->movement_id; b = y->movement_id; break;
	case AK_PERIOD: a = x->period; b = y->period; break;
	default: break;
	}
	return a < b ? -1 : a > b;
}

static int cmp_rows(const void *px, const void *py)
{
	const struct award_stat_row *x = px, *y = py;
	for (size_t i = 0; i < sorting->q->n_keys; i++) {
		int c = cmp_key(x, y, sorting->q->keys[i]);
		if (c)
			return c;
	}
	return 0;
}

/* Blanks the dimensions not asked for, so equal rows can be merged. */
static void project(const struct award_stats_query *q, struct award_stat_row *r)
{
	if (!has_key(q, AK_FORM))
		r->form = "";
	if (!has_key(q, AK_TYPE))
		r->recipient_type = "";
	if (!has_key(q, AK_YEAR))
		r->year = 0;
	if (!has_key(q, AK_UNIT))
		r->unit_id = 0;
	if (!has_key(q, AK_MOVEMENT))
		r->movement_id = 0;
	if (!has_key(q, AK_PERIOD))
		r->period = 0;
}

static int period_of(const struct award_stats_query *q, int year)
{
	for (size_t i = 0; i < q->n_periods; i++)
		if (year >= q->periods[i].from && year <= q->periods[i].to)
			return (int)i;
	return -1;
}

/* Sorts by the asked keys and merges neighbours with equal keys. */
static size_t fold(const struct sort_ctx *ctx, struct award_stat_row *v, size_t n)
{
	if (n == 0)
		return 0; /* v is NULL: no rows were read */
	sorting = ctx;
	qsort(v, n, sizeof *v, cmp_rows);
	size_t out = 0;
	for (size_t i = 0; i < n; i++) {
		if (out && cmp_rows(&v[out - 1], &v[i]) == 0)
			v[out - 1].count += v[i].count;
		else
			v[out++] = v[i];
	}
	sorting = NULL;
	return out;
}

/* A name by id, from a one-column query; "" when absent. */
static const char *name_of(db *d, arena *ar, const char *sql, int64_t id)
{
	db_stmt *st;
	err e;
	const char *out = "";
	if (db_query(d, &st, &e, sql, "l", id))
		return out;
	if (db_step(st, &e) == DB_ROW)
		out = arena_strdup(ar, db_col_text(st, 0));
	db_finalize(st);
	return out;
}

/* Names already looked up, by id: a handful of units or movements. */
struct names {
	int64_t *ids;
	const char **names;
	size_t n, cap;
};

static const char *cached_name(db *d, arena *ar, struct names *c, const char *sql, int64_t id)
{
	for (size_t k = 0; k < c->n; k++)
		if (c->ids[k] == id)
			return c->names[k];
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 32;
		c->ids = xrealloc(c->ids, c->cap * sizeof *c->ids);
		c->names = xrealloc(c->names, c->cap * sizeof *c->names);
	}
	c->ids[c->n] = id;
	return c->names[c->n++] = name_of(d, ar, sql, id);
}

/* Fills the rows' names, each unit and movement looked up once. */
static void label_rows(db *d, arena *ar, const struct award_stats_query *q, const award_form *forms,
		       size_t n_forms, struct award_stat_row *v, size_t n)
{
	struct names units = {0}, movements = {0};
	for (size_t i = 0; i < n; i++) {
		struct award_stat_row *r = &v[i];
		if (has_key(q, AK_FORM))
			for (size_t k = 0; k < n_forms && !r->form_name; k++)
				if (strcmp(forms[k].code, r->form) == 0)
					r->form_name = forms[k].name;
		if (has_key(q, AK_UNIT))
			r->unit_name = cached_name(d, ar, &units, "SELECT name FROM units WHERE id = $1",
						   r->unit_id);
		if (has_key(q, AK_MOVEMENT) && r->movement_id)
			r->movement_title = cached_name(d, ar, &movements,
							"SELECT title FROM movements WHERE id = $1",
							r->movement_id);
	}
	free(units.ids);
	free(units.names);
	free(movements.ids);
	free(movements.names);
}

int award_stats(db *d, arena *ar, const actor *a, const struct award_stats_query *q,
		struct award_stat_row **rows, size_t *n, err *e)
{
	*rows = NULL;
	*n = 0;
	int64_t root = q->unit_id ? q->unit_id : a->unit_id;
	if (!unit_visible(d, a, root))
		return err_set(e, E_NOTFOUND, "Không tìm thấy đơn vị");
	award_form *forms;
	size_t n_forms;
	int rc = award_forms_list(d, ar, NULL, &forms, &n_forms, e);
	if (rc)
		return rc;
	char *sql = stats_sql(q);
	db_stmt *st;
	/* a read snapshot: the summary and the awards agree with each other */
	bool tx = !db_in_tx(d);
	if (tx && (rc = db_begin_read(d, e))) {
		free(sql);
		return rc;
	}
	rc = db_query(d, &st, e, sql, "ltt", root, q->form ? q->form : "",
		      q->recipient_type ? q->recipient_type : "");
	free(sql);
	if (rc) {
		if (tx)
			db_rollback(d);
		return rc;
	}
	size_t cap = 0;
	struct award_stat_row *v = NULL;
	while ((rc = db_step(st, e)) == DB_ROW) {
		struct award_stat_row r = {0};
		r.unit_id = db_col_i64(st, 0);
		r.form = arena_strdup(ar, db_col_text(st, 1));
		r.recipient_type = arena_strdup(ar, db_col_text(st, 2));
		r.year = (int)db_col_i64(st, 3);
		r.movement_id = db_col_i64(st, 4);
		r.count = db_col_i64(st, 5);
		rc = 0;
		if (r.count == 0) /* the total of nothing (no by-keys, no awards) */
			continue;
		if (q->n_periods && (r.period = period_of(q, r.year)) < 0)
			continue;
		project(q, &r);
		if (*n == cap) {
			cap = cap ? cap * 2 : 256;
			v = xrealloc(v, cap * sizeof *v);
		}
		v[(*n)++] = r;
	}
	if (rc == DB_DONE)
		rc = 0;
	db_finalize(st);
	if (tx)
		db_rollback(d);
	if (rc == 0) {
		struct sort_ctx ctx = {q, forms, n_forms};
		*n = fold(&ctx, v, *n);
		*rows = arena_alloc(ar, (*n ? *n : 1) * sizeof **rows);
		if (*n)
			memcpy(*rows, v, *n * sizeof *v);
		label_rows(d, ar, q, forms, n_forms, *rows, *n);
	} else {
		*n = 0;
	}
	free(v);
	return rc;
}
