/*
 * db_copy.c — copies a whole database into another, engine to engine
 * (`thidua db copy`): SQLite → PostgreSQL when a province outgrows one
 * machine, and back. Everything engine-specific (which tables exist, their
 * foreign keys, identity sequences) comes from the driver; this file only
 * moves typed values through the ordinary db.h calls.
 */
#include "db_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One value held between reading it from src and binding it on dst. */
struct val {
	int type; /* enum db_type */
	int64_t i;
	double d;
	char *p; /* text (NUL-terminated) or blob bytes */
	size_t n;
};

/* Rows per INSERT: many rows per statement save round trips to a server;
 * the caps keep below SQLite's 32766 parameters and bound the memory held. */
#define BATCH_ROWS 500
#define BATCH_PARAMS 30000
#define BATCH_BYTES (16u << 20)

static void val_read(struct val *v, db_stmt *st, int c)
{
	memset(v, 0, sizeof *v);
	v->type = db_col_type(st, c);
	switch (v->type) {
	case DB_INT: v->i = db_col_i64(st, c); break;
	case DB_REAL: v->d = db_col_double(st, c); break;
	case DB_TEXT: {
		const char *t = db_col_text(st, c);
		v->p = xstrdup(t ? t : "");
		v->n = strlen(v->p);
		break;
	}
	case DB_BLOB: {
		size_t n = 0;
		const void *b = db_col_blob(st, c, &n);
		v->p = xmalloc(n ? n : 1);
		if (n)
			memcpy(v->p, b, n);
		v->n = n;
		break;
	}
	default: break;
	}
}

static void val_bind(db_stmt *st, int idx, const struct val *v)
{
	switch (v->type) {
	case DB_INT: db_bind_i64(st, idx, v->i); break;
	case DB_REAL: db_bind_double(st, idx, v->d); break;
	case DB_TEXT: db_bind_text(st, idx, v->p); break;
	case DB_BLOB: db_bind_blob(st, idx, v->p, v->n); break;
	default: db_bind_null(st, idx); break;
	}
}

static void val_free(struct val *v)
{
	free(v->p);
	memset(v, 0, sizeof *v);
}

static void put_ident(buf *b, const char *name)
{
	buf_putc(b, '"');
	for (const char *p = name; *p; p++) {
		if (*p == '"')
			buf_putc(b, '"');
		buf_putc(b, *p);
	}
	buf_putc(b, '"');
}

static int count_rows(db *d, const char *table, int64_t *out, err *e)
{
	buf sql = BUF_INIT;
	buf_puts(&sql, "SELECT COUNT(*) FROM ");
	put_ident(&sql, table);
	int rc = db_get_i64(d, out, e, buf_cstr(&sql), NULL);
	buf_free(&sql);
	return rc;
}

static int find_name(char **names, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return (int)i;
	return -1;
}

/* A column of the table that references the same table (units.parent_id →
 * units.id). Its values are inserted as NULL and set afterwards when the
 * referenced row may not be there yet. */
struct selfref {
	int col, ref;            /* column indexes in the SELECT */
	const char *name, *ref_name;
	struct val *later;       /* pairs (value, key) to UPDATE afterwards */
	size_t nlater, caplater;
};

struct table_copy {
	db *src, *dst;
	const char *table;
	int ncols;
	char **cols;
	struct selfref *self;
	size_t nself;
	struct val *rows; /* ncols values per buffered row */
	size_t nrows, bytes;
	size_t max_rows;
};

