/*
 * db.c — engine dispatch, typed binding helpers, transactions, migrations.
 */
#include "db_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/embedded.h"

static bool is_pg_url(const char *t)
{
	return strncmp(t, "postgresql://", 13) == 0 || strncmp(t, "postgres://", 11) == 0;
}

int db_open(const char *target, db **out, err *e)
{
	*out = NULL;
	const struct db_driver *drv = is_pg_url(target) ? &db_pg_driver : &db_sqlite_driver;
	int rc = drv->open(target, out, e);
	if (rc == 0) {
		(*out)->drv = drv;
		(*out)->in_tx = false;
	}
	return rc;
}

void db_close(db *d)
{
	if (d)
		d->drv->close(d);
}

const char *db_engine(const db *d) { return d->drv->name; }
int db_exec(db *d, const char *sql, err *e) { return d->drv->exec(d, sql, e); }

int db_prepare(db *d, const char *sql, db_stmt **out, err *e)
{
	int rc = d->drv->prepare(d, sql, out, e);
	if (rc == 0) {
		(*out)->drv = d->drv;
		(*out)->owner = d;
	}
	return rc;
}

void db_bind_i64(db_stmt *st, int idx, int64_t v) { st->drv->bind_i64(st, idx, v); }
void db_bind_double(db_stmt *st, int idx, double v) { st->drv->bind_double(st, idx, v); }
void db_bind_null(db_stmt *st, int idx) { st->drv->bind_null(st, idx); }

void db_bind_text(db_stmt *st, int idx, const char *s)
{
	if (s)
		st->drv->bind_text(st, idx, s);
	else
		st->drv->bind_null(st, idx);
}

void db_bind_blob(db_stmt *st, int idx, const void *p, size_t n)
{
	st->drv->bind_blob(st, idx, p, n);
}

int db_step(db_stmt *st, err *e) { return st->drv->step(st, e); }
int db_col_count(db_stmt *st) { return st->drv->col_count(st); }
bool db_col_null(db_stmt *st, int col) { return st->drv->col_null(st, col); }
int64_t db_col_i64(db_stmt *st, int col) { return st->drv->col_i64(st, col); }
double db_col_double(db_stmt *st, int col) { return st->drv->col_double(st, col); }
const char *db_col_text(db_stmt *st, int col) { return st->drv->col_text(st, col); }

const void *db_col_blob(db_stmt *st, int col, size_t *n)
{
	return st->drv->col_blob(st, col, n);
}

int db_col_type(db_stmt *st, int col) { return st->drv->col_type(st, col); }
const char *db_col_name(db_stmt *st, int col) { return st->drv->col_name(st, col); }

void db_finalize(db_stmt *st)
{
	if (st)
		st->drv->finalize(st);
}

void db_reset(db_stmt *st) { st->drv->reset(st); }

int64_t db_changes(db *d) { return d->drv->changes(d); }
bool db_in_tx(const db *d) { return d->in_tx; }

int db_begin(db *d, err *e)
{
	if (d->in_tx)
		return err_set(e, E_INTERNAL, "nested transaction");
	int rc = d->drv->exec(d, d->drv->begin_sql, e);
	if (rc == 0)
		d->in_tx = true;
	return rc;
}

int db_begin_read(db *d, err *e)
{
	if (d->in_tx)
		return err_set(e, E_INTERNAL, "nested transaction");
	int rc = d->drv->exec(d, d->drv->begin_read_sql, e);
	if (rc == 0)
		d->in_tx = true;
	return rc;
}

int db_commit(db *d, err *e)
{
	int rc = d->drv->exec(d, "COMMIT", e);
	if (rc == 0)
		d->in_tx = false;
	else
		db_rollback(d);
	return rc;
}

void db_rollback(db *d)
{
	if (!d->in_tx)
		return;
	d->in_tx = false;
	err ignore;
	d->drv->exec(d, "ROLLBACK", &ignore);
}

/* ---- typed binding ---- */

static int vquery(db *d, db_stmt **out, err *e, const char *sql, const char *types, va_list ap)
{
	int rc = db_prepare(d, sql, out, e);
	if (rc)
		return rc;
	int idx = 1;
	for (const char *t = types ? types : ""; *t; t++, idx++) {
		switch (*t) {
		case 'i': db_bind_i64(*out, idx, va_arg(ap, int)); break;
		case 'l': db_bind_i64(*out, idx, va_arg(ap, int64_t)); break;
		case 'd': db_bind_double(*out, idx, va_arg(ap, double)); break;
		case 't': db_bind_text(*out, idx, va_arg(ap, const char *)); break;
		case 'b': {
			const void *p = va_arg(ap, const void *);
			size_t n = va_arg(ap, size_t);
			db_bind_blob(*out, idx, p, n);
			break;
		}
		case 'n': db_bind_null(*out, idx); break;
		default:
			db_finalize(*out);
			*out = NULL;
			return err_set(e, E_INTERNAL, "bad bind type '%c'", *t);
		}
	}
	return 0;
}

