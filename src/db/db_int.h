/*
 * db_int.h — what a storage driver provides. Only src/db/ includes this.
 */
#ifndef THIDUA_DB_INT_H
#define THIDUA_DB_INT_H

#include "db.h"

struct db_driver {
	const char *name;
	/* Replacement for each {{TOKEN}} in migration SQL, NULL-terminated pairs. */
	const char *const *dialect;
	int (*open)(const char *target, db **out, err *e);
	void (*close)(db *d);
	int (*exec)(db *d, const char *sql, err *e);
	int (*prepare)(db *d, const char *sql, db_stmt **out, err *e);
	void (*bind_i64)(db_stmt *st, int idx, int64_t v);
	void (*bind_double)(db_stmt *st, int idx, double v);
	void (*bind_text)(db_stmt *st, int idx, const char *s);
	void (*bind_blob)(db_stmt *st, int idx, const void *p, size_t n);
	void (*bind_null)(db_stmt *st, int idx);
	int (*step)(db_stmt *st, err *e);
	int (*col_count)(db_stmt *st);
	bool (*col_null)(db_stmt *st, int col);
	int64_t (*col_i64)(db_stmt *st, int col);
	double (*col_double)(db_stmt *st, int col);
	const char *(*col_text)(db_stmt *st, int col);
	const void *(*col_blob)(db_stmt *st, int col, size_t *n);
	int (*col_type)(db_stmt *st, int col);
	const char *(*col_name)(db_stmt *st, int col);
	void (*finalize)(db_stmt *st);
	void (*reset)(db_stmt *st);
	int64_t (*changes)(db *d);
	const char *begin_sql;      /* "BEGIN IMMEDIATE" / "BEGIN" */
	const char *begin_read_sql; /* a read-only snapshot transaction */
	/* Introspection queries: application tables (one column: name), and
	 * foreign keys (table, column, ref_table, ref_column), one row per column. */
	const char *tables_sql;
	const char *fkeys_sql;
	/* Serialise db_migrate() across processes where the engine's write
	 * transaction does not (NULL: nothing to do). */
	const char *migrate_lock_sql;
	const char *migrate_unlock_sql;
	/* Optional extra steps, NULL when the engine needs none. */
	int (*after_migrate)(db *d, err *e);
	int (*reset_ids)(db *d, err *e);
};

/* Every driver's db and db_stmt start with these headers. */
struct db {
	const struct db_driver *drv;
	bool in_tx;
};

struct db_stmt {
	const struct db_driver *drv;
	db *owner;
};

extern const struct db_driver db_sqlite_driver;
extern const struct db_driver db_pg_driver;

#endif