static int flush_rows(struct table_copy *t, err *e)
{
	if (t->nrows == 0)
		return 0;
	buf sql = BUF_INIT;
	buf_puts(&sql, "INSERT INTO ");
	put_ident(&sql, t->table);
	buf_puts(&sql, " (");
	for (int c = 0; c < t->ncols; c++) {
		if (c)
			buf_puts(&sql, ", ");
		put_ident(&sql, t->cols[c]);
	}
	buf_puts(&sql, ") VALUES ");
	int idx = 1;
	for (size_t r = 0; r < t->nrows; r++) {
		buf_puts(&sql, r ? ", (" : "(");
		for (int c = 0; c < t->ncols; c++)
			buf_printf(&sql, c ? ", $%d" : "$%d", idx++);
		buf_putc(&sql, ')');
	}
	db_stmt *st;
	int rc = db_prepare(t->dst, buf_cstr(&sql), &st, e);
	buf_free(&sql);
	if (rc == 0) {
		idx = 1;
		for (size_t r = 0; r < t->nrows; r++)
			for (int c = 0; c < t->ncols; c++)
				val_bind(st, idx++, &t->rows[r * (size_t)t->ncols + (size_t)c]);
		rc = db_step(st, e);
		db_finalize(st);
	}
	for (size_t i = 0; i < t->nrows * (size_t)t->ncols; i++)
		val_free(&t->rows[i]);
	t->nrows = 0;
	t->bytes = 0;
	return rc < 0 ? rc : 0;
}

/* Keeps a self-reference in the row when the referenced row is already
 * inserted: rows come ordered by the first self-reference's key, so an
 * integer value below the row's own key is in place; anything else waits. */
static void hold_selfref(struct table_copy *t, struct val *row)
{
	for (size_t s = 0; s < t->nself; s++) {
		struct selfref *sr = &t->self[s];
		struct val *v = &row[sr->col], *key = &row[sr->ref];
		if (v->type == DB_NULL)
			continue;
		if (s == 0 && v->type == DB_INT && key->type == DB_INT && v->i < key->i)
			continue;
		if (sr->nlater + 2 > sr->caplater) {
			sr->caplater = sr->caplater ? sr->caplater * 2 : 64;
			sr->later = xrealloc(sr->later, sr->caplater * sizeof *sr->later);
		}
		sr->later[sr->nlater++] = *v; /* takes ownership */
		struct val *k = &sr->later[sr->nlater++];
		*k = *key;
		if (key->p) {
			k->p = xmalloc(key->n + 1);
			memcpy(k->p, key->p, key->n);
			k->p[key->n] = '\0';
		}
		memset(v, 0, sizeof *v); /* DB_NULL */
	}
}

static int apply_selfrefs(struct table_copy *t, err *e)
{
	int rc = 0;
	for (size_t s = 0; s < t->nself; s++) {
		struct selfref *sr = &t->self[s];
		if (!sr->nlater)
			continue;
		buf sql = BUF_INIT;
		buf_puts(&sql, "UPDATE ");
		put_ident(&sql, t->table);
		buf_puts(&sql, " SET ");
		put_ident(&sql, sr->name);
		buf_puts(&sql, " = $1 WHERE ");
		put_ident(&sql, sr->ref_name);
		buf_puts(&sql, " = $2");
		for (size_t i = 0; rc == 0 && i < sr->nlater; i += 2) {
			db_stmt *st;
			rc = db_prepare(t->dst, buf_cstr(&sql), &st, e);
			if (rc)
				break;
			val_bind(st, 1, &sr->later[i]);
			val_bind(st, 2, &sr->later[i + 1]);
			rc = db_step(st, e);
			db_finalize(st);
			if (rc >= 0 && db_changes(t->dst) != 1)
				rc = err_set(e, E_INTERNAL, "%s.%s: không xác định được dòng được tham chiếu",
					     t->table, sr->name);
			rc = rc < 0 ? rc : 0;
		}
		buf_free(&sql);
	}
	return rc;
}

