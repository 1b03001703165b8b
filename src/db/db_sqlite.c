/*
 * db_sqlite.c — the SQLite driver: WAL, foreign keys, busy timeout,
 * `$N` placeholders rewritten to `?N`.
 */
#include "db_int.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	struct db base;
	sqlite3 *h;
} sq_db;

typedef struct {
	struct db_stmt base;
	sqlite3_stmt *h;
	bool done;
	int bind_rc; /* first failed bind (e.g. SQLITE_RANGE), reported by step */
} sq_stmt;

static const char *const sq_dialect[] = {
	"ID", "INTEGER PRIMARY KEY AUTOINCREMENT",
	"BLOB", "BLOB",
	"TEXT_CI", "TEXT COLLATE NOCASE",
	NULL, NULL,
};

static int sq_error(sqlite3 *h, int rc, err *e)
{
	int base = rc & 0xff;
	int code = E_DB;
	if (base == SQLITE_CONSTRAINT)
		code = E_CONFLICT;
	else if (base == SQLITE_BUSY || base == SQLITE_LOCKED)
		code = E_UNAVAILABLE;
	else if (base == SQLITE_TOOBIG)
		code = E_TOOBIG;
	return err_set(e, code, "SQLite: %s", h ? sqlite3_errmsg(h) : sqlite3_errstr(rc));
}

static int sq_exec(db *d, const char *sql, err *e)
{
	sq_db *s = (sq_db *)d;
	char *msg = NULL;
	int rc = sqlite3_exec(s->h, sql, NULL, NULL, &msg);
	if (rc != SQLITE_OK) {
		int code = sq_error(s->h, rc, e);
		if (msg)
			err_set(e, code, "SQLite: %s", msg);
		sqlite3_free(msg);
		return code;
	}
	return 0;
}

static int sq_open(const char *target, db **out, err *e)
{
	sq_db *s = xcalloc(1, sizeof *s);
	int rc = sqlite3_open_v2(target, &s->h,
				 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		rc = err_set(e, E_IO, "Không mở được cơ sở dữ liệu %s: %s", target,
			     s->h ? sqlite3_errmsg(s->h) : sqlite3_errstr(rc));
		sqlite3_close(s->h);
		free(s);
		return rc;
	}
	sqlite3_busy_timeout(s->h, 10000);
	sqlite3_extended_result_codes(s->h, 1);
	*out = &s->base;
	rc = sq_exec(*out,
		     "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;"
		     " PRAGMA temp_store=MEMORY;",
		     e);
	if (rc) {
		sqlite3_close(s->h);
		free(s);
		*out = NULL;
	}
	return rc;
}

static void sq_close(db *d)
{
	sq_db *s = (sq_db *)d;
	sqlite3_close_v2(s->h);
	free(s);
}

/* `$12` → `?12`, outside string literals, quoted identifiers and comments
 * (a doubled quote inside a literal closes and reopens it, which copies the
 * same bytes). */
static char *rewrite_placeholders(const char *sql)
{
	buf b = BUF_INIT;
	for (const char *p = sql; *p;) {
		if (*p == '\'' || *p == '"') {
			char q = *p;
			const char *end = p + 1;
			while (*end && *end != q)
				end++;
			if (*end)
				end++;
			buf_put(&b, p, (size_t)(end - p));
			p = end;
		} else if (p[0] == '-' && p[1] == '-') {
			const char *end = strchr(p, '\n');
			end = end ? end : p + strlen(p);
			buf_put(&b, p, (size_t)(end - p));
			p = end;
		} else if (p[0] == '/' && p[1] == '*') {
			const char *end = strstr(p + 2, "*/");
			end = end ? end + 2 : p + strlen(p);
			buf_put(&b, p, (size_t)(end - p));
			p = end;
		} else if (*p == '$' && p[1] >= '0' && p[1] <= '9') {
			buf_putc(&b, '?');
			p++;
		} else {
			buf_putc(&b, *p++);
		}
	}
	return buf_detach(&b);
}

static int sq_prepare(db *d, const char *sql, db_stmt **out, err *e)
{
	sq_db *s = (sq_db *)d;
	char *q = rewrite_placeholders(sql);
	sqlite3_stmt *h = NULL;
	int rc = sqlite3_prepare_v2(s->h, q, -1, &h, NULL);
	free(q);
	if (rc != SQLITE_OK)
		return sq_error(s->h, rc, e);
	sq_stmt *st = xcalloc(1, sizeof *st);
	st->h = h;
	*out = &st->base;
	return 0;
}

#define H(st) (((sq_stmt *)(st))->h)

static void bound(db_stmt *st, int rc)
{
	sq_stmt *s = (sq_stmt *)st;
	if (rc != SQLITE_OK && s->bind_rc == SQLITE_OK)
		s->bind_rc = rc;
}

static void sq_bind_i64(db_stmt *st, int i, int64_t v)
{
	bound(st, sqlite3_bind_int64(H(st), i, v));
}

static void sq_bind_double(db_stmt *st, int i, double v)
{
	bound(st, sqlite3_bind_double(H(st), i, v));
}