int db_query(db *d, db_stmt **out, err *e, const char *sql, const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	int rc = vquery(d, out, e, sql, types, ap);
	va_end(ap);
	return rc;
}

int64_t db_run(db *d, err *e, const char *sql, const char *types, ...)
{
	db_stmt *st;
	va_list ap;
	va_start(ap, types);
	int rc = vquery(d, &st, e, sql, types, ap);
	va_end(ap);
	if (rc)
		return rc;
	while ((rc = db_step(st, e)) == DB_ROW)
		;
	db_finalize(st);
	return rc < 0 ? rc : db_changes(d);
}

int db_get_i64(db *d, int64_t *out, err *e, const char *sql, const char *types, ...)
{
	db_stmt *st;
	va_list ap;
	va_start(ap, types);
	int rc = vquery(d, &st, e, sql, types, ap);
	va_end(ap);
	if (rc)
		return rc;
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		*out = db_col_i64(st, 0);
		rc = 0;
		/* drain so that INSERT … RETURNING completes on every engine */
		while (db_step(st, e) == DB_ROW)
			;
	} else if (rc == DB_DONE) {
		rc = err_set(e, E_NOTFOUND, "Không tìm thấy dữ liệu");
	}
	db_finalize(st);
	return rc;
}

/* ---- migrations ---- */

/* Replaces every {{TOKEN}} with the driver's text for it. */
static char *apply_dialect(const struct db_driver *drv, const char *sql)
{
	buf out = BUF_INIT;
	const char *p = sql;
	while (*p) {
		const char *open = strstr(p, "{{");
		if (!open) {
			buf_puts(&out, p);
			break;
		}
		buf_put(&out, p, (size_t)(open - p));
		const char *close = strstr(open, "}}");
		if (!close) {
			buf_puts(&out, open);
			break;
		}
		size_t n = (size_t)(close - open - 2);
		const char *rep = NULL;
		for (const char *const *kv = drv->dialect; kv[0]; kv += 2)
			if (strlen(kv[0]) == n && memcmp(kv[0], open + 2, n) == 0)
				rep = kv[1];
		if (rep)
			buf_puts(&out, rep);
		else
			buf_put(&out, open, (size_t)(close + 2 - open));
		p = close + 2;
	}
	return buf_detach(&out);
}