static int copy_table(db *src, db *dst, const char *table, struct db_fkey *keys, size_t nkeys,
		      err *e)
{
	struct table_copy t = {.src = src, .dst = dst, .table = table};
	/* the first self-reference's key orders the rows (see hold_selfref) */
	const char *order = NULL;
	for (size_t k = 0; k < nkeys && !order; k++)
		if (strcmp(keys[k].table, table) == 0 && strcmp(keys[k].ref_table, table) == 0)
			order = keys[k].ref_column;
	buf sql = BUF_INIT;
	buf_puts(&sql, "SELECT * FROM ");
	put_ident(&sql, table);
	if (order) {
		buf_puts(&sql, " ORDER BY ");
		put_ident(&sql, order);
	}
	db_stmt *st;
	int rc = db_prepare(src, buf_cstr(&sql), &st, e);
	buf_free(&sql);
	if (rc)
		return rc;
	while ((rc = db_step(st, e)) == DB_ROW) {
		if (!t.cols) { /* names are known once a row is there, on every engine */
			t.ncols = db_col_count(st);
			t.cols = xcalloc((size_t)t.ncols, sizeof *t.cols);
			for (int c = 0; c < t.ncols; c++)
				t.cols[c] = xstrdup(db_col_name(st, c));
			size_t by_params = BATCH_PARAMS / (size_t)(t.ncols ? t.ncols : 1);
			t.max_rows = by_params < BATCH_ROWS ? by_params : BATCH_ROWS;
			if (t.max_rows < 1)
				t.max_rows = 1;
			t.rows = xcalloc(t.max_rows * (size_t)t.ncols, sizeof *t.rows);
			for (size_t k = 0; k < nkeys; k++) {
				if (strcmp(keys[k].table, table) || strcmp(keys[k].ref_table, table))
					continue;
				int c = find_name(t.cols, (size_t)t.ncols, keys[k].column);
				int r = find_name(t.cols, (size_t)t.ncols, keys[k].ref_column);
				if (c < 0 || r < 0)
					continue;
				t.self = xrealloc(t.self, (t.nself + 1) * sizeof *t.self);
				t.self[t.nself++] = (struct selfref){.col = c, .ref = r,
								      .name = keys[k].column,
								      .ref_name = keys[k].ref_column};
			}
		}
		struct val *row = &t.rows[t.nrows * (size_t)t.ncols];
		for (int c = 0; c < t.ncols; c++) {
			val_read(&row[c], st, c);
			t.bytes += row[c].n;
		}
		hold_selfref(&t, row);
		if (++t.nrows == t.max_rows || t.bytes >= BATCH_BYTES) {
			rc = flush_rows(&t, e);
			if (rc)
				break;
		}
	}
	db_finalize(st);
	if (rc == DB_DONE)
		rc = flush_rows(&t, e);
	if (rc == 0)
		rc = apply_selfrefs(&t, e);

	for (size_t i = 0; i < t.nrows * (size_t)t.ncols; i++)
		val_free(&t.rows[i]);
	free(t.rows);
	for (size_t s = 0; s < t.nself; s++) {
		for (size_t i = 0; i < t.self[s].nlater; i++)
			val_free(&t.self[s].later[i]);
		free(t.self[s].later);
	}
	free(t.self);
	for (int c = 0; c < t.ncols; c++)
		free(t.cols[c]);
	free(t.cols);
	if (rc < 0) {
		char msg[sizeof e->msg];
		snprintf(msg, sizeof msg, "%s", e->msg);
		err_set(e, rc, "Bảng %s: %s", table, msg);
	}
	return rc < 0 ? rc : 0;
}

/* Row counts of a freshly migrated database: what the migrations insert
 * (reference data such as unit_kinds) is not user data. Migrations are
 * portable, so an in-memory SQLite database tells it for every engine.
 * A table the migrations do not create starts empty. */
static int pristine_counts(char **tables, size_t n, int64_t *out, err *e)
{
	db *mem;
	char **have = NULL;
	size_t nhave = 0;
	int rc = db_open(":memory:", &mem, e);
	if (rc)
		return rc;
	rc = db_migrate(mem, e);
	if (rc == 0)
		rc = db_tables(mem, &have, &nhave, e);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		out[i] = 0;
		if (find_name(have, nhave, tables[i]) >= 0)
			rc = count_rows(mem, tables[i], &out[i], e);
	}
	db_free_names(have, nhave);
	db_close(mem);
	return rc;
}

void db_free_counts(struct db_copy_count *counts, size_t n)
{
	for (size_t i = 0; counts && i < n; i++)
		free(counts[i].table);
	free(counts);
}

