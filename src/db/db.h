/*
 * db.h — the storage interface. Core code talks only to this header; the
 * SQLite and PostgreSQL drivers live behind it (DESIGN §4).
 *
 * SQL text is portable: `$1..$n` placeholders (the SQLite driver rewrites
 * them), `INSERT … ON CONFLICT … DO UPDATE`, `RETURNING`. Times are stored as
 * BIGINT Unix seconds computed in C, dates as TEXT 'YYYY-MM-DD', booleans as
 * INTEGER 0/1, so no engine-specific functions are needed in queries.
 *
 * A connection belongs to one thread at a time. Nested transactions are not
 * supported: db_begin() while a transaction is open is an error.
 */
#ifndef THIDUA_DB_H
#define THIDUA_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/util.h"

typedef struct db db;
typedef struct db_stmt db_stmt;

enum { DB_DONE = 0, DB_ROW = 1 };

/* Storage class of one value, as db_col_type() reports it. */
enum db_type { DB_NULL = 0, DB_INT, DB_REAL, DB_TEXT, DB_BLOB };

/* target: "postgresql://…" / "postgres://…" selects PostgreSQL; anything
 * else is the path of a SQLite database file (created if absent). */
int db_open(const char *target, db **out, err *e);
void db_close(db *d);
/* "sqlite" or "postgresql" — for logs and diagnostics, never for branching. */
const char *db_engine(const db *d);

/* Runs SQL text holding one or more statements without parameters. */
int db_exec(db *d, const char *sql, err *e);

int db_prepare(db *d, const char *sql, db_stmt **out, err *e);
/* Parameters are 1-based. Text is copied; NULL text binds SQL NULL. A
 * parameter the statement does not have makes db_step() fail (E_INTERNAL):
 * a type string that does not match the SQL is a bug worth seeing. */
void db_bind_i64(db_stmt *st, int idx, int64_t v);
void db_bind_double(db_stmt *st, int idx, double v);
void db_bind_text(db_stmt *st, int idx, const char *s);
void db_bind_blob(db_stmt *st, int idx, const void *p, size_t n);
void db_bind_null(db_stmt *st, int idx);
/* DB_ROW, DB_DONE, or a negative E_* code (E_CONFLICT on a unique or
 * foreign-key violation, E_UNAVAILABLE when the server is unreachable). */
int db_step(db_stmt *st, err *e);
/* Columns are 0-based; values stay valid until the next step or finalize. */
int db_col_count(db_stmt *st);
bool db_col_null(db_stmt *st, int col);
int64_t db_col_i64(db_stmt *st, int col);
double db_col_double(db_stmt *st, int col);
const char *db_col_text(db_stmt *st, int col); /* NULL for SQL NULL */
const void *db_col_blob(db_stmt *st, int col, size_t *n);
/* enum db_type of the value in the current row (DB_NULL for SQL NULL). On
 * PostgreSQL it follows the column's declared type: integer and boolean
 * types are DB_INT, float and numeric DB_REAL, bytea DB_BLOB, others DB_TEXT. */
int db_col_type(db_stmt *st, int col);
/* The result column's name (valid until finalize). */
const char *db_col_name(db_stmt *st, int col);
void db_finalize(db_stmt *st);
/* Makes a statement ready to run again with new parameters (a bulk insert
 * prepared once and stepped many times). Every parameter is unbound (NULL)
 * afterwards on both engines: bind them all again before the next step.
 * Rows of the previous run are gone; db_changes() is left as it was. */
void db_reset(db_stmt *st);
/* Rows changed by the last completed INSERT/UPDATE/DELETE statement. */
int64_t db_changes(db *d);

int db_begin(db *d, err *e); /* a write transaction (BEGIN IMMEDIATE on SQLite) */
/* A read-only transaction whose statements all see one snapshot (REPEATABLE
 * READ on PostgreSQL); end it with db_commit() or db_rollback(). */
int db_begin_read(db *d, err *e);
int db_commit(db *d, err *e);
void db_rollback(db *d);
bool db_in_tx(const db *d);

/*
 * Convenience: prepare + bind from a type string, one letter per parameter:
 *   'i' int, 'l' int64_t, 'd' double, 't' const char * (NULL → NULL),
 *   'b' const void *, size_t (blob), 'n' (no argument: NULL).
 * Pass exactly the C type the letter names: the arguments are varargs.
 */
int db_query(db *d, db_stmt **out, err *e, const char *sql, const char *types, ...);
/* Runs a statement to completion; returns rows changed (>= 0) or E_*. */
int64_t db_run(db *d, err *e, const char *sql, const char *types, ...);
/* First column of the first row as int64 (e.g. INSERT … RETURNING id).
 * E_NOTFOUND when there is no row. */
int db_get_i64(db *d, int64_t *out, err *e, const char *sql, const char *types, ...);

/* Applies the embedded migrations not yet applied; returns 0 or E_*.
 * Safe to run from several processes at once (each migration is applied
 * once). On PostgreSQL it then gives every `search_key` column a trigram
 * index when the pg_trgm extension is, or can be, installed (see
 * docs/deploy.md); without it search still works, by sequential scan. */
int db_migrate(db *d, err *e);
/* Highest migration version applied (0 for an empty database). */
int db_schema_version(db *d);

/*
 * Schema introspection, for tools that work on whole databases (`thidua db
 * copy`), not for request code. Tables are those of the application: the
 * engine's own and schema_migrations are left out.
 */
/* Table names, every table after the tables it references (self-references
 * aside). The caller frees them with db_free_names(). */
int db_tables(db *d, char ***names, size_t *n, err *e);
void db_free_names(char **names, size_t n);

/* One column of a foreign key: table.column references ref_table.ref_column. */
struct db_fkey {
	char *table, *column, *ref_table, *ref_column;
};
int db_foreign_keys(db *d, struct db_fkey **keys, size_t *n, err *e);
void db_free_fkeys(struct db_fkey *keys, size_t n);

/* After rows were inserted with explicit ids: makes generated ids continue
 * after the highest one present (PostgreSQL identity sequences; SQLite's
 * AUTOINCREMENT does this by itself). */
int db_reset_ids(db *d, err *e);

/* Row counts of one table on both sides of a copy. */
struct db_copy_count {
	char *table;
	int64_t src, dst;
};
/*
 * Copies every table of src into dst: dst is migrated first and must hold no
 * data beyond what the migrations put there (that is replaced by src's).
 * Both must be at the same schema version. Rows are copied value by value in
 * one transaction on dst, from one snapshot of src. On return (success or
 * not) *counts holds the row count of each table on both sides when they
 * could be read; a difference is an error (E_CONFLICT).
 */
int db_copy(db *src, db *dst, struct db_copy_count **counts, size_t *n, err *e);
void db_free_counts(struct db_copy_count *counts, size_t n);

#endif