int db_schema_version(db *d)
{
	int64_t v = 0;
	err e;
	if (db_get_i64(d, &v, &e, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", NULL))
		return 0;
	return (int)v;
}

/* Applies one migration in its own transaction, unless another process
 * applied it since we looked (checked again under the write lock). */
static int apply_migration(db *d, const struct embedded_file *f, int version, err *e)
{
	int rc = db_begin(d, e);
	if (rc)
		return rc;
	int64_t done = 0;
	rc = db_get_i64(d, &done, e, "SELECT COUNT(*) FROM schema_migrations WHERE version = $1",
			"i", version);
	if (rc == 0 && done) {
		db_rollback(d);
		return 0;
	}
	if (rc == 0) {
		char *sql = apply_dialect(d->drv, f->data);
		rc = db_exec(d, sql, e);
		free(sql);
	}
	if (rc == 0)
		rc = (int)db_run(d, e,
				 "INSERT INTO schema_migrations(version, name, applied_at) "
				 "VALUES ($1, $2, $3)",
				 "itl", version, f->name, (int64_t)time(NULL));
	if (rc >= 0)
		rc = db_commit(d, e);
	else
		db_rollback(d);
	return rc < 0 ? rc : 0;
}

static int migrate_locked(db *d, err *e)
{
	/* An up-to-date schema needs no DDL at all, so that `thidua serve` may
	 * run as a role that can only read and write rows (docs/deploy.md):
	 * PostgreSQL refuses even CREATE TABLE IF NOT EXISTS without rights. */
	int have = db_schema_version(d);
	int rc = 0;
	if (have == 0)
		rc = db_exec(d,
			     "CREATE TABLE IF NOT EXISTS schema_migrations ("
			     " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)",
			     e);
	if (rc)
		return rc;
	for (const struct embedded_file *f = embedded_migrations; f->name; f++) {
		int version = atoi(f->name);
		if (version <= 0)
			return err_set(e, E_INTERNAL, "migration %s has no number", f->name);
		/* each version on its own: branches merged in any order may leave
		 * a lower number unapplied below the highest one */
		int64_t done = 0;
		if (have && version <= have &&
		    (rc = db_get_i64(d, &done, e, "SELECT COUNT(*) FROM schema_migrations WHERE version = $1",
				     "i", version)) != 0)
			return rc;
		if (done)
			continue;
		rc = apply_migration(d, f, version, e);
		if (rc < 0) {
			char msg[sizeof e->msg];
			snprintf(msg, sizeof msg, "%s", e->msg);
			return err_set(e, rc, "migration %s: %s", f->name, msg);
		}
	}
	return d->drv->after_migrate ? d->drv->after_migrate(d, e) : 0;
}

int db_migrate(db *d, err *e)
{
	if (d->in_tx)
		return err_set(e, E_INTERNAL, "db_migrate inside a transaction");
	int rc = 0;
	if (d->drv->migrate_lock_sql)
		rc = db_exec(d, d->drv->migrate_lock_sql, e);
	if (rc == 0)
		rc = migrate_locked(d, e);
	if (d->drv->migrate_unlock_sql) {
		/* the lock also ends with the session, should this fail */
		err ignore;
		db_exec(d, d->drv->migrate_unlock_sql, &ignore);
	}
	return rc;
}

/* ---- introspection ---- */

void db_free_names(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

void db_free_fkeys(struct db_fkey *keys, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(keys[i].table);
		free(keys[i].column);
		free(keys[i].ref_table);
		free(keys[i].ref_column);
	}
	free(keys);
}

int db_foreign_keys(db *d, struct db_fkey **keys, size_t *n, err *e)
{
	*keys = NULL;
	*n = 0;
	db_stmt *st;
	int rc = db_prepare(d, d->drv->fkeys_sql, &st, e);
	if (rc)
		return rc;
	size_t cap = 0;
	while ((rc = db_step(st, e)) == DB_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*keys = xrealloc(*keys, cap * sizeof **keys);
		}
		struct db_fkey *k = &(*keys)[(*n)++];
		const char *c[4];
		for (int i = 0; i < 4; i++)
			c[i] = db_col_text(st, i);
		k->table = xstrdup(c[0] ? c[0] : "");
		k->column = xstrdup(c[1] ? c[1] : "");
		k->ref_table = xstrdup(c[2] ? c[2] : "");
		k->ref_column = xstrdup(c[3] ? c[3] : "");
	}
	db_finalize(st);
	if (rc < 0) {
		db_free_fkeys(*keys, *n);
		*keys = NULL;
		*n = 0;
		return rc;
	}
	return 0;
}

static int index_of(char **names, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return (int)i;
	return -1;
}

int db_tables(db *d, char ***names, size_t *n, err *e)
{
	*names = NULL;
	*n = 0;
	char **all = NULL;
	size_t count = 0, cap = 0;
	struct db_fkey *keys = NULL;
	size_t nkeys = 0;
	bool *placed = NULL;
	db_stmt *st;
	int rc = db_prepare(d, d->drv->tables_sql, &st, e);
	if (rc)
		return rc;
	while ((rc = db_step(st, e)) == DB_ROW) {
		if (count == cap) {
			cap = cap ? cap * 2 : 16;
			all = xrealloc(all, cap * sizeof *all);
		}
		all[count++] = xstrdup(db_col_text(st, 0));
	}
	db_finalize(st);
	if (rc < 0)
		goto out;
	rc = db_foreign_keys(d, &keys, &nkeys, e);
	if (rc)
		goto out;

	/* Topological order, alphabetical among the tables ready at each step
	 * so that the order is the same on both engines. */
	char **sorted = xcalloc(count ? count : 1, sizeof *sorted);
	placed = xcalloc(count ? count : 1, sizeof *placed);
	size_t done = 0;
	while (done < count) {
		size_t pick = count;
		for (size_t i = 0; i < count && pick == count; i++) {
			if (placed[i])
				continue;
			bool ready = true;
			for (size_t k = 0; k < nkeys && ready; k++) {
				if (strcmp(keys[k].table, all[i]) != 0 ||
				    strcmp(keys[k].ref_table, all[i]) == 0)
					continue;
				int r = index_of(all, count, keys[k].ref_table);
				if (r >= 0 && !placed[r])
					ready = false;
			}
			if (ready)
				pick = i;
		}
		if (pick == count) {
			free(sorted);
			rc = err_set(e, E_INTERNAL,
				     "Các khóa ngoại tạo thành vòng giữa các bảng,"
				     " không xếp được thứ tự chép");
			goto out;
		}
		placed[pick] = true;
		sorted[done++] = all[pick];
	}
	free(all);
	all = NULL;
	*names = sorted;
	*n = count;
	rc = 0;
out:
	if (all)
		db_free_names(all, count);
	db_free_fkeys(keys, nkeys);
	free(placed);
	return rc;
}

int db_reset_ids(db *d, err *e)
{
	return d->drv->reset_ids ? d->drv->reset_ids(d, e) : 0;
}