static bool same_tables(char **a, size_t na, char **b, size_t nb)
{
	if (na != nb)
		return false;
	for (size_t i = 0; i < na; i++)
		if (find_name(b, nb, a[i]) < 0)
			return false;
	return true;
}

int db_copy(db *src, db *dst, struct db_copy_count **counts, size_t *ncounts, err *e)
{
	*counts = NULL;
	*ncounts = 0;
	char **tables = NULL, **dst_tables = NULL;
	size_t n = 0, ndst = 0, nkeys = 0;
	struct db_fkey *keys = NULL;
	int64_t *seed = NULL;
	bool reading = false;

	int rc = db_migrate(dst, e);
	if (rc)
		goto out;
	int vs = db_schema_version(src), vd = db_schema_version(dst);
	if (vs != vd) {
		rc = err_set(e, E_CONFLICT,
			     "Nguồn ở phiên bản lược đồ %d, đích ở phiên bản %d: hãy chạy "
			     "`thidua init` với cơ sở dữ liệu nguồn bằng cùng phiên bản thidua",
			     vs, vd);
		goto out;
	}
	if ((rc = db_tables(src, &tables, &n, e)) || (rc = db_tables(dst, &dst_tables, &ndst, e)) ||
	    (rc = db_foreign_keys(src, &keys, &nkeys, e)))
		goto out;
	if (!same_tables(tables, n, dst_tables, ndst)) {
		rc = err_set(e, E_CONFLICT, "Nguồn và đích không có cùng các bảng");
		goto out;
	}

	seed = xcalloc(n ? n : 1, sizeof *seed);
	if ((rc = pristine_counts(tables, n, seed, e)))
		goto out;
	for (size_t i = 0; i < n; i++) {
		int64_t have = 0;
		if ((rc = count_rows(dst, tables[i], &have, e)))
			goto out;
		if (have != seed[i]) {
			rc = err_set(e, E_CONFLICT,
				     "Cơ sở dữ liệu đích đã có dữ liệu (bảng %s: %lld dòng); "
				     "chỉ chép vào một cơ sở dữ liệu trống",
				     tables[i], (long long)have);
			goto out;
		}
	}

	if ((rc = db_begin_read(src, e)))
		goto out;
	reading = true;
	if ((rc = db_begin(dst, e)))
		goto out;
	/* the migrations' reference rows make way for the source's own */
	for (size_t i = n; rc == 0 && i-- > 0;) {
		if (!seed[i])
			continue;
		buf sql = BUF_INIT;
		buf_puts(&sql, "DELETE FROM ");
		put_ident(&sql, tables[i]);
		rc = (int)db_run(dst, e, buf_cstr(&sql), NULL);
		rc = rc < 0 ? rc : 0;
		buf_free(&sql);
	}
	for (size_t i = 0; rc == 0 && i < n; i++)
		rc = copy_table(src, dst, tables[i], keys, nkeys, e);
	if (rc == 0)
		rc = db_commit(dst, e);
	else
		db_rollback(dst);
	if (rc == 0)
		rc = db_reset_ids(dst, e);

out:
	/* counts on both sides, also after a failure when they can be read */
	if (tables && n) {
		*counts = xcalloc(n, sizeof **counts);
		*ncounts = n;
		err ignore;
		bool differ = false;
		for (size_t i = 0; i < n; i++) {
			(*counts)[i].table = xstrdup(tables[i]);
			(*counts)[i].src = (*counts)[i].dst = -1;
			count_rows(src, tables[i], &(*counts)[i].src, &ignore);
			count_rows(dst, tables[i], &(*counts)[i].dst, &ignore);
			differ |= (*counts)[i].src != (*counts)[i].dst;
		}
		if (rc == 0 && differ)
			rc = err_set(e, E_CONFLICT, "Số dòng của nguồn và đích không khớp");
	}
	if (reading)
		db_rollback(src);
	free(seed);
	db_free_fkeys(keys, nkeys);
	db_free_names(tables, n);
	db_free_names(dst_tables, ndst);
	return rc;
}