static void sq_bind_null(db_stmt *st, int i) { bound(st, sqlite3_bind_null(H(st), i)); }

static void sq_bind_text(db_stmt *st, int i, const char *s)
{
	bound(st, sqlite3_bind_text(H(st), i, s, -1, SQLITE_TRANSIENT));
}

static void sq_bind_blob(db_stmt *st, int i, const void *p, size_t n)
{
	/* a zero-length blob is an empty value, not NULL, as on PostgreSQL */
	bound(st, sqlite3_bind_blob64(H(st), i, n ? p : "", n, SQLITE_TRANSIENT));
}

static int sq_step(db_stmt *st, err *e)
{
	sq_stmt *s = (sq_stmt *)st;
	if (s->done)
		return DB_DONE;
	if (s->bind_rc != SQLITE_OK) {
		s->done = true;
		if (s->bind_rc == SQLITE_TOOBIG)
			return err_set(e, E_TOOBIG, "SQLite: %s", sqlite3_errstr(s->bind_rc));
		return err_set(e, E_INTERNAL, "SQLite: bind: %s", sqlite3_errstr(s->bind_rc));
	}
	int rc = sqlite3_step(s->h);
	if (rc == SQLITE_ROW)
		return DB_ROW;
	s->done = true;
	if (rc == SQLITE_DONE)
		return DB_DONE;
	return sq_error(sqlite3_db_handle(s->h), rc, e);
}

static int sq_col_count(db_stmt *st) { return sqlite3_column_count(H(st)); }

static bool sq_col_null(db_stmt *st, int c)
{
	return sqlite3_column_type(H(st), c) == SQLITE_NULL;
}

static int64_t sq_col_i64(db_stmt *st, int c) { return sqlite3_column_int64(H(st), c); }
static double sq_col_double(db_stmt *st, int c) { return sqlite3_column_double(H(st), c); }

static const char *sq_col_text(db_stmt *st, int c)
{
	return (const char *)sqlite3_column_text(H(st), c);
}

static const void *sq_col_blob(db_stmt *st, int c, size_t *n)
{
	const void *p = sqlite3_column_blob(H(st), c);
	*n = (size_t)sqlite3_column_bytes(H(st), c);
	return p;
}

static int sq_col_type(db_stmt *st, int c)
{
	switch (sqlite3_column_type(H(st), c)) {
	case SQLITE_INTEGER: return DB_INT;
	case SQLITE_FLOAT: return DB_REAL;
	case SQLITE_TEXT: return DB_TEXT;
	case SQLITE_BLOB: return DB_BLOB;
	default: return DB_NULL;
	}
}

static const char *sq_col_name(db_stmt *st, int c) { return sqlite3_column_name(H(st), c); }

static void sq_finalize(db_stmt *st)
{
	sqlite3_finalize(H(st));
	free(st);
}

static void sq_reset(db_stmt *st)
{
	sq_stmt *s = (sq_stmt *)st;
	/* sqlite3_reset repeats the last step's error code, already reported */
	sqlite3_reset(s->h);
	sqlite3_clear_bindings(s->h);
	s->done = false;
	s->bind_rc = SQLITE_OK;
}

static int64_t sq_changes(db *d) { return sqlite3_changes64(((sq_db *)d)->h); }

const struct db_driver db_sqlite_driver = {
	.name = "sqlite",
	.dialect = sq_dialect,
	.open = sq_open,
	.close = sq_close,
	.exec = sq_exec,
	.prepare = sq_prepare,
	.bind_i64 = sq_bind_i64,
	.bind_double = sq_bind_double,
	.bind_text = sq_bind_text,
	.bind_blob = sq_bind_blob,
	.bind_null = sq_bind_null,
	.step = sq_step,
	.col_count = sq_col_count,
	.col_null = sq_col_null,
	.col_i64 = sq_col_i64,
	.col_double = sq_col_double,
	.col_text = sq_col_text,
	.col_blob = sq_col_blob,
	.col_type = sq_col_type,
	.col_name = sq_col_name,
	.finalize = sq_finalize,
	.reset = sq_reset,
	.changes = sq_changes,
	.begin_sql = "BEGIN IMMEDIATE",
	/* deferred: in WAL mode the first read fixes the snapshot and writers
	 * of other connections are not blocked */
	.begin_read_sql = "BEGIN",
	.tables_sql = "SELECT name FROM sqlite_master WHERE type = 'table'"
		      " AND name NOT LIKE 'sqlite!_%' ESCAPE '!' AND name <> 'schema_migrations'"
		      " ORDER BY name",
	/* "to" is NULL when the key names no column: then it is the primary key */
	.fkeys_sql = "SELECT m.name, f.\"from\", f.\"table\","
		     " COALESCE(f.\"to\", (SELECT p.name FROM pragma_table_info(f.\"table\") p"
		     "                    WHERE p.pk = f.seq + 1))"
		     " FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f"
		     " WHERE m.type = 'table' ORDER BY m.name, f.id, f.seq",
};
